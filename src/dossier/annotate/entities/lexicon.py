"""English words that start sentences or join names: built in, not pack data."""

from __future__ import annotations

from functools import lru_cache

from dossier import english
from dossier.english import word_set
from dossier.word_frequencies import zipf_at_least

# Closed-class words and sentence openers: capitalised only by position.
FUNCTION_WORDS = word_set(
    """
    a an the this that these those there here it its it's he she they we i you his
    her their our my your him them us me who whom whose which what when where why
    how while whilst as if then than though although because since after before
    until unless so such but and or nor yet for of in on at by to from with without
    within into onto upon over under about above below between among against during
    through throughout across along around behind beyond near despite towards toward
    per via not no yes all any both each every either neither few many much more
    most other some several one two three four five six seven eight nine ten is are
    was were be been being has have had do does did will would shall should can
    could may might must also even still just only already again ever never always
    often soon now today tomorrow yesterday tonight however moreover furthermore
    meanwhile thus hence therefore instead indeed besides otherwise nevertheless
    nonetheless accordingly later earlier last next first second third finally
    firstly secondly lastly once twice let please thank thanks dear according
    following including regarding concerning given among amid overall perhaps maybe
    certainly clearly surely rather quite very well like unlike whether whatever
    whoever whichever wherever whenever yesterday's today's this year's mr mrs ms dr
    """
)

MONTHS = frozenset(m.lower() for m in (*english.MONTHS, *english.MONTH_ABBREVIATIONS))
WEEKDAYS = frozenset(
    d.lower() for d in (*english.WEEKDAYS, *english.WEEKDAY_ABBREVIATIONS)
)

# Compass words and seasons, capitalised as regions or headings, too vague to
# stand alone as a place.
VAGUE = word_set(
    """
    north south east west northeast northwest southeast southwest spring summer
    autumn winter fall
    """
)

# Holidays, currency and time-zone codes: capitalised, never an entity.
NOT_ENTITIES = word_set(
    """
    christmas easter ramadan eid hanukkah diwali thanksgiving halloween usd eur gbp
    jpy cny rmb krw kpw rub chf gmt utc est edt pst pdt cet bst kst jst ist
    """
)

PRONOUNS = word_set(
    """
    i me my mine we us our ours you your yours he him his she her hers it its they
    them their theirs who whom whose which that this these those one everyone
    someone anyone nobody everybody somebody
    """
)

# Lower-case words allowed inside a capitalised name: "Bank of America",
# "Association for the Study of ...", "Defence and Space Company".
CONNECTORS = word_set("of for and the & de du la le von van der del da di y")

# Legal-form suffixes dropped when names are compared (`Boeing Co.`, `Apple
# Inc.`); they also mark the name as an organisation.
CORPORATE_SUFFIXES = word_set(
    """
    inc inc. incorporated corp corp. corporation co co. company ltd ltd. limited plc
    llc l.l.c. n.v. nv s.a. sa ag gmbh holdings group
    """
)

# Trade words firms are named with, after a founder, a place or a rank
# (`Ford Motor`, `Apple Computer`, `General Electric`, `General Dynamics`):
# with the legal forms, what `link.identity` lets a company's name drop, and
# what keeps a rank inside a company's name (`titles.names_a_company`). Not
# `airlines` or `airways`: `Singapore Airlines` is no form of Singapore.
COMPANY_WORDS = CORPORATE_SUFFIXES | word_set(
    """
    motor motors computer computers electric electrics electronics dynamics
    industries industrie industry systems technologies technology instruments
    atomics mills foods chemicals petroleum steel mining aerospace holding
    international
    """
)

# Legal forms printed short: a name ends with them (`Apple Inc. Steve Jobs`).
LEGAL_ABBREVIATIONS = word_set(
    "inc inc. corp corp. co. ltd ltd. plc llc n.v. s.a. ag gmbh"
)

# Abbreviations that keep their final dot inside a name.
ABBREVIATIONS = word_set(
    """
    inc co corp ltd jr sr st mt dr mr mrs ms gen col lt sgt capt gov sen rep prof
    rev no vol
    """
)

_POSITIONAL = FUNCTION_WORDS | MONTHS | WEEKDAYS

# A word rarer than this (Zipf scale, wordfreq) that opens a sentence is taken
# for a name; commoner ones (`Industry`, `Marking`) for an ordinary word. 2.0
# keeps `Gallois` (1.6) and `Lobov` (<1) and drops `Illiteracy` (2.3).
COMMON_WORD_ZIPF = 2.0


@lru_cache(maxsize=65536)
def is_common_word(word: str) -> bool:
    """Whether `word` (any case) is a frequent English word."""
    lowered = word.lower()
    if lowered in _POSITIONAL:
        return True
    return zipf_at_least(lowered, COMMON_WORD_ZIPF)


# An everyday word: `People`, `Workers`, `Children` (all above 4.5), not the
# band or company names that share their plural shape (`Beatles` 3.9).
EVERYDAY_WORD_ZIPF = 4.0


@lru_cache(maxsize=65536)
def is_everyday_word(word: str) -> bool:
    """Whether `word` (any case) is among the commonest English words."""
    return zipf_at_least(word.lower(), EVERYDAY_WORD_ZIPF)


@lru_cache(maxsize=65536)
def is_function_word(word: str) -> bool:
    """A closed-class word, month or weekday (`The`, `However`, `March`)."""
    return word.lower().rstrip(".") in _POSITIONAL


# An ordinary word set in capitals (`FORTHCOMING` 3.75, `WARNING` 4.6) is a
# shouted heading; acronyms that spell no word sit lower (`UNESCO` 3.55,
# `NASDAQ` 3.41, `UNICEF` 3.23), and short ones (`FIFA` 4.2) are left alone.
SHOUTED_WORD_ZIPF = 3.7
SHOUTED_MIN_LETTERS = 4


def is_shouted(word: str, *, min_letters: int = SHOUTED_MIN_LETTERS) -> bool:
    """An everyday English word printed in capitals, not an acronym."""
    return (
        len(word) >= min_letters
        and word.isupper()
        and zipf_at_least(word.lower(), SHOUTED_WORD_ZIPF)
    )
