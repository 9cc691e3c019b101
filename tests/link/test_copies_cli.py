"""Listings through the CLI: a repeated text counts once unless --all."""

from __future__ import annotations

import json
from typing import Any

import pytest
from typer.testing import CliRunner

from dossier.present.cli.app import app

runner = CliRunner()

# Written for this test in the manner of a KCNA story; stored three times:
# as first run, re-run under a new headline, and re-run by another outlet
# with the figure changed.
STORY = (
    "Pyongyang, October 25 (KCNA) -- China sent a million volunteers of the"
    " Chinese People's Volunteers to the Korean front in October 1950, the"
    " veterans recalled at a meeting held in Pyongyang on Friday."
    ' "We fought shoulder to shoulder," said Kim Yong Chun, a veteran of the war.\n'
    "The meeting was attended by officials of the Ministry of Foreign Affairs"
    " and members of the Chinese embassy, who laid wreaths at the tower of"
    " friendship on Moran Hill.\n"
    "Speakers said the friendship sealed in blood would be carried forward by"
    " the younger generations of the two countries for ever."
)
CHANGED = STORY.replace("a million volunteers", "nearly three million fighters")


def listing(*args: str) -> Any:
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("copies-cli")
    stories = [
        ("Veterans Meet", "1990-10-25", "KCNA", STORY),
        ("Veterans Meeting Held", "1990-10-27", "KCNA", STORY),
        ("Other Account", "1990-10-28", "Xinhua", CHANGED),
    ]
    (folder / "in.jsonl").write_text(
        "".join(
            json.dumps({"title": t, "date": d, "outlet": o, "text": x}) + "\n"
            for t, d, o, x in stories
        ),
        encoding="utf-8",
    )
    path = folder / "copies.db"
    report = listing("build", str(folder / "in.jsonl"), "--db", str(path))
    assert report["copies"] == {"groups": 1, "documents": 2}
    return str(path)


def test_docs_lists_copies_only_with_all(db: str) -> None:
    docs = listing("docs", "--db", db)
    every = listing("docs", "--db", db, "--all")
    assert [d["title"] for d in docs] == ["Veterans Meet"]
    first = docs[0]["id"]
    assert [(d["title"], d["copy_of"], d["copy_group"]) for d in every] == [
        ("Veterans Meet", None, first),
        ("Veterans Meeting Held", first, first),
        ("Other Account", first, first),
    ]


def test_timeline_and_quotes_give_a_repeated_row_once(db: str) -> None:
    quotes = listing("quotes", "--db", db)
    assert quotes and all(q["copy_of"] is None for q in quotes)
    assert len(listing("quotes", "--db", db, "--all")) == 3 * len(quotes)
    timeline = listing("timeline", "--db", db)
    every = listing("timeline", "--db", db, "--all")
    assert len(timeline) < len(every)
    # The changed sentence is the re-run's own: its dates stay listed.
    changed = [row for row in timeline if row["copy_of"]]
    assert changed and all("three million" in row["sentence"] for row in changed)


def test_claims_count_independent_texts_and_flag_a_changed_figure(db: str) -> None:
    claims = listing("claims", "--db", db)
    assert sorted(c["text"].split(" of ")[0] for c in claims) == [
        "a million volunteers",
        "nearly three million fighters",
    ]
    assert len(listing("claims", "--db", db, "--all")) == 3
    for flags in ([], ["--all"]):
        # Issue 15: copies of one text are one source, neither a conflict nor
        # an agreement; the changed figure is named among unrelated groups.
        assert listing("claims", "--db", db, "--conflicts", *flags) == []
        (group,) = listing("claims", "--db", db, "--conflicts", "--unrelated", *flags)
        assert (group["verdict"], group["documents"]) == ("unrelated", 1)
        assert "a re-run changed the figure" in group["reason"]


def test_entities_count_a_copy_group_once(db: str) -> None:
    def veteran(*flags: str) -> dict[str, Any]:
        rows = listing("entities", "--db", db, *flags)
        found: dict[str, Any] = next(r for r in rows if r["name"] == "Kim Yong Chun")
        return found

    assert (veteran()["documents"], veteran()["mentions"]) == (1, 1)
    assert (veteran("--all")["documents"], veteran("--all")["mentions"]) == (3, 3)


def test_every_listing_has_all(db: str) -> None:
    for command in ("docs", "entities", "timeline", "claims", "quotes", "citations"):
        result = runner.invoke(app, [command, "--help"])
        assert "--all" in result.output, command
