"""``precedents list``: every precedent, one line each."""

from __future__ import annotations

import argparse
import unicodedata
from dataclasses import asdict
from typing import Any

from precedents.cli.context import Context
from precedents.store.precedents import list_summaries


def register(sub: Any) -> None:
    parser = sub.add_parser("list", help="列出全部先例")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出")
    parser.add_argument("--status", help="只列出此状态：草稿/研判中/已决定/已归档")
    parser.add_argument("--district", help="只列出此区，如 集美区")
    parser.set_defaults(run=run)


def _pad(text: str, width: int) -> str:
    shown = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return text + " " * max(width - shown, 0)


def run(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.library.session() as session:
        rows = list_summaries(session)
    if args.status:
        rows = [r for r in rows if r.status == args.status]
    if args.district:
        rows = [r for r in rows if args.district in r.district]
    if args.json:
        ctx.print_json([asdict(r) for r in rows])
        return 0
    for r in rows:
        print(
            f"{_pad(r.code, 18)} {_pad(r.status, 6)} {r.filed_on} {_pad(r.district, 6)} {r.title}"
        )
    print(f"共 {len(rows)} 条")
    return 0
