"""How a claim's figure is printed: in the CLI's tables, the web pages and
the report alike."""

from __future__ import annotations


def figure_text(value: float, unit: str | None = None) -> str:
    """A figure as meant: hedged intervals are products (1.1 x 100,000 is
    printed 110,000); a year (the date a source gives an event, unit
    `year`) as a year, not as a count (1948, not 1,948)."""
    if unit == "year":
        return f"{value:.0f}"
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:g}"
