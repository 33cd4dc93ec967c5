"""Refresh the desktop's translation catalogue after changing interface text.

    python tools/update_translations.py

Runs ``pyside6-lupdate`` over ``desktop/`` (new strings are added as unfinished,
removed ones dropped), then ``pyside6-lrelease`` to compile the ``.qm`` the program
loads. Translate the unfinished strings in ``desktop/translations/*.ts`` (with Qt
Linguist, ``pyside6-linguist``, or by hand) and run this again. Exits with 1 while
any string is unfinished; ``tests/desktop/test_translations.py`` checks the same.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "desktop" / "translations"


def _tool(name: str) -> str:
    candidate = Path(sys.executable).with_name(name)
    found = str(candidate) if candidate.exists() else shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6")
    return found


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from desktop import i18n

    unfinished = 0
    for catalogue in i18n.catalogues():
        sources = [str(p.relative_to(ROOT)) for p in i18n.catalogue_sources(catalogue)]
        ts = TRANSLATIONS / f"{catalogue}_{i18n.DEFAULT_LANGUAGE}.ts"
        subprocess.run(
            [
                _tool("pyside6-lupdate"),
                *sources,
                "-ts",
                str(ts),
                "-no-obsolete",
                "-locations",
                "none",
            ],
            check=True,
            cwd=ROOT,
        )
        subprocess.run(
            [_tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))],
            check=True,
            cwd=ROOT,
        )
        for message in ET.parse(ts).getroot().iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") == "unfinished":
                unfinished += 1
                print(f"{ts.name}: unfinished: {message.findtext('source')!r}")
    return 1 if unfinished else 0


if __name__ == "__main__":
    sys.exit(main())
