"""Score `find_mentions` on MEANTIME (English Wikinews): names found, and identity.

Run from the repository root: `python -m eval.meantime [--write] [--errors N]`.

Text: each document's tokens, joined as they were printed (no space before
`,` or `'s`, none inside `U.S.`), title and dateline on lines of their own.

Detection (sentences 0-5 only: later ones mark only recurring entities):
gold = `ENTITY_MENTION`s with syntactic type NAM or PRE.NAM that refer to an
`ENTITY` of type PER, ORG or LOC. A predicted mention matches a gold one when
their spans overlap (one-to-one, the largest overlap first), whatever the
types; typed scores also need PER=PERSON, ORG=ORG or PUBLICATION, LOC=PLACE.
A prediction that overlaps only other gold markables (products, amounts,
common nouns: `Boeing` in `Boeing 787`) is neither right nor wrong.

Identity (all sentences): gold = name-like mentions of PER/ORG/LOC entities
that carry an `instance_id` (of two nested mentions of one entity, the inner
one: `Steve Jobs` in `Apple CEO Steve Jobs`); gold pairs are two such
mentions in different documents with one instance_id. Predicted pairs are two
predicted mentions, each matched to one of those gold mentions (same end
first, then largest overlap), in different documents, whose entities have one
`canonical_key`. Precision = right pairs / predicted pairs, recall = right
pairs / gold pairs (a name not found loses its pairs).
"""

from __future__ import annotations

import argparse
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dossier.annotate.entities import find_mentions
from dossier.annotate.entities.resolve import canonical_key
from dossier.model import Mention
from dossier.packs import Pack, load_pack
from eval import CORPUS as SHARED
from eval import FLOORS_DIR, print_scores, round_down, write_floors

CORPUS = SHARED / "meantime"
FLOORS = FLOORS_DIR / "meantime.json"
TYPES = {"PER": "PERSON", "ORG": "ORG", "LOC": "PLACE"}
SAME_TYPE = {"PERSON": {"PERSON"}, "ORG": {"ORG", "PUBLICATION"}, "PLACE": {"PLACE"}}
NAMED = {"NAM", "PRE.NAM"}
SCORED_SENTENCES = 6
_PRONOUNS = set(
    [
        "i",
        "me",
        "my",
        "we",
        "us",
        "our",
        "you",
        "your",
        "he",
        "him",
        "his",
        "she",
        "her",
        "it",
        "its",
        "they",
        "them",
        "their",
        "who",
        "which",
        "that",
        "this",
        "these",
        "those",
        "one",
        "some",
        "many",
        "all",
        "everyone",
        "anyone",
    ]
)
_DETERMINERS = ("the ", "a ", "an ")
_NO_SPACE_BEFORE = {
    ",",
    ".",
    ";",
    ":",
    "!",
    "?",
    ")",
    "]",
    "%",
    "'s",
    "''",
    "”",
    "...",
    "n't",
    "'ve",
    "'re",
    "'ll",
    "'d",
    "'m",
}
_NO_SPACE_AFTER = {"(", "[", "$", "US$", "#", "£", "€", "``", "“"}


@dataclass(frozen=True, slots=True)
class Gold:
    start: int
    end: int
    text: str
    type: str | None  # PERSON, ORG, PLACE; None for other entity types
    syntactic: str
    instance: str | None
    sentence: int


@dataclass(frozen=True, slots=True)
class GoldDocument:
    name: str
    text: str
    mentions: tuple[Gold, ...]
    scored_end: int  # end of sentence 5: detection is scored before it


def detokenize(tokens: list[tuple[str, int]]) -> tuple[str, list[tuple[int, int]]]:
    """Text from (token, sentence) pairs, and each token's span in it."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    previous, previous_sentence = "", -1
    quote_open = False
    for token, sentence in tokens:
        printed = {"``": "“", "''": "”"}.get(token, token)
        if token == '"':
            quote_open = not quote_open
        if previous_sentence == -1:
            space = ""
        elif sentence != previous_sentence and sentence <= 2:
            space = "\n"
        elif (
            token in _NO_SPACE_BEFORE
            or previous in _NO_SPACE_AFTER
            or (token == '"' and not quote_open)
            or (previous == '"' and quote_open)
            or (token == "'" and previous.endswith("s"))
            or (token == "-" or previous == "-")
            or (previous == "'" and len(parts) > 1 and len(parts[-2].strip()) == 1)
            or (len(previous) == 2 and previous[0].isupper() and previous[1] in "'’")
        ):
            space = ""
        else:
            space = " "
        length += len(space)
        spans.append((length, length + len(printed)))
        parts.append(space + printed)
        length += len(printed)
        previous, previous_sentence = token, sentence
    return "".join(parts), spans


def read_document(path: Path) -> GoldDocument:
    root = ET.parse(path).getroot()
    tokens = list(root.iter("token"))
    text, spans = detokenize(
        [(t.text or "", int(t.get("sentence", 0))) for t in tokens]
    )
    where = {t.get("t_id"): i for i, t in enumerate(tokens)}
    sentence_of = [int(t.get("sentence", 0)) for t in tokens]
    markables = root.find("Markables")
    relations = root.find("Relations")
    mentions: dict[str, list[int]] = {}
    syntactic: dict[str, str] = {}
    entities: dict[str, Any] = {}
    if markables is not None:
        for element in markables.findall("ENTITY_MENTION"):
            anchors = [where[a.get("t_id")] for a in element.findall("token_anchor")]
            if anchors:
                mentions[element.get("m_id", "")] = anchors
                syntactic[element.get("m_id", "")] = element.get("syntactic_type") or ""
        entities = {e.get("m_id"): e for e in markables.findall("ENTITY")}
    gold: list[Gold] = []
    referred: set[str] = set()
    for relation in relations.findall("REFERS_TO") if relations is not None else []:
        target = relation.find("target")
        entity = entities.get(target.get("m_id")) if target is not None else None
        if entity is None:
            continue
        for source in relation.findall("source"):
            m_id = source.get("m_id", "")
            if m_id not in mentions:
                continue
            referred.add(m_id)
            gold.append(
                _gold(m_id, mentions, syntactic, spans, sentence_of, text, entity)
            )
    for m_id in mentions.keys() - referred:
        gold.append(_gold(m_id, mentions, syntactic, spans, sentence_of, text, None))
    last = [i for i, s in enumerate(sentence_of) if s < SCORED_SENTENCES]
    scored_end = spans[last[-1]][1] if last else 0
    return GoldDocument(
        path.stem, text, tuple(sorted(gold, key=lambda g: g.start)), scored_end
    )


def _gold(
    m_id: str,
    mentions: dict[str, list[int]],
    syntactic: dict[str, str],
    spans: list[tuple[int, int]],
    sentence_of: list[int],
    text: str,
    entity: Any,
) -> Gold:
    anchors = mentions[m_id]
    start, end = spans[min(anchors)][0], spans[max(anchors)][1]
    type_ = TYPES.get(entity.get("ent_type", "")) if entity is not None else None
    instance = entity.get("instance_id") if entity is not None else None
    return Gold(
        start,
        end,
        text[start:end],
        type_,
        syntactic[m_id],
        instance,
        sentence_of[min(anchors)],
    )


def align(predicted: list[Mention], gold: list[Gold]) -> dict[int, int]:
    """Predicted index -> gold index, one to one: same end first, then overlap."""
    pairs = []
    for p, mention in enumerate(predicted):
        for g, item in enumerate(gold):
            overlap = min(mention.end, item.end) - max(mention.start, item.start)
            if overlap > 0:
                # A name's head comes last in English: `EADS chief executive
                # Louis Gallois` is matched by `Louis Gallois` before `EADS`.
                pairs.append((mention.end != item.end, -overlap, p, g))
    matched: dict[int, int] = {}
    used: set[int] = set()
    for _, _, p, g in sorted(pairs):
        if p not in matched and g not in used:
            matched[p] = g
            used.add(g)
    return matched


def _is_named(gold: Gold) -> bool:
    return gold.type is not None and gold.syntactic in NAMED


def _name_like(gold: Gold) -> bool:
    if gold.type is None or gold.instance is None:
        return False
    if gold.syntactic in NAMED:
        return True
    if gold.syntactic:
        return False
    text = gold.text
    for determiner in _DETERMINERS:
        if text.lower().startswith(determiner):
            text = text[len(determiner) :]
    return bool(text) and text[0].isupper() and text.lower() not in _PRONOUNS


def _innermost(gold: list[Gold]) -> list[Gold]:
    """Drop a mention that holds another of the same entity: `Apple CEO Steve
    Jobs` around `Steve Jobs` is one name printed once, found once."""
    return [
        outer
        for outer in gold
        if not any(
            inner is not outer
            and inner.instance == outer.instance
            and outer.start <= inner.start
            and inner.end <= outer.end
            and (inner.start, inner.end) != (outer.start, outer.end)
            for inner in gold
        )
    ]


def _f1(right: float, predicted: float, gold: float) -> dict[str, float]:
    precision = right / predicted if predicted else 0.0
    recall = right / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
    }


def score_detection(
    documents: list[GoldDocument], predictions: list[list[Mention]], errors: list[str]
) -> dict[str, Any]:
    right = typed = predicted_count = gold_count = 0
    for document, predicted in zip(documents, predictions, strict=True):
        scored = [m for m in predicted if m.start < document.scored_end]
        early = [g for g in document.mentions if g.sentence < SCORED_SENTENCES]
        gold = [g for g in early if _is_named(g)]
        others = [g for g in early if not _is_named(g)]
        matched = align(scored, gold)
        gold_count += len(gold)
        for p, mention in enumerate(scored):
            if p in matched:
                right += 1
                expected = gold[matched[p]].type or ""
                if mention.type in SAME_TYPE.get(expected, set()):
                    typed += 1
                else:
                    errors.append(
                        f"TYPE {document.name}: {mention.text!r} {mention.type} "
                        f"want {expected}"
                    )
                predicted_count += 1
            elif not any(
                mention.start < g.end and g.start < mention.end for g in others
            ):
                predicted_count += 1
                errors.append(f"FP   {document.name}: {mention.text!r} {mention.type}")
        for g, item in enumerate(gold):
            if g not in matched.values():
                errors.append(f"FN   {document.name}: {item.text!r} {item.type}")
    return {
        "untyped": _f1(right, predicted_count, gold_count),
        "typed": _f1(typed, predicted_count, gold_count),
        "gold": gold_count,
        "predicted": predicted_count,
    }


def _pairs(clusters: Counter[tuple[str, str]]) -> int:
    """Pairs of mentions in different documents within each cluster."""
    totals: Counter[str] = Counter()
    squares: Counter[str] = Counter()
    for (cluster, _document), count in clusters.items():
        totals[cluster] += count
        squares[cluster] += count * count
    return sum((totals[c] ** 2 - squares[c]) // 2 for c in totals)


def score_identity(
    documents: list[GoldDocument],
    predictions: list[list[Mention]],
    pack: Pack,
    errors: list[str],
) -> dict[str, Any]:
    gold_clusters: Counter[tuple[str, str]] = Counter()
    key_clusters: Counter[tuple[str, str]] = Counter()
    right_clusters: Counter[tuple[str, str]] = Counter()
    keys_of: dict[str, Counter[str]] = {}
    for document, predicted in zip(documents, predictions, strict=True):
        gold = _innermost([g for g in document.mentions if _name_like(g)])
        for item in gold:
            gold_clusters[(item.instance or "", document.name)] += 1
        for p, g in align(predicted, gold).items():
            key = canonical_key(predicted[p].entity, pack)
            instance = gold[g].instance or ""
            key_clusters[(key, document.name)] += 1
            right_clusters[(f"{key}\t{instance}", document.name)] += 1
            keys_of.setdefault(instance, Counter())[key] += 1
    for instance, keys in sorted(keys_of.items()):
        if len(keys) > 1:
            errors.append(f"SPLIT {instance}: {dict(keys.most_common(4))}")
    scores = _f1(_pairs(right_clusters), _pairs(key_clusters), _pairs(gold_clusters))
    return {
        **scores,
        "gold_pairs": _pairs(gold_clusters),
        "predicted_pairs": _pairs(key_clusters),
    }


def evaluate(corpus: Path = CORPUS, errors: list[str] | None = None) -> dict[str, Any]:
    errors = [] if errors is None else errors
    pack = load_pack("korea")
    documents = [read_document(p) for p in sorted(corpus.glob("corpus_*/*.xml"))]
    began = time.perf_counter()
    predictions = [find_mentions(d.text, pack=pack) for d in documents]
    elapsed = time.perf_counter() - began
    return {
        "documents": len(documents),
        "mentions": score_detection(documents, predictions, errors),
        "identity": score_identity(documents, predictions, pack, errors),
        "seconds": round(elapsed, 2),
    }


def floors(result: dict[str, Any]) -> dict[str, float]:
    """The scores to pin, rounded down to two places."""

    return {
        "mention_f1": round_down(result["mentions"]["untyped"]["f1"]),
        "mention_precision": round_down(result["mentions"]["untyped"]["precision"]),
        "mention_recall": round_down(result["mentions"]["untyped"]["recall"]),
        "typed_mention_f1": round_down(result["mentions"]["typed"]["f1"]),
        "identity_f1": round_down(result["identity"]["f1"]),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help=f"pin floors in {FLOORS}")
    parser.add_argument("--errors", type=int, default=0, help="print N errors")
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"MEANTIME not found at {CORPUS}", file=sys.stderr)
        return 2
    errors: list[str] = []
    result = evaluate(CORPUS, errors)
    print_scores(result, errors, args.errors)
    if args.write:
        write_floors("meantime", floors(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
