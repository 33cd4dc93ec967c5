"""Start-up of ``precedent-desk``, the desktop program.

Run as ``precedent-desk [--data-dir DIR] [--db-url URL]``; `main` states the
order in which the program starts.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import i18n
from desktop.errors import install_excepthook
from desktop.fonts import apply_ui_font
from desktop.prefs import APPLICATION, ORGANIZATION, Prefs
from precedents.errors import PrecedentError
from precedents.library import Library
from precedents.logs import configure_logging
from precedents.paths import DATA_DIR_ENV

log = logging.getLogger(__name__)


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="precedent-desk")
    parser.add_argument("--data-dir", help="data folder (default: the user's data folder)")
    parser.add_argument("--db-url", help="database address (default: the local file)")
    parser.add_argument("--user", help="officer name recorded in the audit trail")
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="start, show the window, print the number of precedents and quit (build check)",
    )
    return parser.parse_known_args(argv)[0]


def builtin_synonyms() -> list[tuple[str, ...]]:
    """The search package's built-in synonym groups, seeded into a new library."""
    try:
        from search_index.synonyms import builtin_groups
    except ImportError:
        return []
    groups: list[tuple[str, ...]] = builtin_groups()
    return groups


def create_application(argv: list[str], prefs_language: str | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv)
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    apply_ui_font(app)
    i18n.install(app, prefs_language or Prefs().language())
    app.setApplicationDisplayName(QCoreApplication.translate("MainWindow", "Precedent Desk"))
    return app


def open_library(args: argparse.Namespace, prefs: Prefs) -> Library:
    data_dir = args.data_dir or os.environ.get(DATA_DIR_ENV) or prefs.data_dir() or None
    return Library.open(
        data_dir, db_url=args.db_url, actor=args.user, builtin_synonyms=builtin_synonyms
    )


def load_demo_if_empty(library: Library) -> int:
    """The demo precedents on a first start; a missing demo file is logged, not fatal."""
    from precedents.demo import demo_path
    from precedents.store.precedents import count_records

    if library.meta("demo_loaded"):
        return 0
    with library.session() as session:
        if count_records(session):
            return 0
    # Imported only on a first start: the importer pulls in openpyxl and numpy.
    from precedents.demo.load import load_demo

    if not demo_path().is_file():
        log.warning("demo precedents file is missing; starting with an empty library")
        return 0
    return load_demo(library)


def main(argv: Sequence[str] | None = None) -> int:
    """Start the desktop program; returns its exit code.

    Start-up order:

    1. parse the command line;
    2. create the QApplication, read the desktop preferences (QSettings), set the
       interface font and install the translation (Chinese unless chosen otherwise);
    3. open the library: data folder (``--data-dir``, ``PRECEDENTS_DATA_DIR``, the
       folder chosen in the settings, the platform default), settings file,
       database (migrations, backup first), vocabularies;
    4. log to the data folder and install the exception hook that logs and shows
       uncaught errors;
    5. load the demo precedents into an empty library (first start only);
    6. build and show the main window;
    7. once the event loop runs: load the list columns and open the search index
       (which loads the segmenter, and rebuilds the index if needed) on background
       threads, and offer any unsaved drafts;
    8. on quit: cancel and wait for background work, close the index and database.
    """
    argv = list(sys.argv if argv is None else argv)
    args = parse_args(argv[1:])
    app = create_application(argv)
    prefs = Prefs()
    try:
        library = open_library(args, prefs)
    except PrecedentError as exc:
        QMessageBox.critical(None, app.applicationDisplayName(), exc.message)
        return 1
    except OSError as exc:  # the data folder cannot be created or written
        text = QCoreApplication.translate("app", "The data folder cannot be used: %1")
        QMessageBox.critical(None, app.applicationDisplayName(), text.replace("%1", str(exc)))
        return 1
    configure_logging(library.paths.logs)
    install_excepthook(library.paths.logs)
    try:
        load_demo_if_empty(library)
    except PrecedentError as exc:
        log.error("demo precedents not loaded: %s", exc.message)
    return run_window(app, library, prefs, smoke_test=args.smoke_test)


def run_window(
    app: QApplication, library: Library, prefs: Prefs, *, smoke_test: bool = False
) -> int:
    from desktop.main_window import MainWindow
    from desktop.search_adapter import SearchAdapter
    from desktop.tasks import TaskManager

    tasks = TaskManager(app)
    adapter = SearchAdapter(library)
    window = MainWindow(library, adapter, tasks, prefs)
    window.show()
    if smoke_test:
        # A build check: quit as soon as the first results are listed.
        def report() -> None:
            print(f"ready {window.library_page.precedent_count()}", flush=True)
            app.exit(0)

        window.library_page.first_results.connect(report)
    QTimer.singleShot(0, window.start)
    try:
        return app.exec()
    finally:
        tasks.shutdown()
        adapter.close()
        library.close()


if __name__ == "__main__":
    sys.exit(main())
