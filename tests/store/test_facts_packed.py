"""The figures' facts packed where they are made (`store.facts`, issue 14
part 5): the writer's `claim_facts` JSON is what `json.dumps` gives of the
facts with the document's id set, and the packed rows come back as made."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from dossier.link.derive import document_facts
from dossier.packs import Pack
from dossier.pipeline import run_file
from dossier.settings import Settings
from dossier.store.facts import figure_row, pack_figures, unpack_figures

# Text that JSON escapes, or that looks like the cut itself.
_TEXT = st.text(
    st.sampled_from(['"', "\\", "\n", "\r", "\u2028", "é", "한", " ", "a", ":", "}"])
    | st.characters(),
    max_size=12,
) | st.sampled_from(['"doc": ""', '", "doc": "', "doc"])
_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | _TEXT,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(_TEXT, inner, max_size=3)
    ),
    max_leaves=6,
)


@st.composite
def _facts(draw: st.DrawFn) -> dict[str, Any]:
    """A figure's facts with `doc` at any place among other keys."""
    others = draw(st.dictionaries(_TEXT.filter(lambda k: k != "doc"), _VALUE))
    keys = list(others)
    at = draw(st.integers(0, len(keys)))
    facts = {key: others[key] for key in keys[:at]}
    facts["doc"] = ""
    facts.update((key, others[key]) for key in keys[at:])
    facts.setdefault("span", [draw(st.integers(0, 10**6)), 0])
    for key in ("text", "subject", "unit"):
        facts.setdefault(key, draw(st.none() | _TEXT))
    return facts


@given(_facts(), _TEXT)
def test_figure_row_cut_around_doc_gives_the_facts_json(
    facts: dict[str, Any], doc_id: str
) -> None:
    row = figure_row(facts, sentence_chars=7, sentence_at=3)
    head, tail = row[-2:]
    assert head + json.dumps(doc_id) + tail == json.dumps(dict(facts, doc=doc_id))
    start, text, subject, unit, chars, at = row[:-2]
    assert (start, text, subject, unit) == (
        facts["span"][0],
        facts["text"],
        facts["subject"],
        facts["unit"],
    )
    assert (chars, at) == (7, 3)


@given(st.lists(st.lists(_VALUE, max_size=8), max_size=20))
def test_packed_rows_come_back_as_made(rows: list[list[Any]]) -> None:
    assert list(unpack_figures(pack_figures(iter(rows)))) == rows


def test_no_figures_pack_to_nothing_to_unpack() -> None:
    assert list(unpack_figures(pack_figures(iter([])))) == []
    assert list(unpack_figures(b"")) == []


def test_seed_figures_packed_with_their_documents(corpus: Path, pack: Pack) -> None:
    """Each seed article's packed rows: one per figure, in order, its start,
    text and unit, and its facts' sentence the text around it."""
    seen = 0
    for path in sorted((corpus / "seeds").glob("*.txt")):
        result = run_file(path, pack, Settings())
        for item in result.sources:
            for document in item.documents:
                if document.annotations is None:
                    continue
                facts = document_facts(
                    kind=document.kind,
                    text=document.text,
                    date=document.meta.date,
                    outlet=document.meta.outlet,
                    annotations=document.annotations,
                )
                assert document.facts == facts
                rows = list(unpack_figures(facts.figures))
                figures = document.annotations.figures
                assert len(rows) == len(figures)
                for row, figure in zip(rows, figures, strict=True):
                    start, text, _, unit, chars, at, head, tail = row
                    assert (start, text, unit) == (
                        figure.start,
                        figure.text,
                        figure.unit,
                    )
                    whole = json.loads(head + json.dumps("D") + tail)
                    assert whole["doc"] == "D"
                    assert whole["span"] == [figure.start, figure.end]
                    sentence = document.text[
                        figure.start - at : figure.start - at + chars
                    ]
                    assert whole["sentence"] == sentence
                    assert figure.text in sentence
                seen += len(rows)
    assert seen > 20
