"""The Jinja2 environment of the pages: autoescaped, strict, with the few
filters templates need to link safely."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from dossier.present.figures import figure_text
from dossier.present.links import live_url


def path_part(value: Any) -> str:
    """A value quoted to sit in one segment of a path (`/` too)."""
    return quote(str(value), safe="")


def locator_label(locator: dict[str, Any] | None) -> str:
    """A locator as a reader says it: `jsonl line 3, 120–180`."""
    if not locator:
        return ""
    where = [str(locator.get("format", ""))]
    if "line" in locator:
        where.append(f"line {locator['line']},")
    if "page" in locator:
        pages = f"page {locator['page']}"
        if "end_page" in locator:
            pages += f"–{locator['end_page']}"
        where.append(pages + ",")
    where.append(f"{locator.get('start')}–{locator.get('end')}")
    if locator.get("approximate"):
        where.append("(approximate)")
    return " ".join(where)


# Around matched words in the page's snippets: control characters clean text
# never holds, where `[` and `]` (the CLI's) may be printed in a document.
SNIPPET_MARKS = ("\x02", "\x03")


def highlight(snippet: str | None) -> Markup:
    """A snippet with its matched words in <mark>, everything else escaped."""
    if not snippet:
        return Markup("")
    opening, closing = SNIPPET_MARKS
    html = str(escape(snippet))
    html = html.replace(opening, "<mark>").replace(closing, "</mark>")
    return Markup(html)


def number(value: Any, unit: str | None = None) -> str:
    """Figures as the CLI prints them (`figure_text`)."""
    if isinstance(value, float):
        return figure_text(value, unit)
    return str(value)


environment = Environment(
    loader=PackageLoader("dossier.present.web", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
environment.filters.update(
    outside_link=live_url,
    path_part=path_part,
    locator_label=locator_label,
    number=number,
    highlight=highlight,
)
templates = Jinja2Templates(env=environment)
