"""Sentence splitting: the sentencizer's rule over arrays equals the component."""

from __future__ import annotations

import json
from itertools import islice
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.annotate.sentences import (
    plain_tokens,
    split_sentences,
    tokenized,
    tokenizer,
)
from dossier.model import Sentence
from tests.properties import examples


def by_component(text: str) -> list[Sentence]:
    """What spaCy's own sentencizer gives, line by line, with two changes: the
    punctuation opening the run of the next sentence's first word (`said.
    “Yes`) opens that sentence, where the component leaves it with the one
    before, and marks alone after white space (`. .`) stay with the one before."""
    nlp = tokenizer()
    marks = set(nlp.get_pipe("sentencizer").punct_chars)
    found: list[Sentence] = []
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            doc = nlp(line)
            sents: list[Any] = []
            for sent in doc.sents:  # marks alone after white space close a sentence
                punct = [t for t in sent if not t.is_space]
                if sents and punct and all(t.is_punct for t in punct):
                    sents[-1] = doc[sents[-1].start : punct[-1].i + 1]
                else:
                    sents.append(sent)
            spans = [[sent.start_char, sent.end_char] for sent in sents]
            for n in range(1, len(sents)):
                words = [t for t in sents[n] if not (t.is_space or t.is_punct)]
                if not words:
                    continue
                start = run = words[0].idx
                while run > 0 and not line[run - 1].isspace():
                    run -= 1
                last_mark = max(t.idx for t in sents[n - 1] if t.text in marks)
                if last_mark < run:
                    start = run
                if start != spans[n][0]:
                    spans[n][0] = start
                    spans[n - 1][1] = len(line[:start].rstrip())
            for start, end in spans:
                if line[start:end].strip():
                    found.append(Sentence(offset + start, offset + end))
        offset += len(line) + 1
    return found


def test_sentences_of_a_wire_paragraph() -> None:
    text = (
        'Pyongyang, May 3 (KCNA) -- The U.S. side said "No!" Then it left.\n\n'
        "A second paragraph... with dots. And Mr. Kim (the envoy) spoke."
    )
    got = [text[s.start : s.end] for s in split_sentences(text)]
    assert got == [text[s.start : s.end] for s in by_component(text)]
    assert (
        got[0].startswith("Pyongyang") and got[-1] == "And Mr. Kim (the envoy) spoke."
    )
    assert len(got) == 4


def test_edges_of_paragraphs_agree_with_the_component() -> None:
    for text in [
        "He said so.",
        'He said "so."',
        "He said so.)”",
        " Leading space and no stop",
        "Ends in spaces  ",
        "Ends in a space ",
        "Ends in a newline.\n",
        "Three dots...",
        "U.S. troops left",
        "He left.  Then",
        "He left.\tThen",
        'He said. "Yes," she said.',
        "End.Next word. \xa0And",
        "Mr. Kim came. Dr. Lee left!? Then -- what.",
        "A.\n\nB",
        "x.",
    ]:
        assert split_sentences(text) == by_component(text), text


_PIECES = st.sampled_from(
    [
        "Kim",
        "said",
        "U.S.",
        ".",
        "!",
        "?",
        '"',
        "”",
        ")",
        "(",
        " ",
        "\t",
        "\xa0",
        " \n",
        "Mr.",
        "said.",
        "--",
        "  ",
        "\n",
        "\n\n",
        "...",
        "3.5",
        "etc.",
        "-",
        "‼",
        "।",
        "a",
        "B",
        ",",
        "'",
    ]
)


@settings(max_examples=examples(3000), deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_any_text_splits_as_the_component_does(text: str) -> None:
    assert split_sentences(text) == by_component(text)


def test_kcna_articles_split_as_the_component_does(corpus: Path) -> None:
    path = corpus / "kcna-2024" / "kcna-2024.jsonl"
    with path.open(encoding="utf-8") as handle:
        texts = [json.loads(line).get("text", "") for line in islice(handle, 300)]
    for text in texts:
        assert split_sentences(text) == by_component(text)


@pytest.mark.parametrize(
    ("run", "read"),
    [
        ("said.", True),
        ("Korea.", True),
        ("DPRK.", True),
        ("2025.", True),
        ("Then", True),
        ("left!", True),
        ("why?", True),
        ("etc.", True),
        ("cannot.", False),  # a special case once its stop is cut: `can`, `not`
        ("Mr.", False),  # a special case: one token
        ("a.", False),
        ("Jan.", False),
        ("A.", False),  # no suffix rule cuts a stop after one capital
        ("10km", False),  # a unit after digits is a suffix
        ("U.S.", False),
        ("said.”", False),
        ("naïve.", False),
    ],
)
def test_plain_runs_are_read_without_the_tokenizer(run: str, read: bool) -> None:
    tokens = plain_tokens(run)
    assert (tokens is not None) == read
    if tokens is not None:
        assert tokens == tokenized(run)


# Words of letters and digits with or without a mark, and the tokenizer's
# special cases with or without one (`cannot.`, `Mr..`).
_PLAIN_RUNS = st.tuples(
    st.text(st.sampled_from("abcxyzAMNPZ0129"), min_size=1, max_size=6)
    | st.deferred(lambda: st.sampled_from(sorted(tokenizer().tokenizer.rules))),
    st.sampled_from(["", ".", "!", "?"]),
).map("".join)


@settings(max_examples=examples(3000), deadline=None)
@given(_PLAIN_RUNS)
def test_plain_runs_read_as_the_tokenizer_reads_them(run: str) -> None:
    tokens = plain_tokens(run)
    assert tokens is None or tokens == tokenized(run)


def test_kcna_runs_read_as_the_tokenizer_reads_them(corpus: Path) -> None:
    path = corpus / "kcna-2024" / "kcna-2024.jsonl"
    with path.open(encoding="utf-8") as handle:
        texts = [json.loads(line).get("text", "") for line in islice(handle, 300)]
    runs = {run for text in texts for run in text.split()}
    plain = [run for run in runs if plain_tokens(run) is not None]
    assert len(plain) > len(runs) / 2
    for run in plain:
        assert plain_tokens(run) == tokenized(run), run


def test_the_trimmed_vocabulary_tokenizes_as_a_blank_pipeline(corpus: Path) -> None:
    """The vocabulary made with its getters trimmed before the tokenizer's
    special cases gives the tokens, lower case and punctuation flags of
    `spacy.blank("en")`, special cases (`can't`, `Dr.`, `U.S.`) included."""
    import spacy

    blank = spacy.blank("en")
    nlp = tokenizer()
    path = corpus / "kcna-2024" / "kcna-2024.jsonl"
    with path.open(encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in islice(handle, 40)]
    texts.append("Dr. Kim can't go to the U.S. on Sept. 3 -- he'll stay, doesn't he?")
    for text in texts:
        ours = [(t.text, t.lower_, t.is_punct, t.is_space) for t in nlp.make_doc(text)]
        theirs = [(t.text, t.lower_, t.is_punct, t.is_space) for t in blank(text)]
        assert ours == theirs
    assert nlp.lang == "en"
    assert not {"NORM", "SHAPE", "IS_STOP"} & {
        spacy.attrs.NAMES[attr] for attr in nlp.vocab.lex_attr_getters
    }
