"""PDF: the text layer, via pypdfium2 (fast) or pypdf as a fallback."""

from __future__ import annotations

import re
from pathlib import Path

from dossier.errors import InputError
from dossier.model import Source
from dossier.offsets import Edit, SourceMap, rewrite

# Fewer visible characters per page than this means scanned images, not text.
_MIN_CHARS_PER_PAGE = 20
_LINE_END = re.compile(r"\r\n?")


def _pdfium_text(data: bytes) -> list[str]:
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    try:
        pages = []
        for page in document:
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return pages
    finally:
        document.close()


def _pypdf_text(data: bytes) -> list[str]:
    import io
    import logging

    import pypdf

    # pypdf logs what it repairs ("EOF marker not found") to stderr; a file it
    # cannot read is reported once, by the build, with its reason.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    reader = pypdf.PdfReader(io.BytesIO(data))
    return [page.extract_text() or "" for page in reader.pages]


def read_pdf(path: Path, data: bytes, digest: str) -> list[Source]:
    try:
        pages = _pdfium_text(data)
        engine = "pdfium"
    except Exception:  # pdfium raises its own untyped errors on odd files
        try:
            pages = _pypdf_text(data)
            engine = "pypdf"
        except Exception as err:
            raise InputError(f"not a readable PDF ({type(err).__name__})") from err
    text, locator = page_map(pages)
    visible = sum(1 for char in text if not char.isspace())
    if visible < _MIN_CHARS_PER_PAGE * max(len(pages), 1):
        raise InputError("no text layer, needs OCR")
    return [Source(str(path), 0, text, f"pdf-text ({engine})", digest, {}, locator)]


def page_map(pages: list[str]) -> tuple[str, SourceMap]:
    """The pages' texts joined by form feeds, line ends made "\\n", and the map
    from that text back to each page's text as the extractor gave it."""
    joined = "\f".join(pages)
    edits = [
        Edit(match.start(), match.end(), "\n", "newline")
        for match in _LINE_END.finditer(joined)
    ]
    text, offsets = rewrite(joined, edits)
    starts = []
    position = 0
    for page in pages:
        starts.append(position)
        position += len(page) + 1
    return text, SourceMap("pdf", offsets, pages=tuple(starts))
