"""The meeting screen's item models, checked by Qt's model tester and by what they show."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import Qt

from desktop.meetings.models import HistoryModel, MattersModel, OpinionsModel, ParticipantsModel
from desktop.meetings.references_model import FOLLOWED_TINT, ReferencesModel
from desktop.meetings.use_cases import Decided, MatterChoice
from desktop.search_adapter import SimilarHit
from precedents.meetings.model import (
    Opinion,
    Outcome,
    Participant,
    Reference,
    ReferenceMode,
    Review,
    Role,
    Stance,
)
from precedents.record import Measure

HITS = [
    SimilarHit("A-1", "独居老人照护", 0.82, True, ("共同的困难情形：高龄",)),
    SimilarHit("A-2", "患儿药费", 0.41, False, ("共同关键词：药费",), decided=True),
    SimilarHit("A-3", "尚未研判的事项", 0.37, False, (), decided=False),
]


def test_references_model(qtmodeltester) -> None:
    model = ReferencesModel()
    model.set_hits(HITS)
    model.set_decisions(
        {
            "A-1": Decided(
                "A-1", "纳入照护", (Measure("临时救助", Decimal("3000")),), None, "王某独居照护"
            )
        }
    )
    assert model.index(0, 2).data() == "A-1\n王某独居照护"
    assert model.index(1, 2).data() == "A-2\n患儿药费"
    qtmodeltester.check(model, force_py=True)
    assert model.index(0, 3).data() == "临时救助 3,000 元\n纳入照护"
    assert model.index(2, 3).data() in ("尚未决定", "Not decided yet")
    assert model.setData(model.index(0, 0), "参照")
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) == FOLLOWED_TINT
    assert not model.setData(model.index(1, 0), "采纳")
    model.setData(model.index(1, 0), "参考")
    assert [(r.code, r.mode) for r in model.references()] == [
        ("A-1", ReferenceMode.FOLLOWED),
        ("A-2", ReferenceMode.CONSULTED),
    ]
    # A consulted weak match is no yardstick; the close or followed decided ones are.
    assert model.closest_codes() == ["A-1"]
    model.setData(model.index(1, 0), "")
    assert [r.code for r in model.references()] == ["A-1"]


def test_saved_marks_come_back(qtmodeltester) -> None:
    model = ReferencesModel()
    model.set_references([Reference("A-2", ReferenceMode.FOLLOWED, 0.41)])
    model.set_hits(HITS)
    assert model.index(1, 0).data() == "参照"
    assert model.closest_codes() == ["A-1", "A-2"]
    qtmodeltester.check(model, force_py=True)


def test_participants_and_opinions(qtmodeltester) -> None:
    people = ParticipantsModel()
    people.set_rows([Participant("李主任", "民政"), Participant("赵委员", role=Role.ABSENT)])
    qtmodeltester.check(people, force_py=True)
    assert people.setData(people.index(1, 2), "列席")
    assert people.rows()[1].role is Role.ATTENDING
    assert not people.setData(people.index(1, 2), "旁听")
    opinions = OpinionsModel()
    opinions.set_rows([Opinion("李主任", "同意"), Opinion("赵委员", "反对", stance=Stance.DISSENT)])
    qtmodeltester.check(opinions, force_py=True)
    assert opinions.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert opinions.index(1, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    opinions.append(Opinion("", ""))
    opinions.remove(0)
    assert [o.speaker for o in opinions.rows()] == ["赵委员", ""]


def test_history_and_matters(qtmodeltester) -> None:
    history = HistoryModel()
    escalated = Review(
        "村居",
        dt.date(2025, 3, 1),
        outcome=Outcome.ESCALATED,
        outcome_reason="村里无资金",
        opinions=[Opinion("赵委员", "反对", stance=Stance.DISSENT)],
        sequence=1,
    )
    history.set_reviews([escalated, Review("镇街", dt.date(2025, 3, 9), sequence=2)], current=2)
    qtmodeltester.check(history, force_py=True)
    first = history.index(0).data()
    assert "村居" in first and "2025-03-01" in first and "村里无资金" in first
    assert history.index(1).data(Qt.ItemDataRole.FontRole).bold()
    matters = MattersModel()
    matters.set_matters([MatterChoice("M-1", "事项一", "草稿", "村居")])
    qtmodeltester.check(matters, force_py=True)
    assert matters.row_of("M-1") == 0 and matters.row_of("X") == -1
    assert matters.index(0).data(MattersModel.CODE_ROLE) == "M-1"
