"""A document's annotations as JSON text, a batch at a time, for `show --json`:
the bytes `json.dumps` gives each record `records.iter_annotations` builds,
without a dict, a locator dict and an encoder call per record (#17: 3.7 s
of CPU for the 120,000 mentions of a 10 MB document).

A batch is encoded column by column: integers as they are, each distinct
string once, anything else by one encoder call for the column (its items
split on a NUL: JSON text never holds one, it writes `\\u0000`); then the
batch's records are laid into one template by one `%` format.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from functools import lru_cache
from itertools import chain

from dossier.offsets import OffsetMap, SourceMap
from dossier.store.records import AnnotationBatch, annotation_batches

_SPLIT = "\x00"
# What `json.dumps(value, ensure_ascii=False)` writes for each item of an
# array, the items split on a NUL instead of ", ".
_ITEMS = json.JSONEncoder(ensure_ascii=False, separators=(_SPLIT, ": "))
_STRING = json.encoder.encode_basestring  # what json.dumps writes for a str
_TEXT_TYPES = {str, type(None)}


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def _literal(value: object) -> str:
    """JSON text of `value`, safe inside a `%` template."""
    return _dumps(value).replace("%", "%%")


def _template(fields: tuple[str, ...], locator: str) -> str:
    """One record as `iter_annotations` builds it: its fields in order, then
    `span` and `locator`, each value a `%s`."""
    parts = [f"{_literal(name)}: %s" for name in fields]
    parts += ['"span": [%s, %s]', f'"locator": {locator}']
    return "{" + ", ".join(parts) + "}"


def _plain_locator(source: SourceMap) -> str:
    """The template of the locators `SourceMap.locate` gives a plain source:
    its file start and end are the `%s`."""
    line = f'"line": {source.line}, ' if source.format == "jsonl" else ""
    return "{" + f'"format": {_literal(source.format)}, {line}"start": %s, "end": %s}}'


@lru_cache(maxsize=16)
def _joined(template: str, separator: str, count: int) -> str:
    # Most batches are full: their template is made once.
    return separator.join([template] * count)


def _encoded(column: Sequence[object]) -> Sequence[object]:
    """Each value of `column` as `json.dumps` writes it (an int as itself:
    `%s` writes it the same)."""
    types = set(map(type, column))
    if types == {int}:
        return column
    if types <= _TEXT_TYPES:
        # Names, types and titles repeat: each is encoded once.
        encoded: dict[object, str] = {
            value: _STRING(value) if isinstance(value, str) else "null"
            for value in dict.fromkeys(column)
        }
        return list(map(encoded.__getitem__, column))
    return _ITEMS.encode(list(column))[1:-1].split(_SPLIT)


def _batch_text(
    batch: AnnotationBatch, source: SourceMap, separator: str, *, plain: bool
) -> str:
    """The batch's records as JSON, `separator` between them."""
    columns = [*map(_encoded, batch.columns), batch.starts, batch.ends]
    if plain:
        columns.extend(source.offsets.to_raw_many(batch.raw_starts, batch.raw_ends))
        locator = _plain_locator(source)
    else:
        # Pages, regions or breaks to look up: each locator as `locate`
        # gives it, encoded whole.
        locators = source.locate_many(batch.raw_starts, batch.raw_ends)
        columns.append(list(map(_dumps, locators)))
        locator = "%s"
    values = tuple(chain.from_iterable(zip(*columns, strict=True)))
    template = _template(batch.fields, locator)
    return _joined(template, separator, len(batch.starts)) % values


def annotation_texts(
    connection: sqlite3.Connection,
    kind: str,
    rowid: int,
    offsets: OffsetMap,
    source: SourceMap,
    separator: str,
) -> Iterator[str]:
    """One kind of a document's annotations (a key of
    `records.ANNOTATION_QUERIES`) as JSON text, a batch of records joined by
    `separator` at a time."""
    plain = source.is_plain()
    for batch in annotation_batches(connection, kind, rowid, offsets):
        yield _batch_text(batch, source, separator, plain=plain)
