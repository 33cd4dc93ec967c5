"""Editable settings of the similarity engine: attribute weights, the 低保 line, taxonomy credit.

Everything here takes effect at query time, so an administrator can change a
weight or the poverty line without rebuilding the index. The settings
serialise to and from a plain dict (for a settings file); `from_dict` rejects
unknown keys and impossible values with a Chinese message that names the key.

The default weights were chosen on half of the development queries and checked
on the other half (see ``docs/similarity.md``). Text similarity carries about
half of the score because the narrative is what tells one kind of hardship from
another; the controlled fields then separate near neighbours.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

from precedents.errors import PrecedentError

#: Default 低保 line in yuan per person per month (Xiamen, urban and rural alike).
DEFAULT_POVERTY_LINE = 1200.0

#: Chinese names of the attributes, as the explanation shows them.
ATTRIBUTE_LABELS: dict[str, str] = {
    "text": "叙述关键词",
    "hardships": "困难情形",
    "barriers": "政策障碍",
    "household": "家庭人口",
    "income": "人均收入/低保线",
    "age": "主要当事人年龄段",
    "discovery": "发现渠道",
    "district": "所在区",
}


class SettingsInvalid(PrecedentError):
    """A similarity settings file or dict holds an unknown key or an impossible value."""


@dataclass(slots=True)
class AttributeWeights:
    """Relative weight of text similarity and of each structured attribute.

    The combined score divides by the sum of the weights of the attributes that
    both sides carry, so only the ratios matter and a missing field neither
    helps nor hurts.
    """

    text: float = 0.60
    hardships: float = 0.20
    barriers: float = 0.05
    household: float = 0.03
    income: float = 0.05
    age: float = 0.05
    discovery: float = 0.01
    district: float = 0.01

    def items(self) -> list[tuple[str, float]]:
        return [(f.name, float(getattr(self, f.name))) for f in fields(self)]


@dataclass(slots=True)
class TaxonomyCredit:
    """Partial credit for two different vocabulary terms, by how they are related."""

    #: One term is the parent of the other (罕见病 within 重病).
    parent: float = 0.7
    #: Both terms share a parent (精神障碍 and 重度残疾 within 残疾).
    sibling: float = 0.5
    #: The vocabulary declares them related (失能 near 高龄).
    related: float = 0.4


@dataclass(slots=True)
class SimilaritySettings:
    """All editable settings of the similarity engine."""

    weights: AttributeWeights = field(default_factory=AttributeWeights)
    credit: TaxonomyCredit = field(default_factory=TaxonomyCredit)
    #: 低保 line, yuan per person per month, used when a year has no entry below.
    poverty_line: float = DEFAULT_POVERTY_LINE
    #: Optional line per filing year, for libraries that span several standards.
    poverty_line_by_year: dict[int, float] = field(default_factory=dict)

    def poverty_line_for(self, year: int | None) -> float:
        if year is not None and year in self.poverty_line_by_year:
            return self.poverty_line_by_year[year]
        return self.poverty_line

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["poverty_line_by_year"] = {str(k): v for k, v in self.poverty_line_by_year.items()}
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SimilaritySettings:
        """Settings from a dict as written by `to_dict`; missing keys keep their default."""
        _check_keys(data, {f.name for f in fields(cls)}, "")
        weights = _sub(AttributeWeights, data.get("weights", {}), "weights")
        credit = _sub(TaxonomyCredit, data.get("credit", {}), "credit")
        if any(not 0.0 <= value <= 1.0 for _, value in asdict(credit).items()):
            raise SettingsInvalid(
                "similar.settings_invalid", key="credit", reason="取值须在 0 到 1 之间"
            )
        line = _number(
            data.get("poverty_line", DEFAULT_POVERTY_LINE), "poverty_line", positive=True
        )
        by_year: dict[int, float] = {}
        raw_years = data.get("poverty_line_by_year", {})
        if not isinstance(raw_years, dict):
            raise SettingsInvalid(
                "similar.settings_invalid", key="poverty_line_by_year", reason="应为“年份: 金额”表"
            )
        for year, value in raw_years.items():
            key = f"poverty_line_by_year.{year}"
            if not str(year).isdigit():
                raise SettingsInvalid(
                    "similar.settings_invalid", key=key, reason="年份应为四位数字"
                )
            by_year[int(year)] = _number(value, key, positive=True)
        return cls(weights=weights, credit=credit, poverty_line=line, poverty_line_by_year=by_year)


def _sub(kind: type[Any], data: Any, prefix: str) -> Any:
    if not isinstance(data, dict):
        raise SettingsInvalid("similar.settings_invalid", key=prefix, reason="应为键值表")
    _check_keys(data, {f.name for f in fields(kind)}, prefix + ".")
    values = {name: _number(value, f"{prefix}.{name}") for name, value in data.items()}
    result = kind(**values)
    if (
        kind is AttributeWeights
        and sum(values.get(f.name, getattr(result, f.name)) for f in fields(kind)) <= 0
    ):
        raise SettingsInvalid("similar.settings_invalid", key=prefix, reason="权重之和必须大于 0")
    return result


def _check_keys(data: dict[str, Any], known: set[str], prefix: str) -> None:
    for key in data:
        if key not in known:
            raise SettingsInvalid(
                "similar.settings_invalid", key=prefix + str(key), reason="未知的设置项"
            )


def _number(value: Any, key: str, *, positive: bool = False) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise SettingsInvalid(
            "similar.settings_invalid", key=key, reason=f"应为数字，实际为 {value!r}"
        )
    number = float(value)
    if number < 0 or (positive and number == 0):
        reason = "必须大于 0" if positive else "不能为负数"
        raise SettingsInvalid("similar.settings_invalid", key=key, reason=reason)
    return number
