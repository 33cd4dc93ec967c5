"""Unsaved edits kept in the data folder, so a crash or a closed window loses nothing.

A draft is the raw state of an edit form (what the officer typed, valid or
not) with the precedent it belongs to and the version that was being edited.
Drafts live as one JSON file each in the data folder's ``drafts/``; they are
written atomically and removed once the precedent is saved or the officer
discards the changes. They hold personal data like the database does, and stay
in the data folder with it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

DRAFT_VERSION = 1
NEW_PREFIX = "new-"


@dataclass(slots=True)
class Draft:
    """The state of one unsaved edit."""

    #: The code of the precedent being edited, or ``new-…`` for a new matter.
    key: str
    #: The version of the precedent the edit started from (None for a new matter).
    base_version: int | None
    #: The form's fields as typed: strings, lists of strings, lists of row dicts.
    fields: dict[str, Any] = field(default_factory=dict)
    saved_at: dt.datetime | None = None

    @property
    def is_new(self) -> bool:
        return self.key.startswith(NEW_PREFIX)

    @property
    def title(self) -> str:
        value = self.fields.get("title")
        return value.strip() if isinstance(value, str) else ""

    @staticmethod
    def new_key() -> str:
        return NEW_PREFIX + uuid.uuid4().hex[:12]


class DraftStore:
    """The drafts of one data folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _file(self, key: str) -> Path:
        # Codes may hold characters a file name cannot (/, Chinese on old file systems).
        digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]
        return self.folder / f"{digest}.json"

    def save(self, draft: Draft) -> Draft:
        draft.saved_at = dt.datetime.now().replace(microsecond=0)
        data = {
            "version": DRAFT_VERSION,
            "key": draft.key,
            "base_version": draft.base_version,
            "saved_at": draft.saved_at.isoformat(),
            "fields": draft.fields,
        }
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self._file(draft.key)
        temp = target.with_name(target.name + ".tmp")
        temp.write_text(json.dumps(data, ensure_ascii=False, default=str), encoding="utf-8")
        os.replace(temp, target)
        return draft

    def load(self, key: str) -> Draft | None:
        return self._read(self._file(key))

    def _read(self, path: Path) -> Draft | None:
        if not path.is_file():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            saved_at = dt.datetime.fromisoformat(data["saved_at"])
            fields = data["fields"]
            if not isinstance(fields, dict):
                raise ValueError("fields is not an object")
            return Draft(
                key=str(data["key"]),
                base_version=data.get("base_version"),
                fields=fields,
                saved_at=saved_at,
            )
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("draft %s unreadable, left in place: %s", path.name, exc)
            return None

    def all(self) -> list[Draft]:
        """Every readable draft, newest first."""
        if not self.folder.is_dir():
            return []
        drafts = [d for p in self.folder.glob("*.json") if (d := self._read(p)) is not None]
        return sorted(drafts, key=lambda d: d.saved_at or dt.datetime.min, reverse=True)

    def discard(self, key: str) -> None:
        self._file(key).unlink(missing_ok=True)
