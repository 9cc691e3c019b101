"""`dossier report`: one self-contained HTML (or Markdown) file to hand on.

Two steps: `facts.gather` reads what to show from the database (bounded:
the top of each section, the rest counted), then `render.render` fills the
Jinja2 templates in `templates/`, with charts drawn as inline SVG by
`charts`. Nothing in the file points outside it but the documents' own urls.
"""

from __future__ import annotations

from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from dossier.present.outfile import checked_target, write_whole
from dossier.present.report.facts import gather
from dossier.present.report.model import Facts, Limits
from dossier.present.report.render import FORMS, render
from dossier.store import connect
from dossier.store.queries import choice

__all__ = ["FORMS", "Facts", "Limits", "gather", "render", "write_report"]


def write_report(
    db: str | Path,
    out: str | Path,
    *,
    form: str = "html",
    force: bool = False,
    limits: Limits | None = None,
) -> Facts:
    """Write the report on the dossier at `db` to `out`; return its facts."""
    form = choice(form, FORMS, "--format") or form
    target = checked_target(Path(out), force=force)
    with closing(connect(db, create=False)) as connection:
        facts = gather(connection, limits)
    generated = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    text = render(facts, form=form, db_name=Path(db).name, generated=generated)
    write_whole(target, lambda path: path.write_text(text, encoding="utf-8"))
    return facts
