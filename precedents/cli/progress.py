"""Progress of long commands on standard error (only when it is a terminal)."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

#: Seconds between two updates of the progress line.
_INTERVAL = 0.2


def stderr_progress(label: str) -> Callable[[int, int], None]:
    """A ``progress(done, total)`` callable that redraws one line on a terminal."""
    last = 0.0

    def progress(done: int, total: int) -> None:
        nonlocal last
        if not sys.stderr.isatty():
            return
        now = time.monotonic()
        finished = total > 0 and done >= total
        if now - last < _INTERVAL and not finished:
            return
        last = now
        shown = f"{done}/{total}" if total else str(done)
        sys.stderr.write(f"\r{label}：{shown}" + ("\n" if finished else ""))
        sys.stderr.flush()

    return progress
