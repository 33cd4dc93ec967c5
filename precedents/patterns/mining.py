"""Mining recurring patterns from decided precedents: the pure, storage-free entry point.

`mine_patterns` reads a list of `PrecedentRecord`s and returns the patterns
found, each with a stable id (a hash of the codes of its earliest precedents):
the same data gives the same patterns and ids in any input order, and an
unrelated new precedent leaves existing ids alone. `precedents.patterns.curation`
runs the same miner and lays officers' curation on top.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from precedents.patterns.clustering import ClusterParams, cluster
from precedents.patterns.describe import Pattern, describe
from precedents.patterns.features import Corpus, build_corpus
from precedents.patterns.settings import MiningSettings
from precedents.record import PrecedentRecord
from precedents.vocabulary import Vocabulary

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class MiningResult:
    """The corpus mined, the groups found (corpus indices) and their patterns."""

    corpus: Corpus
    groups: list[list[int]]
    patterns: list[Pattern]


def _scaled(progress: Progress | None, start: int, width: int) -> Progress | None:
    """Map a stage's own (done, total) onto a share of a 0–100 bar."""
    if progress is None:
        return None

    def report(done: int, total: int) -> None:
        progress(start + (width * done) // max(total, 1), 100)

    return report


def qualifies(pattern: Pattern, settings: MiningSettings) -> bool:
    """Whether a group is recurring enough: enough precedents, from enough districts."""
    return (
        pattern.support >= settings.min_support and len(pattern.districts) >= settings.min_districts
    )


def order_patterns(patterns: Sequence[Pattern]) -> list[Pattern]:
    """Largest first, then the oldest, then by id: a stable order for lists and reports."""
    return sorted(patterns, key=lambda p: (-p.support, p.first_on, p.id))


def mine(
    records: Sequence[PrecedentRecord],
    settings: MiningSettings | None = None,
    vocabulary: Vocabulary | None = None,
    progress: Progress | None = None,
) -> MiningResult:
    """Mine and keep the corpus, for callers that go on to curate or draft."""
    settings = settings or MiningSettings()
    settings.check()
    vocab = vocabulary or Vocabulary.builtin()
    corpus = build_corpus(records, settings.structured_weight, vocab, _scaled(progress, 0, 60))
    params = ClusterParams(
        threshold=settings.link_threshold,
        split_ratio=settings.split_ratio,
        member_ratio=settings.member_ratio,
        min_size=settings.min_support,
    )
    groups = cluster(corpus, params, _scaled(progress, 60, 35)) if len(corpus) else []
    patterns = [describe(corpus, group, vocab) for group in groups]
    kept = [(g, p) for g, p in zip(groups, patterns, strict=True) if qualifies(p, settings)]
    if progress is not None:
        progress(100, 100)
    return MiningResult(corpus, [g for g, _ in kept], order_patterns([p for _, p in kept]))


def mine_patterns(
    records: Sequence[PrecedentRecord],
    settings: MiningSettings | None = None,
    vocabulary: Vocabulary | None = None,
    progress: Progress | None = None,
) -> list[Pattern]:
    """Recurring patterns among the decided precedents in `records`, largest first.

    Records that are not decided precedents (drafts, matters under review) are
    ignored. `progress(done, total)` is called along the way and may raise
    `precedents.errors.Cancelled` to stop.
    """
    return mine(records, settings, vocabulary, progress).patterns
