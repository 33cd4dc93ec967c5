"""Meeting notes are never lost silently: kept as a draft, offered back, removed once saved."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.dialogs.questions import RestoreDraft
from desktop.main_window import MainWindow
from desktop.meetings import notes_draft
from desktop.meetings.page import MeetingPage
from desktop.meetings.review_state import MeetingFields
from precedents.drafts import DraftStore
from precedents.library import Library
from precedents.meetings.model import (
    Opinion,
    Outcome,
    Participant,
    Reference,
    ReferenceMode,
    Role,
    Stance,
)
from tests.desktop.meetings.test_page import CODE, new_matter, record_meeting


def typed() -> MeetingFields:
    return MeetingFields(
        level="镇街",
        held_on="2025-03-18",
        place="会议室",
        participants=[Participant("李主任", "民政", Role.ATTENDING)],
        opinions=[Opinion("钱委员", "应先督促子女赡养。", "村委会", Stance.DISSENT)],
        references=[Reference("T-1", ReferenceMode.FOLLOWED, 0.82, "")],
        outcome=Outcome.DECIDED,
        decision_text="纳入居家上门照护。",
        measure_rows=[{"type": "临时救助", "amount": "9,000", "note": "", "department": "镇街"}],
    )


def test_notes_survive_a_round_trip_through_the_data_folder(tmp_path: Path) -> None:
    store = notes_draft.meeting_drafts(tmp_path)
    notes_draft.keep(store, "T-1/2", typed(), 2)
    found = notes_draft.kept(store, "T-1/2")
    assert found is not None and found[0] == typed() and found[1] is not None
    assert notes_draft.newest_code(store) == "T-1/2"
    # The editor's list of drafts (one folder up) does not show meeting notes.
    assert DraftStore(tmp_path).all() == []


def test_a_file_that_is_not_meeting_notes_is_left_alone(tmp_path: Path) -> None:
    store = notes_draft.meeting_drafts(tmp_path)
    notes_draft.keep(store, "T-1", typed(), None)
    path = next((tmp_path / notes_draft.FOLDER).glob("*.json"))
    data = json.loads(path.read_text(encoding="utf-8"))
    data["fields"]["outcome"] = "不知道"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert notes_draft.kept(store, "T-1") is None and path.exists()


@pytest.fixture
def page(qtbot, window: MainWindow, library: Library) -> MeetingPage:
    new_matter(library)
    window.show_page(1)
    meeting = window.meeting_page
    qtbot.waitUntil(lambda: meeting.code == CODE)
    return meeting


def test_typed_notes_are_kept_and_offered_back(
    qtbot, page: MeetingPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    record_meeting(page, "李主任", dissent=True)
    qtbot.waitUntil(lambda: notes_draft.kept(page.notes.store, CODE) is not None)
    assert "notes kept" in page.state_label.text()
    asked: list[str] = []

    def restore(cls, parent, title, saved_at):
        asked.append(title)
        return True

    monkeypatch.setattr(RestoreDraft, "ask", classmethod(restore))
    page.form.set_fields(MeetingFields(level="村居", held_on="2025-03-18"))
    page.dirty = False
    page.load(CODE)
    qtbot.waitUntil(lambda: page.form.chair.text() == "李主任")
    assert asked == ["独居高龄老人跌倒后无人照护"]
    assert [o.stance for o in page.form.opinions.rows()] == [Stance.AGREE, Stance.DISSENT]
    assert page.dirty


def test_declined_notes_are_removed(
    qtbot, page: MeetingPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    record_meeting(page, "李主任")
    page.notes.keep()
    monkeypatch.setattr(RestoreDraft, "ask", classmethod(lambda cls, *a: False))
    page.dirty = False
    page.load(CODE)
    qtbot.waitUntil(lambda: notes_draft.kept(page.notes.store, CODE) is None)
    assert page.form.chair.text() == ""


def test_saving_the_meeting_removes_its_notes(qtbot, page: MeetingPage) -> None:
    record_meeting(page, "李主任")
    page.form.set_outcome(Outcome.RETURNED, "缺少收入证明")
    page.notes.keep()
    assert notes_draft.kept(page.notes.store, CODE) is not None
    with qtbot.waitSignal(page.saved):
        page.save_button.click()
    assert notes_draft.kept(page.notes.store, CODE) is None


def test_after_a_crash_the_screen_opens_the_matter_with_notes(
    qtbot, window: MainWindow, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    new_matter(library)  # the one open matter, which the screen would show first
    taken_up = "T-HC-2024-001"  # a decided precedent taken up again before the crash
    fields = MeetingFields(level="村居", held_on="2025-03-18", chair="王站长")
    notes_draft.keep(notes_draft.meeting_drafts(library.paths.drafts), taken_up, fields, None)
    monkeypatch.setattr(RestoreDraft, "ask", classmethod(lambda cls, *a: True))
    # A screen opened afresh, as after restarting the program.
    fresh = MeetingPage(library, window.adapter, window.tasks)
    qtbot.addWidget(fresh)
    fresh.show()
    qtbot.waitUntil(lambda: fresh.code == taken_up and fresh.form.chair.text() == "王站长")
    assert fresh.dirty


def test_discarding_the_changes_removes_the_notes(
    qtbot, page: MeetingPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.dialogs.questions import Unsaved, UnsavedChanges

    record_meeting(page, "李主任")
    page.notes.keep()
    monkeypatch.setattr(UnsavedChanges, "ask", classmethod(lambda cls, *a: Unsaved.CANCEL))
    assert not page.may_leave() and notes_draft.kept(page.notes.store, CODE) is not None
    monkeypatch.setattr(UnsavedChanges, "ask", classmethod(lambda cls, *a: Unsaved.DISCARD))
    assert page.may_leave() and notes_draft.kept(page.notes.store, CODE) is None


def test_notes_left_from_a_crash_are_announced_at_start_up(
    qtbot, window: MainWindow, library: Library
) -> None:
    store = notes_draft.meeting_drafts(library.paths.drafts)
    fields = MeetingFields(level="村居", held_on="2025-03-18", chair="王站长")
    notes_draft.keep(store, "T-HC-2024-001", fields, None)
    with qtbot.waitSignal(window.status.messageChanged, check_params_cb=lambda t: "T-HC" in t):
        window.start()
    assert "T-HC-2024-001" in window.status.currentMessage()
    assert window._meetings.built is None, "announced without building the meeting screen"


def test_notes_for_a_meeting_decided_meanwhile_are_kept_and_explained(
    qtbot, page: MeetingPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    record_meeting(page, "李主任")
    page.form.set_outcome(Outcome.DECIDED)
    page.form.decision.setPlainText("由村委会协调邻里照看。")
    with qtbot.waitSignal(page.saved):
        page.save_button.click()
    fields = MeetingFields(level="村居", held_on="2025-03-18", chair="王站长")
    notes_draft.keep(page.notes.store, CODE, fields, None)
    with qtbot.waitSignal(page.message) as said:
        page.load(CODE)
    assert CODE in said.args[0] and "drafts/meetings" in said.args[0]
    assert notes_draft.kept(page.notes.store, CODE) is not None
    assert page.form.chair.text() == "李主任" and not page.dirty


def test_settling_removes_only_the_notes_of_matters_no_longer_on_file(tmp_path: Path) -> None:
    store = notes_draft.meeting_drafts(tmp_path)
    notes_draft.keep(store, "T-1", typed(), None)
    notes_draft.keep(store, "T-2", typed(), 1)
    asked: list[list[str]] = []

    def existing(codes: list[str]) -> set[str]:
        asked.append(sorted(codes))
        return {"T-2"}

    assert notes_draft.settle(store, existing) == ["T-2"]
    assert asked == [["T-1", "T-2"]]
    assert notes_draft.kept(store, "T-1") is None and notes_draft.kept(store, "T-2") is not None
    assert notes_draft.settle(notes_draft.meeting_drafts(tmp_path / "empty"), existing) == []
    assert len(asked) == 1  # nothing kept: the library is not asked


def test_notes_of_a_deleted_matter_are_not_announced_and_are_removed(
    qtbot, window: MainWindow, library: Library
) -> None:
    from desktop.operations import delete_precedent

    new_matter(library)
    store = notes_draft.meeting_drafts(library.paths.drafts)
    fields = MeetingFields(level="村居", held_on="2025-03-18", chair="王站长")
    notes_draft.keep(store, CODE, fields, None)
    notes_draft.keep(store, "T-HC-2024-001", fields, None)
    delete_precedent(library, CODE, None)
    with qtbot.waitSignal(window.status.messageChanged, check_params_cb=lambda t: "T-HC" in t):
        window.start()  # as at the next start-up
    said = window.status.currentMessage()
    assert "T-HC-2024-001" in said and CODE not in said
    assert notes_draft.kept(store, CODE) is None
    assert notes_draft.kept(store, "T-HC-2024-001") is not None
    assert notes_draft.newest_code(store) == "T-HC-2024-001"
