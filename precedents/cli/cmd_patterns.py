"""``precedents patterns``: recurring patterns among the decided precedents."""

from __future__ import annotations

import argparse
from typing import Any

from precedents.cli.context import Context
from precedents.patterns.usecases import current_patterns


def register(sub: Any) -> None:
    parser = sub.add_parser("patterns", help="列出反复出现的疑难情形（规律）")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    library = ctx.library
    with library.sessions.begin() as session:
        patterns, _records = current_patterns(session, library.vocabulary())
    if args.json:
        ctx.print_json(
            {
                "patterns": [
                    {
                        "id": p.id,
                        "label": p.title,
                        "support": p.support,
                        "codes": list(p.codes),
                        "districts": list(p.districts),
                        "first_on": p.first_on.isoformat(),
                        "last_on": p.last_on.isoformat(),
                        "confirmed": p.confirmed,
                    }
                    for p in patterns
                ]
            }
        )
        return 0
    for p in patterns:
        mark = "✔ " if p.confirmed else ""
        print(f"{p.id}  {mark}{p.title}")
        print(
            f"    {p.support} 件，{'、'.join(p.districts)}，"
            f"{p.first_on:%Y年%m月}—{p.last_on:%Y年%m月}：{'、'.join(p.codes)}"
        )
    print(f"共 {len(patterns)} 个规律")
    return 0
