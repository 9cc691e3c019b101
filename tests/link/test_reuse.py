"""Text reuse at build: a quotation found inside a long essay, with both spans."""

from __future__ import annotations

import json
import random
import sqlite3
import textwrap
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from dossier.link import reuse
from dossier.link.align import similar
from dossier.link.passages import read_words
from dossier.present.cli.app import app
from dossier.present.cli.build import build_files
from dossier.settings import Settings
from dossier.store import connect
from dossier.store.reuses import direction

runner = CliRunner()

# Wire copy written for these tests in the manner of KCNA stories.
SENTENCES = [
    "Pyongyang, May 3 (KCNA) -- A delegation of the Ministry of Agriculture led by"
    " its vice-minister left here on Friday to study rice farming in the"
    " southern provinces of the country.",
    "During its stay the delegation visited cooperative farms in South Hwanghae"
    " Province, where it looked round fields sown with new strains of rice and"
    " the irrigation canals dug by the farmers last winter.",
    "It also visited the Academy of Agricultural Science, where the officials"
    " exchanged views with scientists on raising yields per hectare and on the"
    " mechanisation of transplanting.",
    "The scientists told the delegation that the “new strains” had withstood"
    " the drought of last summer better than any grown before on the plains.",
    "The delegation is to return home on May 10 after touring fish farms and"
    " orchards along the east coast.",
]
STORY = " ".join(SENTENCES)
QUOTED = SENTENCES[1:4]
VOCABULARY = (
    "archive reader margin ledger column winter harbour letter pamphlet"
    " printer lantern orchard railway bridge council museum teacher"
    " history record debate question answer notebook evening garden river"
    " station chapter window memory village market street theatre"
)


def essay_words(seed: int, count: int) -> str:
    """Prose-shaped filler: sentences of words no wire story uses together."""
    rng = random.Random(seed)
    vocabulary = VOCABULARY.split()
    sentences: list[str] = []
    while sum(len(s.split()) for s in sentences) < count:
        words = [rng.choice(vocabulary) for _ in range(rng.randint(12, 24))]
        sentences.append(" ".join(words).capitalize() + ".")
    return " ".join(sentences)


def quotation() -> str:
    """The three sentences as an essayist re-typed them: straight quotes,
    wrapped at 60 columns, one OCR slip (`Hwanghae` -> `Hwanghac`)."""
    text = " ".join(QUOTED).replace("“", '"').replace("”", '"')
    text = text.replace("Hwanghae", "Hwanghac")
    return textwrap.fill(text, 60)


def essay() -> str:
    """About 2,000 words with the quotation in the middle."""
    return (
        essay_words(1, 1000)
        + '\n\nAs the agency reported at the time:\n\n"'
        + quotation()
        + '"\n\n'
        + essay_words(2, 1000)
    )


def write(folder: Path, name: str, *records: dict[str, Any]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def record(text: str, title: str, date: str | None) -> dict[str, Any]:
    return {"title": title, "date": date, "outlet": "KCNA", "text": text}


def listing(*args: str) -> Any:
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def ids(db: Path) -> dict[str, str]:
    """title -> document id."""
    with closing(sqlite3.connect(db)) as connection:
        return dict(connection.execute("SELECT title, id FROM documents"))


def texts(db: Path) -> dict[str, str]:
    with closing(sqlite3.connect(db)) as connection:
        return dict(connection.execute("SELECT id, text FROM documents"))


def near(span: list[int], expected: tuple[int, int], slack: int = 20) -> bool:
    return abs(span[0] - expected[0]) <= slack and abs(span[1] - expected[1]) <= slack


@pytest.fixture
def built(tmp_path: Path) -> Path:
    db = tmp_path / "d.db"
    text = essay()
    write(
        tmp_path / "in", "wire.jsonl", record(STORY, "Delegation Leaves", "2024-05-03")
    )
    write(tmp_path / "in", "essay.jsonl", record(text, "On Farming", "2024-06-01"))
    build_files([tmp_path / "in"], Settings(db=str(db), annotate=False))
    return db


def test_similar_words_are_equal_or_one_slip_apart() -> None:
    assert similar("hwanghae", "hwanghac")
    assert similar("korea", "kcrea")
    assert not similar("ii", "il")  # too short to tell a slip from a word
    assert not similar("farm", "farmers")


def test_words_keep_their_spans_and_ignore_quote_marks() -> None:
    words = read_words("The “new strains” had withstood")
    assert words.tokens == ["the", "new", "strains", "had", "withstood"]
    assert (int(words.starts[1]), int(words.ends[2])) == (5, 16)


@given(st.text(max_size=200))
def test_every_word_span_holds_its_word(text: str) -> None:
    words = read_words(text)
    assert len(words.shingles) == max(len(words.tokens) - 2, min(len(words.tokens), 1))
    for token, start, end in zip(words.tokens, words.starts, words.ends, strict=True):
        assert text[start:end].lower() == token


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("2024-05-03", "2024-06-01", "a->b"),
        ("2024-06-01", "2024-05-03", "b->a"),
        ("2024-05-03", "2024-05-03", "undirected"),
        ("2024-05", "2024-05-03", "undirected"),
        (None, "2024-05-03", "undirected"),
    ],
)
def test_direction_from_dates(a: str | None, b: str | None, expected: str) -> None:
    assert direction(a, b) == expected


def test_a_three_sentence_quotation_in_a_long_essay_is_found(built: Path) -> None:
    titles = ids(built)
    story, paper = titles["Delegation Leaves"], titles["On Farming"]
    [pair] = listing("reuse", "--db", str(built))
    assert {pair["a"], pair["b"]} == {story, paper}
    if pair["a"] != story:
        pair = listing("reuse", "--db", str(built), "--doc", story)[0]
    assert pair["a"] == story and pair["direction"] == "a->b"
    assert pair["score"] > 0.95
    # Spans into clean texts (the dateline is cut, the essay unwrapped).
    for side, doc in (("a_span", story), ("b_span", paper)):
        clean = texts(built)[doc]
        first, last = clean.index("During its stay"), clean.index("the plains.") + 11
        assert near(pair[side], (first, last)), clean[slice(*pair[side])]


def test_show_marks_the_reused_span_with_the_other_side(built: Path) -> None:
    titles = ids(built)
    story, paper = titles["Delegation Leaves"], titles["On Farming"]
    [mark] = listing("show", paper, "--db", str(built))["reused"]
    [pair] = listing("reuse", "--db", str(built), "--doc", paper)
    assert mark["other"] == story
    assert mark["span"] == pair["a_span"] and mark["other_span"] == pair["b_span"]
    assert mark["direction"] == "b->a"


def test_min_score_and_doc_filter(built: Path) -> None:
    assert listing("reuse", "--db", str(built), "--min-score", "0.99") == []


def test_stories_sharing_only_stock_phrases_are_no_reuse(tmp_path: Path) -> None:
    title = (
        "Kim Jong Un, general secretary of the Workers' Party of Korea and"
        " president of the State Affairs of the Democratic People's Republic of"
        " Korea, "
    )
    one = (
        title
        + "sent a message of greeting to the president of Laos. "
        + (essay_words(3, 200))
    )
    two = (
        title + "received a letter from the president of Cuba. " + (essay_words(4, 200))
    )
    write(tmp_path / "in", "a.jsonl", record(one, "Greetings", "2024-05-03"))
    write(tmp_path / "in", "b.jsonl", record(two, "Letter", "2024-05-04"))
    build_files([tmp_path / "in"], Settings(db=str(tmp_path / "d.db"), annotate=False))
    assert listing("reuse", "--db", str(tmp_path / "d.db")) == []


def test_copies_are_no_reuse_and_new_documents_alone_are_signed(
    tmp_path: Path,
) -> None:
    db = tmp_path / "d.db"
    write(tmp_path / "in", "a.jsonl", record(STORY, "Delegation Leaves", "2024-05-03"))
    write(tmp_path / "in", "b.jsonl", record(STORY, "Farm Study Tour", "2024-05-04"))
    build_files([tmp_path / "in"], Settings(db=str(db), annotate=False))
    assert listing("reuse", "--db", str(db)) == []
    text = essay()
    write(tmp_path / "in", "c.jsonl", record(text, "On Farming", None))
    with closing(sqlite3.connect(db)) as connection:
        before = connection.execute("SELECT doc FROM reuse_signed").fetchall()
    build_files([tmp_path / "in"], Settings(db=str(db), annotate=False))
    with closing(sqlite3.connect(db)) as connection:
        after = connection.execute("SELECT doc FROM reuse_signed").fetchall()
    assert len(after) == len(before) + 1 and set(before) <= set(after)
    # Quoted from the group's earliest text; the essay has no date.
    [pair] = listing("reuse", "--db", str(db))
    assert ids(db)["Delegation Leaves"] in (pair["a"], pair["b"])
    assert pair["direction"] == "undirected"


def test_forgetting_the_quoted_text_hands_its_pairs_to_its_copy(
    tmp_path: Path,
) -> None:
    db = tmp_path / "d.db"
    first = write(
        tmp_path / "in", "a.jsonl", record(STORY, "Delegation Leaves", "2024-05-03")
    )
    write(tmp_path / "in", "b.jsonl", record(STORY, "Farm Study Tour", "2024-05-04"))
    write(tmp_path / "in", "c.jsonl", record(essay(), "On Farming", "2024-06-01"))
    build_files([tmp_path / "in"], Settings(db=str(db), annotate=False))
    titles = ids(db)
    [pair] = listing("reuse", "--db", str(db), "--doc", titles["On Farming"])
    assert pair["b"] == titles["Delegation Leaves"]
    listing("forget", str(first), "--db", str(db))
    [pair] = listing("reuse", "--db", str(db), "--doc", titles["On Farming"])
    assert pair["b"] == titles["Farm Study Tour"] and pair["direction"] == "b->a"


def test_a_batch_another_build_signed_meanwhile_is_not_signed_twice(
    built: Path,
) -> None:
    """Two builds on one database: the second to link finds the batch it read
    already signed, and stores nothing twice."""
    with closing(connect(built)) as connection:
        batch = {
            int(doc): read_words(text)
            for doc, text in connection.execute("SELECT rowid, text FROM documents")
        }
        count = "SELECT count(*) FROM reuses"
        before = connection.execute(count).fetchone()[0]
        reuse._sign_batch(connection, batch, {})
        after = connection.execute(count).fetchone()[0]
    assert after == before == 1
