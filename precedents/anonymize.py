"""Anonymisation: the one function every export that leaves the program goes through.

The rules follow how the Xiamen reports publish cases:

* names listed in `persons` become surname + 某 wherever they appear
  (王建国 → 王某, 王某某 → 王某, 欧阳明 → 欧阳某);
* 18-digit ID numbers (GB 11643, whether or not the check digit is right, also
  written in groups) and 15-digit old ones are masked wherever they appear,
  keeping the six-digit region code and the last four characters;
* mobile and landline numbers are masked wherever they appear (138****1234);
* addresses are cut to town level: the village, community, road and house
  number after a 镇/乡/街道 are dropped;
* ID numbers and phone numbers written in the narrative but not listed in
  `persons` are caught by their patterns.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from precedents.record import Person, PrecedentRecord

#: Two-character surnames, so that 欧阳明 becomes 欧阳某 and not 欧某.
COMPOUND_SURNAMES = frozenset(
    (
        "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 钟离 澹台 "
        "公冶 太史 申屠 闻人 赫连 端木 濮阳 西门 南宫 独孤 呼延 万俟 单于 百里 东郭 拓跋"
    ).split()
)

_ID18 = re.compile(r"(?<![0-9A-Za-z])(?:\d[ -]?){17}[0-9Xx](?![0-9A-Za-z])")
_ID15 = re.compile(r"(?<![0-9A-Za-z*])(\d{6})(\d{5})(\d{4})(?![0-9A-Za-z*])")
_MOBILE = re.compile(r"(?<![0-9])((?:\+?86[- ]?)?1[3-9]\d)[- ]?(\d{4})[- ]?(\d{4})(?![0-9])")
_LANDLINE = re.compile(r"(?<![0-9])(0\d{2,3})([- ])?(\d{3,4})(\d{4})(?![0-9])")
_LOCAL_PHONE = re.compile(
    r"((?:电话|手机|座机|联系方式|联系电话|Tel|TEL)[:：]?\s*)(\d{3,4})(\d{4})(?![0-9])"
)

# A town, then the finer part of an address: a village or community and/or a
# road, followed by house details. Only the town is kept.
# A character of a place name: any Han character except the verbs, prepositions and
# conjunctions that surround addresses in a narrative (住在, 与, 经, ...).
_NAME_CH = r"(?:(?![住在居于位家现的是到至从往向与和及经由并对])[\u4e00-\u9fff])"
_TOWN = rf"{_NAME_CH}{{1,6}}?(?:镇|乡|街道)"
_PLACE = rf"{_NAME_CH}{{2,5}}?(?:村(?!民)|社区|居委会|小区|花园|公寓|新村)"
_ROAD = rf"{_NAME_CH}{{1,8}}?(?:路|街|大道|巷|里)\d+[-之]?\d*号"
_UNIT = r"(?:[0-9一二三四五六七八九十百]+(?:组|号|栋|幢|座|单元|楼|层|室|弄|巷|号楼))+"
_ADDRESS_AFTER_TOWN = re.compile(
    rf"(?P<town>{_TOWN})(?P<rest>(?:{_PLACE})(?:{_ROAD})?(?:{_UNIT})?|{_ROAD}(?:{_UNIT})?)"
)
_ROAD_ADDRESS = re.compile(rf"{_ROAD}(?:{_UNIT})?")
_PLACE_WITH_UNIT = re.compile(rf"{_PLACE}{_UNIT}")


def surname_of(name: str) -> str:
    name = name.strip()
    if len(name) >= 3 and name[:2] in COMPOUND_SURNAMES:
        return name[:2]
    return name[:1]


def masked_name(name: str) -> str:
    """王建国 → 王某; names already in the masked form stay as they are."""
    name = name.strip()
    if not name:
        return name
    if name.startswith("小") and len(name) == 2:
        return name  # 小胡: already the published form
    return surname_of(name) + "某"


def mask_id_number(text: str) -> str:
    """Keep the region code and the last four characters; mask the rest."""
    compact = re.sub(r"[ -]", "", text)
    if len(compact) <= 10:
        return "*" * len(compact)
    return compact[:6] + "*" * (len(compact) - 10) + compact[-4:]


def mask_phone(text: str) -> str:
    digits = re.sub(r"\D", "", text)
    if len(digits) >= 11 and digits[-11] == "1":
        return digits[-11:-8] + "****" + digits[-4:]
    if len(digits) <= 4:
        return "*" * len(digits)
    return digits[: max(len(digits) - 8, 0)] + "****" + digits[-4:]


def _name_variants(persons: Iterable[Person]) -> list[tuple[str, str]]:
    """(text to find, replacement) for each person's name, longest first."""
    pairs: dict[str, str] = {}
    for person in persons:
        name = person.name.strip()
        if len(name) < 2:
            continue
        replacement = masked_name(name)
        if name != replacement:
            pairs[name] = replacement
        surname = surname_of(name)
        given = name[len(surname) :]
        # A given name written alone (建国说……) is masked too, when it is long
        # enough not to be an ordinary word by accident.
        if len(given) >= 2 and "某" not in given:
            pairs.setdefault(given, "某某")
    return sorted(pairs.items(), key=lambda item: -len(item[0]))


def mask_text(text: str, persons: Iterable[Person] = ()) -> str:
    """`text` with every name, ID number, phone number and fine address masked."""
    if not text:
        return text
    persons = list(persons)
    for person in persons:
        for secret in (person.id_number.strip(), person.phone.strip()):
            if len(secret) >= 5 and "*" not in secret:
                text = text.replace(
                    secret, mask_id_number(secret) if len(secret) >= 15 else mask_phone(secret)
                )
    for found, replacement in _name_variants(persons):
        text = text.replace(found, replacement)
    text = _ID18.sub(lambda m: mask_id_number(m.group(0)), text)
    text = _ID15.sub(lambda m: mask_id_number("".join(m.groups())), text)
    text = _MOBILE.sub(lambda m: mask_phone(m.group(0)), text)
    text = _LANDLINE.sub(lambda m: f"{m.group(1)}{m.group(2) or '-'}****{m.group(4)}", text)
    text = _LOCAL_PHONE.sub(lambda m: f"{m.group(1)}****{m.group(3)}", text)
    text = _ADDRESS_AFTER_TOWN.sub(lambda m: m.group("town"), text)
    text = _ROAD_ADDRESS.sub("（详细地址略）", text)
    text = _PLACE_WITH_UNIT.sub("（详细地址略）", text)
    return text


def mask_person(person: Person) -> Person:
    return Person(
        name=masked_name(person.name),
        id_number=mask_id_number(person.id_number)
        if person.id_number and "*" not in person.id_number
        else person.id_number,
        phone=mask_phone(person.phone)
        if person.phone and "*" not in person.phone
        else person.phone,
        relation=person.relation,
    )


def mask_record(record: PrecedentRecord) -> PrecedentRecord:
    """A copy of `record` fit to leave the program: persons and every text masked."""
    persons = record.persons

    def mask(value: str) -> str:
        return mask_text(value, persons)

    out = record.copy()
    out.title = mask(record.title)
    out.street = record.street
    out.situation = mask(record.situation)
    out.deliberation = mask(record.deliberation)
    out.decision = mask(record.decision)
    out.measures = [
        type(m)(
            type=m.type,
            amount=m.amount,
            note=mask(m.note),
            department=m.department,
            deadline=m.deadline,
        )
        for m in record.measures
    ]
    out.tags = [mask(tag) for tag in record.tags]
    out.persons = [mask_person(p) for p in record.persons]
    out.extra = {k: mask(v) if isinstance(v, str) else v for k, v in record.extra.items()}
    return out
