"""Failures per annotation (issue 13): one bad span costs that span only."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from typer.testing import CliRunner

import dossier.annotate.figures as figures_module
from dossier.annotate import annotate
from dossier.annotate.failures import EXCERPT_CHARS, Failures, excerpt
from dossier.annotate.time import finder
from dossier.annotate.time.context import Context, Found, Hit
from dossier.model import AnnotationFailure, Source
from dossier.packs import Pack
from dossier.pipeline import run_source
from dossier.present.cli.app import app

# Phrases that cost a whole document its annotations before issue 13.
DEEP_PAST = (
    "Pyongyang, October 16 (KCNA) -- Kim Il Sung said on 3 May 1950 that the "
    "nation's history began between 300,000 and 100,000 years ago, and the "
    "tombs date from 277 B.C. and the 3rd century BC. Its 5,000 years of "
    "history were praised in the 1st century and on the 0th anniversary."
)

# One century, for the tests that make the century rule trip.
ONE_CENTURY = (
    "Pyongyang, October 16 (KCNA) -- Kim Il Sung said on 3 May 1950 that the "
    "tombs date from the 1st century and 200 soldiers guard them."
)


def _century_trips(hit: Hit, ctx: Context) -> Found | None:
    raise ValueError("year 0 is out of range")


def test_attempt_notes_the_span_and_goes_on() -> None:
    text = "one two three"
    failures = Failures(text)

    def trip(value: int) -> int:
        raise ValueError(f"bad\n value {value}")

    assert failures.attempt("figures", 4, 7, trip, 2) is None
    assert failures.attempt("figures", 8, 13, len, "abc") == 3
    assert failures.found == [
        AnnotationFailure("annotate", "figures", 4, 7, "two", "ValueError: bad value 2")
    ]


def test_attempt_is_strict_for_a_finder_called_alone() -> None:
    with pytest.raises(ZeroDivisionError):
        Failures("x", strict=True).attempt("times", 0, 1, lambda: 1 / 0)


def test_excerpt_is_one_short_line() -> None:
    text = "a\nb  " + "word " * 50
    printed = excerpt(text, 0, len(text))
    assert "\n" not in printed and len(printed) == EXCERPT_CHARS
    assert printed.startswith("a b word") and printed.endswith("…")


def test_annotate_keeps_a_document_with_deep_past(pack: Pack) -> None:
    for anchor in (None, "2021-10-16"):
        annotations = annotate(DEEP_PAST, pack=pack, anchor=anchor)
        assert annotations.failures == ()
        values = {t.text: t.value for t in annotations.times}
        assert values["277 B.C."] == "BC0277"
        assert values["the 3rd century BC"] == "BC03"
        assert values["3 May 1950"] == "1950-05-03"
        assert values["100,000 years ago"] == "P100000Y"
        assert annotations.mentions and annotations.figures and annotations.sentences


def test_a_rule_tripping_on_one_span_costs_that_span_only(
    pack: Pack, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(finder.HANDLERS, "century", _century_trips)
    text = "In the 21st century, Kim Il Sung said on 3 May 1950 that 200 soldiers came."
    annotations = annotate(text, pack=pack, anchor="2021-10-16")
    assert [t.text for t in annotations.times] == ["3 May 1950"]
    (failure,) = annotations.failures
    assert failure.stage == "annotate" and failure.finder == "times"
    assert text[failure.start : failure.end] == failure.excerpt == "the 21st century"
    assert failure.reason == "ValueError: year 0 is out of range"
    assert [m.entity for m in annotations.mentions] == ["Kim Il Sung"]
    assert [f.text for f in annotations.figures] == ["200 soldiers"]


def test_a_finder_failing_outright_costs_its_own_output_only(
    pack: Pack, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> list[object]:
        raise KeyError("figures")

    monkeypatch.setattr(figures_module, "find", broken)
    text = "Kim Il Sung said on 3 May 1950 that 200 soldiers had come (KCNA, 1950)."
    annotations = annotate(text, pack=pack, anchor=None)
    assert annotations.figures == ()
    assert annotations.times and annotations.mentions and annotations.sentences
    assert [q.kind for q in annotations.quotes] == ["reported"]
    (failure,) = annotations.failures
    assert (failure.finder, failure.start, failure.end) == ("figures", 0, len(text))
    assert failure.reason == "KeyError: 'figures'"


def test_run_source_reports_no_document_failure_for_a_skipped_span(
    pack: Pack, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(finder.HANDLERS, "century", _century_trips)
    text = f"Tombs\n\n{ONE_CENTURY}\n"
    source = Source("deep.txt", 0, text, "utf-8", "0" * 64)
    result, failures = run_source(source, pack)
    assert failures == []
    (document,) = [d for d in result.documents if d.kind == "article"]
    assert document.annotations is not None
    assert [f.excerpt for f in document.annotations.failures] == ["the 1st century"]
    assert document.annotations.times


def test_build_stores_skipped_spans_and_counts_the_file_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(finder.HANDLERS, "century", _century_trips)
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "deep.txt").write_text(f"Tombs\n\n{ONE_CENTURY}\n", encoding="utf-8")
    db = tmp_path / "d.db"
    runner = CliRunner()
    first = runner.invoke(app, ["build", str(folder), "--db", str(db), "--json"])
    assert first.exit_code == 0, first.output
    report = json.loads(first.stdout)
    assert report["failures"] == [] and report["stored"] == 1
    (skipped,) = report["annotation_failures"]
    assert skipped["finder"] == "times" and skipped["excerpt"] == "the 1st century"
    assert skipped["reason"] == "ValueError: year 0 is out of range"
    with closing(sqlite3.connect(db)) as connection:
        assert connection.execute("SELECT failure FROM files").fetchall() == [(None,)]
        rows = connection.execute(
            "SELECT f.stage, f.finder, substr(d.text, f.start + 1, f.end - f.start),"
            " f.excerpt FROM annotation_failures f JOIN documents d"
            " ON d.rowid = f.doc"
        ).fetchall()
        assert rows == [("annotate", "times", "the 1st century", "the 1st century")]
        times = connection.execute("SELECT count(*) FROM times").fetchone()[0]
        assert times > 0
    second = runner.invoke(app, ["build", str(folder), "--db", str(db), "--json"])
    assert second.exit_code == 0, second.output
    again = json.loads(second.stdout)
    assert (again["unchanged"], again["stored"]) == (1, 0)
    assert again["annotation_failures"] == []


def test_build_prints_the_count_of_annotation_failures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(finder.HANDLERS, "century", _century_trips)
    path = tmp_path / "deep.txt"
    path.write_text(f"Tombs\n\n{ONE_CENTURY}\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["build", str(path), "--db", str(tmp_path / "d")])
    assert result.exit_code == 0, result.output
    lines = [" ".join(line.strip("│ ").split()) for line in result.stdout.splitlines()]
    assert "annotation failures 1" in [line.replace(" │ ", " ") for line in lines]
    assert any("the 1st century" in line and "skipped" in line for line in lines)
