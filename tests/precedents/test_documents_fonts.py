"""Fonts as a setting: fallback chains, aliases, the installed-font readers."""

from __future__ import annotations

import subprocess

import pytest

from precedents.documents import fonts
from precedents.documents.fonts import (
    FontSet,
    parse_fc_list,
    parse_registry_name,
    pick_font,
    resolve_fonts,
)

PLAIN_WINDOWS = ["SimSun", "NSimSun", "FangSong", "KaiTi", "SimHei", "Microsoft YaHei"]
GOVERNMENT_PC = [*PLAIN_WINDOWS, "仿宋_GB2312", "楷体_GB2312", "方正小标宋简体"]


def test_defaults_are_the_standard_faces() -> None:
    assert FontSet() == FontSet("方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312", "宋体")


def test_government_pc_keeps_every_standard_face() -> None:
    assert resolve_fonts(FontSet(), GOVERNMENT_PC) == FontSet()


def test_plain_windows_falls_back_to_the_windows_faces_under_their_chinese_names() -> None:
    resolved = resolve_fonts(FontSet(), PLAIN_WINDOWS)
    assert resolved == FontSet(
        title="宋体", body="仿宋", heading1="黑体", heading2="楷体", page_number="宋体"
    )


def test_title_prefers_huawen_zhongsong_before_songti() -> None:
    assert pick_font("方正小标宋简体", ["STZhongsong", "SimSun"]) == "华文中宋"
    assert pick_font("方正小标宋简体", ["华文中宋"]) == "华文中宋"


def test_names_match_whatever_the_case_and_language() -> None:
    assert pick_font("仿宋_GB2312", ["fangsong_gb2312"]) == "仿宋_GB2312"
    assert pick_font("仿宋", ["FangSong"]) == "仿宋"


def test_nothing_installed_keeps_the_preferred_names() -> None:
    assert pick_font("仿宋_GB2312", ["DejaVu Sans"]) == "仿宋_GB2312"
    assert resolve_fonts(FontSet(), []) == FontSet()


def test_a_forced_set_is_resolved_only_when_asked() -> None:
    forced = FontSet(body="方正仿宋_GBK")
    assert resolve_fonts(forced, ["方正仿宋_GBK"]).body == "方正仿宋_GBK"
    assert resolve_fonts(forced, PLAIN_WINDOWS).body == "方正仿宋_GBK"


def test_font_set_round_trips_through_a_setting() -> None:
    stored = FontSet(body="仿宋").as_dict()
    assert FontSet.from_mapping(stored) == FontSet(body="仿宋")
    assert (
        FontSet.from_mapping({"body": "仿宋", "unknown": "x", "title": ""}).title
        == "方正小标宋简体"
    )


def test_fc_list_output_is_split_into_families() -> None:
    output = (
        "Noto Serif CJK SC,Noto Serif CJK SC SemiBold\nDejaVu Sans\n文泉驿正黑,WenQuanYi Zen Hei\n"
    )
    assert parse_fc_list(output) == {
        "Noto Serif CJK SC",
        "Noto Serif CJK SC SemiBold",
        "DejaVu Sans",
        "文泉驿正黑",
        "WenQuanYi Zen Hei",
    }


def test_windows_registry_names_lose_their_format_suffix() -> None:
    assert parse_registry_name("SimSun & NSimSun (TrueType)") == ["SimSun", "NSimSun"]
    assert parse_registry_name("仿宋_GB2312 (TrueType)") == ["仿宋_GB2312"]
    assert parse_registry_name("Source Han Serif SC (OpenType)") == ["Source Han Serif SC"]


def test_reading_installed_fonts_fails_soft(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise FileNotFoundError("fc-list")

    monkeypatch.setattr(fonts.sys, "platform", "linux")
    monkeypatch.setattr(subprocess, "run", broken)
    assert fonts.installed_families() == frozenset()


def test_reading_installed_fonts_survives_a_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    def slow(*args: object, **kwargs: object) -> None:
        raise subprocess.TimeoutExpired("fc-list", 20)

    monkeypatch.setattr(fonts.sys, "platform", "linux")
    monkeypatch.setattr(subprocess, "run", slow)
    assert fonts.installed_families() == frozenset()
