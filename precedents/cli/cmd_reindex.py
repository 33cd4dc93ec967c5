"""``precedents reindex``: rebuild the search index from the database."""

from __future__ import annotations

import argparse
import time
from typing import Any

from precedents.cli.context import Context
from precedents.cli.progress import stderr_progress
from search_index.library import search_service


def register(sub: Any) -> None:
    parser = sub.add_parser("reindex", help="重建搜索索引")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    service = search_service(ctx.library)
    started = time.perf_counter()
    try:
        service.rebuild(stderr_progress("正在重建搜索索引"))
        done, _total = service.progress
    finally:
        service.close()
    print(f"搜索索引已重建：{done} 条先例，用时 {time.perf_counter() - started:.1f} 秒")
    return 0
