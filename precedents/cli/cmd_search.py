"""``precedents search``: full-text search in Chinese, as in the search box."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from precedents.cli.context import Context
from precedents.cli.progress import stderr_progress
from search_index.highlight import mark
from search_index.library import search_service
from search_index.results import SearchResult

FACET_LABELS = {
    "district": "区",
    "hardship": "困难",
    "barrier": "障碍",
    "measure": "措施",
    "level": "层级",
    "year": "年份",
    "status": "状态",
}


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "search",
        help="全文检索先例",
        description=(
            '全文检索先例。可输入词语（均须出现）、"引号短语"、-排除词、'
            "“戈谢病 或 法布雷病”（任一即可），"
            "以及筛选：区:集美 措施:临时救助 困难:重病 障碍:收入超标 年份:2023 "
            "年份:2022年以后 金额:1万以上 层级:市 状态:已决定 状态:待研判 标签:一事一议。"
        ),
    )
    parser.add_argument("query", nargs="+", help="检索词，如：尿毒症 透析 区:集美")
    parser.add_argument("--limit", type=int, default=10, help="最多显示几条（默认 10）")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    query = " ".join(args.query)
    service = search_service(ctx.library)
    try:
        service.open(stderr_progress("正在建立搜索索引"))
        result = service.search(query, limit=max(0, args.limit))
    finally:
        service.close()
    if args.json:
        ctx.print_json(result.to_json())
    else:
        _print(result)
    return 0


def _print(result: SearchResult) -> None:
    out = sys.stdout
    if result.expanded_terms:
        also = "；".join(f"{k} → {'、'.join(v)}" for k, v in result.expanded_terms.items())
        print(f"同时检索：{also}", file=out)
    if result.filters:
        print(f"筛选：{' '.join(result.filters)}", file=out)
    for note in result.notes:
        print(f"提示：{note}", file=out)
    for hit in result.hits:
        title = mark(hit.title, hit.title_highlights)
        print(f"{hit.code}  {title}  [{hit.district} {hit.year} {hit.status}]", file=out)
        if hit.snippet:
            print(f"    {mark(hit.snippet, hit.highlights)}", file=out)
    shown = len(result.hits)
    print(
        f"共 {result.total} 条" + (f"，显示前 {shown} 条" if shown < result.total else ""), file=out
    )
    for name, label in FACET_LABELS.items():
        values = result.facets.get(name) or []
        if values:
            print(f"  {label}：" + "  ".join(f"{v} {n}" for v, n in values[:8]), file=out)
