"""The exception tree; the CLI turns any of these into `Error: <one line>`.

DossierError
├── InputError   a file cannot be read or holds no usable text
├── PackError    a domain pack is missing or malformed
└── StoreError   the database cannot be opened, migrated or written
"""


class DossierError(Exception):
    """Base of every error dossier raises on purpose."""


class InputError(DossierError):
    """A file cannot be read, decoded or holds no text worth storing."""


class PackError(DossierError):
    """A domain pack is missing, or one of its files is malformed."""


class StoreError(DossierError):
    """The database cannot be opened, migrated or written."""
