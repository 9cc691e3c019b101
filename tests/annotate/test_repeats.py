"""A text printed again is annotated once per process (`annotate.repeats`):
the repeat gets the annotations already made, which are the ones reading it
again would give."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from dossier.annotate import _annotate, annotate
from dossier.annotate.compiled import compile_pack
from dossier.annotate.repeats import Repeats
from dossier.model import Annotations
from dossier.packs import Pack

STORY = (
    "Pyongyang, March 3 (KCNA) -- Kim Jong Un inspected the Sunchon Phosphatic"
    " Fertilizer Factory yesterday. He said that 2,000 tons of fertilizer would"
    ' be "a gift to the farmers" by next week.'
)


def test_a_repeat_is_given_the_annotations_already_made(pack: Pack) -> None:
    first = annotate(STORY, pack=pack, anchor="2024-03-03")
    # A new string with the same characters, as a second record of a file is.
    again = annotate("".join(list(STORY)), pack=pack, anchor="2024-03-03")
    assert again is first
    assert again == _annotate(STORY, compile_pack(pack), "2024-03-03", None)
    assert "Kim Jong Un" in [m.text for m in first.mentions]


def test_another_anchor_reads_the_text_again(pack: Pack) -> None:
    # `yesterday` and `next week` hang on the story's date.
    march = annotate(STORY, pack=pack, anchor="2024-03-03")
    june = annotate(STORY, pack=pack, anchor="2024-06-10")
    assert june is not march
    assert [t.value for t in march.times] != [t.value for t in june.times]
    assert "2024-03-02" in [t.value for t in march.times]
    assert "2024-06-09" in [t.value for t in june.times]


def test_kcna_repeats_annotate_as_read_alone(pack: Pack, kcna_jsonl: Path) -> None:
    with kcna_jsonl.open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines]
    counts = Counter((r["text"], r["date"]) for r in records)
    repeated = [key for key, n in counts.items() if n > 1][:25]
    assert len(repeated) == 25  # kcna-2024 prints 801 stories again
    compiled = compile_pack(pack)
    for text, date in repeated:
        first = annotate(text, pack=pack, anchor=date)
        assert annotate(text, pack=pack, anchor=date) is first
        assert first == _annotate(text, compiled, date, None)


def _found(n: int) -> Annotations:
    return Annotations(language=f"x{n}")


def test_the_oldest_texts_go_first_past_the_budget() -> None:
    repeats = Repeats(budget=10, longest=10)
    repeats.keep("aaaa", None, None, _found(1))
    repeats.keep("bbbb", None, None, _found(2))
    assert repeats.get("aaaa", None, None) == _found(1)  # now the newest
    repeats.keep("cccc", None, None, _found(3))  # 12 characters: one goes
    assert repeats.get("bbbb", None, None) is None
    assert repeats.get("aaaa", None, None) == _found(1)
    assert repeats.get("cccc", None, None) == _found(3)
    assert len(repeats) == 2


def test_long_texts_and_other_keys_are_not_kept() -> None:
    repeats = Repeats(budget=100, longest=5)
    repeats.keep("a long text", None, None, _found(1))
    assert repeats.get("a long text", None, None) is None
    repeats.keep("short", "2024-01-01", None, _found(2))
    assert repeats.get("short", "2024-01-02", None) is None
    assert repeats.get("short", "2024-01-01", "en_core_web_sm") is None
    assert repeats.get("short", "2024-01-01", None) == _found(2)
