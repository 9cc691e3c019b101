"""The flow of one file, on one screen: read → clean → segment → meta → annotate.

`run_file` is a pure function of a path, its bytes and the pack; engines map
it over files, and `store` writes what it returns.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from dossier.annotate import annotate
from dossier.clean import clean
from dossier.errors import InputError
from dossier.fingerprint import build_fingerprint
from dossier.meta import describe
from dossier.model import Failure, FileResult, Source, SourceResult
from dossier.packs import Pack
from dossier.read.files import read_bytes, read_file, sha256_of
from dossier.segment import segment
from dossier.settings import Settings


def run_source(
    source: Source, pack: Pack, *, extract: bool = True, model: str | None = None
) -> tuple[SourceResult, list[Failure]]:
    """One text through clean, segment, meta and annotate.

    An extraction rule that trips on one span costs that span only: `annotate`
    notes it in `Annotations.failures` and the file still counts as stored
    (issue 13). Only an error outside every finder costs the document its
    annotations, reported as a failure, never the document itself.
    """
    cleaned = clean(source, pack)
    documents, removed = segment(cleaned, pack)
    described = []
    failures = []
    for document in documents:
        meta = describe(document, source, pack)
        annotations = None
        # Teasers are cut-off leads: searchable, not extracted from.
        if extract and document.kind == "article":
            try:
                annotations = annotate(
                    document.text, pack=pack, anchor=meta.date, model=model
                )
            except Exception as err:
                where = f"{source.path}:{source.part}" if source.part else source.path
                failures.append(Failure(where, "annotate", _one_line(err)))
        described.append(
            dataclasses.replace(document, meta=meta, annotations=annotations)
        )
    return SourceResult(source, cleaned, tuple(described), tuple(removed)), failures


def run_file(
    path: Path, pack: Pack, settings: Settings, *, known: dict[str, str] | None = None
) -> FileResult:
    """Everything the per-file stages make of one file, or why they could not.

    `known` maps paths to the sha256 already stored: an unchanged file is
    skipped without being parsed.
    """
    stage = "read"
    try:
        data = read_bytes(path, max_bytes=int(settings.max_file_mb * 1_000_000))
        digest = sha256_of(data)
        fingerprint = build_fingerprint(settings, pack)
        if known is not None and known.get(str(path)) == f"{digest} {fingerprint}":
            return FileResult(str(path), digest, len(data), skipped=True)
        sources, failures = read_file(path, data, digest)
        stage = "clean"
        results = []
        for source in sources:
            try:
                result, trips = run_source(
                    source, pack, extract=settings.annotate, model=settings.model
                )
                results.append(result)
                failures.extend(trips)
            except Exception as err:
                # A rule tripped on one odd text: report it, keep the rest.
                where = f"{path}:{source.part}" if source.part else str(path)
                failures.append(Failure(where, "clean", _one_line(err)))
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
