"""One frozen `Settings`, built once at the edge (CLI flags, environment)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Settings:
    db: str = field(
        default="dossier.db", metadata={"help": "SQLite file the dossier lives in."}
    )
    pack: str = field(
        default="korea", metadata={"help": "Domain pack: a bundled name or a folder."}
    )
    engine: str = field(
        default="local",
        metadata={"help": "How files are mapped: local (one process), pool or dask."},
    )
    workers: int = field(
        default=0,
        metadata={
            "help": "Processes for --engine pool or dask's local cluster "
            "(0: one per core)."
        },
    )
    scheduler: str | None = field(
        default=None,
        metadata={
            "help": "Dask scheduler (tcp://HOST:PORT) for --engine dask; "
            "none: a local cluster."
        },
    )
    annotate: bool = field(
        default=True,
        metadata={"help": "Extract entities, times, figures, quotes, citations."},
    )
    model: str | None = field(
        default=None,
        metadata={"help": "Installed spaCy model merged with entity rules (optional)."},
    )
    max_file_mb: float = field(
        default=64.0,
        metadata={
            "help": "HTML and PDF files larger than this are skipped with a reason "
            "(text and JSONL are streamed: any size)."
        },
    )
