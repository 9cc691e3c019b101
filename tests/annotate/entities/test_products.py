"""Products' names are no entities; their makers' names are (entities/products.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Triples = Callable[[str], list[tuple[str, str, str]]]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # After a brand printed `iPod`, `iTunes`, the capitalised words go on
        # naming the product, there and anywhere else in the text.
        (
            "Officials in Seoul bought the iPod Nano, then a second Nano.",
            ["Seoul"],
        ),
        ("Songs sold on the iTunes Music Store in Britain.", ["Britain"]),
        # A name only ever set before a word for a kind of product is the
        # product's; a maker named on its own elsewhere stays.
        ("Reuters said it unveils new MacBook Air laptops.", ["Reuters"]),
        (
            "Reuters said Sony Group sold Sony Group laptops in Japan.",
            ["Reuters", "Sony Group", "Sony Group", "Japan"],
        ),
        # A maker's one-word name before its goods stays a name.
        ("Reuters said Toshiba laptops sold well.", ["Reuters", "Toshiba"]),
        ("It runs the Mac OS X operating system, Reuters said.", ["Reuters"]),
        # A body's name, by its head word, before its goods stays.
        (
            "Russian jets shot flares at Swedish Air Force planes.",
            ["Swedish Air Force"],
        ),
        # A function word between is no modifier: the name is not a premodifier.
        ("Sales rose at Sony and jets were ordered.", ["Sony"]),
        # Set beside a version of something, a name is that product's.
        (
            "Reuters said Apple unveiled Lion, the new version of its system.",
            ["Reuters", "Apple"],
        ),
        ("Work on the Joint Strike Fighter program slowed, Reuters said.", ["Reuters"]),
        # A clause after the comma is no apposition.
        (
            "Reuters said that, according to Apple, the update adds features.",
            ["Reuters", "Apple"],
        ),
        # A unit after a number is no name.
        ("It ships with 2 GHz and 16 GB in London.", ["London"]),
    ],
)
def test_product_names_are_dropped(
    text: str, kept: list[str], triples: Triples
) -> None:
    assert [name for name, _, _ in triples(text)] == kept
