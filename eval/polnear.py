"""Score `find_quotes` on PolNeAR-dev attributions (84 US political news articles).

Run from the repository root: `python -m eval.polnear [--json] [--errors N]`
(`--errors` lists missed quotations, wrong ones and wrong speakers).

Gold. Each article's `.ann` file lists attributions (`E` lines) tying a
Content span (perhaps discontinuous, perhaps `Content2`) to a Cue and, mostly,
a Source. Two articles carry every annotator's file: the annotator id that
sorts first is used, so the choice is fixed.

Quotations (the main score). A gold attribution counts as a quotation when its
Content holds a passage delimited by quote marks (“…”, "…", ''…'', or ‘…’ in
a fragment with no double marks, as in headlines); its gold characters are
the ones inside those marks. Only letters and digits are compared, so spacing,
punctuation and the marks themselves never matter.
- found: the predicted `direct` quotes that touch a gold quotation cover at
  least 80% of its characters (a quotation split by its cue, `"X," he said.
  "Y."`, is one gold item and may be two predicted quotes);
- correct: at least 80% of a predicted `direct` quote's characters lie inside
  some gold quotation; precision = correct / predicted, recall = found / gold.
- speaker right, over found quotations whose gold has a Source: the
  predicted quote covering most of it has a speaker span overlapping the gold
  Source span, or a speaker name sharing a capitalised name word (titles such
  as `Mr.` or `President` left out) with the gold Source text
  (`Trump` ~ `Donald Trump`).

All attributions (secondary): every gold Content against every predicted
`direct` or `reported` quote, with the same rules at 50% instead of 80%.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dossier.annotate.quotes import find_quotes
from dossier.model import Quote
from dossier.packs import load_pack
from eval import CORPUS

DEV = CORPUS / "polnear-dev" / "dev"
QUOTE_OVERLAP = 0.8
ATTRIBUTION_OVERLAP = 0.5

Spans = tuple[tuple[int, int], ...]


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_DOUBLE = re.compile(r"''|[“”\"]")
_SINGLE = re.compile(r"(?<![\w’'])[‘'](?=\w)(.+?)(?<=[\w.,?!])[’'](?!\w)")
_NAME_WORD = re.compile(r"\b[A-Z][\w’'.-]*[a-z][\w’'-]*")
_NOT_NAMES = words(
    """
        Mr Mrs Ms Dr Sen Rep Gov President Vice Secretary The A An He She It
        They We I Comrade Chairman Senator Representative Governor Former
        Democratic Republican Democrat
        """
)


@dataclass(frozen=True, slots=True)
class Attribution:
    content: Spans
    source: Spans
    source_text: str
    quoted: Spans  # the parts of `content` inside quote marks


@dataclass(frozen=True, slots=True)
class Article:
    name: str
    text: str
    attributions: tuple[Attribution, ...]


def _spans(field: str) -> Spans:
    pieces = []
    for piece in field.split(";"):
        start, end = piece.split()
        pieces.append((int(start), int(end)))
    return tuple(sorted(pieces))


def quoted_parts(text: str, spans: Spans) -> Spans:
    """Character spans inside quote marks within each content fragment."""
    parts: list[tuple[int, int]] = []
    for start, end in spans:
        fragment = text[start:end]
        marks = list(_DOUBLE.finditer(fragment))
        opened: int | None = None
        for index, mark in enumerate(marks):
            char = mark.group()
            reversed_open = char == "”" and mark.start() == 0  # `”Mr. Trump …”`
            closes = (char == "”" and not reversed_open) or (
                char != "“" and opened is not None
            )
            if opened is None and closes and index == 0:
                parts.append((start, start + mark.start()))  # opened before it
            elif opened is None:
                opened = mark.end()
            elif closes:
                parts.append((start + opened, start + mark.start()))
                opened = None
        if opened is not None:
            parts.append((start + opened, end))
        if not marks:
            for single in _SINGLE.finditer(fragment):
                parts.append((start + single.start(1), start + single.end(1)))
    return tuple(part for part in parts if part[1] > part[0])


def read_annotations(path: Path, text: str) -> tuple[Attribution, ...]:
    spans: dict[str, tuple[str, Spans, str]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            label, _, offsets = fields[1].partition(" ")
            spans[fields[0]] = (
                label,
                _spans(offsets),
                fields[2] if len(fields) > 2 else "",
            )
        elif line.startswith("E") and len(fields) >= 2:
            roles = dict(
                part.split(":", 1) for part in fields[1].split() if ":" in part
            )
            events.append(roles)
    attributions = []
    for roles in events:
        content: list[tuple[int, int]] = []
        for role, target in roles.items():
            if role.startswith("Content") and target in spans:
                content.extend(spans[target][1])
        if not content:
            continue
        source = spans.get(roles.get("Source", ""), ("", (), ""))
        ordered = tuple(sorted(content))
        attributions.append(
            Attribution(ordered, source[1], source[2], quoted_parts(text, ordered))
        )
    return tuple(attributions)


def read_corpus(folder: Path = DEV) -> list[Article]:
    articles = []
    for path in sorted((folder / "text").glob("*.txt")):
        annotations = sorted((folder / "attributions").glob(f"{path.stem}_*.ann"))
        if not annotations:
            continue
        text = path.read_text(encoding="utf-8")
        articles.append(
            Article(path.stem, text, read_annotations(annotations[0], text))
        )
    return articles


def _letters(text: str, spans: Iterable[tuple[int, int]]) -> set[int]:
    return {i for start, end in spans for i in range(start, end) if text[i].isalnum()}


def _name_words(text: str) -> set[str]:
    return {
        word.rstrip(".’'s").casefold()
        for word in _NAME_WORD.findall(text)
        if word.rstrip(".") not in _NOT_NAMES
    }


def speaker_right(quote: Quote, gold: Attribution) -> bool:
    if quote.speaker_start is not None and quote.speaker_end is not None:
        for start, end in gold.source:
            if quote.speaker_start < end and start < quote.speaker_end:
                return True
    if quote.speaker:
        return bool(_name_words(quote.speaker) & _name_words(gold.source_text))
    return False


@dataclass
class Tally:
    gold: int = 0
    found: int = 0
    predicted: int = 0
    correct: int = 0
    speakers: int = 0
    speakers_right: int = 0

    def scores(self) -> dict[str, float | int]:
        precision = self.correct / self.predicted if self.predicted else 0.0
        recall = self.found / self.gold if self.gold else 0.0
        total = precision + recall
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(2 * precision * recall / total if total else 0.0, 4),
            "speaker_scored": self.speakers,
            "speaker_accuracy": round(
                self.speakers_right / self.speakers if self.speakers else 0.0, 4
            ),
        }


def _score(
    text: str,
    golds: Sequence[tuple[Attribution, Spans]],
    quotes: Sequence[Quote],
    threshold: float,
    tally: Tally,
    errors: list[str],
) -> None:
    gold_letters = [_letters(text, spans) for _, spans in golds]
    every_gold = set().union(*gold_letters) if gold_letters else set()
    quote_letters = [_letters(text, [(q.start, q.end)]) for q in quotes]
    for quote, letters in zip(quotes, quote_letters, strict=True):
        tally.predicted += 1
        if letters and len(letters & every_gold) >= threshold * len(letters):
            tally.correct += 1
        else:
            errors.append(f"  FP  {quote.kind} {quote.text[:110]!r}")
    for (gold, _), letters in zip(golds, gold_letters, strict=True):
        if not letters:
            continue
        tally.gold += 1
        touching = [
            (len(letters & mine), quote)
            for quote, mine in zip(quotes, quote_letters, strict=True)
            if letters & mine
        ]
        covered = set().union(*(quote_letters[quotes.index(q)] for _, q in touching))
        if len(covered & letters) < threshold * len(letters):
            snippet = " | ".join(text[s:e] for s, e in gold.content)
            errors.append(f"  FN  {snippet[:110]!r}")
            continue
        tally.found += 1
        if gold.source:
            tally.speakers += 1
            best = max(touching, key=lambda pair: pair[0])[1]
            if speaker_right(best, gold):
                tally.speakers_right += 1
            else:
                errors.append(
                    f"  SPK {best.speaker!r} ({best.cue!r}) vs gold "
                    f"{gold.source_text!r}: {best.text[:60]!r}"
                )


def score(
    articles: Sequence[Article], *, errors: list[str] | None = None
) -> dict[str, Any]:
    pack = load_pack("korea")
    quotations, attributions = Tally(), Tally()
    quote_errors: list[str] = []
    chars = 0
    started = time.perf_counter()
    for article in articles:
        chars += len(article.text)
        quotes = find_quotes(article.text, pack=pack)
        direct = [q for q in quotes if q.kind == "direct"]
        spoken = [q for q in quotes if q.kind in ("direct", "reported")]
        mine: list[str] = []
        _score(
            article.text,
            [(a, a.quoted) for a in article.attributions if a.quoted],
            direct,
            QUOTE_OVERLAP,
            quotations,
            mine,
        )
        if mine:
            quote_errors.append(f"{article.name}")
            quote_errors.extend(mine)
        _score(
            article.text,
            [(a, a.content) for a in article.attributions],
            spoken,
            ATTRIBUTION_OVERLAP,
            attributions,
            [],
        )
    seconds = time.perf_counter() - started
    if errors is not None:
        errors.extend(quote_errors)
    return {
        "articles": len(articles),
        "quotations": quotations.scores(),
        "attributions": attributions.scores(),
        "chars_per_second": round(chars / seconds) if seconds else 0,
    }


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print scores as JSON")
    parser.add_argument("--errors", type=int, default=0, help="print N error lines")
    options = parser.parse_args(argv)
    if not DEV.is_dir():
        sys.exit(f"Error: PolNeAR-dev not found at {DEV}")
    errors: list[str] = []
    scores = score(read_corpus(), errors=errors)
    if options.json:
        print(json.dumps(scores, indent=2))
    else:
        for task in ("quotations", "attributions"):
            numbers = scores[task]
            print(
                f"{task:13} gold {numbers['gold']:4}  "
                f"predicted {numbers['predicted']:4}  "
                f"P {numbers['precision']:.3f}  R {numbers['recall']:.3f}  "
                f"F1 {numbers['f1']:.3f}  speaker {numbers['speaker_accuracy']:.3f} "
                f"of {numbers['speaker_scored']}"
            )
        print(f"speed {scores['chars_per_second'] / 1e6:.2f} M chars/s")
    for line in errors[: options.errors]:
        print(line)
    return scores


if __name__ == "__main__":
    main()
