"""Scorer of our own: listed conflicts on hand-labelled claim groups
(eval/gold/claim_groups.json, issue 15 part 2).

Run from the repository root: `python -m eval.claims [--write] [--db PATH]`.

Builds kcna-2024 and the seeds into one dossier (or reads `--db`), lists
`claims --conflicts` (figures and the dates sources give events), and
matches each listed conflict to the gold groups two of whose claims
(document id and figure text) it holds from different documents. A listed
conflict is real when it matches a group labelled real; one matching no
gold group counts as not real. Scores: the share of listed conflicts that
are real (`conflict_precision`, also for the development months and the
held-out ones: a listed group is held out when all its documents are dated
from `held_out_from`), the share of real gold groups listed
(`conflict_recall`), whether the seed conflict ("a million volunteers"
against "nearly three million fighters") is listed, and the share of listed
agreements matching a gold group that the gold labels `agree`
(`agree_precision`). `kept_apart_*`: the share of gold groups that are no
conflict which are not listed as one, on each part.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import tempfile
from contextlib import closing
from pathlib import Path
from typing import Any

from dossier.link import compare_claims
from dossier.store import claims as stored
from dossier.store import events
from eval import CORPUS, FLOORS_DIR, GOLD_DIR, print_scores, round_down, write_floors

GOLD = GOLD_DIR / "claim_groups.json"
FLOORS = FLOORS_DIR / "claims.json"


def build(paths: list[Path], db: Path) -> None:
    """Build `paths` into the dossier `db`, as `dossier build` does."""
    from typer.testing import CliRunner

    from dossier.present.cli.app import app

    result = CliRunner().invoke(app, ["build", *map(str, paths), "--db", str(db)])
    if result.exit_code not in (0, 1):
        raise RuntimeError(f"build failed: {result.output[-500:]}")


def listed_groups(db: Path) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """The conflicts and agreements `claims --conflicts` lists, and each
    document's date."""
    with closing(sqlite3.connect(db)) as connection:
        connection.row_factory = sqlite3.Row
        groups = compare_claims(
            stored.claims(connection) + events.date_claims(connection)
        )
        dates = {
            str(row[0]): str(row[1] or "")
            for row in connection.execute("SELECT id, date FROM documents")
        }
    return [g for g in groups if g["verdict"] in ("conflict", "agree")], dates


def _keys(claims: list[dict[str, Any]]) -> set[tuple[str, str]]:
    return {(str(c["doc"]), str(c["text"])) for c in claims}


def _matches(listed: dict[str, Any], gold: dict[str, Any]) -> bool:
    common = _keys(listed["claims"]) & _keys(gold["claims"])
    return len({doc for doc, _ in common}) >= 2


def score_db(db: Path, gold: dict[str, Any]) -> dict[str, Any]:
    listed, dates = listed_groups(db)
    conflicts = [g for g in listed if g["verdict"] == "conflict"]
    # An agreement is right when it matches a group labelled `agree`, wrong
    # when it matches one labelled otherwise (groups no gold names are not
    # scored: dates of events are not in the gold).
    agreements = [
        any(g["label"] == "agree" for g in gold["groups"] if _matches(group, g))
        for group in listed
        if group["verdict"] == "agree"
        and any(_matches(group, g) for g in gold["groups"])
    ]
    held_from = gold["held_out_from"]
    errors: list[str] = []
    split: dict[str, list[bool]] = {"development": [], "held_out": []}
    found_real: set[int] = set()
    for group in conflicts:
        matched = [i for i, g in enumerate(gold["groups"]) if _matches(group, g)]
        real = any(gold["groups"][i]["real"] for i in matched)
        found_real.update(i for i in matched if gold["groups"][i]["real"])
        held = all(dates.get(c["doc"], "") >= held_from for c in group["claims"])
        split["held_out" if held else "development"].append(real)
        if not real:
            why = "labelled not real" if matched else "in no gold group"
            errors.append(f"not real ({why}): {group['subject']}: {group['reason']}")
    # Gold groups that are no conflict must not be listed as one: the share
    # kept apart, on the development months and the held-out ones.
    apart: dict[str, list[bool]] = {"development": [], "held_out": []}
    for entry in gold["groups"]:
        if entry["real"]:
            continue
        listed_as_conflict = any(_matches(group, entry) for group in conflicts)
        held = all(c.get("date") and c["date"] >= held_from for c in entry["claims"])
        apart["held_out" if held else "development"].append(not listed_as_conflict)
    real_gold = [i for i, g in enumerate(gold["groups"]) if g["real"]]
    errors.extend(
        f"missed: {gold['groups'][i]['note']}" for i in real_gold if i not in found_real
    )
    everything = split["development"] + split["held_out"]
    seed = any(
        any("a million volunteers" in c["text"] for c in g["claims"])
        and any("three million fighters" in c["text"].lower() for c in g["claims"])
        for g in conflicts
    )
    return {
        "listed_conflicts": len(everything),
        "conflict_precision": _share(everything),
        "conflict_precision_development": _share(split["development"]),
        "conflict_precision_held_out": _share(split["held_out"]),
        "listed_held_out": len(split["held_out"]),
        "conflict_recall": len(found_real) / len(real_gold) if real_gold else 1.0,
        "seed_conflict_found": 1.0 if seed else 0.0,
        "kept_apart_development": _share(apart["development"]),
        "kept_apart_held_out": _share(apart["held_out"]),
        "gold_not_real_held_out": len(apart["held_out"]),
        "agree_precision": _share(agreements),
        "listed_agreements_in_gold": len(agreements),
        "gold_groups": len(gold["groups"]),
        "errors": errors,
    }


def _share(values: list[bool]) -> float:
    """The share true; 1.0 when nothing is listed (no conflict claimed wrongly)."""
    return sum(values) / len(values) if values else 1.0


def score(db: Path | None = None) -> dict[str, Any]:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    if db is not None:
        return score_db(db, gold)
    with tempfile.TemporaryDirectory() as folder:
        built = Path(folder) / "claims.db"
        build([CORPUS / "kcna-2024" / "kcna-2024.jsonl", CORPUS / "seeds"], built)
        return score_db(built, gold)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, help="a dossier of kcna-2024 and the seeds")
    parser.add_argument("--write", action="store_true", help="pin the floors")
    parser.add_argument("--errors", type=int, default=20)
    options = parser.parse_args()
    result = score(options.db)
    errors = result.pop("errors")
    print_scores(result, errors, options.errors)
    if options.write:
        keys = (
            "conflict_precision",
            "conflict_recall",
            "seed_conflict_found",
            "agree_precision",
            "kept_apart_development",
            "kept_apart_held_out",
        )
        write_floors("claims", {k: round_down(result[k]) for k in keys})


if __name__ == "__main__":
    main()
