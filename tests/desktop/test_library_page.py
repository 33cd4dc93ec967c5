"""The library screen: typing searches, filters narrow, the record shows masked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.library.results_model import Role
from desktop.main_window import MainWindow
from desktop.search_adapter import FACET_FIELDS
from precedents.library import Library
from precedents.store.audit import list_events
from tests.desktop.conftest import type_chinese


def codes(window: MainWindow) -> list[str]:
    page = window.library_page
    return [str(page.proxy.index(row, 0).data(Role.CODE)) for row in range(page.proxy.rowCount())]


def test_typing_shows_results(qtbot, window: MainWindow) -> None:
    page = window.library_page
    type_chinese(page.search_box, "戈谢")
    qtbot.waitUntil(lambda: codes(window) == ["T-HC-2024-001"])
    assert "1" in page.count_label.text()
    qtbot.waitUntil(lambda: window.status.counts.text() != "")


def test_filters_narrow_and_combine_with_text(qtbot, window: MainWindow) -> None:
    page = window.library_page
    group = page.facets.index(FACET_FIELDS.index("district"), 0)
    jimei = next(
        page.facets.index(row, 0, group)
        for row in range(page.facets.rowCount(group))
        if page.facets.index(row, 0, group).data() == "集美区"
    )
    assert page.facets.index(jimei.row(), 1, group).data() == "2"
    page.facet_view.toggle(jimei)
    qtbot.waitUntil(lambda: sorted(codes(window)) == ["T-JM-2023-001", "T-JM-2024-002"])
    assert page.filters_label.isVisible()
    type_chinese(page.search_box, "独居")
    qtbot.waitUntil(lambda: codes(window) == ["T-JM-2024-002"])
    page.clear_filters_button.click()
    qtbot.waitUntil(
        lambda: codes(window) == ["T-JM-2024-002"] and not page.filters_label.isVisible()
    )


def test_escape_clears_the_search(qtbot, window: MainWindow) -> None:
    page = window.library_page
    type_chinese(page.search_box, "戈谢")
    qtbot.waitUntil(lambda: len(codes(window)) == 1)
    qtbot.keyClick(page.search_box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: len(codes(window)) == 4)
    assert page.search_box.text() == ""


def test_ctrl_f_focuses_the_search_box(qtbot, window: MainWindow) -> None:
    page = window.library_page
    page.view.setFocus()
    window.actions_.find.trigger()
    assert page.search_box.hasFocus() or window.focusWidget() is page.search_box


def test_sorting_by_district(qtbot, window: MainWindow) -> None:
    page = window.library_page
    page.sort_box.setCurrentIndex(4)  # by district
    districts = [page.proxy.index(r, 2).data() for r in range(page.proxy.rowCount())]
    assert districts == sorted(districts)
    page.sort_box.setCurrentIndex(0)
    assert codes(window)[0] == "T-JM-2024-002", "back to the engine's order (newest first)"


def test_detail_is_masked_until_revealed_with_a_reason(
    qtbot, window: MainWindow, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.dialogs.questions import RevealReason

    page = window.library_page
    page.select_code("T-JM-2023-001")
    detail = page.record.detail
    qtbot.waitUntil(lambda: detail.shown is not None and detail.code == "T-JM-2023-001")
    html = detail.browser.toPlainText()
    assert "王某" in html and "王建国" not in html
    assert "13912345678" not in html
    monkeypatch.setattr(RevealReason, "ask", classmethod(lambda cls, parent, code: "年度复核"))
    detail.reveal_button.click()
    qtbot.waitUntil(lambda: detail.shown is not None and not detail.shown.masked)
    assert "王建国" in detail.browser.toPlainText()
    with library.session() as session:
        events = list_events(session, action="view.unmasked", code="T-JM-2023-001")
    assert events and events[0].reason == "年度复核" and events[0].actor == "测试员"
    detail.reveal_button.click()  # masks again, no question asked
    qtbot.waitUntil(lambda: detail.shown is not None and detail.shown.masked)


def test_similar_precedents_show_with_reasons(qtbot, window: MainWindow) -> None:
    page = window.library_page
    page.select_code("T-JM-2024-002")
    panel = page.record.similar
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0 or "No similar" in panel.verdict.text())
    for row in range(panel.model.rowCount()):
        hit = panel.model.hit(row)
        assert hit.code != "T-JM-2024-002"
        assert hit.reasons and 0.0 <= hit.score <= 1.0


def test_layout_is_remembered(qtbot, window: MainWindow, library: Library, tasks) -> None:
    from desktop.prefs import Prefs
    from desktop.search_adapter import SearchAdapter

    page = window.library_page
    page.splitter.setSizes([300, 500, 600])
    page.view.horizontalHeader().resizeSection(2, 133)
    window.save_layout()
    again = MainWindow(library, SearchAdapter(library), tasks, Prefs())
    qtbot.addWidget(again)
    again.show()
    assert again.size() == window.size()
    assert again.library_page.splitter.sizes() == page.splitter.sizes()
    assert again.library_page.view.horizontalHeader().sectionSize(2) == 133
    again._closing = True


def test_navigation_shows_empty_states(qtbot, window: MainWindow) -> None:
    for number in (1, 2, 3):
        window.navigation.actions()[number].trigger()
        assert window.pages.currentIndex() == number
    window.navigation.actions()[0].trigger()
    assert window.pages.currentWidget() is window.library_page


def test_down_from_the_search_box_goes_to_the_list(qtbot, window: MainWindow) -> None:
    page = window.library_page
    page.focus_search()
    qtbot.keyClick(page.search_box, Qt.Key.Key_Down)
    assert page.view.hasFocus() or window.focusWidget() is page.view
    qtbot.waitUntil(lambda: page.record.detail.code is not None)


def test_an_empty_library_says_what_to_do(qtbot, tmp_path, tasks) -> None:
    from desktop.prefs import Prefs
    from desktop.search_adapter import SearchAdapter

    empty = Library.open(tmp_path / "empty", actor="测试员")
    main = MainWindow(empty, SearchAdapter(empty), tasks, Prefs())
    qtbot.addWidget(main)
    main.show()
    main.start()
    label = main.library_page.view.empty_label
    qtbot.waitUntil(label.isVisible)
    assert "Ctrl+N" in label.text()
    tasks.shutdown()
    empty.close()


def test_long_result_lists_arrive_in_two_steps(qtbot, tmp_path, tasks) -> None:
    from desktop.prefs import Prefs
    from desktop.search_adapter import FIRST_PAGE, SearchAdapter
    from tests.desktop.conftest import fill, sample

    big = Library.open(tmp_path / "big", actor="测试员")
    fill(big, tuple(sample(f"B-{n:03d}", title=f"独居老人第{n}例") for n in range(FIRST_PAGE + 15)))
    main = MainWindow(big, SearchAdapter(big), tasks, Prefs())
    qtbot.addWidget(main)
    main.show()
    main.start()
    page = main.library_page
    qtbot.waitUntil(lambda: page.search.last_results is not None)
    firsts: list[int] = []
    page.search.results_ready.connect(lambda results: firsts.append(len(results.hits)))
    type_chinese(page.search_box, "独居")
    qtbot.waitUntil(
        lambda: (
            page.search.last_results.query.text == "独居"
            and page.results.rowCount() == FIRST_PAGE + 15
        )
    )
    assert FIRST_PAGE in firsts, "the first screenful came on its own"
    assert "75" in page.count_label.text()
    tasks.shutdown()
    big.close()


def test_rebuilding_the_index_applies_new_synonyms(
    qtbot, window: MainWindow, library: Library
) -> None:
    from desktop.search_adapter import IndexState
    from precedents.store.synonyms import SynonymGroup, save_group

    with library.sessions.begin() as session:
        save_group(session, SynonymGroup(None, ("戈谢病", "葡糖脑苷脂病")), actor="管理员")
    page = window.library_page
    window.actions_.rebuild.trigger()
    qtbot.waitUntil(lambda: not window.tasks.busy and page.adapter.state is IndexState.READY)
    type_chinese(page.search_box, "葡糖脑苷脂病")
    qtbot.waitUntil(lambda: codes(window) == ["T-HC-2024-001"], timeout=10000)
    assert "戈谢病" in page.expanded_label.text()
