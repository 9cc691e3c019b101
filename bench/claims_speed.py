"""Benchmark: `claims --conflicts` and `calendar` on a built dossier.

    python bench/claims_speed.py --db kcna.db

Claims are read at query time from what `build` stored (no column, no
rebuild after a rule change), so their cost is paid by every listing: this
times, in CPU seconds on one core, reading the claims, the event dates,
comparing them, and the calendar of one year.
"""

from __future__ import annotations

import argparse
import sqlite3
import time
from collections.abc import Callable
from contextlib import closing
from typing import Any

from dossier.link import compare_claims
from dossier.store import claims, events


def timed(step: Callable[[], Any]) -> tuple[Any, float]:
    start = time.process_time()
    result = step()
    return result, time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", required=True, help="a built dossier")
    options = parser.parse_args()
    with closing(sqlite3.connect(options.db)) as connection:
        connection.row_factory = sqlite3.Row
        (documents,) = connection.execute("SELECT count(*) FROM documents").fetchone()
        figures, read = timed(lambda: claims.claims(connection))
        dates, dated = timed(lambda: events.date_claims(connection))
        groups, compared = timed(lambda: compare_claims(figures + dates))
        entries, calendar = timed(
            lambda: events.calendar(connection, date_from="2026", date_to="2026")
        )
    print(f"{documents} documents, {len(figures)} figures, {len(dates)} event dates")
    print(f"read claims     {read:6.2f} s")
    print(f"read dates      {dated:6.2f} s")
    print(f"compare         {compared:6.2f} s ({len(groups)} groups)")
    print(f"calendar 2026   {calendar:6.2f} s ({len(entries)} anniversaries)")


if __name__ == "__main__":
    main()
