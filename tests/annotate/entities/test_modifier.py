"""Whether a name modifies the lower-case noun after it (issue 18)."""

from __future__ import annotations

import pytest

from dossier.annotate.entities.modifier import modifies_noun


@pytest.mark.parametrize(
    ("text", "name", "modifies"),
    [
        ("the U.S. market fell", "U.S.", True),
        ("the Trump administration had planned", "Trump", True),
        ("the DPRK people's unshakable will", "DPRK", True),
        ("the Iowa caucuses, Patrick is betting", "Iowa", True),
        ("the ROK puppets staged drills", "ROK", True),
        ("the U.S. attorney's office said", "U.S.", True),
        ("the Party meeting was held", "Party", True),
        # Verbs, by their form or by what follows them.
        ("the Pentagon said on Friday", "Pentagon", False),
        ("the EU reiterated its stance", "EU", False),
        ("the US maintains existing tariffs", "US", False),
        ("the Chronicle says he was arrested", "Chronicle", False),
        ("the Capitals won't have him", "Capitals", False),
        ("the MacBook Pro using both chips", "MacBook Pro", False),
        ("the DPRK developing at all levels", "DPRK", False),
        ("the Steelers right the ship", "Steelers", False),
        ("the Thunder barely missed", "Thunder", False),
        # No lower-case word after the name: nothing to modify.
        ("the Pentagon.", "Pentagon", False),
        ("the Workers' Party of Korea", "Workers' Party of Korea", False),
        ("the Apple iPad Pro", "Apple", False),
    ],
)
def test_modifies_noun(text: str, name: str, modifies: bool) -> None:
    assert modifies_noun(text, text.index(name) + len(name)) is modifies
