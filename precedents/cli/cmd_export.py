"""``precedents export FILE``: export to JSON Lines or an Excel ledger."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from precedents.cli.context import Context
from precedents.errors import PrecedentError
from precedents.interchange.exporter import export_file


def register(sub: Any) -> None:
    parser = sub.add_parser("export", help="导出为 JSONL 或 Excel 台账（按扩展名）")
    parser.add_argument("file", type=Path, help="输出文件（.jsonl 或 .xlsx）")
    parser.add_argument(
        "--masked", action="store_true", help="脱敏导出（姓名、身份证号、电话、详细地址）"
    )
    parser.add_argument("--reason", default="", help="不脱敏导出时必须说明理由（记入审计日志）")
    parser.add_argument("--force", action="store_true", help="覆盖已存在的文件")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    if args.file.exists() and not args.force:
        raise PrecedentError("file.exists", path=str(args.file))
    library = ctx.library
    reason = args.reason or ("" if args.masked else "命令行完整导出（数据交换）")
    with library.sessions.begin() as session:
        result = export_file(
            session, args.file, actor=library.actor, masked=args.masked, reason=reason
        )
    state = "已脱敏" if result.masked else "未脱敏，已记入审计日志"
    print(f"已导出 {result.count} 条到 {result.path}（{state}）")
    return 0
