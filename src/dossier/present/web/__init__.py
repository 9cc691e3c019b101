"""`dossier serve`: the web UI and JSON API over one dossier, read-only
(issue 16). `create_app` (in `app`) builds it; import it from there, so
`import dossier` never loads FastAPI."""
