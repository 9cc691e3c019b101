"""The korea pack's entities.toml: read into `Pack`, and consistent with itself."""

from __future__ import annotations

from pathlib import Path

from dossier.annotate import entities
from dossier.annotate.compiled import compile_pack
from dossier.annotate.entities.index import fold
from dossier.packs import Pack, load_pack


def test_entities_file_is_read(pack: Pack) -> None:
    assert "Workers' Party of Korea" in {o.name for o in pack.organisations}
    assert "Pyongyang" in {p.name for p in pack.places}
    assert "Kulloja" in {p.name for p in pack.publications}
    assert "party" in {h.lower() for h in pack.org_heads}
    assert "Province" in pack.place_heads
    assert "Kim" in pack.surnames
    assert ("Korea", ("Korean", "Koreans")) in {
        (d.name, d.variants) for d in pack.demonyms
    }


def test_no_form_names_two_entities(pack: Pack) -> None:
    seen: dict[str, str] = {}
    for group in (pack.people, pack.organisations, pack.places, pack.publications):
        for entry in group:
            for form in (entry.name, *entry.variants):
                owner = seen.setdefault(fold(form), entry.name)
                assert owner == entry.name, f"{form!r} names {owner} and {entry.name}"


def test_pack_without_entities_file_still_loads(tmp_path: Path) -> None:
    (tmp_path / "pack.toml").write_text('name = "bare"\n', encoding="utf-8")
    bare = load_pack(str(tmp_path))
    assert bare.organisations == () and bare.org_heads == ()


def test_public_lookups_on_the_compiled_index(pack: Pack) -> None:
    index = compile_pack(pack).index
    assert entities.lookup(index, "DPRK") == entities.lookup(index, "North Korea")
    assert entities.listed(index, "chinese people's volunteers") is not None
    assert entities.place_of_demonym(index, "Chinese") == "China"
    assert "chinese" in entities.demonyms_of(index, "China")
    assert entities.demonyms_of(index, "Atlantis") == ()
