"""`dossier build`: read, clean, segment and store files, with a report."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from dossier.engine import ENGINES, map_files
from dossier.link import CopyReport, link_copies, link_entities, needs_linking
from dossier.model import Failure, FileResult
from dossier.packs import load_pack
from dossier.present.cli.options import (
    DbOption,
    JsonOption,
    err,
    guarded,
    out,
    print_json,
)
from dossier.read import walk
from dossier.settings import Settings
from dossier.store import connect, known_files, write_result


@dataclass
class BuildReport:
    files: int = 0
    unchanged: int = 0
    stored: int = 0
    documents: dict[str, int] = field(default_factory=dict)
    raw_chars: int = 0
    removed_chars: int = 0
    failures: list[Failure] = field(default_factory=list)
    entities: int | None = None
    copies: CopyReport | None = None

    def add(self, result: FileResult) -> None:
        self.files += 1
        self.failures.extend(result.failures)
        if result.skipped:
            self.unchanged += 1
            return
        if result.sources:
            self.stored += 1
        for item in result.sources:
            self.raw_chars += len(item.source.raw)
            self.removed_chars += sum(r.raw_end - r.raw_start for r in item.removed)
            for document in item.documents:
                self.documents[document.kind] = self.documents.get(document.kind, 0) + 1

    def as_dict(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "stored": self.stored,
            "unchanged": self.unchanged,
            "documents": self.documents,
            "raw_chars": self.raw_chars,
            "removed_chars": self.removed_chars,
            "entities": self.entities,
            "copies": None
            if self.copies is None
            else {"groups": self.copies.groups, "documents": self.copies.copies},
            "failures": [
                {"path": f.path, "stage": f.stage, "reason": f.reason}
                for f in self.failures
            ],
        }


def build_files(
    paths: list[Path], settings: Settings, *, progress: Progress | None = None
) -> BuildReport:
    """Build `paths` into the dossier at `settings.db`; the library entry point."""
    pack = load_pack(settings.pack)
    report = BuildReport()
    files: list[Path] = []
    for path, problem in walk(paths):
        if problem:
            report.files += 1
            report.failures.append(Failure(str(path), "read", problem))
        else:
            files.append(path)
    connection = connect(settings.db)
    try:
        known = known_files(connection)
        changed = False
        task = progress.add_task("building", total=len(files)) if progress else None
        for result in map_files(files, pack, settings, known):
            write_result(connection, result)
            report.add(result)
            changed = changed or bool(result.sources)
            if progress is not None and task is not None:
                progress.update(
                    task, advance=1, description=Path(result.path).name[:30]
                )
        if changed or needs_linking(connection):
            # The corpus-wide stage: group copies (signing new documents
            # only), then resolve entities, whose counts skip copies.
            report.copies = link_copies(connection)
            report.entities = link_entities(connection)
    finally:
        connection.close()
    return report


@guarded
def build_command(
    paths: Annotated[
        list[Path], typer.Argument(help="Files or folders to read (recursively).")
    ],
    db: DbOption = "dossier.db",
    pack: Annotated[
        str, typer.Option(help="Domain pack: bundled name or folder.")
    ] = "korea",
    engine: Annotated[
        str, typer.Option(help=f"How files are processed: {', '.join(ENGINES)}.")
    ] = "local",
    workers: Annotated[
        int, typer.Option(help="Processes for --engine pool (0: all cores).")
    ] = 0,
    max_file_mb: Annotated[
        float, typer.Option(help="Refuse files larger than this.")
    ] = 64.0,
    extract: Annotated[
        bool,
        typer.Option(
            "--annotate/--no-annotate",
            help="Extract entities, times, figures, quotes and citations.",
        ),
    ] = True,
    model: Annotated[
        str | None,
        typer.Option(
            help="An installed spaCy model (e.g. en_core_web_sm) that may add "
            "entity mentions; never downloaded."
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Ingest, clean, segment, annotate and store documents.

    Unchanged files are skipped; a changed file replaces its documents; a bad
    file is reported with its reason and the rest still go in (exit 1).

    Example: dossier build ../shared/corpus/seeds --db seeds.db
    """
    if model is not None and not _installed(model):
        raise typer.BadParameter(
            f"{model!r} is not an installed spaCy model; install it with pip "
            "(dossier never downloads models) or leave --model out",
            param_hint="--model",
        )
    if engine not in ENGINES:
        raise typer.BadParameter(
            f"{engine!r}: choose one of {', '.join(ENGINES)}", param_hint="--engine"
        )
    settings = Settings(
        db=db,
        pack=pack,
        engine=engine,
        workers=workers,
        max_file_mb=max_file_mb,
        annotate=extract,
        model=model,
    )
    with Progress(
        TextColumn("{task.description:<30}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err,
        transient=True,
        disable=as_json or not err.is_terminal,
    ) as progress:
        report = build_files(paths, settings, progress=progress)
    if as_json:
        print_json(report.as_dict())
    else:
        _print_report(report, db)
    if report.failures:
        raise typer.Exit(1)


def _print_report(report: BuildReport, db: str) -> None:
    table = Table(title=f"dossier build → {db}", show_header=False)
    table.add_row("files seen", str(report.files))
    table.add_row("files stored", str(report.stored))
    table.add_row("files unchanged (skipped)", str(report.unchanged))
    for kind, count in sorted(report.documents.items()):
        table.add_row(f"documents: {kind}", str(count))
    share = report.removed_chars / report.raw_chars if report.raw_chars else 0.0
    table.add_row(
        "chars removed as boilerplate", f"{report.removed_chars:,} ({share:.1%})"
    )
    if report.entities is not None:
        table.add_row("entities (linked across documents)", f"{report.entities:,}")
    if report.copies is not None:
        table.add_row(
            "copies (documents repeating another)",
            f"{report.copies.copies:,} in {report.copies.groups:,} groups",
        )
    table.add_row("failures", str(len(report.failures)))
    out.print(table)
    for failure in report.failures:
        line = f"{failure.path}: {failure.reason} ({failure.stage})"
        out.print(f"[red]failed[/red] {escape(line)}")


def _installed(model: str) -> bool:
    import spacy

    return bool(spacy.util.is_package(model))
