"""Snippets: the passage of a record that best shows why it matched.

A snippet is plain text plus the spans of the matched words in it (half-open
character ranges ``[start, end)``), so each client renders highlights its own
way: the desktop with rich text, the command line with `mark` (【…】 by
default). Matching runs on normalised text, whose offsets equal the original's,
so the snippet shows the record's own characters (traditional ones included).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from search_index.analysis import normalize

SNIPPET_WIDTH = 110
#: Characters of context shown before the first match of the passage.
_LEAD = 24
ELLIPSIS = "…"


@dataclass(frozen=True, slots=True)
class Snippet:
    text: str
    spans: tuple[tuple[int, int], ...] = ()

    def marked(self, open_mark: str = "【", close_mark: str = "】") -> str:
        return mark(self.text, self.spans, open_mark, close_mark)


def find_spans(text: str, terms: Sequence[str]) -> list[tuple[int, int]]:
    """Non-overlapping spans of `terms` in `text` (normalised on the fly), longest first."""
    norm = normalize(text)
    taken = [False] * len(norm)
    spans: list[tuple[int, int]] = []
    for term in sorted({t for t in terms if t}, key=len, reverse=True):
        start = norm.find(term)
        while start >= 0:
            end = start + len(term)
            if not any(taken[start:end]):
                spans.append((start, end))
                for i in range(start, end):
                    taken[i] = True
            start = norm.find(term, start + 1)
    return sorted(spans)


def make_snippet(
    sections: Sequence[str], terms: Sequence[str], width: int = SNIPPET_WIDTH
) -> Snippet:
    """The best window of at most `width` characters over the sections, with spans."""
    best: tuple[tuple[int, int], str, list[tuple[int, int]], int] | None = None
    for text in sections:
        if not text:
            continue
        flat = " ".join(text.split("\n"))
        spans = find_spans(flat, terms)
        for start in _window_starts(spans):
            inside = [s for s in spans if s[0] >= start and s[1] <= start + width]
            key = (len({flat[a:b] for a, b in inside}), len(inside))
            if best is None or key > best[0]:
                best = (key, flat, spans, start)
    if best is None:
        return Snippet("")
    _, flat, spans, start = best
    return _cut(flat, spans, start, width)


def _window_starts(spans: list[tuple[int, int]]) -> list[int]:
    return [max(0, s - _LEAD) for s, _ in spans] or [0]


def _cut(text: str, spans: list[tuple[int, int]], start: int, width: int) -> Snippet:
    end = min(len(text), start + width)
    if end - start < width:
        start = max(0, end - width)
    prefix = ELLIPSIS if start > 0 else ""
    suffix = ELLIPSIS if end < len(text) else ""
    shift = len(prefix) - start
    moved = tuple((a + shift, b + shift) for a, b in spans if a >= start and b <= end)
    return Snippet(prefix + text[start:end] + suffix, moved)


def mark(
    text: str, spans: Sequence[tuple[int, int]], open_mark: str = "【", close_mark: str = "】"
) -> str:
    """`text` with every span wrapped in the given markers."""
    out: list[str] = []
    last = 0
    for start, end in sorted(spans):
        out.append(text[last:start])
        out.append(open_mark + text[start:end] + close_mark)
        last = end
    out.append(text[last:])
    return "".join(out)
