"""A pair whose passages share one band is compared when its texts share
ONE_BAND_GRAMS shingles (`link.reuse`), by the keys the store kept."""

from __future__ import annotations

import sqlite3

from dossier.link import reuse, reuse_candidates
from tests.link.test_reuse import STORY, essay_words
from tests.link.test_reuse_formula import add
from tests.link.test_reuse_rewrites import REWRITTEN


def test_texts_sharing_enough_shingles_pass_one_band_others_do_not(
    connection: sqlite3.Connection,
) -> None:
    rewrite = f"{essay_words(1, 120)} {REWRITTEN} {essay_words(2, 120)}"
    # Shares a dozen words of the story's frame, no passage.
    other = f"{essay_words(3, 120)} During its stay the delegation visited farms."
    add(connection, [STORY, rewrite, other])
    reuse.link_reuse(connection)
    rowid = {
        str(doc): int(row)
        for row, doc in connection.execute("SELECT rowid, id FROM documents")
    }
    story, rewritten, unrelated = rowid["doc-0"], rowid["doc-1"], rowid["doc-2"]
    assert reuse_candidates.sharing(
        connection, [(story, rewritten), (story, unrelated)]
    ) == {(story, rewritten)}
