"""The one scan that finds where the time rules may match (built per rule set)."""

# Each head opens on known words (`leads`) or on a digit or mark (`patterns._opens`).
# One pattern over the lower-cased text finds both kinds of place at once, opening on
# the character before them; the finder tries a head only where its words or first
# characters stand (`finder._led_matches`).

from __future__ import annotations

import re
from dataclasses import dataclass
from string import ascii_lowercase

from dossier.annotate.time.patterns import Rule
from dossier.annotate.wordtrie import tailed_trie


@dataclass(frozen=True, slots=True)
class Leads:
    """Where the rules that open on known words or characters are tried."""

    # Over the lower-cased text with a space before it, each place a lead word
    # opens a word, with the character before it (a class `re` skips ahead to,
    # where a `\b` has it try every character: 24 -> 31 MB/s on kcna-2024;
    # ASCII ranges rather than `\w`, checked faster: 37 MB/s, letting a word
    # after a non-ASCII letter through, which `_starts_word` refuses as it does
    # every match's). The match ends where the word does; a match of the one
    # character before is a place where an opener's character opens a word.
    # Whole and start words in one trie: the lead-word scan of kcna-2024
    # 0.104 -> 0.086 CPU s (load 7.9). A look-ahead for the words' first
    # letters before the trie only repeated the trie's first test: without
    # it, 892 -> 838 M instructions for that scan (callgrind, timespeed8).
    scan: re.Pattern[str]
    # A whole run -> the rules it may open (as a whole word or by its start),
    # in order, each tried in turn. A pattern joining the heads of a word's
    # rules, tried first, spared no time: `re` tries the alternatives of a
    # union one by one as it tries the heads, and compiling the 13 unions met
    # in wire_3_months took 0.13 CPU s a process (of the finder's cold 1.25);
    # warm passes alternated in one process, load 4-5: 1.111 with the unions,
    # 1.038 without (wire_3_months), 0.580 and 0.547 (kcna-2024).
    whole: dict[str, tuple[int, ...]]
    start: dict[str, tuple[int, ...]]  # the start of a run -> rules it opens
    lengths: tuple[int, ...]  # the lengths of the `start` words, shortest first
    # A word both whole and the start of a run ("midnight", "midnightgmt"):
    # what must follow it for it to be whole.
    both: dict[str, re.Pattern[str]]
    # Heads with no lead words that open on a digit (`1950`, `’07`, `3 p.m.`),
    # tried only where one of their first characters opens a word: kcna-2024
    # has about 8,000 such places in 3.2 MB, where each head's own scan read
    # the whole text.
    openers: tuple[int, ...]
    # Their characters as one class, when `scan` holds them (they are ASCII);
    # the lower-case letters among them, which may open a lead word too.
    merged: bool
    opener_letters: frozenset[str]
    # Their own scan of the text, for texts whose lower-casing moves offsets
    # (and the rule sets whose classes are not ASCII): the class, then no word
    # character before it (`\w` and any one).
    opens: re.Pattern[str] | None
    # Each opener's class, and a character found -> the openers whose class
    # holds it (filled as characters are met: `\d` holds hundreds): a `J`
    # opens only the era-year heads, and J-words were half the 7,941 places
    # of kcna-2024, each tried with all eight heads.
    classes: tuple[re.Pattern[str], ...]
    routes: dict[str, tuple[int, ...]]
    # Each rule -> the first rule of its head (the same pattern, numeric or
    # not): several rules share a head, whose matches are found once.
    heads: tuple[int, ...]
    # Each head (its first rule) -> the rules sharing it, in order; and the
    # heads with neither lead words nor opening characters, scanned whole.
    # The finder walks the heads that matched rather than all rules (38 a
    # document for the korea pack, most with no match).
    sharing: dict[int, tuple[int, ...]]
    scanned: tuple[int, ...]

    def route(self, char: str) -> tuple[int, ...]:
        """The openers whose matches may open with `char`."""
        indexes = self.routes.get(char)
        if indexes is None:
            indexes = self.routes[char] = tuple(
                index
                for index, opens in zip(self.openers, self.classes, strict=True)
                if opens.match(char)
            )
        return indexes


def join_leads(rules: tuple[Rule, ...]) -> Leads:
    """The lead words of `rules`, joined once per rule set (see `compiled`)."""
    whole: dict[str, list[int]] = {}
    start: dict[str, list[int]] = {}
    seen: set[tuple[str, bool]] = set()
    for index, rule in enumerate(rules):
        key = (rule.pattern.pattern, rule.numeric)
        if key in seen or rule.leads is None:
            continue  # found once for the first rule of that head (see `_hits`)
        seen.add(key)
        for word in rule.leads.whole:
            whole.setdefault(word, []).append(index)
        for word in rule.leads.start:
            start.setdefault(word, []).append(index)
    opened = {
        word: sorted(
            {
                *indexes,
                *(i for s, found in start.items() if word.startswith(s) for i in found),
            }
        )
        for word, indexes in whole.items()
    }
    followed = _followed(rules, opened, set(start))
    tails = {
        word: rf"(?=\s+(?:{'|'.join(sorted(followed[word]))}))"
        if word in followed
        else "(?![a-z])"
        for word in whole
    }
    both = {word: re.compile(tails[word]) for word in set(whole) & set(start)}
    # A start word's tail is empty; a word both whole and a start tries its
    # whole tail first (the finder reads which held from `both`).
    tails.update({word: f"(?:{tails[word]}|)" for word in both})
    tails.update({word: "" for word in set(start) - set(whole)})
    scan = tailed_trie(tails) if tails else "(?!)"
    openers, classes = _openers(rules)
    # The scan reads the lower-cased text: a class it holds may have ASCII
    # letters (lower-cased with it) and no other cased character.
    merged = all(
        char.isascii() or char.lower() == char == char.upper()
        for opens in classes
        for char in opens
    )
    if openers and merged:
        # Lower-cased, as the text the scan reads.
        scan += f"|(?=[{''.join(c[1:-1] for c in classes).lower()}])"
    compiled = tuple(re.compile(c) for c in classes)
    heads = _heads(rules)
    sharing: dict[int, list[int]] = {}
    for index, head in enumerate(heads):
        sharing.setdefault(head, []).append(index)
    return Leads(
        re.compile(rf"[^a-z0-9_](?:{scan})"),
        {word: tuple(indexes) for word, indexes in opened.items()},
        {word: tuple(indexes) for word, indexes in start.items()},
        tuple(sorted({len(word) for word in start})),
        both,
        openers,
        merged and bool(openers),
        frozenset(
            letter
            for letter in ascii_lowercase
            if merged
            and any(c.match(letter) or c.match(letter.upper()) for c in compiled)
        ),
        re.compile(rf"[{''.join(c[1:-1] for c in classes)}](?<!\w.)")
        if openers
        else None,
        compiled,
        {},
        heads,
        {head: tuple(indexes) for head, indexes in sharing.items()},
        tuple(
            key for key in sharing if rules[key].leads is None and key not in openers
        ),
    )


def _heads(rules: tuple[Rule, ...]) -> tuple[int, ...]:
    first: dict[tuple[str, bool], int] = {}
    return tuple(
        first.setdefault((rule.pattern.pattern, rule.numeric), index)
        for index, rule in enumerate(rules)
    )


def _followed(
    rules: tuple[Rule, ...], opened: dict[str, list[int]], starts: set[str]
) -> dict[str, set[str]]:
    """The whole lead words whose heads all go on from them with white space
    and a word of known opening (`leads.Leads.after`): the scan finds those
    only before such a word. `the` opens five heads and stands 58,219 times
    in kcna-2024, 454 of them where one matches; before a digit or `day`,
    `dis`, `fut`, `new`, `pas`, `pre`, `wee`... 3,505 times (the lead-word
    hits: 76,277 -> 21,122). A word opening one head is read so too: `as`,
    `at`, `more`, `not`, `international`, `one` stood 9,000 times where their
    head never matched (hits 21,122 -> 11,592). A word a start word opens too
    is tried wherever it stands (the scan would find it as that start word)."""
    followed: dict[str, set[str]] = {}
    # Each rule's table read once, not once per word it opens with.
    afters = [dict(rule.leads.after) if rule.leads else {} for rule in rules]
    for word, indexes in opened.items():
        if any(word.startswith(s) for s in starts):
            continue
        openings: set[str] = set()
        for index in indexes:
            after = afters[index]
            if word not in after:
                break
            openings |= after[word]
        else:
            followed[word] = openings
    return followed


def _openers(rules: tuple[Rule, ...]) -> tuple[tuple[int, ...], list[str]]:
    """The rules opening on a digit (`Rule.opens`), once per head pattern, and
    the classes of the characters their matches open with."""
    openers: list[int] = []
    classes: list[str] = []
    seen: set[tuple[str, bool]] = set()
    for index, rule in enumerate(rules):
        key = (rule.pattern.pattern, rule.numeric)
        if rule.opens is None or key in seen:
            continue
        seen.add(key)
        openers.append(index)
        classes.append(rule.opens)
    return tuple(openers), classes
