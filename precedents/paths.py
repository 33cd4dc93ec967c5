"""Where the program keeps its files.

One place decides every path, so tests can redirect all of them to a temporary
folder and Windows gets its AppData folders (through platformdirs). The data
folder comes from, in order: an explicit argument (``--data-dir``), the
``PRECEDENTS_DATA_DIR`` environment variable, the platform's user data folder.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "PrecedentDesk"
DATA_DIR_ENV = "PRECEDENTS_DATA_DIR"
DB_URL_ENV = "PRECEDENTS_DB_URL"
DB_FILENAME = "precedents.sqlite3"


def default_data_dir() -> Path:
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))


@dataclass(frozen=True, slots=True)
class DataPaths:
    """All the folders and files that belong to one data folder."""

    root: Path

    @classmethod
    def resolve(cls, data_dir: str | os.PathLike[str] | None = None) -> DataPaths:
        root = Path(data_dir).expanduser() if data_dir else default_data_dir()
        return cls(root.resolve())

    @property
    def database(self) -> Path:
        return self.root / DB_FILENAME

    @property
    def attachments(self) -> Path:
        return self.root / "attachments"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def drafts(self) -> Path:
        return self.root / "drafts"

    @property
    def settings_file(self) -> Path:
        return self.root / "settings.json"

    @property
    def cache(self) -> Path:
        """Caches that can be thrown away (segmenter cache and the like)."""
        return self.root / "cache"

    def index_dir(self, db_url: str) -> Path:
        """The search index for one database.

        The index is a per-desktop cache; a desktop that switches between a local
        file and an office server keeps one index for each, so neither is ever
        searched against the wrong database.
        """
        digest = hashlib.sha1(db_url.encode("utf-8")).hexdigest()[:10]
        return self.root / "index" / digest

    def ensure(self) -> DataPaths:
        for folder in (self.root, self.attachments, self.backups, self.logs, self.cache):
            folder.mkdir(parents=True, exist_ok=True)
        return self

    def sqlite_url(self) -> str:
        return "sqlite:///" + self.database.as_posix()
