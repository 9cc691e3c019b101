"""The `dossier` command: thin Typer wrappers over library functions."""
