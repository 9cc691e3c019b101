"""`dossier reuse`: passages one document repeats from another."""

from __future__ import annotations

import json
from contextlib import closing
from typing import Annotated

import typer

from dossier.present.cli.extract import DocOption
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
from dossier.store import connect
from dossier.store.reuses import reuse_pairs

# Characters of each passage shown in the table.
_EXCERPT = 60


@guarded
def reuse_command(
    db: DbOption = "dossier.db",
    doc: DocOption = None,
    min_score: Annotated[
        float,
        typer.Option(
            "--min-score",
            min=0.0,
            max=1.0,
            help="Only passages whose words correspond this closely (0 to 1).",
        ),
    ] = 0.0,
    limit: LimitOption = None,
    offset: OffsetOption = 0,
    as_json: JsonOption = False,
) -> None:
    """Passages one document repeats from another, with both spans.

    `direction` says which came first by the documents' dates; with --doc,
    that document is `a`. Copies of one text count once (see `docs --all`).

    Example: dossier reuse --db seeds.db --doc 3f2a9c --min-score 0.8 --json
    """
    with closing(connect(db, create=False)) as connection:
        rows = reuse_pairs(
            connection, doc=doc, min_score=min_score, limit=limit, offset=offset
        )
        if as_json:
            write_json(rows)
            return
        texts = {
            row[0]: row[1]
            for row in connection.execute(
                "SELECT id, text FROM documents WHERE id IN"
                " (SELECT value FROM json_each(?))",
                (_ids(rows),),
            )
        }
    from rich.table import Table  # only when printed: see browse._docs_table

    table = Table("a", "b", "direction", "score", "a passage", "b passage")
    for row in rows:
        table.add_row(
            row["a"],
            row["b"],
            row["direction"],
            f"{row['score']:.2f}",
            escape(_excerpt(texts[row["a"]], row["a_span"])),
            escape(_excerpt(texts[row["b"]], row["b_span"])),
        )
    out.print(table)


def _ids(rows: list[dict[str, object]]) -> str:
    return json.dumps(sorted({str(r[side]) for r in rows for side in ("a", "b")}))


def _excerpt(text: str, span: list[int]) -> str:
    passage = " ".join(text[span[0] : span[1]].split())
    return passage if len(passage) <= _EXCERPT else passage[: _EXCERPT - 1] + "…"
