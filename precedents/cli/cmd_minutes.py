"""``precedents minutes CODE --out FILE.docx``: the meeting minutes (会议纪要)."""

from __future__ import annotations

import argparse
from typing import Any

from precedents.cli.context import Context
from precedents.cli.word import add_word_options, word_options
from precedents.word_exports import export_minutes


def register(sub: Any) -> None:
    parser = sub.add_parser("minutes", help="导出会议纪要（Word）")
    parser.add_argument("code", help="案例编号")
    parser.add_argument("--review", type=int, help="第几次研判（默认最近一次）")
    add_word_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    library = ctx.library
    options = word_options(args, library.settings)
    with library.sessions.begin() as session:
        out = export_minutes(
            session,
            args.code,
            args.out,
            settings=library.settings,
            actor=library.actor,
            options=options,
            sequence=args.review,
        )
    print(f"已导出会议纪要：{out}（{'已脱敏' if options.masked else '未脱敏，已记入审计日志'}）")
    return 0
