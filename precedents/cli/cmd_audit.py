"""``precedents audit``: list or export the audit trail (who did what, when, why)."""

from __future__ import annotations

import argparse
import datetime as dt
from dataclasses import asdict
from pathlib import Path
from typing import Any

from precedents.cli.context import Context
from precedents.errors import PrecedentError
from precedents.interchange.audit_file import PersonsIndex, export_audit, masked_event
from precedents.store.audit import ACTION_LABELS, AuditEvent, AuditFilter, list_events
from precedents.store.merge import FIELD_LABELS


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"日期应为 YYYY-MM-DD：{text}") from exc


def register(sub: Any) -> None:
    parser = sub.add_parser("audit", help="查看或导出审计日志")
    parser.add_argument("--action", help="只看此操作，如 update、delete、export（含其子操作）")
    parser.add_argument("--code", help="只看此案例编号")
    parser.add_argument("--actor", help="只看此操作人")
    parser.add_argument("--since", type=_date, help="起始日期 YYYY-MM-DD（本机时区）")
    parser.add_argument("--until", type=_date, help="截止日期 YYYY-MM-DD（含当天）")
    parser.add_argument("--limit", type=int, default=200, help="最多列出多少条（最新的在前）")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出（个人信息已脱敏）")
    parser.add_argument("--export", type=Path, metavar="FILE", help="导出到 .csv 或 .xlsx 文件")
    parser.add_argument(
        "--unmasked", action="store_true", help="导出时不脱敏个人信息（须填写 --reason）"
    )
    parser.add_argument("--reason", default="", help="不脱敏导出的理由（记入审计日志）")
    parser.add_argument("--force", action="store_true", help="覆盖已存在的文件")
    parser.set_defaults(run=run)


def _utc(day: dt.date | None) -> dt.datetime | None:
    """Local midnight at the start of `day`, as the naive UTC the database stores."""
    if day is None:
        return None
    local = dt.datetime.combine(day, dt.time()).astimezone()
    return local.astimezone(dt.UTC).replace(tzinfo=None)


def _filter(args: argparse.Namespace) -> AuditFilter:
    until = args.until + dt.timedelta(days=1) if args.until else None
    return AuditFilter(
        action=args.action,
        code=args.code,
        actor=args.actor,
        since=_utc(args.since),
        until=_utc(until),
    )


def summary(event: AuditEvent) -> str:
    """One line saying what happened, naming fields but never their values."""
    details = event.details
    if isinstance(details.get("changes"), list):
        names = [
            FIELD_LABELS.get(str(c.get("field")), str(c.get("field")))
            + ("（个人信息）" if c.get("personal") else "")
            for c in details["changes"]
            if isinstance(c, dict)
        ]
        return "修改了 " + "、".join(names)
    if event.action == "status":
        return f"{details.get('from')} → {details.get('to')}"
    parts = [f"{k}={v}" for k, v in details.items() if k not in ("record", "filter")]
    return "，".join(parts)


def run(args: argparse.Namespace, ctx: Context) -> int:
    library = ctx.library
    where = _filter(args)
    if args.export is not None:
        if args.export.exists() and not args.force:
            raise PrecedentError("file.exists", path=str(args.export))
        with library.sessions.begin() as session:
            result = export_audit(
                session,
                args.export,
                actor=library.actor,
                where=where,
                masked=not args.unmasked,
                reason=args.reason,
            )
        state = "个人信息已脱敏" if result.masked else "未脱敏，已记入审计日志"
        print(f"已导出审计日志 {result.count} 条到 {result.path}（{state}）")
        return 0
    with library.session() as session:
        persons = PersonsIndex(session)
        events = [
            masked_event(e, persons)
            for e in list_events(session, **asdict(where), limit=args.limit)
        ]
    if args.json:
        ctx.print_json([asdict(e) for e in events])
        return 0
    for e in events:
        at = e.at.replace(tzinfo=dt.UTC).astimezone().strftime("%Y-%m-%d %H:%M:%S")
        label = ACTION_LABELS.get(e.action, e.action)
        reason = f"（理由：{e.reason}）" if e.reason else ""
        print(f"{e.id:>6} {at} {e.actor} {label} {e.entity_code} {summary(e)}{reason}")
    print(f"共 {len(events)} 条（最新的在前）")
    return 0
