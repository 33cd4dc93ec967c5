"""The typefaces of an official document, as a setting with fallbacks.

GB/T 9704-2012 names typefaces (小标宋, 仿宋, 楷体, 黑体, 宋体), not font files.
Government PCs usually carry 仿宋_GB2312 and 楷体_GB2312; plain Windows has 仿宋,
楷体, 黑体 and 宋体; 方正小标宋简体 is commercial and often missing. `FontSet` is
the setting (the desktop stores it as a dict), `resolve_fonts` picks the first
installed face of each fallback chain, and a caller that wants exact names
passes its own `FontSet` to the document builder, which then uses it verbatim.

The names written into the document are the Chinese family names Word and WPS
show; a family counts as installed when any of its names (Chinese or English)
is installed, because Windows registers several of them under English names.
"""

from __future__ import annotations

import functools
import os
import re
import subprocess
import sys
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, fields
from pathlib import Path

#: Names of one typeface in different languages; the first is written into documents.
ALIASES: tuple[tuple[str, ...], ...] = (
    ("方正小标宋简体", "FZXiaoBiaoSong-B05S"),
    ("方正小标宋_GBK", "FZXiaoBiaoSong-B05"),
    ("华文中宋", "STZhongsong"),
    ("宋体", "SimSun"),
    ("仿宋_GB2312", "FangSong_GB2312"),
    ("仿宋", "FangSong"),
    ("楷体_GB2312", "KaiTi_GB2312"),
    ("楷体", "KaiTi"),
    ("黑体", "SimHei"),
)

#: What to use, in order, when the preferred typeface is not installed.
FALLBACKS: dict[str, tuple[str, ...]] = {
    "方正小标宋简体": ("方正小标宋_GBK", "华文中宋", "宋体"),
    "方正小标宋_GBK": ("方正小标宋简体", "华文中宋", "宋体"),
    "仿宋_GB2312": ("仿宋",),
    "楷体_GB2312": ("楷体",),
}

#: Font files of the standard faces in the Windows Fonts folder, used when the
#: registry cannot be read.
WINDOWS_FONT_FILES: dict[str, str] = {
    "simfang.ttf": "仿宋",
    "simkai.ttf": "楷体",
    "simhei.ttf": "黑体",
    "simsun.ttc": "宋体",
    "stzhongs.ttf": "华文中宋",
    "fzxbsjw.ttf": "方正小标宋简体",
}

_WINDOWS_FONTS_KEY = r"SOFTWARE\Microsoft\Windows NT\CurrentVersion\Fonts"
_REGISTRY_SUFFIX = re.compile(r"\s*\((TrueType|OpenType|Type 1|VGA res)\)\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class FontSet:
    """The five typefaces of a document (GB/T 9704-2012 §7)."""

    #: 标题: 2号小标宋.
    title: str = "方正小标宋简体"
    #: 正文, third- and fourth-level headings, table text: 3号仿宋.
    body: str = "仿宋_GB2312"
    #: First-level headings "一、", table headers, 出席/请假/列席 labels: 黑体.
    heading1: str = "黑体"
    #: Second-level headings "（一）" and the subtitle "（征求意见稿）": 楷体.
    heading2: str = "楷体_GB2312"
    #: Page numbers "— 1 —": 4号半角宋体.
    page_number: str = "宋体"

    @classmethod
    def from_mapping(cls, values: Mapping[str, str]) -> FontSet:
        """Build from a stored setting; unknown keys are ignored, missing ones keep defaults."""
        known = {f.name for f in fields(cls)}
        return cls(**{k: str(v) for k, v in values.items() if k in known and str(v).strip()})

    def as_dict(self) -> dict[str, str]:
        return asdict(self)

    def families(self) -> tuple[str, ...]:
        """Each distinct typeface once, in field order."""
        return tuple(dict.fromkeys(asdict(self).values()))


def aliases_of(family: str) -> tuple[str, ...]:
    """All names of a typeface (itself first when it has no known aliases)."""
    key = family.casefold()
    for group in ALIASES:
        if key in (name.casefold() for name in group):
            return group
    return (family,)


def is_installed(family: str, installed: Iterable[str]) -> bool:
    """Whether any name of the typeface is among the installed family names."""
    names = {name.strip().casefold() for name in installed}
    return any(alias.casefold() in names for alias in aliases_of(family))


def pick_font(
    preferred: str,
    installed: Iterable[str],
    fallbacks: Mapping[str, tuple[str, ...]] = FALLBACKS,
) -> str:
    """The first installed face of ``preferred`` and its fallbacks.

    When none is installed the preferred name is kept: the document then names the
    standard face, which the reader's machine may have and Word substitutes otherwise.
    """
    names = frozenset(name.strip().casefold() for name in installed)
    for candidate in (preferred, *fallbacks.get(preferred, ())):
        if is_installed(candidate, names):
            return candidate
    return preferred


def resolve_fonts(
    wanted: FontSet | None = None,
    installed: Iterable[str] | None = None,
    fallbacks: Mapping[str, tuple[str, ...]] = FALLBACKS,
) -> FontSet:
    """``wanted`` with every face replaced by its first installed fallback.

    ``installed`` is the list of installed family names; ``None`` reads them from
    this machine. An empty list means nothing is known, so the wanted names stay.
    """
    wanted = wanted or FontSet()
    names = frozenset(installed_families() if installed is None else installed)
    if not names:
        return wanted
    picked = {key: pick_font(value, names, fallbacks) for key, value in wanted.as_dict().items()}
    return FontSet(**picked)


@functools.cache
def default_fonts() -> FontSet:
    """The standard set resolved against this machine's fonts (read once per process)."""
    return resolve_fonts(FontSet())


def installed_families() -> frozenset[str]:
    """Family names of the fonts installed here; empty when they cannot be read."""
    if sys.platform == "win32":
        return _windows_families()
    return _fontconfig_families()


def _fontconfig_families() -> frozenset[str]:
    try:
        done = subprocess.run(
            ["fc-list", ":", "family"],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=20,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    if done.returncode != 0:
        return frozenset()
    return frozenset(parse_fc_list(done.stdout))


def parse_fc_list(output: str) -> set[str]:
    """Family names from ``fc-list : family`` output (one font a line, names comma-separated)."""
    families: set[str] = set()
    for line in output.splitlines():
        for name in line.replace("\\", "").split(","):
            if name.strip():
                families.add(name.strip())
    return families


def parse_registry_name(value_name: str) -> list[str]:
    """Family names from a Windows Fonts registry value such as "SimSun & NSimSun (TrueType)"."""
    base = _REGISTRY_SUFFIX.sub("", value_name)
    return [part.strip() for part in base.split("&") if part.strip()]


def _windows_families() -> frozenset[str]:
    families: set[str] = set()
    if sys.platform == "win32":
        import winreg

        for hive in (winreg.HKEY_LOCAL_MACHINE, winreg.HKEY_CURRENT_USER):
            try:
                with winreg.OpenKey(hive, _WINDOWS_FONTS_KEY) as key:
                    count = winreg.QueryInfoKey(key)[1]
                    for index in range(count):
                        families.update(parse_registry_name(winreg.EnumValue(key, index)[0]))
            except OSError:
                continue
    folder = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
    try:
        files = [entry.name.casefold() for entry in folder.iterdir()]
    except OSError:
        files = []
    families.update(family for file, family in WINDOWS_FONT_FILES.items() if file in files)
    return frozenset(families)
