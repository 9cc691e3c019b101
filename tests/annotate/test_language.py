"""The language of a document, and what is annotated in one not in English."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.annotate import annotate
from dossier.annotate.language import _ASCII_WORD, _WORD, language_of
from dossier.model import Source
from dossier.packs import Pack
from dossier.pipeline import run_source
from tests.properties import examples

SPANISH = (
    "En el año 2010, El presidente de la República, Kim Jong Un, dijo en Pyongyang"
    " que los trabajadores de la empresa no tenían derecho a la huelga, y que el"
    " gobierno iba a tomar medidas para garantizar el orden en las calles de la"
    " capital. El Ministerio de Defensa dijo el lunes que era “una provocación”."
)
ENGLISH = (
    "In 2010 the President of the Republic, Kim Jong Un, said in Pyongyang that"
    " the workers of the company had no right to strike, and that the government"
    " would take measures to ensure order in the streets of the capital. On"
    " Monday the Ministry of Defence said it was “a provocation”."
)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (SPANISH, "es"),
        (ENGLISH, "en"),
        # An English story quoting a Spanish phrase stays English.
        (ENGLISH + " The crowd chanted “el pueblo unido jamás será vencido”.", "en"),
        # Too short to tell: the pack's language.
        ("El Paso", "en"),
    ],
)
def test_language_of(text: str, language: str) -> None:
    assert language_of(text) == language


def test_spanish_story_gets_only_listed_names(pack: Pack) -> None:
    found = annotate(SPANISH, pack=pack, anchor="2010-05-01")
    assert found.language == "es"
    assert [m.text for m in found.mentions] == ["Kim Jong Un", "Pyongyang"]
    assert (found.times, found.quotes, found.figures) == ((), (), ())


def test_english_story_is_read_in_full(pack: Pack) -> None:
    found = annotate(ENGLISH, pack=pack, anchor="2010-05-01")
    assert found.language == "en"
    assert found.times and found.quotes
    assert "Ministry of Defence" in [m.text for m in found.mentions]


def test_spanish_document_is_flagged(pack: Pack) -> None:
    result, failures = run_source(Source("es.txt", 0, SPANISH, "utf-8", "", {}), pack)
    assert not failures
    assert [document.flags for document in result.documents] == [("language-es",)]


@settings(max_examples=examples(300), deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_ascii_words_read_as_any_words(text: str) -> None:
    # The fast class for ASCII openings finds what the Unicode one does.
    lowered = text.lower()
    assert _ASCII_WORD.findall(lowered) == _WORD.findall(lowered)
