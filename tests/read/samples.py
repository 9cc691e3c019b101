"""Bad and odd input files, made on the fly for the read and build tests."""

from __future__ import annotations

import io
import os
from pathlib import Path

SENTENCE = (
    "The Workers’ Party of Korea was founded on 10 October 1945 and it led the "
    "people through the war of liberation to victory."
)
PDF_LINE = "The Workers Party of Korea was founded on 10 October 1945."
# The first 33 bytes of a 1x1 PNG: signature, IHDR chunk.
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01"
    b"\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
)
CP1252_TEXT = (
    "The café owner said “Très bien” – and the crème brûlée was served à la "
    "française to the naïve élève, for 5 €."
)


def text_pdf(lines: list[str]) -> bytes:
    """A one-page PDF whose content stream prints `lines` in Helvetica."""
    shown = " ".join(f"({line}) '" for line in lines)
    stream = f"BT /F1 12 Tf 72 720 Td 14 TL {shown} ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        " /Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1"))
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


def blank_pdf() -> bytes:
    """A valid one-page PDF with no text layer, as a scan without OCR."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def invalid_utf8() -> bytes:
    """UTF-8 with curly quotes, damaged by three stray bytes mid-sentence."""
    good = f"{SENTENCE} “Quoted” — said the café owner.".encode()
    return good[:40] + b"\xff\xfe\xfa" + good[40:]


# Name -> (bytes, what a build should make of it): the one-line reason of a
# refusal, or None when the file is read as text.
BAD_FILES: dict[str, tuple[bytes, str | None]] = {
    "empty.txt": (b"", "empty file"),
    "blank-lines.txt": (b"\n\n   \n", "empty file"),
    "image.txt": (PNG, "binary file, not text"),
    "scan.pdf": (b"", "no text layer, needs OCR"),  # bytes filled in below
    "broken.pdf": (b"%PDF-1.4\nnot a PDF after all\n", "not a readable PDF"),
    "text.pdf": (b"", None),  # bytes filled in below
    "invalid-utf8.txt": (b"", None),
    "utf16-bom.txt": ((SENTENCE + "\n").encode("utf-16"), None),
    "utf8-bom.txt": (b"\xef\xbb\xbf" + (SENTENCE + "\n").encode(), None),
    "cp1252.txt": ((CP1252_TEXT + "\n").encode("cp1252"), None),
    "bad-lines.jsonl": (b"{not json\n[1, 2]\n", "no usable line: line 1: not JSON"),
}


def write_bad_files(folder: Path) -> dict[str, str | None]:
    """Write every bad file (and a dangling symlink) into `folder`.

    Returns name -> expected reason (None: read as text).
    """
    folder.mkdir(parents=True, exist_ok=True)
    expected: dict[str, str | None] = {}
    for name, (data, reason) in BAD_FILES.items():
        if name == "scan.pdf":
            data = blank_pdf()
        elif name == "text.pdf":
            data = text_pdf([PDF_LINE, PDF_LINE.replace("founded", "set up")])
        elif name == "invalid-utf8.txt":
            data = invalid_utf8()
        (folder / name).write_bytes(data)
        expected[name] = reason
    os.symlink(folder / "gone" / "away.txt", folder / "dangling.txt")
    expected["dangling.txt"] = "broken symlink"
    return expected
