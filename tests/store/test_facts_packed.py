"""The figures' facts packed where they are made (`store.facts`, issue 14
part 5): the writer's `claim_facts` JSON is what `json.dumps` gives of the
facts with the document's id set, and the packed rows come back as made."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.link.derive import document_facts
from dossier.model import DocumentFacts
from dossier.packs import Pack
from dossier.pipeline import run_file
from dossier.settings import Settings
from dossier.store.facts import FactRows, pack_figures, unpack_figures
from tests.properties import examples

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
    others = draw(
        st.dictionaries(_TEXT.filter(lambda k: k != "doc"), _VALUE, max_size=4)
    )
    keys = list(others)
    at = draw(st.integers(0, len(keys)))
    facts = {key: others[key] for key in keys[:at]}
    facts["doc"] = ""
    facts.update((key, others[key]) for key in keys[at:])
    facts.setdefault("span", [draw(st.integers(0, 10**6)), 0])
    for key in ("text", "subject", "unit"):
        facts.setdefault(key, draw(st.none() | _TEXT))
    return facts


@settings(max_examples=examples(60), deadline=None)
@given(st.lists(_facts(), max_size=3), _TEXT)
def test_stored_rows_are_the_facts_made(
    made: list[dict[str, Any]], doc_id: str
) -> None:
    """The writer's `claim_facts` rows from packed facts: the JSON is
    `json.dumps` of the facts made with `doc` set, key for key; the
    columns beside it are the facts' own."""
    packed = pack_figures((n, n + 1, facts) for n, facts in enumerate(made))
    rows = FactRows()
    rows.add(7, doc_id, "2024-01-02", DocumentFacts(figures=packed), first_figure=0)
    stored = list(rows.claims([100 + n for n in range(len(made))]))
    assert len(stored) == len(made)
    for n, (row, facts) in enumerate(zip(stored, made, strict=True)):
        figure = dict(facts, doc=doc_id)
        assert row == (
            7, 100 + n, doc_id, "2024-01-02", facts["span"][0], facts["text"],
            facts["subject"], facts["unit"], n, n + 1, json.dumps(figure),
        )  # fmt: skip


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
                for (chars, at, made), figure in zip(rows, figures, strict=True):
                    assert made["span"] == [figure.start, figure.end]
                    assert (made["text"], made["unit"]) == (figure.text, figure.unit)
                    sentence = document.text[
                        figure.start - at : figure.start - at + chars
                    ]
                    assert made["sentence"] == sentence
                    assert figure.text in sentence
                seen += len(rows)
    assert seen > 20
