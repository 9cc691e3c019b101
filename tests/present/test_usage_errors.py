"""Usage errors are errors (#17): a bad value exits 2 with one line on stderr
and nothing on stdout; a bug exits 70 with one line and a log."""

from __future__ import annotations

import errno
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from dossier.present.cli import browse
from dossier.present.cli.app import app
from tests.shared import Shared

runner = CliRunner()


def invoke(*args: str) -> Result:
    return runner.invoke(app, list(args))


@pytest.fixture(scope="module")
def db(examples_built: Shared) -> str:
    # The session's build of examples/, read only here.
    assert examples_built.report.failures == []
    return str(examples_built.db)


def error_line(result: Result) -> str:
    """The one line on stderr of a failed command; stdout must be empty."""
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ")
    return lines[0]


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["timeline", "--from", "abc"], "--from 'abc' is not a date"),
        (["timeline", "--to", "2024-13"], "--to '2024-13' is not a date"),
        (["timeline", "--from", "1950-02-30"], "is not a date"),
        (["timeline", "--from", "1953", "--to", "1950"], "--from 1953 is after"),
        (["timeline", "--type", "bogus"], "not one of DATE, TIME, DURATION, SET"),
        (["docs", "--kind", "bogus"], "--kind 'bogus' is not one of article, teaser"),
        (["search", "Kim", "--kind", "bogus"], "is not one of article, teaser"),
        (["quotes", "--kind", "x"], "is not one of direct, reported, scare"),
        (["entities", "--type", "bogus"], "not one of PERSON, ORG, PLACE, PUBLICATION"),
        (["docs", "--limit", "-1"], "--limit -1 must be 1 or more"),
        (["entities", "--limit", "0"], "--limit 0 must be 1 or more"),
        (["search", "Kim", "--limit", "-3"], "--limit -3 must be 1 or more"),
        (["timeline", "--entity", "Nobody Atall"], "no entity 'Nobody Atall'"),
        (["claims", "--entity", "Kim Il Sun"], "did you mean 'Kim Il Sung'?"),
        (["search", ""], "nothing to search for"),
        (["search", "Kim", "--syntax", "regex"], "not one of words, fts"),
        (["docs", "--no-such-option"], "No such option: --no-such-option"),
        (["search", "Kim", "--jsn"], "unexpected extra argument"),
    ],
)
def test_usage_error_is_one_line_exit_2(db: str, args: list[str], says: str) -> None:
    result = invoke(*args, "--db", db, "--json")
    assert result.exit_code == 2, result.output
    assert says in error_line(result)


def test_dates_accepted_as_iso_prefixes(db: str) -> None:
    for value in ("1950", "1950-06", "1950-06-25"):
        result = invoke("timeline", "--from", value, "--db", db, "--json")
        assert result.exit_code == 0, result.output
    rows = json.loads(
        invoke(
            "timeline", "--from", "1937", "--to", "1937-06", "--db", db, "--json"
        ).stdout
    )
    assert rows
    assert all(
        "1937-01-01" <= r["first_day"] <= r["last_day"] <= "1937-06-30" for r in rows
    )


@pytest.mark.parametrize("typed", ["person", "Person", "PERSON"])
def test_entity_type_case_insensitive(db: str, typed: str) -> None:
    rows = json.loads(invoke("entities", "--type", typed, "--db", db, "--json").stdout)
    assert rows
    assert {r["type"] for r in rows} == {"PERSON"}


@pytest.mark.parametrize("kind", ["Teaser", "TEASER"])
def test_kind_case_insensitive(db: str, kind: str) -> None:
    rows = json.loads(invoke("docs", "--kind", kind, "--db", db, "--json").stdout)
    assert rows
    assert {r["kind"] for r in rows} == {"teaser"}


@pytest.mark.parametrize(
    "name", ["Kim Il-sung", "kim il sung", "KIM IL-SUNG", "Kim  Il Sung"]
)
def test_entity_found_through_folded_variants(db: str, name: str) -> None:
    expected = json.loads(
        invoke("timeline", "--entity", "Kim Il Sung", "--db", db, "--json").stdout
    )
    assert expected
    result = invoke("timeline", "--entity", name, "--db", db, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == expected


def test_entity_apostrophes_fold(db: str) -> None:
    # Stored as "Chinese People's Volunteers"; typed curly or without.
    for name in ("Chinese People’s Volunteers", "Chinese Peoples Volunteers"):
        result = invoke("claims", "--entity", name, "--db", db, "--json")
        assert result.exit_code == 0, result.output


@pytest.mark.parametrize("name", ["Kim Il-sung", "kim il sung", "Il Sung"])
def test_speaker_found_through_folded_variants(db: str, name: str) -> None:
    result = invoke("quotes", "--speaker", name, "--db", db, "--json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert rows
    assert {r["speaker"] for r in rows} == {"Kim Il Sung"}


def search(db: str, *args: str) -> list[dict[str, object]]:
    result = invoke("search", *args, "--db", db, "--json")
    assert result.exit_code == 0, result.output
    hits: list[dict[str, object]] = json.loads(result.stdout)
    return hits


def test_search_words_are_words_not_operators(db: str) -> None:
    # `NOT Kim` means the words "not" and "Kim", both present, never "no Kim".
    hits = search(db, "NOT Kim")
    assert hits
    assert all(
        "Kim" in str(hit["snippet"]) or "Kim" in str(hit["title"]) for hit in hits
    )
    assert {h["doc"] for h in hits} <= {h["doc"] for h in search(db, "Kim")}


def test_search_fts_syntax_when_asked(db: str) -> None:
    kim = {h["doc"] for h in search(db, "Kim", "--limit", "100")}
    without = {h["doc"] for h in search(db, "Korea NOT Kim", "--syntax", "fts")}
    assert without
    assert not without & kim
    assert search(db, "Pochon*", "--syntax", "fts")


@pytest.mark.parametrize("query", ["Juche AND (", '"unclosed', "nosuchcolumn:Kim"])
def test_search_fts_syntax_error_is_a_message(db: str, query: str) -> None:
    result = invoke("search", query, "--syntax", "fts", "--db", db, "--json")
    assert result.exit_code == 2
    line = error_line(result)
    assert "is not an FTS5 query" in line
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "args",
    [["-foo"], ["--", "-foo"], ["-Kim"]],
)
def test_search_query_may_start_with_a_dash(db: str, args: list[str]) -> None:
    result = invoke("search", "--db", db, "--json", *args)
    assert result.exit_code == 0, result.output
    assert isinstance(json.loads(result.stdout), list)


def test_search_dash_word_finds_the_word(db: str) -> None:
    assert search(db, "-Pochonbo") == search(db, "Pochonbo")


def test_unexpected_exception_is_one_line_and_a_log(
    db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = tmp_path / "logs" / "dossier-error.log"
    monkeypatch.setenv("DOSSIER_ERROR_LOG", str(log))

    def broken(*_: object, **__: object) -> list[dict[str, object]]:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(browse, "search", broken)
    result = invoke("search", "Kim", "--db", db, "--json")
    assert result.exit_code == 70
    line = error_line(result)
    assert line == (
        f"Error: internal error: ZeroDivisionError: division by zero (details in {log})"
    )
    written = log.read_text()
    assert "Traceback (most recent call last)" in written
    assert "ZeroDivisionError: division by zero" in written


def test_crash_log_falls_back_to_the_temporary_folder(
    db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("DOSSIER_ERROR_LOG", str(blocker / "cannot" / "be.log"))
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))

    def broken(*_: object, **__: object) -> list[dict[str, object]]:
        raise RuntimeError("boom")

    monkeypatch.setattr(browse, "iter_documents", broken)
    result = invoke("docs", "--db", db)
    assert result.exit_code == 70
    assert f"(details in {tmp_path / 'dossier-error.log'})" in error_line(result)


def test_a_closed_pipe_is_no_bug(
    db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `dossier show ID --json | head -c 10`: the reader went away.
    log = tmp_path / "dossier-error.log"
    monkeypatch.setenv("DOSSIER_ERROR_LOG", str(log))

    def closed(_: object) -> None:
        raise BrokenPipeError(errno.EPIPE, "Broken pipe")

    monkeypatch.setattr(browse, "write_json", closed)
    result = invoke("docs", "--db", db, "--json")
    assert result.exit_code == 1
    assert "internal error" not in result.output
    assert not log.exists()
