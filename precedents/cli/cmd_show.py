"""``precedents show CODE``: one precedent in full (personal data masked unless asked)."""

from __future__ import annotations

import argparse
from typing import Any

from precedents.anonymize import mask_record
from precedents.cli.context import Context
from precedents.interchange.jsonl import number, record_to_dict
from precedents.record import PrecedentRecord
from precedents.store.audit import record_unmasked_view
from precedents.store.precedents import get_record


def register(sub: Any) -> None:
    parser = sub.add_parser("show", help="显示一条先例")
    parser.add_argument("code", help="案例编号")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出（交换格式）")
    parser.add_argument(
        "--unmasked", action="store_true", help="显示未脱敏的个人信息（记入审计日志）"
    )
    parser.add_argument("--reason", default="", help="查看未脱敏信息的理由（记入审计日志）")
    parser.set_defaults(run=run)


def render(record: PrecedentRecord) -> str:
    measures = "；".join(
        f"{m.type}{f' {number(m.amount)}元' if m.amount is not None else ''}"
        f"{f'（{m.note}）' if m.note else ''}"
        for m in record.measures
    )
    persons = "；".join(
        "，".join(x for x in (p.name, p.relation, p.id_number, p.phone) if x)
        for p in record.persons
    )
    lines = [
        f"{record.code}  {record.title}",
        f"状态：{record.status.value}    版本：{record.meta.version}",
        f"地区：{record.district}{record.street or ''}    研判层级：{record.level}"
        f"    发现渠道：{record.discovery or '—'}",
        f"提出日期：{record.filed_on}    决定日期：{record.decided_on or '—'}",
        f"困难情形：{'、'.join(record.hardships) or '—'}",
        f"政策障碍：{'、'.join(record.barriers) or '—'}",
        f"家庭人口：{record.household_size or '—'}    家庭月收入："
        f"{f'{number(record.monthly_income)}元' if record.monthly_income is not None else '—'}",
        f"救助措施：{measures or '—'}",
        f"当事人：{persons or '—'}",
        f"标签：{'、'.join(record.tags) or '—'}",
        "",
        "【基本情况】",
        record.situation,
    ]
    if record.deliberation:
        lines += ["", "【研判过程与意见】", record.deliberation]
    if record.decision:
        lines += ["", "【处理结果】", record.decision]
    return "\n".join(lines)


def run(args: argparse.Namespace, ctx: Context) -> int:
    library = ctx.library
    with library.sessions.begin() as session:
        record = get_record(session, args.code)
        if args.unmasked:
            record_unmasked_view(session, library.actor, record.code, via="cli", reason=args.reason)
    shown = record if args.unmasked else mask_record(record)
    if args.json:
        data = record_to_dict(shown)
        data["_meta"] = {
            "status": record.status.value,
            "version": record.meta.version,
            "updated_at": record.meta.updated_at,
            "updated_by": record.meta.updated_by,
            "masked": not args.unmasked,
        }
        ctx.print_json(data)
    else:
        print(render(shown))
    return 0
