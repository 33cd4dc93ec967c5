"""Screenshots of the statistics screen for the docs, on the demo precedents and the dev corpus.

Called by ``tools/screenshots.py``: statistics.png and statistics-charts.png
(demo data, the screen as opened and scrolled down to the lower charts), then
statistics-dev.png and statistics-dev-2024.png on the 80 precedents of
``../shared/eval/dev`` in a data folder of their own (skipped when absent), with
the first two pages of the 2024 summary the screen writes for Word
(word-annual-summary.png, word-annual-summary-charts.png).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV_CORPUS = ROOT.parent / "shared" / "eval" / "dev" / "corpus.jsonl"


def shoot_statistics(
    window: object,
    save: Callable[..., None],
    wait: Callable[[Callable[[], bool]], None],
    folder: Path,
    out: Path,
) -> None:
    """The demo window's statistics, then the dev corpus's in a second window."""
    page = _show(window, wait)
    save("statistics.png")
    scroll = page.findChild(_scroll_area())  # type: ignore[attr-defined]
    scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
    save("statistics-charts.png")
    scroll.verticalScrollBar().setValue(0)
    if DEV_CORPUS.is_file():
        _dev_corpus(window, save, wait, folder, out)


def _scroll_area() -> type:
    from PySide6.QtWidgets import QScrollArea

    return QScrollArea


def _show(window: object, wait: Callable[[Callable[[], bool]], None]) -> object:
    page = window.statistics_page  # type: ignore[attr-defined]
    shown: list[bool] = []
    page.figures_shown.connect(lambda: shown.append(True))
    window.show_page(3)  # type: ignore[attr-defined]
    wait(lambda: bool(shown))
    return page


def _dev_corpus(
    demo: object,
    save: Callable[..., None],
    wait: Callable[[Callable[[], bool]], None],
    folder: Path,
    out: Path,
) -> None:
    from desktop.main_window import MainWindow
    from desktop.search_adapter import SearchAdapter
    from precedents.interchange.importer import import_file
    from precedents.library import Library

    library = Library.open(folder / "dev-data", actor="林晓")
    with library.sessions.begin() as session:
        import_file(session, DEV_CORPUS, library.vocabulary(), actor="林晓")
    adapter = SearchAdapter(library)
    window = MainWindow(library, adapter, demo.tasks, demo.prefs)  # type: ignore[attr-defined]
    window.resize(demo.size())  # type: ignore[attr-defined]
    window.show()
    window.start()
    wait(lambda: window.library_page.search.last_results is not None)  # type: ignore[attr-defined]
    page = _show(window, wait)
    save("statistics-dev.png", window)
    shown: list[bool] = []
    page.figures_shown.connect(lambda: shown.append(True))  # type: ignore[attr-defined]
    page.filters.set_period(dt.date(2024, 1, 1), dt.date(2024, 12, 31))  # type: ignore[attr-defined]
    wait(lambda: bool(shown))
    save("statistics-dev-2024.png", window)
    _word_summary(page, wait, folder, out)
    window._closing = True
    window.close()
    adapter.close()
    library.close()


def _word_summary(
    page: object, wait: Callable[[Callable[[], bool]], None], folder: Path, out: Path
) -> None:
    """The 2024 summary as the screen writes it, its first pages through LibreOffice."""
    from desktop.statistics.files import StatsFiles
    from precedents.documents.convert import to_pdf, to_png

    target = folder / "2024年一事一议工作情况统计.docx"
    StatsFiles.word_file = classmethod(lambda cls, parent, name: target)  # type: ignore[method-assign,assignment]
    said: list[str] = []
    page.message.connect(said.append)  # type: ignore[attr-defined]
    page.export_word()  # type: ignore[attr-defined]
    wait(lambda: bool(said))
    pages = to_png(to_pdf(target, folder), folder / "summary", 80)
    for number, name in ((0, "word-annual-summary.png"), (1, "word-annual-summary-charts.png")):
        pages[number].replace(out / name)
        print("wrote", out / name)
