"""Capitalised spans their context shows are no names (entities/noise.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Triples = Callable[[str], list[tuple[str, str, str]]]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # A country code before a currency sign is part of the amount.
        ("The bailout costs US$700 billion, the Treasury said.", ["Treasury"]),
        ("It cost Boeing a US$40 billion (GB #20.1 billion) contract.", ["Boeing"]),
        ("The deal is worth A$ 3 million to Qantas.", ["Qantas"]),
        # A place before `dollars` names the currency.
        ("Songs sell for 1.29 US dollars at Apple.", ["Apple"]),
        # A maker before a model designator names the model, not the maker.
        ("On Monday Ryanair ordered five Boeing 737-800 jets.", ["Ryanair"]),
        ("Qatar Airways chose the Airbus A350 over a rival.", ["Qatar Airways"]),
        ("The airline will fly the Boeing 787 Dreamliner from Beijing.", ["Beijing"]),
        ("They replace the Vickers VC-10 aircraft.", []),
        # A model's name, once printed after its designator, is the model's
        # throughout (issue 18: `Dreamliner` as an organisation).
        (
            "The Boeing 787 Dreamliner flew at last. Later the Dreamliner "
            "landed at Everett.",
            ["Everett"],
        ),
        ("The 787 “Dreamliners” flew, and orders for the Boeing 787 rose.", []),
        ("Aer Lingus ordered six A350 XWB jets.", ["Aer Lingus"]),
        # A number before a singular name that heads its phrase is a
        # designator, with no maker printed: a count takes a plural.
        ("The airline flies the new 787 Dreamliner from Seoul.", ["Seoul"]),
    ],
)
def test_non_names_are_dropped(text: str, kept: list[str], triples: Triples) -> None:
    assert [name for name, _, _ in triples(text)] == kept


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # The same names where nothing follows them stay names.
        ("The US said on Monday that talks would go on.", "US"),
        ("A spokesman for Boeing said in 2008 that it would protest.", "Boeing"),
        ("Orders at Boeing in 2008 and at Airbus 2009 fell.", "Airbus"),
        # A count before a maker is no designator: the maker stays a name.
        ("Boeing 777 sales grew while 200 Airbus jets were ordered.", "Airbus"),
        ("There are 500 Apple engineers at the event.", "Apple"),
    ],
)
def test_names_without_a_currency_or_model_stay(
    text: str, name: str, triples: Triples
) -> None:
    assert name in [found for found, _, _ in triples(text)]


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # Everyday words set in capitals are a heading, not a body.
        (
            "FORTHCOMING EVENTS\nThe meeting in Leeds is on Monday.",
            "FORTHCOMING EVENTS",
        ),
        ("He said FORTHCOMING talks in Leeds were planned.", "FORTHCOMING"),
        # Words of a quoted title are the title's, not names.
        (
            "The army repaired dikes. (‘Friendship Forged in Blood in Anti-US War’,"
            " KCNA, 21 October 2010)",
            "Blood",
        ),
        # A role abbreviation, an ordinal, a function word alone.
        ("The MP for Leeds spoke on Monday.", "MP"),
        ("They vowed to implement the decisions of the Ninth\n\nMass rallies", "Ninth"),
        ("It is a famous brand. That’s why it sells.", "That"),
    ],
)
def test_common_words_in_capitals_are_no_names(
    text: str, absent: str, triples: Triples
) -> None:
    assert absent not in [name for name, _, _ in triples(text)]


def test_acronyms_in_capitals_stay_names(triples: Triples) -> None:
    found = triples("He asked UNESCO and the UNITED NATIONS for help.")
    assert [name for name, _, _ in found] == ["UNESCO", "UNITED NATIONS"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # A stock market index is a figure, not a body.
        (
            "In New York the Dow Jones Industrial Average fell 2%, while London's"
            " FTSE 100 rose and Tokyo's Nikkei slipped.",
            ["New York", "London", "Tokyo"],
        ),
        (
            "In Hong Kong the Hang Seng index rose while the S&P 500 fell.",
            ["Hong Kong"],
        ),
        # The exchange and the firm of the same name stay.
        (
            "Shares of Apple, listed on the Nasdaq, rose. The Nasdaq fell 1%.",
            ["Apple", "Nasdaq"],
        ),
        ("A report by Dow Jones Newswires was cited.", ["Dow Jones Newswires"]),
        ("Shares rose after Dow Jones said it extended the offer.", ["Dow Jones"]),
    ],
)
def test_market_indices_are_no_names(
    text: str, names: list[str], triples: Triples
) -> None:
    assert [name for name, _, _ in triples(text)] == names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A body's number, an age group and a plan's figures are no models.
        (
            "Units including the Pyongyang Electric Cable General Factory 326 went.",
            "Pyongyang Electric Cable General Factory",
        ),
        ("The team won the FIFA U-17 Women's World Cup in 2024.", "FIFA"),
        (
            "They implemented the Regional Development 20×10 Policy.",
            "Regional Development",
        ),
        # A body's name in quote marks is a name, no title of a work.
        (
            'They rallied before the office of the "People Power Party" on Monday.',
            "People Power Party",
        ),
    ],
)
def test_numbers_and_quotes_that_keep_a_name(
    text: str, name: str, triples: Triples
) -> None:
    assert name in [found for found, _, _ in triples(text)]
