"""One frozen `Settings`, built once at the edge (CLI flags, environment)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields


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
        metadata={"help": "How files are mapped: local (one process) or pool."},
    )
    workers: int = field(
        default=0, metadata={"help": "Processes for --engine pool (0: one per core)."}
    )
    max_file_mb: float = field(
        default=64.0,
        metadata={"help": "Files larger than this are refused with a reason."},
    )

    @staticmethod
    def help_table() -> list[tuple[str, str, str]]:
        """(name, default, help) for each setting, for docs and `--help`."""
        return [
            (f.name, repr(f.default), str(f.metadata.get("help", "")))
            for f in fields(Settings)
        ]
