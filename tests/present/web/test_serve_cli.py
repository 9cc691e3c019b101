"""`dossier serve`: refuses what is not a dossier as every read command does,
and serves the API and pages on loopback."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
import urllib.request
from contextlib import closing
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.present.cli.app import app
from tests.conftest import ROOT
from tests.present.web.test_browser import _free_port

runner = CliRunner()


def test_serve_refuses_a_missing_database(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    result = runner.invoke(app, ["serve", "--db", str(missing)])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: no dossier at")
    assert len(result.stderr.strip().splitlines()) == 1
    assert not missing.exists()
    shown = runner.invoke(app, ["docs", "--db", str(missing)])
    assert shown.stderr == result.stderr


def test_serve_refuses_another_sqlite_file(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    with closing(sqlite3.connect(other)) as connection:
        connection.execute("CREATE TABLE notes (text TEXT)")
    result = runner.invoke(app, ["serve", "--db", str(other)])
    assert result.exit_code == 2
    assert "is not a dossier database" in result.stderr


def test_serve_help_shows_an_example() -> None:
    result = runner.invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    assert "dossier serve --db" in result.stdout
    assert "127.0.0.1" in result.stdout


@pytest.mark.corpus
def test_serve_answers_on_loopback(web_db: Path) -> None:
    port = _free_port()
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    command = "from dossier.present.cli.app import main; main()"
    arguments = ["serve", "--db", str(web_db), "--port", str(port)]
    with subprocess.Popen(
        [sys.executable, "-c", command, *arguments],
        env=environment,
        stderr=subprocess.PIPE,
        text=True,
    ) as server:
        try:
            rows = _fetch(f"http://127.0.0.1:{port}/api/documents?limit=2", server)
        finally:
            server.terminate()
        assert "serving" in (server.stderr.read() if server.stderr else "")
    assert len(rows) == 2


def _fetch(url: str, server: subprocess.Popen[str]) -> object:
    """JSON from `url`, once the server answers."""
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return json.loads(response.read())
        except OSError:
            assert server.poll() is None, server.stderr and server.stderr.read()
            assert time.monotonic() < deadline, "dossier serve did not answer"
            time.sleep(0.2)
