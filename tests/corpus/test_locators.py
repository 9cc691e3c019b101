"""Every span's locator, per format, slices its text out of the original file.

Each test builds a dossier from real or generated files, then reads every
annotation, document and removed span back from the file with its locator
alone (tests/corpus/locators.py says how each format is read). HTML's is
test_locators_html.py: a module apart, so the session's two big builds it
and the JSONL test read start on two workers at once (tests/conftest.py).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.corpus.locators import Tally, check_dossier, pdf_bytes
from tests.shared import Shared
from tests.store.conftest import build

pytestmark = [pytest.mark.corpus, pytest.mark.slow]

# Records of kcna-2024 checked in the JSONL test: enough for every kind of
# annotation and escape, in a few seconds.
KCNA_RECORDS = 150


def assert_all_located(tally: Tally, kinds: set[str]) -> None:
    assert tally.wrong == []
    assert {key.split(":")[1] for key in tally.checked} >= kinds
    for key, count in tally.checked.items():
        assert (
            tally.exact[key] + tally.repaired[key] + tally.approximate[key] == count
        ), key


ANNOTATED = {"mentions", "times", "figures", "quotes", "citations", "documents"}


def test_locators_text_seeds_slice_the_decoded_file(seeds_built: Shared) -> None:
    tally = check_dossier(seeds_built.db)  # the session's build, read only
    assert_all_located(tally, ANNOTATED | {"removed"})
    assert not tally.approximate
    # OCR fixes and joined hyphens read as printed, where a repair is recorded.
    assert sum(tally.repaired.values()) < sum(tally.checked.values()) / 20


ESCAPED = [
    {
        "title": "Talks “Held”",
        "date": "2024-05-03",
        "text": 'Pyongyang, May 3 (KCNA) -- Kim Jong Un said: "We will win."\n'
        "The Workers\u2019 Party of Korea was founded on 10 October 1945.\n\n"
        "Nearly three million fighters joined, KCNA said on 4 May 2024.\t-0-",
    },
    {
        "title": "Second",
        "text": "Pyongyang, May 4 (KCNA) -- \u201cThe Korean people\u201d, said "
        'Choe Son Hui, "will never forget the 25th of June 1950."\r\n'
        "(\u2018Day of Struggle\u2019, KCNA, 21 October 2010) \U0001f600 -0-",
    },
]


def test_locators_jsonl_unescape_to_the_text(
    kcna_built: Shared, tmp_path: Path
) -> None:
    # kcna-2024's first records as the session built them (tests/shared.py:
    # a build of their own cost more than slicing them), and the escapes
    # built here.
    tally = check_dossier(kcna_built.db, parts=KCNA_RECORDS)
    folder = tmp_path / "jsonl"
    folder.mkdir()
    escaped = [json.dumps(r, ensure_ascii=n == 0) for n, r in enumerate(ESCAPED)]
    (folder / "escaped.jsonl").write_text(
        "\n".join([escaped[0], "", escaped[1]]) + "\n", encoding="utf-8"
    )
    db = tmp_path / "jsonl.db"
    assert build([folder], db).failures == []
    check_dossier(db, tally=tally)
    assert_all_located(tally, ANNOTATED | {"removed"})
    assert not tally.approximate
    assert sum(tally.repaired.values()) < sum(tally.checked.values()) / 20


PDF_PAGES = [
    [
        "Pyongyang, October 10 (KCNA) -- The Workers’ Party of Korea was founded",
        "on 10 October 1945 by President Kim Il Sung.",
        "Nearly three million fighters (Chinese People’s Volunteers) came in 1950.",
        "“We will never forget the heroes”, Kim Jong Un said on 25 June 2023.",
    ],
    [
        "The Korean People’s Army defended the country for three years, and the",
        "armistice was signed on 27 July 1953 at Panmunjom.",
        "(‘Day of Victory’, KCNA, 21 October 2010)",
        "Some 300,000 people gathered in Kim Il Sung Square in Pyongyang.",
    ],
    [
        "A delegation of the Central Committee of the Party visited Wonsan",
        "on 3 May 2024, the Rodong Sinmun reported.",
    ],
]


def test_locators_pdf_give_page_and_offsets(tmp_path: Path) -> None:
    path = tmp_path / "pages.pdf"
    path.write_bytes(pdf_bytes(PDF_PAGES))
    db = tmp_path / "pdf.db"
    report = build([path], db)
    assert report.failures == []
    tally = check_dossier(db)
    assert_all_located(tally, ANNOTATED)
    assert not tally.approximate
