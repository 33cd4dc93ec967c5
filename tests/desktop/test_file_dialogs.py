"""Saving a file: the suffix follows the file type chosen, the folder is remembered."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from desktop.dialogs.files import save_as, start_folder

KINDS = "Excel (*.xlsx);;CSV (*.csv)"


def _answer(monkeypatch: pytest.MonkeyPatch, name: str, chosen: str, seen: list[str]) -> None:
    def answer(parent: object, title: str, start: str, kinds: str) -> tuple[str, str]:
        seen.append(start)
        return name, chosen

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)


def test_a_name_without_a_known_suffix_takes_the_chosen_type(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []
    _answer(monkeypatch, str(tmp_path / "日志"), "CSV (*.csv)", seen)
    assert save_as(None, "导出", "审计日志.xlsx", KINDS, (".xlsx", ".csv")) == tmp_path / "日志.csv"
    assert seen[0].endswith("审计日志.xlsx") and start_folder() == tmp_path
    _answer(monkeypatch, str(tmp_path / "日志.XLSX"), "CSV (*.csv)", seen)
    assert save_as(None, "导出", "x", KINDS, (".xlsx", ".csv")) == tmp_path / "日志.XLSX"
    _answer(monkeypatch, str(tmp_path / "日志"), "", seen)
    assert save_as(None, "导出", "x", KINDS, (".xlsx", ".csv")) == tmp_path / "日志.csv"
    assert seen[-1] == str(tmp_path / "x")


def test_cancelling_returns_none(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    _answer(monkeypatch, "", "", [])
    assert save_as(None, "导出", "x.xlsx", KINDS, (".xlsx", ".csv")) is None


def test_a_dot_inside_the_name_is_kept(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _answer(monkeypatch, str(tmp_path / "2024.06台账"), "Excel (*.xlsx)", [])
    assert save_as(None, "导出", "x", KINDS, (".xlsx", ".csv")) == tmp_path / "2024.06台账.xlsx"
