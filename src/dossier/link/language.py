"""The language a document is written in, from its commonest short words.

Claims are compared within one language only: a number in a Spanish story
("15 de agosto", "3 mil") is read by English rules and means something else.
"""

from __future__ import annotations

import re
from collections import Counter

from dossier.english import word_set

# Short words frequent in running text of each language and rare in the
# others' (shared forms such as "a", "de", "la", "en" are left out or kept in
# one list only, so one shared word does not decide).
_STOP_WORDS = {
    "en": word_set("the and of to is was were that with for which have has this"),
    "es": word_set("el los las del que por con una para como pero más fue sus"),
    "fr": word_set("le les des est une pour dans que qui sur avec pas été aux"),
    "de": word_set("der die das und ist nicht mit von für auf dem den eine sich"),
    "pt": word_set("os das dos não uma para com que foi pelo pela são mais"),
    "it": word_set("il della che per una sono gli nel alla non con delle"),
}
# Each stop word's languages: one look-up a word instead of one a language
# (the claims query reads the language of every document it lists).
_LANGUAGES_OF: dict[str, tuple[str, ...]] = {}
for _language, _words in _STOP_WORDS.items():
    for _word in _words:
        _LANGUAGES_OF[_word] = (*_LANGUAGES_OF.get(_word, ()), _language)
_WORD = re.compile(r"[^\W\d_]+")
# Words read from the start of a text: enough to tell, cheap for long texts.
_SAMPLE = 3000
# Fewer stop words than this: too little text to say (a two-line wire
# story in English holds two or three).
_MIN_HITS = 2


def language_of(text: str) -> str | None:
    """ISO 639-1 code of the language `text` is in, or None when too short to tell."""
    counts = dict.fromkeys(_STOP_WORDS, 0)
    for word, times in Counter(_WORD.findall(text[:_SAMPLE].lower())).items():
        for language in _LANGUAGES_OF.get(word, ()):
            counts[language] += times
    best = max(counts, key=lambda language: counts[language])
    return best if counts[best] >= _MIN_HITS else None
