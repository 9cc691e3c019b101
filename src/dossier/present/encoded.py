"""A document's annotations as JSON text, a batch at a time, for `show --json`:
the bytes `json.dumps` gives each record `records.iter_annotations` builds,
without a dict, a locator dict and an encoder call per record (#17: 3.7 s
of CPU for the 118,000 mentions of a 10 MB document).

Each kind's record is one f-string over the row as SQLite gives it: its
text encoded by `json`'s own string encoder, each repeated value (a name, a
type, a date) encoded once. Laying the rows out column by column and back
into one `%` template took 0.26 s of CPU for those mentions, the rows
already read; the f-strings take 0.18 s.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from math import isfinite

from dossier.offsets import OffsetMap, SourceMap
from dossier.store.records import AnnotationBatch, annotation_batches

_STRING = json.encoder.encode_basestring  # what json.dumps writes for a str


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


class _Values(dict[object, str]):
    """JSON text of each value asked for, encoded the first time: for TEXT
    columns, whose values repeat (names, types, dates). Their values are
    strings and None, no two of which are equal yet encoded apart (a REAL
    1.0 would find the text of 1)."""

    def __missing__(self, value: object) -> str:
        text = self[value] = _dumps(value)
        return text


def _integer(value: object) -> object:
    """An INTEGER column's value but None as json.dumps writes it (an int as
    itself: an f-string writes it the same). Not kept in `_Values`: they are
    positions, mostly distinct. None is tested where it is used: a call per
    null was a twentieth of the mentions' time."""
    return value if type(value) is int else _dumps(value)


def _number(value: object) -> str:
    """A REAL as json.dumps writes it: its repr, but NaN and the
    infinities as JavaScript names."""
    if isinstance(value, float) and isfinite(value):
        return repr(value)
    return _dumps(value)


# Each kind's records: the batch's rows, each row's locator as JSON text,
# and the values encoded so far. One f-string per kind: the fields are
# those of its query in records.ANNOTATION_QUERIES, in its order (a column
# added there makes the unpacking here fail at once).
Records = Callable[[AnnotationBatch, Sequence[str], _Values], list[str]]


def _mentions(batch: AnnotationBatch, locators: Sequence[str], v: _Values) -> list[str]:
    names = batch.linked
    return [
        f'{{"text": {_STRING(text)}, "entity": {v[names.get(key, entity)]},'
        f' "type": {v[type_]}, "title": {v[title]},'
        f' "phrase_start":'
        f" {'null' if phrase_start is None else _integer(phrase_start)},"
        f' "phrase_end": {"null" if phrase_end is None else _integer(phrase_end)},'
        f' "span": [{start}, {end}], "locator": {locator}}}'
        for (
            (text, entity, type_, title, phrase_start, phrase_end, start, end, key),
            locator,
        ) in zip(batch.rows, locators, strict=True)
    ]


def _times(batch: AnnotationBatch, locators: Sequence[str], v: _Values) -> list[str]:
    return [
        f'{{"text": {_STRING(text)}, "type": {v[type_]}, "value": {v[value]},'
        f' "first_day": {v[first_day]}, "last_day": {v[last_day]},'
        f' "span": [{start}, {end}], "locator": {locator}}}'
        for (text, type_, value, first_day, last_day, start, end), locator in zip(
            batch.rows, locators, strict=True
        )
    ]


def _figures(batch: AnnotationBatch, locators: Sequence[str], v: _Values) -> list[str]:
    return [
        f'{{"text": {_STRING(text)}, "low": {_number(low)},'
        f' "high": {_number(high)}, "unit": {v[unit]}, "subject": {v[subject]},'
        f' "hedge": {v[hedge]}, "span": [{start}, {end}], "locator": {locator}}}'
        for (text, low, high, unit, subject, hedge, start, end), locator in zip(
            batch.rows, locators, strict=True
        )
    ]


def _quotes(batch: AnnotationBatch, locators: Sequence[str], v: _Values) -> list[str]:
    return [
        f'{{"text": {_STRING(text)}, "kind": {v[kind]}, "speaker": {v[speaker]},'
        f' "cue": {v[cue]}, "via": {v[via]},'
        f' "citation": {"null" if citation is None else _integer(citation)},'
        f' "span": [{start}, {end}], "locator": {locator}}}'
        for (text, kind, speaker, cue, via, citation, start, end), locator in zip(
            batch.rows, locators, strict=True
        )
    ]


def _citations(
    batch: AnnotationBatch, locators: Sequence[str], v: _Values
) -> list[str]:
    return [
        f'{{"text": {_STRING(text)}, "title": {v[title]}, "outlet": {v[outlet]},'
        f' "date": {v[date]}, "span": [{start}, {end}], "locator": {locator}}}'
        for (text, title, outlet, date, start, end), locator in zip(
            batch.rows, locators, strict=True
        )
    ]


RECORDS: dict[str, Records] = {
    "mentions": _mentions,
    "times": _times,
    "figures": _figures,
    "quotes": _quotes,
    "citations": _citations,
}


def _locators(batch: AnnotationBatch, source: SourceMap) -> list[str]:
    """Each row's locator as JSON text, as `SourceMap.locate` gives it."""
    if not source.is_plain():
        # Pages, regions or breaks to look up: each locator encoded whole.
        located = source.locate_many(batch.raw_starts, batch.raw_ends)
        return list(map(_dumps, located))
    line = f'"line": {source.line}, ' if source.format == "jsonl" else ""
    head = f'{{"format": {_dumps(source.format)}, {line}"start": '
    starts, ends = source.offsets.to_raw_many(batch.raw_starts, batch.raw_ends)
    return [f'{head}{a}, "end": {b}}}' for a, b in zip(starts, ends, strict=True)]


def annotation_texts(
    connection: sqlite3.Connection,
    kind: str,
    rowid: int,
    offsets: OffsetMap,
    source: SourceMap,
    separator: str,
) -> Iterator[bytes]:
    """One kind of a document's annotations (a key of
    `records.ANNOTATION_QUERIES`) as JSON text in UTF-8, a batch of records
    joined by `separator` at a time.

    Each record is encoded alone: nearly all are ASCII, copied as they are,
    where a batch joined first is two bytes a character when one of its
    records is not Latin-1 (484 of the 118,140 mentions of a 10 MB document,
    a kcna text's `’`), and encoding it then took twice as long (#17)."""
    records = RECORDS[kind]
    values = _Values()
    joiner = separator.encode()
    for batch in annotation_batches(connection, kind, rowid, offsets):
        texts = records(batch, _locators(batch, source), values)
        yield joiner.join(map(str.encode, texts))
