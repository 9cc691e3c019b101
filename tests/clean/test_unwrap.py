"""Unwrapping hard-wrapped lines, margin detection, and hyphens at line ends."""

from __future__ import annotations

import pytest

from dossier.clean.unwrap import margin, unwrap_edits
from dossier.offsets import rewrite
from dossier.packs import Pack
from tests.clean.conftest import CleanFunction

# A newsletter page as OCR prints it: every line stops near column 75.
WRAPPED = """\
The Friendship Society met on Saturday in a hall lent by the trades council
and heard reports from the branches on the work of the last six months. The
secretary said that the society had sold more than four hundred copies of
the bulletin and had held public meetings in Leeds, Bristol and Glasgow, at
which films about the reconstruction of Pyongyang after the war were shown
to audiences that were larger than in any year since the society was formed.
A motion calling on the government to support a peace treaty was carried."""

# A web page saved as text: one paragraph a line, however long.
ONE_PER_LINE = """\
The Friendship Society met on Saturday in a hall lent by the trades council and heard reports from the branches on the work of the last six months.
The secretary said that the society had sold more than four hundred copies of the bulletin and had held public meetings in Leeds, Bristol and Glasgow.
At those meetings films about the reconstruction of Pyongyang after the war were shown to audiences larger than in any year since the society was formed.
A motion calling on the government to support a peace treaty was carried unanimously, and the committee was asked to write to every member of parliament.
The meeting closed with the singing of the Internationale and a collection for the printing fund, which raised more than two hundred pounds in all.
The next meeting will be held in the same hall in the spring, when the society will hear a report from the delegation that visited the country in May."""  # noqa: E501

# Short paragraphs of a web page, one a line, all under any plausible margin.
SHORT_PARAGRAPHS = """\
Pyongyang, May 3 (KCNA) -- A delegation of the society arrived here on Friday.
It was greeted at the airport by officials of the cultural committee.
The delegation will visit historic sites in the capital and in the provinces.
Its members will also meet students at the university of foreign studies.
They will lay flowers at the monument on Mansu Hill on Sunday morning.
The delegation is to leave for home at the end of next week by train."""


def _unwrap(text: str, pack: Pack) -> str:
    edits = unwrap_edits(text, prefixes=pack.keep_hyphen_prefixes)
    return rewrite(text, edits)[0]


def test_margin_finds_the_wrap_column_of_a_hard_wrapped_page() -> None:
    width = margin(WRAPPED.split("\n"))
    assert width is not None
    assert 72 <= width <= 78


@pytest.mark.parametrize(
    ("text", "why"),
    [
        (ONE_PER_LINE, "one paragraph a line, wider than any page margin"),
        (SHORT_PARAGRAPHS, "short paragraphs that each end a sentence"),
        ("Headline\nA first line of a page.\nAnother line.", "too few lines"),
        ("\n".join(["a"] * 10), "lines too short to be wrapped"),
    ],
)
def test_margin_is_none_when_not_hard_wrapped(text: str, why: str) -> None:
    assert margin(text.split("\n")) is None, why


def test_unwrap_joins_a_hard_wrapped_paragraph(pack: Pack) -> None:
    unwrapped = _unwrap(WRAPPED, pack)
    assert "\n" not in unwrapped
    assert "trades council and heard reports" in unwrapped
    assert unwrapped.replace(" ", "") == WRAPPED.replace("\n", "").replace(" ", "")


@pytest.mark.parametrize("text", [ONE_PER_LINE, SHORT_PARAGRAPHS])
def test_unwrap_leaves_one_paragraph_per_line_alone(text: str, pack: Pack) -> None:
    assert unwrap_edits(text, prefixes=pack.keep_hyphen_prefixes) == []


def test_unwrap_keeps_blank_lines_between_paragraphs(pack: Pack) -> None:
    text = WRAPPED + "\n\n" + WRAPPED
    unwrapped = _unwrap(text, pack)
    assert unwrapped.count("\n\n") == 1
    assert unwrapped.count("\n") == 2


def test_unwrap_joins_after_a_dash_without_a_space(pack: Pack) -> None:
    text = WRAPPED.replace("the war were shown", "the war were shown—", 1)
    unwrapped = _unwrap(text, pack)
    assert "were shown—to audiences" in unwrapped


# A hyphen at a line end: part of the word, or only typesetting? Each case
# is the end of one line and the start of the next, set at the page margin.
_HEAD = """\
The Friendship Society met on Saturday in a hall lent by the trades council
and heard reports from the branches on the work of the last six months. The
secretary said that the society had sold more than four hundred copies of
"""
_TAIL = """
the bulletin and had held public meetings in Leeds, Bristol and Glasgow, at
which films about the reconstruction of Pyongyang after the war were shown
to audiences that were larger than in any year since the society was formed."""
_FILLER = "and speakers at the meeting went on to say that in those years"


def _at_margin(line: str, *, before: bool) -> str:
    """Pad a line with filler words to the page margin, in front or behind."""
    words = _FILLER.split()
    while len(line) < 68:
        line = f"{words.pop()} {line}" if before else f"{line} {words.pop(0)}"
    return line


@pytest.mark.parametrize(
    ("line_end", "line_start", "expected"),
    [
        (
            "Chinese partisans fought for a decade side-by-",
            "side against the Kwantung",
            "side-by-side",
        ),
        (
            "In her view this long and costly co-",
            "operation between two peoples",
            "co-operation",
        ),
        (
            "instructors, he said, trained young freedom-",
            "fighters from several",
            "freedom-fighters",
        ),
        (
            "the long revolu-",
            "tionary traditions of the Korean people",
            "revolutionary",
        ),
        ("looked at the long revolu-", "tion and its traditions", "revolution"),
        ("the rally adopted an anti-", "imperialist resolution", "anti-imperialist"),
        ("the policy of self-", "reliance in the national economy", "self-reliance"),
        (
            "meetings held in several working-",
            "class districts of the city",
            "working-class",
        ),
        (
            "the principles of proletarian inter-",
            "nationalism and solidarity",
            "internationalism",
        ),
        (
            "the policies of the South Korean govern-",
            "ment were condemned",
            "government",
        ),
        ("the long and bitter strug-", "gle against the occupiers", "struggle"),
        ("the fight for inde-", "pendence and reunification", "independence"),
        # A capital after the hyphen is a compound of names, never a split word.
        ("the traditional Korean-", "Chinese friendship", "Korean-Chinese"),
    ],
)
def test_unwrap_decides_line_end_hyphens(
    line_end: str, line_start: str, expected: str, pack: Pack
) -> None:
    lines = _at_margin(line_end, before=True) + "\n"
    lines += _at_margin(line_start, before=False)
    unwrapped = _unwrap(_HEAD + lines + _TAIL, pack)
    assert "\n" not in unwrapped
    assert f" {expected} " in unwrapped


def test_unwrap_hyphen_follows_the_spelling_used_elsewhere(pack: Pack) -> None:
    # "co-" + "operation" keeps its hyphen, unless the text spells it solid.
    lines = _at_margin("this long and costly co-", before=True) + "\n"
    lines += _at_margin("operation between the two", before=False)
    kept = _unwrap(_HEAD + lines + _TAIL, pack)
    assert " co-operation " in kept
    solid = _HEAD + lines + _TAIL + "\nThe cooperation of the two parties went on."
    assert " cooperation between " in _unwrap(solid, pack)


def test_clean_unwraps_and_records_hyphen_repairs(run_clean: CleanFunction) -> None:
    lines = _at_margin("the bulle-", before=True) + "\n"
    lines += _at_margin("tin and a pamphlet", before=False)
    raw = _HEAD + lines + _TAIL
    cleaned = run_clean(raw)
    assert " bulletin and a pamphlet " in cleaned.text
    assert "\n" not in cleaned.text
    joined = [r for r in cleaned.repairs if r.kind == "hyphen-joined"]
    assert len(joined) == 1
    assert raw[joined[0].raw_start : joined[0].raw_end] == joined[0].before == "-\n"
    assert cleaned.counts["unwrap"] == raw.count("\n") - 1
