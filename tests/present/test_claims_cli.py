"""`claims` (who asserts, --by, --outlet, conflicts with reasons, dates that
must agree) and `calendar`, on a small dossier of stories written here."""

from __future__ import annotations

import json
from typing import Any

import pytest
from typer.testing import CliRunner

from dossier.present.cli.app import app

runner = CliRunner()

STORIES = [
    {
        "title": "Flood damage in Sinuiju",
        "date": "2024-07-30",
        "outlet": "KCNA",
        "text": "Pyongyang, July 30 (KCNA) -- More than 4 100 houses were flooded"
        " in Sinuiju on July 28, according to Rodong Sinmun. Rescue work goes on.",
    },
    {
        "title": "Rain in the northwest",
        "date": "2024-07-31",
        "outlet": "Voice of Korea",
        "text": "About 6 000 houses were flooded in Sinuiju on July 28 after heavy"
        " rain on the Amnok River. Officials met to discuss the restoration.",
    },
    {
        "title": "Centenary preparations",
        "date": "2011-12-20",
        "outlet": "KCNA",
        "text": "Preparations for the 100th birth anniversary of Kim Il Sung are"
        " under way in all parts of the country, officials said.",
    },
    {
        "title": "Festival held",
        "date": "2012-04-10",
        "outlet": "KCNA",
        "text": "Events marking the 100th birth anniversary of Kim Il Sung were held"
        " across the country with the participation of working people.",
    },
    {
        "title": "Biography",
        "date": "2013-05-01",
        "outlet": "Pyongyang Times",
        "text": "Kim Il Sung was born on April 15, 1911, in Mangyongdae. He grew up"
        " in a poor family of farmers.",
    },
    {
        "title": "Statement of the General Staff",
        "date": "2024-07-22",
        "outlet": "KCNA",
        "text": "Pyongyang, July 22 (KCNA) -- A spokesman for the General Staff of"
        " the Korean People's Army issued a statement. \"The enemy fired 300 shells"
        ' across the border on July 20, 2024," the spokesman said.',
    },
    {
        "title": "History of the union",
        "date": "2021-10-16",
        "outlet": "Naenara",
        "text": "The Down-with-Imperialism Union was founded on October 17, 1926,"
        " in Huadian by young revolutionaries.",
    },
]


def listing(*args: str) -> list[dict[str, Any]]:
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert isinstance(rows, list)
    return rows


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("claims")
    stories = folder / "stories.jsonl"
    stories.write_text(
        "".join(json.dumps(story) + "\n" for story in STORIES), encoding="utf-8"
    )
    path = folder / "stories.db"
    result = runner.invoke(app, ["build", str(stories), "--db", str(path)])
    assert result.exit_code == 0, result.output
    return str(path)


def _flood(rows: list[dict[str, Any]], printed: str) -> dict[str, Any]:
    return next(r for r in rows if printed in r["text"])


def test_claims_carry_subject_measure_scope_and_who_asserts(db: str) -> None:
    rows = listing("claims", "--db", db)
    cited = _flood(rows, "4 100 houses")
    assert (cited["subject"], cited["measure"]) == ("houses", "damaged")
    assert cited["scope"]["first_day"] == "2024-07-28"
    assert cited["language"] == "en"
    # KCNA reports what Rodong Sinmun says: two layers.
    assert (cited["asserted_by"], cited["via"]) == ("Rodong Sinmun", ["KCNA"])
    own = _flood(rows, "6 000 houses")
    assert (own["asserted_by"], own["via"]) == ("document", ["Voice of Korea"])


def test_claims_by_and_outlet_filter_on_who_asserts(db: str) -> None:
    by = listing("claims", "--db", db, "--by", "rodong sinmun")
    assert [r["text"] for r in by] == [_flood(by, "4 100")["text"]]
    voice = listing("claims", "--db", db, "--outlet", "Voice of Korea")
    assert {r["via"][0] for r in voice} == {"Voice of Korea"}
    assert listing("claims", "--db", db, "--outlet", "Minju Joson") == []


@pytest.mark.parametrize("narrowed", [[], ["--outlet", "KCNA"]])
def test_a_page_of_claims_is_that_slice_of_the_listing(
    db: str, narrowed: list[str]
) -> None:
    """Pages are read until full (after `--by`/`--outlet` when given), never
    cut from every claim: the same rows as slicing the whole listing."""
    whole = listing("claims", "--db", db, *narrowed)
    assert len(whole) >= 2
    for offset in range(len(whole) + 1):
        page = listing(
            "claims", "--db", db, *narrowed, "--limit", "2", "--offset", str(offset)
        )
        assert page == whole[offset : offset + 2]


def test_conflicts_list_figures_and_dates_that_disagree_with_reasons(db: str) -> None:
    groups = listing("claims", "--db", db, "--conflicts")
    verdicts = {(g["subject"], g["measure"]): g for g in groups}
    houses = verdicts[("houses", "damaged")]
    assert houses["verdict"] == "conflict"
    assert "cannot both hold" in houses["reason"]
    birth = verdicts[("birth of Kim Il Sung", "date")]
    assert birth["verdict"] == "conflict"
    assert "1911-04-15" in birth["reason"]
    # The December story announcing April's centenary dates the birth 1912,
    # like the April one: the day the biography gives fixes its year.
    years = {c["doc"]: (c["low"], c["high"]) for c in birth["claims"]}
    assert sorted(years.values()) == [(1911, 1911), (1912, 1912), (1912, 1912)]


def test_calendar_lists_round_anniversaries_in_a_period(db: str) -> None:
    rows = listing("calendar", "--db", db, "--from", "2026", "--to", "2026-12")
    union = next(r for r in rows if "Down-with-Imperialism" in r["event"])
    assert (union["date"], union["anniversary"]) == ("2026-10-17", 100)
    assert [s["date"] for s in union["sources"]] == ["1926-10-17"]
    # 101 to 104 years: no round anniversary.
    assert not any(
        "Down-with-Imperialism" in r["event"]
        for r in listing("calendar", "--db", db, "--from", "2027", "--to", "2030")
    )
    # Sources give 1911 and 1912: the calendar follows the one giving the day.
    kim = listing("calendar", "--db", db, "--from", "2011", "--to", "2012")
    assert [(r["anniversary"], r["event"]) for r in kim] == [
        (100, "birth of Kim Il Sung")
    ]


def test_calendar_from_after_to_is_a_usage_error(db: str) -> None:
    result = runner.invoke(
        app, ["calendar", "--db", db, "--from", "2027", "--to", "2026"]
    )
    assert result.exit_code == 2
    assert "after" in result.output


def test_dated_statements_and_figures_in_a_quote_are_the_speakers(db: str) -> None:
    (fired,) = [r for r in listing("timeline", "--db", db) if "July 20" in r["text"]]
    assert fired["asserted_by"] != "document"
    assert fired["via"] == ["KCNA"]
    shells = listing("claims", "--db", db, "--by", fired["asserted_by"])
    assert [r["text"] for r in shells] == ["300 shells"]


def test_figure_text_prints_a_year_as_a_year() -> None:
    from dossier.present.figures import figure_text

    assert figure_text(1948.0, "year") == "1948"
    assert figure_text(1948.0, "troops") == "1,948"
    assert figure_text(1.5) == "1.5"
    assert figure_text(110000.00000000001) == "110,000"
