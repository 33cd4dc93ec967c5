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

TRANSLATIONS_DIR = Path(__file__).with_name("translations")
CATALOGUE = "precedent_desk"
DEFAULT_LANGUAGE = "zh_CN"
#: Language code → its name in that language (shown in the settings as is).
LANGUAGES: dict[str, str] = {"zh_CN": "简体中文", "en": "English"}

_installed: list[QTranslator] = []


def catalogue_path(language: str = DEFAULT_LANGUAGE) -> Path:
    return TRANSLATIONS_DIR / f"{CATALOGUE}_{language}.qm"


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
    own = QTranslator(app)
    if not own.load(str(catalogue_path(language))):
        log.error("translation %s missing; showing English", catalogue_path(language).name)
        return "en"
    app.installTranslator(own)
    _installed.append(own)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_own = QTranslator(app)
    if qt_own.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    return language
