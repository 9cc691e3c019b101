"""Benchmark: `claims --conflicts` and `calendar` on a built dossier.

    python bench/claims_speed.py --db kcna.db
    python bench/claims_speed.py --db kcna.db --link [--out FILE]

Claims are read at query time from what `build` stored (no column, no
rebuild after a rule change), so their cost is paid by every listing: this
times, in CPU seconds on one core, reading the claims, the event dates,
comparing them, and the calendar of one year.

With `--link`, the link stage's conflicts step instead (issue 14 part 5): a
copy of the dossier with its verdicts dropped is judged again in this fresh
process; printed its CPU seconds and the process's peak RSS before and
after (`ru_maxrss`), and with `--out` the `conflicts` and `conflict_buckets`
rows are written to FILE, to compare two versions' output.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
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
    parser.add_argument("--link", action="store_true", help="the conflicts step")
    parser.add_argument("--out", help="with --link: write the stored rows here")
    options = parser.parse_args()
    if options.link:
        link_step(Path(options.db), options.out)
        return
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


def link_step(db: Path, out: str | None) -> None:
    """The conflicts step on a copy of `db` with no verdicts stored."""
    from dossier.link import claims_stored
    from dossier.store import connect

    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "dossier.db"
        shutil.copy(db, copy)
        with closing(connect(copy)) as connection:
            connection.execute("DELETE FROM conflicts")
            connection.execute("DELETE FROM conflict_buckets")
            connection.commit()
            (figures,) = connection.execute(
                "SELECT count(*) FROM claim_facts"
            ).fetchone()
            before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
            (judged, _), cpu = timed(lambda: claims_stored._judge_changed(connection))
            after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
            if out:
                with open(out, "w") as handle:
                    for table in ("conflicts", "conflict_buckets"):
                        for row in connection.execute(
                            f"SELECT * FROM {table} ORDER BY 1, 2"
                        ):
                            handle.write(repr(tuple(row)) + "\n")
    print(f"{figures} stored figures, {judged} buckets judged")
    print(f"conflicts step  {cpu:6.2f} s, peak RSS {before} -> {after} MB")


if __name__ == "__main__":
    main()
