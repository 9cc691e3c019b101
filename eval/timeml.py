"""Time expressions on TimeML (TimeBank 1.2 + AQUAINT) by the standard TE3-style scorer.

    python -m eval.timeml [--write] [--errors N [--set AQUAINT]] [--path build]

The scorer (../shared/scorers/time/score.py) dumps each document's text and
its DCT; dossier reads the text with the DCT's day as anchor, as HeidelTime
did for the README's anchor figures. Two of dossier's forms are written the
TimeML way first: a range of dates is two TIMEX3 (a range of counts, `two to
three weeks`, stays one), and an anniversary phrase (`the 50th
anniversary`, dated for dossier's calendar) is left out: TimeML marks it as an
event, and TimeBank and AQUAINT tag none of the seven such phrases. Its
rules: gold in document order, each matched to the first unused overlapping
prediction (relaxed); strict when both ends are within one character; value
when the value string is equal; F1 = 2·tp / (pred + gold). `--write` raises
the floors in eval/floors/timeml.json. `--classes` counts one set's errors by
class (`value_class`), the figures issue 18's step table reads; `--words REGEX`
counts where the gold and dossier tag a class of words (`timeml_words`).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dossier.annotate.time.anniversary import is_anniversary
from dossier.annotate.time.calendar import parse_value
from dossier.annotate.time.ranges import endpoints
from dossier.packs import load_pack
from eval import CORPUS as SHARED
from eval import round_down, timeml_words, write_floors
from eval.standard import Text, dump_texts, load_scorer, read, score_predictions

CORPUS = SHARED / "timeml"
SCRIPT = "time/score.py"
FLOOR_KEYS = (
    "strict_f1",
    "relaxed_p",
    "relaxed_r",
    "relaxed_f1",
    "value_f1",
    "type_acc",
)


# Written under the floors in docs/quality.md by `make eval`: what each step of
# issue 18's round did, measured when it was taken (not rerun).
HISTORY = (Path(__file__).with_name("timeml_steps.md")).read_text("utf-8").split("\n")


def predict(*, path: str = "annotate") -> Iterator[dict[str, Any]]:
    """One prediction line per dumped document, in the scorer's format."""
    pack = load_pack()
    for document in dump_texts(SCRIPT, "--gold", CORPUS):
        dct = document["dct"]
        timexes = []
        text = document["text"]
        for part in read(text, pack=pack, anchor=dct[:10] if dct else None, path=path):
            for time in part.annotations.times:
                if is_anniversary(time.text):
                    continue
                # A range of dates: one expression in dossier, two TIMEX3 in TimeML.
                for first, last, value in endpoints(time):
                    start, end = part.to_text(first, last)
                    timexes.append(
                        {
                            "start": start,
                            "end": end,
                            "type": time.type,
                            "value": value,
                            "text": text[start:end],
                        }
                    )
        yield {"doc": document["doc"], "timexes": timexes}


def read_corpus() -> list[Text]:
    """The scorer's texts with their DCT day as anchor."""
    return [
        Text(d["doc"], d["text"], d["dct"][:10] if d["dct"] else None)
        for d in dump_texts(SCRIPT, "--gold", CORPUS)
    ]


def score(
    *, path: str = "annotate", predictions: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """The scorer's JSON (`sets`: AQUAINT, TimeBank, all) and its `table`."""
    records = list(predict(path=path)) if predictions is None else predictions
    result, table = score_predictions(
        SCRIPT,
        ["--gold", CORPUS, "--pred", "{pred}", "--label", f"dossier ({path})"],
        records,
    )
    return {**result, "table": table}


# Value F1 is pinned per set too, so a gain on one set bought with a loss on
# the other (issue 18: the drop between them) cannot pass unseen.
SET_KEYS = ("TimeBank/value_f1", "AQUAINT/value_f1")


def floors(result: dict[str, Any]) -> dict[str, float]:
    every = result["sets"]["all"]
    pinned = {key: round_down(every[key]) for key in FLOOR_KEYS}
    for key in SET_KEYS:
        group, measure = key.split("/")
        pinned[key] = round_down(result["sets"][group][measure])
    return pinned


@dataclass(frozen=True, slots=True)
class Error:
    """One error as `errors` finds it: `missed`, `spurious` or `value`, its
    printed `line`, and for a wrong value both values and types."""

    kind: str
    line: str
    gold: str = ""
    ours: str = ""
    same_type: bool = True


def errors(
    predictions: list[dict[str, Any]], *, group: str = "TimeBank"
) -> Iterator[Error]:
    """Missed, spurious and wrongly valued expressions, by the scorer's matching.

    Only `group`'s documents. A rule is found on one set's errors and checked
    on the other's figures (issue 18: the drop on text not looked at must stay
    small); each line reads gold `text TYPE value`, then `!=` and dossier's.
    """
    gold = load_scorer(SCRIPT).load_gold([str(CORPUS)])
    found = {line["doc"]: line["timexes"] for line in predictions}
    for name, (set_name, _path, text, dct, items) in gold.items():
        if set_name != group:
            continue
        system = sorted(found.get(name, []), key=lambda p: (p["start"], p["end"]))
        used: set[int] = set()
        for start, end, value, type_ in items:
            match = next(
                (
                    i
                    for i, p in enumerate(system)
                    if i not in used and p["end"] > start and p["start"] < end
                ),
                None,
            )
            context = text[max(0, start - 50) : end + 30].replace("\n", " ")
            if match is None:
                printed = f"{text[start:end]!r} {type_} {value}"
                yield Error("missed", f"missed   {name} {dct} {printed} | {context}")
                continue
            used.add(match)
            p = system[match]
            if str(p["value"]) != value or p["type"] != type_:
                line = (
                    f"value    {name} {dct} {text[start:end]!r} {type_} {value} "
                    f"!= {p['text']!r} {p['type']} {p['value']} | {context}"
                )
                yield Error("value", line, value, str(p["value"]), p["type"] == type_)
        for i, p in enumerate(system):
            if i not in used:
                line = f"spurious {name} {dct} {p['text']!r} {p['type']} {p['value']}"
                yield Error("spurious", line)


# TimeML's value forms (TimeML 1.2.1 guidelines, TIMEX3 `value`): dates and
# weeks ISO-padded, clock times with minutes, lengths as P…, the three
# references, X for a figure not known. A gold value outside them
# (`2000-W7`, `1989-11-06T17`, `P1E`) no tagger writing the standard matches.
_TIMEML = re.compile(
    r"(?:PAST|PRESENT|FUTURE)_REF"
    r"|P(?:[\dX.]+(?:DE|CE|[YMWDLQH]))+|PT(?:[\dX.]+[HMS])+|P[\dX.]+Y(?:[\dX.]+M)?"
    r"|[\dX]{2,4}(?:-(?:[\dX]{2}(?:-[\dX]{2})?|W[\dX]{2}(?:-[1-7]|-WE)?"
    r"|Q[1-4X]|H[12X]|SP|SU|FA|WI))?"
    r"(?:T(?:\d{2}:\d{2}(?::\d{2})?|MO|AF|EV|NI|DT))?"
)
_PART_OF_DAY = re.compile(r"T(?:MO|AF|EV|NI|DT)$")


def timeml_form(value: str) -> bool:
    """Whether `value` is written as TimeML writes one."""
    return _TIMEML.fullmatch(value) is not None


def _masked(gold: str, ours: str) -> bool:
    """Whether `gold` writes X where `ours` has figures (`1968-XX` for `1968`,
    `1989-WXX` for `1989-W43`, `1989-QX` for `1989-Q3`)."""
    stem = gold.rstrip("X-")
    return stem != "" and ours.startswith(stem) and gold[len(stem) :].strip("-") != ""


def _coarser(gold: str, ours: str) -> bool:
    """Whether `gold` says less than `ours`: a prefix of it, X where ours has
    figures, or a period holding ours (`1999-01` for the week `1999-W02`)."""
    if (ours.startswith(gold) and ours != gold) or _masked(gold, ours):
        return True
    wide, narrow = parse_value(gold), parse_value(ours)
    return (
        wide is not None
        and narrow is not None
        and wide.first <= narrow.first
        and narrow.last <= wide.last
        and (wide.first, wide.last) != (narrow.first, narrow.last)
    )


def value_class(gold: str, ours: str) -> str:
    """The class of a wrong value: what tells the two apart.

    In the order tested: `gold not TimeML` (the gold value is not in TimeML's
    form), `gold drops part of day` (the same day, dossier's with `TNI`…,
    the gold's with none), `part of day` (another part), `gold masks with
    X` (`1989-WXX` for `1989-W43`), `gold less specific` (a period holding
    dossier's: `1998` for `1998-Q3`, `1999-01` for `1999-W02`), `dossier
    less specific`, `a week off` (days 7 or 14
    apart), `reference vs date` (one PAST_REF…), `date vs length` (one a
    duration), `other`.
    """
    if not timeml_form(gold):
        return "gold not TimeML"
    if _PART_OF_DAY.sub("", gold) == _PART_OF_DAY.sub("", ours):
        dropped = gold == _PART_OF_DAY.sub("", ours) and gold != ours
        return "gold drops part of day" if dropped else "part of day"
    if _masked(gold, ours):
        return "gold masks with X"
    if _coarser(gold, ours):
        return "gold less specific"
    if _coarser(ours, gold):
        return "dossier less specific"
    first, second = parse_value(gold), parse_value(ours)
    if (
        first is not None
        and second is not None
        and first.unit == second.unit == "D"
        and abs((first.first - second.first).days) in (7, 14)
    ):
        return "a week off"
    if gold.endswith("_REF") != ours.endswith("_REF"):
        return "reference vs date"
    if gold.startswith("P") != ours.startswith("P"):
        return "date vs length"
    return "other"


# The classes where the gold departs from what TimeML's guidelines write for
# the words, whatever the rules do: a value not in TimeML's form, a part of
# day the words name left out, X written for a figure the text gives or
# implies. `set_aside_f1` leaves them out of both counts.
CONVENTIONS = ("gold not TimeML", "gold drops part of day", "gold masks with X")


def set_aside_f1(figures: dict[str, Any], found: list[Error]) -> float:
    """Value F1 of one set (`figures`: the scorer's counts for it) with the
    expressions whose gold value is in a `CONVENTIONS` class left out of
    gold and predictions alike: the sets compared on what both annotate
    the same way (issue 18: the gap between them)."""
    aside = sum(
        1
        for error in found
        if error.kind == "value"
        and error.gold != error.ours
        and value_class(error.gold, error.ours) in CONVENTIONS
    )
    counted = figures["gold"] + figures["pred"] - 2 * aside
    return 2 * figures["tp_value"] / counted if counted else 0.0


def count_classes(found: list[Error]) -> Counter[str]:
    """Errors counted by kind and, for wrong values, by `value_class`."""
    counts: Counter[str] = Counter()
    for error in found:
        if error.kind != "value":
            counts[error.kind] += 1
        elif error.gold == error.ours:
            counts["type only"] += 1
        else:
            counts[f"value: {value_class(error.gold, error.ours)}"] += 1
    return counts


def _audit(
    pattern: re.Pattern[str], predictions: list[dict[str, Any]], group: str, shown: int
) -> int:
    """`--words`: each set's `timeml_words.tally`, then `shown` of `group`'s."""
    gold = load_scorer(SCRIPT).load_gold([str(CORPUS)])
    found = list(timeml_words.places(pattern, gold, predictions))
    for name in ("TimeBank", "AQUAINT"):
        print(
            f"{name}: {timeml_words.tally([p for p in found if p.group == name]).row}"
        )
    for place in [p for p in found if p.group == group][:shown]:
        print(place.line)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.timeml", description=__doc__)
    parser.add_argument("--write", action="store_true", help="raise the floors")
    parser.add_argument(
        "--errors", type=int, default=0, metavar="N", help="list N errors of --set"
    )
    parser.add_argument(
        "--set", choices=("TimeBank", "AQUAINT"), default="TimeBank", dest="group"
    )
    parser.add_argument("--path", choices=("annotate", "build"), default="annotate")
    parser.add_argument(
        "--classes", action="store_true", help="count --set's errors by class"
    )
    parser.add_argument(
        "--words",
        type=re.compile,
        metavar="REGEX",
        help="count where the gold and dossier tag these words (--errors N lists)",
    )
    options = parser.parse_args(argv)
    if options.write and options.path != "annotate":
        parser.error("floors are pinned on the annotate path")
    if not CORPUS.is_dir():
        print(f"Error: no TimeML corpus at {CORPUS}", file=sys.stderr)
        return 2
    predictions = list(predict(path=options.path))
    result = score(path=options.path, predictions=predictions)
    print(result["table"])
    if options.words is not None:
        return _audit(options.words, predictions, options.group, options.errors)
    listed = list(errors(predictions, group=options.group))
    for error in listed[: options.errors]:
        print(error.line)
    if options.classes:
        for name, count in count_classes(listed).most_common():
            print(f"{count:5d}  {name}")
        aside = set_aside_f1(result["sets"][options.group], listed)
        print(f"value F1 with the gold's own conventions set aside: {aside:.4f}")
    if options.write:
        write_floors("timeml", floors(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
