"""A pool's workers fork warm from a server that compiled the pack
(`engine.warm`); the build's own process, the writer, never imports spaCy."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from dossier.engine import warm
from dossier.packs import load_pack
from tests.conftest import EXAMPLES, ROOT

# In a fresh interpreter (this test process may run a forkserver already):
# a pool build of the examples, then what a worker of the same server holds.
_BUILD = """
import json, sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from dossier.engine import warm
from dossier.present.cli.build import build_files
from dossier.settings import Settings

settings = Settings(db=sys.argv[1], engine="pool", workers=2)
report = build_files([Path(sys.argv[2])], settings)
writer_has_spacy = "spacy" in sys.modules
with ProcessPoolExecutor(1, mp_context=warm.context()) as pool:
    inherited = pool.submit(warm.compiled_before_fork).result()
print(json.dumps({
    "documents": report.documents,
    "failures": len(report.failures),
    "writer_has_spacy": writer_has_spacy,
    "inherited": inherited,
}))
"""


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
    tmp_path: Path,
) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _BUILD, str(tmp_path / "pool.db"), str(EXAMPLES)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        timeout=300,
    )
    found = json.loads(done.stdout)
    assert found["documents"].get("article", 0) >= 5
    assert found["writer_has_spacy"] is False
    assert found["inherited"] == [load_pack("korea").digest]
