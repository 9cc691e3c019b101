"""Copies grouped at build: exact and near repeats, the earliest names the group."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from dossier.link import copies
from dossier.link.shingles import containment, shingle_hashes, sign, words
from dossier.present.cli.build import BuildReport, build_files
from dossier.settings import Settings

# Wire copy written for these tests in the manner of KCNA stories.
STORY = (
    "Pyongyang, May 3 (KCNA) -- A delegation of the Ministry of Agriculture led by"
    " its vice-minister left here on Friday to study rice farming in the"
    " southern provinces of the country.\n"
    "During its stay the delegation visited cooperative farms in South Hwanghae"
    " Province, where it looked round fields sown with new strains of rice and"
    " the irrigation canals dug by the farmers last winter.\n"
    "It also visited the Academy of Agricultural Science, where the officials"
    " exchanged views with scientists on raising yields per hectare and on the"
    " mechanisation of transplanting.\n"
    "The delegation is to return home on May 10 after touring fish farms and"
    " orchards along the east coast."
)
OTHER = (
    "Pyongyang, May 4 (KCNA) -- Workers of the Hwanghae Iron and Steel Complex"
    " overfulfilled their plan for April by 12 percent, raising pig iron output"
    " with a new oxygen blast furnace built by their own technicians.\n"
    "Rolling mill workers introduced a computer numerical control system to"
    " the finishing line, which cut the loss of steel plate by a third.\n"
    "Their success is a great encouragement to the working people all over the"
    " country who are turning out in the drive for increased production.\n"
    "The complex plans to build a second furnace before the autumn harvest."
)
BOILERPLATE = (
    "Their success is a great encouragement to the working people all over the"
    " country who are turning out in the drive for increased production."
)


def record(text: str, title: str, date: str) -> dict[str, Any]:
    return {"title": title, "date": date, "outlet": "KCNA", "text": text}


def write(folder: Path, name: str, *records: dict[str, Any]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def build(folder: Path, db: Path) -> BuildReport:
    return build_files([folder], Settings(db=str(db), annotate=False))


def marks(db: Path) -> dict[str, tuple[str | None, str | None]]:
    """title -> (title of copy_of, title of copy_group)."""
    with closing(sqlite3.connect(db)) as connection:
        rows = connection.execute(
            "SELECT d.title, o.title, g.title FROM documents d"
            " LEFT JOIN documents o ON o.id = d.copy_of"
            " LEFT JOIN documents g ON g.id = d.copy_group"
        ).fetchall()
    return {title: (of, group) for title, of, group in rows}


def test_words_ignore_case_punctuation_and_spacing() -> None:
    assert (
        sign("The  Party's “plan”,\nfulfilled.").digest
        == sign("the party's plan fulfilled").digest
    )
    assert words("Juche-based 2024") == ["juche", "based", "2024"]


def test_shingle_hashes_are_distinct_three_word_windows() -> None:
    assert len(shingle_hashes(words("a b c d a b c"))) == 4
    assert len(shingle_hashes(words("a b"))) == 1
    assert len(shingle_hashes([])) == 0


def test_containment_is_the_share_of_the_smaller() -> None:
    whole = shingle_hashes(words(STORY))
    lead = shingle_hashes(words(STORY.split("\n")[0]))
    assert containment(lead, whole) == 1.0
    assert containment(whole, shingle_hashes(words(OTHER))) < 0.1


def test_short_texts_get_no_bands() -> None:
    assert sign(STORY.split("\n")[0]).bands == ()
    assert len(sign(STORY).bands) == 42


def test_exact_copy_with_a_new_headline_is_grouped_under_the_earliest(
    tmp_path: Path,
) -> None:
    write(tmp_path / "in", "a.jsonl", record(STORY, "Delegation Leaves", "2024-05-03"))
    # Stored second but dated first: the earlier date names the group.
    write(
        tmp_path / "in",
        "b.jsonl",
        record(STORY.replace("\n", "\n\n"), "Farm Study Tour", "2024-05-02"),
        record(OTHER, "Steel Output Rises", "2024-05-04"),
    )
    report = build(tmp_path / "in", tmp_path / "d.db")
    assert report.copies == copies.CopyReport(signed=3, groups=1, copies=1)
    assert marks(tmp_path / "d.db") == {
        "Delegation Leaves": ("Farm Study Tour", "Farm Study Tour"),
        "Farm Study Tour": (None, "Farm Study Tour"),
        "Steel Output Rises": (None, None),
    }


def test_same_date_ties_go_to_the_smaller_id(tmp_path: Path) -> None:
    write(tmp_path / "in", "a.jsonl", record(STORY, "First", "2024-05-03"))
    write(tmp_path / "in", "b.jsonl", record(STORY, "Second", "2024-05-03"))
    build(tmp_path / "in", tmp_path / "d.db")
    with closing(sqlite3.connect(tmp_path / "d.db")) as connection:
        rows = connection.execute("SELECT id, copy_of, copy_group FROM documents")
        (earliest, *_), (later, *_) = sorted(rows)
        assert connection.execute(
            "SELECT id, copy_of, copy_group FROM documents ORDER BY id"
        ).fetchall() == [(earliest, None, earliest), (later, earliest, earliest)]


def test_near_copy_with_a_new_headline_and_a_line_added_is_grouped(
    tmp_path: Path,
) -> None:
    paragraphs = STORY.split("\n")
    rerun = "\n".join(
        [
            paragraphs[0].replace("Friday", "Friday morning"),
            paragraphs[1],
            "Officials of the ministry saw it off at the airport.",
            *paragraphs[2:],
        ]
    )
    write(tmp_path / "in", "a.jsonl", record(STORY, "Delegation Leaves", "2024-05-03"))
    write(tmp_path / "in", "b.jsonl", record(rerun, "Farm Officials", "2024-05-04"))
    report = build(tmp_path / "in", tmp_path / "d.db")
    assert report.copies is not None and report.copies.groups == 1
    assert marks(tmp_path / "d.db")["Farm Officials"] == (
        "Delegation Leaves",
        "Delegation Leaves",
    )


def test_different_stories_sharing_a_boilerplate_sentence_are_not_copies(
    tmp_path: Path,
) -> None:
    story = STORY + "\n" + BOILERPLATE
    write(tmp_path / "in", "a.jsonl", record(story, "Delegation", "2024-05-03"))
    write(tmp_path / "in", "b.jsonl", record(OTHER, "Steel", "2024-05-04"))
    report = build(tmp_path / "in", tmp_path / "d.db")
    assert report.copies == copies.CopyReport(signed=2, groups=0, copies=0)


def test_the_lead_of_a_story_is_not_a_copy_of_it(tmp_path: Path) -> None:
    # All its shingles are in the story (containment 1.0), but a third of them.
    longer = STORY + "\n" + OTHER.replace("Pyongyang, May 4 (KCNA) -- ", "")
    lead = "\n".join(STORY.split("\n")[:2])
    write(tmp_path / "in", "a.jsonl", record(longer, "Delegation", "2024-05-03"))
    write(tmp_path / "in", "b.jsonl", record(lead, "Delegation (lead)", "2024-05-03"))
    assert sign(lead).bands
    report = build(tmp_path / "in", tmp_path / "d.db")
    assert report.copies == copies.CopyReport(signed=2, groups=0, copies=0)


def test_adding_files_signs_only_the_new_documents(tmp_path: Path) -> None:
    write(tmp_path / "in", "a.jsonl", record(STORY, "First", "2024-05-03"))
    write(tmp_path / "in", "b.jsonl", record(OTHER, "Steel", "2024-05-04"))
    build(tmp_path / "in", tmp_path / "d.db")
    write(tmp_path / "in", "c.jsonl", record(STORY, "Again", "2024-05-05"))
    report = build(tmp_path / "in", tmp_path / "d.db")
    assert report.copies == copies.CopyReport(signed=1, groups=1, copies=1)
    assert build(tmp_path / "in", tmp_path / "d.db").copies is None


def test_a_changed_file_regroups(tmp_path: Path) -> None:
    write(tmp_path / "in", "a.jsonl", record(STORY, "First", "2024-05-03"))
    write(tmp_path / "in", "b.jsonl", record(STORY, "Again", "2024-05-05"))
    build(tmp_path / "in", tmp_path / "d.db")
    write(tmp_path / "in", "a.jsonl", record(OTHER, "Steel", "2024-05-04"))
    report = build(tmp_path / "in", tmp_path / "d.db")
    # The new document, and "Again", which takes over the bands of its text.
    assert report.copies == copies.CopyReport(signed=2, groups=0, copies=0)
    assert marks(tmp_path / "d.db") == {"Steel": (None, None), "Again": (None, None)}


def test_a_new_scheme_signs_everything_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "in", "a.jsonl", record(STORY, "First", "2024-05-03"))
    write(tmp_path / "in", "b.jsonl", record(STORY, "Again", "2024-05-05"))
    build(tmp_path / "in", tmp_path / "d.db")
    monkeypatch.setattr(copies, "SCHEME", copies.SCHEME + "-next")
    with closing(sqlite3.connect(tmp_path / "d.db")) as connection:
        connection.isolation_level = None
        assert copies.needs_linking(connection)
        assert copies.link_copies(connection) == copies.CopyReport(2, 1, 1)
        assert not copies.needs_linking(connection)


def test_a_copy_takes_over_when_its_banded_twin_is_gone(tmp_path: Path) -> None:
    # Bands are kept for one document of a text; when its file changes, an
    # exact copy is signed again and still finds the near copy.
    rerun = STORY.replace("Friday", "Friday morning") + "\nIt was seen off there."
    write(tmp_path / "in", "a.jsonl", record(STORY, "First", "2024-05-03"))
    write(tmp_path / "in", "b.jsonl", record(STORY, "Again", "2024-05-05"))
    write(tmp_path / "in", "c.jsonl", record(rerun, "Rerun", "2024-05-06"))
    assert build(tmp_path / "in", tmp_path / "d.db").copies == copies.CopyReport(
        3, 1, 2
    )
    with closing(sqlite3.connect(tmp_path / "d.db")) as connection:
        assert connection.execute(
            "SELECT count(DISTINCT doc) FROM bands"
        ).fetchone() == (2,)
    write(tmp_path / "in", "a.jsonl", record(OTHER, "Steel", "2024-05-04"))
    report = build(tmp_path / "in", tmp_path / "d.db")
    assert report.copies == copies.CopyReport(signed=2, groups=1, copies=1)
    assert marks(tmp_path / "d.db") == {
        "Steel": (None, None),
        "Again": (None, "Again"),
        "Rerun": ("Again", "Again"),
    }
