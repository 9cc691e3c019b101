"""`make eval`: dossier by the standard scorers and our own; writes docs/quality.md.

    python -m eval.report [--out docs/quality.md]

Times, quotes and entities are scored by the standard scorers in
../shared/scorers on the dev sets, beside the anchors' figures from their
README (eval/anchors.py). Own scorers stay only where the standard ones
measure nothing: article text, citations, figures and KCNA gold.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
from datetime import date
from pathlib import Path
from typing import Any

from dossier.annotate.entities.model import load_model
from eval import (
    FLOORS_DIR,
    ROOT,
    anchors,
    articles,
    citations,
    claims,
    figures,
    kcna,
    meantime,
    polnear,
    reuse,
    timeml,
)
from eval.standard import SCORERS, available


def _pct(value: float) -> str:
    return f"{100 * value:.2f}"


def _prf(p: float, r: float, f1: float, *, places: int = 1) -> str:
    return f"{100 * p:.{places}f} / {100 * r:.{places}f} / **{100 * f1:.{places}f}**"


def _row(cells: tuple[Any, ...]) -> str:
    return "| " + " | ".join(str(cell) for cell in cells) + " |"


def _floors(name: str) -> str:
    pinned = json.loads((FLOORS_DIR / f"{name}.json").read_text(encoding="utf-8"))
    shown = ", ".join(f"{k} {v:.2f}" for k, v in pinned.items() if k != "about")
    return f"Floors (`eval/floors/{name}.json`, enforced by `tests/eval/`): {shown}."


def time_section() -> list[str]:
    lines = [
        "## Time expressions: TimeBank 1.2 + AQUAINT (standard TE3-style scorer)",
        "",
        "`../shared/scorers/time/score.py`; DCT day as anchor. Strict: both ends",
        "within one character; relaxed: any overlap; value: same value string. A range",
        "joined by a word (`from Aug. 26 to Oct. 20`) is one expression in dossier and",
        "is written as TimeML does, one TIMEX3 per date",
        "(`annotate/time/ranges.endpoints`), and a range of counts (`two to three",
        "weeks`) is one length valued by its first count, one TIMEX3 as TimeBank",
        "writes it; an anniversary phrase (`the 50th",
        "anniversary`, dated for dossier's calendar) is left out, as TimeML marks it",
        "as an event (TimeBank and AQUAINT tag none of the 7 dossier dates).",
        "",
        "| system | set | gold | pred | strict P / R / **F1** "
        "| relaxed P / R / **F1** | **value F1** | type acc |",
        "|---|---|---:|---:|---|---|---|---|",
    ]
    for path in ("annotate", "build"):
        sets = timeml.score(path=path)["sets"]
        for name in ("AQUAINT", "TimeBank", "all") if path == "annotate" else ("all",):
            s = sets[name]
            lines.append(
                _row(
                    (
                        f"**dossier** ({path})",
                        name,
                        s["gold"],
                        s["pred"],
                        _prf(s["strict_p"], s["strict_r"], s["strict_f1"], places=2),
                        _prf(s["relaxed_p"], s["relaxed_r"], s["relaxed_f1"], places=2),
                        f"**{_pct(s['value_f1'])}**",
                        f"{s['type_acc']:.3f}",
                    )
                )
            )
    lines += [_row(row) for row in anchors.TIME]
    return [*lines, "", _floors("timeml"), "", *timeml.HISTORY]


def _quote_row(name: str, scores: dict[str, Any]) -> tuple[Any, ...]:
    strict, union = scores["strict"], scores["union"]
    return (
        name,
        scores["sys_quotes"],
        _prf(strict["P"], strict["R"], strict["F1"]),
        _prf(union["P"], union["R"], union["F1"]),
        f"{100 * union['speaker_right']:.1f} ({union['speaker_right_n']} of "
        f"{union['found']})",
        f"{100 * union['speaker_right_resolved']:.1f} "
        f"({union['speaker_right_resolved_n']})",
        f"{100 * union['cue_right']:.1f} ({union['cue_right_n']})",
        f"{100 * scores['all_recall50']:.1f} ({100 * scores['direct_recall50']:.1f}"
        f" / {100 * scores['indirect_recall50']:.1f})",
    )


def quote_section() -> list[str]:
    lines = [
        "## Quotes: PolNeAR dev (standard strict/union scorer)",
        "",
        "`../shared/scorers/quotes/score.py`; 84 articles, 604 gold direct quotes,",
        "2,192 attributions. dossier's `direct` quotes are its counterpart of",
        "textacy's direct quotations; the *spoken* row adds its `reported` ones.",
        "",
        "| system | sys quotes | strict P / R / **F1** | union P / R / **F1** "
        "| union: speaker right (raw) | speaker right (raw or res.) | cue right "
        "| all-attribution recall (direct / non-direct) |",
        "|---|---:|---|---|---|---|---|---|",
    ]
    found = {}
    for path in ("annotate", "build"):
        predictions = polnear.predict(path=path)
        result = polnear.score(path=path, predictions=predictions)
        found[path] = result["found_with_speaker"]
        lines.append(
            _row(_quote_row(f"**dossier** ({path}), direct", result["direct"]))
        )
        if path != "annotate":
            continue
        spoken = _quote_row(f"**dossier** ({path}), spoken", result["spoken"])
        lines.append(_row(spoken))
        for part in ("dev", "held"):
            half = polnear.score(path=path, predictions=predictions, part=part)
            found[part] = half["found_with_speaker"]
            name = f"**dossier** ({path}), direct, {part} half"
            lines.append(_row(_quote_row(name, half["direct"])))
    lines += [_row(row) for row in anchors.QUOTES]
    return [
        *lines,
        "",
        "Gold direct quotes found (union) with the right speaker, over all 604:",
        f"dossier {found['annotate']:.3f} (build {found['build']:.3f}; dev half",
        f"{found['dev']:.3f}, held half {found['held']:.3f}); textacy",
        "para 330 / 604 = 0.546, doc 189 / 604 = 0.313.",
        "",
        _floors("polnear"),
        "",
    ]


def entity_section() -> list[str]:
    lines = [
        "## Entities: MEANTIME airbus + apple (standard mention/identity scorer)",
        "",
        "`../shared/scorers/entities/score.py`; detection on sentences 0-5 against",
        "gold NAM mentions of PER/ORG/LOC entities (P / R / **F1**).",
        "",
        "| system | topic | gold | sys | strict typed | strict untyped "
        "| relaxed typed | relaxed untyped | all types, relaxed untyped |",
        "|---|---|---:|---:|---|---|---|---|---|",
    ]
    identity_rows = []
    # The merge (`--model`, issue 18 part 3) is scored when the model is installed.
    model = meantime.MODEL if load_model(meantime.MODEL) is not None else None
    runs: list[tuple[str, str | None, str]] = [
        ("annotate", None, "phrase"),
        ("annotate", None, "name"),
        ("build", None, "phrase"),
    ]
    runs += [("annotate", model, "phrase")] if model else []
    for path, merged, extent in runs:
        result = meantime.score(path=path, model=merged, extent=extent)
        whole = path == "annotate" and merged is None and extent == "phrase"
        shown = [path, *(["--model"] if merged else [])]
        shown += ["names alone"] if extent == "name" else []
        for topic in ("airbus", "apple", "all") if whole or merged else ("all",):
            found = meantime.detection(result, topic)
            every = result["det"]["s0-5|NAM|all"][topic]["relaxed_untyped"]
            lines.append(
                _row(
                    (
                        f"**dossier** ({', '.join(shown)})",
                        topic,
                        found["strict_typed"]["gold"],
                        found["strict_typed"]["sys"],
                        *(
                            _prf(found[k]["p"], found[k]["r"], found[k]["f1"])
                            for k in meantime.DETECTION_KEYS
                        ),
                        _prf(every["p"], every["r"], every["f1"]),
                    )
                )
            )
        if not whole:
            continue
        for key in ("entity", "text"):
            for alignment in ("relaxed", "strict"):
                same = meantime.identity(result, alignment=alignment, key=key)
                pairs, cross, b3 = (
                    same["pairs_all"],
                    same["pairs_cross_doc"],
                    same["b3"],
                )
                identity_rows.append(
                    (
                        "**dossier** (annotate)",
                        key,
                        alignment,
                        f"{same['mentions']} of 424",
                        _prf(pairs["p"], pairs["r"], pairs["f1"]),
                        _prf(cross["p"], cross["r"], cross["f1"]),
                        _prf(b3["p"], b3["r"], b3["f1"]),
                    )
                )
    lines += [_row(row) for row in anchors.ENTITIES]
    lines += [
        "",
        f"*--model*: the rules merged with {meantime.MODEL} (spaCy sm 3.8.0,",
        "`dossier build --model`); the spaCy rows are that model alone.",
        "A mention is scored by its noun phrase, as MEANTIME marks extents:",
        "the article, honorific or body's kind before the name and the region",
        "after a town (`the Pentagon`, `Senator McCain`, `aircraft manufacturer",
        "Boeing`, `Mobile, Alabama`;",
        "`Mention.phrase_start`/`phrase_end`, stored with each mention and given",
        "by `show --json` and `export` as `phrase_start`/`phrase_end`).",
        "*names alone* scores the names' own spans (`--extent name`), each",
        "mention's `span`.",
        "",
        "Identity over the matched gold mentions, pairs within a topic (topic all).",
        "Key *entity*: dossier's entity keys (what `link` resolves by); key *text*:",
        "the normalised text of the span scored (the phrase: `Senator McCain`",
        "and `McCain` now differ), as the spaCy anchor is keyed.",
        "",
        "| system | key | alignment | matched mentions | pairwise P / R / **F1** "
        "| cross-doc pairs P / R / **F1** | B³ P / R / **F1** |",
        "|---|---|---|---|---|---|---|",
        *(_row(row) for row in identity_rows),
        *(_row(row) for row in anchors.IDENTITY),
    ]
    return [*lines, "", _floors("meantime"), ""]


def own_section() -> list[str]:
    kept = articles.score()["dossier"]
    cited = citations.score()
    counted = figures.score()
    ours = kcna.score()
    compared = claims.score()
    rows = [
        (
            "article text, 147 files (html-dev measure)",
            "recall",
            kept["all/all"]["recall"],
        ),
        ("article text, 147 files", "precision", kept["all/all"]["precision"]),
        ("article text, html-dev 81 pages", "recall", kept["html/all"]["recall"]),
        ("citations, eval/gold", "exact (title, outlet, date) F1", cited["exact"]),
        ("figures, eval/gold", "interval and subject F1", counted["right"]["f1"]),
        ("KCNA, 12 articles", "time relaxed F1", ours["time_relaxed_f1"]),
        ("KCNA, 12 articles", "time value F1", ours["time_value_f1"]),
        ("KCNA, 12 articles", "mention F1", ours["mention_f1"]),
        ("KCNA, 12 articles", "entity name accuracy", ours["entity_accuracy"]),
        ("KCNA, 12 articles", "quote F1 (8 quotes)", ours["quote_f1"]),
        (
            f"claim groups, eval/gold ({compared['gold_groups']})",
            f"listed conflicts real ({compared['listed_conflicts']} listed)",
            compared["conflict_precision"],
        ),
        (
            "claim groups, held out (Sep-Nov 2024)",
            f"listed conflicts real ({compared['listed_held_out']} listed)",
            compared["conflict_precision_held_out"],
        ),
        (
            "claim groups, eval/gold",
            "real conflicts listed",
            compared["conflict_recall"],
        ),
        ("claim groups, seeds", "seed conflict found", compared["seed_conflict_found"]),
    ]
    return [
        "## Own scorers",
        "",
        "Each measures what the standard scorers do not: article text kept by",
        "segmentation (`eval/articles.py`), citations (`eval/citations.py`),",
        "figures as intervals with their subject (`eval/figures.py`), and the",
        "target domain, KCNA, on hand-annotated gold (`eval/kcna.py`); conflicts",
        "`claims --conflicts` lists on labelled claim groups (`eval/claims.py`:",
        "kcna-2024 and the seeds built whole). All score",
        "what `annotate` (or, for KCNA and article text, `run_source`) returns.",
        "",
        "| own scorer | measure | score |",
        "|---|---|---|",
        *(_row((what, measure, f"{value:.3f}")) for what, measure, value in rows),
        "",
        "The citation and figure gold was written from the seeds and examples the",
        "rules were developed on, so 1.00 there is an upper bound, not an",
        "estimate. The KCNA gold's error list has guided fixes, so it is",
        "development data too; its quote row rests on 8 items.",
        "",
    ]


def reuse_section() -> list[str]:
    """Reuse on planted and real gold, dev and held-out months, beside the
    yardstick."""
    scored = {split: reuse.score(split) for split in ("dev", "test")}
    rows = []
    for split, label in (("dev", "Jan-Aug 2024"), ("test", "Sep-Nov 2024, held out")):
        result = scored[split]
        for name in ("dossier", "yardstick"):
            found = result[name]
            planted = found["planted"]
            real = found["slices"]["real"]
            slices = " / ".join(
                f"{found['slices'][s]['recall']:.2f}" for s in reuse.SLICES
            )
            spans = found.get("spans_within_20")
            rows.append(
                (
                    f"{label}, {result['pairs']} pairs, {result['documents']} docs",
                    name,
                    _prf(found["precision"], found["recall"], found["f1"]),
                    _prf(planted["precision"], planted["recall"], planted["f1"]),
                    "-" if spans is None else f"{spans:.2f}",
                    slices,
                    f"{real['precision']:.2f} / {real['recall']:.2f}",
                )
            )
    return [
        "## Reuse",
        "",
        "Own scorer (`eval/reuse.py`), two kinds of gold, scored in one run per",
        "split with the yardstick beside dossier:",
        "",
        "- **Planted**: gold the script `eval/reuse_gold.py` makes at eval time:",
        "  passages of 1 to 5 sentences (40 words or more) of kcna-2024 stories",
        "  planted into others, and 3 sentences into essays of 2,000 words, among",
        "  the other stories of the same months (distractors), through `link.reuse`",
        "  as `dossier build` runs it. Spans: share of found pairs with all four",
        "  ends within 20 characters.",
        "- **Real** (`eval/gold/reuse_real.json`, the column `real`): 492 pairs of",
        "  kcna-2024 stories labelled by reading both, each with why: every pair",
        "  `dossier reuse` listed on the whole file plus the pairs sharing the most",
        "  rare trigrams it did not list, the 13 more of the Jan-Aug months",
        "  sharing 20 or more shingles that at most 4 texts hold, and the 11 more of",
        "  those months sharing an unbroken run of 30 words or more (all formulas:",
        "  titles, lists of officials or senders), and the 8 more of those months",
        "  that are candidates when one shared band suffices, share 20 shingles or",
        "  more and have 2 sentences matched or 40 words aligned (1 reuse: a relief",
        "  story retelling two sentences of the leader's measures; 7 house-warming",
        "  and holiday formulas), and the 28 more of those months with a passage",
        "  of 40 words or more aligned word by word whatever the later tests say",
        "  (none reuse: 27 house-warming ceremonies, one list of officials), and",
        "  the 3 a variant taken back listed (below; officials named again), and",
        "  the 319 more of those months a search without dossier's decision",
        "  lists (below; none reuse). 15 are reuse (a press",
        "  review repeating a story, an article quoting a speech, a report retelling",
        "  the speech given at the event); the rest are formulas filled with other",
        "  particulars or",
        "  lists of officials and senders named again. A pair dossier lists that",
        "  no one labelled counts as false. Split by the later story's month.",
        "",
        "The yardstick: word-trigram containment of either document in the other",
        ">= 0.1. Totals pool the planted and the real pairs.",
        "",
        "| split | method | pair P / R / F1, all | planted only | spans | recall: "
        + " / ".join(reuse.SLICES)
        + " | real: P / R |",
        "|---|---|---|---|---|---|---|",
        *(_row(row) for row in rows),
        "",
        "Before the formula test (main at 0df5c3c, same labels): Jan-Aug dossier",
        "83.3 / 92.1 / **87.5** (real 0.12 / 0.33), Sep-Nov 56.3 / 87.0 / **68.4**",
        "(real 0.23 / 0.82); planted rows unchanged. Before the one-band",
        "candidates and the sentence-end fixes below (main at 8615b8e): Jan-Aug",
        "95.9 on 38 pairs (heavy 0.86, real 0.33 of 3), Sep-Nov 80.0 (heavy",
        "0.43). A rule tried after them and taken back (a passage whose sides",
        "name the same particulars kept whatever its shingles' frequencies) kept",
        "the Jan-Aug retold story and no formula, and on Sep-Nov, run once, added",
        "3 labelled formula pairs and no re-run (78.7). A retelling rule, tried",
        "after that and taken back too (below): Jan-Aug **97.4** (real 1.00 /",
        "0.50), Sep-Nov, run once, **79.5** (real 0.30 / 0.27: 2 pairs more",
        "listed there, scored false, no re-run gained).",
        "",
        "- Heavy rewrites are matched by a second tier, `link/rewrites.py`: the",
        "  candidate pair's sentences compared as sets of content words (function",
        "  words out, reporting verbs as one word, digit groups joined). A",
        "  sentence also ends at a story's end marker before a line break (`-0-`),",
        "  and a short sentence extends a matched passage it lies next to on both",
        "  sides. The one heavy rewrite missed on Jan-Aug (kcna-109 / heavy-dev-5)",
        "  was no candidate: its passages shared one MinHash band, two were needed;",
        "  a pair sharing one band is now compared when its texts share 20",
        '  distinct shingles (cost in docs/benchmarks.md, "Reuse").',
        "- Formulas (`link/reuse_formula.py`): an aligned passage is no reuse when",
        "  fewer than 48% of the word 3-shingles its two sides share are rare (held",
        "  by 4 signed texts or fewer). Designed on the Jan-Aug pairs only: their 7",
        "  listed formula pairs (greetings exchanged, floral tributes, the leader's",
        "  titles, lists of officials) all go, the planted pairs and the one real",
        "  re-run listed stay. Held out, it drops 25 formula pairs and 6 of the 9",
        "  real re-runs found before: press reviews repeating a story of stock",
        "  praise (a congratulatory letter, a statement re-run by several reviews)",
        "  share mostly common shingles too. That is the rule's cost, not tuned away.",
        "- The pair rule (branch skip8, `link/reuse_formula.py`): a candidate pair",
        "  whose texts share fewer than RARE_SHARE * MIN_GRAMS (5.76) rare",
        "  shingles, counted as the formula test counts them, keeps no passage:",
        "  one of 12 shared shingles or more would be a formula anyway, and the",
        "  passages the test never weighed (under 12: the sentence tier's",
        "  reorderings, OCR-torn stretches) carry no rare evidence either. Such",
        "  pairs are dropped before their texts are read (`link/reuse_rare.py`).",
        "  No row moves on these corpora (no passage found shares under 12):",
        "  `eval.reuse --split dev` the same JSON as main (F1 96.0, spans 0.971);",
        "  Sep-Nov, scored once at the end, not tuned: F1 **81.8** as before",
        "  (planted 97.1, heavy 0.71, real 0.33 / 0.27).",
        "- Candidate pairs judged as of their later text (branch order9,",
        "  `link/reuse_candidates.py`): a key's holders and a passage's partners",
        "  are counted among the texts up to the pair's later one, not among those",
        "  stored when a batch looked, so the pairs no longer depend on batches or",
        "  on how builds split the texts (wire 3 months: 1,078 or 1,080 passages",
        "  by batching before, 1,080 now). `eval.reuse --split dev` the same JSON",
        "  as main (F1 96.0, spans 0.971); Sep-Nov, scored once at the end, not",
        "  tuned: F1 81.8 -> **83.2** (planted 97.1 -> 98.6, heavy 0.71 -> 0.86,",
        "  real 0.33 / 0.27 as before). Then a pair's overlapping passages are",
        "  settled among all of them, formulas too, before formulas go",
        "  (`link.reuse._kept`), so the passages kept do not hang on the batches",
        "  either: the wire months 1,079 passages in any batching; dev and",
        "  Sep-Nov (`make eval`) the same figures.",
        "- Tried and taken back (branch reuse5, commits 6ccf970 and 9cb860b): a",
        "  retelling not weighed by the formula test. A passage whose two sides",
        "  name the same particulars (2 or more, none the other lacks but one",
        "  slipped in OCR), with names under half of each side's content words",
        "  (no list named again) and no run of 40 words shared word for word: the",
        "  mirror of a filled template (a formula keeps its words and changes its",
        "  particulars, a retelling keeps the particulars and changes the words).",
        "  On Jan-Aug it kept the retold relief story (kcna-326 / kcna-332) and",
        "  none of the 11 formula passages (lists named again are 0.62 to 0.83",
        "  names of their content words; greetings exchanged between two",
        "  ministers differ in their dates): 96.0 -> 97.4. On Sep-Nov, run once:",
        "  81.4 -> 79.5, two more pairs listed and scored false. Like the",
        "  particulars and verbatim rules before it, agreement of names does not",
        "  tell a retelling from a formula on months it was not made on.",
        "- A sentence naming nothing is alike in names to any (before, a",
        "  sentence whose one name a rewrite dropped matched nothing: `before May",
        "  Day` -> `before May`). On 24 heavy rewrites planted in Jan-Aug stories",
        "  (`python -m eval.reuse --only heavy --cases 24`): spans within 20",
        "  characters 0.58 -> 0.62, recall 1.00 either way; on another draw of",
        "  24, found 19 -> 21. The rows above are unchanged on Jan-Aug; on",
        "  Sep-Nov, run once after the merge, not tuned: 81.4 -> 81.8 (planted",
        "  95.5 -> 97.1, heavy 0.57 -> 0.71, real pairs P 0.38 -> 0.33).",
        "- Heavy rewrites found in part: of those 24, 9 have a side more than 20",
        "  characters off, a sentence or two of the passage left out (synonyms,",
        "  words dropped and fillers put the sentence's content words under 0.6",
        "  of the other's). Letting sentences next to a passage on both sides",
        "  extend it at 0.4 fixed some and overshot others (0.62 either way):",
        "  not kept.",
        "- The heavy slice's edits have accidents no writer makes: a word left",
        "  out takes the sentence's full stop with it (two sentences read as",
        "  one), the word opening a moved clause is lower-cased even when a name",
        "  (`pyongyang`), and words drop out of names (`Kim Hyong` for `Kim Hyong",
        "  Gwon`). Corrected for the first two (tried, not kept): Jan-Aug 96.0",
        "  -> 94.6 (heavy 6 of 7: a name cut short leaves 5 of 6 names alike,",
        "  under 0.85), the same on main and on this branch; on 24 heavy cases",
        "  recall 0.88 on main, 0.92 here. The slice's figures ride on such",
        "  accidents; changing the gold is left for a round that can score",
        "  both splits.",
        "- Looked for among the Jan-Aug stories and not found: a press review",
        "  repeating 40 words or more of a story (each item of the daily press",
        "  reviews is one sentence of 30 words at most: below the unit of reuse)",
        "  and a retold speech besides the two labelled (the reports of those",
        "  months' three speeches are all labelled). Tried and taken back:",
        "  sentences matched by the share of the smaller one's content words",
        "  (retold speeches summarise) found neither retold speech and listed 4",
        "  more Jan-Aug pairs, none reuse; trimming a sentence-tier passage to",
        "  the words whose shingles the other side holds fixed the one span off",
        "  (kcna-15 / heavy-dev-1, a passage planted from mid-sentence) and broke",
        "  two others (an OCR slip in the last words, a word changed): spans",
        "  0.97 -> 0.94.",
        "- Sought without dossier's decision (issue 15; `python -m",
        "  eval.reuse_search`, Jan-Aug only, copies grouped): every pair where",
        "  the shorter text has 30% or more of its sentences (2 or more) matched",
        "  in the other by sets of content words (0.6 of a sentence's), or the",
        "  two share a run of 25 words, or a run of matched sentences spans 40",
        "  words on both sides: 378 pairs. 2 are the labelled re-runs sharing a",
        "  passage (kcna-283 / kcna-591, kcna-326 / kcna-332), 57 were labelled",
        "  formulas, and the 319 others are formulas or lists too: 198 share only",
        "  the leader's 25-word titles, 43 are house-warmings, 18 pairs of press",
        "  reviews, 17 the leader's visits, 23 messages and diplomatic formulas.",
        "  The two retold speeches are not among them (under 30% of sentences",
        "  alike, no passage). The dev months hold 4 real re-runs, not the 15 or",
        "  more a class could be learnt from, and Jan-Apr (48 stories) none: a",
        "  rule found on one half cannot be checked on the other with real pairs.",
        "  Scored by half (the later story's month), the real row: Jan-Apr, no",
        "  re-run, dossier lists no pair and the yardstick 31; May-Aug is the",
        "  Jan-Aug row (dossier 1.00 / 0.25, the yardstick 0.00 / 0.75).",
        "- Signals measured (`python -m eval.reuse_signals`) on the 14 passages",
        "  dossier aligns among labelled Jan-Aug pairs before the formula test",
        "  (12 of formulas or lists, 2 of re-runs): coverage of the shorter",
        "  text, re-runs 0.11 and 0.12,",
        "  formulas 0.04 to 0.78 (5 at 0.14 or less); sentences in the passage,",
        "  re-runs 3 and 2, formulas 1 or 2; stories holding a sentence alike",
        "  (0.6 of its content words), re-runs 3 to 4, formulas 1 to 12; signed",
        "  texts holding half the passage's shared shingles, re-runs 2 and 2,",
        "  formulas 2 to 28 (a list of officials and greetings exchanged: 2).",
        "  None parts the classes: the shingle test keeps one re-run and drops",
        "  every formula, and the other re-run lies inside the formulas' range",
        "  on each. Not changed.",
        "- Tried and taken back (e11737d, c025d8d): a planted slice of stock",
        "  passages (40 words or more, half their trigrams held by more than 4",
        "  stories of the months), the class the held-out months lose. Of 12",
        "  Jan-Aug cases dossier found 1. The passages drawn were the leader's",
        "  titles, greeting openings and lists of officials: the words the labels",
        "  call formulas. A re-run of stock praise and a formula differ in their",
        "  matter (the same letter re-run, or another occasion), not in their",
        "  words: no text signal tried here parts them.",
        "- Where dossier still loses on real text: recurring lists of senders or",
        "  associations with a share of rare words (Koreans in China on two",
        "  anniversaries), and retold speeches (a report in the third person of a",
        "  speech in the first), which no tier matches: in the two Jan-Aug ones the",
        "  best report sentence shares 0.55 and 0.61 of its content words with two",
        "  adjacent sentences of the speech, and the rest 0.5 or less, with other",
        "  name forms (`8th` / `Eighth`, `WPK` / `Workers' Party of Korea`). The",
        "  retold relief story (kcna-326 / kcna-332) is aligned, and then",
        "  dropped by the formula test (0.37 of its shingles rare).",
        "- Where the yardstick loses: essays, and on real text every pair of short",
        "  stories sharing a tenth of their trigrams.",
        "",
        "Floors are on a smaller dev sample of the planted gold"
        " (`python -m eval.reuse --sample`).",
        "",
        _floors("reuse"),
        "",
    ]


def render() -> str:
    head = [
        "# Extraction quality",
        "",
        f"Written by `make eval` (`python -m eval.report`) on {date.today()}"
        f" ({platform.machine()}, Python {platform.python_version()}).",
        "",
        "dossier is scored by the standard scorers in `../shared/scorers/` on the",
        "development sets in `../shared/corpus/`, beside the anchor systems' figures",
        "from the scorers' README (rerun there with the same scorers). *annotate*",
        "is `dossier.annotate.annotate` on the scorer's text, the call `run_source`",
        "makes on every article; *build* runs the whole per-file flow (clean,",
        "segment, meta, annotate) and maps spans back through the offset map, as",
        "`dossier build` stores them. Floors are pinned on the *annotate* rows.",
        "These are development sets: the steering team scores held-back sets the",
        "same way, and nothing here should be tuned to them.",
        "",
        "Part of each set is kept out of rule development (issue 18), so the",
        "drop from what rules were fitted on to text they were not can be read",
        "here: time rules are found on one of TimeBank and AQUAINT and checked on",
        "the other (issue 18's round: both ways, each step below);",
        "entity rules on MEANTIME airbus and apple (issue 18's dev pair; the",
        "steering team's unseen topics are the held-out check); quote rules on the",
        "*dev half* of PolNeAR dev (articles whose name's SHA-1 starts with an",
        "even byte, `python -m eval.polnear --part dev`), the *held half* held",
        "out. The per-set rows below show both.",
        "",
    ]
    body = (
        time_section()
        + quote_section()
        + entity_section()
        + own_section()
        + reuse_section()
    )
    return "\n".join(head + body + NOTES)


NOTES = [
    "## Read with care",
    "",
    "- *build* on MEANTIME lost recall while segmentation took each",
    "  document's first line as its title only (meta read it, annotate never",
    "  saw it). An article's headline now opens its text, and build scores as",
    "  annotate. On TimeML and PolNeAR the two paths differ by under 0.4 points.",
    "- Not scored by a standard scorer here: TimeML's event and link layers,",
    "  MEANTIME's times and numbers, PolNeAR's non-direct attributions beyond",
    "  the recall column, and speed (`docs/benchmarks.md`).",
    "- The scorers' held-back test sets are not used; they are kept apart on",
    "  purpose.",
    "- Strict MEANTIME spans include what dossier leaves out of a mention's",
    "  name: a leading `the`, an honorific (`Senator McCain`) and a state after",
    "  a city (`Mobile, Alabama`), and a body's kind before it (`aircraft",
    "  manufacturer Boeing`). The mention's span stays the name; annotate adds",
    "  the phrase around it (stored, migration 13) and the MEANTIME adapter",
    "  scores that (the *names",
    "  alone* row is the name spans). Still missed: `(ACRONYM)` after a name",
    "  (MEANTIME ends the span before the closing bracket), a kind led by",
    "  another name (`United States airframer Boeing`) and possessors (`the",
    "  United Kingdom's Royal Air Force`).",
    "- MEANTIME counts a name used before a noun (`Boeing employees`, `Apple",
    "  CEO`) as a premodifier (PRE.NAM), outside the NAM gold: dossier's",
    "  mention of the maker there scores as a false positive (about 30 of the",
    "  remaining ones). Products' names are dropped (no entity type holds them),",
    "  which lowers the *all types* column, where MEANTIME's PRO gold counts.",
    "- A name set before a lower-case noun it modifies takes no article in its",
    "  phrase (`the U.S. market`: `U.S.`; `entities/modifier.py`, issue 18).",
    "  On the html-dev pages, read by hand: 107 such phrases took the article",
    "  before, 6 now, and 2 of the 54 names followed by a verb lost theirs",
    "  (`the Touch Bar brings.`). MEANTIME's scores cannot show it: the",
    "  premodifier is outside its NAM gold.",
    "",
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "quality.md")
    options = parser.parse_args(argv)
    if not timeml.CORPUS.is_dir() or not available():
        print(
            f"Error: gold corpora ({timeml.CORPUS}) or scorers ({SCORERS}) not found"
            " beside the repo",
            file=sys.stderr,
        )
        return 2
    page = render()
    options.out.parent.mkdir(parents=True, exist_ok=True)
    options.out.write_text(page, encoding="utf-8")
    print(page)
    return 0


if __name__ == "__main__":
    sys.exit(main())
