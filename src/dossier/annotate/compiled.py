"""The compiled pack: everything the finders derive from a pack, built once.

`compile_pack(pack)` gives the pack index, the gazetteer's matchers, the time
rules and their lead words, and the spaCy tokenizer, built on first use in a
process (or worker) and kept by the pack's `digest`. What the finders learn
about recurring strings across documents (a run's segments, a name's key) is
kept on it too (`kept`), so it lives exactly as long as the pack it came from.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

from dossier.annotate.entities.gazetteer import Gazetteer, build_gazetteer
from dossier.annotate.entities.index import PackIndex, build_index
from dossier.annotate.entities.names import index_people
from dossier.annotate.sentences import tokenizer
from dossier.annotate.time.finder import Leads, join_leads
from dossier.annotate.time.patterns import Rule, compile_rules
from dossier.annotate.word_scan import scan_pattern
from dossier.packs import Pack
from dossier.startup import collector_paused

T = TypeVar("T")


@dataclass(frozen=True, slots=True, eq=False)
class Compiled:
    """One pack, compiled for the finders; build with `compile_pack(pack)`."""

    pack: Pack
    index: PackIndex
    nlp: Any  # spaCy's blank English pipeline with the sentencizer
    gazetteer: Gazetteer
    time_rules: tuple[Rule, ...]
    time_leads: Leads
    memo: dict[str, Any] = field(default_factory=dict, repr=False)

    def kept(self, name: str, make: Callable[[], T]) -> T:
        """The value `make` gives, made once per compiled pack and kept on it."""
        if name not in self.memo:
            self.memo[name] = make()
        return cast(T, self.memo[name])


# Packs compiled in this process, by digest. Packs made in code (tests) have
# no digest or share one with the pack they were copied from, so a hit is
# checked against the pack itself: by identity first, which is all a build
# ever needs, then by value.
_COMPILED: dict[str, list[Compiled]] = {}
# Different packs kept per digest; past this the oldest is dropped.
_PER_DIGEST = 4


def compile_pack(pack: Pack) -> Compiled:
    """The compiled form of `pack`, built on first use in this process."""
    kept = _COMPILED.setdefault(pack.digest, [])
    for compiled in kept:
        if compiled.pack is pack:
            return compiled
    for compiled in kept:
        if compiled.pack == pack:
            return compiled
    # What is alive after it (the modules imported, spaCy's vocabulary, the
    # matchers and rules just built) lives as long as the process: built
    # without the collector and frozen out of its generations, each full
    # collection stops walking it (a kcna-2024 build: 9 full collections,
    # 0.68 -> 0.26 CPU s), and workers forked from a warm server do not
    # write to its pages.
    with collector_paused():
        compiled = _compile(pack)
    if len(kept) >= _PER_DIGEST:
        kept.pop(0)
    kept.append(compiled)
    return compiled


def _compile(pack: Pack) -> Compiled:
    index = build_index(pack)
    index = dataclasses.replace(index, people=index_people(index))
    nlp = tokenizer()
    rules = compile_rules(pack.eras)
    # The figure and quote finders' one word scan, compiled here rather than
    # in the first document's figures (`word_scan.scan_pattern` keeps it).
    scan_pattern()
    return Compiled(
        pack=pack,
        index=index,
        nlp=nlp,
        gazetteer=build_gazetteer(index, nlp),
        time_rules=rules,
        time_leads=join_leads(rules),
    )
