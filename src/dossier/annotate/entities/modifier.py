"""Whether a name is set before a lower-case noun as its modifier.

`the Virginia elections`, `the U.S. market`, `the Trump administration`: a
name printed before a common noun modifies it (a noun adjunct), and the
article opening the phrase is that noun's, not the name's (issue 18). A verb
after the name (`the Pentagon said`, `the EU reiterated`, `the US says it`)
leaves the article with the name. Without a tagger the word after the name
is read by its form: function words, past forms (`-ed` and the common
irregular ones), adverbs (`-ly`) and contractions (`won't`) are no nouns;
a word ending in `-s` or `-ing` may be a verb (`the US maintains tariffs`,
`the MacBook using both`) and is taken for a noun only where a noun phrase
may end after it: before punctuation, an auxiliary, a preposition, a
relative word or a past form (`the Iowa caucuses,`, `the U.S. states where`,
`the Virginia elections ended`); one in `-ing` only before punctuation or an
auxiliary (`the Party meeting was held`, not `the DPRK developing at`). Any
other word followed by a determiner is a verb taking its object (`the DPRK
boost the coal production`).
"""

from __future__ import annotations

import re

from dossier.annotate.entities.lexicon import is_function_word
from dossier.english import IRREGULAR_PAST, word_set

# The word after the name on its line, and what follows that word.
_NEXT = re.compile(r"[ \t]+([a-z][\w'’-]*)([ \t]*)(\S?[\w'’-]*)")
_POSSESSIVE = re.compile(r"['’]s$")
# Irregular past forms and participles: `the US put`, `the Eagles led`, `the
# Cavern known as` (the common past forms are `english.IRREGULAR_PAST`).
_PAST = IRREGULAR_PAST | word_set(
    """
    said upheld set put cut hit told let shut spread quit beat laid rang sang
    shook swept swung tore woke overtook undertook oversaw bore cast cost hurt
    dug fed fled forgave forgot hung lent lit rode sat slept stuck strove
    underwent known shown grown given taken seen done gone written spoken chosen
    driven broken born borne drawn thrown flown worn sworn torn hidden beaten
    eaten fallen forgotten frozen ridden risen shaken stolen begun sung sunk
    """
)
# Nouns with a verb's or an adverb's ending: `the Kim family`, `the U.S. speed`.
_NOUNS = word_set(
    """
    bed seed feed shed speed breed creed deed weed greed steed family
    assembly rally supply ally monopoly reply anomaly
    """
)
# Particles, compass words and short function words set after a name, no
# noun: `the Lakers up 109-98`, `the West Bank south of Jerusalem`, `the DPRK
# cannot`; and the particles inside names (`the Al Ahd al Watani Party`).
_NOT_NOUNS = word_set(
    """
    up down out off back away due alone together too ago plus versus vs itself
    themselves north south east west northeast northwest southeast southwest
    till unto cannot al el bin ibn de du da di van von der del la le
    """
)
# Words before which a noun phrase ends: auxiliaries, prepositions, relatives.
_AUXILIARIES = word_set(
    """
    is are was were has have had will would can could may might must should
    shall did do does
    """
)
_DETERMINERS = word_set("the a an its their his her our my your this these those")
_PHRASE_ENDS = _AUXILIARIES | word_set(
    """
    of in on at for from with by against over under between among into across
    during after before through where which who whom whose
    """
)


def modifies_noun(text: str, end: int) -> bool:
    """Whether the name ending at `end` modifies the lower-case noun after it."""
    following = _NEXT.match(text, end)
    if following is None:
        return False
    word, gap, after = following.groups()
    if not word.islower():
        return False  # `iPad`: a name of its own
    if _POSSESSIVE.search(word):
        word = word[:-2]  # `the U.S. attorney's office`
    if not _noun_form(word):
        return False
    plural = word.endswith("s") and not word.endswith(("ss", "us", "is"))
    participle = word.endswith("ing")
    if (plural or participle) and word not in _NOUNS:
        # A verb's form too: a noun only where its phrase may end. A participle
        # goes on with a preposition (`the DPRK developing at all levels`).
        if not after or not (after[0].isalnum() or after[0] in "'’\"“("):
            return True
        lowered = after.lower()
        if participle:
            return bool(gap) and lowered in _AUXILIARIES
        return bool(gap) and _ends_phrase(after)
    # A determiner after it opens the word's object: a verb (`the DPRK boost
    # the coal production`, `the Steelers right the ship`).
    return not (gap and after.lower() in _DETERMINERS)


def _noun_form(word: str) -> bool:
    """Whether `word` may be a noun by its form (see the module's note)."""
    if word in _NOUNS:
        return True
    if is_function_word(word) or word in _PAST or word in _NOT_NOUNS:
        return False
    if word.endswith(("n't", "n’t", "'s", "’s", "'ll", "’ll", "'re", "’re")):
        return False
    return not (word.endswith("ed") or (word.endswith("ly") and len(word) > 4))


def _ends_phrase(word: str) -> bool:
    """Whether a noun phrase may end before `word`: an auxiliary, preposition
    or relative, or a past form, the noun's own verb (`the Iowa caucuses
    ended`: a verb ending in `-s` takes no past form after it)."""
    lowered = word.lower()
    return (
        lowered in _PHRASE_ENDS
        or lowered in _PAST
        or (word.islower() and word.endswith("ed") and word not in _NOUNS)
    )
