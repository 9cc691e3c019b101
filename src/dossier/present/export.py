"""`dossier export`: every record of one kind as JSON Lines, CSV or Parquet.

Rows are the records `--json` prints (one schema definition each, see
`present/contracts.py`), streamed from a cursor and written in batches, so a
big dossier exports in flat memory. The file is written under a temporary
name beside `out` and renamed when whole: never half a file.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from itertools import islice
from pathlib import Path
from typing import IO, Any

from dossier.errors import InputError
from dossier.link.claims import public
from dossier.present import serialize
from dossier.present.contracts import schema
from dossier.present.outfile import checked_target, write_whole
from dossier.store import claims as stored_claims
from dossier.store import connect
from dossier.store.exports import annotation_rows
from dossier.store.queries import choice, list_documents
from dossier.store.records import citations, list_entities, quotes
from dossier.store.reuses import iter_reuse_pairs

Rows = Callable[[Any, bool], Iterator[dict[str, Any]]]

# --what -> (its record in the schema, the rows). Every listing gives its
# rows once per independent text unless `all_`, as with the CLI's --all.
# Mentions, times and reuse (the many) stream from a cursor; the others are
# read as their listing reads them.
WHAT: dict[str, tuple[str, Rows]] = {
    "documents": (
        "document",
        lambda c, all_: map(serialize.document_summary, list_documents(c, all_=all_)),
    ),
    "mentions": (
        "mention_row",
        lambda c, all_: annotation_rows(c, "mentions", all_=all_),
    ),
    "entities": ("entity", lambda c, all_: iter(list_entities(c, all_=all_))),
    "times": ("time_row", lambda c, all_: annotation_rows(c, "times", all_=all_)),
    # Claims are read with their context (who asserts them, their measure
    # and scope) as `claims --json` reads them: a list, not a cursor.
    "claims": (
        "claim",
        lambda c, all_: map(public, stored_claims.claims(c, all_=all_)),
    ),
    "quotes": ("quote", lambda c, all_: iter(quotes(c, all_=all_))),
    "citations": ("citation", lambda c, all_: iter(citations(c, all_=all_))),
    # Copies of one text are one text here whatever `all_` says (#15).
    "reuse": ("reuse_pair", lambda c, all_: iter_reuse_pairs(c)),
}
FORMATS = ("jsonl", "csv", "parquet")

# Rows per Parquet record batch and per write: a few MB of Python objects at
# most (a document row is under 1 KB without its text).
BATCH = 2_000


def export(
    db: str | Path,
    out: str | Path,
    *,
    what: str,
    form: str = "jsonl",
    all_: bool = False,
    force: bool = False,
) -> int:
    """Write every `what` record of the dossier at `db` to `out` (`-` is
    stdout, for jsonl and csv) in `form`; return how many rows."""
    what = choice(what, tuple(WHAT), "--what") or what
    form = choice(form, FORMATS, "--format") or form
    definition, rows_of = WHAT[what]
    columns = record_columns(definition)
    with closing(connect(db, create=False)) as connection:
        rows = rows_of(connection, all_)
        if form == "parquet":
            if str(out) == "-":
                raise InputError(
                    "--format parquet cannot go to stdout: give --out FILE.parquet"
                )
            target = checked_target(Path(out), force=force)
            _arrow()  # the missing extra said before any file is made
            return write_whole(
                target, lambda path: _write_parquet(rows, definition, path)
            )
        text = _TEXT[form]
        if str(out) == "-":
            return text(rows, columns, sys.stdout)
        target = checked_target(Path(out), force=force)
        return write_whole(target, lambda path: _text_file(path, rows, columns, text))


def _text_file(
    path: Path, rows: Iterable[dict[str, Any]], columns: list[str], text: TextWriter
) -> int:
    # Lone surrogates (a file name that was not UTF-8) as escapes: the same
    # JSON text `--json` prints.
    with path.open(
        "w", encoding="utf-8", newline="", errors="backslashreplace"
    ) as handle:
        return text(rows, columns, handle)


def record_columns(definition: str) -> list[str]:
    """The fields every record of a schema definition has, in the schema's
    order (a field only some commands add, like `keys` of `entities --show`,
    is no column)."""
    node = schema()["$defs"][definition]
    required = _required(node)
    return [name for name in _properties(node) if name in required]


def _required(node: dict[str, Any]) -> set[str]:
    found = set(node.get("required", []))
    for part in node.get("allOf", []):
        found |= _required(_resolve(part))
    return found


def _properties(node: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for part in node.get("allOf", []):
        found.update(_properties(_resolve(part)))
    found.update(node.get("properties", {}))
    return found


def _resolve(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = schema()["$defs"][node["$ref"].rsplit("/", 1)[-1]]
    return node


def _batches(rows: Iterable[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    iterator = iter(rows)
    while batch := list(islice(iterator, BATCH)):
        yield batch


def _write_jsonl(
    rows: Iterable[dict[str, Any]], columns: list[str], handle: IO[str]
) -> int:
    count = 0
    for batch in _batches(rows):
        handle.write(
            "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in batch)
        )
        count += len(batch)
    return count


def csv_cell(value: Any) -> str:
    """A CSV cell: lists and objects (`span`, `locator`, `aliases`) as JSON
    text, null as an empty cell, booleans as `true`/`false`."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _write_csv(
    rows: Iterable[dict[str, Any]], columns: list[str], handle: IO[str]
) -> int:
    writer = csv.writer(handle, lineterminator="\n")
    writer.writerow(columns)
    count = 0
    for batch in _batches(rows):
        writer.writerows([csv_cell(row.get(c)) for c in columns] for row in batch)
        count += len(batch)
    return count


def _write_parquet(rows: Iterable[dict[str, Any]], definition: str, path: Path) -> int:
    pa, pq = _arrow()
    properties = _properties(schema()["$defs"][definition])
    arrow_schema = pa.schema(
        [
            pa.field(name, arrow_type(pa, properties[name]))
            for name in record_columns(definition)
        ]
    )
    count = 0
    with pq.ParquetWriter(str(path), arrow_schema) as writer:
        for batch in _batches(rows):
            writer.write_batch(pa.RecordBatch.from_pylist(batch, schema=arrow_schema))
            count += len(batch)
    return count


def arrow_type(pa: Any, node: dict[str, Any]) -> Any:
    """The Arrow type of a JSON Schema node: nullable scalars, lists, and
    objects as structs, so Parquet keeps `span`, `locator` and `citation`
    nested rather than as text."""
    node = _resolve(node)
    if "anyOf" in node:
        branches = [_resolve(b) for b in node["anyOf"]]
        node = next(b for b in branches if b.get("type") != "null")
    kind = node.get("type", "string")
    if isinstance(kind, list):
        kind = next(k for k in kind if k != "null")
    if "enum" in node or kind == "string":
        return pa.string()
    if kind == "integer":
        return pa.int64()
    if kind == "number":
        return pa.float64()
    if kind == "boolean":
        return pa.bool_()
    if kind == "array":
        return pa.list_(arrow_type(pa, node["items"]))
    return pa.struct(
        [pa.field(name, arrow_type(pa, sub)) for name, sub in _properties(node).items()]
    )


def _arrow() -> tuple[Any, Any]:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError as error:
        raise InputError(
            "--format parquet needs pyarrow: pip install 'dossier[export]'"
        ) from error
    return pyarrow, pyarrow.parquet


TextWriter = Callable[[Iterable[dict[str, Any]], list[str], IO[str]], int]
_TEXT: dict[str, TextWriter] = {"jsonl": _write_jsonl, "csv": _write_csv}
