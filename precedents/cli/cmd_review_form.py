"""``precedents review-form CODE --out FILE.docx``: the case review form (个案研判表)."""

from __future__ import annotations

import argparse
from typing import Any

from precedents.cli.context import Context
from precedents.cli.word import add_word_options, word_options
from precedents.word_exports import export_review_form


def register(sub: Any) -> None:
    parser = sub.add_parser("review-form", help="导出个案研判表（Word）")
    parser.add_argument("code", help="案例编号")
    add_word_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    library = ctx.library
    options = word_options(args, library.settings)
    with library.sessions.begin() as session:
        out = export_review_form(
            session,
            args.code,
            args.out,
            settings=library.settings,
            actor=library.actor,
            options=options,
        )
    print(f"已导出个案研判表：{out}（{'已脱敏' if options.masked else '未脱敏，已记入审计日志'}）")
    return 0
