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
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from dossier.annotate.entities.index import PackIndex, build_index
from dossier.link.identity import (
    KeyStats,
    Link,
    collect,
    form_key,
    link_keys,
    one_word_titles,
    variant_evidence,
)
from dossier.packs import Pack, load_pack

_LOAD = 10_000  # keys per statement when rows are read or written by key


def link_entities(connection: sqlite3.Connection, *, pack: Pack | None = None) -> int:
    """Bring `entities` up to date with `mentions`; return how many entities.

    `pack` tells pack variants apart in the evidence (the default pack when
    None). `mentions` and `documents` count a text repeated in a copy group
    once (link.copies runs first); `mentions_all` and `documents_all` count
    every document.
    """
    if needs_entities(connection):
        # Read and cleared in one write transaction: a build writing
        # meanwhile waits, and its keys stay stale for the next link.
        connection.execute("BEGIN IMMEDIATE")
        try:
            stale = [r[0] for r in connection.execute("SELECT key FROM entity_stale")]
            _relink(connection, stale, pack)
            connection.execute("DELETE FROM entity_stale")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")
    count: int = connection.execute("SELECT count(*) FROM entities").fetchone()[0]
    return count


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


def _relink(
    connection: sqlite3.Connection, stale: list[str], pack: Pack | None
) -> None:
    fresh = _key_stats(connection, stale)
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
    connection.executemany(
        "DELETE FROM entity_keys WHERE key = ?",
        ((k,) for k in stale if k not in fresh),
    )
    connection.executemany(
        "INSERT OR REPLACE INTO entity_keys(key, entity, type, name, mentions,"
        " forms, evidence, confidence, via) VALUES (?,?,?,?,?,?,?,?,?)",
        (
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
        ),
    )
    _write_entities(connection, sorted(touched), links, stored, index)


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


def _write_entities(
    connection: sqlite3.Connection,
    entities: list[str],
    links: dict[str, Link],
    stored: dict[str, tuple[KeyStats, Link]],
    index: PackIndex,
) -> None:
    """Rewrite the rows of `entities` (root keys) from their keys' mentions."""
    members: dict[str, list[str]] = defaultdict(list)
    for key, link in links.items():
        members[link.entity].append(key)
    connection.executemany(
        "DELETE FROM entities WHERE key = ?", ((e,) for e in entities)
    )
    # The counts of every entity's keys read at once: two statements per
    # entity (each prepared anew, its IN list of another length) were most
    # of linking kcna-2024's 2,596 entities (issue 14).
    wanted = sorted({key for entity in entities for key in members.get(entity, ())})
    forms = _forms_by_key(connection, wanted)
    documents = _documents_by_key(connection, wanted)
    records = []
    for entity in entities:
        keys = members.get(entity)
        if not keys:
            continue  # every key of it is gone or joined another entity
        records.append(
            _entity_row(entity, sorted(keys), forms, documents, links, stored, index)
        )
    connection.executemany(
        "INSERT INTO entities(key, name, type, aliases, mentions, documents,"
        " mentions_all, documents_all, evidence) VALUES (?,?,?,?,?,?,?,?,?)",
        records,
    )


FormRow = tuple[str, str, str, int]  # entity, type, text, n
DocumentRow = tuple[int, str, int]  # doc, its copy group (or id), n


def _forms_by_key(
    connection: sqlite3.Connection, keys: list[str]
) -> dict[str, list[FormRow]]:
    """Each key's printed forms, in the table's order (entity, type, text)."""
    forms: dict[str, list[FormRow]] = defaultdict(list)
    for start in range(0, len(keys), _LOAD):
        part = keys[start : start + _LOAD]
        for key, name, type_, text, count in connection.execute(
            "SELECT key, entity, type, text, n FROM entity_forms"
            f" WHERE key IN ({','.join('?' * len(part))})",
            part,
        ):
            forms[key].append((name, type_, text, count))
    return forms


def _documents_by_key(
    connection: sqlite3.Connection, keys: list[str]
) -> dict[str, list[DocumentRow]]:
    """Each key's documents with their copy group (or id) and its mentions there."""
    counted: list[tuple[str, int, int]] = []
    for start in range(0, len(keys), _LOAD):
        part = keys[start : start + _LOAD]
        counted.extend(
            connection.execute(
                "SELECT key, doc, n FROM entity_docs"
                f" WHERE key IN ({','.join('?' * len(part))})",
                part,
            )
        )
    # Each document's group read once, not once per key naming it; from
    # `document_copies`, as `documents.copy_group` lies after the text.
    docs = sorted({doc for _, doc, _ in counted})
    groups: dict[int, str] = {}
    for start in range(0, len(docs), _LOAD):
        part_docs = docs[start : start + _LOAD]
        groups.update(
            connection.execute(
                "SELECT d.rowid, coalesce(c.copy_group, d.id) FROM documents d"
                " LEFT JOIN document_copies c ON c.doc = d.rowid"
                f" WHERE d.rowid IN ({','.join('?' * len(part_docs))})",
                part_docs,
            )
        )
    documents: dict[str, list[DocumentRow]] = defaultdict(list)
    for key, doc, count in counted:
        documents[key].append((doc, groups[doc], count))
    return documents


def _entity_row(
    entity: str,
    keys: list[str],
    forms: dict[str, list[FormRow]],
    documents: dict[str, list[DocumentRow]],
    links: dict[str, Link],
    stored: dict[str, tuple[KeyStats, Link]],
    index: PackIndex,
) -> tuple[Any, ...]:
    """One entity's row from its `keys` (sorted, as an IN list reads them)."""
    names: Counter[str] = Counter()
    types: Counter[str] = Counter()
    printed: dict[str, str] = {}  # variant -> its key
    for key in keys:
        for name, type_, text, count in forms.get(key, ()):
            names[name] += count
            types[type_] += count
            printed.setdefault(text, key)
            printed.setdefault(name, key)
    # The most printed name; on a tie, the name of the entity's own key.
    own = stored[entity][0].name if entity in stored else ""
    name = max(names, key=lambda n: (names[n], n == own, n))
    # A copy group counts once, as its member with the most mentions: a near
    # copy may add a line that names the entity once more.
    per_document: Counter[int] = Counter()
    group_of: dict[int, str] = {}
    for key in keys:
        for doc, group, count in documents.get(key, ()):
            per_document[doc] += count
            group_of[doc] = group
    most: dict[str, int] = {}
    for doc, count in per_document.items():
        group = group_of[doc]
        most[group] = max(most.get(group, 0), count)
    counts = (
        sum(most.values()),
        len(most),
        sum(per_document.values()),
        len(per_document),
    )
    evidence = []
    for variant in sorted(printed):
        if variant == name:
            continue
        key = printed[variant]
        link = links[key]
        if key != entity:
            via = stored[link.via][0].name if link.via in stored else link.via
            kind, confidence = link.evidence, link.confidence
        else:
            listed = index.lookup(variant) is not None
            kind, confidence = variant_evidence(variant, key, listed=listed)
            via = name
        evidence.append(
            {"alias": variant, "evidence": kind, "confidence": confidence, "via": via}
        )
    aliases = [e["alias"] for e in evidence]
    return (
        entity,
        name,
        types.most_common(1)[0][0],
        json.dumps(aliases, ensure_ascii=False),
        *counts,
        json.dumps(evidence, ensure_ascii=False),
    )
