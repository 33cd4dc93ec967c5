"""Recurring patterns among precedents, and the general policies drafted from them.

Mining (`mine_patterns`) is pure: records in, patterns out. Curation
(`refresh_patterns`, `confirm_pattern`, ...) keeps officers' edits in the
database and lays them over every new mining run. Drafting turns a pattern into
an editable policy draft; the registry follows a policy from draft to adoption
and tells when a new matter is already covered.
"""

from __future__ import annotations

from precedents.patterns.describe import AmountStats, HouseholdFacts, Pattern
from precedents.patterns.mining import MiningResult, mine, mine_patterns
from precedents.patterns.settings import MiningSettings, load_settings, save_settings

__all__ = [
    "AmountStats",
    "HouseholdFacts",
    "MiningResult",
    "MiningSettings",
    "Pattern",
    "load_settings",
    "mine",
    "mine_patterns",
    "save_settings",
]
