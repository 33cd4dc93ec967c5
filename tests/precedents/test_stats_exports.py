"""The statistics exports: the Excel workbook, the Word summary with its charts, the command line.

Numbers were counted by hand from ../shared/eval/dev/corpus.jsonl: in 2024,
20 matters were filed and 21 decided; 思明区 filed 6 and solved 6 (145,000 yuan).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook

from precedents.cli import main
from precedents.documents.annual_summary import CHART_CAPTIONS
from precedents.interchange.importer import import_file
from precedents.library import Library
from precedents.stats import Figures, Period, compute_figures
from precedents.stats_exports import HEADER_ROW, write_figures_xlsx, write_summary_docx
from tests.precedents.pictures import png


@pytest.fixture
def dev_library(library: Library, dev_corpus: Path) -> Library:
    with library.sessions.begin() as session:
        import_file(session, dev_corpus, library.vocabulary(), actor="测试员")
    return library


@pytest.fixture
def year_2024(dev_library: Library) -> Figures:
    with dev_library.session() as session:
        return compute_figures(session, Period.year(2024))


def rows_of(sheet: object) -> list[tuple[object, ...]]:
    return [tuple(r) for r in sheet.iter_rows(min_row=HEADER_ROW, values_only=True)]  # type: ignore[attr-defined]


def test_workbook_has_a_sheet_per_table_with_the_figures(
    year_2024: Figures, tmp_path: Path
) -> None:
    out = write_figures_xlsx(year_2024, tmp_path / "统计 2024.xlsx")
    book = load_workbook(out)
    assert book.sheetnames[:3] == ["概况", "每月新增与解决", "各区新增与解决"]
    overview = book["概况"]
    assert overview["A1"].value == "概况" and "2024年" in overview["A2"].value
    figures = {row[0]: row[1] for row in rows_of(overview)[1:]}
    assert (figures["新增事项（件）"], figures["解决疑难个案（件）"]) == (20, 21)
    months = rows_of(book["每月新增与解决"])
    assert months[0] == ("月份", "新增事项（件）", "解决个案（件）")
    assert len(months) == 13 and sum(r[1] for r in months[1:]) == 20  # type: ignore[misc]
    districts = {r[0]: r for r in rows_of(book["各区新增与解决"])[1:]}
    assert districts["思明区"] == ("思明区", 6, 6, 145000)
    cell = book["各区新增与解决"].cell(HEADER_ROW + 1, 4)
    assert cell.number_format == "#,##0.00"
    assert book["概况"].freeze_panes == f"A{HEADER_ROW + 1}"


def test_summary_embeds_the_charts_with_captions(
    dev_library: Library, year_2024: Figures, tmp_path: Path
) -> None:
    charts = {key: png(tmp_path / f"{key}.png") for key in ("months", "hardships", "levels")}
    out = write_summary_docx(
        year_2024,
        tmp_path / "年度统计.docx",
        settings=dev_library.settings,
        charts=charts,
        today=dt.date(2025, 1, 10),
    )
    document = docx.Document(str(out))
    text = [p.text for p in document.paragraphs]
    assert "2024年一事一议工作情况统计" in text
    assert any("2024年，全市共新增一事一议事项20件，解决疑难个案21件" in t for t in text)
    assert len(document.inline_shapes) == 3
    captions = [t for t in text if t.startswith("图")]
    assert captions == [
        f"图1　{CHART_CAPTIONS['months']}",
        f"图2　{CHART_CAPTIONS['hardships']}",
        f"图3　{CHART_CAPTIONS['levels']}",
    ]
    districts = document.tables[0]
    assert [c.text for c in districts.rows[0].cells] == [
        "区", "新增事项（件）", "解决个案（件）", "救助金额（元）"
    ]  # fmt: skip
    row = next(r for r in districts.rows if r.cells[0].text == "思明区")
    assert [c.text for c in row.cells] == ["思明区", "6", "6", "145,000"]


def test_summary_without_charts_has_no_pictures(
    dev_library: Library, year_2024: Figures, tmp_path: Path
) -> None:
    out = write_summary_docx(year_2024, tmp_path / "无图.docx", settings=dev_library.settings)
    document = docx.Document(str(out))
    assert len(document.inline_shapes) == 0
    assert any(p.text == "一、总体情况" for p in document.paragraphs)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_command_line_prints_the_same_figures(
    capsys: pytest.CaptureFixture[str], dev_library: Library, tmp_path: Path
) -> None:
    folder = str(dev_library.paths.root)
    dev_library.close()
    year = ("--from", "2024-01-01", "--to", "2024-12-31")
    code, out, _ = run(capsys, "--data-dir", folder, "stats", *year, "--json")
    figures = json.loads(out)
    assert code == 0 and (figures["total"], figures["solved"]) == (20, 21)
    code, out, _ = run(capsys, "--data-dir", folder, "stats", *year, "--district", "思明区")
    lines = out.splitlines()
    assert code == 0 and lines[0] == "【概况】"
    assert any(line.split() == ["新增事项（件）", "6", "按提出日期"] for line in lines)
    assert any(line.split()[:4] == ["思明区", "6", "6", "145,000"] for line in lines)
    excel, word = tmp_path / "统计.xlsx", tmp_path / "统计.docx"
    args = ("--excel", str(excel), "--word", str(word))
    code, out, _ = run(capsys, "--data-dir", folder, "stats", *year, *args)
    assert code == 0 and excel.is_file() and word.is_file()
    code, _, err = run(capsys, "--data-dir", folder, "stats", *year, *args)
    assert code == 1 and "文件已存在" in err


def test_command_line_refuses_bad_dates_in_chinese(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = str(tmp_path / "data")
    code, _, err = run(capsys, "--data-dir", folder, "stats", "--from", "2024-02-30")
    assert code == 2 and "日期应为 YYYY-MM-DD，例如 2024-01-31：2024-02-30" in err
    code, _, err = run(
        capsys, "--data-dir", folder, "stats", "--from", "2024-12-31", "--to", "2024-01-01"
    )
    assert code == 1
    assert "统计期间有误：起始日期 2024-12-31 晚于截止日期 2024-01-01" in err
