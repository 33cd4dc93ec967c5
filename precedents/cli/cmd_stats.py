"""``precedents stats``: figures over the precedents."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from precedents.cli.context import Context
from precedents.stats import compute_figures


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"日期应为 YYYY-MM-DD：{text}") from exc


def register(sub: Any) -> None:
    parser = sub.add_parser("stats", help="统计数字")
    parser.add_argument("--from", dest="start", type=_date, help="起始提出日期 YYYY-MM-DD")
    parser.add_argument("--to", dest="end", type=_date, help="截止提出日期 YYYY-MM-DD（含）")
    parser.add_argument("--district", help="只统计此区")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出")
    parser.set_defaults(run=run)


def _table(title: str, counts: dict[str, int]) -> list[str]:
    if not counts:
        return []
    return [title, *(f"  {k}：{v}" for k, v in counts.items())]


def run(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.library.session() as session:
        figures = compute_figures(session, start=args.start, end=args.end, district=args.district)
    if args.json:
        ctx.print_json(figures.as_dict())
        return 0
    lines = [f"先例总数：{figures.total}"]
    lines += _table("按状态：", figures.by_status)
    lines += _table("按区：", figures.by_district)
    lines += _table("按年份：", figures.by_year)
    lines += _table("按研判层级：", figures.by_level)
    lines += _table("困难情形：", figures.hardships)
    lines += _table("政策障碍：", figures.barriers)
    if figures.measures:
        lines.append("救助措施（次数 / 金额合计）：")
        lines += [
            f"  {k}：{int(v['count'])} 次 / {v['total_amount']:,.0f} 元"
            for k, v in figures.measures.items()
        ]
    if figures.days_to_decision:
        d = figures.days_to_decision
        lines.append(
            f"从提出到决定：平均 {d['mean']} 天，中位 {d['median']:.0f} 天，最长 {d['max']:.0f} 天"
        )
    print("\n".join(lines))
    return 0
