"""The 规律与政策 screen as an officer uses it: mining, curation, drafting, the registry."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.patterns import operations as ops
from desktop.patterns.dialogs import ExcludeDialog, MergeQuestion, RenameDialog, SplitDialog
from desktop.patterns.draft_editor import DraftEditor
from desktop.patterns.export_flow import DraftExporter
from desktop.patterns.models import PatternColumn
from desktop.patterns.page import PatternsPage
from desktop.patterns.policy_dialogs import (
    AdoptDialog,
    Adoption,
    DraftExportDialog,
    ExportChoice,
    OpenExported,
)
from desktop.tasks import TaskManager, TaskState
from precedents.library import Library
from precedents.patterns.registry import PolicyStatus
from tests.desktop.patterns.conftest import stored


@pytest.fixture
def page(qtbot: Any, demo_library: Library, tasks: TaskManager) -> Iterator[PatternsPage]:
    widget = PatternsPage(demo_library, tasks)
    qtbot.addWidget(widget)
    widget.resize(1400, 860)
    widget.show()
    qtbot.waitUntil(lambda: widget.overview is not None and widget.busy is None)
    yield widget
    for editor in list(widget.editors.values()):
        editor._closing = True
        editor.close()
    tasks.shutdown()


def idle(qtbot: Any, page: PatternsPage) -> None:
    qtbot.waitUntil(lambda: page.busy is None)


def test_patterns_are_mined_when_the_screen_is_shown(page: PatternsPage) -> None:
    overview = page.overview
    assert overview is not None and page.model.rowCount() == len(overview.patterns) > 0
    assert str(overview.precedents) in page.summary.text()
    first = overview.patterns[0]
    assert page.details.pattern == first, "the largest pattern is selected"
    assert page.details.title.text() == first.title
    assert page.details.cases.rowCount() == first.support
    assert page.details.amounts.rowCount() == len(first.amounts)
    facts = page.details.facts.toPlainText()
    assert "、".join(first.districts) in facts
    assert page.model.index(0, PatternColumn.TIMELINE).data()


def test_mining_again_with_stricter_settings(qtbot: Any, page: PatternsPage) -> None:
    largest = page.overview.patterns[0].support  # type: ignore[union-attr]
    page.min_support.setValue(largest)
    page.mine_button.click()
    assert page.busy is not None and not page.mine_button.isEnabled()
    idle(qtbot, page)
    assert page.overview is not None and page.overview.settings.min_support == largest
    assert all(p.support >= largest for p in page.overview.patterns)


def test_an_impossible_setting_shows_why_the_list_is_empty(qtbot: Any, page: PatternsPage) -> None:
    page.min_districts.setValue(20)
    page.mine_button.click()
    idle(qtbot, page)
    assert page.model.rowCount() == 0
    assert page.empty.isVisibleTo(page) and "20" in page.empty.text()
    assert page.details.pattern is None


def test_confirm_and_rename(qtbot: Any, page: PatternsPage, monkeypatch: Any) -> None:
    pattern = page.details.pattern
    assert pattern is not None and page.details.confirm_button.isEnabled()
    page.details.confirm_button.click()
    idle(qtbot, page)
    assert page.details.pattern is not None and page.details.pattern.confirmed
    assert not page.details.confirm_button.isEnabled()
    monkeypatch.setattr(RenameDialog, "ask", classmethod(lambda cls, parent, p: "重病单人户施保"))
    page.details.rename_button.click()
    idle(qtbot, page)
    assert page.details.title.text() == "重病单人户施保"
    assert page.model.index(0, PatternColumn.PATTERN).data() == "重病单人户施保"


def test_split_and_exclude(qtbot: Any, page: PatternsPage, monkeypatch: Any) -> None:
    pattern = page.details.pattern
    assert pattern is not None
    moved = list(pattern.codes[:2])
    monkeypatch.setattr(SplitDialog, "ask", classmethod(lambda cls, *a: moved))
    page.details.split_button.click()
    idle(qtbot, page)
    assert page.details.pattern is not None and list(page.details.pattern.codes) == moved
    page.select(pattern.id)
    rest = page.details.pattern
    assert rest is not None and not set(moved) & set(rest.codes)
    page.details.cases_view.selectRow(0)
    code = page.details.selected_codes()[0]
    asked: list[str] = []

    def reason(cls: object, parent: object, p: object, line: ops.CaseLine) -> str:
        asked.append(line.code)
        return "家庭情况不同"

    monkeypatch.setattr(ExcludeDialog, "ask", classmethod(reason))
    page.details.exclude_button.click()
    idle(qtbot, page)
    assert asked == [code]
    assert page.details.pattern is not None and code not in page.details.pattern.codes


def test_merge_selected_patterns(qtbot: Any, page: PatternsPage, monkeypatch: Any) -> None:
    assert page.overview is not None
    last = len(page.overview.patterns) - 1
    page.view.selectRow(last - 1)
    page.view.selectionModel().select(
        page.model.index(last, 0),
        page.view.selectionModel().SelectionFlag.Select
        | page.view.selectionModel().SelectionFlag.Rows,
    )
    assert page.merge_button.isEnabled()
    assert page.details.title.text() == "2 patterns selected"
    merged = page.selected_patterns()
    monkeypatch.setattr(MergeQuestion, "ask", classmethod(lambda cls, *a: True))
    page.merge_button.click()
    idle(qtbot, page)
    target = page.details.pattern
    assert target is not None and target.id == merged[0].id
    assert set(merged[1].codes) <= set(target.codes)
    assert page.model.row_of(merged[1].id) is None


def test_precedent_opens_in_the_library(qtbot: Any, page: PatternsPage) -> None:
    page.details.cases_view.selectRow(0)
    code = page.details.selected_codes()[0]
    with qtbot.waitSignal(page.open_precedent) as signal:
        page.details.open_button.click()
    assert signal.args == [code]


def open_editor(qtbot: Any, page: PatternsPage) -> DraftEditor:
    page.details.draft_button.click()
    qtbot.waitUntil(lambda: bool(page.editors))
    editor = next(iter(page.editors.values()))
    qtbot.waitUntil(lambda: page.details.draft_button.text() != "Draft policy…")
    return editor


def test_draft_editor_saves_the_officers_text(
    qtbot: Any, page: PatternsPage, demo_library: Library
) -> None:
    editor = open_editor(qtbot, page)
    assert editor.isVisible() and editor.save_button.isEnabled()
    assert editor.sections[0].ref.heading == "一、适用对象"
    assert editor.state.cited_codes(), "statements drawn from precedents cite them"
    editor.title.setText("关于重病患者按单人户纳入低保的实施意见")
    paragraph = editor.sections[0].editors[0]
    paragraph.text.setPlainText("本意见适用于本市户籍的重病患者（参见 DEMO-XX-2025-001）。")
    paragraph.commit()
    assert paragraph.text.toPlainText() == "本意见适用于本市户籍的重病患者。"
    assert "DEMO-XX-2025-001" in paragraph.cites.text()
    assert editor.is_dirty()
    with qtbot.waitSignal(editor.saved):
        editor.save_button.click()
    assert not editor.state.dirty
    qtbot.waitUntil(lambda: page.registry.model.rowCount() == 1)
    policy = stored(demo_library, editor.policy.id)
    assert policy.title == "关于重病患者按单人户纳入低保的实施意见"
    assert policy.content is not None
    first = policy.content.sections[0].paragraphs[0]
    assert first.text == "本意见适用于本市户籍的重病患者。"
    assert "DEMO-XX-2025-001" in first.cites


def test_a_draft_missing_text_is_not_saved(
    qtbot: Any, page: PatternsPage, monkeypatch: Any
) -> None:
    shown: list[str] = []
    monkeypatch.setattr("desktop.patterns.draft_editor.show_message", lambda p, t: shown.append(t))
    editor = open_editor(qtbot, page)
    editor.title.setText("")
    editor.save_button.click()
    assert shown == ["标题不能为空"]


def test_export_from_the_editor(
    qtbot: Any, page: PatternsPage, monkeypatch: Any, tmp_path: Path
) -> None:
    out = tmp_path / "草案.docx"
    choice = ExportChoice(out, None)
    monkeypatch.setattr(DraftExportDialog, "ask", classmethod(lambda cls, *a: choice))
    monkeypatch.setattr(OpenExported, "ask", classmethod(lambda cls, *a: False))
    editor = open_editor(qtbot, page)
    exporter: DraftExporter = page.exporter
    with qtbot.waitSignal(exporter.exported, timeout=20000) as signal:
        editor.export_button.click()
    assert signal.args == [out] and out.stat().st_size > 0


def test_registry_moves_a_policy_to_in_force(
    qtbot: Any, page: PatternsPage, monkeypatch: Any
) -> None:
    editor = open_editor(qtbot, page)
    editor._closing = True
    editor.close()
    page.tabs.setCurrentWidget(page.registry)
    registry = page.registry
    qtbot.waitUntil(lambda: registry.model.rowCount() == 1)
    registry.view.selectRow(0)
    assert registry.consult_button.isEnabled() and not registry.adopt_button.isEnabled()
    registry.consult_button.click()
    qtbot.waitUntil(lambda: registry.adopt_button.isEnabled())
    adoption = Adoption("厦民规〔2025〕3号", dt.date(2025, 7, 1))
    monkeypatch.setattr(AdoptDialog, "ask", classmethod(lambda cls, *a: adoption))
    registry.adopt_button.click()
    qtbot.waitUntil(lambda: registry.repeal_button.isEnabled())
    policy = registry.selected()
    assert policy is not None and policy.status is PolicyStatus.IN_FORCE
    assert policy.covered_codes and "厦民规〔2025〕3号" in registry.model.index(0, 2).data()
    assert "thresholds lowered" in registry.summary.text()
    assert "已施行" in page.details.facts.toPlainText()


def test_cancelled_mining_says_the_list_may_be_stale(qtbot: Any, page: PatternsPage) -> None:
    page.mine_button.click()
    task = page.busy
    assert task is not None
    task.cancel_event.set()
    idle(qtbot, page)
    assert task.state is TaskState.CANCELLED
    assert "Mine again" in page.summary.text()
    assert page.mine_button.isEnabled()


def test_precedents_saved_meanwhile_are_mined_again(
    qtbot: Any, page: PatternsPage, demo_library: Library
) -> None:
    from precedents.store.precedents import get_record, update_record

    overview = page.overview
    assert overview is not None
    page.hide()
    code = overview.patterns[0].codes[0]
    with demo_library.sessions.begin() as session:
        record = get_record(session, code)
        record.tags = [*record.tags, "复核"]
        update_record(session, record, actor="测试员", expected_version=record.meta.version)
    page.show()
    qtbot.waitUntil(lambda: page.overview is not overview and page.busy is None)
    assert page.overview is not None and page.overview.seq > overview.seq


def test_a_citation_is_dropped_from_its_link(qtbot: Any, page: PatternsPage) -> None:
    editor = open_editor(qtbot, page)
    paragraph = next(p for s in editor.sections for p in s.editors if p.paragraph().cites)
    code = paragraph.paragraph().cites[0]
    assert f'href="drop:{code}"' in paragraph.cites.text()
    with qtbot.waitSignal(paragraph.open_precedent) as opened:
        paragraph.cites.linkActivated.emit(f"open:{code}")
    assert opened.args == [code]
    paragraph.cites.linkActivated.emit(f"drop:{code}")
    assert code not in paragraph.paragraph().cites
    assert editor.is_dirty() and "unsaved" in editor.status.text()
