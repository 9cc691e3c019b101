"""Entity overrides (merges and splits) and the keys joined into an entity.

An override names keys (`link.identity` joins keys into entities); names the
user gives resolve through every variant printed. Overrides live in
`entity_overrides`, are applied after every link (so a rebuild keeps them),
and go to and from a JSON file (`export_overrides`, `import_overrides`).
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from dossier.errors import InputError
from dossier.link.claims_stored import link_conflicts
from dossier.link.entities import link_entities, mark_stale
from dossier.link.identity import form_key
from dossier.store.records import entity_key, fold_name

FORMAT = "dossier-entity-overrides"


def variant_key(connection: sqlite3.Connection, name: str) -> str:
    """The key printed as `name`: its key, its name or any printed variant,
    folded; among several the most mentioned. Else the key of the entity
    `name` finds (an InputError naming the closest names when none does)."""
    wanted, folded = form_key(name), fold_name(name)
    best: tuple[int, int, str] | None = None
    for key, canonical, mentions, forms in connection.execute(
        "SELECT key, name, mentions, forms FROM entity_keys"
    ):
        exact = key == wanted or fold_name(canonical) == folded
        if exact or wanted in json.loads(forms):
            rank = (int(exact), mentions, key)
            if best is None or rank > best:
                best = rank
    return best[2] if best is not None else entity_key(connection, name)


def _name_of(connection: sqlite3.Connection, key: str) -> str:
    row = connection.execute(
        "SELECT name FROM entity_keys WHERE key = ?", (key,)
    ).fetchone()
    return str(row[0]) if row else key


def merge(connection: sqlite3.Connection, a: str, b: str) -> None:
    """Make the entities of names `a` and `b` one, now and after rebuilds."""
    a_key, b_key = variant_key(connection, a), variant_key(connection, b)
    if a_key == b_key:
        raise InputError(f"{a!r} and {b!r} are one name already")
    _add(connection, "merge", a_key, b_key)


def split(connection: sqlite3.Connection, name: str) -> None:
    """Take the name out of the entity it was joined to, now and after rebuilds."""
    _add(connection, "split", variant_key(connection, name), None)


def _add(connection: sqlite3.Connection, action: str, a: str, b: str | None) -> None:
    """Store one override, dropping older ones it undoes, then re-link."""
    connection.execute("BEGIN IMMEDIATE")
    if action == "split":
        connection.execute(
            "DELETE FROM entity_overrides WHERE action = 'merge' AND ? IN (a, b)",
            (a,),
        )
    else:
        connection.execute(
            "DELETE FROM entity_overrides WHERE action = 'split' AND a IN (?, ?)",
            (a, b),
        )
    connection.execute(
        "INSERT INTO entity_overrides(action, a, b, a_name, b_name)"
        " VALUES (?, ?, ?, ?, ?)",
        (action, a, b, _name_of(connection, a), b and _name_of(connection, b)),
    )
    mark_stale(connection, [a] if b is None else [a, b])
    connection.execute("COMMIT")
    link_entities(connection)
    # Entity types and counts decide which claims compare: the stored
    # verdicts follow the entities (only the groups that change are judged).
    link_conflicts(connection)


def export_overrides(connection: sqlite3.Connection) -> dict[str, Any]:
    """The overrides as a JSON document, oldest first."""
    rows = connection.execute(
        "SELECT action, a, b, a_name, b_name FROM entity_overrides ORDER BY id"
    )
    return {
        "format": FORMAT,
        "overrides": [
            {"action": action, "a": a, "b": b, "a_name": a_name, "b_name": b_name}
            for action, a, b, a_name, b_name in rows
        ],
    }


def import_overrides(connection: sqlite3.Connection, document: Any) -> int:
    """Apply the overrides of an exported document in order; how many.

    A key this dossier does not have is found by its name; a name it does
    not have either is an InputError, and nothing is applied.
    """
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise InputError(f'not an overrides file (no "format": {FORMAT!r})')
    overrides = document.get("overrides")
    if not isinstance(overrides, list):
        raise InputError('not an overrides file ("overrides" is not a list)')
    plan: list[tuple[str, str, str | None]] = []
    for number, item in enumerate(overrides, start=1):
        action = item.get("action") if isinstance(item, dict) else None
        if action not in ("merge", "split"):
            raise InputError(f"override {number}: action must be merge or split")
        a = _known(connection, item.get("a"), item.get("a_name"), number)
        b = (
            _known(connection, item.get("b"), item.get("b_name"), number)
            if action == "merge"
            else None
        )
        plan.append((action, a, b))
    for action, a, b in plan:
        _add(connection, action, a, b)
    return len(plan)


def _known(connection: sqlite3.Connection, key: Any, name: Any, number: int) -> str:
    if (
        isinstance(key, str)
        and connection.execute(
            "SELECT 1 FROM entity_keys WHERE key = ?", (key,)
        ).fetchone()
    ):
        return key
    if not isinstance(name, str) or not name:
        raise InputError(f"override {number}: no key {key!r} here and no name")
    return variant_key(connection, name)


def entity_keys(connection: sqlite3.Connection, name: str) -> list[dict[str, Any]]:
    """The keys of the entity `name` finds, each with how it was joined."""
    entity = entity_key(connection, name)
    return [
        {
            "key": key,
            "name": canonical,
            "mentions": mentions,
            "evidence": evidence,
            "confidence": confidence,
            "via": via,
        }
        for key, canonical, mentions, evidence, confidence, via in connection.execute(
            "SELECT key, name, mentions, evidence, confidence, via FROM entity_keys"
            " WHERE entity = ? ORDER BY mentions DESC, key",
            (entity,),
        )
    ]
