"""Entity overrides in the store: names found through variants, files checked."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from dossier.errors import InputError
from dossier.link import link_entities
from dossier.store import connect, overrides
from dossier.store.mention_counts import insert_mentions


@pytest.fixture
def connection(tmp_path: Path) -> sqlite3.Connection:
    connection = connect(tmp_path / "d.db")
    connection.executescript(
        """
        INSERT INTO files VALUES ('f', 'x', 1, 'now', '', NULL);
        INSERT INTO sources VALUES (1, 'f', 0, 'x', 'utf-8', 'raw', '[]', '{}');
        INSERT INTO documents(rowid, id, source_id, ordinal, kind, text, offsets,
            raw_start, raw_end, chars)
        VALUES (1, 'a', 1, 0, 'article', 't', x'', 0, 0, 1),
               (2, 'b', 1, 1, 'article', 't', x'', 0, 0, 1);
        """
    )
    insert_mentions(
        connection,
        [
            (doc, start, end, text, entity, type_, None, key, None, None)
            for doc, start, end, text, entity, type_, key in [
                (1, 0, 11, "Kim Il-sung", "Kim Il Sung", "PERSON", "kim il sung"),
                (1, 20, 31, "Kim Song Ju", "Kim Song Ju", "PERSON", "kim song ju"),
                (2, 0, 2, "GM", "GM", "ORG", "gm"),
                (2, 5, 19, "General Motors", "General Motors", "ORG", "general motors"),
            ]
        ],
    )
    link_entities(connection)
    return connection


def test_names_resolve_through_printed_variants(connection: sqlite3.Connection) -> None:
    assert overrides.variant_key(connection, "KIM IL-SUNG") == "kim il sung"
    assert overrides.variant_key(connection, "general motors") == "general motors"
    with pytest.raises(InputError, match="no entity 'Kim Jong Un'"):
        overrides.variant_key(connection, "Kim Jong Un")


def test_merging_a_name_with_itself_is_refused(connection: sqlite3.Connection) -> None:
    with pytest.raises(InputError, match="one name already"):
        overrides.merge(connection, "Kim Il Sung", "Kim Il-sung")


def test_a_merge_then_a_split_of_one_side_leaves_the_split(
    connection: sqlite3.Connection,
) -> None:
    overrides.merge(connection, "Kim Song Ju", "Kim Il Sung")
    overrides.split(connection, "Kim Song Ju")
    actions = [o["action"] for o in overrides.export_overrides(connection)["overrides"]]
    assert actions == ["split"]
    keys = [r[0] for r in connection.execute("SELECT key FROM entities ORDER BY key")]
    assert keys == ["general motors", "gm", "kim il sung", "kim song ju"]


def test_import_finds_a_missing_key_by_its_name(connection: sqlite3.Connection) -> None:
    done = overrides.import_overrides(
        connection,
        {
            "format": overrides.FORMAT,
            "overrides": [
                {
                    "action": "merge",
                    "a": "gm (keyed otherwise elsewhere)",
                    "a_name": "GM",
                    "b": "motors",
                    "b_name": "General Motors",
                }
            ],
        },
    )
    assert done == 1
    (entity,) = connection.execute(
        "SELECT DISTINCT entity FROM entity_keys WHERE key IN ('gm', 'general motors')"
    ).fetchall()
    assert entity[0] in ("gm", "general motors")


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ([], "not an overrides file"),
        ({"format": "other"}, "not an overrides file"),
        ({"format": overrides.FORMAT, "overrides": {}}, "not a list"),
        (
            {"format": overrides.FORMAT, "overrides": [{"action": "join"}]},
            "override 1: action must be merge or split",
        ),
        (
            {
                "format": overrides.FORMAT,
                "overrides": [{"action": "split", "a": "nobody"}],
            },
            "override 1: no key 'nobody' here and no name",
        ),
    ],
)
def test_a_bad_overrides_file_applies_nothing(
    connection: sqlite3.Connection, document: object, message: str
) -> None:
    with pytest.raises(InputError, match=message):
        overrides.import_overrides(connection, document)
    assert overrides.export_overrides(connection)["overrides"] == []
