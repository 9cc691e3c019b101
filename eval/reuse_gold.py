"""Reuse gold, generated at eval time: passages planted into kcna-2024 stories.

Run from the repository root: `python -m eval.reuse_gold [--split dev|test]`
prints a summary; `eval.reuse` imports `make_gold` and scores against it.
No corpus text is committed: the script rebuilds the same gold (seeded, in
file order) from ../shared/corpus/kcna-2024/kcna-2024.jsonl.

A case takes a passage of 1 to 5 whole sentences (at least MIN_WORDS words,
the detector's and this gold's unit of reuse: one short sentence is a stock
phrase as often as a quotation) from story X and inserts it at a sentence
boundary of story Y, which then stands in the corpus instead of Y. Slices,
by what the passage suffers on the way:

- light: quote marks changed, a word changed and a word dropped;
- ocr: rn/m and l/1 confusions, hyphens dropped, a letter slipped;
- rewrap: line breaks mid-sentence at a random width, some after a hyphen;
- essay: three sentences inside an essay of ~2,000 words made of several
  linked stories joined (in the corpus nowhere else), wrapped at 66 columns;
- heavy: clauses moved to the front, synonyms, words dropped, sentences
  reordered (the harder slice).

Negatives: more stories of the split (KCNA's few topics: the same as the
sources'), with nothing planted. A split's corpus is POOL stories of its
months, checked first: sources, hosts and negatives are stories that
neither the detector nor the yardstick links to any other of the pool; the
stories either links stay in the corpus as distractors (same months, same
topics, real re-runs among them), and pairs of two distractors are not
scored (unlabelled: real re-runs or stock text). Any other pair but a
planted one is false.

Splits by date: dev is the stories dated before 2024-09 (what the detector
was developed on), test those of Sep-Nov 2024, reported apart.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import textwrap
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from eval import CORPUS

ARTICLES = CORPUS / "kcna-2024" / "kcna-2024.jsonl"
SPLITS = {"dev": ("0000", "2024-09"), "test": ("2024-09", "2024-12")}
SLICES = ("light", "ocr", "rewrap", "essay", "heavy")
MIN_WORDS = 40
# Stories drawn from a split before the check: the same for both splits,
# and few enough that one in five links to no other by either method.
POOL = 400
CASES = 7  # per slice and split: what the test split's stories allow
SEED = 15

_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][”\"]))\s+(?=[“\"A-Z0-9])")
_WORD = re.compile(r"\w+")
# Synonyms for the heavy slice: common words of wire copy, both ways.
_SYNONYMS = {
    "said": "stated",
    "noted": "pointed out",
    "stressed": "emphasized",
    "great": "huge",
    "big": "large",
    "country": "nation",
    "people": "populace",
    "struggle": "fight",
    "work": "labour",
    "development": "progress",
    "important": "significant",
    "world": "globe",
    "enemy": "foe",
    "clearly": "plainly",
    "visited": "toured",
    "building": "construction",
    "new": "fresh",
    "made": "created",
    "achieve": "attain",
    "aggression": "attack",
    "military": "armed",
    "region": "area",
    "increase": "rise",
    "further": "more",
    "all": "every",
    "many": "numerous",
    "also": "moreover",
}
_FILLER = ("indeed", "moreover", "of course", "as is known", "in fact")


@dataclass(frozen=True, slots=True)
class Doc:
    id: str
    title: str
    date: str
    text: str


@dataclass(frozen=True, slots=True)
class Pair:
    """Gold reuse: `a_span` of document `a` repeated at `b_span` of `b`."""

    a: str
    b: str
    a_span: tuple[int, int]
    b_span: tuple[int, int]
    slice: str


@dataclass(slots=True)
class Gold:
    split: str
    docs: list[Doc] = field(default_factory=list)
    pairs: list[Pair] = field(default_factory=list)
    negatives: list[str] = field(default_factory=list)  # ids, nothing planted
    # Linked stories of the pool, in the corpus as it is: pairs among them
    # are real re-runs or stock text, unlabelled, and not scored.
    distractors: list[str] = field(default_factory=list)


def read_stories(path: Path = ARTICLES) -> list[Doc]:
    docs = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            row = json.loads(line)
            docs.append(Doc(f"kcna-{number}", row["title"], row["date"], row["text"]))
    return docs


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a story's body (its first line, the dateline
    sentence, included), splitting after . ! ? before a capital or quote."""
    spans = []
    for paragraph in re.finditer(r"[^\n]+", text):
        start = paragraph.start()
        for match in _SENTENCE_END.finditer(paragraph.group()):
            spans.append((start, paragraph.start() + match.start()))
            start = paragraph.start() + match.end()
        if paragraph.end() > start:
            spans.append((start, paragraph.end()))
    return spans


def word_span(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) shrunk to its first and last word: what a detector of
    words can report, whatever punctuation the passage begins or ends with."""
    words = list(_WORD.finditer(text, start, end))
    return (words[0].start(), words[-1].end()) if words else (start, start)


def pick_passage(
    rng: random.Random, text: str, count: int | None = None
) -> tuple[int, int] | None:
    """Whole sentences, `count` of them or 1 to 5, with MIN_WORDS words or
    more (more sentences are taken, up to 5, until they have)."""
    spans = sentences(text)
    if not spans:
        return None
    wanted = count or rng.randint(1, 5)
    first = rng.randrange(len(spans))
    for last in range(first + wanted, min(first + 5, len(spans)) + 1):
        start, end = spans[first][0], spans[last - 1][1]
        if len(_WORD.findall(text[start:end])) >= MIN_WORDS:
            return start, end
    return None


# --- what happens to a passage on the way ----------------------------------


def light(rng: random.Random, text: str) -> str:
    text = text.replace("“", '"').replace("”", '"').replace("’", "'")
    words = text.split(" ")
    if len(words) > 6:
        changed = rng.randrange(1, len(words) - 1)
        words[changed] = _SYNONYMS.get(words[changed].lower(), "that")
        del words[rng.randrange(1, len(words) - 1)]
    return " ".join(words)


def ocr(rng: random.Random, text: str) -> str:
    def confuse(match: re.Match[str]) -> str:
        found = match.group()
        if rng.random() > 0.5:
            return found
        return {"rn": "m", "m": "rn", "l": "1", "-": "", "e": "c", "i": "l"}[found]

    return re.sub(
        r"rn|m|l|-|e|i", lambda m: confuse(m) if rng.random() < 0.1 else m.group(), text
    )


def rewrap(rng: random.Random, text: str) -> str:
    width = rng.randint(40, 72)
    lines = textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=True)
    return "\n".join(lines)


def heavy(rng: random.Random, text: str) -> str:
    spans = sentences(text)
    parts = [text[s:e] for s, e in spans]
    rewritten = []
    for sentence in parts:
        head, comma, tail = sentence.partition(", ")
        if comma and len(tail.split()) > 3 and rng.random() < 0.7:
            tail = tail.rstrip(".!?")
            sentence = (
                tail[0].upper() + tail[1:] + ", " + head[0].lower() + head[1:] + "."
            )
        words = []
        for word in sentence.split(" "):
            bare = word.lower().strip(".,;:")
            if bare in _SYNONYMS and rng.random() < 0.8:
                word = word.lower().replace(bare, _SYNONYMS[bare])
            elif rng.random() < 0.08:
                continue
            words.append(word)
            if rng.random() < 0.03:
                words.append(rng.choice(_FILLER))
        rewritten.append(" ".join(words))
    if len(rewritten) > 2:
        rewritten[0], rewritten[1] = rewritten[1], rewritten[0]
    return " ".join(rewritten)


EDITS: dict[str, Callable[[random.Random, str], str]] = {
    "light": light,
    "ocr": ocr,
    "rewrap": rewrap,
    "essay": lambda rng, text: textwrap.fill(text.replace("’", "'"), 66),
    "heavy": heavy,
}


# --- assembling a split ------------------------------------------------------


def insert(rng: random.Random, host: str, passage: str) -> tuple[str, tuple[int, int]]:
    """`host` with `passage` as a paragraph of its own after a random
    sentence; the passage's span in the result."""
    ends = [end for _, end in sentences(host)]
    at = ends[rng.randrange(len(ends))] if ends else len(host)
    before = host[:at] + "\n"
    text = before + passage + "\n" + host[at:].lstrip()
    return text, word_span(text, len(before), len(before) + len(passage))


def make_gold(
    split: str,
    *,
    linked: Callable[[list[Doc]], set[frozenset[str]]],
    cases: int = CASES,
    pool_size: int = POOL,
    stories: list[Doc] | None = None,
    slices: tuple[str, ...] = SLICES,
) -> Gold:
    """The split's corpus and gold. `linked` gives the pairs of a pool's
    stories either method links (eval.reuse passes both methods): sources,
    hosts and negatives are stories in none, so any pair touching them but
    the planted ones is false. An essay is made of linked stories, whole
    groups of them (the stories one links to, and so on), in the corpus
    nowhere else; the other linked stories stay, as distractors. `slices`
    plants those only (more cases of one than the split's stories allow
    for all five: `python -m eval.reuse --only heavy --cases 24`)."""
    low, high = SPLITS[split]
    rng = random.Random(f"{SEED}-{split}")
    pool = [d for d in stories or read_stories() if low <= d.date < high]
    pool = [d for d in pool if len(_WORD.findall(d.text)) >= 80]
    pool = rng.sample(pool, min(pool_size, len(pool)))
    pairs = linked(pool)
    group = _groups(pairs)
    alone = [d for d in pool if d.id not in group]
    grouped = [d for d in pool if d.id in group]
    rng.shuffle(alone)
    rng.shuffle(grouped)
    gold = Gold(split)
    used: set[str] = set()

    def take() -> Doc:
        for doc in alone:
            if doc.id not in used:
                used.add(doc.id)
                return doc
        raise ValueError(f"split {split} ran out of stories")

    def essay(number: int) -> Doc:
        """About 2,000 words of linked stories, whole groups at a time."""
        taken: list[Doc] = []
        for doc in grouped:
            if sum(len(d.text.split()) for d in taken) >= 2000:
                break
            if doc.id in used:
                continue
            members = [d for d in grouped if group[d.id] == group[doc.id]]
            if len(members) > 4:  # a big group: a template, not an essay's
                continue
            used.update(d.id for d in members)
            taken += members
        if sum(len(d.text.split()) for d in taken) < 2000:
            raise ValueError(f"split {split} ran out of linked stories for essays")
        text = "\n\n".join(d.text for d in taken)
        return Doc(f"essay-{split}-{number}", "Essay", taken[0].date, text)

    for slice_name in slices:
        made = 0
        while made < cases:
            source = take()
            span = pick_passage(rng, source.text, 3 if slice_name == "essay" else None)
            if span is None:
                used.discard(source.id)  # kept for a negative
                alone.remove(source)
                alone.append(source)
                continue
            passage = EDITS[slice_name](rng, source.text[span[0] : span[1]])
            host = essay(made) if slice_name == "essay" else take()
            text, host_span = insert(rng, host.text, passage)
            planted = Doc(f"{slice_name}-{split}-{made}", host.title, host.date, text)
            gold.docs += [source, planted]
            gold.pairs.append(
                Pair(
                    source.id,
                    planted.id,
                    word_span(source.text, *span),
                    host_span,
                    slice_name,
                )
            )
            made += 1
    for negative in alone:
        if negative.id not in used:
            gold.docs.append(negative)
            gold.negatives.append(negative.id)
    for distractor in grouped:
        if distractor.id not in used:
            gold.docs.append(distractor)
            gold.distractors.append(distractor.id)
    return gold


def _groups(pairs: set[frozenset[str]]) -> dict[str, str]:
    """Each linked story -> its group's smallest id (connected components)."""
    parent: dict[str, str] = {}

    def root(doc: str) -> str:
        while parent.setdefault(doc, doc) != doc:
            parent[doc] = parent[parent[doc]]
            doc = parent[doc]
        return doc

    for pair in pairs:
        a, b = sorted(pair)
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {doc: root(doc) for doc in parent}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=sorted(SPLITS), default="dev")
    args = parser.parse_args()
    from eval.reuse import linked_pairs

    gold = make_gold(args.split, linked=linked_pairs)
    print(
        json.dumps(
            {
                "split": gold.split,
                "documents": len(gold.docs),
                "pairs": dict(Counter(p.slice for p in gold.pairs)),
                "negatives": len(gold.negatives),
                "distractors": len(gold.distractors),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
