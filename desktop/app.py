"""Start-up of ``precedent-desk``.

Order: create the QApplication; open the library (data folder and database,
migrations); load the demo precedents into an empty library; show the main
window with the list of precedents.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QTableView

from desktop.precedent_model import PrecedentTableModel
from precedents.demo.load import load_demo
from precedents.errors import PrecedentError
from precedents.library import Library
from precedents.logs import configure_logging
from precedents.store.precedents import list_summaries


class MainWindow(QMainWindow):
    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.setWindowTitle(self.tr("Precedent Desk"))
        self.model = PrecedentTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.setCentralWidget(self.table)
        self.resize(1100, 700)
        self.refresh()

    def refresh(self) -> None:
        with self.library.session() as session:
            self.model.set_rows(list_summaries(session))
        self.table.resizeColumnsToContents()
        self.statusBar().showMessage(self.tr("%n precedent(s)", "", self.model.rowCount()))


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="precedent-desk")
    parser.add_argument("--data-dir")
    parser.add_argument("--db-url")
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="start, show the window, print the number of precedents and quit (build check)",
    )
    return parser.parse_known_args(argv)[0]


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    args = parse_args(argv[1:])
    app = QApplication(argv)
    try:
        library = Library.open(args.data_dir, db_url=args.db_url)
    except PrecedentError as exc:
        QMessageBox.critical(None, "一事一议先例库", exc.message)
        return 1
    configure_logging(library.paths.logs)
    load_demo(library)
    window = MainWindow(library)
    window.show()
    if args.smoke_test:
        app.processEvents()
        print(f"ready {window.model.rowCount()}", flush=True)
        return 0
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
