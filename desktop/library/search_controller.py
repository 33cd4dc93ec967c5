"""Search as you type: debouncing keystrokes and running one query at a time.

Typing restarts a short timer; when it fires the query runs on the query lane
of the task helper. While a query runs, newer requests are folded into one
pending query, so a burst of typing costs at most two queries and the list
always ends on the latest text. Results of an outdated query are dropped.
Until the index is open, queries wait and run as soon as it is.

A query is answered in two steps: the first screenful of hits with their
snippets (`results_ready`), then the rest of the hits without snippets
(`more_results`), so the list updates as soon as the first step is done.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.search_adapter import MAX_HITS, Query, Results, SearchAdapter
from desktop.tasks import Lane, Task, TaskManager

#: Quiet time after the last keystroke before the query runs (milliseconds).
DEBOUNCE_MS = 50


class SearchController(QObject):
    results_ready = Signal(object)  # Results
    #: The rest of the hits of the query last shown (Results, hits from the offset).
    more_results = Signal(object)
    failed = Signal(str)

    def __init__(self, adapter: SearchAdapter, tasks: TaskManager, parent: QObject | None = None):
        super().__init__(parent)
        self.adapter = adapter
        self.tasks = tasks
        self.query = Query()
        self.ready = False
        self.last_results: Results | None = None
        self._in_flight: Task | None = None
        self._pending = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_now)

    def set_ready(self, ready: bool = True) -> None:
        self.ready = ready
        if ready:
            self.run_now()

    def set_text(self, text: str) -> None:
        if text == self.query.text:
            return
        self.query = replace(self.query, text=text)
        self._timer.start()

    def toggle_filter(self, field_name: str, value: str) -> None:
        self.query = self.query.toggled(field_name, value)
        self.run_now()

    def clear_filters(self) -> None:
        self.query = self.query.without_filters()
        self.run_now()

    def clear(self) -> None:
        self.query = Query()
        self.run_now()

    def run_now(self) -> None:
        """Run the current query now (or as soon as the running one ends)."""
        self._timer.stop()
        if not self.ready:
            return
        if self._in_flight is not None:
            self._pending = True
            return
        query = self.query
        self._in_flight = self.tasks.run(
            lambda _progress: self.adapter.search(query),
            on_done=self._done,
            on_error=self._error,
            lane=Lane.QUERIES,
            context=self,
        )

    def _done(self, results: Results) -> None:
        self._in_flight = None
        if self._pending:
            self._pending = False
            self.run_now()
            return
        if results.query != self.query:
            if not self._timer.isActive():
                self.run_now()
            return
        self.last_results = results
        self.results_ready.emit(results)
        if results.total > len(results.hits):
            self._fetch_rest(results)

    def _fetch_rest(self, first: Results) -> None:
        query, offset = first.query, len(first.hits)
        limit = max(0, min(first.total, MAX_HITS) - offset)
        self._in_flight = self.tasks.run(
            lambda _progress: self.adapter.search(query, limit, offset, snippets=False),
            on_done=self._rest_done,
            on_error=self._error,
            lane=Lane.QUERIES,
            context=self,
        )

    def _rest_done(self, results: Results) -> None:
        self._in_flight = None
        if self._pending or results.query != self.query:
            self._pending = False
            if not self._timer.isActive():
                self.run_now()
            return
        self.more_results.emit(results)

    def _error(self, error: BaseException, _details: str) -> None:
        self._in_flight = None
        self._pending = False
        self.failed.emit(str(error))

    @property
    def busy(self) -> bool:
        return self._in_flight is not None or self._timer.isActive()
