# dossier: `make demo` and `make test` do all set-up on a fresh machine.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test lint types unit screenshots bench eval fuzz clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	rm -f demo.db demo.db-wal demo.db-shm
	$(BIN)/dossier build examples --db demo.db
	@echo
	@echo "Built demo.db from examples/. Look at it with:"
	@echo "  $(BIN)/dossier docs --db demo.db"
	@echo "  $(BIN)/dossier show ID --db demo.db [--raw]"
	@echo "  $(BIN)/dossier search 'Kim Il Sung' --db demo.db"
	@echo "  $(BIN)/dossier entities --db demo.db"
	@echo "  $(BIN)/dossier timeline --db demo.db --from 1945 --to 1953"
	@echo "  $(BIN)/dossier claims --db demo.db --conflicts"
	@echo "  $(BIN)/dossier quotes --db demo.db"
	@echo "  $(BIN)/dossier calendar --db demo.db --from 2025 --to 2026"
	@echo "Every listing takes --json. In a browser:"
	@echo "  $(BIN)/dossier serve --db demo.db    (then open http://127.0.0.1:8000)"
	@echo "A file to hand on:"
	@echo "  $(BIN)/dossier report --db demo.db --out report.html"

lint: $(STAMP)
	$(BIN)/ruff check src tests bench eval fuzz
	$(BIN)/ruff format --check src tests bench eval fuzz

types: $(STAMP)
	$(BIN)/mypy

# Bytecode written even where the environment says not to: each xdist worker
# imports and assertion-rewrites every test module again without it (10 CPU s
# a worker, 6 with it; __pycache__ is ignored by git).
unit: $(STAMP)
	PYTHONDONTWRITEBYTECODE= $(BIN)/pytest -q -n auto

test: lint types unit

# The README's pictures, taken again by the browser tests (`make test` takes
# them into a temporary folder and leaves docs/ alone).
screenshots: $(STAMP)
	DOSSIER_SCREENSHOTS=1 $(BIN)/pytest -q tests/present/web/test_browser.py

bench: $(STAMP)
	$(BIN)/python bench/end_to_end.py
	$(BIN)/python bench/build_speed.py
	$(BIN)/python bench/annotate_speed.py
	$(BIN)/python bench/copies_speed.py
	if [ -d ../shared/corpus/kcna-2024 ]; then $(BIN)/python bench/annotate_speed.py --kcna; fi

clean:
	rm -rf $(VENV) demo.db demo.db-wal demo.db-shm bench/out fuzz/out

# Time-boxed atheris fuzzing of every per-file stage (not part of `make
# test`): FUZZ_SECONDS each, inputs up to 100 KB, an input over 1 s a hang.
# Then the property tests with all their examples (`make test` tries a
# tenth: tests/properties.py).
FUZZ_SECONDS ?= 60
fuzz: $(STAMP)
	$(BIN)/python fuzz/run.py --seconds $(FUZZ_SECONDS)
	DOSSIER_PROPERTIES=full $(BIN)/pytest -q -n auto -m hypothesis

eval: $(STAMP)
	$(BIN)/python -m eval.report
