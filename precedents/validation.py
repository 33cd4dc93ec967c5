"""Validation of precedents coming from outside: files, forms, pasted text.

`parse_record` turns one interchange object (a dict read from JSON Lines or an
Excel row) into a `PrecedentRecord` and a list of `Issue`s. Each issue names the
field and says in Chinese what is wrong; the importer adds the file and line.
Field checks (`check_id_number`, `check_phone`, `parse_date`, ...) are public so
that the desktop form can show the same messages next to its fields.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

from precedents.record import (
    INTERCHANGE_FIELDS,
    Measure,
    Person,
    PrecedentRecord,
    RecordMeta,
    default_status,
)

# MAX_TEXT and bad_characters are re-exported: the desktop's forms use them from here.
from precedents.storable import MAX_TEXT as MAX_TEXT
from precedents.storable import PERSON_FIELD_LIMITS, extra_problem, text_problem
from precedents.storable import bad_characters as bad_characters
from precedents.vocabulary import KIND_LABELS, Vocabulary

MAX_SHORT_TEXT = 500
MAX_AMOUNT = Decimal("100000000")
REQUIRED_FIELDS = (
    "code",
    "title",
    "district",
    "filed_on",
    "level",
    "hardships",
    "barriers",
    "measures",
    "situation",
)

Severity = Literal["error", "warning"]

_CODE_RE = re.compile(r"^[0-9A-Za-z\u4e00-\u9fff][0-9A-Za-z\u4e00-\u9fff_.\-/]{0,63}$")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_MOBILE_RE = re.compile(r"^(?:\+?86[- ]?)?1[3-9]\d{9}$")
_LANDLINE_RE = re.compile(r"^0\d{2,3}-?\d{7,8}(?:-\d{1,6})?$")
_MASKED_RE = re.compile(r"^[0-9Xx*]+$")


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem with one field of one record."""

    field: str
    message: str
    severity: Severity = "error"
    line: int | None = None
    file: str = ""
    #: A label for the field as the source shows it (an Excel column header).
    field_label: str = ""

    def located(
        self, *, line: int | None = None, file: str | None = None, field_label: str | None = None
    ) -> Issue:
        return Issue(
            field=self.field,
            message=self.message,
            severity=self.severity,
            line=self.line if line is None else line,
            file=self.file if file is None else file,
            field_label=self.field_label if field_label is None else field_label,
        )

    def __str__(self) -> str:
        where = f"第{self.line}行 " if self.line is not None else ""
        name = self.field_label or self.field
        prefix = f"{where}{name}：" if name else where
        suffix = "（提醒）" if self.severity == "warning" else ""
        return f"{prefix}{self.message}{suffix}"


# -- single-field checks (shared with the desktop form) ---------------------------


def parse_date(value: Any, *, today: dt.date | None = None) -> tuple[dt.date | None, str | None]:
    """A date from "YYYY-MM-DD" (or a date object); returns (date, error message)."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        parsed = value
    elif not isinstance(value, str) or not _DATE_RE.match(value.strip()):
        return None, "日期应为 YYYY-MM-DD"
    else:
        try:
            parsed = dt.date.fromisoformat(value.strip())
        except ValueError:
            return None, f"日期不存在：{value}"
    if parsed.year < 1949:
        return None, f"日期过早：{parsed.isoformat()}"
    if today is not None and parsed > today:
        return None, f"日期不能晚于今天：{parsed.isoformat()}"
    return parsed, None


def id_check_digit(first17: str) -> str:
    """The GB 11643 check character for the first 17 digits of an ID number."""
    total = sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def check_id_number(value: str) -> tuple[Severity, str] | None:
    """None if `value` is empty, masked or a valid ID number; else (severity, message)."""
    text = value.strip()
    if not text:
        return None
    if "*" in text:
        if _MASKED_RE.match(text) and len(text) in (15, 18):
            return None
        return "error", "脱敏身份证号码格式不正确"
    if len(text) == 15 and text.isdigit():
        return None
    if len(text) != 18 or not text[:17].isdigit() or text[17] not in "0123456789Xx":
        return "error", "身份证号码应为 18 位（最后一位可为 X）"
    try:
        dt.date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        return "error", "身份证号码中的出生日期不存在"
    if id_check_digit(text[:17]) != text[17].upper():
        return "warning", "身份证号码校验位不正确，请核对"
    return None


def check_phone(value: str) -> str | None:
    """None if `value` is empty, masked, a mobile or a landline number; else a message."""
    text = value.strip()
    if not text:
        return None
    if "*" in text:
        return None if re.fullmatch(r"[0-9*\- ]{7,16}", text) else "脱敏电话号码格式不正确"
    compact = text.replace(" ", "")
    if _MOBILE_RE.match(compact) or _LANDLINE_RE.match(compact):
        return None
    return "电话号码格式不正确（手机 11 位，座机如 0592-1234567）"


def parse_amount(value: Any) -> tuple[Decimal | None, str | None]:
    if value is None or value == "":
        return None, None
    if isinstance(value, bool):
        return None, "金额应为数字"
    try:
        amount = Decimal(str(value).replace(",", "").strip())
    except InvalidOperation:
        return None, f"金额应为数字，收到「{value}」"
    if not amount.is_finite():
        return None, "金额应为数字"
    if amount < 0:
        return None, "金额不能为负数"
    if amount > MAX_AMOUNT:
        return None, "金额过大（超过 1 亿元）"
    if amount != amount.quantize(Decimal("0.01")):
        return None, "金额最多保留两位小数"
    return amount, None


# -- whole records -----------------------------------------------------------------


@dataclass
class _Checker:
    vocab: Vocabulary
    today: dt.date | None
    lenient_vocab: bool
    issues: list[Issue] = field(default_factory=list)

    def error(self, name: str, message: str, severity: Severity = "error") -> None:
        self.issues.append(Issue(field=name, message=message, severity=severity))

    def text(
        self,
        data: dict[str, Any],
        name: str,
        *,
        required: bool,
        limit: int = MAX_TEXT,
        nullable: bool = False,
    ) -> str | None:
        value = data.get(name)
        if value is None:
            if required and name in data and not nullable:
                self.error(name, "不能为空")
            elif required and name not in data:
                self.error(name, "缺少必填字段")
            return None
        if not isinstance(value, str):
            self.error(name, "应为文本")
            return None
        if required and not value.strip():
            self.error(name, "不能为空")
            return None
        if len(value) > limit:
            self.error(name, f"过长（{len(value)} 字，上限 {limit} 字）")
            return None
        bad = bad_characters(value)
        if bad:
            self.error(name, bad)
            return None
        return value

    def term(self, kind: str, name: str, value: Any) -> str | None:
        if not isinstance(value, str):
            self.error(name, f"{KIND_LABELS[kind]}应为文本")
            return None
        if (kind, value) in self.vocab:
            return value
        resolved = self.vocab.resolve(kind, value)
        if resolved is not None and self.lenient_vocab:
            return resolved
        hint = f"，是否为「{resolved}」？" if resolved else ""
        self.error(name, f"未知的{KIND_LABELS[kind]}「{value}」{hint}")
        return None

    def terms(self, data: dict[str, Any], kind: str, name: str) -> list[str]:
        value = data.get(name)
        if name not in data:
            self.error(name, "缺少必填字段（可为空列表）")
            return []
        if value is None:
            return []
        if not isinstance(value, list):
            self.error(name, "应为列表")
            return []
        out: list[str] = []
        for item in value:
            term = self.term(kind, name, item)
            if term is not None and term in out:
                self.error(name, f"重复的{KIND_LABELS[kind]}「{term}」")
            elif term is not None:
                out.append(term)
        return out

    def date(self, data: dict[str, Any], name: str, *, required: bool) -> dt.date | None:
        value = data.get(name)
        if value is None:
            if required:
                self.error(name, "缺少必填字段" if name not in data else "不能为空")
            return None
        parsed, message = parse_date(value, today=self.today)
        if message:
            self.error(name, message)
        return parsed


def parse_record(
    data: Any,
    vocab: Vocabulary,
    *,
    today: dt.date | None = None,
    lenient_vocab: bool = False,
) -> tuple[PrecedentRecord | None, list[Issue]]:
    """Validate one interchange object; the record is None if any error was found.

    `lenient_vocab` accepts synonyms of vocabulary terms (for officers' Excel
    ledgers); JSON Lines files must use the labels exactly, and an error then
    suggests the label a synonym stands for.
    """
    c = _Checker(vocab=vocab, today=today, lenient_vocab=lenient_vocab)
    if not isinstance(data, dict):
        c.error("", "每行应为一个 JSON 对象")
        return None, c.issues
    code = c.text(data, "code", required=True, limit=64)
    if code is not None and not _CODE_RE.match(code):
        c.error("code", "案例编号只能包含字母、数字、汉字和 - _ . /，且不超过 64 个字符")
        code = None
    title = c.text(data, "title", required=True, limit=MAX_SHORT_TEXT)
    district = c.text(data, "district", required=True, limit=40)
    street = c.text(data, "street", required=False, limit=60)
    filed_on = c.date(data, "filed_on", required=True)
    decided_on = c.date(data, "decided_on", required=False)
    if filed_on and decided_on and decided_on < filed_on:
        c.error("decided_on", "决定日期早于提出日期")
    level = None
    if data.get("level") is None:
        c.error("level", "缺少必填字段" if "level" not in data else "不能为空")
    else:
        level = c.term("level", "level", data["level"])
    discovery = None
    if data.get("discovery") is not None:
        discovery = c.term("discovery", "discovery", data["discovery"])
    hardships = c.terms(data, "hardship", "hardships")
    barriers = c.terms(data, "barrier", "barriers")
    household_size = _household_size(c, data.get("household_size"))
    income, message = parse_amount(data.get("monthly_income"))
    if message:
        c.error("monthly_income", message.replace("金额", "家庭月收入"))
    measures = _measures(c, data)
    situation = c.text(data, "situation", required=True)
    deliberation = c.text(data, "deliberation", required=False) or ""
    decision = c.text(data, "decision", required=False) or ""
    persons = _persons(c, data.get("persons"))
    tags = _tags(c, data.get("tags"))
    extra = {k: v for k, v in data.items() if k not in INTERCHANGE_FIELDS}
    for key, value in extra.items():
        problem = extra_problem(key, value)
        if problem:
            c.error(key, problem)
    errors = [i for i in c.issues if i.severity == "error"]
    if errors:
        return None, c.issues
    assert code and title and district and filed_on and level and situation is not None
    record = PrecedentRecord(
        code=code,
        title=title,
        district=district,
        street=street,
        filed_on=filed_on,
        decided_on=decided_on,
        level=level,
        discovery=discovery,
        hardships=hardships,
        barriers=barriers,
        household_size=household_size,
        monthly_income=income,
        measures=measures,
        situation=situation,
        deliberation=deliberation,
        decision=decision,
        persons=persons,
        tags=tags,
        extra=extra,
    )
    record.meta = RecordMeta(status=default_status(record))
    return record, c.issues


def _household_size(c: _Checker, value: Any) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        c.error("household_size", "家庭人口应为整数")
        return None
    if not 1 <= value <= 50:
        c.error("household_size", "家庭人口应在 1 到 50 之间")
        return None
    return value


def _items(c: _Checker, value: Any, name: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        c.error(name, "应为列表")
        return []
    return value


def _measures(c: _Checker, data: dict[str, Any]) -> list[Measure]:
    if "measures" not in data:
        c.error("measures", "缺少必填字段（可为空列表）")
        return []
    out: list[Measure] = []
    for number, item in enumerate(_items(c, data["measures"], "measures"), start=1):
        name = f"measures[{number}]"
        if not isinstance(item, dict):
            c.error(name, '每项措施应为 {"type", "amount", "note"} 对象')
            continue
        kind = c.term("measure", f"{name}.type", item.get("type")) if item.get("type") else None
        if item.get("type") is None:
            c.error(f"{name}.type", "缺少措施类型")
        amount, message = parse_amount(item.get("amount"))
        if message:
            c.error(f"{name}.amount", message)
        note = item.get("note", "")
        if note is None:
            note = ""
        if not isinstance(note, str):
            c.error(f"{name}.note", "应为文本")
            continue
        problem = text_problem(note, MAX_TEXT)
        if problem:
            c.error(f"{name}.note", problem)
            continue
        if kind is not None and message is None:
            out.append(Measure(type=kind, amount=amount, note=note))
    return out


def _persons(c: _Checker, value: Any) -> list[Person]:
    out: list[Person] = []
    for number, item in enumerate(_items(c, value, "persons"), start=1):
        name = f"persons[{number}]"
        if not isinstance(item, dict):
            c.error(name, '每个人员应为 {"name", "id_number", "phone", "relation"} 对象')
            continue
        fields = {k: item.get(k) or "" for k in ("name", "id_number", "phone", "relation")}
        if any(not isinstance(v, str) for v in fields.values()):
            c.error(name, "姓名、身份证号、电话、关系都应为文本")
            continue
        problems = [
            (key, text_problem(fields[key], limit)) for key, limit in PERSON_FIELD_LIMITS.items()
        ]
        if any(problem for _key, problem in problems):
            for key, problem in problems:
                if problem:
                    c.error(f"{name}.{key}", problem)
            continue
        if not fields["name"].strip():
            c.error(f"{name}.name", "姓名不能为空")
        id_problem = check_id_number(fields["id_number"])
        if id_problem:
            c.error(f"{name}.id_number", id_problem[1], id_problem[0])
        phone_problem = check_phone(fields["phone"])
        if phone_problem:
            c.error(f"{name}.phone", phone_problem)
        out.append(Person(**fields))
    return out


def _tags(c: _Checker, value: Any) -> list[str]:
    out: list[str] = []
    for item in _items(c, value, "tags"):
        if not isinstance(item, str) or not item.strip() or len(item) > 60:
            c.error("tags", "标签应为 1 到 60 个字的文本")
            continue
        bad = bad_characters(item)
        if bad:
            c.error("tags", bad)
            continue
        out.append(item)
    return out
