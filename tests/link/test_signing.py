"""Link signatures made with the documents (in the workers) are the ones link
would make itself, and a build that takes them links exactly as one that
signs every text again (issue 14)."""

from __future__ import annotations

import itertools
import json
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import numpy as np
import pytest

from dossier.link import copies, reuse
from dossier.link.passages import passage_bands, read_words
from dossier.link.shingles import sign
from dossier.link.signing import (
    Signed,
    copy_signature,
    passage_keys,
    sign_document,
    sign_once,
    size_of,
)
from dossier.packs import Pack
from dossier.pipeline import run_file
from dossier.present.cli.build import build_files
from dossier.settings import Settings
from tests.link.test_reuse import essay_words, record, write

# Tables the link steps fill, each row named by document ids (rowids differ
# between databases).
LINKED = {
    "signatures": "SELECT d.id, s.kind, s.digest, s.shingles, s.banded, s.minhash"
    " FROM signatures s JOIN documents d ON d.rowid = s.doc",
    "bands": "SELECT b.key, d.id FROM bands b JOIN documents d ON d.rowid = b.doc",
    "copy_of": "SELECT id, copy_of, copy_group FROM documents",
    "reuse_bands": "SELECT b.key, d.id, b.passage FROM reuse_bands b"
    " JOIN documents d ON d.rowid = b.doc",
    "reuses": "SELECT x.id, y.id, r.a_start, r.a_end, r.b_start, r.b_end, r.score"
    " FROM reuses r JOIN documents x ON x.rowid = r.a"
    " JOIN documents y ON y.rowid = r.b",
}


def kcna_texts(corpus: Path, count: int) -> list[str]:
    with (corpus / "kcna-2024" / "kcna-2024.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line)["text"] for line in itertools.islice(handle, count)]


def test_signs_equal_what_each_link_step_makes_of_the_text(corpus: Path) -> None:
    texts = kcna_texts(corpus, 40)
    # Lower-casing lengthens `İ`: copies and reuse read its words differently.
    texts += ["İstanbul talks " + texts[0], "", "One two."]
    for text in texts:
        signs = sign_document(text)
        assert copy_signature(signs) == sign(text)
        expected = passage_bands(read_words(text).shingles)
        assert np.array_equal(passage_keys(signs), expected)
        assert passage_keys(signs).shape == expected.shape


def test_documents_carry_their_signs_when_asked(pack: Pack) -> None:
    examples = Path(__file__).resolve().parents[2] / "examples"
    settings = Settings(annotate=False)
    result = run_file(examples / "wire.jsonl", pack, settings, sign=True)
    documents = [d for item in result.sources for d in item.documents]
    assert documents
    for document in documents:
        assert document.signs == sign_document(document.text)
    # In one process the link steps sign as they go: nothing is made twice.
    alone = run_file(examples / "wire.jsonl", pack, settings)
    assert all(d.signs is None for item in alone.sources for d in item.documents)


def test_a_repeated_text_is_signed_once(corpus: Path) -> None:
    text = kcna_texts(corpus, 1)[0]
    first = sign_once(text)
    assert first == sign_document(text)
    assert sign_once(text[:1] + text[1:]) is first


def test_signed_is_bounded_and_keyed_by_text() -> None:
    first, second = "Alpha beta gamma delta. " * 20, "Other words here. " * 20
    signed = Signed(limit=size_of(sign_document(first)) + 10)
    signed.add(first, sign_document(first))
    signed.add(second, sign_document(second))
    assert len(signed) == 1
    assert signed.get(first) == sign_document(first)
    assert signed.get(second) is None


@pytest.mark.usefixtures("forkserver")
def test_a_build_taking_the_workers_signs_links_as_one_signing_again(
    corpus: Path, tmp_path: Path
) -> None:
    stories = kcna_texts(corpus, 30)
    folder = tmp_path / "in"
    # A story repeated, one repeated with a line added, one quoted in an essay.
    lines = [record(text, f"Story {n}", "2024-05-03") for n, text in enumerate(stories)]
    lines.append(record(stories[3], "Story 3 again", "2024-05-04"))
    lines.append(
        record(stories[5] + "\n\nIt was widely noted.", "Edited", "2024-05-05")
    )
    essay = essay_words(1, 400) + '\n\n"' + stories[7] + '"\n\n' + essay_words(2, 400)
    lines.append(record(essay, "Essay", "2024-06-01"))
    write(folder, "kcna.jsonl", *lines)
    db = tmp_path / "taken.db"
    # The pool's workers sign; the parent links with what they made.
    settings = Settings(db=str(db), annotate=False, engine="pool", workers=2)
    report = build_files([folder], settings)
    assert report.failures == [] and report.copies is not None
    again = tmp_path / "again.db"
    shutil.copy(db, again)
    with closing(sqlite3.connect(again, isolation_level=None)) as connection:
        for table in ("near_copies", "bands", "signatures", "reuses", "reuse_bands"):
            connection.execute(f"DELETE FROM {table}")
        connection.execute("DELETE FROM reuse_signed")
        connection.execute("UPDATE documents SET copy_of = NULL, copy_group = NULL")
        copies.link_copies(connection)
        reuse.link_reuse(connection)
    found = {}
    for name, query in LINKED.items():
        rows = []
        for path in (db, again):
            with closing(sqlite3.connect(path)) as connection:
                rows.append(sorted(connection.execute(query).fetchall()))
        assert rows[0] == rows[1], name
        found[name] = rows[0]
    assert any(copy for _, copy, _ in found["copy_of"]) and found["reuses"]
