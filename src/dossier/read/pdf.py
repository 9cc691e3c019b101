"""PDF: the text layer, via pypdfium2 (fast) or pypdf as a fallback."""

from __future__ import annotations

from pathlib import Path

from dossier.errors import InputError
from dossier.model import Source

# Fewer visible characters per page than this means scanned images, not text.
_MIN_CHARS_PER_PAGE = 20


def _pdfium_text(data: bytes) -> tuple[str, int]:
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    try:
        pages = []
        for page in document:
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return "\f".join(pages), len(pages)
    finally:
        document.close()


def _pypdf_text(data: bytes) -> tuple[str, int]:
    import io

    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(data))
    pages = [page.extract_text() or "" for page in reader.pages]
    return "\f".join(pages), len(pages)


def read_pdf(path: Path, data: bytes, digest: str) -> list[Source]:
    try:
        text, pages = _pdfium_text(data)
        engine = "pdfium"
    except Exception:  # pdfium raises its own untyped errors on odd files
        try:
            text, pages = _pypdf_text(data)
            engine = "pypdf"
        except Exception as err:
            raise InputError(f"not a readable PDF ({type(err).__name__})") from err
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    visible = sum(1 for char in text if not char.isspace())
    if visible < _MIN_CHARS_PER_PAGE * max(pages, 1):
        raise InputError("no text layer, needs OCR")
    return [Source(str(path), 0, text, f"pdf-text ({engine})", digest)]
