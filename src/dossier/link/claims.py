"""Compare figures across sources: where they agree and where they conflict."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

# Counted nouns that measure the same thing: "a million volunteers" and
# "nearly three million fighters" of one army are two answers to one question.
UNIT_CLASSES = {
    "personnel": {
        "fighter",
        "volunteer",
        "soldier",
        "troop",
        "serviceman",
        "servicemen",
        "men",
        "officer",
        "personnel",
        "combatant",
        "guerrilla",
        "army",
    },
    "people": {"people", "person", "civilian", "inhabitant", "resident"},
    "aircraft": {"plane", "aircraft", "bomber", "fighter-bomber", "jet"},
}


def unit_class(unit: str | None) -> str | None:
    """The class of a counted noun ("fighters" -> personnel), or its singular."""
    if not unit:
        return None
    word = unit.strip().lower().split()[-1]
    singular = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
    for name, members in UNIT_CLASSES.items():
        if word in members or singular in members:
            return name
    return singular


def _overlap(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return bool(a["low"] <= b["high"] and b["low"] <= a["high"])


def independent_text(claim: dict[str, Any]) -> str:
    """The text a claim stands for: its copy group's earliest document."""
    return str(claim.get("copy_of") or claim["doc"])


def compare_claims(claims: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Groups of claims on one subject and unit class given by two or more
    independent texts, each with a verdict.

    Only claims from different texts are compared: one text giving a total
    and a death toll is not contradicting itself, and a text seen five times
    (copies, `copy_of`) is one source, not five agreeing. `conflict` when
    some such pair of intervals cannot both hold; `agree` when all overlap.
    `documents` counts the independent texts. Conflicts come first.
    """
    groups: dict[tuple[str, str | None], list[dict[str, Any]]] = defaultdict(list)
    for claim in claims:
        # Without a named subject, "37,000 troops" and "a million volunteers"
        # may count different armies: such claims are listed, not compared.
        if claim.get("subject"):
            groups[(str(claim["subject"]), unit_class(claim.get("unit")))].append(claim)
    result = []
    for (subject, what), members in groups.items():
        pairs = [
            (a, b)
            for i, a in enumerate(members)
            for b in members[i + 1 :]
            if independent_text(a) != independent_text(b)
        ]
        if not pairs:
            continue
        conflict = any(not _overlap(a, b) for a, b in pairs)
        result.append(
            {
                "subject": subject,
                "unit": what,
                "verdict": "conflict" if conflict else "agree",
                "documents": len({independent_text(c) for c in members}),
                "claims": members,
            }
        )
    result.sort(key=lambda g: (g["verdict"] != "conflict", g["subject"]))
    return result
