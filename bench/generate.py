"""Generate a large corpus of varied, realistic documents from examples/.

Each generated document recombines the paragraphs of one bundled example
with sentences drawn from all of them, renumbers figures and dates, and keeps
the example's noise (wrapping, hyphenation, navigation, teasers, datelines),
so the build does the same work per megabyte as on real input.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
_NUMBER = re.compile(r"\b\d{2,4}\b")


def _templates() -> tuple[list[str], list[dict[str, str]], list[str]]:
    texts = [
        path.read_text(encoding="utf-8")
        for path in sorted(EXAMPLES.glob("*.txt"))
        if path.stem.lower() != "readme" and _is_utf8(path)
    ]
    wires = [
        json.loads(line)
        for line in (EXAMPLES / "wire.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    # Sentences for wire items, with the OCR page's line-end spaces squeezed
    # out: wire copy does not carry a newsletter's wrapping.
    sentences = [
        " ".join(s.split())
        for text in texts + [w["text"] for w in wires]
        for s in re.split(r"(?<=[.!?])\s+", text.replace("\n", " "))
        if 40 <= len(s) <= 300
    ]
    return texts, wires, sentences


def _is_utf8(path: Path) -> bool:
    try:
        path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _vary(text: str, rng: random.Random) -> str:
    return _NUMBER.sub(lambda m: str(int(m.group()) + rng.randint(0, 9)), text)


def _document(
    template: str, sentences: list[str], rng: random.Random, size: int
) -> str:
    """The template's head and tail, its body grown to about `size` chars."""
    paragraphs = template.split("\n\n")
    head, body, tail = paragraphs[:2], paragraphs[2:-1], paragraphs[-1:]
    grown: list[str] = []
    total = 0
    while total < size:
        if body and rng.random() < 0.5:
            paragraph = rng.choice(body)
        else:
            paragraph = " ".join(rng.choices(sentences, k=rng.randint(2, 6)))
        grown.append(_vary(paragraph, rng))
        total += len(paragraph)
    return "\n\n".join(head + grown + tail)


def _paragraphs(sentences: list[str], rng: random.Random) -> list[str]:
    """Three to eight wire paragraphs of one to three sentences each, as in
    kcna-2024 (195 characters a paragraph line on average)."""
    return [
        " ".join(rng.choices(sentences, k=rng.randint(1, 3)))
        for _ in range(rng.randint(3, 8))
    ]


def generate(folder: Path, megabytes: float, *, seed: int = 7) -> int:
    """Write about `megabytes` of documents into `folder`; return bytes written."""
    rng = random.Random(seed)
    texts, wires, sentences = _templates()
    folder.mkdir(parents=True, exist_ok=True)
    target = int(megabytes * 1_000_000)
    written = 0
    number = 0
    while written < target:
        number += 1
        if number % 5 == 0:
            # A JSON Lines shard of ~2 MB of wire items.
            lines = []
            size = 0
            while size < 2_000_000:
                wire = dict(rng.choice(wires))
                wire["text"] = _vary(
                    wire["text"].replace(" -0-", "")
                    + "\n"
                    + "\n".join(_paragraphs(sentences, rng))
                    + " -0-",
                    rng,
                )
                line = json.dumps(wire, ensure_ascii=False)
                lines.append(line)
                size += len(line)
            data = ("\n".join(lines) + "\n").encode("utf-8")
            path = folder / f"shard_{number:05d}.jsonl"
        else:
            text = _document(
                rng.choice(texts), sentences, rng, rng.randint(4_000, 60_000)
            )
            data = text.encode("utf-8")
            path = folder / f"doc_{number:05d}.txt"
        path.write_bytes(data)
        written += len(data)
    return written


KCNA = EXAMPLES.parent.parent / "shared" / "corpus" / "kcna-2024" / "kcna-2024.jsonl"
_DATELINE = re.compile(r"^(\w[\w ]*?), (\w+ \d{1,2}) \((KCNA|Rodong Sinmun)\)")
_MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_DATELINE_LEAD = re.compile(r"^[^,\n]{1,40}, \w+ \d{1,2} \([^)]{1,30}\) -- ")
_LOWER_WORD = re.compile(r"\b[a-z]{4,}\b")
# One lower-case word in this many is swapped: a repeated sentence of 40
# words keeps a verbatim run of them about once in 25 repeats.
_SWAP = 6


def _swap(text: str, words: list[str], rng: random.Random) -> str:
    return _LOWER_WORD.sub(
        lambda m: rng.choice(words) if rng.randrange(_SWAP) == 0 else m[0], text
    )


# kcna-2024 holds about 500 stories a month at KCNA's full pace.
STORIES_A_DAY = 16


def wire_year(folder: Path, *, year: int = 2025, seed: int = 7) -> int:
    """A year of KCNA-like wire copy (`wire_stories`), one JSONL a month;
    the bytes written."""
    shards: dict[int, list[str]] = {}
    for story in wire_stories(year=year, seed=seed):
        shards.setdefault(int(story["date"][5:7]), []).append(
            json.dumps(story, ensure_ascii=False)
        )
    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    for month, lines in shards.items():
        data = ("\n".join(lines) + "\n").encode("utf-8")
        (folder / f"kcna_{year}_{month:02d}.jsonl").write_bytes(data)
        written += len(data)
    return written


def wire_stories(*, year: int = 2025, seed: int = 7) -> Iterator[dict[str, Any]]:
    """A year of KCNA-like wire stories from kcna-2024's, in date order, made
    as they are asked for (a test taking the first days makes no more).

    Each day gets `STORIES_A_DAY` stories; each keeps a real story's title,
    topic and dateline (moved to the day) and as many lines as it had, each
    line one or two sentences drawn from any story, figures varied and one
    in `_SWAP` of its lower-case words swapped for another. Tripling 3 MB of
    copy repeats each sentence three times a year: verbatim, that made every
    story share long passages with dozens of others (2,400 reused passages
    in two months against 83 in all kcna-2024), which no agency's year does.
    """
    import datetime

    rng = random.Random(seed)
    stories = [
        json.loads(line)
        for line in KCNA.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    sentences = [
        sentence
        for story in stories
        for line in story["text"].split("\n")
        for sentence in re.split(r"(?<=[.!?])\s+", _DATELINE_LEAD.sub("", line))
        if len(sentence) > 30
        and not sentence[0].islower()
        and not sentence.endswith("-0-")
    ]
    words = sorted({w for t in sentences for w in _LOWER_WORD.findall(t)})
    day = datetime.date(year, 1, 1)
    while day.year == year:
        for _ in range(STORIES_A_DAY):
            story = dict(rng.choice(stories))
            lines = story["text"].split("\n")
            when = f"{_MONTH_NAMES[day.month - 1]} {day.day}"
            found = _DATELINE.match(lines[0])
            dateline = f"{found[1]}, {when} ({found[3]}) -- " if found else ""
            grown = [
                _swap(
                    _vary(" ".join(rng.choices(sentences, k=rng.randint(1, 2))), rng),
                    words,
                    rng,
                )
                for _ in range(max(3, len(lines)))
            ]
            story["text"] = dateline + "\n".join(grown) + " -0-"
            story["date"] = day.isoformat()
            yield story
        day += datetime.timedelta(days=1)
