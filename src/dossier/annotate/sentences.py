"""The one sentence split: spaCy's tokenizer and the sentencizer's rule, per line."""

# The rule is spaCy's `sentencizer`, with a line break always ending a sentence: a
# sentence ends at a token that is one of its punctuation characters, and the next one
# starts at the first token after it that is neither punctuation nor such a character
# in the same run, else at the first run after white space that holds a word, its
# opening quote mark or bracket included (`said. “Yes`: the component leaves the mark
# with the sentence before, and the quote finder then read `Yes` as the subject).
# Every finder reads this split (`reading.Reading.bounds`) and it is the one stored.
# Running the component tokenizes every word and walks Python `Token`s (6 MB/s);
# here the rule reads only the tokens around each such character (see `_split`):
# 50 MB/s on kcna-2024. `tests/annotate/test_sentences.py` checks the result against
# the component.

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from dossier.annotate.failures import Failures, strict_or
from dossier.annotate.memo import remembered
from dossier.model import Sentence


@lru_cache(maxsize=1)
def tokenizer() -> Any:
    """A blank English pipeline with the sentencizer; built once per process.

    Its words are read by their text, lower case (the gazetteer's matchers)
    and character classes (the sentence rule's `is_punct`), so a new word's
    lexeme is made without the costlier attributes nothing here reads (norm,
    shape, prefix, suffix, stop word, `like_num`, `like_url`, `like_email`):
    made for each of kcna-2024's 18,820 distinct words, 0.12-0.19 CPU s
    against 0.37-0.44 with them; the finders' first pass makes some 10,000.
    """
    from spacy import attrs
    from spacy.lang.en import English

    # The class `spacy.blank("en")` looks up by name, made directly: the same
    # tokenizer from the same default config, without `from_config` filling
    # and validating the whole config first (0.17-0.21 CPU s against
    # 0.20-0.25, three alternated rounds at load 7).
    nlp = English()
    nlp.add_pipe("sentencizer")
    unread = {
        attrs.NORM, attrs.SHAPE, attrs.PREFIX, attrs.SUFFIX, attrs.IS_STOP,
        attrs.LIKE_NUM, attrs.LIKE_URL, attrs.LIKE_EMAIL, attrs.LANG,
    }  # fmt: skip
    vocab: Any = nlp.vocab  # `lex_attr_getters` is public, but not in spaCy's stubs
    getters = vocab.lex_attr_getters
    vocab.lex_attr_getters = {k: v for k, v in getters.items() if k not in unread}
    return nlp


@lru_cache(maxsize=1)
def _rule() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str], frozenset[str]]:
    """Searches for the sentencizer's marks (ASCII ones only, and all), the
    marks, and those outside ASCII."""
    chars = frozenset(tokenizer().get_pipe("sentencizer").punct_chars)
    ascii_marks = "".join(re.escape(c) for c in sorted(chars) if c.isascii())
    found = "".join(re.escape(c) for c in sorted(chars))
    others = frozenset(c for c in chars if not c.isascii())
    return re.compile(f"[{ascii_marks}]"), re.compile(f"[{found}]"), chars, others


def _marks(paragraph: str) -> Iterator[re.Match[str]]:
    """The marks of a paragraph. The class of all 128 marks scans at 22 MB/s,
    the ASCII ones at 350: most texts hold none of the others."""
    ascii_only, every, _, others = _rule()
    if paragraph.isascii() or others.isdisjoint(paragraph):
        return ascii_only.finditer(paragraph)
    return every.finditer(paragraph)


def split_sentences(text: str, *, failures: Failures | None = None) -> list[Sentence]:
    """Sentences as spans of `text`; a line break always ends a sentence (after
    cleaning, lines are headlines, datelines, list items or paragraphs).

    A paragraph the rule trips on is left out and noted in `failures` (raised
    when None).
    """
    failures = strict_or(failures, text)
    sentences: list[Sentence] = []
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            spans = failures.attempt(
                "sentences", offset, offset + len(line), _split, line
            )
            sentences.extend(
                Sentence(offset + start, offset + end)
                for start, end in spans or ()
                if line[start:end].strip()
            )
        offset += len(line) + 1
    return sentences


# spaCy's tokenizer cuts a text at white space first and tokenizes each run of other
# characters on its own; white space is no token but for one space after a run, and
# any other white space is a token of its own. So only the runs around a sentence
# mark need tokenizing: the mark's run, to see whether the mark is a token by itself
# (`said.`) or inside one (`U.S.`), and the runs after it up to the first token that
# opens the next sentence. Runs recur (`said.`, `KCNA.`), so their tokens are kept.
_MARK, _PUNCT, _OTHER = 0, 1, 2
_Token = tuple[int, int, int]  # start and end in the run, kind
# A run's tokens and what the rule reads of them, both per run: read as a mark's
# run from its start (whether a mark token closes a sentence in it, where the
# closing ends, where the next sentence opens in it or -1) and as a run after
# white space (where a sentence still open ends in it or -1, where the next opens
# in it or -1). The rule then reads no token of a run met before (20,170 marks in
# wire_3_months, 4,036 different runs), but where it goes on reading inside a run.
_Run = tuple[tuple[_Token, ...], tuple[bool, int, int], tuple[int, int]]
_RUN_CACHE_SIZE = 50_000
_runs: dict[str, _Run] = {}


def _run_read(run: str) -> _Run:
    return remembered(_runs, run, _RUN_CACHE_SIZE, _read, run)


def _marks_read(tokens: tuple[_Token, ...], first: int = 0) -> tuple[bool, int, int]:
    """Reading a run's tokens from offset `first`: whether a mark was met,
    where the marks and punctuation after it end, and where the next word
    opens after a mark (-1: none in the run)."""
    seen, last_end, opened = False, 0, -1
    for start, end, kind in tokens:
        if start < first:
            continue
        if kind == _MARK:
            seen, last_end = True, end
        elif kind == _PUNCT:
            last_end = end
        elif seen:
            opened = start
            break
    return seen, last_end, opened


def _read(run: str) -> _Run:
    tokens = _tokens(run)
    seen, last_end, opened = _marks_read(tokens)
    words = [n for n, token in enumerate(tokens) if token[2] == _OTHER]
    if not words:
        after = (tokens[-1][1], -1)
    elif any(kind == _MARK for _, _, kind in tokens[: words[0]]):
        # `. !Kim`: the marks still close the sentence before
        after = (tokens[words[0] - 1][1], tokens[words[0]][0])
    else:
        after = (-1, 0)
    return tokens, (seen, last_end, opened), after


def _tokens(run: str) -> tuple[_Token, ...]:
    plain = plain_tokens(run)
    return plain if plain is not None else tokenized(run)


def tokenized(run: str) -> tuple[_Token, ...]:
    """The tokens spaCy's tokenizer makes of `run`: (start, end, kind)."""
    marks = _rule()[2]
    return tuple(
        (
            token.idx,
            token.idx + len(token.text),
            _MARK if token.text in marks else _PUNCT if token.is_punct else _OTHER,
        )
        for token in tokenizer().make_doc(run)
    )


# Most runs the rule reads are a word of ASCII letters or digits, alone or with one
# mark after it (`said.`, `Korea.`, `2025.`, `The`): 3,581 of the 4,036 runs
# tokenized over wire_3_months. Tokenizing a new one makes its lexemes and a `Doc`
# (50-57 microseconds a run; reading it cold took 0.84 CPU s, 0.53 so, load 1), where
# the tokenizer's own affix searches and special cases, asked of the run as its
# `_split_affixes` and `_attach_tokens` would ask them, give the same tokens.
_PLAIN = re.compile(r"([A-Za-z0-9]+)([.!?]?)")


@lru_cache(maxsize=1)
def _special_cases() -> frozenset[str]:
    return frozenset(tokenizer().tokenizer.rules)


def plain_tokens(run: str) -> tuple[_Token, ...] | None:
    """The tokens of a plain run (a word, then at most one mark) as spaCy's
    tokenizer makes them, or None when the run is not plain or one of its
    rules (a special case, a prefix, an infix, another suffix) could apply."""
    plain = _PLAIN.fullmatch(run)
    if plain is None:
        return None
    word, mark = plain.groups()
    rules: Any = tokenizer().tokenizer
    specials = _special_cases()
    if (
        rules.token_match is not None
        or None in (rules.prefix_search, rules.suffix_search, rules.infix_finditer)
        or run in specials
        or word in specials
        or mark in specials
        or (mark and mark not in _rule()[2])
        or rules.prefix_search(run) is not None
        or rules.prefix_search(word) is not None
        or rules.suffix_search(word) is not None
    ):
        return None
    if mark:
        suffix = rules.suffix_search(run)
        if suffix is None or suffix.start() != len(word):
            return None
    url = rules.url_match is not None and rules.url_match(word) is not None
    if not url and next(iter(rules.infix_finditer(word)), None) is not None:
        return None
    if mark:
        return ((0, len(word), _OTHER), (len(word), len(run), _MARK))
    return ((0, len(word), _OTHER),)


def _split(paragraph: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of one paragraph: a sentence ends at a mark
    token and the marks and punctuation after it, and the next opens at the
    first other token in the mark's run, else at the start of the first run
    after white space that holds a word (`said. “Yes`: at the quote mark)."""
    starts: list[int] = [0]
    ends: list[int] = []
    position = 0  # every token starting before this has been read
    for mark in _marks(paragraph):
        if mark.start() < position:
            continue
        run_start = mark.start()
        while run_start > 0 and not paragraph[run_start - 1].isspace():
            run_start -= 1
        space = _SPACE.search(paragraph, run_start)
        run_end = space.start() if space is not None else len(paragraph)
        tokens, (seen, last_end, opened), _ = _run_read(paragraph[run_start:run_end])
        if run_start < position:  # read on from inside the run (`End.Next. Word`)
            seen, last_end, opened = _marks_read(tokens, position - run_start)
        last_end += run_start
        if opened >= 0:
            opened += run_start
        while seen and opened < 0:
            # Runs after white space: the first that holds a word opens the
            # next sentence, its opening quote mark or bracket included; runs
            # of marks and punctuation alone (`. …”`) close this one.
            if space is None or space.end() == len(paragraph):
                return [*zip(starts, [*ends, last_end], strict=True)]
            run_start = space.end()
            space = _SPACE.search(paragraph, run_start)
            run_end = space.start() if space is not None else len(paragraph)
            closed, opens = _run_read(paragraph[run_start:run_end])[2]
            if closed >= 0:
                last_end = run_start + closed
            if opens >= 0:
                opened = run_start + opens
        if opened < 0:
            position = run_end
            continue
        starts.append(opened)
        ends.append(last_end)
        position = opened
    return list(zip(starts, [*ends, _last_end(paragraph)], strict=True))


_SPACE = re.compile(r"\s+")


def _last_end(paragraph: str) -> int:
    """The end of the last token: one space after the last run is no token."""
    single = (
        paragraph.endswith(" ") and len(paragraph) > 1 and not paragraph[-2].isspace()
    )
    return len(paragraph) - single
