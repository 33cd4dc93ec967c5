"""The issue's "done when", end to end, on the demo precedents and the dev corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.app import load_demo_if_empty
from desktop.dialogs.import_report import ImportReportDialog
from desktop.main_window import MainWindow
from desktop.search_adapter import FACET_FIELDS, SearchAdapter
from precedents.demo import demo_path
from precedents.library import Library
from precedents.store.precedents import count_records, get_record
from tests.desktop.conftest import type_chinese
from tests.desktop.test_library_page import codes


@pytest.fixture
def demo_window(qtbot, tmp_path: Path, tasks):
    if not demo_path().is_file():
        pytest.skip("the demo precedents are not in this checkout")
    from desktop.prefs import Prefs

    library = Library.open(tmp_path / "new user", actor="林晓")
    assert load_demo_if_empty(library) >= 30
    adapter = SearchAdapter(library)
    window = MainWindow(library, adapter, tasks, Prefs())
    window.show()
    window.start()
    qtbot.waitUntil(lambda: window.library_page.search.last_results is not None, timeout=30000)
    yield window, library
    window._closing = True
    window.close()
    tasks.shutdown()
    adapter.close()
    library.close()


def test_a_new_users_first_session(qtbot, demo_window, dev_corpus: Path, monkeypatch) -> None:
    window, library = demo_window
    page = window.library_page
    assert page.results.rowCount() >= 30

    type_chinese(page.search_box, "戈谢")
    qtbot.waitUntil(lambda: page.search.last_results.query.text == "戈谢")
    found = codes(window)
    with library.session() as session:
        assert found and any("戈谢病" in get_record(session, c).narrative for c in found)

    page.clear_search()
    qtbot.waitUntil(lambda: page.search.last_results.query.is_empty)
    group = page.facets.index(FACET_FIELDS.index("district"), 0)
    jimei = next(
        page.facets.index(r, 0, group)
        for r in range(page.facets.rowCount(group))
        if page.facets.index(r, 0, group).data() == "集美区"
    )
    page.facet_view.toggle(jimei)
    qtbot.waitUntil(lambda: bool(page.search.last_results.query.filters))
    jimei_codes = codes(window)
    assert jimei_codes and all(
        page.catalogue.get(c) is None or page.catalogue.get(c).district == "集美区"
        for c in jimei_codes
    )

    record = page.record
    page.select_code(jimei_codes[0])
    qtbot.waitUntil(lambda: record.detail.code == jimei_codes[0])
    qtbot.waitUntil(lambda: record.similar.model.rowCount() > 0, timeout=30000)
    assert all(record.similar.model.hit(r).reasons for r in range(record.similar.model.rowCount()))

    record.edit()
    qtbot.waitUntil(lambda: record.editing)
    editor = record.editor
    editor.form.widgets["tags"].setText("一事一议、已复核")  # type: ignore[attr-defined]
    with qtbot.waitSignal(editor.saved):
        assert editor.save()
    with library.session() as session:
        assert "已复核" in get_record(session, jimei_codes[0]).tags

    reports = []
    monkeypatch.setattr(
        ImportReportDialog, "show_result", classmethod(lambda cls, p, r: reports.append(r))
    )
    monkeypatch.setattr(
        ImportReportDialog, "ask_partial", classmethod(lambda cls, *a: pytest.fail(str(a)))
    )
    with library.session() as session:
        before = count_records(session)
    page.transfer.import_file(dev_corpus)
    qtbot.waitUntil(lambda: bool(reports), timeout=60000)
    assert reports[0].created == 80
    with library.session() as session:
        assert count_records(session) == before + 80
    qtbot.waitUntil(lambda: page.precedent_count() == before + 80, timeout=30000)
