"""Entities linked across documents from the mentions table."""

from __future__ import annotations

import json
from pathlib import Path

from dossier.link import link_entities
from dossier.store import connect


def test_link_entities_groups_by_key_and_counts_documents(tmp_path: Path) -> None:
    connection = connect(tmp_path / "d.db")
    connection.executescript(
        """
        INSERT INTO files VALUES ('f', 'x', 1, 'now', '', NULL);
        INSERT INTO sources VALUES (1, 'f', 0, 'x', 'utf-8', 'raw', '[]', '{}');
        INSERT INTO documents(rowid, id, source_id, ordinal, kind, text, offsets,
            raw_start, raw_end, chars)
        VALUES (1, 'a', 1, 0, 'article', 't', x'', 0, 0, 1),
               (2, 'b', 1, 1, 'article', 't', x'', 0, 0, 1);
        INSERT INTO mentions VALUES
            (1, 0, 11, 'Kim Il Sung', 'Kim Il Sung', 'PERSON', NULL, 'kim il sung'),
            (1, 20, 31, 'Kim Il-sung', 'Kim Il Sung', 'PERSON', NULL, 'kim il sung'),
            (2, 0, 11, 'Kim Jong Il', 'Kim Jong Il', 'PERSON', NULL, 'kim jong il'),
            (2, 20, 39, 'President Kim Il Sung', 'Kim Il Sung', 'PERSON',
             'President', 'kim il sung');
        """
    )
    assert link_entities(connection) == 2
    rows = {
        row["name"]: row
        for row in connection.execute("SELECT * FROM entities").fetchall()
    }
    assert set(rows) == {"Kim Il Sung", "Kim Jong Il"}
    assert rows["Kim Il Sung"]["mentions"] == 3
    assert rows["Kim Il Sung"]["documents"] == 2
    assert "Kim Il-sung" in json.loads(rows["Kim Il Sung"]["aliases"])
    # Rebuilding replaces, never duplicates.
    assert link_entities(connection) == 2
