"""Classes of names that must stay apart or come together across documents:
a body and its sub-body, a rank inside a company's name, a company and its
bare name."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.annotate import annotate
from dossier.link.identity import collect, link_keys
from dossier.packs import Pack


def _keys(text: str, pack: Pack) -> dict[str, str]:
    """Printed name -> its link key, in one document."""
    found = annotate(text, pack=pack, anchor=None)
    return {m.text: found.entity_keys[m.entity] for m in found.mentions}


@pytest.mark.parametrize(
    ("text", "body", "sub_body"),
    [
        (
            "Choe Ryong Hae, member of the Presidium of the Political Bureau of"
            " the WPK Central Committee, spoke. The Political Bureau of the WPK"
            " Central Committee met on Monday.",
            "Political Bureau of the WPK Central Committee",
            "Presidium of the Political Bureau of the WPK Central Committee",
        ),
        (
            "The Standing Committee of the Central Committee met on Friday. The"
            " Central Committee opened its plenary meeting.",
            "Central Committee",
            "Standing Committee of the Central Committee",
        ),
    ],
)
def test_a_body_and_its_sub_body_stay_apart(
    pack: Pack, text: str, body: str, sub_body: str
) -> None:
    keys = _keys(text, pack)
    assert keys[body] != keys[sub_body]


def test_a_short_form_before_of_still_resolves(pack: Pack) -> None:
    keys = _keys(
        "The Korean People's Army held drills. The People's Army fired shells.",
        pack,
    )
    assert keys["People's Army"] == keys["Korean People's Army"]


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("Shares of General Motors fell on Monday.", "General Motors"),
        ("General Electric said it would cut jobs.", "General Electric"),
        ("Talks with General Dynamics ended in May.", "General Dynamics"),
        ("General Electric Co. agreed to the sale.", "General Electric Co."),
    ],
)
def test_a_rank_in_a_company_name_stays(pack: Pack, text: str, company: str) -> None:
    found = annotate(text, pack=pack, anchor=None)
    mention = next(m for m in found.mentions if m.text == company)
    assert mention.type == "ORG"
    assert mention.title is None
    assert found.entity_keys[mention.entity].startswith("general ")


def test_a_rank_before_a_person_is_still_a_title(pack: Pack) -> None:
    found = annotate(
        "General Kim Yong Chol met the delegation.", pack=pack, anchor=None
    )
    (mention,) = [m for m in found.mentions if m.type == "PERSON"]
    assert (mention.text, mention.title) == ("Kim Yong Chol", "General")


def test_ford_motor_company_is_ford_and_general_motors_no_general(
    pack: Pack,
) -> None:
    texts = [
        "Ford Motor Company said on Monday that it would build a plant in Ohio.",
        "Shares of Ford rose on Tuesday.",
        "General Motors and General Electric reported losses.",
    ]
    rows = []
    for text in texts:
        found = annotate(text, pack=pack, anchor=None)
        rows.extend(
            (found.entity_keys[m.entity], m.entity, m.type, m.text, 1)
            for m in found.mentions
        )
    # A stray `General` left untyped (so ORG) in some document.
    rows.append(("general", "General", "ORG", "General", 1))
    links = link_keys(collect(rows), titles={"general"})
    assert links["ford motor"].entity == "ford"
    assert links["general motors"].entity == "general motors"
    assert links["general electric"].entity == "general electric"


@pytest.mark.parametrize(
    "name",
    [
        "Political Bureau of the WPK Central Committee",
        "Political Bureau of the Central Committee of the WPK",
        "Political Bureau of the Central Committee of the Workers' Party of Korea",
        "Political Bureau of the C.C., WPK",
    ],
)
def test_one_body_named_every_way_has_one_key(pack: Pack, name: str) -> None:
    text = f"Choe Ryong Hae, member of the {name}, spoke."
    keys = [
        k
        for printed, k in _keys(text, pack).items()
        if printed.startswith("Political Bureau")
    ]
    assert keys == ["political bureau of central committee of the wpk"]


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        # The nearest body of the document with those initials.
        (
            "The Central Military Commission of the WPK met. Jo Yong Won, secretary"
            " of the C.M.C., spoke.",
            "Central Military Commission of the WPK",
        ),
        # Its owner printed after it.
        (
            "Kim Song Nam met the first secretary of the C.C., Communist Party of"
            " Belarus.",
            "Central Committee of the Communist Party of Belarus",
        ),
        # Neither: the one body the pack abbreviates so.
        (
            "Staff members of the C.C. and their families attended.",
            "Central Committee of the WPK",
        ),
    ],
)
def test_a_dotted_abbreviation_resolves_in_context(
    pack: Pack, text: str, entity: str
) -> None:
    found = annotate(text, pack=pack, anchor=None)
    (mention,) = [m for m in found.mentions if "." in m.text and m.text[-1] == "."]
    assert mention.entity == entity


def test_kcna_political_bureau_and_presidium_apart_cc_resolved(
    pack: Pack, corpus: Path
) -> None:
    """On kcna-2024 no `C.C.` stays unresolved, and no Political Bureau
    shares a key with a Presidium."""
    import json

    keys: dict[str, set[str]] = {"presidium": set(), "bureau": set()}
    unresolved = 0
    with (corpus / "kcna-2024" / "kcna-2024.jsonl").open(encoding="utf-8") as lines:
        stories = [json.loads(line)["text"] for line in lines]
    for text in stories:
        if "C.C." not in text and "Presidium" not in text:
            continue
        found = annotate(text, pack=pack, anchor=None)
        for mention in found.mentions:
            key = found.entity_keys[mention.entity]
            unresolved += mention.entity.endswith("C.C.")
            if mention.entity.startswith("Presidium of the Political Bureau"):
                keys["presidium"].add(key)
            elif mention.entity.startswith("Political Bureau"):
                keys["bureau"].add(key)
    assert unresolved == 0
    assert keys["presidium"] and keys["bureau"]
    assert not keys["presidium"] & keys["bureau"]
