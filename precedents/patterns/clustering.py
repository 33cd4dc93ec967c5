"""Deterministic clustering of precedents into candidate patterns.

1. Average linkage on the combined similarity, cut at a threshold. The
   nearest-neighbour-chain algorithm builds the same hierarchy as the textbook
   greedy one in O(n²) time; ties go to the lower index, and indices follow
   case codes, so the input order never matters.
2. A cut group whose two halves are each large enough to be a pattern, and are
   much less similar to each other than each is inside, is split: two kinds of
   seriously ill households that share measures (白血病患儿 and 尿毒症透析) stay
   two patterns even at a low threshold.
3. Strays are pruned: a member whose mean similarity to the rest of its group,
   by text or by structured fields, is far below the group's median is taken
   out, and the rest is clustered again without it. Strays and leftovers may
   then join the group they resemble most, but only if they pass the same test.
4. Unanchored members are pruned, and groups without any anchor are dropped.
   When every other member of a group uses one of a few narrative terms that
   are rare outside it (透析, 尿毒症; 渔船), a member using none of them, and
   none of the group's telling hardships or barriers either, is a case of
   another kind decided alike (a lung-cancer household among dialysis
   patients); a group sharing nothing telling at all is no pattern
   (`precedents.patterns.terms`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from precedents.patterns.features import Corpus, Matrix
from precedents.patterns.terms import drop_unanchored, has_anchor

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class Node:
    """A cluster of the hierarchy: its members and, if merged, its two halves."""

    members: tuple[int, ...]
    left: Node | None = None
    right: Node | None = None
    link: float = 1.0


def average_linkage(sim: Matrix, threshold: float) -> list[Node]:
    """Clusters left when average linkage stops merging below `threshold`."""
    n = len(sim)
    links = sim.astype(np.float64, copy=True)
    np.fill_diagonal(links, -np.inf)
    alive = np.ones(n, dtype=bool)
    sizes = np.ones(n)
    nodes: dict[int, Node] = {i: Node((i,)) for i in range(n)}
    finished: list[Node] = []
    chain: list[int] = []
    while alive.any():
        if not chain:
            chain.append(int(np.flatnonzero(alive)[0]))
        a = chain[-1]
        row = np.where(alive, links[a], -np.inf)
        row[a] = -np.inf
        b = int(np.argmax(row))
        best = row[b]
        if len(chain) > 1 and row[chain[-2]] == best:
            b = chain[-2]  # keep a reciprocal pair on ties, or the chain never closes
        if not np.isfinite(best) or best < threshold:
            # Average links only shrink as others merge, so `a` is done for good.
            finished.append(nodes.pop(a))
            alive[a] = False
            chain.pop()
            continue
        if len(chain) > 1 and b == chain[-2]:
            chain.pop()
            chain.pop()
            _merge(links, sizes, alive, nodes, a, b, best)
        else:
            chain.append(b)
    return sorted(finished, key=lambda node: min(node.members))


def _merge(
    links: Matrix,
    sizes: Matrix,
    alive: np.ndarray,
    nodes: dict[int, Node],
    a: int,
    b: int,
    link: float,
) -> None:
    keep, gone = min(a, b), max(a, b)
    merged = (links[keep] * sizes[keep] + links[gone] * sizes[gone]) / (sizes[keep] + sizes[gone])
    links[keep, :] = merged
    links[:, keep] = merged
    links[keep, keep] = -np.inf
    links[gone, :] = -np.inf
    links[:, gone] = -np.inf
    sizes[keep] += sizes[gone]
    alive[gone] = False
    first, second = nodes.pop(keep), nodes.pop(gone)
    members = tuple(sorted(first.members + second.members))
    nodes[keep] = Node(members, first, second, float(link))


def cohesion(sim: Matrix, members: Sequence[int]) -> float:
    """Mean pairwise similarity inside a group (1.0 for a single member)."""
    if len(members) < 2:
        return 1.0
    sub = sim[np.ix_(members, members)]
    count = len(members)
    return float((sub.sum() - np.trace(sub)) / (count * (count - 1)))


def split_weak_merges(sim: Matrix, node: Node, ratio: float, min_size: int) -> list[list[int]]:
    """The node's members, split where two sizeable halves were only loosely joined.

    A few precedents that joined last (too few to be a pattern of their own) do
    not hide a weak merge inside: the larger half is examined, and if it splits,
    the latecomers are left over for `_reattach` to place by their own links.
    """
    left, right = node.left, node.right
    if left is None or right is None:
        return [list(node.members)]
    if len(left.members) >= min_size and len(right.members) >= min_size:
        weaker = min(cohesion(sim, left.members), cohesion(sim, right.members))
        if node.link < ratio * weaker:
            return split_weak_merges(sim, left, ratio, min_size) + split_weak_merges(
                sim, right, ratio, min_size
            )
        return [list(node.members)]
    small, large = sorted((left, right), key=lambda n: len(n.members))
    parts = split_weak_merges(sim, large, ratio, min_size)
    if len(parts) == 1:
        return [list(node.members)]
    return [*parts, list(small.members)]


def member_ratios(sim: Matrix, members: Sequence[int]) -> np.ndarray:
    """Each member's mean similarity to the others, over the group's median of it."""
    sub = sim[np.ix_(members, members)]
    count = len(members)
    means = (sub.sum(axis=1) - np.diag(sub)) / (count - 1)
    median = float(np.median(means))
    ratios: np.ndarray = means / median if median > 0 else np.ones(count)
    return ratios


def weakest_member(corpus: Corpus, members: Sequence[int]) -> tuple[int, float]:
    """Position and score of the member least attached by text or by structure."""
    scores = np.minimum(
        member_ratios(corpus.text, members), member_ratios(corpus.structured, members)
    )
    worst = int(np.argmin(scores))
    return worst, float(scores[worst])


def prune(corpus: Corpus, members: list[int], ratio: float) -> tuple[list[int], list[int]]:
    """(kept, strays): strays are taken out one by one, the weakest first."""
    kept = list(members)
    strays: list[int] = []
    while len(kept) >= 3:
        worst, score = weakest_member(corpus, kept)
        if score >= ratio:
            break
        strays.append(kept.pop(worst))
    return kept, strays


@dataclass(frozen=True, slots=True)
class ClusterParams:
    threshold: float
    split_ratio: float
    member_ratio: float
    min_size: int


def cluster(
    corpus: Corpus, params: ClusterParams, progress: Progress | None = None
) -> list[list[int]]:
    """Groups of at least `min_size` precedents (indices into the corpus), in index order."""
    pool = list(range(len(corpus)))
    strays: list[int] = []
    rounds = 0
    while True:
        rounds += 1
        if progress is not None:
            progress(rounds, rounds + 1)
        groups = _cut(corpus, pool, params)
        kept_groups: list[list[int]] = []
        removed: list[int] = []
        for group in groups:
            kept, out = prune(corpus, group, params.member_ratio)
            kept_groups.append(kept)
            removed.extend(out)
        if not removed:
            break
        strays.extend(removed)
        gone = set(removed)
        pool = [i for i in pool if i not in gone]
    big = [g for g in kept_groups if len(g) >= params.min_size]
    leftovers = sorted(strays + [i for g in kept_groups if len(g) < params.min_size for i in g])
    _reattach(corpus, big, leftovers, params)
    anchored = [drop_unanchored(corpus, g) for g in big]
    final = [g for g in anchored if len(g) >= params.min_size and has_anchor(corpus, g)]
    return sorted((sorted(g) for g in final), key=lambda g: g[0])


def _cut(corpus: Corpus, pool: list[int], params: ClusterParams) -> list[list[int]]:
    sim = corpus.combined[np.ix_(pool, pool)]
    groups: list[list[int]] = []
    for node in average_linkage(sim, params.threshold):
        for part in split_weak_merges(sim, node, params.split_ratio, params.min_size):
            groups.append([pool[i] for i in part])
    return groups


def _reattach(
    corpus: Corpus, groups: list[list[int]], candidates: list[int], params: ClusterParams
) -> None:
    """Let each leftover join the group it resembles most, if it would not be a stray there."""
    for index in candidates:
        best: tuple[float, int] | None = None
        for position, group in enumerate(groups):
            link = float(corpus.combined[index, group].mean())
            if link >= params.threshold and (best is None or link > best[0]):
                best = (link, position)
        if best is None:
            continue
        trial = [*groups[best[1]], index]
        scores = np.minimum(
            member_ratios(corpus.text, trial), member_ratios(corpus.structured, trial)
        )
        if scores[-1] >= params.member_ratio:
            groups[best[1]] = trial
