"""The flow of one file, on one screen: read → clean → segment → meta → annotate.

`run_file` is a pure function of a path, its bytes and the pack; engines map
it over files, and `store` writes what it returns. A streamed file (every
JSONL file, big text files) is never held whole: `plan_file` reads it as a
stream of sources cut into batches, `run_batch` runs one batch anywhere (a
worker), and `piece` makes its results a piece of the file's result: the
first piece opens the file's transaction and the last commits it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from dossier.annotate import annotate
from dossier.clean import clean
from dossier.errors import InputError
from dossier.fingerprint import build_fingerprint
from dossier.meta import describe
from dossier.model import (
    Annotations,
    DocumentFacts,
    Failure,
    FileResult,
    Signs,
    Source,
    SourceResult,
)
from dossier.packs import Pack
from dossier.read.files import (
    STREAMED_SUFFIXES,
    file_sha256,
    read_bytes,
    read_file,
    sha256_of,
)
from dossier.read.stream import stream_sources
from dossier.segment import segment
from dossier.settings import Settings


def run_source(
    source: Source,
    pack: Pack,
    *,
    extract: bool = True,
    model: str | None = None,
    sign: bool = False,
) -> tuple[SourceResult, list[Failure]]:
    """One text through clean, segment, meta and annotate; with `sign`, each
    document also carries its link signatures (`Document.signs`).

    Engines whose workers are other processes sign there: the one process
    that links then only looks the signatures up (issue 14). In-process the
    link steps sign as they go, which costs less: they sign a text repeated
    in the corpus once, and reuse only the independent texts.

    An extraction rule that trips on one span costs that span only: `annotate`
    notes it in `Annotations.failures` and the file still counts as stored
    (issue 13). Only an error outside every finder costs the document its
    annotations, reported as a failure, never the document itself.
    """
    return finish_source(
        prepare_source(source, pack), pack, extract=extract, model=model, sign=sign
    )


def prepare_source(source: Source, pack: Pack, *, sign: bool = False) -> SourceResult:
    """The part of `run_source` that needs no compiled pack: clean, segment
    and meta, the documents not yet annotated (with `sign`, signed). A
    pool's writer runs it on the first batches while the workers' server
    still compiles the pack, so one core is not idle then (issue 14); a
    worker does the rest."""
    from dossier.link.signing import sign_once  # numpy: when a build runs

    cleaned = clean(source, pack)
    documents, removed = segment(cleaned, pack)
    described = tuple(
        dataclasses.replace(
            document,
            meta=describe(document, source, pack),
            signs=sign_once(document.text) if sign else None,
        )
        for document in documents
    )
    return SourceResult(source, cleaned, described, tuple(removed))


def finish_source(
    prepared: SourceResult,
    pack: Pack,
    *,
    extract: bool = True,
    model: str | None = None,
    sign: bool = False,
) -> tuple[SourceResult, list[Failure]]:
    """The rest of `run_source` for a source `prepare_source` made: annotate,
    then each document's facts and (with `sign`) link signatures, unless it
    signed them."""
    done = finish_documents(
        outline(prepared), pack, extract=extract, model=model, sign=sign
    )
    return finished_source(prepared, done), list(done.failures)


@dataclass(frozen=True, slots=True)
class Unfinished:
    """What finishing one prepared document needs of it. A pool's writer
    hands a worker these, not the prepared documents: with their raw and
    clean texts, blocks and offset maps those pickled to 20 MB each way for
    kcna-2024's 3.8 MB, about 1 CPU s to send and 1 to get back (issue 14)."""

    kind: str
    text: str
    date: str | None
    outlet: str | None
    flags: tuple[str, ...]
    signed: bool


@dataclass(frozen=True, slots=True)
class Outline:
    """A prepared source as finishing needs it: its documents, and the name
    a failure to annotate one is reported under."""

    where: str
    documents: tuple[Unfinished, ...]


@dataclass(frozen=True, slots=True)
class Finished:
    """What finishing made of one document: all a prepared one lacks."""

    annotations: Annotations | None
    flags: tuple[str, ...]
    signs: Signs | None  # made now; None: as prepared
    facts: DocumentFacts | None


@dataclass(frozen=True, slots=True)
class Finishing:
    """A prepared source's documents finished, in order, and the failures
    met; `documents` None: finishing stopped on an error (`failures` says
    which), and the source is not stored, as `run_source` would have it."""

    documents: tuple[Finished, ...] | None
    failures: tuple[Failure, ...] = ()


def outline(prepared: SourceResult) -> Outline:
    """What `finish_documents` needs of a prepared source."""
    return Outline(
        _where(prepared.source),
        tuple(
            Unfinished(
                document.kind,
                document.text,
                document.meta.date,
                document.meta.outlet,
                document.flags,
                document.signs is not None,
            )
            for document in prepared.documents
        ),
    )


def finish_documents(
    prepared: Outline,
    pack: Pack,
    *,
    extract: bool = True,
    model: str | None = None,
    sign: bool = False,
) -> Finishing:
    """Annotate each document of an outlined source, then its facts and
    (with `sign`, unless prepared signed) link signatures."""
    from dossier.link.signing import sign_once

    finished = []
    failures = []
    for document in prepared.documents:
        annotations = None
        # Teasers are cut-off leads: searchable, not extracted from.
        if extract and document.kind == "article":
            try:
                annotations = annotate(
                    document.text, pack=pack, anchor=document.date, model=model
                )
            except Exception as err:
                failures.append(Failure(prepared.where, "annotate", _one_line(err)))
        flags = document.flags
        if annotations is not None and annotations.language != "en":
            flags = (*flags, f"language-{annotations.language}")
        signs = sign_once(document.text) if sign and not document.signed else None
        facts = _facts(document, annotations)
        finished.append(Finished(annotations, flags, signs, facts))
    return Finishing(tuple(finished), tuple(failures))


def finish_guarded(
    prepared: Outline, pack: Pack, settings: Settings, *, sign: bool
) -> Finishing:
    """`finish_documents` with the build's settings, or the failure that
    stopped it (`run_batch`'s guard, for a worker that finishes outlines)."""
    try:
        return finish_documents(
            prepared, pack, extract=settings.annotate, model=settings.model, sign=sign
        )
    except Exception as err:
        return Finishing(None, (Failure(prepared.where, "clean", _one_line(err)),))


def finished_source(prepared: SourceResult, done: Finishing) -> SourceResult:
    """The prepared source with its documents finished (`done.documents`)."""
    if done.documents is None:
        raise ValueError("a source whose finishing failed has no result")
    documents = tuple(
        dataclasses.replace(
            document,
            annotations=made.annotations,
            flags=made.flags,
            signs=document.signs if made.signs is None else made.signs,
            facts=made.facts,
        )
        for document, made in zip(prepared.documents, done.documents, strict=True)
    )
    return dataclasses.replace(prepared, documents=documents)


def _facts(
    document: Unfinished, annotations: Annotations | None
) -> DocumentFacts | None:
    """The document's event dates and claim facts, made here so a pool's one
    writer only inserts them (issue 14); None leaves them to the link stage,
    which derives them from the stored rows as it would these."""
    from dossier.link.derive import document_facts

    if annotations is None:
        # A teaser gives none; an article not annotated may still give event
        # dates from its text alone: derived from the store.
        return DocumentFacts() if document.kind != "article" else None
    try:
        return document_facts(
            kind=document.kind,
            text=document.text,
            date=document.date,
            outlet=document.outlet,
            annotations=annotations,
        )
    except Exception:
        # The link stage derives it again from the store, and reports there.
        return None


# A batch holds about this much text: big enough that a task's overhead (2 ms
# in a pool, more on a cluster) is nothing, small enough that its results stay
# a few MB, in the worker and in the writer, and that a pool's writer starts
# early and no last batch runs alone long: kcna-2024 (3.8 MB) is 16 tasks,
# not the 4 of 1 MB batches, whose first the writer waited a quarter of the
# build for (issue 14).
BATCH_CHARS = 250_000
# And at most this many sources: a JSONL of one-line items.
BATCH_SOURCES = 500

# A batch's items: sources, failures met reading them, and sources already
# cleaned, segmented and described (`prepare_batch`), waiting for annotate.
Batch = list[Source | SourceResult | Failure]
BatchResult = tuple[tuple[SourceResult, ...], tuple[Failure, ...]]


@dataclass(frozen=True, slots=True)
class Plan:
    """A streamed file: what names it, and its sources in batches, read lazily."""

    path: Path
    sha256: str
    size: int
    pipeline: str
    batches: Iterator[Batch]


def plan_file(
    path: Path, pack: Pack, settings: Settings, *, known: dict[str, str] | None = None
) -> Plan | FileResult:
    """A streamed file's plan, or its result when it is unchanged or unreadable.

    Only the file's hash is read whole (block by block); its sources come
    later, a batch at a time, as the engine asks for them.
    """
    try:
        size = path.stat().st_size
        digest = file_sha256(path)
        fingerprint = build_fingerprint(settings, pack)
        if known is not None and known.get(str(path)) == f"{digest} {fingerprint}":
            return FileResult(str(path), digest, size, skipped=True)
        items = stream_sources(path)
    except OSError as err:
        reason = f"cannot read: {err.strerror}"
        return FileResult(
            str(path), "", 0, failures=(Failure(str(path), "read", reason),)
        )
    except InputError as err:
        return FileResult(
            str(path), "", 0, failures=(Failure(str(path), "read", str(err)),)
        )
    return Plan(path, digest, size, fingerprint, _batches(path, items))


def _batches(path: Path, items: Iterable[Source | Failure]) -> Iterator[Batch]:
    """Items in batches. Failures before the first source wait for it: a file
    with no usable part at all is one failure saying so, as when read whole."""
    batch: Batch = []
    waiting: list[Failure] = []
    seen = False  # a source
    chars = 0
    for item in items:
        if isinstance(item, Failure) and not seen:
            waiting.append(item)
            continue
        if not seen:
            batch, waiting, seen = [*waiting], [], True
        batch.append(item)
        chars += len(item.raw) if isinstance(item, Source) else 0
        if chars >= BATCH_CHARS or len(batch) >= BATCH_SOURCES:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch
    elif not seen:
        reason = (
            f"no usable line: {waiting[0].reason}" if waiting else "no text in file"
        )
        yield [Failure(str(path), "read", reason)]


def run_batch(
    batch: Batch, pack: Pack, settings: Settings, *, sign: bool = False
) -> BatchResult:
    """One batch of a streamed file's sources through the per-source stages
    (`sign`: see `run_source`)."""
    results: list[SourceResult] = []
    failures: list[Failure] = []
    for item in batch:
        if isinstance(item, Failure):
            failures.append(item)
            continue
        result, trips = _run_guarded(item, pack, settings, sign=sign)
        if result is not None:
            results.append(result)
        failures.extend(trips)
    return tuple(results), tuple(failures)


def prepare_batch(batch: Batch, pack: Pack, *, sign: bool = False) -> Batch:
    """The batch with each source cleaned, segmented and described (and with
    `sign`, signed: `prepare_source`), or the failure that stopped it there:
    `run_batch` then only annotates. Same results, in the same order, as
    `run_batch` of the batch itself."""
    prepared: Batch = []
    for item in batch:
        if not isinstance(item, Source):
            prepared.append(item)
            continue
        try:
            prepared.append(prepare_source(item, pack, sign=sign))
        except Exception as err:
            prepared.append(_failure(item, err))
    return prepared


def flagged(batches: Iterable[Batch]) -> Iterator[tuple[Batch, bool, bool]]:
    """Each batch with whether it is the file's first and its last.

    A stream that ends at once still gives one (empty) batch, so the writer
    sees the file begin and end.
    """
    previous: Batch | None = None
    first = True
    for batch in batches:
        if previous is not None:
            yield previous, first, False
            first = False
        previous = batch
    yield previous or [], first, True


def piece(plan: Plan, result: BatchResult, *, first: bool, last: bool) -> FileResult:
    """One batch's results as a piece of the plan's file result."""
    sources, failures = result
    return FileResult(
        str(plan.path),
        plan.sha256,
        plan.size,
        sources=sources,
        failures=failures,
        pipeline=plan.pipeline,
        first=first,
        last=last,
    )


def _run_guarded(
    item: Source | SourceResult, pack: Pack, settings: Settings, *, sign: bool
) -> tuple[SourceResult | None, list[Failure]]:
    """`run_source`, or `finish_source` of a prepared source."""
    try:
        if isinstance(item, SourceResult):
            return finish_source(
                item, pack, extract=settings.annotate, model=settings.model, sign=sign
            )
        return run_source(
            item, pack, extract=settings.annotate, model=settings.model, sign=sign
        )
    except Exception as err:
        source = item.source if isinstance(item, SourceResult) else item
        return None, [_failure(source, err)]


def _failure(source: Source, err: Exception) -> Failure:
    # A rule tripped on one odd text: report it, keep the rest.
    return Failure(_where(source), "clean", _one_line(err))


def _where(source: Source) -> str:
    """The name a source's failures are reported under."""
    return f"{source.path}:{source.part}" if source.part else source.path


def run_file(
    path: Path,
    pack: Pack,
    settings: Settings,
    *,
    known: dict[str, str] | None = None,
    sign: bool = False,
) -> FileResult:
    """Everything the per-file stages make of one file, or why they could not.

    `known` maps paths to the sha256 already stored: an unchanged file is
    skipped without being parsed. `sign`: see `run_source`.
    """
    stage = "read"
    try:
        # Text and JSONL have no size limit: over 8 MB they are streamed.
        streamed_type = path.suffix.lower() in STREAMED_SUFFIXES
        limit = 1 << 62 if streamed_type else int(settings.max_file_mb * 1_000_000)
        data = read_bytes(path, max_bytes=limit)
        digest = sha256_of(data)
        fingerprint = build_fingerprint(settings, pack)
        if known is not None and known.get(str(path)) == f"{digest} {fingerprint}":
            return FileResult(str(path), digest, len(data), skipped=True)
        sources, failures = read_file(path, data, digest)
        stage = "clean"
        results = []
        for source in sources:
            result, trips = _run_guarded(source, pack, settings, sign=sign)
            if result is not None:
                results.append(result)
            failures.extend(trips)
        return FileResult(
            str(path),
            digest,
            len(data),
            sources=tuple(results),
            failures=tuple(failures),
            pipeline=fingerprint,
        )
    except InputError as err:
        return FileResult(
            str(path), "", 0, failures=(Failure(str(path), stage, str(err)),)
        )
    except Exception as err:
        # A reader (trafilatura, pdfium, charset-normalizer) choked on one odd
        # file: a bug to report, not a reason to stop a build of thousands.
        return FileResult(
            str(path), "", 0, failures=(Failure(str(path), stage, _one_line(err)),)
        )


def _one_line(err: BaseException) -> str:
    message = " ".join(str(err).split())
    return f"{type(err).__name__}: {message}" if message else type(err).__name__
