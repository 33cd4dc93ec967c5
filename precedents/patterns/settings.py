"""Settings of pattern mining, with their defaults and their checks.

The miner has a handful of knobs. Two are policy decisions that officers set
(how many precedents and how many districts make a pattern worth a general
policy); the rest shape the similarity and the clustering, and their defaults
were chosen on the middle of a plateau, not on its edge (``docs/patterns.md``
and ``bench/eval_patterns.py --sweep``). The settings are library-wide: they
live in the database beside the patterns they produced, not in one desktop's
preferences.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from sqlalchemy.orm import Session

from precedents.errors import PrecedentError
from precedents.models import MetaRow

#: Key of the settings in the ``library_meta`` table.
SETTINGS_KEY = "patterns.settings"


@dataclass(frozen=True, slots=True)
class MiningSettings:
    """Everything that decides which patterns are mined."""

    #: Fewest precedents that make a pattern (an officer's setting).
    min_support: int = 3
    #: Fewest districts the precedents must come from (an officer's setting).
    min_districts: int = 2
    #: Share of the structured similarity in the combined similarity; the rest is text.
    structured_weight: float = 0.4
    #: Average-linkage threshold on the combined similarity, which is measured in units
    #: of a precedent's typical similarity to its two nearest others (1.0 = as close).
    link_threshold: float = 0.55
    #: A merge of two groups that are each large enough is undone when the link between
    #: them is below this share of their own cohesion (they are two patterns, not one).
    split_ratio: float = 0.65
    #: A member whose mean similarity to the rest of its group (text or structured)
    #: falls below this share of the group's median is pruned as a stray.
    member_ratio: float = 0.58
    #: Least Jaccard overlap for a newly mined group to keep a stored pattern's id.
    match_overlap: float = 0.4

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_mapping(cls, data: dict[str, Any]) -> MiningSettings:
        """Settings from stored data; unknown keys are ignored, missing ones defaulted."""
        defaults = cls()
        values: dict[str, Any] = {}
        for name in (f.name for f in fields(cls)):
            if name not in data:
                continue
            kind = type(getattr(defaults, name))
            try:
                values[name] = kind(data[name])
            except (TypeError, ValueError):
                expected = "整数" if kind is int else "数值"
                raise PrecedentError(
                    "patterns.bad_setting", name=name, value=data[name], expected=expected
                ) from None
        settings = replace(cls(), **values)
        settings.check()
        return settings

    def check(self) -> None:
        """Raise a clear error for a setting outside its sensible range."""
        if self.min_support < 2:
            raise PrecedentError(
                "patterns.bad_setting",
                name="最少先例数",
                value=self.min_support,
                expected="不小于 2 的整数",
            )
        if self.min_districts < 1:
            raise PrecedentError(
                "patterns.bad_setting",
                name="最少涉及区数",
                value=self.min_districts,
                expected="不小于 1 的整数",
            )
        if not 0.0 < self.link_threshold < 3.0:
            raise PrecedentError(
                "patterns.bad_setting",
                name="聚类阈值",
                value=self.link_threshold,
                expected="0 与 3 之间的数值",
            )
        for label, value in (
            ("结构化相似度权重", self.structured_weight),
            ("拆分比例", self.split_ratio),
            ("成员离群比例", self.member_ratio),
            ("匹配重合度", self.match_overlap),
        ):
            if not 0.0 < value < 1.0:
                raise PrecedentError(
                    "patterns.bad_setting", name=label, value=value, expected="0 与 1 之间的小数"
                )


def load_settings(session: Session) -> MiningSettings:
    """The library's mining settings, or the defaults when none were saved."""
    row = session.get(MetaRow, SETTINGS_KEY)
    if row is None or not row.value:
        return MiningSettings()
    return MiningSettings.from_mapping(json.loads(row.value))


def save_settings(session: Session, settings: MiningSettings) -> None:
    """Store the settings (checked first); the caller commits."""
    settings.check()
    row = session.get(MetaRow, SETTINGS_KEY)
    if row is None:
        session.add(MetaRow(key=SETTINGS_KEY, value=settings.to_json()))
    else:
        row.value = settings.to_json()
