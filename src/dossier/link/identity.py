"""Which link keys name one entity, and why: the pure core of `link.entities`.

Annotate keys each name within its document (`resolve.key_of`); here the keys
of the whole corpus meet. Each key joins another only on evidence, kept with
the link and a confidence:

- `alias`: documents that print a short form (`Jobs`, `Apple`) resolve it to
  one longer name (`Steve Jobs`); where another document prints the short
  form alone, its key joins that name's. `acronym` is the same for a form of
  capitals (`SIA` defined in one text as Singapore Airlines).
- `org suffix`: a company named with a word its name may go without (`Ford
  Motor` after `Company` was dropped, `Apple Computer`) joins the company's
  bare name when the corpus names it as an organisation.
- `romanisation`: two people's names spelt alike once romanisation variants
  are folded (`Kim Chong Il` and `Kim Jong Il`), or, with `fuzzy
  romanisation`, nearly alike (rapidfuzz over blocks of names whose words
  share their first and last letters: `Pak Pong Ju`, `Park Pong Ju`), so
  `Kim Jong Il` and `Kim Jong Un` stay apart.

Within a key, a printed variant is there by `same key`, `pack variant`,
`acronym` (defined in its text) or `alias` (a short form in its document):
see `variant_evidence`.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field

from dossier.annotate.entities.acronyms import letters_of
from dossier.annotate.entities.index import PackIndex, fold, is_acronym
from dossier.annotate.entities.lexicon import COMPANY_WORDS

SAME_KEY = "same key"
PACK_VARIANT = "pack variant"
ALIAS = "alias"
ACRONYM = "acronym"
ORG_SUFFIX = "org suffix"
ROMANISATION = "romanisation"
FUZZY = "fuzzy romanisation"
OVERRIDE = "override"
EVIDENCE = (SAME_KEY, PACK_VARIANT, ALIAS, ACRONYM, ORG_SUFFIX, ROMANISATION, FUZZY)

# An alias joins when at least this share of the documents resolving the short
# form resolve it to one name (`Kim` printed for many people joins none).
ALIAS_SHARE = 0.8
# ... and when those documents print it at least this often for each ten
# times the corpus prints it alone.
ALIAS_SUPPORT = 0.1
# Fuzzy romanisation: rapidfuzz ratio of the folded spellings (0-100). On
# the korea pack's people, 92 joins `Kim Jong Eun`/`Kim Jong Un` (94.7) and
# keeps `Kim Yong Chol`/`Kim Yong Chun` (81.8) apart; `Ri Yong Ho`/`Ri Yong
# Hoi` (94.1) are told apart by their last letters (blocks, below).
FUZZY_CUTOFF = 92.0
# Names shorter than this (spelt, no spaces) are never joined fuzzily: one
# letter is too much of them.
FUZZY_MIN_LETTERS = 8

PERSON, ORG, PLACE = "PERSON", "ORG", "PLACE"

_POSSESSIVE = re.compile(r"['’]s?$")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
# Romanisation variants folded before names are compared: McCune-Reischauer
# and the Revised Romanisation, and English habits (`Chong`/`Jong`,
# `Pak`/`Bak`, `Ri`/`Li`, `Eun`/`Un`, `Seong`/`Song`).
_VARIANTS = (
    ("eu", "u"),
    ("eo", "o"),
    ("oo", "u"),
    ("ee", "i"),
    ("ch", "j"),
    ("k", "g"),
    ("p", "b"),
    ("t", "d"),
    ("r", "l"),
    ("'", ""),
    ("-", ""),
)


@dataclass(frozen=True, slots=True)
class KeyStats:
    """What the corpus says of one link key."""

    key: str
    type: str
    name: str
    mentions: int
    forms: Mapping[str, int] = field(default_factory=dict)
    """`form_key` of each printed text -> mentions printed so."""


@dataclass(frozen=True, slots=True)
class Link:
    """A key's place: the entity (its root key) and the evidence that joined it."""

    key: str
    entity: str
    evidence: str
    confidence: float
    via: str | None  # the key it was joined to; None for an entity's own key


def form_key(printed: str) -> str:
    """A printed name keyed as annotate keys a bare name: no `the`, no
    possessive, an acronym by its letters (`U.S.` -> `us`), else folded."""
    bare = _LEADING_THE.sub("", printed.strip())
    bare = _POSSESSIVE.sub("", bare) or bare
    if " " not in bare and is_acronym(bare):
        return letters_of(bare).lower()
    return fold(bare)


def spelling(key: str) -> str:
    """A person's key with romanisation variants folded: `kim chong il` and
    `kim jong il` both `gim jong il`."""
    words = []
    for word in key.split():
        for old, new in _VARIANTS:
            word = word.replace(old, new)
        words.append(word)
    return " ".join(words)


def variant_evidence(printed: str, key: str, *, listed: bool) -> tuple[str, float]:
    """Why a printed name belongs to its key: `listed` when the pack lists it."""
    if form_key(printed) == key:
        return SAME_KEY, 1.0
    if listed:
        return PACK_VARIANT, 1.0
    if is_acronym(_POSSESSIVE.sub("", printed.strip())):
        return ACRONYM, 0.95
    return ALIAS, 0.9


@dataclass(slots=True)
class _Edges:
    """Proposed joins: key -> (other key, evidence, confidence)."""

    found: dict[str, tuple[str, str, float]] = field(default_factory=dict)

    def add(self, key: str, other: str, evidence: str, confidence: float) -> None:
        held = self.found.get(key)
        if held is None or confidence > held[2]:
            self.found[key] = (other, evidence, round(confidence, 3))


def link_keys(
    stats: Mapping[str, KeyStats],
    *,
    merges: Iterable[tuple[str, str]] = (),
    splits: Iterable[str] = (),
    titles: Collection[str] = (),
) -> dict[str, Link]:
    """Every key's entity and evidence; `merges` and `splits` (keys) are the
    user's overrides, applied after the rules: a split key joins nothing and
    nothing joins it, a merge joins two keys' entities. `titles` (folded
    one-word titles of the pack) are never a company's bare name: a stray
    `General` must not gather General Motors and General Electric."""
    apart = set(splits)
    edges = _Edges()
    _aliases(stats, edges)
    _org_suffixes(stats, edges, frozenset(titles))
    _romanisations(stats, edges)
    parent = {key: key for key in stats}

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    used: list[tuple[str, str, str, float]] = []  # the joins made
    for key, (other, evidence, confidence) in sorted(edges.found.items()):
        if key in apart or other in apart or other not in parent:
            continue
        a, b = root(key), root(other)
        if a != b:
            parent[a] = b
            used.append((key, other, evidence, confidence))
    for a_key, b_key in merges:
        if a_key in parent and b_key in parent and root(a_key) != root(b_key):
            parent[root(a_key)] = root(b_key)
            used.append((a_key, b_key, OVERRIDE, 1.0))
    members: dict[str, list[str]] = defaultdict(list)
    for key in stats:
        members[root(key)].append(key)
    heads = {r: _most_mentioned(keys, stats) for r, keys in members.items()}
    links = {key: Link(key, heads[root(key)], SAME_KEY, 1.0, None) for key in stats}
    # Each key but its entity's own gives the evidence of a join it took part
    # in (every key of an entity took part in one), from the side away from
    # the entity's key where it can.
    for key, other, evidence, confidence in used:
        head = heads[root(key)]
        for one, two in ((key, other), (other, key)):
            if one != head and links[one].via is None:
                links[one] = Link(one, head, evidence, confidence, two)
    return links


def _compatible(short: str, long: str) -> bool:
    """Types a short form may have and still stand for the longer name: the
    same, or ORG (what an untyped name defaults to), never a place for a
    person or the reverse."""
    return short == long or (short == ORG and long != PLACE)


def _aliases(stats: Mapping[str, KeyStats], edges: _Edges) -> None:
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for key, entry in stats.items():
        for form, count in entry.forms.items():
            if form != key and form in stats:
                votes[form][key] += count
    for form, targets in votes.items():
        target, count = targets.most_common(1)[0]
        share = count / sum(targets.values())
        if count < ALIAS_SUPPORT * stats[form].mentions:
            continue  # a few `Apple Records` do not make every `Apple` one
        if share < ALIAS_SHARE or not _compatible(stats[form].type, stats[target].type):
            continue
        kind = ACRONYM if " " not in form and _acronym_form(stats[form]) else ALIAS
        edges.add(form, target, kind, 0.9 * share)


def _acronym_form(entry: KeyStats) -> bool:
    return is_acronym(entry.name)


def _org_suffixes(
    stats: Mapping[str, KeyStats], edges: _Edges, titles: frozenset[str]
) -> None:
    for key, entry in stats.items():
        if entry.type not in (ORG, "PUBLICATION"):
            continue
        words = key.split()
        cut = len(words)
        while cut > 1 and words[cut - 1] in COMPANY_WORDS:
            cut -= 1
            bare = " ".join(words[:cut])
            found = stats.get(bare)
            if found is not None and found.type == ORG and bare not in titles:
                edges.add(key, bare, ORG_SUFFIX, 0.9)
                break


def _romanisations(stats: Mapping[str, KeyStats], edges: _Edges) -> None:
    """People's keys joined on their folded spelling, exactly or by rapidfuzz
    over blocks (the first and last letters of each word)."""
    blocks: dict[tuple[str, ...], list[str]] = defaultdict(list)
    spelt: dict[str, str] = {}
    for key, entry in stats.items():
        if entry.type != PERSON or len(key.split()) < 2:
            continue
        spelt[key] = spelling(key)
        # Every word keeps its first and last letters: `Kim Jong Il` and
        # `Kim Jong Un`, `Ri Yong Ho` and `Ri Yong Hoi` never meet.
        blocks[tuple(w[0] + w[-1] for w in spelt[key].split())].append(key)
    exact: dict[str, list[str]] = defaultdict(list)
    for key, folded in spelt.items():
        exact[folded.replace(" ", "")].append(key)
    for keys in exact.values():
        if len(keys) > 1:
            head = _most_mentioned(keys, stats)
            for key in keys:
                if key != head:
                    edges.add(key, head, ROMANISATION, 0.95)
    _fuzzy(blocks, spelt, stats, edges)


def _fuzzy(
    blocks: Mapping[tuple[str, ...], list[str]],
    spelt: Mapping[str, str],
    stats: Mapping[str, KeyStats],
    edges: _Edges,
) -> None:
    from rapidfuzz import fuzz, process

    for keys in blocks.values():
        if len(keys) < 2:
            continue
        names = [spelt[k].replace(" ", "") for k in keys]
        scores = process.cdist(
            names, names, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, workers=1
        )
        for i, j in zip(*scores.nonzero(), strict=True):
            if i >= j or names[i] == names[j]:
                continue
            a, b = keys[i], keys[j]
            if min(len(names[i]), len(names[j])) < FUZZY_MIN_LETTERS:
                continue
            low, high = sorted((a, b), key=lambda k: (stats[k].mentions, k))
            edges.add(low, high, FUZZY, 0.9 * float(scores[i, j]) / 100)


def _most_mentioned(keys: Iterable[str], stats: Mapping[str, KeyStats]) -> str:
    return max(keys, key=lambda k: (stats[k].mentions, -len(k), k))


def one_word_titles(index: PackIndex) -> frozenset[str]:
    """The pack's titles of one word, folded (`general`, `president`)."""
    return frozenset(
        title[0]
        for titles in index.titles_by_first.values()
        for title in titles
        if len(title) == 1
    )


def collect(rows: Iterable[tuple[str, str, str, str, int]]) -> dict[str, KeyStats]:
    """KeyStats from (key, entity, type, printed text, mentions) rows."""
    names: dict[str, Counter[str]] = defaultdict(Counter)
    types: dict[str, Counter[str]] = defaultdict(Counter)
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for key, entity, type_, text, count in rows:
        names[key][entity] += count
        types[key][type_] += count
        forms[key][form_key(text)] += count
    return {
        key: KeyStats(
            key,
            types[key].most_common(1)[0][0],
            names[key].most_common(1)[0][0],
            sum(names[key].values()),
            dict(forms[key]),
        )
        for key in names
    }
