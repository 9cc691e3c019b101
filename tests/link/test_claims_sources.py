"""Independent sources: two texts that repeat each other's passages count as
one, so figures they give are neither a conflict nor an agreement."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

from typer.testing import CliRunner

from dossier.link import compare_claims
from dossier.present.cli.app import app
from dossier.store import claims

# A passage of more than 40 words, as a commentary would quote a statement.
PASSAGE = (
    "The spokesman said that the enemy forces staged provocative military drills"
    " near the border for three days running, mobilizing warships, fighter jets"
    " and ground forces, and that such reckless acts would only bring about the"
    " ruin of the provocateurs, who must face the consequences of their moves"
    " before the eyes of the whole world and of history."
)


def _story(date: str, opening: str, closing_line: str) -> dict[str, str]:
    return {"title": opening, "date": date, "outlet": "KCNA",
            "text": f"{opening} {PASSAGE} {closing_line}"}  # fmt: skip


def test_texts_reusing_a_passage_count_once(tmp_path: Path) -> None:
    stories = [
        _story(
            "2024-07-30",
            "Officials met in Sinuiju on Tuesday.",
            "More than 4 100 houses were flooded in Sinuiju on July 28.",
        ),
        _story(
            "2024-07-31",
            "A commentary was published in Sinuiju on Wednesday.",
            "About 6 000 houses were flooded in Sinuiju on July 28.",
        ),
    ]
    path = tmp_path / "stories.jsonl"
    path.write_text("".join(json.dumps(s) + "\n" for s in stories), encoding="utf-8")
    db = tmp_path / "stories.db"
    result = CliRunner().invoke(app, ["build", str(path), "--db", str(db)])
    assert result.exit_code == 0, result.output
    with closing(sqlite3.connect(db)) as connection:
        connection.row_factory = sqlite3.Row
        (reused,) = connection.execute("SELECT count(*) FROM reuses").fetchone()
        rows = claims.claims(connection)
    assert reused == 1
    assert len({row["_source"] for row in rows}) == 1
    assert compare_claims(rows) == []
    (group,) = compare_claims(rows, unrelated=True)
    assert (group["verdict"], group["documents"]) == ("unrelated", 1)
