"""The language a document is written in, by its commonest function words.

An English archive holds the odd story in Spanish or French (issue 18: `En`
and `El` read as names). Function words settle it cheaply: each language's
commonest ones make up a third or more of running text in that language and
rarely occur in another's. Rules written for English are not run on the rest;
`annotate` keeps only what the pack lists by name.
"""

from __future__ import annotations

import re

from dossier.english import word_set

ENGLISH = "en"
# The commonest words that are not words of English too (`a`, `de` in names
# and `la` in `La Paz` are left out where they would muddle English text).
_FUNCTION_WORDS = {
    "en": word_set(
        "the of and to in is that for it was with as on be by this are from"
        " have has had not but which were their its they would been will"
    ),
    "es": word_set(
        "el los las del que y en por con para una uno es se su sus al lo como"
        " más pero fue este esta entre sobre también ha han muy sin"
    ),
    "fr": word_set(
        "le les des du et est une un dans pour que qui sur au aux pas par ce"
        " cette sont avec il elle ont été plus mais"
    ),
    "de": word_set(
        "der die das und ist nicht ein eine mit von den dem zu auf für sich des"
        " im auch es wurde sind bei nach wird"
    ),
    "pt": word_set(
        "o os as do da dos das e em um uma para com não por que se mais foi"
        " pelo pela ao são está"
    ),
}


def _languages_of() -> dict[str, tuple[str, ...]]:
    """Each function word and the languages it belongs to: one lookup a word
    (11 MB/s on kcna-2024: about 2% of the time annotate takes)."""
    found: dict[str, tuple[str, ...]] = {}
    for language, words in _FUNCTION_WORDS.items():
        for word in words:
            found[word] = (*found.get(word, ()), language)
    return found


_LANGUAGES_OF = _languages_of()
_WORD = re.compile(r"[^\W\d_]+")
# The same words in lower-cased ASCII text (most documents' openings), where a
# plain class scans 1.6 times faster: 0.07 CPU s over kcna-2024 against 0.11.
_ASCII_WORD = re.compile(r"[a-z]+")
# Enough words to tell; a text this short stays in the pack's language.
MIN_WORDS = 30
# Words read: the opening of a document tells its language (300 words hold
# about 100 function words in any of these languages); read as characters,
# this many per word.
SAMPLE_WORDS = 300
_SAMPLE_CHARS = 8 * SAMPLE_WORDS
# Another language wins only by this margin over English, so English quoting
# a Spanish phrase or two stays English.
MARGIN = 2.0


def language_of(text: str, default: str = ENGLISH) -> str:
    """`en`, `es`, `fr`, `de` or `pt`: the language whose function words the
    text uses most, `default` when it is too short to tell or English holds."""
    sample = text[:_SAMPLE_CHARS].lower()
    words = (_ASCII_WORD if sample.isascii() else _WORD).findall(sample)[:SAMPLE_WORDS]
    if len(words) < MIN_WORDS:
        return default
    counts = dict.fromkeys(_FUNCTION_WORDS, 0)
    for word in words:
        for language in _LANGUAGES_OF.get(word, ()):
            counts[language] += 1
    english = counts[ENGLISH]
    best, most = max(counts.items(), key=lambda item: item[1], default=(default, 0))
    if best == ENGLISH or most < MARGIN * english or most < 0.15 * len(words):
        return default
    return best
