"""Texts an archive prints again, annotated once.

Wire archives hold the same story word for word more than once: kcna-2024
has 1,840 stories and 1,039 texts, and each of the 801 repeats is dated the
same day as the story it repeats. A document's annotations depend on its
text, its anchor date and the model alone (every finder is a pure function
of them; the memos inside them only keep what they recompute), so a process
keeps the annotations of the texts it read last and hands a repeat the ones
already made instead of reading it again.

Bounded by characters, the oldest dropped first, so an archive without
repeats costs a lookup a document and a few MB held.
"""

from __future__ import annotations

from collections import OrderedDict

from dossier.model import Annotations

# Characters of text kept in all: about a thousand wire stories back, which
# reaches the repeats a wire archive prints the same day.
BUDGET = 2_000_000
# A longer text is not kept: a long text is seldom printed again whole, and
# its annotations are many (documents are bounded at 200,000 characters).
LONGEST = 50_000

_Key = tuple[str, str | None, str | None]


class Repeats:
    """The annotations of recent texts, by text, anchor and model."""

    def __init__(self, budget: int = BUDGET, longest: int = LONGEST) -> None:
        self.budget = budget
        self.longest = longest
        self._kept: OrderedDict[_Key, Annotations] = OrderedDict()
        self._chars = 0

    def get(
        self, text: str, anchor: str | None, model: str | None
    ) -> Annotations | None:
        """The annotations kept for this text read on this anchor, if any."""
        key = (text, anchor, model)
        found = self._kept.get(key)
        if found is not None:
            self._kept.move_to_end(key)
        return found

    def keep(
        self, text: str, anchor: str | None, model: str | None, found: Annotations
    ) -> None:
        """Keep `found` for the text, dropping the oldest past the budget."""
        if len(text) > self.longest:
            return
        key = (text, anchor, model)
        if key in self._kept:
            return
        self._kept[key] = found
        self._chars += len(text)
        while self._chars > self.budget:
            (dropped, _, _), _ = self._kept.popitem(last=False)
            self._chars -= len(dropped)

    def __len__(self) -> int:
        return len(self._kept)
