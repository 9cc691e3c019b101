"""`dossier docs`, `show` and `search`: look at what a build stored."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterable
from contextlib import closing
from typing import TYPE_CHECKING, Annotated, Any

import typer

from dossier.present import serialize
from dossier.present.cli.extract import AllOption
from dossier.present.cli.options import (
    DbOption,
    JsonOption,
    LimitOption,
    OffsetOption,
    escape,
    guarded,
    out,
)
from dossier.present.cli.stream import write_json
from dossier.present.document import unknown
from dossier.present.streamed import streamed_detail
from dossier.store import connect
from dossier.store.queries import (
    get_document,
    iter_documents,
    offsets_of,
    search,
    source_raw,
    text_pieces,
)
from dossier.store.records import source_map

if TYPE_CHECKING:
    from rich.table import Table

# Enough for most headlines to fit on two lines of an 80-column terminal.
_MIN_TITLE = 28


@guarded
def docs_command(
    db: DbOption = "dossier.db",
    kind: Annotated[
        str | None, typer.Option(help="Only this kind: article or teaser.")
    ] = None,
    limit: LimitOption = None,
    offset: OffsetOption = 0,
    all_: AllOption = False,
    as_json: JsonOption = False,
) -> None:
    """List stored documents; a copy of another's text only with --all.

    Example: dossier docs --db seeds.db --kind article --limit 50 --offset 100 --json
    """
    with closing(connect(db, create=False)) as connection:
        rows = (
            serialize.document_summary(r)
            for r in iter_documents(
                connection, kind=kind, limit=limit, offset=offset, all_=all_
            )
        )
        if as_json:
            write_json(rows)  # streamed: each row as the database reads it
            return
        out.print(_docs_table(list(rows)))


def _docs_table(rows: list[dict[str, Any]]) -> Table:
    """Ids and dates whole, the title taking all the width that is left."""
    # rich's tables are imported when one is printed (--json never does).
    from rich import box
    from rich.table import Table

    table = Table(
        box=box.SIMPLE_HEAD,
        expand=True,
        show_edge=False,
        pad_edge=False,
        collapse_padding=True,
    )
    table.add_column("id", no_wrap=True, min_width=12)
    table.add_column("kind", no_wrap=True, overflow="ellipsis", max_width=7)
    table.add_column("date", no_wrap=True, min_width=10)
    table.add_column("outlet", no_wrap=True, overflow="ellipsis", max_width=12)
    table.add_column("title", ratio=1, min_width=_MIN_TITLE)
    table.add_column("chars", justify="right", no_wrap=True)
    for row in rows:
        date = (row["date"] or "") + ("?" if row["date_inferred"] else "")
        table.add_row(
            row["id"],
            row["kind"],
            date,
            row["outlet"] or "",
            escape(row["title"] or ""),
            f"{row['chars']:,}",
        )
    return table


@guarded
def show_command(
    doc_id: Annotated[
        str, typer.Argument(help="Document id (a unique prefix will do).")
    ],
    db: DbOption = "dossier.db",
    raw: Annotated[
        bool,
        typer.Option("--raw", help="Show the raw file text, removed spans marked."),
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Show one document: metadata and clean text, or the raw text with --raw.

    Example: dossier show 3f2a9c --db seeds.db --raw
    """
    with closing(connect(db, create=False)) as connection:
        if as_json:
            # Streamed: the text a megabyte at a time, each kind of annotation
            # a batch at a time as stored when the document was.
            write_json(streamed_detail(connection, doc_id, raw=raw))
            return
        row = get_document(connection, doc_id, with_text=False)
        if row is None:
            raise unknown(doc_id)
        located = source_map(connection, row["source_id"])
        detail = serialize.document_detail(row, offsets_of(row), located)
        _print_document(connection, detail, row, raw=raw)


def _print_document(
    connection: sqlite3.Connection,
    detail: dict[str, Any],
    row: dict[str, Any],
    *,
    raw: bool,
) -> None:
    """Metadata, then the clean text, or the raw text with removed spans
    marked and counted."""
    heading = " · ".join(
        str(v)
        for v in (detail["kind"], detail["date"], detail["outlet"], detail["author"])
        if v
    )
    out.print(f"[bold]{escape(detail['title'] or '(untitled)')}[/bold]")
    out.print(
        f"[dim]{detail['id']} · {escape(heading)} · {escape(detail['source'])}[/dim]\n"
    )
    if not raw:
        _write_text(text_pieces(connection, row["rowid"]))
        return
    source_text, removed = source_raw(connection, row["source_id"])
    start, end = row["raw_start"], row["raw_end"]
    position = start
    classes: dict[str, list[int]] = {}
    for span in removed:
        if span["raw_end"] <= start or span["raw_start"] >= end:
            continue
        s, e = max(span["raw_start"], position), span["raw_end"]
        out.print(escape(source_text[position:s]), end="")
        out.print(
            f"[dim strike]⟦{span['kind']}: {escape(source_text[s:e])}⟧[/dim strike]",
            end="",
        )
        counted = classes.setdefault(span["kind"], [0, 0])
        counted[0] += 1
        counted[1] += span["raw_end"] - span["raw_start"]
        position = max(position, e)
    out.print(escape(source_text[position:end]))
    if classes:
        summary = ", ".join(
            f"{kind} {n} ({chars:,} chars)"
            for kind, (n, chars) in sorted(classes.items())
        )
        out.print(f"[dim]removed: {escape(summary)}[/dim]")


# What rich drops from printed text (bell, backspace, vertical tab, form
# feed, carriage return); cleaning leaves none in a document's text.
_CONTROLS = dict.fromkeys(map(ord, "\a\b\v\f\r"))


def _write_text(pieces: Iterable[str]) -> None:
    """The text as it is, then a newline: written straight to stdout, a
    megabyte at a time. Through rich (markup escaped, then parsed and laid
    out) the text of a 10 MB document took 3 s (#17); unstyled, it printed
    the same characters."""
    for piece in pieces:
        if any(chr(code) in piece for code in _CONTROLS):
            piece = piece.translate(_CONTROLS)
        sys.stdout.write(piece)
    sys.stdout.write("\n")


# A query may start with `-` (`dossier search -foo`): an unknown option is
# taken as the query, so only dossier's own options are options.
SEARCH_SETTINGS = {"ignore_unknown_options": True}


@guarded
def search_command(
    query: Annotated[
        str,
        typer.Argument(
            help="Words to find, each as written (AND, NOT, quotes are words "
            "too); FTS5 syntax with --syntax fts."
        ),
    ],
    db: DbOption = "dossier.db",
    limit: Annotated[int, typer.Option(help="At most this many hits.")] = 20,
    offset: OffsetOption = 0,
    kind: Annotated[
        str | None, typer.Option(help="Only this kind: article or teaser.")
    ] = None,
    syntax: Annotated[
        str,
        typer.Option(
            help="words: find each word (default); fts: the query is SQLite "
            'FTS5 syntax (AND, OR, NOT, NEAR, "phrases", prefix*).'
        ),
    ] = "words",
    as_json: JsonOption = False,
) -> None:
    """Full-text search over titles and text, best first (bm25).

    Example: dossier search "Down-with-Imperialism Union" --db seeds.db

    Example: dossier search --syntax fts "Juche NOT Kim*" --db seeds.db
    """
    with closing(connect(db, create=False)) as connection:
        hits = [
            serialize.search_hit(r)
            for r in search(
                connection,
                query,
                limit=limit,
                offset=offset,
                kind=kind,
                syntax=syntax,  # type: ignore[arg-type]  # checked by search
            )
        ]
    if as_json:
        write_json(hits)
        return
    if not hits:
        out.print("no match")
        return
    for hit in hits:
        title = escape(hit["title"] or "(untitled)")
        where = f"{hit['doc']} · {hit['kind']} · {hit['score']}"
        out.print(f"[bold]{title}[/bold] [dim]{where}[/dim]")
        out.print("  " + escape(hit["snippet"] or ""))
