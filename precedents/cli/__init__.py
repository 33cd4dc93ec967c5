"""The command line, ``precedents``: the second client of the domain API.

Start-up order of `main`: parse arguments (usage errors exit 2), configure
logging to the data folder, open the library lazily when a command needs it,
run the command, map errors to exit codes: 0 success, 1 a user error
(one clear line on stderr), 2 usage.

Each command is one module with ``register(subparsers)``; adding a command is a
new module and one line in `COMMAND_MODULES`.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from sqlalchemy.orm.exc import StaleDataError

from precedents import __version__
from precedents.cli.context import Context
from precedents.errors import ImportFailed, PrecedentError, ValidationFailed
from precedents.logs import configure_logging

log = logging.getLogger(__name__)

COMMAND_MODULES: tuple[str, ...] = (
    "precedents.cli.cmd_init",
    "precedents.cli.cmd_import",
    "precedents.cli.cmd_export",
    "precedents.cli.cmd_list",
    "precedents.cli.cmd_show",
    "precedents.cli.cmd_stats",
    "precedents.cli.cmd_minutes",
    "precedents.cli.cmd_review_form",
    "precedents.cli.cmd_patterns",
    "precedents.cli.cmd_draft_policy",
    "precedents.cli.cmd_audit",
    "precedents.cli.cmd_backup",
    "precedents.cli.cmd_check",
    "precedents.cli.cmd_search",
    "precedents.cli.cmd_reindex",
    "precedents.cli.cmd_similar",
    "precedents.cli.cmd_report",
)

MAX_ISSUES_SHOWN = 200


class _Parser(argparse.ArgumentParser):
    """argparse with Chinese usage errors on one line and exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"用法错误：{message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="precedents",
        description="一事一议先例库命令行：导入、导出、查询与统计先例。",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--data-dir", help="数据文件夹（默认：用户数据目录，或 PRECEDENTS_DATA_DIR）"
    )
    parser.add_argument("--db-url", help="数据库地址（SQLAlchemy URL，如 postgresql+psycopg://…）")
    parser.add_argument("--user", help="操作人姓名（记入审计日志；默认取设置中的经办人）")
    sub = parser.add_subparsers(dest="command", metavar="命令", parser_class=_Parser)
    sub.required = True
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def _print_issues(error: PrecedentError) -> None:
    issues = getattr(error, "issues", [])
    for issue in issues[:MAX_ISSUES_SHOWN]:
        prefix = f"{issue.file} " if getattr(issue, "file", "") else ""
        print(f"  {prefix}{issue}", file=sys.stderr)
    if len(issues) > MAX_ISSUES_SHOWN:
        print(f"  ……另有 {len(issues) - MAX_ISSUES_SHOWN} 处错误未列出", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    ctx = Context(args)
    configure_logging(ctx.paths.logs, console=False)
    try:
        code: int = args.run(args, ctx)
        return code
    except (ImportFailed, ValidationFailed) as exc:
        print(f"错误：{exc.message}", file=sys.stderr)
        _print_issues(exc)
        return 1
    except PrecedentError as exc:
        print(f"错误：{exc.message}", file=sys.stderr)
        return 1
    except StaleDataError:
        # A row guarded by a version column changed under this command.
        print("错误：要保存的记录已被他人修改，本次操作未保存，请重新打开后再试", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("已中断，未完成的操作没有保存", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0
    except Exception as exc:
        log.exception("unexpected error in command %s", args.command)
        print(
            f"内部错误：{type(exc).__name__}，详情已写入日志 {ctx.paths.logs}",
            file=sys.stderr,
        )
        return 1
    finally:
        ctx.close()


def run() -> None:
    sys.exit(main())
