"""Names the pack lists, found by spaCy PhraseMatchers over the text's name regions.

Every listed form starts with a capital letter, so only runs of words that
start so (and go on with capitalised words or the lower-case words listed
forms use: `of`, `the`, `peninsula`) can hold a match. Of a region met for
the first time, only the words that spell a listed form (`windows`) are
tokenized and matched, joined by line breaks with those of the document's
other new regions.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from dossier.annotate.entities.candidates import PACK, Candidate
from dossier.annotate.entities.index import PERSON, Known, PackIndex, is_acronym
from dossier.annotate.entities.lexicon import is_function_word
from dossier.annotate.entities.literals import literal_pattern
from dossier.annotate.entities.lowercase import LowerWords
from dossier.annotate.entities.shapes import is_sentence_start
from dossier.annotate.entities.windows import Spellings, name_windows_each

# A listed name in a region: its start and end in the region, its text, its
# entity's type and name, and whether it is one token. Matches that cannot
# count wherever the region stands are not kept (see `_match_regions`).
_RegionMatch = tuple[int, int, str, str, str, bool]
# The same in a window of a region (`windows`), without its text.
_WindowMatch = tuple[int, int, str, str, bool]


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Two matchers: exact case for one-word names, any case for longer ones."""

    exact: Any  # spacy.matcher.PhraseMatcher on ORTH
    loose: Any  # spacy.matcher.PhraseMatcher on LOWER
    entities: dict[int, Known]  # match id -> entity
    # Runs of words that may hold a listed name: `first` matches one where it
    # starts, `tails` finds each from its first capital on (`_region_spans`).
    tails: re.Pattern[str]
    first: re.Pattern[str]
    glued_start: re.Pattern[str] | None  # first words of people's names
    # First word -> a pattern matching the longest of its people's forms at a
    # place, and each form's entity.
    people: dict[str, tuple[re.Pattern[str], dict[str, Known]]]
    spellings: Spellings  # the forms without spaces, to find them in a region
    cache: dict[str, list[_RegionMatch]] = field(
        default_factory=dict
    )  # region text -> matches in it (see `find_listed`)
    # Window text -> its exact and its loose matches (see `_match_regions`):
    # regions differ more than the names in them (6,013 to 866 on kcna-2024).
    windows: dict[str, tuple[list[_WindowMatch], list[_WindowMatch]]] = field(
        default_factory=dict
    )


# `(KCNA) --Kim Jong Un`: spaCy keeps `--Kim` whole; blank the dashes (same
# length, so offsets hold) before tokenizing.
_DASH_GLUED = re.compile(r"(?<!\w)[-–—]+(?=[A-Z])")


def _blank(dashes: re.Match[str]) -> str:
    return " " * len(dashes.group())


def build_gazetteer(index: PackIndex, nlp: Any) -> Gazetteer:
    """The matchers for every form `index` lists (see `compiled`)."""
    from spacy.matcher import PhraseMatcher

    exact = PhraseMatcher(nlp.vocab, attr="ORTH")
    loose = PhraseMatcher(nlp.vocab, attr="LOWER")
    entities: dict[int, Known] = {}
    exact_forms: dict[str, set[str]] = {}
    loose_forms: dict[str, set[str]] = {}
    people: dict[str, list[tuple[str, Known]]] = {}
    lower_words: set[str] = set()
    # Each form tokenized once: read for its length here, added below.
    made: dict[str, Any] = {}
    for form, entity in index.forms:
        key = f"{entity.type}|{entity.name}"
        entities[nlp.vocab.strings.add(key)] = entity
        lower_words.update(w for w in form.split() if not any(c.isupper() for c in w))
        doc = made.get(form)
        if doc is None:
            doc = made[form] = nlp.make_doc(form)
        if len(doc) == 1:
            shapes = {form} if is_acronym(form) else {form, form.upper()}
            exact_forms.setdefault(key, set()).update(shapes)
        else:
            loose_forms.setdefault(key, set()).add(form)
        if entity.type == PERSON and " " in form:
            people.setdefault(form.split()[0], []).append((form, entity))
    exact_spelled: set[str] = set()
    loose_spelled: set[str] = set()

    def docs_of(forms: set[str]) -> list[Any]:
        return [made.get(form) or nlp.make_doc(form) for form in sorted(forms)]

    for key, forms in exact_forms.items():
        docs = docs_of(forms)
        exact.add(key, docs)
        exact_spelled.update("".join(t.text for t in d if not t.is_space) for d in docs)
    for key, forms in loose_forms.items():
        docs = docs_of(forms)
        loose.add(key, docs)
        # What the matcher compares: each token's LOWER, spaces left out.
        loose_spelled.update(
            "".join(t.lower_ for t in d if not t.is_space) for d in docs
        )
    spellings = Spellings(
        literal_pattern(exact_spelled), literal_pattern(loose_spelled)
    )
    lower = "|".join(re.escape(w) for w in sorted(lower_words, key=len, reverse=True))
    # A word holding a capital. Possessive, the letters before the first capital
    # are never given back one by one to look for another in a lower-case word:
    # 29 MB/s on kcna-2024 against 18.5 for `\S*[A-Z]\S*`, the same regions.
    capital = r"[^\sA-Z]*+[A-Z]\S*"
    word = rf"(?:{capital}|(?:{lower})(?![\w'’-]))" if lower else capital
    region = rf"{capital}(?:[ \t]+{word})*"
    # A run from the first capital of its first word: opening on a capital,
    # `re` skips ahead to capitals, not to every space (see `_region_spans`).
    tails, first = re.compile(rf"[A-Z]\S*(?:[ \t]+{word})*"), re.compile(region)
    glued_start = None
    if people:
        firsts = "|".join(re.escape(w) for w in sorted(people, key=len, reverse=True))
        glued_start = re.compile(rf"(?:{firsts})(?= )")
    ordered = {word: _longest_first(forms) for word, forms in people.items()}
    return Gazetteer(
        exact, loose, entities, tails, first, glued_start, ordered, spellings
    )


def _longest_first(
    forms: list[tuple[str, Known]],
) -> tuple[re.Pattern[str], dict[str, Known]]:
    """One pattern for a first word's forms, longest first (`re` tries an
    alternation in order, so a match is the longest form printed there: what
    trying each with `str.startswith` gave, at a tenth of the calls), and the
    entity of each form (the first listed, for a form listed twice)."""
    ordered = sorted(forms, key=lambda f: len(f[0]), reverse=True)
    entities: dict[str, Known] = {}
    for form, entity in ordered:
        entities.setdefault(form, entity)
    pattern = "|".join(re.escape(form) for form in entities)
    return re.compile(pattern), entities


# A region's matches, by its text: names recur (`Kim Jong Un`, `DPRK`), and a
# region met before needs no tokenizing. Cleared past this many regions, so
# memory stays flat over a corpus (about 10 MB at the bound).
_REGION_CACHE_SIZE = 100_000


def find_listed(
    text: str,
    gazetteer: Gazetteer,
    nlp: Any,
    lower_words: LowerWords | None = None,
    initials: Mapping[int, bool] | None = None,
) -> list[Candidate]:
    """Candidates for every listed name in `text`; `lower_words` are the text's
    (`lowercase`), shared with other rules of the document, and `initials`
    whether a word opens a sentence (`is_sentence_start`), by its start, where
    another rule has read it (two thirds of kcna-2024's listed names open a
    capitalised run)."""
    spans = _region_spans(text, gazetteer)
    regions = [text[s:e] for s, e in spans]
    cache = gazetteer.cache
    unseen = [r for r in regions if r not in cache]
    if unseen:
        unseen = list(dict.fromkeys(unseen))
    if len(cache) + len(unseen) > _REGION_CACHE_SIZE:
        # Cleared, the regions met before are unseen again.
        cache.clear()
        unseen = list(dict.fromkeys(regions))
    if unseen:
        cache.update(_match_regions(unseen, gazetteer, nlp))
    found: list[Candidate] = []
    if lower_words is None:
        lower_words = LowerWords(text)
    if initials is None:
        initials = {}
    for (region_start, _), region in zip(spans, regions, strict=True):
        for first, last, printed, type_, name, single in cache[region]:
            start = region_start + first
            initial = initials.get(start)
            if initial is None:
                initial = is_sentence_start(text, start)
            if initial and single and _ordinary(printed, lower_words):
                continue  # `Nice weather`, `Turkey is roasted`: not the place
            found.append(
                Candidate(
                    start,
                    region_start + last,
                    printed,
                    type_,
                    name,
                    PACK,
                    None,
                    initial,
                )
            )
    found.extend(_glued(text, gazetteer))
    return found


def _region_spans(text: str, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """Where each run that may hold a listed name starts and ends. A run ends
    on a word, so the white space opening the next one is never inside it."""
    first = gazetteer.first.match(text)
    spans = [first.span()] if first is not None else []
    after = first.end() if first is not None else 0
    # A run opens on a word holding a capital after white space at or past the
    # last run's end. `tails` finds runs from their first capital (`re` skips
    # ahead to capitals: 0.13 CPU s over kcna-2024 against 0.2 opening on each
    # space); the word's start is then found before the capital, most often at
    # it (`(KCNA)`, `“Kim`, `iPod` open a few characters earlier), and the run
    # is the same, since the word's letters before its first capital are no
    # capital. A capital whose word opened before the last run's end opens no
    # run: the scan goes on after that word.
    position = after
    while True:
        for tail in gazetteer.tails.finditer(text, position):
            start = tail.start()
            if start and text[start - 1] != " ":  # most runs follow a space
                while start > 0 and not text[start - 1].isspace():
                    start -= 1
            if start > after:
                after = tail.end()
                spans.append((start, after))
                continue
            position = tail.start()
            while position < len(text) and not text[position].isspace():
                position += 1
            break
        else:
            return spans


def _match_regions(
    regions: list[str], gazetteer: Gazetteer, nlp: Any
) -> dict[str, list[_RegionMatch]]:
    """Matches in each region, offsets relative to it, exact matches before
    loose ones: only the windows that may hold one are read (`windows`), each
    once, those not met before in one tokenizer call."""
    placed: list[tuple[str, int, str]] = []  # region, window start, window
    blanked = [_DASH_GLUED.sub(_blank, region) for region in regions]
    each = name_windows_each(blanked, gazetteer.spellings)
    for region, printed, windows in zip(regions, blanked, each, strict=True):
        for begin, end in windows:
            placed.append((region, begin, printed[begin:end]))
    known = gazetteer.windows
    unseen = list(dict.fromkeys(w for _, _, w in placed if w not in known))
    if len(known) + len(unseen) > _REGION_CACHE_SIZE:
        known.clear()  # emptied at its bound, as the regions' cache is
        unseen = list(dict.fromkeys(w for _, _, w in placed))
    if unseen:
        known.update(_match_windows(unseen, gazetteer, nlp))
    matches: dict[str, list[_RegionMatch]] = {region: [] for region in regions}
    for loose in (False, True):
        for region, offset, window in placed:
            found = matches[region]
            for begin, end, type_, name, single in known[window][loose]:
                begin, end = begin + offset, end + offset
                found.append((begin, end, region[begin:end], type_, name, single))
    return matches


def _match_windows(
    windows: list[str], gazetteer: Gazetteer, nlp: Any
) -> dict[str, tuple[list[_WindowMatch], list[_WindowMatch]]]:
    """Each window's exact and loose matches, offsets into it: one tokenizer
    call over the windows joined by line breaks."""
    starts: list[int] = []
    position = 0
    for window in windows:
        starts.append(position)
        position += len(window) + 1
    matches: dict[str, tuple[list[_WindowMatch], list[_WindowMatch]]] = {
        window: ([], []) for window in windows
    }
    doc = nlp.make_doc("\n".join(windows))
    for matcher, loose in ((gazetteer.exact, False), (gazetteer.loose, True)):
        for match_id, first, last in matcher(doc):
            span = doc[first:last]
            at = bisect.bisect_right(starts, span.start_char) - 1
            window = windows[at]
            begin, end = span.start_char - starts[at], span.end_char - starts[at]
            # A dash blanked before tokenizing opens no token: the first
            # character is the region's own.
            if loose and not window[begin].isupper():
                continue  # `security council`, `the party`: not the name
            entity = gazetteer.entities[match_id]
            matches[window][loose].append(
                (begin, end, entity.type, entity.name, last - first == 1)
            )
    return matches


def _ordinary(word: str, lower_words: LowerWords) -> bool:
    """A one-word name opening a sentence that the text also prints in lower
    case, or a function word: capitalised by position, not a name."""
    if is_acronym(word):
        return False
    return is_function_word(word) or word.lower() in lower_words


def _glued(text: str, gazetteer: Gazetteer) -> list[Candidate]:
    """`ComradeKim Jong Un`, `Kim Jong Unappeared`: names the tokenizer missed."""
    if gazetteer.glued_start is None:
        return []
    found = []
    people = gazetteer.people
    for match in gazetteer.glued_start.finditer(text):
        start = match.start()
        forms, entities = people[match.group()]
        form_match = forms.match(text, start)
        if form_match is None:
            continue
        end = form_match.end()
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if before.islower() or after.isalpha():
            form = form_match.group()
            found.append(Candidate(start, end, form, PERSON, entities[form].name, PACK))
    return found
