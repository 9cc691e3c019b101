"""The exception tree; the CLI turns any of these into `Error: <one line>`.

DossierError
├── InputError   a file cannot be read or holds no usable text   (exit 2)
│   └── NotFound   no stored document or entity by that id or name (the
│                  API answers 404)
├── PackError    a domain pack is missing or malformed           (exit 2)
├── StoreError   the database cannot be opened, migrated or written:
│   │            disk full, read-only, locked, newer schema       (exit 3)
│   └── FileNotStored  one file's rows broke a constraint: reported, the
│                      build goes on
└── EngineError  the engine cannot run: a Dask scheduler out of reach,
                 no workers, or workers running other code        (exit 2)
"""


class DossierError(Exception):
    """Base of every error dossier raises on purpose."""


class InputError(DossierError):
    """A file cannot be read, decoded or holds no text worth storing."""


class NotFound(InputError):
    """No stored document or entity answers to the id or name given."""


class PackError(DossierError):
    """A domain pack is missing, or one of its files is malformed."""


class StoreError(DossierError):
    """The database cannot be opened, migrated or written."""


class FileNotStored(StoreError):
    """One file's rows could not be stored (a constraint they broke, a bug);
    its transaction is rolled back and the build goes on with the others."""


class EngineError(DossierError):
    """The engine cannot run: a cluster out of reach or running other code."""
