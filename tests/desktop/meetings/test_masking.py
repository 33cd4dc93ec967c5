"""Nothing personal on the projector: the picker, the matter and its reviews are masked."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.main_window import MainWindow
from desktop.meetings import use_cases
from desktop.meetings.masking import masked_record, masked_title
from desktop.meetings.models import HistoryModel
from precedents.library import Library
from precedents.meetings.model import Opinion, Outcome, Participant, Review
from precedents.record import Person, Status
from precedents.store.precedents import create_record
from tests.desktop.conftest import sample

CODE = "T-SM-2025-030"
ID_NUMBER = "350211194805123218"
PHONE = "13912345678"


def test_a_title_loses_listed_and_written_names() -> None:
    listed = [Person(name="王建国", id_number=ID_NUMBER, phone=PHONE)]
    assert masked_title("王建国骨折后无人照护", listed) == "王某骨折后无人照护"
    assert masked_title("郑丽华，女，41岁，尿毒症透析") == "郑某，女，41岁，尿毒症透析"
    assert "王建国" not in masked_title(f"王建国（{ID_NUMBER}，{PHONE}）", [])
    assert ID_NUMBER not in masked_title(f"身份证{ID_NUMBER}", [])


def test_a_record_loses_names_its_persons_list_lacks() -> None:
    record = sample(CODE, situation="方志强，52岁，名叫方志强的户主失业。")
    masked, persons = masked_record(record)
    assert "方志强" not in masked.situation and "方某" in masked.situation
    assert [p.name for p in masked.persons] == ["王某"]
    assert {p.name for p in persons} == {"王建国", "方志强"}


@pytest.fixture
def matter(library: Library) -> str:
    record = sample(
        CODE,
        title="王建国（电话13912345678）骨折后无人照护",
        decided_on=None,
        measures=[],
        decision="",
        level="村居",
    )
    record.meta.status = Status.DRAFT
    with library.sessions.begin() as session:
        create_record(session, record, actor="测试员")
    return CODE


def test_the_picker_shows_masked_titles(library: Library, matter: str) -> None:
    choices = {c.code: c for c in use_cases.open_matters(library, every=True)}
    assert choices[matter].title.startswith("王某（电话139****5678）")
    assert all("王建国" not in c.title for c in choices.values())


def test_persons_are_read_in_batches(
    library: Library, matter: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A name only the persons list knows (no surname the segmenter would recognise).
    record = sample("T-XJ-2025-031", title="阿依古丽骨折后无人照护", level="村居")
    record.persons = [Person(name="阿依古丽")]
    with library.sessions.begin() as session:
        create_record(session, record, actor="测试员")
    monkeypatch.setattr(use_cases, "PERSONS_BATCH", 2)
    choices = {c.code: c.title for c in use_cases.open_matters(library, every=True)}
    assert len(choices) == 6
    assert choices["T-XJ-2025-031"] == "阿某骨折后无人照护"
    assert all("王建国" not in title for title in choices.values())


def test_review_texts_are_masked_in_the_history(library: Library, matter: str) -> None:
    review = Review(
        level="村居",
        held_on=dt.date(2025, 3, 18),
        participants=[Participant("李主任", "民政")],
        opinions=[Opinion("李主任", "同意", "民政")],
        outcome=Outcome.ESCALATED,
        outcome_reason="王建国的子女在外地，村里无法协调",
    )
    saved = use_cases.save_meeting(library, matter, review, [])
    history = HistoryModel()
    history.set_reviews(saved.matter.reviews, None, saved.matter.masked)
    shown = history.index(0, 0)
    assert "王某的子女" in shown.data() and "王建国" not in shown.data()
    # The record itself keeps what was said: only the screen masks it.
    assert saved.matter.reviews[0].outcome_reason.startswith("王建国")


def test_the_screen_masks_the_picker_and_the_left_pane(
    qtbot, window: MainWindow, library: Library, matter: str
) -> None:
    window.show_page(1)
    page = window.meeting_page
    qtbot.waitUntil(lambda: page.code == CODE)
    picker = [page.matter_box.itemText(row) for row in range(page.matter_box.count())]
    shown = page.matter_panel.view.toPlainText()
    for text in (*picker, shown):
        assert "王建国" not in text and PHONE not in text and ID_NUMBER not in text
    assert "Personal data is masked" in shown
