"""A passage many texts hold is the outlet's formula, not reuse (link.reuse_formula)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from dossier.link import reuse, reuse_formula
from dossier.link.align import Alignment
from dossier.link.passages import read_words

# Texts sharing the formula: more than RARE_DOCS, fewer than STOCK_PARTNERS
# + 2 (so the older rules, which hide passages more than STOCK_PARTNERS other
# texts repeat, would still list them).
HOLDERS = reuse_formula.RARE_DOCS + 2


def kcna_stories(corpus: Path, count: int) -> list[str]:
    """The first `count` stories of kcna-2024 with 150 words or more."""
    stories: list[str] = []
    with (corpus / "kcna-2024" / "kcna-2024.jsonl").open(encoding="utf-8") as rows:
        for line in rows:
            text = str(json.loads(line)["text"])
            if len(text.split()) >= 150 and text not in stories:
                stories.append(text)
            if len(stories) == count:
                break
    return stories


def passage(text: str) -> str:
    """About 60 words from the middle of a story, whole words."""
    words = text.split()
    return " ".join(words[40:100])


def add(connection: sqlite3.Connection, texts: list[str]) -> None:
    (start,) = connection.execute("SELECT count(*) FROM documents").fetchone()
    connection.executemany(
        "INSERT INTO documents(id, source_id, ordinal, kind, title, date, text,"
        " offsets, raw_start, raw_end, chars) VALUES (?,1,?,'article','','',?,?,0,0,?)",
        [
            (f"doc-{start + n}", start + n, text, b"", len(text))
            for n, text in enumerate(texts)
        ],
    )
    connection.commit()


def texts(corpus: Path) -> list[str]:
    """HOLDERS stories each ending in one formula (a passage of another
    story), then a story and another repeating a passage of it: only the
    last two are reuse."""
    stories = kcna_stories(corpus, HOLDERS + 3)
    formula = passage(stories[0])
    holders = [f"{story}\n{formula}" for story in stories[1 : HOLDERS + 1]]
    source = stories[HOLDERS + 1]
    quoting = f"{stories[HOLDERS + 2]}\n{passage(source)}"
    return [*holders, source, quoting]


def pairs(connection: sqlite3.Connection) -> set[tuple[str, str]]:
    rows = connection.execute(
        "SELECT da.id, db.id FROM reuses r JOIN documents da ON da.rowid = r.a"
        " JOIN documents db ON db.rowid = r.b"
    )
    return {(str(a), str(b)) for a, b in rows}


def test_a_passage_many_texts_hold_is_no_reuse_one_two_hold_is(
    corpus: Path, connection: sqlite3.Connection
) -> None:
    add(connection, texts(corpus))
    reuse.link_reuse(connection)
    assert pairs(connection) == {(f"doc-{HOLDERS}", f"doc-{HOLDERS + 1}")}


def test_the_formula_is_reuse_while_few_texts_hold_it(
    corpus: Path, connection: sqlite3.Connection
) -> None:
    # Two holders only: the same words are then rare, and reuse.
    add(connection, texts(corpus)[HOLDERS - 2 :])
    reuse.link_reuse(connection)
    assert ("doc-0", "doc-1") in pairs(connection)


def test_texts_linked_one_at_a_time_store_what_all_at_once_do(
    corpus: Path, connection: sqlite3.Connection
) -> None:
    # The first holders are linked while the formula is rare; the later
    # ones make it common, and the passages stored before are dropped.
    every = texts(corpus)
    seen = []
    for text in every:
        add(connection, [text])
        reuse.link_reuse(connection)
        seen.append(pairs(connection))
    assert ("doc-0", "doc-1") in seen[1]
    assert seen[-1] == {(f"doc-{HOLDERS}", f"doc-{HOLDERS + 1}")}


def test_shared_grams_are_the_shingles_inside_both_sides() -> None:
    a = read_words("one two three four five six seven")
    b = read_words("nine two three four five ten")
    # Words 1..5 of a ("two" .. "five") against words 1..5 of b.
    shared = reuse_formula.shared_grams(a, b, Alignment(1, 5, 1, 5, 4))
    assert len(shared) == 2  # "two three four", "three four five"
    assert len(reuse_formula.shared_grams(a, b, Alignment(0, 3, 0, 3, 2))) == 0
