"""Held-out check of pattern mining on the built-in demo precedents: kinds found, labels, key terms.

Usage::

    PYTHONPATH=. python bench/heldout/eval_patterns_heldout.py [--verbose]

``patterns_expected.json`` beside this script lists the recurring kinds of case
among the 32 demo precedents (``precedents/demo``), judged by reading them: the
precedents that clearly belong to each kind and the vocabulary names a sensible
label of that kind must contain. None of it was used to develop the miner,
which was developed on ``../shared/eval/dev``.

Mines the demo precedents with the default settings and prints, per expected
kind, the mined pattern that holds it (at least 3 of its precedents, making at
least half of the pattern) and whether that pattern's label names what the
kind is about; then, over every mined pattern, the key terms that are not
content words: stop words of case writing, meeting prose, person names
(listed or introduced before an age) and anything with a digit. A generic word
shown as what a pattern is about misleads the officer reading it.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from precedents.demo import demo_path
from precedents.interchange.importer import parse_file
from precedents.patterns.describe import Pattern
from precedents.patterns.mining import mine_patterns
from precedents.patterns.terms import PROSE_WORDS
from precedents.record import PrecedentRecord
from precedents.vocabulary import Vocabulary
from search_index.analysis import normalize
from search_index.content_words import STOP_WORDS
from search_index.names import listed_names, written_names

EXPECTED = Path(__file__).resolve().parent / "patterns_expected.json"
#: An expected kind is found when one pattern holds this many of its precedents ...
MIN_HELD = 3
#: ... and they make at least this share of that pattern.
MIN_SHARE = 0.5


@dataclass(frozen=True)
class KindOutcome:
    """One expected kind of case and the mined pattern that holds it, if any."""

    kind_id: str
    expected_label: str
    pattern: Pattern | None
    held: int
    label_ok: bool


def read_expected(path: Path = EXPECTED) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads(path.read_text("utf-8"))["patterns"]
    return data


def demo_records() -> list[PrecedentRecord]:
    return [record for _, record in parse_file(demo_path(), Vocabulary.builtin()).records]


def match(kind: dict[str, Any], patterns: Sequence[Pattern]) -> KindOutcome:
    """The mined pattern holding the kind, and whether its label names the kind."""
    wanted = set(kind["codes"])
    best: Pattern | None = None
    held = 0
    for pattern in patterns:
        inside = len(wanted & set(pattern.codes))
        enough = inside >= min(MIN_HELD, len(wanted))
        if enough and inside >= MIN_SHARE * len(pattern.codes) and inside > held:
            best, held = pattern, inside
    label_ok = best is not None and all(name in best.label for name in kind["label_names"])
    return KindOutcome(kind["id"], kind["label"], best, held, label_ok)


def generic_key_terms(patterns: Sequence[Pattern], records: Sequence[PrecedentRecord]) -> list[str]:
    """Key terms of the patterns that are not content words (see the module docstring)."""
    names: set[str] = set()
    for record in records:
        names.update(listed_names(record.persons))
        names.update(written_names(normalize(f"{record.title}\n{record.narrative}")))
    bad = []
    for pattern in patterns:
        for term in pattern.key_terms:
            if (
                term in STOP_WORDS
                or term in PROSE_WORDS
                or term in names
                or any(ch.isdigit() for ch in term)
            ):
                bad.append(f"{pattern.id}:{term}")
    return bad


def run() -> tuple[list[Pattern], list[KindOutcome], list[str]]:
    records = demo_records()
    patterns = mine_patterns(records)
    outcomes = [match(kind, patterns) for kind in read_expected()]
    return patterns, outcomes, generic_key_terms(patterns, records)


def print_report(
    patterns: Sequence[Pattern],
    outcomes: Sequence[KindOutcome],
    generic: Sequence[str],
    *,
    verbose: bool = False,
) -> None:
    found = [o for o in outcomes if o.pattern is not None]
    labelled = [o for o in found if o.label_ok]
    print(
        f"demo precedents: {len(patterns)} patterns mined; expected kinds found "
        f"{len(found)}/{len(outcomes)}, with a sensible label {len(labelled)}/{len(found)}; "
        f"generic key terms {len(generic)} of {sum(len(p.key_terms) for p in patterns)}"
    )
    for o in outcomes:
        if o.pattern is None:
            print(f"  {o.kind_id} not found   expected “{o.expected_label}”")
            continue
        verdict = "label ok" if o.label_ok else "label misses the kind"
        print(f"  {o.kind_id} {o.pattern.id} holds {o.held}  {verdict}: {o.pattern.label}")
    if generic:
        print("  generic key terms: " + ", ".join(generic))
    if verbose:
        for p in patterns:
            codes = ", ".join(c.removeprefix("DEMO-") for c in p.codes)
            print(f"  {p.id} {p.support}  {p.label}\n      {codes}\n      {'、'.join(p.key_terms)}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--verbose", "-v", action="store_true", help="every mined pattern")
    args = parser.parse_args(argv)
    patterns, outcomes, generic = run()
    print_report(patterns, outcomes, generic, verbose=args.verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
