"""Read: turn a file into `Source` records (raw text, encoding, sha256).

`read_file` picks a reader by extension; `walk` lists the files under paths.
"""

from dossier.read.files import read_file, walk

__all__ = ["read_file", "walk"]
