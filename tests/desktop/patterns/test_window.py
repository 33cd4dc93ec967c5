"""The patterns screen inside the main window: navigation, the library, closing."""

from __future__ import annotations

import datetime as dt
from typing import Any

from desktop.dialogs.questions import Unsaved, UnsavedChanges
from desktop.patterns.page import PatternsPage
from precedents.library import Library
from precedents.patterns.coverage import Criteria
from precedents.patterns.draft import (
    SECTION_HEADINGS,
    DraftEvidence,
    DraftParagraph,
    DraftSection,
    PolicyDraftContent,
)
from precedents.patterns.registry import create_policy


def handmade_draft() -> PolicyDraftContent:
    day = dt.date(2024, 6, 1)
    return PolicyDraftContent(
        pattern_id="",
        title="关于独居高龄老人照护的通知",
        issuer="市民政局",
        sections=[
            DraftSection(key, heading, [DraftParagraph("按有关规定执行。")])
            for key, heading in SECTION_HEADINGS
        ],
        appendix_title="附件：同类先例",
        appendix=[],
        note_title="起草说明",
        note=[DraftSection("background", "一、起草背景", [DraftParagraph("同类情形反复出现。")])],
        evidence=DraftEvidence(1, ("集美区",), day, day, (), ()),
    )


def test_screen_is_reached_with_ctrl_3_and_explains_an_empty_list(qtbot: Any, window: Any) -> None:
    window.navigation.actions()[2].trigger()
    page: PatternsPage = window.patterns_page
    assert window.pages.currentWidget() is page
    qtbot.waitUntil(lambda: page.overview is not None and page.busy is None)
    assert page.model.rowCount() == 0, "four unlike precedents make no pattern"
    assert page.empty.isVisible()
    assert "4" in page.summary.text()


def test_a_precedent_of_a_pattern_opens_in_the_library(qtbot: Any, window: Any) -> None:
    window.show_page(2)
    window.patterns_page.open_precedent.emit("T-HC-2024-001")
    assert window.pages.currentIndex() == 0
    qtbot.waitUntil(lambda: window.library_page.record.detail.code == "T-HC-2024-001")


def test_closing_asks_about_an_unsaved_draft(
    qtbot: Any, window: Any, library: Library, monkeypatch: Any
) -> None:
    window.show_page(2)
    page: PatternsPage = window.patterns_page
    qtbot.waitUntil(lambda: page.overview is not None and page.busy is None)
    # The four samples make no pattern; a draft registered by hand is edited all the same.
    with library.sessions.begin() as session:
        policy = create_policy(session, handmade_draft(), Criteria(hardships=("高龄",)))
    editor = page.edit_policy(policy)
    editor.title.setText("关于独居高龄老人上门照护的通知")
    asked: list[str] = []

    def cancel(cls: object, parent: object, title: str) -> Unsaved:
        asked.append(title)
        return Unsaved.CANCEL

    monkeypatch.setattr(UnsavedChanges, "ask", classmethod(cancel))
    assert not window.close()
    assert asked == ["关于独居高龄老人上门照护的通知"] and editor.isVisible()
