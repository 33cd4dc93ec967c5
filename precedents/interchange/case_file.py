"""Reading a new matter from a file: one record in the interchange format.

A case file describes a matter not yet decided (decision fields empty), for
similar-precedent searches and retrieval reports. It may hold any subset of the
fields, from a full record to a `situation` alone: missing required fields get
neutral values, and values that are present are validated as in an import.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from precedents.errors import ImportFailed
from precedents.record import PrecedentRecord
from precedents.validation import Issue, parse_record
from precedents.vocabulary import Vocabulary

#: Stand-ins for required fields a case file leaves out; removed again after parsing.
_PLACEHOLDER_DISTRICT = "未填写"


def read_case(path: Path, vocab: Vocabulary, *, today: dt.date | None = None) -> PrecedentRecord:
    """The matter in `path` (a JSON object, or the first line of a JSON Lines file)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ImportFailed("import.unreadable", file=path.name, reason=str(exc)) from exc
    try:
        text = raw.decode("utf-8-sig").strip()
        data = json.loads(
            text if text.startswith("{") and "\n{" not in text else text.splitlines()[0]
        )
    except (UnicodeDecodeError, json.JSONDecodeError, IndexError) as exc:
        raise ImportFailed(
            "import.unreadable", file=path.name, reason=f"不是有效的 JSON：{exc}"
        ) from exc
    if not isinstance(data, dict):
        raise ImportFailed("import.unreadable", file=path.name, reason="应为一个 JSON 对象")
    return case_from_dict(data, vocab, today=today, source=path.name)


def case_from_dict(
    data: dict[str, Any], vocab: Vocabulary, *, today: dt.date | None = None, source: str = ""
) -> PrecedentRecord:
    today = today or dt.date.today()
    filled = dict(data)
    situation = str(filled.get("situation") or "")
    filled.setdefault("code", "新事项")
    filled.setdefault("title", situation[:30] or "新事项")
    filled.setdefault("filed_on", today.isoformat())
    filled.setdefault("level", "村居")
    for name in ("hardships", "barriers", "measures"):
        filled.setdefault(name, [])
    filled.setdefault("situation", situation)
    missing_district = not filled.get("district")
    if missing_district:
        filled["district"] = _PLACEHOLDER_DISTRICT
    if not situation.strip() and not (filled["hardships"] or filled["barriers"]):
        problem = Issue("situation", "请至少填写基本情况，或困难情形、政策障碍之一")
        raise ImportFailed(
            "import.invalid", issues=[problem], file=source or "案情", count=1, first=str(problem)
        )
    if not situation.strip():
        filled["situation"] = "（未填写）"
    record, issues = parse_record(filled, vocab, today=today, lenient_vocab=True)
    if record is None:
        errors = [i.located(file=source) for i in issues if i.severity == "error"]
        raise ImportFailed(
            "import.invalid", issues=errors, file=source or "案情", count=1, first=str(errors[0])
        )
    if missing_district:
        record.district = ""
    if not situation.strip():
        record.situation = ""
    return record
