"""What every database the library runs on can store: checks on text and JSON values.

SQLite stores almost anything; PostgreSQL refuses NUL characters in text,
NaN and Infinity in JSON and text wider than a column, and no database can
encode half of a UTF-16 surrogate pair. Validation runs these checks on
everything that comes in, so that a value accepted on one database is
accepted on the other, and an officer reads which line and field is wrong
instead of a driver error.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

#: Longest narrative field accepted (characters); longer text is refused, not cut.
MAX_TEXT = 200_000
#: Longest values of the personal-data fields (the database columns' widths).
PERSON_FIELD_LIMITS = {"name": 60, "id_number": 32, "phone": 32, "relation": 30}
#: Deepest nesting accepted in fields outside the interchange format.
MAX_EXTRA_DEPTH = 32

# Control characters (Unicode category Cc) other than tab and line breaks,
# unpaired surrogates (Cs), private-use characters (Co) and U+FFFD, the mark
# of a failed decoding.
_BAD_CHARACTER = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff\ufffd"
    "\U000f0000-\U000ffffd\U00100000-\U0010fffd]"
)


def bad_characters(text: str) -> str | None:
    """A message naming the first control character in `text`, if any."""
    found = _BAD_CHARACTER.search(text)
    if found is None:
        return None
    return f"含有无法识别或不可见的字符（U+{ord(found.group()):04X}）"


def text_problem(text: str, limit: int) -> str | None:
    """Why `text` cannot be stored in a field of `limit` characters, if it cannot."""
    if len(text) > limit:
        return f"过长（{len(text)} 字，上限 {limit} 字）"
    return bad_characters(text)


def _json_problem(value: Any, depth: int) -> str | None:
    if depth > MAX_EXTRA_DEPTH:
        return f"嵌套超过 {MAX_EXTRA_DEPTH} 层"
    if isinstance(value, float) and not math.isfinite(value):
        return "含有无法保存的数值（NaN 或无穷大）"
    if isinstance(value, str):
        return bad_characters(value)
    if isinstance(value, list):
        return next((p for v in value if (p := _json_problem(v, depth + 1))), None)
    if isinstance(value, dict):
        for key, item in value.items():
            problem = bad_characters(str(key)) or _json_problem(item, depth + 1)
            if problem:
                return problem
    return None


def extra_problem(key: str, value: Any) -> str | None:
    """Why a field outside the format cannot be kept as read, if it cannot.

    Such fields are stored as JSON and written back on export; text must be
    storable on every database (no NUL or unpaired surrogates), numbers finite,
    nesting and size bounded.
    """
    problem = bad_characters(key) or _json_problem(value, 1)
    if problem:
        return problem
    size = len(json.dumps(value, ensure_ascii=False))
    if size > MAX_TEXT:
        return f"内容过长（{size} 字，上限 {MAX_TEXT} 字）"
    return None
