"""Resolve mentions to entities across documents: keys joined on evidence.

Only keys whose mentions changed (`entity_stale`, kept by the writer
(`store.mention_counts`) and by triggers on deleted mentions and documents'
copy groups) are read again, from the counts kept with it (`entity_forms`,
`entity_docs`), never from `mentions`; the
corpus is then linked at the level of keys (`link.identity`, one row per
distinct name, not per mention), and only the entities whose keys, counts or
evidence changed are rewritten. The user's overrides (`entity_overrides`)
are applied after the rules, on every link, so they survive rebuilds.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from dossier.annotate.entities.index import build_index
from dossier.link.entity_rows import LOAD as _LOAD
from dossier.link.entity_rows import entity_rows
from dossier.link.identity import (
    KeyStats,
    Link,
    collect,
    form_key,
    link_keys,
    one_word_titles,
)
from dossier.packs import Pack, load_pack


def link_entities(
    connection: sqlite3.Connection,
    *,
    pack: Pack | None = None,
    worked_out: EntityChanges | None = None,
) -> int:
    """Bring `entities` up to date with `mentions`; return how many entities.

    `pack` tells pack variants apart in the evidence (the default pack when
    None). `mentions` and `documents` count a text repeated in a copy group
    once (link.copies runs first); `mentions_all` and `documents_all` count
    every document. `worked_out`: the changes `entity_changes` read from the
    store as it is now, in another process (the caller knows nothing it
    reads was written since); written as they are when they name the keys
    still stale, else worked out again here.
    """
    if needs_entities(connection):
        # Read and cleared in one write transaction: a build writing
        # meanwhile waits, and its keys stay stale for the next link.
        connection.execute("BEGIN IMMEDIATE")
        try:
            stale = _stale(connection)
            changes = worked_out
            if changes is None or changes.stale != stale:
                changes = _changes(connection, stale, pack)
            _write(connection, changes)
            connection.execute("DELETE FROM entity_stale")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")
    count: int = connection.execute("SELECT count(*) FROM entities").fetchone()[0]
    return count


def entity_changes(
    connection: sqlite3.Connection, *, pack: Pack | None = None
) -> EntityChanges:
    """What `link_entities` would write now, read in one read transaction
    and written nowhere: another process works it out while the writer
    links something else (`engine.aside`)."""
    connection.execute("BEGIN")
    try:
        return _changes(connection, _stale(connection), pack)
    finally:
        connection.execute("COMMIT")


def needs_entities(connection: sqlite3.Connection) -> bool:
    """Whether some key's mentions changed since the last link."""
    return (
        connection.execute("SELECT 1 FROM entity_stale LIMIT 1").fetchone() is not None
    )


def mark_stale(connection: sqlite3.Connection, keys: Iterable[str]) -> None:
    """Have the next link look at `keys` again (an override touched them)."""
    connection.executemany(
        "INSERT OR IGNORE INTO entity_stale VALUES (?)", ((k,) for k in keys)
    )


@dataclass(frozen=True, slots=True)
class EntityChanges:
    """The rows a link of the stale keys deletes and writes, in order."""

    stale: tuple[str, ...]
    gone_keys: tuple[str, ...] = ()
    key_rows: tuple[tuple[Any, ...], ...] = ()
    entities: tuple[str, ...] = ()  # root keys whose rows are rewritten
    entity_rows: tuple[tuple[Any, ...], ...] = ()


def _stale(connection: sqlite3.Connection) -> tuple[str, ...]:
    return tuple(r[0] for r in connection.execute("SELECT key FROM entity_stale"))


def _changes(
    connection: sqlite3.Connection, stale: tuple[str, ...], pack: Pack | None
) -> EntityChanges:
    """Link the stale keys with every stored one; only reads the store."""
    fresh = _key_stats(connection, list(stale))
    stored = _stored(connection)
    touched: set[str] = set()
    for key in stale:
        if key in stored:
            touched.add(stored[key][1].entity)
        if key not in fresh:
            stored.pop(key, None)
    for key, entry in fresh.items():
        old = stored.get(key)
        stored[key] = (entry, old[1] if old else Link(key, key, "", 0.0, None))
    merges, splits = _overrides(connection, stored)
    index = build_index(pack if pack is not None else load_pack())
    links = link_keys(
        {k: entry for k, (entry, _) in stored.items()},
        merges=merges,
        splits=splits,
        titles=one_word_titles(index),
    )
    changed = [k for k, (_, old) in stored.items() if links[k] != old]
    touched.update(stored[k][1].entity for k in changed)
    touched.update(links[k].entity for k in (*changed, *fresh))
    key_rows = tuple(
        (
            key,
            links[key].entity,
            stored[key][0].type,
            stored[key][0].name,
            stored[key][0].mentions,
            json.dumps(stored[key][0].forms, ensure_ascii=False),
            links[key].evidence,
            links[key].confidence,
            links[key].via,
        )
        for key in dict.fromkeys([*fresh, *changed])
    )
    entities = sorted(touched)
    return EntityChanges(
        stale=stale,
        gone_keys=tuple(k for k in stale if k not in fresh),
        key_rows=key_rows,
        entities=tuple(entities),
        entity_rows=entity_rows(connection, entities, links, stored, index),
    )


def _write(connection: sqlite3.Connection, changes: EntityChanges) -> None:
    connection.executemany(
        "DELETE FROM entity_keys WHERE key = ?", ((k,) for k in changes.gone_keys)
    )
    connection.executemany(
        "INSERT OR REPLACE INTO entity_keys(key, entity, type, name, mentions,"
        " forms, evidence, confidence, via) VALUES (?,?,?,?,?,?,?,?,?)",
        changes.key_rows,
    )
    connection.executemany(
        "DELETE FROM entities WHERE key = ?", ((e,) for e in changes.entities)
    )
    connection.executemany(
        "INSERT INTO entities(key, name, type, aliases, mentions, documents,"
        " mentions_all, documents_all, evidence) VALUES (?,?,?,?,?,?,?,?,?)",
        changes.entity_rows,
    )


def _key_stats(connection: sqlite3.Connection, keys: list[str]) -> dict[str, KeyStats]:
    """KeyStats of `keys` read from their mentions (missing: no mentions left)."""
    rows: list[tuple[str, str, str, str, int]] = []
    for start in range(0, len(keys), _LOAD):
        part = keys[start : start + _LOAD]
        marks = ",".join("?" * len(part))
        rows.extend(
            connection.execute(
                "SELECT key, entity, type, text, n FROM entity_forms"
                f" WHERE key IN ({marks})",
                part,
            )
        )
    return collect(rows)


def _stored(connection: sqlite3.Connection) -> dict[str, tuple[KeyStats, Link]]:
    """Every key as the last link left it."""
    return {
        key: (
            KeyStats(key, type_, name, mentions, json.loads(forms)),
            Link(key, entity, evidence, confidence, via),
        )
        for key, entity, type_, name, mentions, forms, evidence, confidence, via in (
            connection.execute(
                "SELECT key, entity, type, name, mentions, forms, evidence,"
                " confidence, via FROM entity_keys"
            )
        )
    }


def _overrides(
    connection: sqlite3.Connection, keys: Iterable[str]
) -> tuple[list[tuple[str, str]], list[str]]:
    """The user's merges and splits, by key. A key no longer stored (a new
    version of dossier keys the name otherwise) is found by its name."""
    known = set(keys)

    def key_of(key: str, name: str) -> str:
        return key if key in known or form_key(name) not in known else form_key(name)

    merges: list[tuple[str, str]] = []
    splits: list[str] = []
    for action, a, b, a_name, b_name in connection.execute(
        "SELECT action, a, b, a_name, b_name FROM entity_overrides ORDER BY id"
    ):
        if action == "merge":
            merges.append((key_of(a, a_name), key_of(b, b_name)))
        else:
            splits.append(key_of(a, a_name))
    return merges, splits
