"""Excel ledgers (台账): one row per precedent, Chinese column headers.

Lists are joined with "、"; measures are "类型:金额" items (an amount may be
written 5.8万); a measure's note goes on its own line of the 措施备注 cell, in
the same order as the measures; persons are one line each of
"姓名|关系|身份证号|电话". A second sheet explains the columns to the officer
filling the ledger in. Reading accepts vocabulary synonyms (officers type 最低生活
保障 as often as 低保) and English field names as headers.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from precedents.interchange.jsonl import number
from precedents.record import PrecedentRecord
from precedents.validation import Issue

SHEET_NAME = "先例台账"
HELP_SHEET = "填写说明"
LIST_SEP = "、"
PERSON_SEP = "|"

#: (field, header, width, help) in column order.
COLUMNS: tuple[tuple[str, str, int, str], ...] = (
    ("code", "案例编号", 18, "唯一编号，如 XM-JM-2024-007；已存在的编号导入时会更新该案例"),
    ("title", "标题", 36, "一句话概括事项"),
    ("district", "区", 8, "如 集美区"),
    ("street", "镇街", 10, "镇或街道，可空"),
    ("filed_on", "提出日期", 12, "YYYY-MM-DD"),
    ("decided_on", "决定日期", 12, "YYYY-MM-DD，未决定的留空"),
    ("level", "研判层级", 8, "村居 / 镇街 / 区 / 市"),
    (
        "discovery",
        "发现渠道",
        12,
        "动态监测预警 / 网格员走访 / 敲门行动 / 主动申请 / 部门转介 / 其他",
    ),
    ("hardships", "困难情形", 20, "多项用「、」分隔，如 重病、支出型贫困"),
    ("barriers", "政策障碍", 20, "多项用「、」分隔，如 收入超标、家庭成员合并计算"),
    ("household_size", "家庭人口", 8, "整数"),
    ("monthly_income", "家庭月收入（元）", 12, "数字，可空"),
    (
        "measures",
        "救助措施",
        28,
        "「类型:金额」多项用「、」分隔，如 临时救助:5000、医疗救助；金额可写 5.8万",
    ),
    ("measure_notes", "措施备注", 28, "每行一条「类型：备注」，如 临时救助：一次性发放"),
    ("situation", "基本情况", 50, "必填"),
    ("deliberation", "研判过程与意见", 50, ""),
    ("decision", "处理结果", 50, ""),
    ("persons", "当事人", 36, "每行一人：姓名|关系|身份证号|电话（个人信息，导出时可脱敏）"),
    ("tags", "标签", 16, "多项用「、」分隔"),
    ("extra", "其他字段（JSON）", 16, "其他系统附带的字段，原样保留"),
)
HEADER_TO_FIELD = {header: name for name, header, _w, _h in COLUMNS}
HEADER_TO_FIELD.update({name: name for name, _h, _w, _help in COLUMNS})
FIELD_TO_HEADER = {name: header for name, header, _w, _h in COLUMNS}

_MEASURE_RE = re.compile(r"^\s*(?P<type>[^:：]+?)\s*(?:[:：]\s*(?P<amount>[^:：]*?)\s*)?$")


# -- writing -----------------------------------------------------------------------


def _cell_values(record: PrecedentRecord) -> list[Any]:
    measures = LIST_SEP.join(
        f"{m.type}:{number(m.amount)}" if m.amount is not None else m.type for m in record.measures
    )
    notes = "\n".join(f"{m.type}：{m.note}" for m in record.measures if m.note)
    persons = "\n".join(
        PERSON_SEP.join((p.name, p.relation, p.id_number, p.phone)) for p in record.persons
    )
    return [
        record.code,
        record.title,
        record.district,
        record.street or "",
        record.filed_on.isoformat(),
        record.decided_on.isoformat() if record.decided_on else "",
        record.level,
        record.discovery or "",
        LIST_SEP.join(record.hardships),
        LIST_SEP.join(record.barriers),
        record.household_size if record.household_size is not None else "",
        number(record.monthly_income) if record.monthly_income is not None else "",
        measures,
        notes,
        record.situation,
        record.deliberation,
        record.decision,
        persons,
        LIST_SEP.join(record.tags),
        json.dumps(record.extra, ensure_ascii=False) if record.extra else "",
    ]


def write_workbook(records: Iterable[PrecedentRecord], path: Path) -> int:
    """Write a ledger; returns the number of rows written."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = SHEET_NAME
    sheet.append([header for _n, header, _w, _h in COLUMNS])
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    for index, (_name, _header, width, _help) in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font = bold
        cell.fill = fill
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "B2"
    wrap = Alignment(wrap_text=True, vertical="top")
    count = 0
    for record in records:
        sheet.append(_cell_values(record))
        count += 1
        for cell in sheet[count + 1]:
            cell.alignment = wrap
            cell.number_format = "@"
            if cell.data_type == "f":  # text starting with "=" stays text, never a formula
                cell.data_type = "s"
    helper = book.create_sheet(HELP_SHEET)
    helper.append(["列", "字段", "填写说明"])
    for name, header, _width, text in COLUMNS:
        helper.append([header, name, text])
    helper.column_dimensions["A"].width = 18
    helper.column_dimensions["C"].width = 80
    book.save(path)
    return count


# -- reading -----------------------------------------------------------------------


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _split(value: Any) -> list[str]:
    text = _text(value)
    return [part.strip() for part in re.split(r"[、,，;；\n]", text) if part.strip()]


def _amount(text: str) -> Any:
    cleaned = text.replace("元", "").replace(",", "").replace("，", "").strip()
    if not cleaned:
        return None
    if cleaned.endswith("万"):
        try:
            return str(Decimal(cleaned[:-1]) * 10000)
        except ArithmeticError:
            return cleaned
    return cleaned


def _measures(cell: Any, notes_cell: Any) -> list[dict[str, Any]] | str:
    items = [part for part in re.split(r"[、;；\n]", _text(cell)) if part.strip()]
    out: list[dict[str, Any]] = []
    for item in items:
        match = _MEASURE_RE.match(item)
        if match is None:
            return f"无法识别的措施「{item}」，应为「类型:金额」"
        out.append({"type": match["type"], "amount": _amount(match["amount"] or ""), "note": ""})
    _attach_notes(out, _text(notes_cell))
    return out


def _attach_notes(measures: list[dict[str, Any]], cell: str) -> None:
    """Give each "类型：备注" line to the first measure of that type still without a note.

    A line without a known type prefix goes to the first measure without a note,
    so a ledger typed by hand with bare notes, one per line, still works.
    """
    for line in (part.strip() for part in cell.split("\n")):
        if not line:
            continue
        head, sep, rest = line.replace(":", "：", 1).partition("：")
        target = None
        if sep:
            target = next(
                (m for m in measures if m["type"] == head.strip() and not m["note"]), None
            )
        if target is None:
            target, rest = next((m for m in measures if not m["note"]), None), line
        if target is not None:
            target["note"] = rest.strip()


def _persons(cell: Any) -> list[dict[str, str]] | str:
    out = []
    for line in _text(cell).split("\n"):
        if not line.strip():
            continue
        parts = [p.strip() for p in line.split(PERSON_SEP)]
        if len(parts) > 4:
            return f"当事人「{line}」应为 姓名|关系|身份证号|电话"
        parts += [""] * (4 - len(parts))
        out.append(
            {"name": parts[0], "relation": parts[1], "id_number": parts[2], "phone": parts[3]}
        )
    return out


def _row_to_object(values: dict[str, Any]) -> tuple[dict[str, Any], list[Issue]]:
    issues: list[Issue] = []
    obj: dict[str, Any] = {}
    for name in ("code", "title", "district", "situation", "deliberation", "decision", "level"):
        obj[name] = _text(values.get(name)) or (None if name in ("code", "title") else "")
    obj["street"] = _text(values.get("street")) or None
    obj["discovery"] = _text(values.get("discovery")) or None
    obj["filed_on"] = _text(values.get("filed_on")) or None
    obj["decided_on"] = _text(values.get("decided_on")) or None
    obj["hardships"] = _split(values.get("hardships"))
    obj["barriers"] = _split(values.get("barriers"))
    obj["tags"] = _split(values.get("tags"))
    size = _text(values.get("household_size"))
    obj["household_size"] = int(size) if size.isdigit() else (size or None)
    obj["monthly_income"] = _amount(_text(values.get("monthly_income")))
    measures = _measures(values.get("measures"), values.get("measure_notes"))
    if isinstance(measures, str):
        issues.append(Issue("measures", measures))
        measures = []
    obj["measures"] = measures
    persons = _persons(values.get("persons"))
    if isinstance(persons, str):
        issues.append(Issue("persons", persons))
        persons = []
    obj["persons"] = persons
    extra = _text(values.get("extra"))
    if extra:
        try:
            parsed = json.loads(extra)
            if not isinstance(parsed, dict):
                raise ValueError
            obj.update({k: v for k, v in parsed.items() if k not in obj})
        except ValueError:
            issues.append(Issue("extra", "其他字段应为 JSON 对象"))
    return obj, issues


def read_workbook(path: Path) -> Iterator[tuple[int, Any | None, list[Issue]]]:
    """(row number, interchange object, problems) for every non-empty data row."""
    book = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = book[SHEET_NAME] if SHEET_NAME in book.sheetnames else book.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header = next(rows, None)
        if header is None:
            return
        fields = [HEADER_TO_FIELD.get(_text(h)) for h in header]
        missing = [FIELD_TO_HEADER[n] for n in ("code", "title", "filed_on") if n not in fields]
        if missing:
            yield 1, None, [Issue("", "表头缺少必需的列：" + "、".join(missing))]
            return
        for number_, row in enumerate(rows, start=2):
            if row is None or all(v is None or _text(v) == "" for v in row):
                continue
            values = {f: v for f, v in zip(fields, row, strict=False) if f}
            obj, issues = _row_to_object(values)
            yield number_, obj, issues
    finally:
        book.close()
