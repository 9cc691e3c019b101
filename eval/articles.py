"""Score article text: does dossier keep the article and only the article?

Run from the repository root: `python -m eval.articles [--json] [--worst N] [--write]`.

Files and their gold main text:
- html: the 81 saved pages of ../shared/corpus/html-dev, gold `articleBody` from
  its ground-truth.json; trafilatura's own `extract` (default settings) is
  scored on the same pages beside dossier.
- kcna: the kcna-2024 stories of the hard class "short lines" (a general rule:
  three or more non-empty lines under 60 characters: leads and name lists,
  subheads, tables of news items), each distinct text once. Gold is the whole
  story as cleaned (so a cleaning repair such as `ComradeKim` -> `Comrade Kim`
  counts neither way) without its wire dateline (`Pyongyang, May 5 (KCNA) --`)
  and end marker: segmentation should keep all of it.
- seeds: the five seed documents; gold written by hand in eval/gold/articles/seeds/.
- own: short documents written for this project in eval/gold/articles/own/
  (an OCR'd narrow column, an essay with code, a name list without dateline,
  a comma-joined scraped story): NAME.txt is the input, NAME.gold.txt the article.

Measure (the html-dev README's, the Article Extraction Benchmark's own): tokens
are the `\\w+` runs of a text; per file, take the multisets of 4-token shingles
of gold and system text; tp = shared shingles (multiset minimum), fp = the
system's extra, fn = gold's missing. Precision = mean over files of tp/(tp+fp)
(files where the system gave anything), recall = mean of tp/(tp+fn), F1 their
harmonic mean; `lost` counts files whose recall is under 0.5. dossier's text
of a file is all its `article` documents joined by a blank line.

Kept unseen: rules were developed on the `dev` part only (html-dev ids whose
place in sorted order is in the first 60%, kcna stories dated before October
2024, seeds and own files); the `held` part (the other html-dev pages, the
kcna stories from October 2024) is reported apart.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sqlite3
import sys
from collections import Counter
from collections.abc import Iterator, Mapping
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dossier.clean import clean
from dossier.model import Document, Source
from dossier.packs import Pack, load_pack
from dossier.pipeline import run_source
from dossier.read.html import read_html
from eval import CORPUS, GOLD_DIR, round_down, write_floors

HTML_DIR = CORPUS / "html-dev"
KCNA = CORPUS / "kcna-2024" / "kcna-2024.jsonl"
SEEDS = CORPUS / "seeds"
OWN_GOLD = GOLD_DIR / "articles"
SHINGLE = 4
DEV_SHARE = 0.6  # html-dev pages developed on, in sorted id order
KCNA_HELD_FROM = "2024-10"  # kcna stories from this month on are held out
SHORT_LINE = 60
MIN_SHORT_LINES = 3
LOST = 0.5

_WORD = re.compile(r"\w+")
_DATELINE = re.compile(r"^[^\n(]{1,60}\(KCNA\)\s*(?:--|—|–)\s*")
_END_MARKER = re.compile(r"\s*-0-\s*$")


@dataclass(frozen=True, slots=True)
class Item:
    name: str
    group: str  # html, kcna, seeds, own
    split: str  # dev or held
    gold: str
    source: Source | None = None
    html: bytes = b""


def shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = [t.casefold() for t in _WORD.findall(text)]
    if len(tokens) < SHINGLE:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(
        tuple(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1)
    )


def compare(gold: str, system: str) -> tuple[float | None, float]:
    """(precision or None when the system gave nothing, recall) of one file."""
    expected, found = shingles(gold), shingles(system)
    tp = sum((expected & found).values())
    fp = sum(found.values()) - tp
    fn = sum(expected.values()) - tp
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall


def _html_items() -> Iterator[Item]:
    truth = json.loads((HTML_DIR / "ground-truth.json").read_text("utf-8"))
    names = sorted(truth)
    cut = int(len(names) * DEV_SHARE)
    for index, name in enumerate(names):
        data = gzip.decompress((HTML_DIR / "html" / f"{name}.html.gz").read_bytes())
        yield Item(
            name,
            "html",
            "dev" if index < cut else "held",
            truth[name]["articleBody"],
            html=data,
        )


def is_short_line_story(text: str) -> bool:
    lines = [line for line in text.split("\n") if line.strip()]
    return sum(len(line.strip()) < SHORT_LINE for line in lines) >= MIN_SHORT_LINES


def _kcna_items(pack: Pack) -> Iterator[Item]:
    seen: set[str] = set()
    with KCNA.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            record = json.loads(line)
            text = record["text"]
            if text in seen or not is_short_line_story(text):
                continue
            seen.add(text)
            fields = {k: str(record[k]) for k in ("title", "date", "outlet", "url")}
            source = Source(str(KCNA), number, text, "utf-8", "", fields)
            cleaned = clean(source, pack).text
            gold = _END_MARKER.sub("", _DATELINE.sub("", cleaned.strip()))
            split = "held" if record["date"] >= KCNA_HELD_FROM else "dev"
            yield Item(f"kcna:{number}", "kcna", split, gold, source)


def _file_items(group: str, inputs: dict[str, Path]) -> Iterator[Item]:
    for name, path in sorted(inputs.items()):
        gold = (OWN_GOLD / group / f"{name}.gold.txt").read_text("utf-8")
        raw = path.read_text("utf-8")
        yield Item(
            f"{group}:{name}",
            group,
            "dev",
            gold,
            Source(str(path), 0, raw, "utf-8", ""),
        )


def items(pack: Pack) -> list[Item]:
    seeds = {p.name[:3]: p for p in SEEDS.glob("*.txt")}
    own = {
        p.name.removesuffix(".txt"): p
        for p in (OWN_GOLD / "own").glob("*.txt")
        if not p.name.endswith(".gold.txt")
    }
    return [
        *_html_items(),
        *_kcna_items(pack),
        *_file_items("seeds", seeds),
        *_file_items("own", own),
    ]


def dossier_text(item: Item, pack: Pack) -> str:
    sources = (
        read_html(Path(f"{item.name}.html"), item.html, "")
        if item.group == "html"
        else [item.source]
    )
    texts = []
    for source in sources:
        if source is None:
            continue
        result, _ = run_source(source, pack, extract=False)
        texts += [_body(d) for d in result.documents if d.kind == "article"]
    return "\n\n".join(texts)


def _body(document: Document) -> str:
    """The article's text after its headline: dossier reads the headline as
    the first paragraph (its names are the article's, issue 18) and as the
    title; the gold main texts leave it out."""
    title = document.meta.title if document.meta is not None else None
    return _after_headline(title, document.text)


def _after_headline(title: str | None, text: str) -> str:
    headline, _, body = text.partition("\n\n")
    return body if title and body and headline == title else text


def stored_html_texts(db: Path) -> dict[str, str]:
    """dossier's text of each page in `db`, a build of html-dev's pages
    unzipped as NAME.html, by NAME: what `dossier_text` gives, read back from
    the build instead of worked out again (the test suite builds the pages
    once, for their locators and for this)."""
    texts: dict[str, list[str]] = {}
    with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as connection:
        for path, title, text in connection.execute(
            "SELECT s.path, d.title, d.text FROM documents d"
            " JOIN sources s ON s.id = d.source_id WHERE d.kind = 'article'"
            " ORDER BY s.path, s.part, d.ordinal"
        ):
            name = Path(path).name.removesuffix(".html")
            texts.setdefault(name, []).append(_after_headline(title, text))
    return {name: "\n\n".join(parts) for name, parts in texts.items()}


def trafilatura_text(item: Item) -> str:
    import trafilatura

    return trafilatura.extract(item.html.decode("utf-8", "replace")) or ""


def _summary(rows: list[tuple[float | None, float]]) -> dict[str, Any]:
    given = [p for p, _ in rows if p is not None]
    precision = sum(given) / len(given) if given else 0.0
    recall = sum(r for _, r in rows) / len(rows) if rows else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    lost = sum(1 for _, r in rows if r < LOST)
    return {
        "files": len(rows),
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "lost": lost,
    }


def score(
    *, with_trafilatura: bool = True, html_texts: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """Scores by system, group and split, and each file's (name, P, R).
    `html_texts`: dossier's text of every html page, by name, already made
    (`stored_html_texts`), instead of reading and segmenting the pages here."""
    pack = load_pack("korea")
    per_file: list[dict[str, Any]] = []
    for item in items(pack):
        if html_texts is not None and item.group == "html":
            system = html_texts.get(item.name, "")
        else:
            system = dossier_text(item, pack)
        precision, recall = compare(item.gold, system)
        row = {
            "name": item.name,
            "group": item.group,
            "split": item.split,
            "precision": precision,
            "recall": recall,
        }
        if with_trafilatura and item.group == "html":
            t_precision, t_recall = compare(item.gold, trafilatura_text(item))
            row |= {
                "trafilatura_precision": t_precision,
                "trafilatura_recall": t_recall,
            }
        per_file.append(row)
    result: dict[str, Any] = {"dossier": {}, "trafilatura": {}, "files": per_file}
    groups = sorted({row["group"] for row in per_file})
    for group in ["all", *groups]:
        for split in ("all", "dev", "held"):
            chosen = [
                row
                for row in per_file
                if group in ("all", row["group"]) and split in ("all", row["split"])
            ]
            if not chosen:
                continue
            key = f"{group}/{split}"
            result["dossier"][key] = _summary(
                [(row["precision"], row["recall"]) for row in chosen]
            )
            if with_trafilatura and group == "html":
                result["trafilatura"][key] = _summary(
                    [
                        (row["trafilatura_precision"], row["trafilatura_recall"])
                        for row in chosen
                    ]
                )
    return result


def floors_of(result: dict[str, Any]) -> dict[str, float]:
    """The pinned measures: P and R of every group and split, rounded down."""
    floors: dict[str, float] = {}
    for key, summary in result["dossier"].items():
        for measure in ("precision", "recall"):
            floors[f"{key}/{measure}"] = round_down(summary[measure])
    return floors


def _table(result: dict[str, Any]) -> list[str]:
    lines = [
        "| system | files | part | files | P | R | F1 | recall < 0.5 |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for system in ("dossier", "trafilatura"):
        for key, s in result[system].items():
            group, split = key.split("/")
            lines.append(
                f"| {system} | {group} | {split} | {s['files']} | "
                f"{s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} | "
                f"{s['lost']} |"
            )
    return lines


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print scores as JSON")
    parser.add_argument("--worst", type=int, default=0, help="list the N worst files")
    parser.add_argument(
        "--write", action="store_true", help="raise the floors in eval/floors/"
    )
    options = parser.parse_args(argv)
    if not (HTML_DIR / "ground-truth.json").is_file() or not KCNA.is_file():
        sys.exit(f"Error: corpus not found at {CORPUS}")
    result = score()
    if options.write:
        write_floors("articles", floors_of(result))
    if options.json:
        print(json.dumps(result, indent=2))
        return result
    print("\n".join(_table(result)))
    worst = sorted(result["files"], key=lambda row: row["recall"])[: options.worst]
    for row in worst:
        precision = row["precision"]
        shown = "-" if precision is None else f"{precision:.3f}"
        print(
            f"  {row['name']:40} {row['split']:5} R {row['recall']:.3f} P {shown}"
            f" (trafilatura R {row.get('trafilatura_recall', '-')})"
        )
    return result


if __name__ == "__main__":
    main()
