"""Tables of official documents: a results table and a form table.

Both are bordered, fixed-width over the whole type area, in 小四 仿宋 with 黑体
headers, and ignore the character grid (12 pt text on a 16 pt grid would be
spaced out). A results table repeats its header row on every page.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from docx.document import Document as DocxDocument
from docx.table import Table, _Cell

from precedents.documents import layout, styles
from precedents.documents.layout import mm
from precedents.documents.ooxml import child, set_attrs, set_table_layout


@dataclass(frozen=True, slots=True)
class FormCell:
    """One cell of a form: a label (黑体, centred) or a value, spanning grid columns."""

    text: str
    label: bool = False
    span: int = 1
    #: A right-aligned last line, e.g. who signed the opinion and when.
    footer: str = ""


@dataclass(frozen=True, slots=True)
class FormRow:
    """One row of a form; ``min_height_mm`` leaves room to write by hand or for long text."""

    cells: Sequence[FormCell]
    min_height_mm: float = 0


def column_widths(weights: Sequence[float]) -> list[int]:
    """Relative weights to twips that fill the type area exactly."""
    total = sum(weights)
    if total <= 0 or any(weight <= 0 for weight in weights):
        raise ValueError("表格列宽必须为正数")
    widths = [int(layout.TYPE_WIDTH * weight / total) for weight in weights]
    widths[-1] += layout.TYPE_WIDTH - sum(widths)
    return widths


def results_table(
    document: DocxDocument,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    weights: Sequence[float],
    text: Callable[[str], str],
    centred: Collection[int] = (),
) -> Table:
    """A header row repeated on every page, then one row per item."""
    if any(len(row) != len(header) for row in rows):
        raise ValueError("表格每行的列数必须与表头一致")
    table: Table = document.add_table(rows=1 + len(rows), cols=len(header))
    set_table_layout(table._tbl, column_widths(weights))
    header_row = table.rows[0]
    set_attrs(child(header_row._tr.get_or_add_trPr(), "w:tblHeader"), val_="1")
    for cell, value in zip(header_row.cells, header, strict=True):
        fill_cell(cell, text(value), styles.TABLE_HEADER)
    for index, row in enumerate(rows, start=1):
        set_attrs(child(table.rows[index]._tr.get_or_add_trPr(), "w:cantSplit"), val_="1")
        for column, (cell, value) in enumerate(zip(table.rows[index].cells, row, strict=True)):
            fill_cell(cell, text(value), styles.TABLE_TEXT, centred=column in centred)
    return table


def form_table(
    document: DocxDocument,
    rows: Sequence[FormRow],
    weights: Sequence[float],
    text: Callable[[str], str],
) -> Table:
    """A form: label and value cells, cells spanning several grid columns."""
    columns = len(weights)
    for number, row in enumerate(rows, start=1):
        if sum(cell.span for cell in row.cells) != columns:
            raise ValueError(f"表格第 {number} 行的单元格跨度之和必须为 {columns}")
    table: Table = document.add_table(rows=len(rows), cols=columns)
    # No vertical padding: a form must fit its page, and its rows have a minimum height.
    set_table_layout(table._tbl, column_widths(weights), padding=0)
    for row, table_row in zip(rows, table.rows, strict=True):
        # Rows may split across pages: a form that does not fit loses no room to gaps.
        if row.min_height_mm:
            height = child(table_row._tr.get_or_add_trPr(), "w:trHeight")
            set_attrs(height, val_=mm(row.min_height_mm), hRule="atLeast")
        start = 0
        for cell_spec in row.cells:
            cell = table_row.cells[start]
            if cell_spec.span > 1:
                cell = cell.merge(table_row.cells[start + cell_spec.span - 1])
            style = styles.TABLE_HEADER if cell_spec.label else styles.TABLE_TEXT
            fill_cell(cell, text(cell_spec.text), style)
            if cell_spec.footer:
                signed = cell.add_paragraph(text(cell_spec.footer), style=style)
                set_attrs(child(signed._p.get_or_add_pPr(), "w:jc"), val_="right")
            start += cell_spec.span
    return table


def fill_cell(cell: _Cell, value: str, style: str, *, centred: bool = False) -> None:
    """The cell's text, one paragraph per line, vertically centred."""
    lines = value.split("\n") if value else [""]
    first = cell.paragraphs[0]
    first.style = style
    first.add_run(lines[0])
    for line in lines[1:]:
        cell.add_paragraph(line, style=style)
    if centred:
        for paragraph in cell.paragraphs:
            set_attrs(child(paragraph._p.get_or_add_pPr(), "w:jc"), val_="center")
    set_attrs(child(cell._tc.get_or_add_tcPr(), "w:vAlign"), val_="center")
