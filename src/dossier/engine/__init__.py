"""Engines map `run_file` over paths: in this process, or over a process pool."""

from dossier.engine.local import ENGINES, map_files

__all__ = ["ENGINES", "map_files"]
