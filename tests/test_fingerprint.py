"""A build is never stale: pack edits and code changes re-build stored files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dossier import fingerprint
from dossier.packs import PACKS_DIR, load_pack
from dossier.settings import Settings
from tests.store.conftest import build, write_corpus


def test_pack_digest_follows_its_content(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(PACKS_DIR / "korea", pack)
    before = load_pack(str(pack)).digest
    assert load_pack(str(pack)).digest == before
    names = pack / "names.toml"
    names.write_text(names.read_text() + '\n[[person]]\nname = "Ri Su Yong"\n')
    assert load_pack(str(pack)).digest != before


def test_editing_the_pack_rebuilds_every_file(tmp_path: Path) -> None:
    folder = tmp_path / "wire"
    write_corpus(folder, 3)
    pack = tmp_path / "pack"
    shutil.copytree(PACKS_DIR / "korea", pack)
    db = tmp_path / "d.db"
    assert build([folder], db, pack=str(pack)).stored == 3
    assert build([folder], db, pack=str(pack)).unchanged == 3
    outlets = pack / "outlets.toml"
    outlets.write_text(outlets.read_text() + '\n[[outlet]]\nname = "Wire Monthly"\n')
    again = build([folder], db, pack=str(pack))
    assert (again.stored, again.unchanged) == (3, 0)


def test_changed_code_rebuilds_every_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "wire"
    write_corpus(folder, 2)
    db = tmp_path / "d.db"
    build([folder], db)
    monkeypatch.setattr(fingerprint, "code_fingerprint", lambda: "edited")
    assert build([folder], db).stored == 2


def test_code_fingerprint_hashes_the_package_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "dossier"
    shutil.copytree(
        fingerprint.PACKAGE_DIR, package, ignore=shutil.ignore_patterns("__pycache__")
    )
    monkeypatch.setattr(fingerprint, "PACKAGE_DIR", package)
    fingerprint.code_fingerprint.cache_clear()
    try:
        before = fingerprint.code_fingerprint()
        rule = package / "clean" / "spaces.py"
        rule.write_text(rule.read_text() + "\n# a changed rule\n")
        fingerprint.code_fingerprint.cache_clear()
        assert fingerprint.code_fingerprint() != before
    finally:
        fingerprint.code_fingerprint.cache_clear()


def test_fingerprint_names_the_settings_that_change_output() -> None:
    pack = load_pack()
    plain = fingerprint.build_fingerprint(Settings(), pack)
    assert fingerprint.build_fingerprint(Settings(annotate=False), pack) != plain
    assert fingerprint.build_fingerprint(Settings(engine="pool"), pack) == plain
