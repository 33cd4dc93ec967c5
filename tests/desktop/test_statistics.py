"""The statistics screen on the dev corpus: charts, filters and exports.

Numbers were counted by hand from ../shared/eval/dev/corpus.jsonl: 80 matters,
all decided, 1,843,000 yuan in all; per district 思明区 17, 同安区 15, 湖里区 15,
翔安区 12, 海沧区 11, 集美区 10; 思明区 filed 6 in 2024, 3 of them about minors.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook
from PySide6.QtGui import QImage

from desktop.statistics.charts import PICTURE_SIZE
from desktop.statistics.files import StatsFiles
from desktop.statistics.page import StatisticsPage
from desktop.tasks import TaskManager
from precedents.interchange.importer import import_file
from precedents.library import Library


@pytest.fixture
def dev_library(tmp_path: Path, dev_corpus: Path) -> Iterator[Library]:
    library = Library.open(tmp_path / "dev", actor="测试员")
    with library.sessions.begin() as session:
        import_file(session, dev_corpus, library.vocabulary(), actor="测试员")
    yield library
    library.close()


@pytest.fixture
def page(qtbot, dev_library: Library, tasks: TaskManager) -> StatisticsPage:
    shown = StatisticsPage(dev_library, tasks)
    qtbot.addWidget(shown)
    shown.resize(1300, 860)
    with qtbot.waitSignal(shown.figures_shown):
        shown.show()
    return shown


def bar_values(page: StatisticsPage, number: int) -> list[list[float]]:
    series = page.views[number].chart().series()[0]
    return [[bar_set.at(i) for i in range(bar_set.count())] for bar_set in series.barSets()]


def test_opens_on_every_matter_with_its_charts(page: StatisticsPage) -> None:
    assert page.tiles["total"].value.text() == "80"
    assert page.tiles["amount"].value.text() == "184.3万元"
    districts = page.specs[1]
    assert districts.categories == ("思明区", "同安区", "湖里区", "翔安区", "海沧区", "集美区")
    assert bar_values(page, 1)[0] == [17, 15, 15, 12, 11, 10]
    assert page.filters.scope.districts[0] == "同安区"
    assert page.filters.start_edit.date().toString("yyyy-MM-dd") == "2021-02-22"
    # Four years of months are drawn as lines, one per series.
    assert page.specs[0].lines and len(page.views[0].chart().series()) == 2


def test_a_year_and_a_district(qtbot, page: StatisticsPage) -> None:
    with qtbot.waitSignal(page.figures_shown):
        page.filters.set_period(dt.date(2024, 1, 1), dt.date(2024, 12, 31), "思明区")
    assert page.figures is not None and page.figures.total == 6
    assert page.filters.period_box.currentData() == 2024
    months = page.specs[0]
    assert not months.lines and len(months.categories) == 12
    assert sum(months.series[0].values) == 6
    hardships = page.specs[2]
    assert hardships.categories[0] == "未成年人" and hardships.series[0].values[0] == 3
    # Sideways bars list the most frequent term on top, i.e. last on the axis.
    assert bar_values(page, 2)[0][-1] == 3


def test_dates_the_wrong_way_round_say_so(qtbot, page: StatisticsPage) -> None:
    page.filters.start_edit.setDate(page.filters.end_edit.date().addDays(1))
    with qtbot.waitSignal(page.message) as said:
        page.filters.start_edit.editingFinished.emit()
    assert said.args[0].startswith("统计期间有误：起始日期 2024-12-21 晚于截止日期 2024-12-20")


def test_exports_write_excel_pictures_and_word(
    qtbot, page: StatisticsPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(StatsFiles, "excel_file", classmethod(lambda c, p, name: tmp_path / name))
    monkeypatch.setattr(StatsFiles, "word_file", classmethod(lambda c, p, name: tmp_path / name))
    monkeypatch.setattr(StatsFiles, "picture_folder", classmethod(lambda c, p: tmp_path))
    with qtbot.waitSignal(page.message):
        page.export_excel()
    book = load_workbook(tmp_path / "一事一议工作情况统计.xlsx")
    assert book["各区新增与解决"].cell(6, 1).value == "思明区"
    with qtbot.waitSignal(page.message):
        page.export_pictures()
    pictures = sorted(tmp_path.glob("*.png"))
    assert len(pictures) == 8 and pictures[0].name.startswith("01-")
    assert QImage(str(pictures[0])).size() == PICTURE_SIZE
    with qtbot.waitSignal(page.message, timeout=20000):
        page.export_word()
    document = docx.Document(str(tmp_path / "一事一议工作情况统计.docx"))
    assert len(document.inline_shapes) == 8
    # The pictures were drawn in the cache folder and are gone once the file is written.
    assert not list(page.library.paths.cache.glob("charts-*"))


def test_the_main_window_shows_the_statistics(qtbot, window) -> None:
    statistics = window.statistics_page
    assert isinstance(statistics, StatisticsPage)
    with qtbot.waitSignal(statistics.figures_shown, timeout=10000):
        window.show_page(3)
    assert window.pages.currentWidget() is statistics
    assert statistics.tiles["total"].value.text() == str(statistics.figures.total)
    assert statistics.figures.total > 0


def test_an_empty_library_says_there_is_nothing(qtbot, tmp_path: Path, tasks: TaskManager) -> None:
    library = Library.open(tmp_path / "empty", actor="测试员")
    try:
        empty = StatisticsPage(library, tasks)
        qtbot.addWidget(empty)
        with qtbot.waitSignal(empty.figures_shown):
            empty.show()
        assert empty.tiles["total"].value.text() == "0"
        assert all(spec.empty for spec in empty.specs)
        title = empty.views[2].chart().title()
        assert title.startswith(empty.specs[2].title) and title != empty.specs[2].title
    finally:
        library.close()
