"""`clean` as a whole: the steps in order, on snippets and on the examples."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dossier.model import Cleaned
from dossier.packs import Pack
from dossier.pipeline import run_file
from dossier.settings import Settings
from tests.clean.conftest import CleanFunction
from tests.conftest import EXAMPLES


def _cleaned(path: Path, pack: Pack) -> list[Cleaned]:
    result = run_file(path, pack, Settings())
    assert not result.failures
    return [source.cleaned for source in result.sources]


def _assert_repairs_point_at_raw(cleaned: Cleaned) -> None:
    raw = cleaned.source.raw
    for repair in cleaned.repairs:
        assert 0 <= repair.raw_start <= repair.raw_end <= len(raw)
        assert raw[repair.raw_start : repair.raw_end] == repair.before


def test_clean_runs_every_repair_on_one_snippet(run_clean: CleanFunction) -> None:
    raw = (
        "  Greetings to the Workersâ€™ Party\r\n\r\n"
        "WhenKim Jong Unappeared, the young Kim II Sung \ufffd\ufffd was recalled."
        "  \r\n"
    )
    cleaned = run_clean(raw)
    assert cleaned.text == (
        "Greetings to the Workers’ Party\n\n"
        "When Kim Jong Un appeared, the young Kim Il Sung was recalled."
    )
    assert {r.kind for r in cleaned.repairs} == {
        "mojibake",
        "glued-name",
        "ocr-name",
        "replacement-char",
    }
    assert cleaned.counts["newline"] == 3
    _assert_repairs_point_at_raw(cleaned)


def test_clean_leaves_clean_text_alone(run_clean: CleanFunction) -> None:
    raw = "Origin of Korean Revolution\n\nThe Workers’ Party of Korea regards it."
    cleaned = run_clean(raw)
    assert cleaned.text == raw
    assert cleaned.repairs == ()
    assert cleaned.counts == {}
    assert cleaned.offsets.to_raw(0, len(raw)) == (0, len(raw))


def test_clean_of_empty_and_blank_text(run_clean: CleanFunction) -> None:
    assert run_clean("").text == ""
    assert run_clean(" \r\n\t\n ").text == ""


@pytest.mark.parametrize(
    "expected",
    [
        "side-by-side",
        "revolutionary traditions",
        "co-operation",
        "freedom-fighters",
        "the young Kim Il Sung drew",
        "by Kim Jong Il on",
        "World War II broke out",
        "kept together in the society's archive",
    ],
)
def test_clean_repairs_the_ocr_newsletter(expected: str, pack: Pack) -> None:
    (cleaned,) = _cleaned(EXAMPLES / "newsletter_ocr.txt", pack)
    assert expected in cleaned.text


def test_clean_newsletter_leaves_no_noise(pack: Pack) -> None:
    (cleaned,) = _cleaned(EXAMPLES / "newsletter_ocr.txt", pack)
    assert "\ufffd" not in cleaned.text
    assert "Kim II" not in cleaned.text
    assert "Kim Jong II" not in cleaned.text
    assert "revolu-" not in cleaned.text
    assert not re.search(r"[ \t]\n|\n[ \t]|  |\n\n\n", cleaned.text)
    assert cleaned.counts["replacement-chars-removed"] == (
        cleaned.source.raw.count("\ufffd")
    )


def test_clean_splits_glued_names_in_wire_items(pack: Pack) -> None:
    texts = [c.text for c in _cleaned(EXAMPLES / "wire.jsonl", pack)]
    joined = "\n".join(texts)
    assert "Comrade Kim Jong Un," in joined
    assert "When Kim Jong Un appeared" in joined
    assert "ComradeKim" not in joined


@pytest.mark.parametrize(
    "name",
    sorted(p.name for p in EXAMPLES.iterdir() if p.name != "README.md"),
)
def test_clean_repairs_of_examples_point_at_raw(name: str, pack: Pack) -> None:
    for cleaned in _cleaned(EXAMPLES / name, pack):
        _assert_repairs_point_at_raw(cleaned)
        for word in re.finditer(r"\w+", cleaned.text):
            start, end = cleaned.offsets.to_raw(word.start(), word.end())
            assert start <= end


@pytest.mark.corpus
def test_clean_seed_words_map_back_to_raw(corpus: Path, pack: Pack) -> None:
    for path in sorted((corpus / "seeds").glob("*.txt")):
        for cleaned in _cleaned(path, pack):
            _assert_repairs_point_at_raw(cleaned)
            repaired = [(r.raw_start, r.raw_end) for r in cleaned.repairs]
            raw = cleaned.source.raw
            for word in re.finditer(r"\w+", cleaned.text):
                start, end = cleaned.offsets.to_raw(word.start(), word.end())
                if any(s < end and start < e for s, e in repaired):
                    continue
                bare = re.sub(r"[\s\ufffd]+", "", re.sub(r"-\s+", "", raw[start:end]))
                assert bare == word.group(), (path.name, word)
