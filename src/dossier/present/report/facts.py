"""Gather what the report shows from the database: counts, the timeline,
conflicts, the quote graph, reuse pairs and the sources they cite.

Every section is bounded (the top `Limits`, with a count of what was left
out), so a dossier of 20,000 documents reports as fast as one of 20. Items
name their document and `locator`; the sources appendix lists each document
named once.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from typing import Any

from dossier.link import compare_claims
from dossier.present.report.documents import Documents, excerpt
from dossier.present.report.model import (
    Bars,
    Claim,
    Conflict,
    Facts,
    Limits,
    Period,
    Quoted,
    QuoteGraph,
    Reuse,
    Statement,
    Timeline,
)
from dossier.store import claims as stored_claims
from dossier.store.reuses import iter_reuse_pairs


def _scalar(connection: sqlite3.Connection, sql: str) -> int:
    return int(connection.execute(sql).fetchone()[0] or 0)


# Independent texts only, everywhere: a text stored five times counts once.
# Read from the narrow `document_copies` (documents.copy_of lies after the
# text, so reading it there walks each text's pages).
_INDEPENDENT = (
    "NOT EXISTS (SELECT 1 FROM document_copies c"
    " WHERE c.doc = d.rowid AND c.copy_of IS NOT NULL)"
)


def counts(connection: sqlite3.Connection) -> list[tuple[str, int]]:
    def annotations(table: str) -> int:
        return _scalar(
            connection,
            f"SELECT count(*) FROM {table} a JOIN documents d ON d.rowid = a.doc"
            f" WHERE {_INDEPENDENT}",
        )

    return [
        (
            "documents",
            _scalar(
                connection, f"SELECT count(*) FROM documents d WHERE {_INDEPENDENT}"
            ),
        ),
        (
            "copies",
            _scalar(
                connection,
                "SELECT count(*) FROM document_copies WHERE copy_of IS NOT NULL",
            ),
        ),
        ("sources", _scalar(connection, "SELECT count(*) FROM files")),
        ("entities", _scalar(connection, "SELECT count(*) FROM entities")),
        ("mentions", annotations("mentions")),
        ("times", annotations("times")),
        ("claims", annotations("figures")),
        ("quotes", annotations("quotes")),
        ("citations", annotations("citations")),
        ("reused passages", _scalar(connection, "SELECT count(*) FROM reuses")),
    ]


def outlets(connection: sqlite3.Connection, limits: Limits) -> Bars:
    rows = connection.execute(
        "SELECT coalesce(d.outlet, '(no outlet)'), count(*) AS n FROM documents d"
        f" WHERE {_INDEPENDENT} GROUP BY 1 ORDER BY n DESC, 1"
    ).fetchall()
    shown = [(str(name), int(n)) for name, n in rows[: limits.outlets]]
    return Bars(shown, sum(int(n) for _, n in rows[limits.outlets :]))


# Beyond this many years a bar a year is too thin to read: decades instead.
_YEARS_DRAWN = 80


def years(connection: sqlite3.Connection) -> Bars:
    """Documents per year of their date, or per decade over more than
    _YEARS_DRAWN years; a period without documents is an empty bar, not a
    missing one. Undated documents are counted apart."""
    rows = connection.execute(
        "SELECT substr(d.date, 1, 4) AS year, count(*) FROM documents d"
        f" WHERE {_INDEPENDENT} GROUP BY year ORDER BY year"
    ).fetchall()
    dated = {int(year): int(n) for year, n in rows if year and year.isdigit()}
    undated = sum(int(n) for _, n in rows) - sum(dated.values())
    if not dated:
        return Bars([], undated)
    size = 1 if max(dated) - min(dated) < _YEARS_DRAWN else 10
    binned: Counter[int] = Counter()
    for year, n in dated.items():
        binned[year - year % size] += n
    first, last = min(binned), max(binned)
    label = "{}" if size == 1 else "{}s"
    return Bars(
        [
            (label.format(start), binned[start])
            for start in range(first, last + 1, size)
        ],
        undated,
    )


def timeline(
    connection: sqlite3.Connection, documents: Documents, limits: Limits
) -> Timeline:
    rows = connection.execute(
        "SELECT CAST(substr(t.first_day, 1, 4) AS INTEGER) AS year, count(*)"
        " FROM times t JOIN documents d ON d.rowid = t.doc"
        f" WHERE {_INDEPENDENT} AND t.type = 'DATE' AND t.first_day IS NOT NULL"
        " GROUP BY year ORDER BY year"
    ).fetchall()
    per_year = {int(year): int(n) for year, n in rows}
    if not per_year:
        return Timeline([], "year", 0)
    span = max(per_year) - min(per_year)
    size = 1 if span < _YEARS_DRAWN else 10
    binned: Counter[int] = Counter()
    for year, n in per_year.items():
        binned[year - year % size] += n
    busiest = {start for start, _ in binned.most_common(limits.bins)}
    periods = []
    for start in sorted(binned):
        label = str(start) if size == 1 else f"{start}s"
        statements = (
            _statements(connection, documents, start, start + size - 1, limits)
            if start in busiest
            else []
        )
        periods.append(Period(label, start, binned[start], statements))
    return Timeline(periods, "year" if size == 1 else "decade", sum(binned.values()))


def _statements(
    connection: sqlite3.Connection,
    documents: Documents,
    first: int,
    last: int,
    limits: Limits,
) -> list[Statement]:
    """The period's first dated statements, one per document."""
    rows = connection.execute(
        "SELECT t.value, t.text, t.start, t.end, t.sentence_start, t.sentence_end,"
        " d.id FROM times t JOIN documents d ON d.rowid = t.doc"
        f" WHERE {_INDEPENDENT} AND t.type = 'DATE'"
        " AND t.first_day >= ? AND t.first_day <= ?"
        " ORDER BY t.first_day, d.id, t.start LIMIT ?",
        (f"{first:04d}", f"{last:04d}-99", limits.statements * 8),
    ).fetchall()
    found: list[Statement] = []
    seen: set[str] = set()
    for value, text, start, end, s_start, s_end, doc in rows:
        if doc in seen:
            continue
        seen.add(doc)
        sentence = documents.text(doc, s_start, s_end)
        found.append(
            Statement(
                value,
                text,
                excerpt(sentence, limits.excerpt),
                documents.where(doc, start, end),
            )
        )
        if len(found) == limits.statements:
            break
    return found


def conflicts(
    connection: sqlite3.Connection, documents: Documents, limits: Limits
) -> tuple[list[Conflict], int]:
    """`claims --conflicts` groups, conflicts first; the rest counted: as the
    link stage stored them (figures and the dates sources give events), or,
    when a write came after the last link, the figures' groups worked out
    here (working out the dates would read every article's text)."""
    groups = stored_claims.stored_conflicts(connection)
    if groups is None:
        groups = compare_claims(stored_claims.claims(connection))
    shown = []
    for group in groups[: limits.conflicts]:
        claims = []
        for claim in group["claims"][: limits.claims]:
            start, end = claim.get("span") or _figure_span(connection, documents, claim)
            claims.append(
                Claim(
                    text=claim["text"],
                    low=claim["low"],
                    high=claim["high"],
                    unit=claim["unit"],
                    sentence=excerpt(claim["sentence"], limits.excerpt),
                    asserted_by=claim.get("asserted_by"),
                    where=documents.where(claim["doc"], start, end),
                )
            )
        shown.append(
            Conflict(
                subject=group["subject"],
                measure=group.get("measure"),
                verdict=group["verdict"],
                reason=group.get("reason", ""),
                documents=group["documents"],
                claims=claims,
                left_out=max(0, len(group["claims"]) - limits.claims),
            )
        )
    return shown, max(0, len(groups) - limits.conflicts)


def _figure_span(
    connection: sqlite3.Connection, documents: Documents, claim: dict[str, Any]
) -> tuple[int, int]:
    """Where a claim's figure is in its document (claims carry no span)."""
    row = connection.execute(
        "SELECT start, end FROM figures WHERE doc = ? AND text = ?"
        " AND low = ? AND high = ? ORDER BY start LIMIT 1",
        (
            documents.row(claim["doc"])["rowid"],
            claim["text"],
            claim["low"],
            claim["high"],
        ),
    ).fetchone()
    return (int(row[0]), int(row[1])) if row else (0, 0)


def quote_graph(
    connection: sqlite3.Connection, documents: Documents, limits: Limits
) -> QuoteGraph:
    """Who is quoted, through which outlet (the one that reported the speaker,
    else the cited one, else the document's own), in which documents."""
    rows = connection.execute(
        "SELECT q.speaker, coalesce(q.via, c.outlet, d.outlet, '(no outlet)'),"
        " d.id, count(*) FROM quotes q JOIN documents d ON d.rowid = q.doc"
        " LEFT JOIN citations c ON c.doc = q.doc AND c.number = q.citation"
        f" WHERE {_INDEPENDENT} AND q.speaker IS NOT NULL"
        " GROUP BY 1, 2, 3"
    ).fetchall()
    per_speaker: Counter[str] = Counter()
    for speaker, _, _, n in rows:
        per_speaker[speaker] += n
    speakers = per_speaker.most_common(limits.speakers)
    top = {name for name, _ in speakers}
    kept = [(s, o, d, int(n)) for s, o, d, n in rows if s in top]
    per_outlet: Counter[str] = Counter()
    per_document: Counter[str] = Counter()
    for _, outlet, doc, n in kept:
        per_outlet[outlet] += n
        per_document[doc] += n
    outlets = per_outlet.most_common(limits.outlets_quoted)
    shown_outlets = {name for name, _ in outlets}
    docs = per_document.most_common(limits.documents_quoted)
    shown_docs = {name for name, _ in docs}
    # Each document drawn links to its entry among the sources.
    titles = {doc: documents.row(doc)["title"] or "(untitled)" for doc in shown_docs}
    speaker_outlet: Counter[tuple[str, str]] = Counter()
    outlet_document: Counter[tuple[str, str]] = Counter()
    for speaker, outlet, doc, n in kept:
        if outlet in shown_outlets:
            speaker_outlet[(speaker, outlet)] += n
            if doc in shown_docs:
                outlet_document[(outlet, doc)] += n
    return QuoteGraph(
        speakers=speakers,
        outlets=outlets,
        documents=docs,
        speaker_outlet=[(s, o, n) for (s, o), n in speaker_outlet.items()],
        outlet_document=[(o, d, n) for (o, d), n in outlet_document.items()],
        quotes=_quotes(connection, documents, [s for s, _ in speakers], limits),
        speakers_left_out=max(0, len(per_speaker) - limits.speakers),
        quotes_total=sum(per_speaker.values()),
        titles=titles,
    )


def _quotes(
    connection: sqlite3.Connection,
    documents: Documents,
    speakers: list[str],
    limits: Limits,
) -> list[Quoted]:
    found = []
    for speaker in speakers:
        rows = connection.execute(
            "SELECT coalesce(q.via, c.outlet, d.outlet, '(no outlet)'), q.text,"
            " q.start, q.end, d.id FROM quotes q JOIN documents d ON d.rowid = q.doc"
            " LEFT JOIN citations c ON c.doc = q.doc AND c.number = q.citation"
            f" WHERE {_INDEPENDENT} AND q.speaker = ?"
            " ORDER BY d.date IS NULL, d.date, d.id, q.start LIMIT ?",
            (speaker, limits.quotes),
        ).fetchall()
        for outlet, text, start, end, doc in rows:
            found.append(
                Quoted(
                    speaker,
                    outlet,
                    excerpt(text, limits.excerpt),
                    documents.where(doc, start, end),
                )
            )
    return found


def reuse(
    connection: sqlite3.Connection, documents: Documents, limits: Limits
) -> tuple[list[Reuse], int]:
    shown: list[Reuse] = []
    total = 0
    for pair in iter_reuse_pairs(connection):
        total += 1
        if len(shown) == limits.reuse:
            continue
        a_start, a_end = pair["a_span"]
        b_start, b_end = pair["b_span"]
        a_text = documents.text(pair["a"], a_start, a_end)
        b_text = documents.text(pair["b"], b_start, b_end)
        shown.append(
            Reuse(
                a=documents.where(pair["a"], a_start, a_end),
                b=documents.where(pair["b"], b_start, b_end),
                score=pair["score"],
                direction=pair["direction"],
                a_text=excerpt(a_text, limits.excerpt),
                b_text=excerpt(b_text, limits.excerpt),
            )
        )
    return shown, total - len(shown)


def gather(connection: sqlite3.Connection, limits: Limits | None = None) -> Facts:
    """Everything the report shows, from the dossier open on `connection`."""
    limits = limits or Limits()
    documents = Documents(connection)
    conflicts_shown, conflicts_left_out = conflicts(connection, documents, limits)
    reuse_shown, reuse_left_out = reuse(connection, documents, limits)
    return Facts(
        counts=counts(connection),
        outlets=outlets(connection, limits),
        years=years(connection),
        timeline=timeline(connection, documents, limits),
        conflicts=conflicts_shown,
        conflicts_left_out=conflicts_left_out,
        graph=quote_graph(connection, documents, limits),
        reuse=reuse_shown,
        reuse_left_out=reuse_left_out,
        sources=documents.sources(),
    )
