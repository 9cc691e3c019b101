"""Render the gathered facts as one HTML or Markdown file (Jinja2 templates
shipped in `templates/`). Autoescape is on for HTML, and Markdown has its
own escape: document text is untrusted, so a `<script>` in a title is shown
as text in both.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from dossier.present.figures import figure_text
from dossier.present.links import live_url
from dossier.present.report import charts
from dossier.present.report.model import Facts

TEMPLATES = Path(__file__).parent / "templates"
FORMS = ("html", "md")


def locator_text(locator: dict[str, Any]) -> str:
    """Where in the file, in words: `chars 31-47`, `line 3, chars 5-90`,
    `page 2, chars 10-80`, `markup 100-250 (approximate)`."""
    start, end = locator["start"], locator["end"]
    form = locator["format"]
    if form == "jsonl":
        return f"line {locator['line']}, chars {start}-{end}"
    if form == "pdf":
        pages = f"page {locator['page']}"
        if locator.get("end_page"):
            pages += f" to {locator['end_page']}"
        return f"{pages}, chars {start}-{end}"
    if form == "html":
        return f"markup {start}-{end}" + (
            " (approximate)" if locator.get("approximate") else ""
        )
    return f"chars {start}-{end}"


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~>-])")


def markdown(value: object) -> str:
    """Text as Markdown shows it literally, on one line: markup characters
    backslashed, `<` and `&` as entities (Markdown passes HTML through)."""
    line = " ".join(str("" if value is None else value).split())
    line = line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", line)


def code(value: object) -> str:
    """Text for a Markdown code span, shown as is there: one line, no
    backtick to close the span early."""
    return " ".join(str(value).split()).replace("`", "'")


def count(n: int, noun: str) -> str:
    """`1 statement`, `2,400 statements`."""
    return f"{n:,} {noun}" + ("" if n == 1 else "s")


def _environment(form: str) -> Environment:
    environment = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(enabled_extensions=("html.j2",)),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["locator"] = locator_text
    environment.filters["web_url"] = live_url
    environment.filters["number"] = figure_text
    environment.filters["count"] = count
    environment.filters["md"] = markdown
    environment.filters["code"] = code
    return environment


def render(facts: Facts, *, form: str, db_name: str, generated: str) -> str:
    """The whole report as one string."""
    context: dict[str, Any] = {
        "facts": facts,
        "db": db_name,
        "generated": generated,
    }
    if form == "html":
        context["charts"] = {
            "outlets": Markup(
                charts.horizontal_bars(facts.outlets.bars, label="Documents per outlet")
            ),
            "years": Markup(
                charts.vertical_bars(facts.years.bars, label="Documents by date")
            ),
            "timeline": Markup(
                charts.timeline_chart(facts.timeline, label="Dated statements")
            ),
            "graph": Markup(
                charts.quote_graph_chart(facts.graph, label="Who is quoted where")
            ),
        }
    template = _environment(form).get_template(f"report.{form}.j2")
    return template.render(context)
