"""`--engine dask` on a real local cluster stores what the local engine stores."""

from __future__ import annotations

import importlib.util
import json
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from dossier import pipeline
from dossier.engine import dask as dask_engine
from dossier.present.cli.app import app
from dossier.present.cli.build import BuildReport
from dossier.read import stream
from tests.conftest import EXAMPLES
from tests.fresh_imports import loaded_after
from tests.read.samples import write_bad_files
from tests.store.conftest import build, write_corpus

# Looked for, not imported, when the suite is collected: importing
# distributed cost each xdist worker some 0.5 CPU s, the one not running
# these tests too.
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        importlib.util.find_spec("distributed") is None,
        reason="distributed not installed (pip install 'dossier[dask]')",
    ),
]

# Every stored table, minus what differs between two builds of the same files
# (rowids, build times), each in a stable order.
TABLES = {
    "files": "path, sha256, size, pipeline, failure",
    "sources": "*",
    "documents": "id, source_id, ordinal, kind, title, date, date_inferred, outlet,"
    " author, url, place, text, offsets, raw_start, raw_end, chars",
    "removed": "*",
    "locators": "*",
    "mentions": "*",
    "entities": "*",
    "times": "*",
    "figures": "*",
    "quotes": "*",
    "citations": "*",
    "annotation_failures": "*",
    # The link stage's, made in the workers (`Document.facts`).
    "event_dates": "doc_id, n, doc_date, event, kind, start, end, text, first_year,"
    " last_year, day, years, sentence, asserted_by, via, language",
    "claim_facts": "doc_id, doc_date, start, text, subject, unit, sentence_chars,"
    " sentence_at, facts",
    "conflicts": "*",
}


def contents(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    with closing(sqlite3.connect(db)) as connection:
        return {
            table: sorted(
                (
                    tuple(row)
                    for row in connection.execute(f"SELECT {cols} FROM {table}")
                ),
                key=repr,
            )
            for table, cols in TABLES.items()
        }


@pytest.fixture(scope="module")
def scheduler(forkserver: None) -> Iterator[str]:
    """One real two-worker cluster for the module, made as dossier makes its
    own: its worker processes fork from the session's warm forkserver
    (tests/conftest.py), each then a Dask worker on the loopback as any.
    Spawned, each imported dossier and compiled the pack afresh: some 4 CPU s
    a worker (issue 14, part 7)."""
    with dask_engine.local_cluster(2) as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """examples/, a generated wire folder, and a JSONL of wire items."""
    root = tmp_path_factory.mktemp("inputs")
    shutil.copytree(EXAMPLES, root / "examples")
    write_corpus(root / "wire", 12, seed=3)
    items = [
        json.dumps({"title": f"Item {n}", "text": path.read_text("utf-8")})
        for n, path in enumerate(sorted((root / "wire").iterdir()))
    ]
    (root / "items.jsonl").write_text("\n".join([*items, "{broken"]) + "\n")
    return [root / "examples", root / "wire", root / "items.jsonl"]


@dataclass(frozen=True)
class Built:
    db: Path
    report: BuildReport


@pytest.fixture(scope="module")
def local(inputs: list[Path], tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The inputs built by the local engine: what every engine must store."""
    db = tmp_path_factory.mktemp("local") / "local.db"
    return Built(db, build(inputs, db))


def summary(report: BuildReport) -> dict[str, Any]:
    found = report.as_dict()
    found["failures"] = sorted(found["failures"], key=repr)
    return found


def test_dask_stores_what_local_stores(
    inputs: list[Path],
    local: Built,
    scheduler: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Small groups and batches: many tasks, whose results must come back in
    # file order, a streamed file's pieces among them.
    monkeypatch.setattr(dask_engine, "BATCH_SOURCES", 3)
    monkeypatch.setattr(pipeline, "BATCH_SOURCES", 4)
    db = tmp_path / "dask.db"
    report = build(inputs, db, engine="dask", scheduler=scheduler)
    assert summary(report) == summary(local.report)
    assert report.stored > 15 and report.entities
    found, wanted = contents(db), contents(local.db)
    assert {t: len(rows) for t, rows in found.items()} == {
        t: len(rows) for t, rows in wanted.items()
    }
    for table in TABLES:
        assert found[table] == wanted[table], table


def test_dask_build_again_changes_nothing(
    inputs: list[Path], local: Built, scheduler: str, tmp_path: Path
) -> None:
    db = tmp_path / "dask.db"
    first = build(inputs, db, engine="dask", scheduler=scheduler)
    before = contents(db)
    again = build(inputs, db, engine="dask", scheduler=scheduler)
    # Only the JSONL with a broken line is read again, to report it again.
    assert (again.files, again.unchanged, again.stored) == (
        first.files,
        first.stored - 1,
        1,
    )
    assert [f.path for f in again.failures] == [f.path for f in first.failures]
    assert contents(db) == before
    shutil.copy(local.db, tmp_path / "local.db")
    expected = build(inputs, tmp_path / "local.db")
    assert summary(again) == summary(expected)


def test_the_local_clusters_workers_run_without_the_profiler(scheduler: str) -> None:
    import dask
    from distributed import Client

    def settings() -> tuple[object, object]:
        return (
            dask.config.get("distributed.worker.profile.enabled"),
            dask.config.get("distributed.admin.tick.interval"),
        )

    with Client(scheduler) as client:
        found = client.run(settings)
    assert len(found) == 2
    assert set(found.values()) == {(False, "500 ms")}


def test_dask_reports_bad_files_as_local_does(scheduler: str, tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    expected = write_bad_files(folder)
    local = build([folder], tmp_path / "local.db")
    dask = build([folder], tmp_path / "dask.db", engine="dask", scheduler=scheduler)
    assert summary(dask) == summary(local)
    refused = {name for name, why in expected.items() if why is not None}
    assert {Path(f.path).name for f in dask.failures} == refused
    assert contents(tmp_path / "dask.db") == contents(tmp_path / "local.db")


def test_dask_streams_a_big_text_in_pieces(
    scheduler: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Streamed from 2 kB in 3,000-character parts: the parent plans the file,
    # the workers run its batches, the writer stores them as one file.
    monkeypatch.setattr(stream, "STREAM_BYTES", 2_000)
    monkeypatch.setattr(stream, "PART_CHARS", 3_000)
    monkeypatch.setattr(pipeline, "BATCH_SOURCES", 2)
    write_corpus(tmp_path / "parts", 8, paragraphs=5)
    big = tmp_path / "big" / "wire.txt"
    big.parent.mkdir()
    big.write_text(
        "\n\n\n".join(p.read_text() for p in sorted((tmp_path / "parts").iterdir()))
    )
    assert stream.streamed(big)
    local = build([big], tmp_path / "local.db")
    dask = build([big], tmp_path / "dask.db", engine="dask", scheduler=scheduler)
    assert summary(dask) == summary(local)
    assert len(contents(tmp_path / "dask.db")["sources"]) > 3
    assert contents(tmp_path / "dask.db") == contents(tmp_path / "local.db")


def test_dask_without_a_scheduler_runs_a_local_cluster_and_cleans_up(
    inputs: list[Path],
    local: Built,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    forkserver: None,
) -> None:
    # The scratch folder under this test's own temp folder: in the shared one
    # another process's dask build (another test run) showed as left behind.
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    scratch = set(Path(tempfile.gettempdir()).glob("dossier-dask-*"))
    db = tmp_path / "dask.db"
    # One worker: the cluster started, used and cleaned up is the point, and
    # each worker process costs some 4 CPU s to start (the module's cluster
    # runs two, for results coming back out of order).
    report = build(inputs[:1], db, engine="dask", workers=1)
    assert report.failures == []
    assert contents(db)["documents"] == [
        row
        for row in contents(local.db)["documents"]
        if row[0] in {r[0] for r in contents(db)["documents"]}
    ]
    assert len(contents(db)["documents"]) > 5
    assert set(Path(tempfile.gettempdir()).glob("dossier-dask-*")) == scratch


def invoke(*args: str) -> Any:
    return CliRunner().invoke(app, ["build", str(EXAMPLES), *args])


def test_build_refuses_a_scheduler_without_dask(tmp_path: Path) -> None:
    result = invoke("--db", str(tmp_path / "d.db"), "--scheduler", "tcp://h:8786")
    assert result.exit_code == 2
    assert "--scheduler" in result.output


def test_build_says_when_the_scheduler_is_out_of_reach(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dask_engine, "_CONNECT_SECONDS", 1)
    db = str(tmp_path / "d.db")
    result = invoke("--db", db, "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9")
    assert result.exit_code == 2
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.output
    assert "dask scheduler" in result.output


def test_build_says_when_no_worker_joins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import distributed

    monkeypatch.setattr(dask_engine, "_CONNECT_SECONDS", 1)
    with distributed.LocalCluster(
        n_workers=0,
        processes=False,
        protocol="tcp",
        host="127.0.0.1",
        dashboard_address="127.0.0.1:0",
        scheduler_kwargs={"dashboard": False},
    ) as empty:
        address = empty.scheduler_address
        db = str(tmp_path / "d.db")
        result = invoke("--db", db, "--engine", "dask", "--scheduler", address)
    assert result.exit_code == 2
    assert f"no worker joined the Dask scheduler at {address}" in result.output
    assert f"dask worker {address}" in result.output


def test_dask_is_imported_only_when_its_engine_runs() -> None:
    assert loaded_after(["dossier.present.cli.app"], ["dask", "distributed"]) == []
