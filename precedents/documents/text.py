"""Chinese wording of numbers, dates and amounts in official documents.

GB/T 9704-2012 §7.3.5.4 writes dates with Arabic digits, the full year and no
leading zeros (2025年1月5日); headings count in Chinese numerals (一、（一）).
Every document kind formats through these functions so they agree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal

from precedents.record import Measure

#: A masking function: takes text, returns it with personal data replaced.
Mask = Callable[[str], str]

_DIGITS = "零一二三四五六七八九"


def identity(text: str) -> str:
    """The mask used when the caller hands over text that is already masked."""
    return text


def chinese_numeral(number: int) -> str:
    """1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五 (headings never go further)."""
    if not 0 < number < 1000:
        raise ValueError(f"只能用中文数字表示 1 至 999，收到 {number}")
    hundreds, rest = divmod(number, 100)
    tens, units = divmod(rest, 10)
    parts = []
    if hundreds:
        parts.append(_DIGITS[hundreds] + "百")
        if rest and tens == 0:
            parts.append("零")
    if tens:
        # "十一" alone, but "一百一十一" after hundreds.
        parts.append(("" if tens == 1 and not hundreds else _DIGITS[tens]) + "十")
    if units:
        parts.append(_DIGITS[units])
    return "".join(parts)


def format_date(day: dt.date) -> str:
    """2025-01-05 → 2025年1月5日 (GB/T 9704 §7.3.5.4)."""
    return f"{day.year}年{day.month}月{day.day}日"


def format_datetime(moment: dt.datetime) -> str:
    """2025-01-05 14:30 → 2025年1月5日 14:30."""
    return f"{format_date(moment.date())} {moment.hour:02d}:{moment.minute:02d}"


def format_amount(amount: Decimal | int | float) -> str:
    """58000 → 58000元, 1234.5 → 1234.50元; no thousands separators, as in 公文."""
    value = Decimal(str(amount))
    if value == value.to_integral_value():
        return f"{int(value)}元"
    return f"{value.quantize(Decimal('0.01'))}元"


def format_measure(measure: Measure) -> str:
    """One measure in a sentence: 临时救助58000元（区民政局负责，2025年1月31日前完成；备注）."""
    text = measure.type
    if measure.amount is not None:
        text += format_amount(measure.amount)
    details = []
    if measure.department:
        details.append(f"{measure.department}负责")
    if measure.deadline is not None:
        details.append(f"{format_date(measure.deadline)}前完成")
    if measure.note:
        details.append(measure.note)
    if details:
        text += "（" + "，".join(details) + "）"
    return text


def join_list(items: Iterable[str], separator: str = "、") -> str:
    """Join non-empty items with the Chinese enumeration comma."""
    return separator.join(item for item in items if item)


def end_sentence(text: str) -> str:
    """Add a full stop unless the text already ends with closing punctuation."""
    stripped = text.rstrip()
    if not stripped or stripped[-1] in "。！？；：…”’":
        return stripped
    return stripped + "。"


def measure_sentence(measure: Measure) -> str:
    """The details after a measure's type: 金额58000元，由区民政局负责，2025年1月31日前完成。"""
    parts = []
    if measure.amount is not None:
        parts.append(f"金额{format_amount(measure.amount)}")
    if measure.department:
        parts.append(f"由{measure.department}负责")
    if measure.deadline is not None:
        parts.append(f"{format_date(measure.deadline)}前完成")
    sentence = end_sentence("，".join(parts)) if parts else ""
    return sentence + end_sentence(measure.note) if measure.note else sentence


#: Codes cited after one statement; more are summarised as "等 N 件".
CITE_LIMIT = 3


def cite(codes: Sequence[str]) -> str:
    """How a statement cites the precedents it rests on: （参见 A、B、C 等 7 件）."""
    unique = list(dict.fromkeys(codes))
    if not unique:
        return ""
    shown = "、".join(unique[:CITE_LIMIT])
    if len(unique) > CITE_LIMIT:
        shown += f" 等 {len(unique)} 件"
    return f"（参见 {shown}）"
