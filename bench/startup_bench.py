"""Start-up time, memory and search-as-you-type latency of the desktop program.

Usage::

    PYTHONPATH=. python bench/startup_bench.py [--n 10000] [--runs 5]

Builds a data folder with `--n` synthetic precedents (`synthetic_precedents`),
starts the real program (``desktop.app.main``) once to build its indexes, then
`--runs` more times, each in a fresh process, offscreen. For each start it
records the time from launching the process to the window being on screen and
to the first results being listed (the window is usable), and the resident
memory at that moment. One more start types queries the way an input method
commits them, once the start-up work still running in the background is done,
and times each from the last keystroke to the updated list (debounce included).
``--library DIR`` keeps the data folder in DIR and reuses it on the next run.

The reference, in the same run, is the bare minimum: a process that imports
PySide6 and shows an empty main window. Figures are printed with their ratio
to it. Memory is read from /proc (Linux only; "n/a" elsewhere).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.search_adapter import Results

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

#: Queries typed in the latency test: common and rare words, a filter, two terms.
TYPED = ("戈谢病", "独居老人", "临时救助 区:集美", "尿毒症 透析", "低保", "车祸 残疾")
KEY_INTERVAL_MS = 150


# -- the child processes -------------------------------------------------------------


def child_app(data_dir: str, typing: bool) -> None:
    """Start the real program; report when the window shows and when it is usable."""
    from PySide6.QtCore import QTimer

    from desktop import app
    from desktop.main_window import MainWindow

    start = MainWindow.start

    def instrumented(window: MainWindow) -> None:
        print("shown", flush=True)
        page = window.library_page
        page.first_results.connect(lambda: ready(window))
        start(window)

    def ready(window: MainWindow) -> None:
        print(f"ready {window.library_page.precedent_count()}", flush=True)
        if typing:
            # Kept on the window: a signal connected to a plain object's method does
            # not keep the object alive.
            window.probe = TypingProbe(window)  # type: ignore[attr-defined]
            window.probe.start()  # type: ignore[attr-defined]
        else:
            QTimer.singleShot(0, window.close)

    MainWindow.start = instrumented  # type: ignore[method-assign]
    app.main(["precedent-desk", "--data-dir", data_dir])


class TypingProbe:
    """Types each query as input-method commits and times the list's update."""

    def __init__(self, window: object) -> None:
        from PySide6.QtCore import QTimer

        self.window = window
        self.page = window.library_page  # type: ignore[attr-defined]
        self.queries = list(TYPED)
        self.timer = QTimer()
        self.last_key = 0.0
        self.expected = ""
        self.page.search.results_ready.connect(self._results)

    def start(self) -> None:
        """Type once the start-up work still running in the background has finished."""
        from PySide6.QtCore import QTimer

        if self.window.tasks.running():  # type: ignore[attr-defined]
            QTimer.singleShot(50, self.start)
            return
        self._next()

    def _next(self) -> None:
        from PySide6.QtCore import QTimer

        if not self.queries:
            QTimer.singleShot(0, self.window.close)  # type: ignore[attr-defined]
            return
        query = self.queries.pop(0)
        self.page.search_box.clear()
        chunks = [query[i : i + 2] for i in range(0, len(query), 2)]
        for number, chunk in enumerate(chunks):
            QTimer.singleShot(KEY_INTERVAL_MS * (number + 1), lambda c=chunk: self._type(c))
        self.expected = query

    def _type(self, chunk: str) -> None:
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtGui import QInputMethodEvent

        event = QInputMethodEvent()
        event.setCommitString(chunk)
        self.last_key = time.perf_counter()
        QCoreApplication.sendEvent(self.page.search_box, event)

    def _results(self, results: Results) -> None:
        if results.query.text != self.expected or not self.expected:
            return
        latency = (time.perf_counter() - self.last_key) * 1000
        print(f"typed {self.expected}\t{latency:.1f}\t{results.total}", flush=True)
        self.expected = ""
        self._next()


def child_reference() -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([])
    window = QMainWindow()
    window.resize(1440, 900)
    window.show()

    def shown() -> None:
        print("shown", flush=True)
        print("ready 0", flush=True)
        window.close()

    QTimer.singleShot(0, shown)
    app.exec()


# -- the parent ----------------------------------------------------------------------


def rss_mb(pid: int) -> tuple[float, float] | None:
    """(current, peak) resident memory of a process in MB, from /proc."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    values = {}
    for line in status.splitlines():
        key, _, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values[key] = int(rest.split()[0]) / 1024
    return values.get("VmRSS", 0.0), values.get("VmHWM", 0.0)


def run_child(args: list[str], data_dir: Path, settings_dir: Path) -> dict[str, object]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PRECEDENTS_DATA_DIR": str(data_dir),
        "PYTHONPATH": str(ROOT),
        "XDG_CONFIG_HOME": str(settings_dir),
    }
    launched = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, __file__, *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        encoding="utf-8",
    )
    out: dict[str, object] = {"typed": []}
    assert process.stdout is not None
    for line in process.stdout:
        now = time.perf_counter() - launched
        if line.startswith("shown"):
            out["shown"] = now
        elif line.startswith("ready"):
            out["ready"] = now
            out["count"] = int(line.split()[1])
            out["memory"] = rss_mb(process.pid)
        elif line.startswith("typed"):
            head, latency, total = line.rstrip("\n").split("\t")
            query = head.removeprefix("typed ")
            out["typed"].append((query, float(latency), int(total)))  # type: ignore[union-attr]
    process.wait(timeout=600)
    return out


def build_library(data_dir: Path, n: int) -> float:
    from synthetic_precedents import generate

    from precedents.library import Library
    from precedents.store.precedents import create_record

    started = time.perf_counter()
    library = Library.open(data_dir, actor="bench")
    records = generate(n)
    for start in range(0, n, 1000):
        with library.sessions.begin() as session:
            for record in records[start : start + 1000]:
                create_record(session, record, actor="bench")
    library.set_meta("demo_loaded", "1")
    library.close()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--library", type=Path, help="reuse this data folder (made on the first run) instead"
    )
    parser.add_argument("--child", choices=["app", "typing", "reference"])
    parser.add_argument("--data-dir")
    args = parser.parse_args()
    if args.child == "reference":
        child_reference()
        return
    if args.child:
        child_app(args.data_dir, typing=args.child == "typing")
        return

    with tempfile.TemporaryDirectory() as tmp:
        data = args.library or Path(tmp) / "data"
        settings = Path(tmp) / "settings"
        if not (data / "precedents.sqlite3").is_file():
            built = build_library(data, args.n)
            print(f"{args.n:,} precedents written in {built:.1f} s", flush=True)
            first = run_child(["--child", "app", "--data-dir", str(data)], data, settings)
            print(f"first start (indexes built): usable after {first['ready']:.2f} s", flush=True)
        runs = [
            run_child(["--child", "app", "--data-dir", str(data)], data, settings)
            for _ in range(args.runs)
        ]
        reference = [run_child(["--child", "reference"], data, settings) for _ in range(args.runs)]
        typing = run_child(["--child", "typing", "--data-dir", str(data)], data, settings)
    report(args.n, runs, reference, typing)


def report(
    n: int,
    runs: list[dict[str, object]],
    reference: list[dict[str, object]],
    typing: dict[str, object],
) -> None:
    def column(rows: list[dict[str, object]], key: str) -> list[float]:
        return [float(row[key]) for row in rows]  # type: ignore[arg-type]

    shown, ready = column(runs, "shown"), column(runs, "ready")
    bare = column(reference, "shown")
    memory = [row["memory"] for row in runs if row.get("memory")]
    print(f"\nwarm starts with {n:,} precedents, {len(runs)} runs (median / worst):")
    print(f"  window on screen      {statistics.median(shown):.2f} / {max(shown):.2f} s")
    print(f"  usable (list shown)   {statistics.median(ready):.2f} / {max(ready):.2f} s")
    print(f"  reference: bare Qt window {statistics.median(bare):.2f} s")
    print(f"  ratio usable / bare   {statistics.median(ready) / statistics.median(bare):.1f}")
    if memory:
        current = [m[0] for m in memory]  # type: ignore[index]
        peak = [m[1] for m in memory]  # type: ignore[index]
        print(
            f"  memory when usable    {statistics.median(current):.0f} MB (peak {max(peak):.0f} MB)"
        )
    else:
        print("  memory                n/a (no /proc)")
    print("\nsearch as you type, last keystroke to updated list:")
    latencies = []
    for query, latency, total in typing["typed"]:  # type: ignore[union-attr]
        latencies.append(latency)
        print(f"  {query:<14} {latency:6.1f} ms  ({total:,} found)")
    if latencies:
        print(f"  median {statistics.median(latencies):.1f} ms, worst {max(latencies):.1f} ms")


if __name__ == "__main__":
    main()
