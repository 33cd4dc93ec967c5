"""Options shared by the commands that write Word documents."""

from __future__ import annotations

import argparse
from pathlib import Path

from precedents.errors import PrecedentError
from precedents.settings import Settings
from precedents.word_exports import WordOptions


def add_word_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, required=True, help="输出的 Word 文件（.docx）")
    parser.add_argument("--template", type=Path, help="单位的 Word 模板（红头），默认取设置")
    parser.add_argument("--unmasked", action="store_true", help="不脱敏（须用 --reason 说明理由）")
    parser.add_argument("--reason", default="", help="不脱敏导出的理由（记入审计日志）")
    parser.add_argument("--force", action="store_true", help="覆盖已存在的文件")


def word_options(args: argparse.Namespace, settings: Settings) -> WordOptions:
    out: Path = args.out
    if out.suffix.lower() != ".docx":
        raise PrecedentError("export.failed", reason=f"输出文件应以 .docx 结尾：{out}")
    if out.exists() and not args.force:
        raise PrecedentError("file.exists", path=str(out))
    options = WordOptions.from_settings(
        settings, masked=not args.unmasked, reason=args.reason, template=args.template
    )
    options.check()
    return options
