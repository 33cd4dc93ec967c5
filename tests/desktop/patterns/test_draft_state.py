"""Editing a policy draft without a window: citations, paragraphs, what cannot be saved."""

from __future__ import annotations

import pytest

from desktop.patterns import operations as ops
from desktop.patterns.draft_state import DraftState, split_citation
from precedents.library import Library


@pytest.fixture
def state(demo_library: Library) -> DraftState:
    pattern = ops.load_overview(demo_library).patterns[0]
    content = ops.open_draft(demo_library, pattern).content
    assert content is not None
    return DraftState(content)


def test_typed_citations_leave_the_text() -> None:
    text, codes = split_citation("按单人户纳入低保（参见 A-1、A-2）。另见（参见 A-2，B-3）")
    assert text == "按单人户纳入低保。另见"
    assert codes == ["A-1", "A-2", "B-3"]


def test_rewriting_a_paragraph_keeps_its_citations(state: DraftState) -> None:
    ref = next(r for r in state.sections() if r.key == "measures")
    index = next(i for i, p in enumerate(state.paragraphs(ref)) if p.cites)
    before = list(state.paragraphs(ref)[index].cites)
    typed = "按单人户纳入最低生活保障（参见 XM-NEW-2025-001）。"
    state.set_paragraph(ref, index, typed, "单人户施保")
    paragraph = state.paragraphs(ref)[index]
    assert paragraph.text == "按单人户纳入最低生活保障。"
    assert paragraph.cites == [*before, "XM-NEW-2025-001"]
    assert state.dirty
    assert "XM-NEW-2025-001" in state.cited_codes()
    state.remove_citation(ref, index, "XM-NEW-2025-001")
    assert state.paragraphs(ref)[index].cites == before


def test_paragraphs_added_and_removed_are_numbered_again(state: DraftState) -> None:
    ref = next(r for r in state.sections() if r.key == "procedure")
    numbers = [p.number for p in state.paragraphs(ref)]
    assert numbers[:2] == ["（一）", "（二）"]
    added = state.add_paragraph(ref, after=0)
    assert [p.number for p in state.paragraphs(ref)][: added + 2] == ["（一）", "（二）", "（三）"]
    assert state.problems() == [f"“{ref.heading}”第{added + 1}段没有内容，请填写或删除该段"]
    state.remove_paragraph(ref, added)
    assert [p.number for p in state.paragraphs(ref)] == numbers
    assert state.problems() == []


def test_generated_parts_of_the_note_are_not_edited(state: DraftState) -> None:
    refs = {r.key: r for r in state.sections()}
    assert not refs["evidence"].editable and refs["background"].editable
    with pytest.raises(ValueError):
        state.add_paragraph(refs["evidence"])


def test_an_empty_title_cannot_be_saved(state: DraftState) -> None:
    state.set_title("   ")
    assert "标题不能为空" in state.problems()
    state.set_title(" 关于 重病 ")
    assert state.title == "关于 重病"
    saved = state.content()
    state.mark_saved(saved)
    assert not state.dirty and state.content().title == "关于 重病"
