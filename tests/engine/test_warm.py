"""A pool's workers fork warm from a server that compiled the pack
(`engine.warm`); the build's own process, the writer, never imports spaCy."""

from __future__ import annotations

import itertools
import json
import pickle
import sqlite3
import subprocess
import sys
from contextlib import closing
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from dossier import pipeline
from dossier.engine import warm
from dossier.packs import load_pack
from dossier.present.cli.build import build_files
from dossier.settings import Settings
from tests.conftest import EXAMPLES, ROOT

# One fresh interpreter for the three fresh-process checks (this test process
# imported spaCy and may run a forkserver already): each was a new
# interpreter whose pool forked from a server of its own, which imported
# dossier and compiled the pack (some 4 CPU s a script; issue 14, part 7).
# First what importing the engines loads; then a pool build of the examples
# and what a worker of its server holds; then, on the same server, a pool
# build whose writer never sees the server warm: it prepares (cleans,
# segments, describes) as many batches as it may hold before handing any out.
_FRESH = """
import json, sys
import dossier.engine as engines
engines.warm_up
probed = ("dossier.pipeline", "numpy", "dossier.link.reuse", "dossier.engine.local")
found = {"before_engines": sorted(m for m in probed if m in sys.modules)}
engines.ENGINES
found["engines_load_local"] = "dossier.engine.local" in sys.modules

from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from dossier import pipeline
from dossier.engine import local, warm
from dossier.present.cli.build import build_files
from dossier.settings import Settings

settings = Settings(db=sys.argv[1], engine="pool", workers=2)
report = build_files([Path(sys.argv[2])], settings)
writer_has_spacy = "spacy" in sys.modules
with ProcessPoolExecutor(1, mp_context=warm.context()) as pool:
    inherited = pool.submit(warm.compiled_before_fork).result()
found["pool"] = {
    "documents": report.documents,
    "failures": len(report.failures),
    "writer_has_spacy": writer_has_spacy,
    "inherited": inherited,
}

pipeline.BATCH_SOURCES = 3
warm.Warming.warm = property(lambda self: False)
prepared = []
prepare = local.prepare_batch

def counted(batch, pack, **options):
    prepared.append(len(batch))
    return prepare(batch, pack, **options)

local.prepare_batch = counted
settings = Settings(db=sys.argv[3], engine="pool", workers=2)
report = build_files([Path(sys.argv[4])], settings)
found["preparing"] = {
    "prepared": prepared,
    "documents": report.documents,
    "failures": len(report.failures),
    "writer_has_spacy": "spacy" in sys.modules,
}
print(json.dumps(found))
"""


@pytest.fixture(scope="module")
def fresh(
    kcna_jsonl: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, dict[str, Any]]:
    """The fresh interpreter's findings, and the folder of its two builds
    (`pool.db` of the examples; `preparing.db` of `stories.jsonl`, kcna-2024's
    first 60 stories)."""
    folder = tmp_path_factory.mktemp("warm")
    stories = folder / "stories.jsonl"
    with kcna_jsonl.open(encoding="utf-8") as lines:
        stories.write_text("".join(itertools.islice(lines, 60)), encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            _FRESH,
            str(folder / "pool.db"),
            str(EXAMPLES),
            str(folder / "preparing.db"),
            str(stories),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return folder, json.loads(done.stdout)


def test_same_pack_hands_a_worker_the_pack_compiled_before_the_fork(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    compiled = load_pack("korea")
    monkeypatch.setattr(warm, "_WARM", [compiled])
    monkeypatch.setattr(warm, "_MATCHED", [])
    sent = pickle.loads(pickle.dumps(compiled))  # what a worker is sent
    assert sent is not compiled
    assert warm.same_pack(sent) is compiled
    assert warm.same_pack(sent) is compiled  # found again by identity
    other = replace(compiled, navigation=(*compiled.navigation, "Sign up now"))
    assert warm.same_pack(other) is other


@pytest.mark.slow
def test_a_pool_build_forks_warm_workers_and_its_writer_never_imports_spacy(
    fresh: tuple[Path, dict[str, Any]],
) -> None:
    found = fresh[1]["pool"]
    assert found["documents"].get("article", 0) >= 5
    assert found["writer_has_spacy"] is False
    assert found["inherited"] == [load_pack("korea").digest]


def tables(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows, sorted (`files` aside: it says when)."""
    with closing(sqlite3.connect(db)) as connection:
        names = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
                " AND name NOT LIKE 'sqlite_%' AND name != 'files'"
            )
        ]
        return {
            name: sorted(connection.execute(f'SELECT * FROM "{name}"'), key=repr)
            for name in names
        }


@pytest.mark.slow
def test_batches_the_writer_prepares_while_the_server_warms_store_the_same(
    fresh: tuple[Path, dict[str, Any]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, found = fresh[0], fresh[1]["preparing"]
    # 20 batches of 3 stories; the writer holds 8 a worker, then hands out
    # the rest as it reads them.
    assert found["prepared"] == [3] * 16
    assert found["writer_has_spacy"] is False
    assert found["failures"] == 0
    # The same pieces (the full-text index's pages follow its writes).
    monkeypatch.setattr(pipeline, "BATCH_SOURCES", 3)
    build_files([folder / "stories.jsonl"], Settings(db=str(tmp_path / "local.db")))
    pooled, local = tables(folder / "preparing.db"), tables(tmp_path / "local.db")
    assert pooled.keys() == local.keys()
    assert len(local["documents"]) >= 60
    assert len(local["mentions"]) > 500
    assert {name: rows for name, rows in pooled.items() if rows != local[name]} == {}


def test_a_build_can_start_the_server_before_it_imports_the_pipeline(
    fresh: tuple[Path, dict[str, Any]],
) -> None:
    """`dossier.engine` loads its engines on first use: `warm_up` runs before
    the pipeline, numpy and the link stage are imported (0.3 CPU s that the
    server's compile now overlaps)."""
    assert fresh[1]["before_engines"] == []
    assert fresh[1]["engines_load_local"] is True
