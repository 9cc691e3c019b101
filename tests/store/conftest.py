"""Helpers for store tests: generated wire files, builds, table dumps."""

from __future__ import annotations

import random
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from dossier.present.cli.build import BuildReport, build_files
from dossier.settings import Settings

WORDS = [
    *("delegation", "party", "people", "workers", "factory", "farm", "country"),
    *("leader", "army", "congress", "meeting", "production", "plan", "year"),
    *("record", "socialist", "construction", "province", "city", "county"),
    *("committee", "officials", "youth", "students", "science", "technology"),
    *("victory", "struggle", "friendship", "cooperation", "agreement", "talks"),
]
PLACES = ["Pyongyang", "Nampho", "Wonsan", "Hamhung", "Kaesong"]
MONTHS = ["January", "March", "May", "July", "September", "November"]


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(10, 22))]
    return "The " + " ".join(words) + "."


def wire_file(rng: random.Random, articles: int, paragraphs: int) -> str:
    """A file of wire articles: headline, dateline, paragraphs, end marker."""
    parts = []
    for _ in range(articles):
        headline = " ".join(w.capitalize() for w in rng.sample(WORDS, 5))
        dateline = f"{rng.choice(PLACES)}, {rng.choice(MONTHS)} {rng.randint(1, 28)}"
        body = [
            " ".join(sentence(rng) for _ in range(rng.randint(3, 6)))
            for _ in range(paragraphs)
        ]
        body[0] = f"{dateline} (KCNA) -- {body[0]}"
        body[-1] += " -0-"
        parts.append("\n\n".join([headline, *body]))
    return "\n\n".join(parts) + "\n"


def write_corpus(
    folder: Path, files: int, *, seed: int = 1, paragraphs: int = 4
) -> None:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(files):
        text = wire_file(rng, rng.randint(1, 3), paragraphs)
        (folder / f"wire-{number:04d}.txt").write_text(text, encoding="utf-8")


def build(paths: list[Path], db: Path, **options: Any) -> BuildReport:
    return build_files(paths, Settings(db=str(db), **options))


def dump(db: Path, sql: str) -> list[tuple[Any, ...]]:
    with closing(sqlite3.connect(db)) as connection:
        return [tuple(row) for row in connection.execute(sql)]


DOCUMENTS = "SELECT * FROM documents ORDER BY rowid"
# Everything but rowids and build times, which differ between two databases
# built the same way in different runs.
CONTENT = (
    "SELECT s.path, s.part, s.sha256, s.encoding, s.raw, s.repairs, s.counts,"
    " d.id, d.ordinal, d.kind, d.title, d.date, d.date_inferred, d.outlet,"
    " d.author, d.url, d.place, d.text, d.offsets, d.raw_start, d.raw_end, d.chars"
    " FROM documents d JOIN sources s ON s.id = d.source_id ORDER BY d.id"
)


@pytest.fixture
def wire_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "wire"
    write_corpus(folder, 6)
    return folder
