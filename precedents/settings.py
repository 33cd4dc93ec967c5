"""Settings that the command line and the desktop share, kept in the data folder.

Stored as ``settings.json`` with a version number; `load_settings` upgrades older
files step by step and keeps keys it does not know (a newer program's). Window
layout and other desktop-only state live in QSettings, not here.
"""

from __future__ import annotations

import getpass
import json
import logging
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

log = logging.getLogger(__name__)

SETTINGS_VERSION = 1


@dataclass(slots=True)
class Settings:
    #: Officer and department named in reports and the audit trail.
    officer_name: str = ""
    department: str = ""
    #: The issuing body printed on documents (发文机关), e.g. 厦门市民政局.
    organisation: str = ""
    #: A server database for the whole office; empty means the local SQLite file.
    db_url: str = ""
    #: Export fonts by role (title, body, heading1, heading2, page_number); empty = defaults.
    fonts: dict[str, str] = field(default_factory=dict)
    #: The office's Word template (红头) for exports; empty = the built-in layout.
    template_path: str = ""
    #: The 22 x 28 grid of Word exports: "compatible" (Word, WPS and LibreOffice) or
    #: "native" (Word's document grid; LibreOffice mis-draws it).
    word_grid: str = "compatible"
    #: Similarity attribute weights by name; missing names take the defaults.
    similarity_weights: dict[str, float] = field(default_factory=dict)
    #: Local 低保 standard in yuan per person per month, by year ("2024": 1200).
    dibao_lines: dict[str, float] = field(default_factory=dict)
    #: Pattern mining thresholds.
    pattern_min_support: int = 3
    pattern_min_districts: int = 2
    #: Keys written by a newer program, kept as read.
    unknown: dict[str, Any] = field(default_factory=dict)

    def actor(self) -> str:
        """Who is acting: the configured officer, else the operating-system user."""
        if self.officer_name.strip():
            return self.officer_name.strip()
        try:
            return getpass.getuser()
        except (KeyError, OSError):
            return "未署名"


#: Chinese names of the settings, for the audit trail.
SETTING_LABELS: dict[str, str] = {
    "officer_name": "经办人",
    "department": "部门",
    "db_url": "数据库地址",
    "fonts": "字体",
    "template_path": "公文模板",
    "similarity_weights": "相似度权重",
    "dibao_lines": "低保标准",
    "pattern_min_support": "规律发现最少案例数",
    "pattern_min_districts": "规律发现最少区数",
    "unknown": "其他设置",
}


def _upgrade(data: dict[str, Any]) -> dict[str, Any]:
    version = int(data.get("version", 1))
    # Future versions add steps here: if version < 2: ...; version = 2
    data["version"] = version
    return data


def load_settings(path: Path) -> Settings:
    """Settings from `path`; a missing or unreadable file gives the defaults (logged)."""
    if not path.is_file():
        return Settings()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError("not an object")
    except (OSError, ValueError) as exc:
        log.warning("settings file unreadable, using defaults: %s", exc)
        return Settings()
    data = _upgrade(data)
    known = {f.name for f in fields(Settings)} - {"unknown"}
    values = {k: v for k, v in data.items() if k in known}
    unknown = {k: v for k, v in data.items() if k not in known and k != "version"}
    try:
        return Settings(**values, unknown=unknown)
    except TypeError as exc:
        log.warning("settings file has wrong types, using defaults: %s", exc)
        return Settings()


def save_settings(settings: Settings, path: Path) -> None:
    """Write atomically, so a crash never leaves a half-written settings file."""
    data = asdict(settings)
    unknown = data.pop("unknown")
    data = {"version": SETTINGS_VERSION, **data, **unknown}
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(path.name + ".tmp")
    temp.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(temp, path)


def _shown(name: str, value: Any) -> Any:
    if name == "db_url" and isinstance(value, str) and value:
        try:
            return make_url(value).render_as_string(hide_password=True)
        except ArgumentError:
            return "（无法解析的地址）"
    return value


def settings_changes(before: Settings, after: Settings) -> list[dict[str, Any]]:
    """[{"field", "old", "new", "personal"}] for the audit trail; passwords hidden."""
    old, new = asdict(before), asdict(after)
    return [
        {
            "field": name,
            "old": _shown(name, old[name]),
            "new": _shown(name, new[name]),
            "personal": False,
        }
        for name in old
        if old[name] != new[name]
    ]
