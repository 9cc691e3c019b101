"""Group figures by what they count and say where sources disagree."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any


def subject_key(claim: dict[str, Any]) -> str | None:
    """What a claim counts: its entity if named, else its unit, singular."""
    if claim.get("subject"):
        return str(claim["subject"])
    unit = (claim.get("unit") or "").strip().lower()
    if not unit:
        return None
    return unit[:-1] if unit.endswith("s") and not unit.endswith("ss") else unit


def _overlap(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return bool(a["low"] <= b["high"] and b["low"] <= a["high"])


def compare_claims(claims: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Groups of two or more claims on one subject, each with a verdict.

    `conflict` when some two intervals cannot both hold (they do not
    overlap); `agree` otherwise. Conflicts come first.
    """
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for claim in claims:
        key = subject_key(claim)
        if key:
            groups[key].append(claim)
    result = []
    for key, members in groups.items():
        if len(members) < 2:
            continue
        conflict = any(
            not _overlap(a, b) for i, a in enumerate(members) for b in members[i + 1 :]
        )
        result.append(
            {
                "subject": key,
                "verdict": "conflict" if conflict else "agree",
                "claims": members,
            }
        )
    result.sort(key=lambda g: (g["verdict"] != "conflict", g["subject"]))
    return result
