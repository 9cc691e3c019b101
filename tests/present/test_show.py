"""`dossier show ID` as a table: the title and a line of metadata, then the
document's text exactly as stored, written straight to stdout (#17)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from dossier.present.cli.app import app

runner = CliRunner()


def test_show_prints_each_text_as_stored_after_its_heading(seeded_db: Path) -> None:
    listed = runner.invoke(app, ["docs", "--db", str(seeded_db), "--json", "--all"])
    documents = json.loads(listed.stdout)
    assert len(documents) > 5
    for document in documents:
        args = ["show", document["id"], "--db", str(seeded_db)]
        shown = runner.invoke(app, [*args, "--json"])
        text = json.loads(shown.stdout)["text"]
        printed = runner.invoke(app, args)
        assert printed.exit_code == 0, printed.output
        heading, body = printed.stdout.split("\n\n", 1)
        assert heading.splitlines()[0] == (document["title"] or "(untitled)")
        assert document["id"] in heading.splitlines()[1]
        assert body == text + "\n"


MARKUP = {
    "title": "Rally in [bold]Pyongyang[/bold]",
    "date": "2024-05-03",
    "text": "PYONGYANG, May 3 (KCNA) -- A rally was held in Pyongyang on Friday."
    " Placards read [red]Down with imperialism[/red] and :smile: and :flag_for_x:,"
    " the agency said.",
}


def test_show_prints_markup_and_emoji_codes_as_written(tmp_path: Path) -> None:
    # rich would style `[red]...[/red]` unless escaped, and turned `:smile:`
    # into an emoji: the text is the document's, character for character.
    (tmp_path / "wire.jsonl").write_text(json.dumps(MARKUP) + "\n", encoding="utf-8")
    db = str(tmp_path / "markup.db")
    built = runner.invoke(app, ["build", str(tmp_path / "wire.jsonl"), "--db", db])
    assert built.exit_code == 0, built.output
    (document,) = json.loads(runner.invoke(app, ["docs", "--db", db, "--json"]).stdout)
    args = ["show", document["id"], "--db", db]
    text = json.loads(runner.invoke(app, [*args, "--json"]).stdout)["text"]
    assert "[red]Down with imperialism[/red] and :smile: and :flag_for_x:," in text
    printed = runner.invoke(app, args)
    assert printed.stdout.startswith(MARKUP["title"] + "\n")
    assert printed.stdout.endswith("\n\n" + text + "\n")
