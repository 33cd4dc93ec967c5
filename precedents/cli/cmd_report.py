"""``precedents report (--code CODE | --case FILE.json) --out FILE.docx``: 类案检索报告."""

from __future__ import annotations

import argparse
from typing import Any

from precedents.cli.cmd_similar import add_matter_options, load_matter
from precedents.cli.context import Context
from precedents.cli.progress import stderr_progress
from precedents.cli.word import add_word_options, word_options
from precedents.meetings.model import ReferenceMode


def register(sub: Any) -> None:
    parser = sub.add_parser("report", help="导出类案检索报告（Word）")
    add_matter_options(parser)
    add_word_options(parser)
    parser.add_argument("--follow", nargs="*", default=[], metavar="CODE", help="参照的先例")
    parser.add_argument("--consult", nargs="*", default=[], metavar="CODE", help="参考的先例")
    parser.add_argument("--conclusion", default="", help="检索结论（默认按结果自动写出）")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    from search_index.library import LibraryIndexes
    from search_index.report import Mark, write_report

    library = ctx.library
    options = word_options(args, library.settings)
    matter = load_matter(args, ctx)
    marks = {code: Mark(ReferenceMode.CONSULTED) for code in args.consult}
    marks.update({code: Mark(ReferenceMode.FOLLOWED) for code in args.follow})
    indexes = LibraryIndexes(library)
    try:
        indexes.open(stderr_progress("正在建立搜索索引"))
        indexes.ensure_similar(stderr_progress("正在建立相似度索引"))
        out = write_report(
            indexes,
            matter,
            args.out,
            options=options,
            limit=max(1, args.limit),
            marks=marks,
            conclusion=args.conclusion,
        )
    finally:
        indexes.close()
    state = "已脱敏" if options.masked else "未脱敏，已记入审计日志"
    print(f"已导出类案检索报告：{out}（{state}）")
    return 0
