"""Which stored pattern each mined precedent belongs to: the rules of curation, without storage.

`assign_groups` takes one mining result and the stored curation (patterns,
pins, exclusions) and decides the members of every pattern. It is pure, so the
rules can be read and tested in one place; `precedents.patterns.curation`
loads the rows and stores the outcome.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from precedents.patterns.describe import core_codes, pattern_id
from precedents.patterns.mining import MiningResult
from precedents.patterns.models import CONFIRMED, MERGED


class StoredPattern(Protocol):
    """What assignment reads of a stored pattern (a `PatternRow` has all of it)."""

    @property
    def id(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def merged_into(self) -> str | None: ...
    @property
    def split_from(self) -> str | None: ...
    @property
    def codes(self) -> list[str]: ...


@dataclass(slots=True)
class Assignment:
    """Pattern id → corpus indices of its precedents."""

    members: dict[str, set[int]] = field(default_factory=dict)

    def taken(self) -> set[int]:
        return set().union(*self.members.values()) if self.members else set()

    def move(self, index: int, pid: str) -> None:
        for members in self.members.values():
            members.discard(index)
        self.members.setdefault(pid, set()).add(index)


def resolve(pid: str, stored: Mapping[str, StoredPattern]) -> str:
    """Follow merges to the pattern that now holds `pid`'s precedents."""
    seen = {pid}
    row = stored.get(pid)
    while (
        row is not None and row.status == MERGED and row.merged_into and row.merged_into not in seen
    ):
        pid = row.merged_into
        seen.add(pid)
        row = stored.get(pid)
    return pid


def _root(pid: str, stored: Mapping[str, StoredPattern]) -> str:
    seen = {pid}
    row = stored.get(pid)
    while row is not None and row.split_from and row.split_from not in seen:
        pid = row.split_from
        seen.add(pid)
        row = stored.get(pid)
    return pid


def family(pid: str, stored: Mapping[str, StoredPattern]) -> list[str]:
    """The pattern and every pattern split from it (or from the one it was split from)."""
    root = _root(pid, stored)
    members = [
        row.id for row in stored.values() if row.status != MERGED and _root(row.id, stored) == root
    ]
    return sorted(set(members) | {pid})


def jaccard(first: set[str], second: set[str]) -> float:
    union = first | second
    return len(first & second) / len(union) if union else 0.0


def match_groups(
    groups: Sequence[set[str]], stored: Mapping[str, StoredPattern], overlap: float
) -> dict[int, str]:
    """Group position → id of the stored pattern it overlaps most, one to one, best pairs first."""
    pairs = []
    for sid in sorted(stored):
        codes = set(stored[sid].codes)
        if not codes:
            continue
        for position, group in enumerate(groups):
            score = jaccard(group, codes)
            if score >= overlap:
                pairs.append((-score, sid, position))
    pairs.sort()
    matched: dict[int, str] = {}
    used: set[str] = set()
    for _, sid, position in pairs:
        if position not in matched and sid not in used:
            matched[position] = sid
            used.add(sid)
    return matched


def assign_groups(
    result: MiningResult,
    stored: Mapping[str, StoredPattern],
    pins: Iterable[tuple[str, str]],
    exclusions: Iterable[tuple[str, str]],
    overlap: float,
) -> Assignment:
    """Members of every pattern after laying the stored curation over `result`."""
    corpus = result.corpus
    index = corpus.index()
    codes = corpus.codes
    groups = [{codes[i] for i in group} for group in result.groups]
    matched = match_groups(groups, stored, overlap)
    out = Assignment()
    used = set(matched.values())
    for position, group in enumerate(result.groups):
        sid = matched.get(position) or _new_id(result, group, used)
        used.add(sid)
        final = resolve(sid, stored)
        relatives = family(final, stored)
        if len(relatives) > 1:
            _share_out(result, group, relatives, stored, index, out)
        else:
            out.members.setdefault(final, set()).update(group)
    _keep_confirmed(stored, index, out)
    for pid, code in sorted(pins):
        if code in index:
            out.move(index[code], resolve(pid, stored))
    for pid, code in exclusions:
        if code in index:
            out.members.get(resolve(pid, stored), set()).discard(index[code])
    return out


def _new_id(result: MiningResult, group: Sequence[int], used: set[str]) -> str:
    records = [result.corpus.records[i] for i in group]
    pid = pattern_id(core_codes(records))
    if pid in used:
        # Another group already claimed the stored pattern this core named.
        pid = pattern_id(r.code for r in records)
    return pid


def _share_out(
    result: MiningResult,
    group: Sequence[int],
    relatives: list[str],
    stored: Mapping[str, StoredPattern],
    index: Mapping[str, int],
    out: Assignment,
) -> None:
    """Split family: old members keep their side, new ones join the side they resemble most."""
    anchors = {
        pid: [index[c] for c in stored[pid].codes if c in index] if pid in stored else []
        for pid in relatives
    }
    owner = {i: pid for pid, members in anchors.items() for i in members}
    sim = result.corpus.combined
    for i in group:
        pid = owner.get(i)
        if pid is None:
            scored = [
                (-float(sim[i, members].mean()), candidate)
                for candidate, members in anchors.items()
                if members
            ]
            pid = min(scored)[1] if scored else relatives[0]
        out.members.setdefault(pid, set()).add(i)


def _keep_confirmed(
    stored: Mapping[str, StoredPattern], index: Mapping[str, int], out: Assignment
) -> None:
    """Confirmed patterns keep the precedents they had, unless another pattern holds them now.

    Officers confirmed that set of cases; a mining run that happens to leave one
    out (or to miss the pattern altogether) must not undo their judgement.
    """
    taken = out.taken()
    for pid in sorted(stored):
        row = stored[pid]
        if row.status != CONFIRMED:
            continue
        keep = {index[c] for c in row.codes if c in index} - taken
        if keep:
            out.members.setdefault(pid, set()).update(keep)
            taken |= keep
