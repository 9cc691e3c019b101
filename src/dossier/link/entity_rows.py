"""The rows of the `entities` table: each entity's name, type, aliases with
their evidence, and its counts, from the counts kept by key (`entity_forms`,
`entity_docs`); a copy group counts once. Read for all the entities a link
rewrites at once (`link.entities`)."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter, defaultdict
from typing import Any

from dossier.annotate.entities.index import PackIndex
from dossier.link.identity import KeyStats, Link, variant_evidence

LOAD = 10_000  # keys per statement when rows are read or written by key


def entity_rows(
    connection: sqlite3.Connection,
    entities: list[str],
    links: dict[str, Link],
    stored: dict[str, tuple[KeyStats, Link]],
    index: PackIndex,
) -> tuple[tuple[Any, ...], ...]:
    """The rows of `entities` (root keys) from their keys' mentions; an
    entity every key of which is gone or joined another has none."""
    members: dict[str, list[str]] = defaultdict(list)
    for key, link in links.items():
        members[link.entity].append(key)
    # The counts of every entity's keys read at once: two statements per
    # entity (each prepared anew, its IN list of another length) were most
    # of linking kcna-2024's 2,596 entities (issue 14).
    wanted = sorted({key for entity in entities for key in members.get(entity, ())})
    forms = _forms_by_key(connection, wanted)
    documents = _documents_by_key(connection, wanted)
    return tuple(
        _entity_row(
            entity, sorted(members[entity]), forms, documents, links, stored, index
        )
        for entity in entities
        if members.get(entity)
    )


FormRow = tuple[str, str, str, int]  # entity, type, text, n
DocumentRow = tuple[int, str, int]  # doc, its copy group (or id), n


def _forms_by_key(
    connection: sqlite3.Connection, keys: list[str]
) -> dict[str, list[FormRow]]:
    """Each key's printed forms, in the table's order (entity, type, text)."""
    forms: dict[str, list[FormRow]] = defaultdict(list)
    for start in range(0, len(keys), LOAD):
        part = keys[start : start + LOAD]
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
    for start in range(0, len(keys), LOAD):
        part = keys[start : start + LOAD]
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
    for start in range(0, len(docs), LOAD):
        part_docs = docs[start : start + LOAD]
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
