"""Domain packs: what dossier knows about a subject, as data (`packs/NAME/*.toml`).

A pack is a folder of TOML files; `load_pack` reads them into one `Pack`. Users
add a pack for another subject by copying `korea/` and editing it, or by
pointing `--pack` at a folder of their own.
"""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dossier.errors import PackError

PACKS_DIR = Path(__file__).parent


@dataclass(frozen=True, slots=True)
class Named:
    """A person, body or outlet with its canonical name and printed variants."""

    name: str
    variants: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Era:
    name: str
    offset: int


@dataclass(frozen=True, slots=True)
class Pack:
    name: str
    day_first: bool = True
    people: tuple[Named, ...] = ()
    outlets: tuple[Named, ...] = ()
    honorifics: tuple[str, ...] = ()
    navigation: tuple[str, ...] = ()
    footer: tuple[str, ...] = ()
    end_markers: tuple[str, ...] = ()
    boilerplate_max_line: int = 200
    keep_hyphen_prefixes: tuple[str, ...] = ()
    eras: tuple[Era, ...] = ()
    digest: str = ""  # sha256 of the pack's TOML files: builds re-run when it changes
    _outlets: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Looked up for every short line of every file: index once, by id.
        self._outlets.update(_outlet_index(self.outlets))

    # entities.toml: bodies, places and publications by name, and the word
    # shapes (heads, roles, family names) that reveal names the pack lacks.
    organisations: tuple[Named, ...] = ()
    places: tuple[Named, ...] = ()
    publications: tuple[Named, ...] = ()
    demonyms: tuple[Named, ...] = ()  # place name, with "Chinese", "Koreans"
    org_heads: tuple[str, ...] = ()
    place_heads: tuple[str, ...] = ()
    place_prefixes: tuple[str, ...] = ()
    event_heads: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    surnames: tuple[str, ...] = ()
    given_names: tuple[str, ...] = ()
    not_names: tuple[str, ...] = ()

    def outlet_for(self, printed: str) -> str | None:
        """Canonical outlet name for a printed form, or None if unknown."""
        if len(printed) > _LONGEST_OUTLET:
            return None
        return self._outlets.get(printed.strip().casefold())


# A line longer than this is not an outlet's name on its own.
_LONGEST_OUTLET = 80


def _outlet_index(outlets: tuple[Named, ...]) -> dict[str, str]:
    index: dict[str, str] = {}
    for outlet in outlets:
        for form in (outlet.name, *outlet.variants):
            index.setdefault(form.casefold(), outlet.name)
    return index


def _read(folder: Path, name: str) -> dict[str, Any]:
    path = folder / name
    if not path.exists():
        return {}
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as err:
        raise PackError(f"{path}: not valid TOML ({err})") from err


def _named(entries: list[dict[str, Any]], where: str) -> tuple[Named, ...]:
    named = []
    for entry in entries:
        if "name" not in entry:
            raise PackError(f"{where}: an entry has no `name`: {entry!r}")
        named.append(Named(entry["name"], tuple(entry.get("variants", ()))))
    return tuple(named)


def _digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.toml")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def load_pack(name_or_path: str = "korea") -> Pack:
    """Read a bundled pack by name, or a pack folder by path."""
    folder = Path(name_or_path)
    if not folder.is_dir():
        folder = PACKS_DIR / name_or_path
    if not (folder / "pack.toml").is_file():
        bundled = sorted(p.parent.name for p in PACKS_DIR.glob("*/pack.toml"))
        raise PackError(
            f"no pack {name_or_path!r}: give a bundled pack ({', '.join(bundled)}) "
            "or a folder holding pack.toml"
        )
    head = _read(folder, "pack.toml")
    names = _read(folder, "names.toml")
    titles = _read(folder, "titles.toml")
    outlets = _read(folder, "outlets.toml")
    boilerplate = _read(folder, "boilerplate.toml")
    cleaning = _read(folder, "cleaning.toml")
    calendar = _read(folder, "calendar.toml")
    entities = _read(folder, "entities.toml")
    shapes = entities.get("shapes", {})
    where = f"{folder}/entities.toml"
    listed = tuple(Named(n) for n in entities.get("gazetteer", {}).get("places", ()))
    return Pack(
        name=head.get("name", folder.name),
        digest=_digest(folder),
        day_first=bool(head.get("day_first", True)),
        people=_named(names.get("person", []), f"{folder}/names.toml"),
        outlets=_named(outlets.get("outlet", []), f"{folder}/outlets.toml"),
        honorifics=tuple(titles.get("honorifics", ())),
        navigation=tuple(boilerplate.get("navigation", ())),
        footer=tuple(boilerplate.get("footer", ())),
        end_markers=tuple(boilerplate.get("end_markers", ())),
        boilerplate_max_line=int(boilerplate.get("max_line", 200)),
        keep_hyphen_prefixes=tuple(cleaning.get("keep_hyphen_prefixes", ())),
        eras=tuple(Era(e["name"], int(e["offset"])) for e in calendar.get("era", [])),
        organisations=_named(entities.get("organisation", []), where),
        places=_named(entities.get("place", []), where) + listed,
        publications=_named(entities.get("publication", []), where),
        demonyms=_named(entities.get("demonym", []), where),
        org_heads=tuple(shapes.get("org_heads", ())),
        place_heads=tuple(shapes.get("place_heads", ())),
        place_prefixes=tuple(shapes.get("place_prefixes", ())),
        event_heads=tuple(shapes.get("event_heads", ())),
        roles=tuple(shapes.get("roles", ())),
        surnames=tuple(shapes.get("surnames", ())),
        given_names=tuple(shapes.get("given_names", ())),
        not_names=tuple(shapes.get("not_names", ())),
    )
