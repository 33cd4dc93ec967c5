"""``precedents similar (--code CODE | --case FILE.json)``: the most similar precedents."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from precedents.cli.context import Context
from precedents.cli.progress import stderr_progress
from precedents.interchange.case_file import read_case
from precedents.record import PrecedentRecord
from precedents.store.precedents import get_record


def add_matter_options(parser: argparse.ArgumentParser) -> None:
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--code", help="库中事项的案例编号")
    which.add_argument("--case", type=Path, help="新事项文件（交换格式的一条记录，JSON）")
    parser.add_argument("--limit", type=int, default=10, help="最多几条（默认 10）")


def load_matter(args: argparse.Namespace, ctx: Context) -> PrecedentRecord:
    library = ctx.library
    if args.code:
        with library.session() as session:
            return get_record(session, args.code)
    return read_case(args.case, library.vocabulary())


def register(sub: Any) -> None:
    parser = sub.add_parser("similar", help="查找最相似的先例并说明理由")
    add_matter_options(parser)
    parser.add_argument("--json", action="store_true", help="以 JSON 输出")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    from search_index.library import LibraryIndexes
    from search_index.report import find_similar
    from search_index.similar import CLOSE_THRESHOLD

    matter = load_matter(args, ctx)
    indexes = LibraryIndexes(ctx.library)
    try:
        indexes.open(stderr_progress("正在建立搜索索引"))
        indexes.ensure_similar(stderr_progress("正在建立相似度索引"))
        hits = find_similar(indexes, matter, max(1, args.limit))
    finally:
        indexes.close()
    if args.json:
        ctx.print_json({"threshold": CLOSE_THRESHOLD, "hits": [h.to_dict() for h in hits]})
        return 0
    if not any(h.close for h in hits):
        print(f"没有高度相似的先例（相似度均低于 {CLOSE_THRESHOLD:.2f}）。以下仅供参考：")
    for hit in hits:
        flags = "" if hit.decided else "（尚未决定）"
        if hit.policy or hit.covered_by_policy:
            flags += f"（已有普惠政策{('：' + hit.policy) if hit.policy else ''}）"
        print(f"{hit.score:.2f}  {hit.code}  {hit.title}{flags}")
        for reason in hit.reasons:
            print(f"      · {reason.text}")
    return 0
