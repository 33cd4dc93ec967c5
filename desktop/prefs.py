"""Desktop preferences: window layout, language, data folder, kept in QSettings.

Every key is declared here, with its default, and the stored layout carries a
version so that a later program can migrate or drop what an older one wrote
(Picard's options/config-upgrade pattern). Settings the command line shares
(officer, fonts, database) live in the data folder's settings.json instead.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from desktop.i18n import DEFAULT_LANGUAGE

PREFS_VERSION = 1

ORGANIZATION = "PrecedentDesk"
APPLICATION = "PrecedentDesk"

#: Keys and defaults of everything stored; layout keys hold Qt's saved states.
VERSION = "version"
LANGUAGE = "ui/language"
DATA_DIR = "data/folder"
LAST_FOLDER = "ui/last_folder"
WINDOW_GEOMETRY = "window/geometry"
WINDOW_STATE = "window/state"
LIBRARY_SPLITTER = "library/splitter"
DETAIL_SPLITTER = "library/detail_splitter"
RESULT_COLUMNS = "library/result_columns"
LAST_PAGE = "window/page"


class Prefs:
    """Typed access to the desktop's QSettings."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._s = settings if settings is not None else QSettings()
        self._upgrade()

    def _upgrade(self) -> None:
        stored = _as_int(self._s.value(VERSION, 0))
        if stored > PREFS_VERSION:
            # A newer program wrote these; its layout may not suit this one.
            for key in (WINDOW_STATE, LIBRARY_SPLITTER, DETAIL_SPLITTER, RESULT_COLUMNS):
                self._s.remove(key)
        # Future versions add steps here: if stored < 2: rename or convert keys.
        self._s.setValue(VERSION, PREFS_VERSION)

    @property
    def qsettings(self) -> QSettings:
        return self._s

    def text(self, key: str, default: str = "") -> str:
        value = self._s.value(key, default)
        return value if isinstance(value, str) else default

    def set_text(self, key: str, value: str) -> None:
        self._s.setValue(key, value)

    def language(self) -> str:
        return self.text(LANGUAGE, DEFAULT_LANGUAGE) or DEFAULT_LANGUAGE

    def set_language(self, language: str) -> None:
        self.set_text(LANGUAGE, language)

    def data_dir(self) -> str:
        return self.text(DATA_DIR)

    def set_data_dir(self, folder: str) -> None:
        self.set_text(DATA_DIR, folder)

    def layout(self, key: str) -> QByteArray | None:
        value = self._s.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_layout(self, key: str, state: QByteArray) -> None:
        self._s.setValue(key, state)

    def number(self, key: str, default: int = 0) -> int:
        return _as_int(self._s.value(key, default), default)

    def set_number(self, key: str, value: int) -> None:
        self._s.setValue(key, value)

    def sync(self) -> None:
        self._s.sync()


def _as_int(value: object, default: int = 0) -> int:
    """QSettings hands back strings from INI files and ints from the registry."""
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    return default
