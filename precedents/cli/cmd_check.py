"""``precedents check``: verify the database, the change feed, attachments and the index."""

from __future__ import annotations

import argparse
from typing import Any

from precedents.check import check_library, check_sqlite_file
from precedents.cli.context import Context
from precedents.db import sqlite_path


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "check", help="检查数据库、附件和搜索索引是否完好（有问题时退出码为 1）"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    path = sqlite_path(ctx.db_url())
    if path is not None:
        # A damaged file is reported before anything opens it to write.
        damage = check_sqlite_file(path)
        if damage:
            print(f"发现 {len(damage)} 个问题：")
            for problem in damage:
                print(f"  {problem}")
            return 1
    report = check_library(ctx.library, ctx.extra_checks())
    checked = "，".join(
        f"{k} {v} 个" if k == "附件" else f"{k}中 {v} 条" if k.endswith("索引") else f"{k} {v} 条"
        for k, v in report.checked.items()
    )
    print(f"已检查：{checked}")
    for note in report.notes:
        print(f"  提醒：{note}")
    if report.ok:
        print("未发现问题")
        return 0
    print(f"发现 {len(report.problems)} 个问题：")
    for problem in report.problems:
        print(f"  {problem}")
    return 1
