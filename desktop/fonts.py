"""The interface font: a Chinese UI font that exists on the machine, with fallbacks.

Windows has Microsoft YaHei UI, Linux desktops Noto Sans CJK SC (or another
CJK font), macOS PingFang SC. The first installed family of the platform's list
becomes the application font; the rest stay behind it as fallbacks so that no
character ever shows as a box.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

PREFERRED: dict[str, tuple[str, ...]] = {
    "win32": ("Microsoft YaHei UI", "Microsoft YaHei", "DengXian", "SimHei", "SimSun"),
    "darwin": ("PingFang SC", "Hiragino Sans GB", "Heiti SC", "STHeiti"),
    "linux": (
        "Noto Sans CJK SC",
        "Source Han Sans SC",
        "Source Han Sans CN",
        "WenQuanYi Micro Hei",
        "WenQuanYi Zen Hei",
        "Droid Sans Fallback",
    ),
}
#: Point size below which Chinese characters become hard to read.
MIN_POINT_SIZE = {"win32": 9.0, "darwin": 13.0, "linux": 10.0}


def platform_key(platform: str = sys.platform) -> str:
    if platform.startswith("win"):
        return "win32"
    if platform == "darwin":
        return "darwin"
    return "linux"


def choose_families(available: Iterable[str], platform: str = sys.platform) -> list[str]:
    """The platform's preferred CJK families that are installed, best first."""
    installed = {name.lower(): name for name in available}
    key = platform_key(platform)
    ordered = [*PREFERRED[key], *(f for k, v in PREFERRED.items() if k != key for f in v)]
    return [installed[name.lower()] for name in ordered if name.lower() in installed]


def apply_ui_font(app: QApplication, platform: str = sys.platform) -> QFont:
    """Make the best installed CJK family the application font; returns it."""
    font = QFont(app.font())
    families = choose_families(QFontDatabase.families(), platform)
    if families:
        font.setFamilies([*families, *font.families()])
    minimum = MIN_POINT_SIZE[platform_key(platform)]
    if font.pointSizeF() < minimum:
        font.setPointSizeF(minimum)
    app.setFont(font)
    return font
