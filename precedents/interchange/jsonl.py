"""The JSON Lines interchange format (docs/interchange.md), read and written exactly.

Writing is canonical: fields in the documented order, UTF-8 without escapes,
one record per line, so export → import → export is byte-identical. Fields the
format does not define are kept as read (`record.extra`) and written after the
documented ones, in their original order.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from precedents.record import INTERCHANGE_FIELDS, PrecedentRecord
from precedents.validation import Issue


def number(value: Decimal | None) -> int | float | None:
    """A JSON number for an amount: integral amounts stay integers (58000, not 58000.0)."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def record_to_dict(record: PrecedentRecord) -> dict[str, Any]:
    """The interchange object for a record, fields in the documented order."""
    out: dict[str, Any] = {
        "code": record.code,
        "title": record.title,
        "district": record.district,
        "street": record.street,
        "filed_on": record.filed_on.isoformat(),
        "decided_on": record.decided_on.isoformat() if record.decided_on else None,
        "level": record.level,
        "discovery": record.discovery,
        "hardships": list(record.hardships),
        "barriers": list(record.barriers),
        "household_size": record.household_size,
        "monthly_income": number(record.monthly_income),
        "measures": [
            {"type": m.type, "amount": number(m.amount), "note": m.note} for m in record.measures
        ],
        "situation": record.situation,
        "deliberation": record.deliberation,
        "decision": record.decision,
        "persons": [
            {"name": p.name, "id_number": p.id_number, "phone": p.phone, "relation": p.relation}
            for p in record.persons
        ],
        "tags": list(record.tags),
    }
    assert tuple(out) == INTERCHANGE_FIELDS
    for key, value in record.extra.items():
        if key not in out:
            out[key] = value
    return out


def dumps(record: PrecedentRecord) -> str:
    """One line of the format (without the newline)."""
    return json.dumps(record_to_dict(record), ensure_ascii=False)


def write_jsonl(records: Iterator[PrecedentRecord] | list[PrecedentRecord], out: IO[str]) -> int:
    count = 0
    for record in records:
        out.write(dumps(record))
        out.write("\n")
        count += 1
    return count


def read_lines(path: Path) -> Iterator[tuple[int, Any | None, Issue | None]]:
    """(line number, parsed object or None, problem or None) for every non-blank line.

    Reads bytes and decodes line by line, so a file in another encoding (GBK
    from an old spreadsheet export) or a truncated last line is named precisely
    instead of failing the whole file with a traceback.
    """
    with path.open("rb") as handle:
        if handle.read(2) in (b"\xff\xfe", b"\xfe\xff"):
            yield 1, None, Issue("", "文件是 UTF-16 编码，请另存为 UTF-8 后再导入")
            return
        handle.seek(0)
        for number_, raw in enumerate(handle, start=1):
            if number_ == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            ended = raw.endswith(b"\n")
            stripped = raw.strip()
            if not stripped:
                continue
            try:
                text = stripped.decode("utf-8")
            except UnicodeDecodeError:
                yield number_, None, Issue("", _encoding_message(stripped))
                continue
            try:
                obj = json.loads(text)
            except json.JSONDecodeError as exc:
                truncated = not ended and exc.pos >= len(text) - 1
                message = (
                    "JSON 不完整：文件在此行中断，可能被截断"
                    if truncated
                    else f"不是有效的 JSON（第 {exc.colno} 个字符附近：{exc.msg}）"
                )
                yield number_, None, Issue("", message)
                continue
            except ValueError:  # an integer of thousands of digits
                yield number_, None, Issue("", "不是有效的 JSON（数字位数过多）")
                continue
            except RecursionError:
                yield number_, None, Issue("", "不是有效的 JSON（嵌套层数过多）")
                continue
            yield number_, obj, None


def _encoding_message(raw: bytes) -> str:
    try:
        raw.decode("gb18030")
    except UnicodeDecodeError:
        return "不是 UTF-8 编码的文本"
    return "不是 UTF-8 编码（看起来是 GBK/GB18030），请另存为 UTF-8 后再导入"
