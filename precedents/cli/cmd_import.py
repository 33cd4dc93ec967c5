"""``precedents import FILE``: import JSON Lines or an Excel ledger."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from precedents.cli.context import Context
from precedents.interchange.importer import import_file


def register(sub: Any) -> None:
    parser = sub.add_parser("import", help="导入 JSONL 或 Excel 台账（.xlsx）")
    parser.add_argument("file", type=Path, help="要导入的文件")
    parser.add_argument(
        "--skip-invalid", action="store_true", help="跳过有错误的记录，导入其余记录"
    )
    parser.add_argument("--rejects", type=Path, help="被跳过记录及原因的输出文件（JSONL）")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    library = ctx.library
    with library.sessions.begin() as session:
        report = import_file(
            session,
            args.file,
            library.vocabulary(),
            actor=library.actor,
            skip_invalid=args.skip_invalid,
            rejects_path=args.rejects,
        )
    print(f"{args.file.name}：{report.summary()}")
    for issue in report.warnings[:50]:
        print(f"  提醒：{issue}", file=sys.stderr)
    if report.rejected:
        print(f"被跳过的记录及原因已写入 {report.rejects_file}", file=sys.stderr)
        for rejected in report.rejected[:20]:
            for issue in rejected.issues:
                print(f"  {args.file.name} {issue}", file=sys.stderr)
    return 0
