"""``precedents stats``: the figures reported upward, as text, JSON, Excel or Word.

The same `precedents.stats.Figures` the desktop's statistics screen charts; the
text output prints the tables of `precedents.stats_tables` one after another.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from precedents.cli.context import Context
from precedents.errors import PrecedentError
from precedents.stats import Figures, Period, compute_figures
from precedents.stats_tables import StatsTable, figures_tables, format_cell


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"日期应为 YYYY-MM-DD，例如 2024-01-31：{text}") from exc


def register(sub: Any) -> None:
    parser = sub.add_parser("stats", help="统计数字（每月、各区、困难情形、救助金额、办理时效等）")
    parser.add_argument("--from", dest="start", type=_date, help="起始日期 YYYY-MM-DD（含）")
    parser.add_argument("--to", dest="end", type=_date, help="截止日期 YYYY-MM-DD（含）")
    parser.add_argument("--district", help="只统计此区")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出")
    parser.add_argument("--excel", type=Path, help="同时把统计表写入 Excel 文件（.xlsx）")
    parser.add_argument("--word", type=Path, help="同时写出工作情况统计（Word，不含图表）")
    parser.add_argument("--force", action="store_true", help="覆盖已存在的文件")
    parser.set_defaults(run=run)


def _target(path: Path | None, suffix: str, force: bool) -> Path | None:
    if path is None:
        return None
    if path.suffix.lower() != suffix:
        raise PrecedentError("export.failed", reason=f"输出文件应以 {suffix} 结尾：{path}")
    if path.exists() and not force:
        raise PrecedentError("file.exists", path=str(path))
    return path


def run(args: argparse.Namespace, ctx: Context) -> int:
    period = Period(args.start, args.end, args.district or None)
    excel = _target(args.excel, ".xlsx", args.force)
    word = _target(args.word, ".docx", args.force)
    library = ctx.library
    with library.session() as session:
        figures = compute_figures(session, period)
    if args.json:
        ctx.print_json(figures.as_dict())
    else:
        print(render_text(figures))
    _export(figures, excel, word, ctx)
    return 0


def _export(figures: Figures, excel: Path | None, word: Path | None, ctx: Context) -> None:
    # Imported here: openpyxl and python-docx are only needed when asked for.
    from precedents.stats_exports import write_figures_xlsx, write_summary_docx

    if excel is not None:
        print(f"已写出统计表：{write_figures_xlsx(figures, excel)}")
    if word is not None:
        out = write_summary_docx(figures, word, settings=ctx.library.settings)
        print(f"已写出工作情况统计：{out}")


def render_text(figures: Figures) -> str:
    """Every table as aligned text, each under its title and basis."""
    blocks = [_text_table(table) for table in figures_tables(figures) if table.rows]
    return "\n\n".join(blocks)


def _text_table(table: StatsTable) -> str:
    title = f"【{table.title}】" + (f"（{table.basis}）" if table.basis else "")
    rows = [list(table.header), *([format_cell(c) for c in row] for row in table.rows)]
    widths = [max(_width(row[i]) for row in rows) for i in range(len(table.header))]
    lines = [title]
    for row in rows:
        cells = [cell + " " * (widths[i] - _width(cell)) for i, cell in enumerate(row)]
        lines.append("  " + "  ".join(cells).rstrip())
    return "\n".join(lines)


def _width(text: str) -> int:
    """Columns a terminal gives `text`: two for each Chinese character."""
    return sum(2 if ord(char) > 0x2E80 else 1 for char in text)
