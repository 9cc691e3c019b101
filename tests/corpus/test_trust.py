"""Issue 13's measures on kcna-2024 and the seeds, through a real build.

Nothing dropped, nothing doubled, nothing failing whole: every source gives
an article (or is stored whole, flagged), no document is a scrap, no
document loses its annotations to one bad phrase, and a second build
reprocesses nothing. (Locators are sliced per format in test_locators.py.)
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.present.cli.build import BuildReport
from tests.shared import Shared, copy
from tests.store.conftest import build, dump

pytestmark = [pytest.mark.corpus, pytest.mark.slow]


def inputs(corpus: Path) -> list[Path]:
    # kcna-2024 by its file: its folder holds a licence too.
    return [corpus / "seeds", corpus / "kcna-2024" / "kcna-2024.jsonl"]


@pytest.fixture(scope="module")
def built(
    corpus: Path, kcna_built: Shared, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, BuildReport]:
    """The seeds built into a copy of the session's kcna-2024 dossier: one
    kcna-2024 build for the session, not one more here. The kcna part's own
    report is checked here, the seeds' in the tests."""
    assert kcna_built.report.failures == []
    assert kcna_built.report.annotation_failures == []
    db = copy(kcna_built.db, tmp_path_factory.mktemp("trust") / "d.db")
    return db, build(inputs(corpus), db)


def test_every_source_gives_an_article(built: tuple[Path, BuildReport]) -> None:
    db, report = built
    assert report.failures == []
    bare = dump(
        db,
        "SELECT s.path, s.part FROM sources s WHERE NOT EXISTS (SELECT 1 FROM"
        " documents d WHERE d.source_id = s.id AND d.kind = 'article')",
    )
    assert bare == []
    assert dump(db, "SELECT count(*) FROM sources") == [(1_840 + 5,)]


def test_no_document_is_a_scrap(built: tuple[Path, BuildReport]) -> None:
    db, _ = built
    assert dump(db, "SELECT count(*) FROM documents WHERE chars < 20") == [(0,)]
    assert dump(db, "SELECT count(*) FROM documents WHERE title = ','") == [(0,)]


def test_no_document_loses_its_annotations(built: tuple[Path, BuildReport]) -> None:
    db, report = built
    assert report.annotation_failures == []
    assert dump(db, "SELECT count(*) FROM annotation_failures") == [(0,)]
    # Every article with a sentence's worth of text has some annotation.
    empty = dump(
        db,
        "SELECT d.id FROM documents d WHERE d.kind = 'article' AND d.chars > 300"
        " AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.doc = d.rowid)"
        " AND NOT EXISTS (SELECT 1 FROM times t WHERE t.doc = d.rowid)",
    )
    assert empty == []


def test_a_second_build_reprocesses_nothing(
    built: tuple[Path, BuildReport], corpus: Path
) -> None:
    db, first = built
    content = dump(db, "SELECT id, text FROM documents ORDER BY id")
    again = build(inputs(corpus), db)
    assert (again.files, again.stored, again.unchanged) == (first.files, 0, 6)
    assert dump(db, "SELECT id, text FROM documents ORDER BY id") == content
