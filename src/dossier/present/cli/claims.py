"""`dossier claims` (figures, who asserts them, where sources disagree) and
`dossier calendar` (round anniversaries of dated events)."""

from __future__ import annotations

import json
import sys
from contextlib import closing
from typing import Annotated, Any

import typer

from dossier.present.cli.extract import (
    AllOption,
    DocOption,
    EntityOption,
    _query,
    _table,
)
from dossier.present.cli.options import (
    DbOption,
    JsonOption,
    LimitOption,
    OffsetOption,
    escape,
    guarded,
    out,
    print_json,
)
from dossier.present.cli.stream import write_json
from dossier.present.figures import figure_text
from dossier.store import connect
from dossier.store.queries import checked_page
from dossier.store.records import fold_name


def _asserted(
    rows: list[dict[str, Any]], *, by: str | None, outlet: str | None
) -> list[dict[str, Any]]:
    """Claims a speaker asserts (name folded like entities') or that came
    through an outlet (the document's own or one it cites)."""
    if by:
        wanted = fold_name(by)
        rows = [r for r in rows if wanted in fold_name(r["asserted_by"])]
    if outlet:
        wanted = fold_name(outlet)
        rows = [
            r
            for r in rows
            if any(fold_name(o) == wanted for o in (*r["via"], r["asserted_by"]))
        ]
    return rows


def _claims_page(
    db: str,
    *,
    entity: str | None,
    doc: str | None,
    all_: bool,
    by: str | None,
    outlet: str | None,
    page: tuple[int | None, int],
) -> list[dict[str, Any]]:
    """One page of claims, read in document order until it is full: the
    claims of the whole dossier were read first, 10 s at 100,000 documents
    for a page of 100 (#14 part 6). `--by` and `--outlet` test what a claim
    is worked out to say, so they read on until the page fills."""
    from itertools import islice

    from dossier.link.claims import public
    from dossier.store import claims as stored

    limit, offset = page
    with closing(connect(db, create=False)) as connection:
        if not (by or outlet):
            rows = stored.iter_claims(
                connection,
                entity=entity,
                doc=doc,
                all_=all_,
                limit=limit,
                offset=offset,
            )
            return [public(row) for row in rows]
        lazy = stored.iter_claims(
            connection, entity=entity, doc=doc, all_=all_, lazy=limit is not None
        )
        kept = (row for row in lazy if _asserted([row], by=by, outlet=outlet))
        end = None if limit is None else offset + limit
        return [public(row) for row in islice(kept, offset, end)]


@guarded
def claims_command(
    db: DbOption = "dossier.db",
    entity: EntityOption = None,
    doc: DocOption = None,
    by: Annotated[
        str | None,
        typer.Option("--by", help="Only claims this speaker (or outlet) asserts."),
    ] = None,
    outlet: Annotated[
        str | None,
        typer.Option("--outlet", help="Only claims that came through this outlet."),
    ] = None,
    conflicts: Annotated[
        bool,
        typer.Option("--conflicts", help="Group comparable claims with a verdict."),
    ] = False,
    unrelated: Annotated[
        bool,
        typer.Option(
            "--unrelated",
            help="With --conflicts, also claims on one subject and measure that "
            "cannot be compared, and why.",
        ),
    ] = False,
    limit: LimitOption = None,
    offset: OffsetOption = 0,
    all_: AllOption = False,
    as_json: JsonOption = False,
) -> None:
    """Figures each source gives and who asserts them; with --conflicts,
    where sources disagree, and why.

    Verdicts and counts compare independent texts only, even with --all.

    Example: dossier claims --db seeds.db --conflicts --json
    """
    # Imported here: the claims' readers load the figure rules, which the
    # other query commands must start without (#14 part 6).
    from dossier.link.claims import compare_claims
    from dossier.store import claims as stored

    limit, offset = checked_page(limit, offset)
    if not conflicts:
        listed = _claims_page(
            db,
            entity=entity,
            doc=doc,
            all_=all_,
            by=by,
            outlet=outlet,
            page=(limit, offset),
        )
        if as_json:
            write_json(listed)
        else:
            _table(
                _printed(listed),
                ["subject", "measure", "text", "low", "high", "asserted_by", "doc"],
            )
        return
    # A page of groups, after the filters and the comparison (each group
    # compared over all its claims); the dates two sources give one event
    # are compared too.
    end = None if limit is None else offset + limit
    groups = None
    if not (entity or doc or all_ or by or outlet or unrelated):
        # The whole dossier's verdicts, as the last build stored them.
        with closing(connect(db, create=False)) as connection:
            bodies = stored.stored_conflict_bodies(
                connection, limit=limit, offset=offset
            )
        if bodies is not None and as_json:
            _write_stored(bodies)
            return
        if bodies is not None:
            groups = [json.loads(body) for body in bodies]
    if groups is None:
        rows = _query(db, stored.claims_and_dates, entity=entity, doc=doc, all_=all_)
        rows = _asserted(rows, by=by, outlet=outlet)
        groups = compare_claims(rows, unrelated=unrelated)[offset:end]
    if as_json:
        write_json(groups)
        return
    for group in groups:
        colour = {"conflict": "red", "agree": "green"}.get(group["verdict"], "dim")
        verdict = f"[{colour}]{group['verdict']}[/{colour}]"
        heading = f"{escape(group['subject'])} ({escape(group['measure'])})"
        out.print(f"[bold]{heading}[/bold] {verdict}: {escape(group['reason'])}")
        _table(_printed(group["claims"]), ["text", "low", "high", "asserted_by", "doc"])


def _printed(claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Claims with their interval as printed (`figure_text`: a year as a
    year)."""
    return [
        {
            **claim,
            **{
                end: figure_text(claim[end], claim.get("unit"))
                for end in ("low", "high")
                if claim.get(end) is not None
            },
        }
        for claim in claims
    ]


def _write_stored(bodies: list[str]) -> None:
    """Groups stored as JSON, written as `write_json` writes a list of them
    (one item a line) without reading them back: 14 MB of groups at 100,000
    documents cost 0.5 s to decode and encode again."""
    text = "[]" if not bodies else "[\n " + ",\n ".join(bodies) + "\n]"
    # As `write_json`: lone surrogates (a file name's bytes) as JSON escapes.
    sys.stdout.write(text.encode("utf-8", "backslashreplace").decode("utf-8"))
    sys.stdout.write("\n")


@guarded
def calendar_command(
    db: DbOption = "dossier.db",
    date_from: Annotated[
        str | None,
        typer.Option("--from", help="Anniversaries on or after: 2026, 2026-10."),
    ] = None,
    date_to: Annotated[
        str | None, typer.Option("--to", help="ISO date or prefix.")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Round anniversaries (1, 5, 10, ... 100, then every 25) of the events,
    births, deaths and foundings the documents date, in a period (this year
    by default), with the sources that date them.

    Example: dossier calendar --db kcna.db --from 2026 --to 2026-12 --json
    """
    from dossier.store import events  # the figure rules: see claims_command

    rows = _query(db, events.calendar, date_from=date_from, date_to=date_to)
    if as_json:
        print_json(rows)
        return
    for row in rows:
        row["sources"] = [s["doc"] for s in row["sources"]]
    _table(rows, ["date", "anniversary", "event", "event_date", "sources"])
