"""Pattern-recovery quality on a labelled dataset: python bench/eval_patterns.py DATASET_DIR.

Mines ``corpus.jsonl`` only (never the answer key), then reads
``patterns.json`` to score: a labelled pattern is recovered when one mined
pattern holds at least 5 of its precedents with purity >= 0.8. Prints
recovered/N, the spurious mined patterns (matching no labelled one) and, per
recovering pattern, the foreign codes pulled in. ``--sweep`` varies each
setting by ±10 % and ±20 % around its default and prints the same figures,
then moves all four similarity settings together to the corners of the ±10 %
and ±20 % boxes, to show whether the defaults sit on a plateau or on a knife
edge. ``--stress`` mines the same cases written another way (shorter, padded
with a formula, with fewer structured fields).
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import random
import sys
import time
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

from precedents.interchange.importer import parse_file
from precedents.patterns.describe import Pattern
from precedents.patterns.mining import mine_patterns
from precedents.patterns.settings import MiningSettings
from precedents.record import PrecedentRecord
from precedents.vocabulary import Vocabulary

MIN_HELD = 5
MIN_PURITY = 0.8
#: The target: every labelled pattern found, and no more spurious patterns than this.
MAX_SPURIOUS = 4
SWEPT = ("structured_weight", "link_threshold", "split_ratio", "member_ratio")


def load_records(path: Path) -> list[PrecedentRecord]:
    """The dataset's precedents, read by the program's own importer."""
    parsed = parse_file(path, Vocabulary.builtin())
    if parsed.rejected:
        first = parsed.rejected[0]
        raise SystemExit(
            f"{path}: {len(parsed.rejected)} records rejected, first at line {first.line}"
        )
    return [record for _, record in parsed.records]


def score(patterns: list[Pattern], labelled: list[dict[str, Any]]) -> dict[str, Any]:
    """Recovered labelled patterns, spurious mined ones, and foreign codes per recovery."""
    recovered: dict[str, tuple[str, list[str]]] = {}
    missed: dict[str, list[str]] = {}
    matched: set[str] = set()
    for label in labelled:
        wanted = set(label["codes"])
        for mined in patterns:
            held = wanted & set(mined.codes)
            if len(held) >= MIN_HELD and len(held) / mined.support >= MIN_PURITY:
                recovered[label["id"]] = (mined.id, sorted(set(mined.codes) - wanted))
                missed[label["id"]] = sorted(wanted - held)
                matched.add(mined.id)
                break
    spurious = [p for p in patterns if p.id not in matched]
    return {
        "recovered": recovered,
        "missed": missed,
        "spurious": spurious,
        "total": len(labelled),
    }


def run(
    records: list[PrecedentRecord], labelled: list[dict[str, Any]], settings: MiningSettings
) -> dict[str, Any]:
    started = time.perf_counter()
    patterns = mine_patterns(records, settings)
    result = score(patterns, labelled)
    result["seconds"] = time.perf_counter() - started
    result["patterns"] = patterns
    return result


def report(result: dict[str, Any], labelled: list[dict[str, Any]]) -> None:
    names = {p["id"]: p["name"] for p in labelled}
    found, spurious = len(result["recovered"]), len(result["spurious"])
    print(
        f"recovered {found}/{result['total']}, spurious {spurious}, "
        f"mined {len(result['patterns'])} in {result['seconds']:.2f} s"
    )
    for mined in result["patterns"]:
        print(f"  {mined.id}  {mined.support:>2}  {len(mined.districts)} 区  {mined.label}")
        print(f"      key terms: {'、'.join(mined.key_terms)}")
    for label_id in sorted(names):
        if label_id in result["recovered"]:
            pid, foreign = result["recovered"][label_id]
            extra = f"foreign: {', '.join(foreign)}" if foreign else "pure"
            missed = result["missed"][label_id]
            extra += f"; missed: {', '.join(missed)}" if missed else "; complete"
            print(f"  {label_id} found as {pid}  {extra}")
        else:
            print(f"  {label_id} NOT FOUND  ({names[label_id]})")
    for mined in result["spurious"]:
        print(f"  spurious {mined.id} ({mined.support}): {', '.join(mined.codes)}")


def _figures(result: dict[str, Any]) -> str:
    """recovered/total, spurious, foreign codes pulled in, labelled codes left out."""
    foreign = sum(len(f) for _, f in result["recovered"].values())
    missed = sum(len(m) for m in result["missed"].values())
    found, spurious = len(result["recovered"]), len(result["spurious"])
    return f"{found}/{result['total']} s{spurious} f{foreign} m{missed}"


def sweep(records: list[PrecedentRecord], labelled: list[dict[str, Any]]) -> None:
    base = MiningSettings()
    print("\nsensitivity (each setting alone; recovered/total, spurious, foreign, missed codes):")
    for name in SWEPT:
        row = []
        for factor in (0.8, 0.9, 1.0, 1.1, 1.2):
            value = round(getattr(base, name) * factor, 4)
            result = run(records, labelled, replace(base, **{name: value}))
            row.append(f"{value:g}: {_figures(result)}")
        print(f"  {name:<18} " + " | ".join(row))
    for spread in (0.1, 0.2):
        corners = list(itertools.product((1 - spread, 1 + spread), repeat=len(SWEPT)))
        held = 0
        for factors in corners:
            varied = replace(
                base, **{n: getattr(base, n) * f for n, f in zip(SWEPT, factors, strict=True)}
            )
            result = run(records, labelled, varied)
            ok = len(result["recovered"]) == result["total"]
            held += ok and len(result["spurious"]) <= MAX_SPURIOUS
        print(
            f"  all four together ±{spread:.0%}: {held}/{len(corners)} corners find every "
            f"pattern with at most {MAX_SPURIOUS} spurious"
        )
    for name in ("min_support", "min_districts"):
        row = []
        for value in (getattr(base, name) - 1, getattr(base, name), getattr(base, name) + 1):
            if value < 1 or (name == "min_support" and value < 2):
                continue
            result = run(records, labelled, replace(base, **{name: value}))
            row.append(
                f"{value}: {len(result['recovered'])}/{result['total']} s{len(result['spurious'])}"
            )
        print(f"  {name:<18} " + " | ".join(row))


#: A formula of the kind case records repeat, for the stress test.
FORMULA = (
    "经村（居）、镇（街）两级走访核实，家庭情况属实，按照困难群众利益最大化原则，"
    "采取一事一议方式研究，会议同意上报并抄送有关部门跟踪落实。"
)


def _drop_one_hardship(records: list[PrecedentRecord]) -> list[PrecedentRecord]:
    rng = random.Random(3)
    out = []
    for record in records:
        hardships = list(record.hardships)
        if len(hardships) > 1:
            hardships.pop(rng.randrange(len(hardships)))
        out.append(dataclasses.replace(record, hardships=hardships))
    return out


def stress(records: list[PrecedentRecord], labelled: list[dict[str, Any]]) -> None:
    """The same cases written another way: shorter, padded, with fewer structured fields."""
    variants = {
        "situation only (no deliberation, no decision)": [
            dataclasses.replace(r, deliberation="", decision="") for r in records
        ],
        "a formula added twice to every deliberation": [
            dataclasses.replace(r, deliberation=r.deliberation + FORMULA * 2) for r in records
        ],
        "one hardship dropped at random from each case": _drop_one_hardship(records),
        "no barriers recorded": [dataclasses.replace(r, barriers=[]) for r in records],
    }
    print("\nstress (the same cases written another way):")
    for name, variant in variants.items():
        result = run(variant, labelled, MiningSettings())
        print(f"  {name:<48} {_figures(result)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset", type=Path, help="folder with corpus.jsonl and patterns.json")
    parser.add_argument("--sweep", action="store_true", help="vary the settings ±10/20 %%")
    parser.add_argument("--stress", action="store_true", help="mine the cases written another way")
    args = parser.parse_args(argv)
    records = load_records(args.dataset / "corpus.jsonl")
    labelled = json.loads((args.dataset / "patterns.json").read_text(encoding="utf-8"))
    settings = MiningSettings()
    print(
        f"{len(records)} precedents, {len(labelled)} labelled patterns; settings: "
        + ", ".join(f"{f.name}={getattr(settings, f.name)}" for f in fields(settings))
    )
    result = run(records, labelled, settings)
    report(result, labelled)
    if args.sweep:
        sweep(records, labelled)
    if args.stress:
        stress(records, labelled)
    return 0 if len(result["recovered"]) == result["total"] else 1


if __name__ == "__main__":
    sys.exit(main())
