"""Finding and reading files: one-line reasons for every file that cannot go in."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from dossier.errors import InputError
from dossier.packs import Pack
from dossier.pipeline import run_file
from dossier.read.files import Found, read_bytes, read_file, walk
from dossier.settings import Settings
from tests.read.samples import SENTENCE, text_pdf, write_bad_files


@pytest.fixture
def bad_folder(tmp_path: Path) -> tuple[Path, dict[str, str | None]]:
    folder = tmp_path / "bad"
    return folder, write_bad_files(folder)


def test_run_file_gives_each_bad_file_one_line_reason(
    bad_folder: tuple[Path, dict[str, str | None]], pack: Pack
) -> None:
    folder, expected = bad_folder
    for name, reason in expected.items():
        result = run_file(folder / name, pack, Settings())
        if reason is None:
            assert result.failures == (), name
            assert result.sources, name
            continue
        (failure,) = result.failures
        assert failure.stage == "read", name
        assert failure.reason.startswith(reason), (name, failure.reason)
        assert "\n" not in failure.reason
        assert result.sources == ()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("utf16-bom.txt", SENTENCE),
        ("utf8-bom.txt", SENTENCE),
        ("cp1252.txt", "The café owner said “Très bien” – and the crème brûlée"),
        ("invalid-utf8.txt", "“Quoted” — said the café owner."),
    ],
)
def test_run_file_reads_odd_encodings_as_text(
    bad_folder: tuple[Path, dict[str, str | None]],
    pack: Pack,
    name: str,
    expected: str,
) -> None:
    folder, _ = bad_folder
    result = run_file(folder / name, pack, Settings())
    (item,) = result.sources
    assert expected in item.documents[0].text
    assert "\ufeff" not in item.documents[0].text
    assert "\ufffd" not in item.documents[0].text  # cleaning drops the damage


def test_read_bytes_refuses_a_named_pipe_instead_of_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    outcome: list[str] = []

    def attempt() -> None:
        try:
            read_bytes(fifo, max_bytes=1_000_000)
        except InputError as err:
            outcome.append(str(err))

    reader = threading.Thread(target=attempt, daemon=True)
    reader.start()
    reader.join(timeout=5)
    assert not reader.is_alive(), "reading a FIFO blocked"
    assert outcome == ["not a regular file (named pipe)"]


def test_read_bytes_refuses_a_file_over_the_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"a sentence of text. " * 100_000)  # 2 MB
    with pytest.raises(InputError) as caught:
        read_bytes(big, max_bytes=1_000_000)
    assert str(caught.value) == (
        "2.0 MB is over the 1 MB limit (raise it with --max-file-mb)"
    )


def test_read_bytes_dangling_symlink_names_its_target(tmp_path: Path) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "missing.txt")
    with pytest.raises(InputError, match=r"broken symlink to .*missing\.txt"):
        read_bytes(link, max_bytes=1_000_000)


@pytest.mark.skipif(
    os.geteuid() == 0, reason="root reads files whatever their mode bits say"
)
def test_read_bytes_unreadable_file(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text(SENTENCE)
    locked.chmod(0)
    with pytest.raises(InputError, match="cannot read: Permission denied"):
        read_bytes(locked, max_bytes=1_000_000)


def test_read_file_reads_a_pdf_text_layer(tmp_path: Path) -> None:
    data = text_pdf(["The Party was founded in October 1945.", "It led the war."])
    sources, failures = read_file(tmp_path / "a.pdf", data, "sha")
    assert failures == []
    assert [s.raw for s in sources] == [
        "The Party was founded in October 1945.\nIt led the war."
    ]
    assert sources[0].encoding.startswith("pdf-text")


def test_walk_ends_a_symlink_loop(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text(SENTENCE)
    (tmp_path / "a" / "up").symlink_to(tmp_path)
    (tmp_path / "self").symlink_to(tmp_path / "self")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    found = list(walk([tmp_path]))
    assert found == [
        Found(tmp_path / "a" / "one.txt"),
        Found(tmp_path / "a" / "up", skipped="symlink loop: folder already read"),
        Found(
            tmp_path / "gone.txt", problem=f"broken symlink to {tmp_path}/nowhere.txt"
        ),
        Found(tmp_path / "self", skipped="symlink loop: the link leads back to itself"),
    ]
    assert list(walk([tmp_path / "self"])) == [found[-1]]


def test_walk_names_each_file_once_and_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "one.txt").write_text(SENTENCE)
    (tmp_path / "docs" / "notes.csv").write_text("a,b")
    (tmp_path / "docs" / "README.md").write_text("about this folder")
    (tmp_path / "docs" / ".hidden.txt").write_text(SENTENCE)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs" / "big.htm").write_text(SENTENCE * 100)
    found = list(
        walk(["docs", "./docs/one.txt", tmp_path / "docs", "nowhere"], max_bytes=1000)
    )
    docs = tmp_path / "docs"
    assert found == [
        Found(docs / ".hidden.txt", skipped="hidden"),
        Found(docs / "README.md", skipped="folder note (name it to read it)"),
        Found(docs / "big.htm", skipped=found[2].skipped),
        Found(docs / "notes.csv", skipped="type not read (.csv)"),
        Found(docs / "one.txt"),
        Found(tmp_path / "nowhere", problem="no such file or folder"),
    ]
    assert found[2].skipped and found[2].skipped.startswith("too large: ")
    # Named on the command line, a folder note is read.
    assert list(walk([docs / "README.md"])) == [Found(docs / "README.md")]
