"""The meeting screen end to end: a new matter through two escalations to a decision.

Runs on the small library of `tests/desktop/conftest.py` with the main window;
dialogs are answered by replacing their `ask` classmethods.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt

from desktop.main_window import MainWindow
from desktop.meetings.new_matter import NewMatterDialog
from desktop.meetings.page import MeetingPage
from desktop.meetings.questions import (
    ConsistencyReason,
    MinutesReview,
    OutcomeReason,
    WordChoice,
    WordExportDialog,
)
from desktop.operations import save_new
from precedents.library import Library
from precedents.meetings.model import Opinion, Outcome, Participant, ReferenceMode, Role, Stance
from precedents.meetings.service import list_reviews
from precedents.record import Person, PrecedentRecord, Status
from precedents.store.precedents import get_record

CODE = "T-JM-2025-009"


def new_matter(library: Library) -> None:
    save_new(
        library,
        PrecedentRecord(
            code=CODE,
            title="独居高龄老人跌倒后无人照护",
            district="集美区",
            filed_on=dt.date(2025, 3, 2),
            level="村居",
            hardships=["高龄", "无人照护"],
            barriers=["有法定赡养人"],
            situation="陈建华88岁独居，跌倒后生活不能自理，子女在外地，日常无人照料。",
            persons=[Person(name="陈建华", relation="本人")],
        ),
    )


@pytest.fixture
def page(qtbot, window: MainWindow, library: Library) -> MeetingPage:
    new_matter(library)
    qtbot.waitUntil(lambda: window.adapter.similar_ready)
    window.show_page(1)
    meeting = window.meeting_page
    qtbot.waitUntil(lambda: meeting.code == CODE and meeting.references.rowCount() > 0)
    return meeting


def record_meeting(page: MeetingPage, chair: str, dissent: bool = False) -> None:
    form = page.form
    form.held_on.setText("2025-03-18")
    form.place.setText("会议室")
    form.chair.setText(chair)
    form.participants.set_rows(
        [Participant(chair, "民政"), Participant("赵委员", "村委会", Role.ABSENT)]
    )
    opinions = [Opinion(chair, "同意上门照护。", "民政")]
    if dissent:
        opinions.append(Opinion("钱委员", "应先督促子女赡养。", "村委会", Stance.DISSENT))
    form.opinions.set_rows(opinions)


def escalate(qtbot, page: MeetingPage, monkeypatch: pytest.MonkeyPatch, reason: str) -> None:
    monkeypatch.setattr(OutcomeReason, "ask", classmethod(lambda cls, *a: reason))
    before = len(page.matter.reviews) if page.matter else 0
    with qtbot.waitSignal(page.saved):
        page.escalate_button.click()
    qtbot.waitUntil(lambda: page.matter is not None and len(page.matter.reviews) == before + 1)


def test_new_matter_through_two_escalations_to_a_decision(
    qtbot, page: MeetingPage, library: Library, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert page.review is not None and page.review.level == "村居"
    followed = page.references.codes()[0]
    page.references.setData(page.references.index(0, 0), ReferenceMode.FOLLOWED.value)

    record_meeting(page, "李主任", dissent=True)
    escalate(qtbot, page, monkeypatch, "村里无资金渠道")
    assert page.review.level == "镇街" and page.review.id is None
    assert page.references.mark_of(followed) is ReferenceMode.FOLLOWED
    record_meeting(page, "王站长")
    escalate(qtbot, page, monkeypatch, "照护服务须区级统筹")
    assert page.review.level == "区"

    record_meeting(page, "陈科长")
    page.form.set_outcome(Outcome.DECIDED)
    page.form.decision.setPlainText("纳入居家上门照护，给予临时救助。")
    page.form.measures.set_rows(
        [
            {
                "type": "照护服务",
                "amount": "",
                "note": "每周三次",
                "department": "区民政局",
                "deadline": "2025-04-30",
            },
            {
                "type": "临时救助",
                "amount": "9,000",
                "note": "",
                "department": "镇街",
                "deadline": "",
            },
        ]
    )
    asked: list[list[str]] = []

    def answer(cls, parent, departures, reason=""):
        asked.append(departures)
        return "老人骨折后完全失能，照护缺口大于相近先例"

    monkeypatch.setattr(ConsistencyReason, "ask", classmethod(answer))
    with qtbot.waitSignal(page.saved):
        page.save_button.click()
    assert asked and any("临时救助" in text for text in asked[0])

    with library.session() as session:
        reviews = list_reviews(session, CODE)
        record = get_record(session, CODE)
    assert [r.level for r in reviews] == ["村居", "镇街", "区"]
    assert [r.outcome for r in reviews] == [Outcome.ESCALATED, Outcome.ESCALATED, Outcome.DECIDED]
    assert reviews[0].dissents and reviews[0].references[0].code == followed
    assert reviews[2].consistency_reason.startswith("老人骨折后")
    assert record.status is Status.DECIDED
    assert [m.type for m in record.measures] == ["照护服务", "临时救助"]
    assert not page.save_button.isEnabled()

    out = tmp_path / "纪要.docx"
    monkeypatch.setattr(WordExportDialog, "ask", classmethod(lambda cls, *a, **k: WordChoice(out)))
    offered: list[tuple[list[int], int]] = []

    def pick(cls, parent, choices, current):
        offered.append(([sequence for sequence, _text in choices], current))
        return current

    monkeypatch.setattr(MinutesReview, "ask", classmethod(pick))
    with qtbot.waitSignal(page.exports.exported, timeout=20000):
        page.exports.export_minutes()
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "老人骨折后完全失能" in text and "一、基本情况" in text
    assert "陈建华" not in text and "陈某" in text
    assert offered == [([1, 2, 3], 3)]

    for kind, export in (
        ("form", page.exports.export_review_form),
        ("report", page.exports.export_report),
    ):
        out = tmp_path / f"{kind}.docx"
        with qtbot.waitSignal(page.exports.exported, timeout=20000):
            export()
        document = docx.Document(str(out))
        cells = "".join(c.text for t in document.tables for r in t.rows for c in r.cells)
        body = "\n".join(p.text for p in document.paragraphs) + cells
        assert "陈建华" not in body and "陈某" in body
        if kind == "report":
            assert followed in cells and "参照" in cells


def test_escalation_needs_a_reason_and_cancel_saves_nothing(
    qtbot, page: MeetingPage, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(OutcomeReason, "ask", classmethod(lambda cls, *a: None))
    record_meeting(page, "李主任")
    page.escalate_button.click()
    with library.session() as session:
        assert list_reviews(session, CODE) == []
    assert page.dirty


def test_an_incomplete_record_shows_what_is_missing(qtbot, page: MeetingPage) -> None:
    page.form.opinions.set_rows([Opinion("", "")])
    page.save_button.click()
    assert page.issues_label.isVisible()
    assert "发言人" in page.issues_label.text()
    assert page.form.currentIndex() == 1


def test_projector_mode_is_one_key(qtbot, page: MeetingPage) -> None:
    size = page.font().pointSizeF()
    page.form.held_on.setFocus()
    qtbot.keyClick(page.form.held_on, Qt.Key.Key_F11)
    assert page.projector
    assert page.font().pointSizeF() > size * 1.4
    assert not page.history_box.isVisible() and not page.matter_box.isVisible()
    assert not page.record_column.isVisible()
    qtbot.keyClick(page.form.held_on, Qt.Key.Key_F11)
    assert not page.projector and page.font().pointSizeF() == size
    assert page.matter_box.isVisible()


def test_a_new_matter_from_pasted_text(
    qtbot, window: MainWindow, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    qtbot.waitUntil(lambda: window.adapter.similar_ready)
    dialog = NewMatterDialog(window, library, window.tasks, lambda: ["集美区", "海沧区"])
    qtbot.addWidget(dialog)
    dialog.text.setPlainText("集美区陈某88岁独居，子女在外地，日常无人照料。每月收入1200元。")
    dialog.fill_form()
    form = dialog.editor.form
    fields = form.fields()
    assert fields["situation"].startswith("集美区陈某88岁")
    assert fields["district"] == "集美区" and "高龄" in fields["hardships"]
    form.widgets["code"].setText("T-JM-2025-010")
    with qtbot.waitSignal(dialog.accepted):
        assert dialog.editor.save()
    assert dialog.code == "T-JM-2025-010"
    page = window.meeting_page
    monkeypatch.setattr(NewMatterDialog, "ask", classmethod(lambda cls, *a: "T-JM-2025-010"))
    window.show_page(1)
    page.new_matter()
    qtbot.waitUntil(lambda: page.code == "T-JM-2025-010")


def test_an_adopted_policy_covering_the_matter_is_announced(
    qtbot, window: MainWindow, library: Library
) -> None:
    from precedents.patterns.coverage import Criteria
    from precedents.patterns.models import PolicyRow

    with library.sessions.begin() as session:
        session.add(
            PolicyRow(
                title="独居高龄老人居家照护服务办法",
                status="已施行",
                document_number="厦民〔2025〕7号",
                effective_on=dt.date(2025, 1, 1),
                criteria=Criteria(hardships=("高龄", "无人照护")).to_data(),
                version=1,
            )
        )
    new_matter(library)
    qtbot.waitUntil(lambda: window.adapter.similar_ready)
    window.show_page(1)
    page = window.meeting_page
    qtbot.waitUntil(lambda: page.code == CODE and page.banner.isVisible())
    assert "此情形已有普惠政策" in page.banner.text() and "厦民〔2025〕7号" in page.banner.text()


def test_people_of_earlier_meetings_are_offered_and_ctrl_s_saves(
    qtbot, window: MainWindow, page: MeetingPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    record_meeting(page, "李主任")
    page.form.set_outcome(Outcome.RETURNED, "缺少收入证明")
    with qtbot.waitSignal(page.saved):
        window.save_current()
    assert page.review is not None and page.review.level == "村居"
    box = page.form.recent_box
    qtbot.waitUntil(lambda: box.count() > 1)
    names = [box.itemText(row) for row in range(1, box.count())]
    assert "李主任（民政）" in names
    page.form._add_recent(names.index("李主任（民政）") + 1)
    assert page.form.participants.names() == ["李主任"]
    assert box.currentIndex() == 0


def test_a_decided_matter_is_archived_or_reviewed_again(
    qtbot, page: MeetingPage, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    record_meeting(page, "李主任")
    page.form.set_outcome(Outcome.DECIDED)
    page.form.decision.setPlainText("由村委会协调邻里照看。")
    with qtbot.waitSignal(page.saved):
        page.save_button.click()
    column = page.record_column
    assert column.archive_button.isVisibleTo(page) and column.reopen_button.isVisibleTo(page)
    column.archive_button.click()
    qtbot.waitUntil(lambda: page.matter.record.status is Status.ARCHIVED)
    assert not column.archive_button.isVisibleTo(page)
    monkeypatch.setattr(OutcomeReason, "ask", classmethod(lambda cls, *a: "家属提出新情况"))
    column.reopen_button.click()
    qtbot.waitUntil(lambda: page.matter.record.status is Status.UNDER_REVIEW)
    assert page.save_button.isEnabled() and page.review.id is None
    moves = [(m.old, m.new, m.note) for m in page.matter.moves]
    assert moves == [
        ("草稿", "已决定", "第1次研判作出决定"),
        ("已决定", "已归档", ""),
        ("已归档", "研判中", "家属提出新情况"),
    ]
    assert "家属提出新情况" in page.matter_panel.view.toPlainText()


def test_unsaved_notes_are_not_lost_on_closing(
    qtbot, window: MainWindow, page: MeetingPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.dialogs.questions import Unsaved, UnsavedChanges

    record_meeting(page, "李主任")
    assert page.dirty
    asked: list[str] = []

    def keep(cls, parent, title):
        asked.append(title)
        return Unsaved.CANCEL

    monkeypatch.setattr(UnsavedChanges, "ask", classmethod(keep))
    window.close()
    assert asked == ["独居高龄老人跌倒后无人照护"] and window.isVisible()


def test_a_speaker_picked_brings_the_department(qtbot, page: MeetingPage) -> None:
    from PySide6.QtWidgets import QComboBox, QStyleOptionViewItem

    record_meeting(page, "李主任")
    page.form.opinions.set_rows([Opinion("", "同意")])
    index = page.form.opinions.index(0, 0)
    delegate = page.form.opinions_view.itemDelegateForColumn(0)
    editor = delegate.createEditor(page, QStyleOptionViewItem(), index)
    assert isinstance(editor, QComboBox)
    editor.setCurrentText("李主任")
    delegate.setModelData(editor, page.form.opinions, index)
    assert page.form.opinions.rows()[0].department == "民政"


def test_minutes_of_an_earlier_meeting(
    qtbot, page: MeetingPage, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    record_meeting(page, "李主任")
    page.form.opinions.set_rows([Opinion("李主任", "村里先行垫付医药费。", "民政")])
    escalate(qtbot, page, monkeypatch, "村里无资金渠道")
    record_meeting(page, "王站长")
    page.form.opinions.set_rows([Opinion("王站长", "镇街统筹照护服务。", "民政")])
    escalate(qtbot, page, monkeypatch, "照护服务须区级统筹")
    out = tmp_path / "第1次.docx"
    monkeypatch.setattr(WordExportDialog, "ask", classmethod(lambda cls, *a, **k: WordChoice(out)))
    labels: list[str] = []

    def first(cls, parent, choices, current):
        labels.extend(text for _sequence, text in choices)
        assert current == 2
        return 1

    monkeypatch.setattr(MinutesReview, "ask", classmethod(first))
    with qtbot.waitSignal(page.exports.exported, timeout=20000):
        page.exports.export_minutes()
    assert labels[0].startswith("Meeting 1 · 村居 · 2025-03-18")
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "村里先行垫付医药费" in text and "镇街统筹照护服务" not in text

    monkeypatch.setattr(MinutesReview, "ask", classmethod(lambda cls, *a: None))
    out.unlink()
    page.exports.export_minutes()
    assert not out.exists()


def test_minutes_from_a_review_in_the_history(
    qtbot, page: MeetingPage, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    record_meeting(page, "李主任")
    page.form.opinions.set_rows([Opinion("李主任", "村里先行垫付医药费。", "民政")])
    escalate(qtbot, page, monkeypatch, "村里无资金渠道")
    out = tmp_path / "第1次.docx"
    monkeypatch.setattr(WordExportDialog, "ask", classmethod(lambda cls, *a, **k: WordChoice(out)))
    panel = page.matter_panel
    menu = panel.review_menu(panel.history.index(0))
    assert menu is not None
    offered = [action.text() for action in menu.actions()]
    with qtbot.waitSignal(page.exports.exported, timeout=20000):
        menu.actions()[0].trigger()
    assert offered == ["Minutes of meeting 1…"]
    assert panel.review_menu(panel.history.index(5)) is None
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "村里先行垫付医药费" in text
