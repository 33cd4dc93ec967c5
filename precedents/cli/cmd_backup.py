"""``precedents backup FILE`` and ``precedents restore FILE``: the whole library in one archive."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from precedents.archive import create_archive, restore_archive
from precedents.cli.context import Context
from precedents.errors import PrecedentError
from precedents.settings import load_settings


def register(sub: Any) -> None:
    backup = sub.add_parser("backup", help="把数据库、附件和设置备份到一个文件（.zip）")
    backup.add_argument("file", type=Path, help="备份文件，如 先例库备份-20240501.zip")
    backup.add_argument("--force", action="store_true", help="覆盖已存在的文件")
    backup.set_defaults(run=run_backup)
    restore = sub.add_parser("restore", help="从备份文件恢复数据库、附件和设置（原有数据先另存）")
    restore.add_argument("file", type=Path, help="precedents backup 生成的备份文件")
    restore.set_defaults(run=run_restore)


def run_backup(args: argparse.Namespace, ctx: Context) -> int:
    if args.file.exists() and not args.force:
        raise PrecedentError("file.exists", path=str(args.file))
    library = ctx.library
    manifest = create_archive(library, args.file, actor=library.actor)
    counts = manifest.counts
    print(
        f"已备份到 {args.file}：先例 {counts.get('precedents', 0)} 条，"
        f"附件 {counts.get('attachments', 0)} 个，审计记录 {counts.get('audit_events', 0)} 条"
    )
    return 0


def run_restore(args: argparse.Namespace, ctx: Context) -> int:
    # The library is not opened first: its database is what gets replaced.
    actor = args.user or load_settings(ctx.paths.settings_file).actor()
    result = restore_archive(ctx.paths, args.file, actor=actor, db_url=ctx.db_url())
    manifest = result.manifest
    made_by = manifest.created_by or "未署名"
    print(
        f"已从 {args.file} 恢复（备份于 {manifest.created_at}，由 {made_by} 制作）："
        f"先例 {manifest.counts.get('precedents', 0)} 条"
    )
    print(f"恢复前的数据已保存在 {result.kept}")
    return 0
