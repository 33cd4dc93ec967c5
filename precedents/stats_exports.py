"""Exports of the figures: an Excel workbook and the Word summary, for both programs.

`write_figures_xlsx` writes one sheet per table with Chinese headers. Each sheet
starts with its title, the period and district, and the date its figures count
by; the table follows with a bold, frozen header row. Amounts keep two
decimals, so a reader can sum them again in Excel and get the same total.

`write_summary_docx` writes 一事一议工作情况统计 with the office's fonts,
template and grid from the settings, and the charts the caller rendered (the
command line has none).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from precedents.documents import AnnualSummary, render_annual_summary
from precedents.errors import PrecedentError
from precedents.settings import Settings
from precedents.stats import Figures
from precedents.stats_tables import StatsTable, district_label, figures_tables

#: Rows above each table: title, scope, basis, blank.
HEADER_ROW = 5
MONEY_FORMAT = "#,##0.00"
_BOLD = Font(bold=True)
_TITLE = Font(bold=True, size=14)
_FILL = PatternFill("solid", fgColor="DCE6F1")
#: Characters Excel refuses in a sheet name.
_BAD_SHEET_CHARS = str.maketrans({c: "_" for c in "[]:*?/\\"})


def sheet_name(title: str) -> str:
    return title.translate(_BAD_SHEET_CHARS)[:31]


def _width(value: object) -> float:
    text = str(value) if value is not None else ""
    # A Chinese character is about two Latin ones wide in Excel's column units.
    return sum(2.1 if ord(char) > 0x2E80 else 1.1 for char in text)


def _write_table(sheet: Worksheet, table: StatsTable, scope: str) -> None:
    sheet["A1"] = table.title
    sheet["A1"].font = _TITLE
    sheet["A2"] = scope
    if table.basis:
        sheet["A3"] = f"统计口径：{table.basis}"
    for column, name in enumerate(table.header, start=1):
        cell = sheet.cell(HEADER_ROW, column, name)
        cell.font = _BOLD
        cell.fill = _FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for offset, row in enumerate(table.rows, start=1):
        for column, value in enumerate(row, start=1):
            cell = sheet.cell(HEADER_ROW + offset, column, value)
            if isinstance(value, Decimal):
                cell.number_format = MONEY_FORMAT
    for column, name in enumerate(table.header, start=1):
        values = [name, *(row[column - 1] for row in table.rows)]
        width = max(_width(v) for v in values)
        sheet.column_dimensions[get_column_letter(column)].width = min(max(width + 2, 10), 60)
    sheet.freeze_panes = sheet.cell(HEADER_ROW + 1, 1)


def write_figures_xlsx(figures: Figures, path: str | os.PathLike[str]) -> Path:
    """Write every table of `figures` to `path`; returns the path written."""
    target = Path(path)
    book = Workbook()
    first = book.active
    if first is not None:
        book.remove(first)
    scope = f"统计期间：{figures.period.label()}　范围：{district_label(figures)}"
    for table in figures_tables(figures):
        _write_table(book.create_sheet(sheet_name(table.title)), table, scope)
    book.properties.title = f"{figures.period.label()}一事一议工作情况统计"
    book.properties.creator = ""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        book.save(target)
    except OSError as error:
        raise PrecedentError("export.failed", reason=f"无法写入 {target}：{error}") from error
    return target


def write_summary_docx(
    figures: Figures,
    path: str | os.PathLike[str],
    *,
    settings: Settings,
    charts: Mapping[str, Path] | None = None,
    template: Path | None = None,
    today: dt.date | None = None,
) -> Path:
    """The Word summary of `figures`, with `charts` (keys of `CHART_CAPTIONS`) embedded."""
    # Imported here: the Word machinery is not needed by the other exports.
    from precedents.word_exports import WordOptions

    options = WordOptions.from_settings(settings, template=template)
    options.check()
    summary = AnnualSummary(
        figures,
        organisation=settings.organisation or settings.department,
        written_on=today or dt.date.today(),
        charts=dict(charts or {}),
    )
    return options.render(render_annual_summary, summary, path)
