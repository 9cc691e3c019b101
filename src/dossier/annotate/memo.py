"""A bounded cache for what a finder works out once per recurring string."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


def remembered(
    cache: dict[K, V], key: K, limit: int, make: Callable[..., V], *args: object
) -> V:
    """`cache[key]`, made by `make(*args)` the first time it is asked for. The
    cache is emptied when it holds `limit` entries, so memory stays flat over a
    corpus however many different keys it meets."""
    found = cache.get(key)
    if found is None:
        if len(cache) >= limit:
            cache.clear()
        found = cache[key] = make(*args)
    return found
