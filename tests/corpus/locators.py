"""Slice original files with stored locators and check the text is there.

Used by the per-format locator tests: every annotation of a built dossier
(mentions, times, figures, quotes, citations), every document and every
removed span is looked up in the file it came from, with nothing but the
locator and the file.
"""

from __future__ import annotations

import html
import io
import json
import re
import sqlite3
from collections import Counter
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dossier.read.decode import decode
from dossier.store import connect
from dossier.store.queries import get_document, offsets_of, source_raw
from dossier.store.records import document_annotations, source_map

KINDS = ("mentions", "times", "figures", "quotes", "citations")
# What a page shows is its text without tags, comments, scripts and styles.
_TAG = re.compile(
    r"<!--.*?-->|<(script|style|noscript|template)\b.*?</\1\s*>|<[^>]*>",
    re.DOTALL | re.IGNORECASE,
)
_SPACE = re.compile(r"\s+")


def squeeze(text: str) -> str:
    """Whitespace collapsed, and nothing unprintable (HTML extraction drops it)."""
    visible = "".join(char for char in text if char.isprintable() or char.isspace())
    return _SPACE.sub(" ", visible).strip()


def _holds(found: str, wanted: str) -> bool:
    """Each line of `wanted` is in `found`, word by word in order, whatever lies
    between (an approximate range holds text the extractor left out or moved).
    The "- " trafilatura puts before a list item and the "|" and "---" of its
    tables are not in the file."""
    for line in wanted.split("\n"):
        position = 0
        for word in line.removeprefix("- ").split():
            if not word.strip("|-"):
                continue
            position = found.find(_unspaced(word), position)
            if position < 0:
                return False
            position += len(_unspaced(word))
    return True


def _unmarked(text: str) -> str:
    """Extracted text without the list and table marks trafilatura writes."""
    lines = (line.removeprefix("- ") for line in text.split("\n"))
    words = (word for line in lines if line.strip("|- ") for word in line.split())
    return " ".join(word for word in words if word != "|")


def _unspaced(text: str) -> str:
    return "".join(char for char in text if char.isprintable() and not char.isspace())


@dataclass
class Tally:
    """What the slices gave, per format and per kind of span."""

    checked: Counter[str] = field(default_factory=Counter)
    exact: Counter[str] = field(default_factory=Counter)
    approximate: Counter[str] = field(default_factory=Counter)
    repaired: Counter[str] = field(default_factory=Counter)
    wrong: list[str] = field(default_factory=list)


class Files:
    """The original files, read the way a user of the locators would."""

    def __init__(self) -> None:
        self._texts: dict[str, str] = {}
        self._lines: dict[str, list[str]] = {}
        self._pages: dict[str, list[str]] = {}

    def text(self, path: str) -> str:
        if path not in self._texts:
            data = Path(path).read_bytes()
            if path.endswith(".gz"):
                import gzip

                data = gzip.decompress(data)
            self._texts[path] = decode(data)[0]
        return self._texts[path]

    def pages(self, path: str) -> list[str]:
        if path not in self._pages:
            import pypdfium2

            document = pypdfium2.PdfDocument(Path(path).read_bytes())
            pages = []
            for page in document:
                textpage = page.get_textpage()
                pages.append(textpage.get_text_range())
                textpage.close()
                page.close()
            document.close()
            self._pages[path] = pages
        return self._pages[path]

    def slice(self, path: str, locator: dict[str, Any]) -> str:
        """The text at `locator`, as the format says to read it."""
        start, end = locator["start"], locator["end"]
        kind = locator["format"]
        if kind == "text":
            return self.text(path)[start:end]
        if kind == "jsonl":
            if path not in self._lines:
                self._lines[path] = self.text(path).split("\n")
            line = self._lines[path][locator["line"] - 1]
            return str(json.loads(f'"{line[start:end]}"'))
        if kind == "html":
            return html.unescape(_TAG.sub("", self.text(path)[start:end]))
        if kind == "pdf":
            pages = self.pages(path)
            first = locator["page"] - 1
            last = locator.get("end_page", locator["page"]) - 1
            if first == last:
                return pages[first][start:end]
            middle = pages[first + 1 : last]
            return "\f".join([pages[first][start:], *middle, pages[last][:end]])
        raise AssertionError(f"unknown locator format {kind!r}")


def check_dossier(
    db: Path,
    files_by_path: dict[str, str] | None = None,
    *,
    parts: int | None = None,
    tally: Tally | None = None,
) -> Tally:
    """Slice every span of every document in `db` and count how it went
    (with `parts`, of the documents of each file's first `parts` records or
    parts only; into `tally` when given, to add up two dossiers).

    A slice is *exact* when it reads the span's clean text (whitespace
    collapsed); *repaired* when it differs only where cleaning recorded a
    repair (an OCR fix, a joined hyphen), and then it still reads the source's
    raw text there; *approximate* when the locator says so and the slice
    contains the text. Anything else is *wrong*. `files_by_path` names the file
    to read for a stored path (a gzipped page stored under its unzipped name).
    """
    tally = Tally() if tally is None else tally
    files = Files()
    with closing(connect(db, create=False)) as connection:
        ids = [
            row[0]
            for row in connection.execute(
                "SELECT d.id FROM documents d JOIN sources s ON s.id = d.source_id"
                " WHERE ? IS NULL OR s.part <= ?",
                (parts, parts),
            )
        ]
        for doc_id in ids:
            _check_document(connection, doc_id, files, files_by_path or {}, tally)
    return tally


def _check_document(
    connection: sqlite3.Connection,
    doc_id: str,
    files: Files,
    files_by_path: dict[str, str],
    tally: Tally,
) -> None:
    row = get_document(connection, doc_id)
    assert row is not None
    path = files_by_path.get(row["source"], row["source"])
    raw, removed = source_raw(connection, row["source_id"])
    repairs = json.loads(
        connection.execute(
            "SELECT repairs FROM sources WHERE id = ?", (row["source_id"],)
        ).fetchone()[0]
    )
    offsets = offsets_of(row)
    located = source_map(connection, row["source_id"])
    annotations = document_annotations(connection, row["rowid"], offsets, located)
    spans: list[tuple[str, str, str, tuple[int, int], dict[str, Any]]] = []
    for kind in KINDS:
        for item in annotations[kind]:
            start, end = item["span"]
            wanted = row["text"][start:end]
            where = offsets.to_raw(start, end)
            spans.append((kind, wanted, raw, where, item["locator"]))
    spans.append(
        (
            "documents",
            raw[row["raw_start"] : row["raw_end"]],
            raw,
            (row["raw_start"], row["raw_end"]),
            located.locate(row["raw_start"], row["raw_end"]),
        )
    )
    for span in removed:
        where = (span["raw_start"], span["raw_end"])
        spans.append(
            ("removed", raw[slice(*where)], raw, where, located.locate(*where))
        )
    for kind, wanted, raw_text, (raw_start, raw_end), locator in spans:
        key = f"{locator['format']}:{kind}"
        tally.checked[key] += 1
        # Markup puts no space between two paragraphs that extraction sets on
        # two lines: HTML slices are compared without whitespace.
        same = _unspaced if locator["format"] == "html" else squeeze
        found = same(files.slice(path, locator))
        if locator.get("approximate"):
            tally.approximate[key] += 1
            if not _holds(found, wanted):
                tally.wrong.append(f"{doc_id} {key} {wanted!r} not in {found[:200]!r}")
            continue
        if found == same(wanted) or (
            same is _unspaced and found == same(_unmarked(wanted))
        ):
            tally.exact[key] += 1
            continue
        touched = any(r[1] < raw_end and raw_start < r[2] for r in repairs)
        if touched and found == same(raw_text[raw_start:raw_end]):
            tally.repaired[key] += 1
            continue
        tally.wrong.append(f"{doc_id} {key} {wanted!r} != {found[:200]!r}")


def pdf_bytes(pages: list[list[str]]) -> bytes:
    """A PDF with a page per list of lines, each printed in Helvetica."""
    objects: list[str] = []
    kids = []
    for number, lines in enumerate(pages):
        shown = " ".join(f"({_pdf_string(line)}) '" for line in lines)
        stream = f"BT /F1 11 Tf 50 760 Td 13 TL {shown} ET"
        page_id = 4 + 2 * number  # after the catalog, page tree and font
        kids.append(f"{page_id} 0 R")
        objects.append(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792]"
            f" /Contents {page_id + 1} 0 R /Resources << /Font << /F1 3 0 R >> >> >>"
        )
        objects.append(f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream")
    head = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(pages)} >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica"
        " /Encoding /WinAnsiEncoding >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    positions = []
    for number, body in enumerate(head + objects, start=1):
        positions.append(out.tell())
        out.write(f"{number} 0 obj\n{body}\nendobj\n".encode("cp1252"))
    xref = out.tell()
    count = len(positions) + 1
    out.write(f"xref\n0 {count}\n0000000000 65535 f \n".encode())
    for position in positions:
        out.write(f"{position:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {count} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


def _pdf_string(line: str) -> str:
    return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
