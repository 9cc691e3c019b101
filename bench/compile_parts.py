"""Benchmark: the compiled pack's parts, in CPU seconds, in one fresh process.

    PYTHONPATH=SRC python bench/compile_parts.py

Imports what `bench/start_costs.py` imports, then spaCy (timed apart, as
`spacy import`), then builds each part `compiled._compile` builds, in its
order, each timed with `time.process_time` under the paused collector as
`compile_pack` builds them: the pack index, its people, the tokenizer, the
time rules, the word scan, the gazetteer, the lead words joined. Prints one
JSON line; run it once per tree, alternated, for pairs.
"""

from __future__ import annotations

import dataclasses
import importlib
import json
import time
from collections.abc import Callable
from typing import Any

from dossier.startup import collector_paused

MODULES = (
    "dossier.annotate.entities",
    "dossier.annotate.figures",
    "dossier.annotate.quotes",
    "dossier.annotate.quotes.citations",
    "dossier.annotate.reading",
    "dossier.annotate.time",
    "dossier.link.claims_stored",
    "dossier.link.copies",
    "dossier.link.entities",
    "dossier.link.reuse",
    "dossier.pipeline",
    "dossier.present.cli.build",
    "dossier.settings",
)


def main() -> None:
    with collector_paused():
        compiled: Any = importlib.import_module("dossier.annotate.compiled")
        for name in MODULES:
            importlib.import_module(name)
        begun = time.process_time()
        importlib.import_module("spacy.lang.en")
        spent: dict[str, float] = {"spacy import": time.process_time() - begun}
    from dossier.packs import load_pack

    pack = load_pack("korea")

    def timed(label: str, make: Callable[[], Any]) -> Any:
        begun = time.process_time()
        made = make()
        spent[label] = round(time.process_time() - begun, 4)
        return made

    with collector_paused():
        index = timed("index", lambda: compiled.build_index(pack))
        index = timed(
            "people",
            lambda: dataclasses.replace(index, people=compiled.index_people(index)),
        )
        nlp = timed("tokenizer", compiled.tokenizer)
        rules = timed("rules", lambda: compiled.compile_rules(pack.eras))
        timed("scan_pattern", compiled.scan_pattern)
        timed("gazetteer", lambda: compiled.build_gazetteer(index, nlp))
        timed("join_leads", lambda: compiled.join_leads(rules))
    parts = [value for label, value in spent.items() if label != "spacy import"]
    spent["total"] = round(sum(parts), 4)
    spent["spacy import"] = round(spent["spacy import"], 4)
    print(json.dumps(spent))


if __name__ == "__main__":
    main()
