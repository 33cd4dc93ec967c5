"""``precedents draft-policy PATTERN_ID --out FILE.docx``: a draft general policy (征求意见稿)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from precedents.cli.context import Context
from precedents.errors import PrecedentError
from precedents.patterns.export import export_policy_draft
from precedents.patterns.usecases import current_patterns, draft_for_pattern, find_pattern
from precedents.word_exports import WordOptions


def register(sub: Any) -> None:
    parser = sub.add_parser("draft-policy", help="由规律起草普惠政策（征求意见稿，Word）")
    parser.add_argument("pattern_id", help="规律编号（见 precedents patterns）")
    parser.add_argument("--out", type=Path, required=True, help="输出的 Word 文件（.docx）")
    parser.add_argument("--template", type=Path, help="单位的 Word 模板（红头），默认取设置")
    parser.add_argument("--force", action="store_true", help="覆盖已存在的文件")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    out: Path = args.out
    if out.suffix.lower() != ".docx":
        raise PrecedentError("export.failed", reason=f"输出文件应以 .docx 结尾：{out}")
    if out.exists() and not args.force:
        raise PrecedentError("file.exists", path=str(out))
    library = ctx.library
    options = WordOptions.from_settings(library.settings, template=args.template)
    with library.sessions.begin() as session:
        patterns, records = current_patterns(session, library.vocabulary())
        pattern = find_pattern(patterns, args.pattern_id)
        policy = draft_for_pattern(
            session, pattern, records, actor=library.actor, vocabulary=library.vocabulary()
        )
        chosen = [r for r in records if r.code in set(pattern.codes)]
        export_policy_draft(
            session,
            policy,
            chosen,
            out,
            drafter=library.settings.organisation or library.settings.department,
            actor=library.actor,
            options=options,
        )
    print(f"已起草《{policy.title}》（征求意见稿）：{out}，依据先例 {pattern.support} 件")
    return 0
