"""Translations of the user interface: Chinese by default, English on request.

Every visible string is written in English in the source and goes through Qt's
translation functions; the shipped ``translations/precedent_desk_zh_CN.qm`` (made
from the ``.ts`` file by ``pyside6-lrelease``) turns it into Chinese. Qt's own
dialogs (file chooser, standard buttons) use Qt's shipped ``qtbase_zh_CN.qm``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

DESKTOP_DIR = Path(__file__).parent
TRANSLATIONS_DIR = DESKTOP_DIR / "translations"
#: The main catalogue: every string of the desktop not claimed by an area catalogue.
CATALOGUE = "precedent_desk"
#: Area catalogues, each holding the strings of its own sub-package of ``desktop/``, so
#: that work on one area never rewrites another area's translations.
AREA_CATALOGUES: dict[str, str] = {
    "meetings": "meetings",
    "office": "office",
    "patterns": "patterns",
    "statistics": "statistics",
}
DEFAULT_LANGUAGE = "zh_CN"
#: Language code → its name in that language (shown in the settings as is).
LANGUAGES: dict[str, str] = {"zh_CN": "简体中文", "en": "English"}

_installed: list[QTranslator] = []


def catalogues() -> list[str]:
    return [CATALOGUE, *AREA_CATALOGUES]


def catalogue_path(language: str = DEFAULT_LANGUAGE, catalogue: str = CATALOGUE) -> Path:
    return TRANSLATIONS_DIR / f"{catalogue}_{language}.qm"


def catalogue_sources(catalogue: str = CATALOGUE) -> list[Path]:
    """The Python files whose strings belong to `catalogue`."""
    every = sorted(DESKTOP_DIR.rglob("*.py"))
    if catalogue in AREA_CATALOGUES:
        area = DESKTOP_DIR / AREA_CATALOGUES[catalogue]
        return [path for path in every if area in path.parents]
    claimed = [DESKTOP_DIR / folder for folder in AREA_CATALOGUES.values()]
    return [path for path in every if not any(area in path.parents for area in claimed)]


def install(app: QCoreApplication, language: str = DEFAULT_LANGUAGE) -> str:
    """Install the translators for `language`; returns the language in effect."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language not in LANGUAGES:
        language = DEFAULT_LANGUAGE
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return language
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    for catalogue in catalogues():
        own = QTranslator(app)
        path = catalogue_path(language, catalogue)
        if not own.load(str(path)):
            log.error("translation %s missing; showing English", path.name)
            return "en"
        app.installTranslator(own)
        _installed.append(own)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_own = QTranslator(app)
    if qt_own.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    return language
