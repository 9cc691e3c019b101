"""The JSON contract every `--json` listing (and the API) keeps.

`schemas/contracts.schema.json` defines each record once; docs/contracts.md
says what each field means. `COMMANDS` names the record each command prints,
so tests (and anyone scripting dossier) can check output against it.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

SCHEMA_PATH = Path(__file__).parent / "schemas" / "contracts.schema.json"

# command -> (definition in the schema, whether it prints an array of them)
COMMANDS: dict[str, tuple[str, bool]] = {
    "build": ("build_summary", False),
    "docs": ("document", True),
    "show": ("document_detail", False),
    "search": ("search_hit", True),
    "entities": ("entity", True),
    "timeline": ("timeline_entry", True),
    "claims": ("claim", True),
    "claims --conflicts": ("claim_group", True),
    "quotes": ("quote", True),
    "citations": ("citation", True),
    "reuse": ("reuse_pair", True),
    "calendar": ("calendar_entry", True),
    "forget": ("forget_summary", False),
}


@cache
def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return loaded


def schema_for(command: str) -> dict[str, Any]:
    """A standalone schema for what `dossier COMMAND --json` prints."""
    definition, is_array = COMMANDS[command]
    root = schema()
    record = {"$ref": f"#/$defs/{definition}"}
    return {
        "$schema": root["$schema"],
        "$defs": root["$defs"],
        **({"type": "array", "items": record} if is_array else record),
    }
