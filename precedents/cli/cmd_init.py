"""``precedents init``: create the data folder and database (optionally with demo data)."""

from __future__ import annotations

import argparse
from typing import Any

from precedents.cli.context import Context
from precedents.demo.load import load_demo


def register(sub: Any) -> None:
    parser = sub.add_parser("init", help="创建数据文件夹和数据库")
    parser.add_argument("--demo", action="store_true", help="数据库为空时载入演示案例")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    library = ctx.library
    print(f"数据文件夹：{library.paths.root}")
    if library.is_sqlite:
        print(f"数据库：{library.paths.database}")
    else:
        print(f"数据库：{library.engine.url.render_as_string(hide_password=True)}")
    if library.upgrade_backup:
        print(f"数据库已升级，升级前的备份：{library.upgrade_backup}")
    if args.demo:
        loaded = load_demo(library)
        print(f"已载入演示案例 {loaded} 条" if loaded else "数据库不为空，未载入演示案例")
    return 0
