"""One JSON shape per record, behind both `--json` and the API."""

from __future__ import annotations

from typing import Any

from dossier.offsets import OffsetMap, SourceMap


def document_summary(row: dict[str, Any]) -> dict[str, Any]:
    # The path, and a JSONL record's line number: where to look, not who it
    # is (the id is made from the content).
    source = row["source"] if not row.get("part") else f"{row['source']}:{row['part']}"
    return {
        "id": row["id"],
        "source": source,
        "kind": row["kind"],
        "title": row["title"],
        "date": row["date"],
        "date_inferred": bool(row["date_inferred"]),
        "outlet": row["outlet"],
        "author": row["author"],
        "url": row["url"],
        "place": row["place"],
        "chars": row["chars"],
        # The earliest document of its copy group, when it repeats another's
        # text; the group (that earliest document's id) on every member.
        "copy_of": row.get("copy_of"),
        "copy_group": row.get("copy_group"),
        # What segmentation says of it: `kept-whole` when no line of its source
        # read as an article and it was stored whole rather than lost.
        "flags": (row.get("flags") or "").split(),
    }


def document_detail(
    row: dict[str, Any], offsets: OffsetMap, source: SourceMap
) -> dict[str, Any]:
    detail = document_summary(row)
    detail["text"] = row["text"]
    detail["locator"] = source.locate(row["raw_start"], row["raw_end"])
    # Each annotation carries `span` into `text` and `locator` into the file.
    # `reused` gives the other document and its span too.
    for key in ("mentions", "times", "figures", "quotes", "citations", "reused"):
        detail[key] = row.get(key, [])
    return detail


def removed_spans(
    raw: str, removed: list[dict[str, Any]], start: int, end: int, source: SourceMap
) -> list[dict[str, Any]]:
    """The removed spans that overlap raw[start:end], each with its text as
    read and its `locator` in the file."""
    return [
        {
            "kind": r["kind"],
            "text": raw[r["raw_start"] : r["raw_end"]],
            "locator": source.locate(r["raw_start"], r["raw_end"]),
        }
        for r in removed
        if r["raw_end"] > start and r["raw_start"] < end
    ]


def search_hit(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "doc": row["doc"],
        "title": row["title"],
        "kind": row["kind"],
        "date": row["date"],
        "snippet": row["snippet"],
        "score": row["score"],
    }
