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
    """Groups of claims on one subject and unit class, each with a verdict.

    Claims are compared across documents only: one text giving a total and a
    death toll is not contradicting itself. `conflict` when some such pair of
    intervals cannot both hold, even between copies of one text (a re-run
    that changed the figure); `agree` when all overlap and two or more
    independent texts give them: a text seen five times (copies, `copy_of`)
    is one source, not five agreeing. `documents` counts independent texts.
    Conflicts come first.
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
            if a["doc"] != b["doc"]
        ]
        conflict = any(not _overlap(a, b) for a, b in pairs)
        texts = {independent_text(c) for c in members}
        if not conflict and len(texts) < 2:
            continue
        result.append(
            {
                "subject": subject,
                "unit": what,
                "verdict": "conflict" if conflict else "agree",
                "documents": len(texts),
                "claims": members,
            }
        )
    result.sort(key=lambda g: (g["verdict"] != "conflict", g["subject"]))
    return result
