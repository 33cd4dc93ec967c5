"""The screen's table models pass Qt's model checks and show what officers read."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from desktop.patterns import operations as ops
from desktop.patterns.dialogs import ChoiceModel
from desktop.patterns.draft_editor import PartsModel
from desktop.patterns.models import (
    AmountsModel,
    CasesModel,
    PatternColumn,
    PatternsModel,
    Role,
    period,
    yuan,
)
from desktop.patterns.registry_model import PoliciesModel, PolicyColumn
from precedents.library import Library


def test_patterns_model(qtmodeltester: Any, demo_library: Library) -> None:
    overview = ops.load_overview(demo_library)
    model = PatternsModel()
    model.set_overview(overview)
    qtmodeltester.check(model)
    first = overview.patterns[0]
    assert model.rowCount() == len(overview.patterns)
    assert model.index(0, PatternColumn.PATTERN).data() == first.title
    assert model.index(0, PatternColumn.PRECEDENTS).data() == str(first.support)
    assert len(model.index(0, PatternColumn.TIMELINE).data(Role.DATES)) == first.support
    span = model.index(0, PatternColumn.TIMELINE).data(Role.SPAN)
    assert span[0] <= first.first_on and first.last_on <= span[1]
    assert model.row_of(first.id) == 0


def test_cases_and_amounts_models(qtmodeltester: Any, demo_library: Library) -> None:
    overview = ops.load_overview(demo_library)
    pattern = overview.patterns[0]
    cases = CasesModel()
    cases.set_lines([overview.cases[c] for c in pattern.codes])
    qtmodeltester.check(cases)
    assert sorted(cases.codes()) == sorted(pattern.codes)
    amounts = AmountsModel()
    amounts.set_stats(pattern.amounts)
    qtmodeltester.check(amounts)
    with_amount = next(s for s in pattern.amounts if s.minimum is not None)
    row = list(pattern.amounts).index(with_amount)
    assert amounts.index(row, 2).data() == yuan(with_amount.minimum)


def test_policies_model(qtmodeltester: Any, demo_library: Library) -> None:
    pattern = ops.load_overview(demo_library).patterns[0]
    ops.open_draft(demo_library, pattern)
    model = PoliciesModel()
    model.set_policies(ops.load_registry(demo_library).policies)
    qtmodeltester.check(model)
    assert model.index(0, PolicyColumn.STATUS).data() == "草稿"
    assert model.index(0, PolicyColumn.PATTERN).data() == pattern.id


def test_choice_and_parts_models(qtmodeltester: Any, demo_library: Library) -> None:
    overview = ops.load_overview(demo_library)
    lines = [overview.cases[c] for c in overview.patterns[0].codes]
    choice = ChoiceModel(lines, [lines[0].code])
    qtmodeltester.check(choice)
    assert choice.ticked() == [lines[0].code]
    choice.setData(choice.index(1), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert choice.ticked() == [lines[0].code, lines[1].code]
    parts = PartsModel(["一、适用对象", "二、认定条件"])
    qtmodeltester.check(parts)


def test_amounts_and_periods_read_as_officers_write_them() -> None:
    import datetime as dt
    from decimal import Decimal

    assert yuan(Decimal("8000.00")) == "8,000元"
    assert yuan(Decimal("1234.5")) == "1,234.50元"
    assert yuan(None) == "—"
    assert period(dt.date(2021, 3, 1), dt.date(2024, 11, 5)) == "2021.03–2024.11"
    assert period(dt.date(2024, 3, 1), dt.date(2024, 3, 9)) == "2024.03"
