"""The band keys stored so far, kept in memory while one link runs over a
store that held none when it began (a first build): which of a batch's keys
another text holds is then a search in memory, not a probe of `reuse_bands`
a key (`link.reuse_candidates.stored_keys`). Part of `link.reuse`'s `_begin`.
"""

from __future__ import annotations

import sqlite3

import numpy as np
import numpy.typing as npt

from dossier.link.occurrences import shared_values
from dossier.link.reuse_candidates import stored_keys

# Keys kept at most (8 bytes each, 64 MB): past them the store is probed.
# The wire months store 336,880 band rows, some 230 a text: a first build
# of a million texts would keep over 200 million keys here. Below the
# bound, merging a batch's keys in costs little (wire months: the 3 merges
# and searches 0.015 CPU s, the probes they replace 0.30).
MOST_KEYS = 8_000_000


class StoredBands:
    """The distinct band keys this link stored, while they are all the store
    holds. Exact only so: it gives up (and the store is probed) when the
    store held bands when the link began, or another connection committed
    since (`PRAGMA data_version`; this link deletes no band row after it
    begins, `_forget_stale` running before)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        empty = connection.execute("SELECT 1 FROM reuse_bands LIMIT 1").fetchone()
        self._keys: npt.NDArray[np.int64] | None = (
            np.zeros(0, dtype=np.int64) if empty is None else None
        )
        self._version = _data_version(connection)

    def stored(
        self, connection: sqlite3.Connection, keys: npt.NDArray[np.int64]
    ) -> npt.NDArray[np.int64]:
        """`stored_keys(connection, keys)`: the distinct `keys` (sorted) a
        stored passage holds, asked before the batch's rows go in."""
        if self._keys is not None and _data_version(connection) != self._version:
            self._keys = None
        if self._keys is None:
            return stored_keys(connection, keys)
        found = shared_values(_distinct(keys), self._keys)
        return found.astype(np.int64, copy=False)

    def add(self, keys: npt.NDArray[np.int64]) -> None:
        """Note the keys of the band rows just stored, by this connection."""
        if self._keys is not None:
            # Two sorted runs: a stable sort merges them (`union1d` sorted
            # them afresh, 0.14 CPU s a batch of the wire months).
            both = np.concatenate((self._keys, _distinct(keys)))
            both.sort(kind="stable")
            self._keys = _distinct(both) if len(both) <= MOST_KEYS else None


def _distinct(keys: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """The keys once each, sorted: a batch's band keys come sorted
    (`reuse._band_rows`), and need no sort again."""
    if len(keys) > 1 and bool((keys[1:] < keys[:-1]).any()):
        return np.unique(keys)
    first = np.ones(len(keys), dtype=bool)
    first[1:] = keys[1:] != keys[:-1]
    distinct: npt.NDArray[np.int64] = keys[first]
    return distinct


def _data_version(connection: sqlite3.Connection) -> int:
    # Changes when another connection commits to the database, never on
    # this one's own commits (SQLite's `PRAGMA data_version`).
    (version,) = connection.execute("PRAGMA data_version").fetchone()
    return int(version)
