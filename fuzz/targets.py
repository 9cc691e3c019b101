"""Fuzz targets: each stage of the per-file flow fed arbitrary bytes (#17).

A target takes the fuzzer's bytes, runs one stage and checks what must hold
whatever the input: no exception, every span inside its text and equal to
what it claims to hold, offsets that map back into the raw text. `fuzz/run.py`
runs each under atheris (libFuzzer) for a time box; `tests/test_fuzz_targets.py`
runs each on a few adversarial inputs so the targets themselves stay right.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any

Target = Callable[[bytes], None]


@cache
def _pack() -> Any:
    from dossier.packs import load_pack

    return load_pack("korea")


def _text(data: bytes) -> str:
    """The bytes as text; invalid UTF-8 as replacement characters, as the
    reader gives undecodable bytes."""
    return data.decode("utf-8", "replace")


def _spans(text: str, records: Iterable[Any], *, printed: bool = True) -> None:
    for record in records:
        start, end = record.start, record.end
        if not 0 <= start <= end <= len(text):
            raise AssertionError(f"span {start}:{end} outside a text of {len(text)}")
        if printed and text[start:end] != record.text:
            raise AssertionError(f"span {start}:{end} holds {text[start:end]!r}")


def read_target(data: bytes) -> None:
    """The readers of text, JSON Lines and HTML: text sources, or an
    InputError (the file is reported failed, with its reason), never another
    exception."""
    from dossier.errors import InputError
    from dossier.read.files import read_text_source
    from dossier.read.html import read_html
    from dossier.read.jsonl import read_jsonl

    digest = hashlib.sha256(data).hexdigest()
    for reader, name in (
        (read_text_source, "fuzz.txt"),
        (read_jsonl, "fuzz.jsonl"),
        (read_html, "fuzz.html"),
    ):
        try:
            items = reader(Path(name), data, digest)
        except InputError:
            continue  # reported as the file's failure: what must happen
        for item in items:
            raw = getattr(item, "raw", None)
            if raw is not None and not isinstance(raw, str):
                raise AssertionError(f"{name}: raw text is {type(raw).__name__}")


def _source(data: bytes) -> Any:
    from dossier.model import Source

    return Source(
        path="fuzz.txt",
        part=0,
        raw=_text(data),
        encoding="utf-8",
        sha256=hashlib.sha256(data).hexdigest(),
    )


def clean_target(data: bytes) -> None:
    """`clean`: every clean span maps back inside the raw text."""
    from dossier.clean import clean

    source = _source(data)
    cleaned = clean(source, _pack())
    raw = len(source.raw)
    for start, end in ((0, len(cleaned.text)), (0, 0), (len(cleaned.text) // 2,) * 2):
        low, high = cleaned.offsets.to_raw(start, end)
        if not 0 <= low <= high <= raw:
            raise AssertionError(f"clean {start}:{end} maps to raw {low}:{high}")


def segment_target(data: bytes) -> None:
    """`segment` after `clean`: documents and removed spans inside the raw
    text, each document's text mapping back inside it."""
    from dossier.clean import clean
    from dossier.segment import segment

    source = _source(data)
    cleaned = clean(source, _pack())
    documents, removed = segment(cleaned, _pack())
    raw = len(source.raw)
    for document in documents:
        if not 0 <= document.raw_start <= document.raw_end <= raw:
            raise AssertionError(f"document at {document.raw_start}:{document.raw_end}")
        low, high = document.offsets.to_raw(0, len(document.text))
        if not 0 <= low <= high <= raw:
            raise AssertionError(f"document text maps to raw {low}:{high}")
    for span in removed:
        if not 0 <= span.raw_start <= span.raw_end <= raw:
            raise AssertionError(f"removed span at {span.raw_start}:{span.raw_end}")


def date_target(data: bytes) -> None:
    """The one date reader: None or an ISO day, month or year."""
    from dossier.dates import parse_date

    text = _text(data)
    for day_first in (True, False):
        value = parse_date(text, day_first=day_first, year=2024)
        if value is not None and not (4 <= len(value) <= 10 and value[:4].isdigit()):
            raise AssertionError(f"parse_date gave {value!r}")


def sentences_target(data: bytes) -> None:
    from dossier.annotate.sentences import split_sentences

    text = _text(data)
    sentences = split_sentences(text)
    _spans(text, sentences, printed=False)
    for before, after in itertools.pairwise(sentences):
        if before.end > after.start:
            raise AssertionError("sentences overlap")


def mentions_target(data: bytes) -> None:
    from dossier.annotate.entities import find_mentions

    text = _text(data)
    _spans(text, find_mentions(text, pack=_pack()))


def times_target(data: bytes) -> None:
    from dossier.annotate.time import tag_times

    text = _text(data)
    for anchor in (None, "2024-05-03"):
        _spans(text, tag_times(text, anchor=anchor, pack=_pack()))


def figures_target(data: bytes) -> None:
    from dossier.annotate.entities import find_mentions
    from dossier.annotate.figures import find_figures

    text = _text(data)
    mentions = find_mentions(text, pack=_pack())
    _spans(text, find_figures(text, pack=_pack(), mentions=mentions))


def quotes_target(data: bytes) -> None:
    from dossier.annotate.quotes import find_citations, find_quotes

    text = _text(data)
    citations = find_citations(text, pack=_pack())
    _spans(text, citations)
    _spans(text, find_quotes(text, pack=_pack(), citations=citations))


def annotate_target(data: bytes) -> None:
    """Every finder through `annotate`: no finder fails on any span."""
    from dossier.annotate import annotate

    text = _text(data)
    found = annotate(text, pack=_pack(), anchor="2024-05-03")
    if found.failures:
        failure = found.failures[0]
        raise AssertionError(f"{failure.finder} failed: {failure.reason}")
    for records in (found.mentions, found.times, found.figures, found.quotes):
        _spans(text, records)


TARGETS: dict[str, Target] = {
    "read": read_target,
    "clean": clean_target,
    "segment": segment_target,
    "date": date_target,
    "sentences": sentences_target,
    "mentions": mentions_target,
    "times": times_target,
    "figures": figures_target,
    "quotes": quotes_target,
    "annotate": annotate_target,
}
