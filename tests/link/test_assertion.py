"""Who asserts a claim, and the outlets it came through."""

from __future__ import annotations

from dossier.link.assertion import DOCUMENT, Named, Spoken, assertion
from dossier.link.language import language_of


def _named(text: str, name: str) -> Named:
    start = text.index(name)
    return Named(start, start + len(name), name)


def test_a_figure_in_the_documents_own_voice_is_the_documents() -> None:
    text = "More than 4 100 houses were flooded in Sinuiju."
    said = assertion(
        5, 15, text=text, sentence=(0, len(text)), outlet="KCNA", quotes=[], outlets=[]
    )
    assert (said.asserted_by, said.via) == (DOCUMENT, ("KCNA",))


def test_a_blog_quoting_kcna_quoting_a_spokesman_keeps_three_layers() -> None:
    text = (
        "KCNA reported the spokesman's words: "
        '"The US deployed 37,000 troops in the south."'
    )
    start = text.index("37,000")
    quote = Spoken(
        text.index("The US"), len(text) - 1, "direct", "spokesman", None, None
    )
    said = assertion(
        start,
        start + 13,
        text=text,
        sentence=(0, len(text)),
        outlet="Proletarian",
        quotes=[quote],
        outlets=[_named(text, "KCNA")],
    )
    assert said.asserted_by == "spokesman"
    assert said.via == ("Proletarian", "KCNA")


def test_an_outlet_the_sentence_cites_asserts_what_no_quote_holds() -> None:
    text = "According to Rodong Sinmun, 300 000 people took part in the rally."
    start = text.index("300 000")
    said = assertion(
        start,
        start + 14,
        text=text,
        sentence=(0, len(text)),
        outlet="KCNA",
        quotes=[],
        outlets=[_named(text, "Rodong Sinmun")],
    )
    assert (said.asserted_by, said.via) == ("Rodong Sinmun", ("KCNA",))


def test_scare_quotes_are_nobodys_speech() -> None:
    text = 'The "10 000 flats" project goes on.'
    quote = Spoken(5, 17, "scare", "someone", None, None)
    said = assertion(
        5,
        17,
        text=text,
        sentence=(0, len(text)),
        outlet=None,
        quotes=[quote],
        outlets=[],
    )
    assert said.asserted_by == DOCUMENT


def test_language_of_tells_english_from_spanish() -> None:
    assert (
        language_of("The houses were flooded and the people of the city fled.") == "en"
    )
    spanish = "El 15 de agosto los soldados del ejército que llegaron con una bandera"
    assert language_of(spanish + " para la ciudad, pero más tarde.") == "es"
    assert language_of("Kim Il Sung") is None
