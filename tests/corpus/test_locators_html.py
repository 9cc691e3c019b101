"""Every span's locator in a saved HTML page points into the page's markup:
html-dev's 81 pages, as the session built them (tests/conftest.py), read back
through their locators from the gzipped originals (tests/corpus/locators.py).

A module of its own: the build it reads is one of the session's two big ones,
and the module needing it first starts it on one xdist worker while
test_locators.py starts kcna-2024's on the other."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from tests.corpus.locators import check_dossier
from tests.corpus.test_locators import ANNOTATED, assert_all_located
from tests.shared import Shared

pytestmark = [pytest.mark.corpus, pytest.mark.slow]


def test_locators_html_point_into_the_markup(
    corpus: Path, html_pages: Path, html_built: Shared
) -> None:
    assert html_built.report.failures == []
    originals = {
        str(page): str(corpus / "html-dev" / "html" / f"{page.name}.gz")
        for page in html_pages.iterdir()
    }
    # The locators are checked against the gzipped originals alone: every
    # stored file is read from its original, never from the unzipped copy.
    with closing(sqlite3.connect(html_built.db)) as connection:
        stored = {path for (path,) in connection.execute("SELECT path FROM files")}
    assert stored == set(originals)
    tally = check_dossier(html_built.db, originals)
    assert_all_located(tally, ANNOTATED - {"citations"})  # none in these pages
    annotations = sum(
        count for key, count in tally.checked.items() if not key.endswith("documents")
    )
    approximate = sum(
        count
        for key, count in tally.approximate.items()
        if not key.endswith("documents")
    )
    # Measured on html-dev: 4 of 6,256 annotations approximate, quotes running
    # over a caption extraction left out; the rest read exactly their text.
    assert annotations > 6000
    assert approximate <= 10
