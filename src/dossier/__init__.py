"""dossier: a source-critical record from piles of noisy state-media documents."""

__version__ = "0.1.0"
