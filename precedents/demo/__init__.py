"""The built-in demo precedents a new user sees on an empty library.

``precedents.jsonl`` holds 32 precedents written for the project in the
interchange format (``docs/interchange.md``). They are fictional but follow
the way a civil-affairs case file is written; among them are the three Xiamen
precedents of the glossary (集美区后溪镇 王某, 海沧区东孚街道 小胡, 同安区莲花镇
老叶). Several small groups recur on purpose (a seriously ill member granted
单人户低保, elderly people living alone given 照护服务, sudden accidents met by
救急难 and 临时救助, land-acquisition pensions and 特困供养, rare diseases) so
that search, similar-case ranking and pattern mining have something to show on
the demo data. Two matters are still undecided, and some deliberations record
differing opinions between levels.

Codes have the form ``DEMO-<district initials>-<filing year>-<NNN>``; names are
anonymised and ID and phone numbers masked, so the file is safe to show.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

#: Prefix of every demo case code, so that demo records can be told apart.
DEMO_CODE_PREFIX = "DEMO-"

_DEMO_FILE = "precedents.jsonl"


def demo_path() -> Path:
    """The demo JSON Lines file shipped inside this package.

    The package is installed as plain files (setuptools package data), so the
    resource is a real file that the importer can open by path.
    """
    return Path(str(resources.files(__package__ or __name__).joinpath(_DEMO_FILE)))
