"""The main window: navigation between the four screens, menus and the status bar.

The screens do the work; this window only switches between them, forwards
menu commands, remembers its layout and makes sure nothing unsaved is lost
when it closes.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSize, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMainWindow, QMessageBox, QStackedWidget, QToolBar

from desktop import prefs as keys
from desktop.actions import WindowActions
from desktop.deferred_page import DeferredPage
from desktop.dialogs.drafts_dialog import DraftsDialog
from desktop.dialogs.settings_dialog import SettingsDialog, describe_database
from desktop.icons import glyph_icon
from desktop.library.page import LibraryPage
from desktop.meetings import notes_draft
from desktop.office.wiring import install as install_office
from desktop.prefs import Prefs
from desktop.search_adapter import SearchAdapter
from desktop.status import StatusBar
from desktop.tasks import TaskManager
from precedents import __version__
from precedents.drafts import DraftStore
from precedents.library import Library

if TYPE_CHECKING:
    from desktop.meetings.page import MeetingPage
    from desktop.patterns.page import PatternsPage
    from desktop.statistics.page import StatisticsPage

DEFAULT_SIZE = QSize(1440, 900)


class MainWindow(QMainWindow):
    def __init__(
        self, library: Library, adapter: SearchAdapter, tasks: TaskManager, prefs: Prefs
    ) -> None:
        super().__init__()
        self.library = library
        self.adapter = adapter
        self.tasks = tasks
        self.prefs = prefs
        self._closing = False
        self.setWindowTitle(self.tr("Precedent Desk"))
        self.library_page = LibraryPage(library, adapter, tasks, prefs, self)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.library_page)
        # The other screens (and the patterns screen's numpy) are built when first shown,
        # so that building them does not delay the library's first results.
        self._meetings = DeferredPage(self.pages, self._build_meetings)
        self._patterns = DeferredPage(self.pages, self._build_patterns)
        self._statistics = DeferredPage(self.pages, self._build_statistics)
        self.setCentralWidget(self.pages)
        self.navigation = self._navigation()
        self.status = StatusBar(library.actor, self)
        self.setStatusBar(self.status)
        self.actions_ = WindowActions(self)
        self.actions_.build_menus(self.menuBar())
        self.library_page.counts_changed.connect(self.status.show_counts)
        self.library_page.index_state_changed.connect(self.status.show_index_state)
        self.library_page.index_progress.connect(self.status.show_index_progress)
        self.library_page.message.connect(self.status.say)
        self.library_page.record.meeting_requested.connect(self.take_to_meeting)
        self.library_page.view.meeting_requested.connect(self.take_to_meeting)
        self.office = install_office(self)
        self._restore_layout()

    def _build_meetings(self) -> MeetingPage:
        from desktop.meetings.page import MeetingPage

        page = MeetingPage(self.library, self.adapter, self.tasks, self)
        page.message.connect(self.status.say)
        return page

    def _build_patterns(self) -> PatternsPage:
        from desktop.patterns.page import PatternsPage

        page = PatternsPage(self.library, self.tasks, self)
        page.message.connect(self.status.say)
        page.open_precedent.connect(self.show_precedent)
        return page

    def _build_statistics(self) -> StatisticsPage:
        from desktop.statistics.page import StatisticsPage

        return StatisticsPage(self.library, self.tasks, self)

    @property
    def meeting_page(self) -> MeetingPage:
        """The meeting screen, built now if it has not been shown yet."""
        return self._meetings.page()

    @property
    def patterns_page(self) -> PatternsPage:
        """The patterns screen, built now if it has not been shown yet."""
        return self._patterns.page()

    @property
    def statistics_page(self) -> StatisticsPage:
        """The statistics screen, built now if it has not been shown yet."""
        return self._statistics.page()

    def _navigation(self) -> QActionGroup:
        bar = QToolBar(self.tr("Navigation"), self)
        bar.setObjectName("navigation")
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.setIconSize(QSize(30, 30))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        bar.toggleViewAction().setEnabled(False)
        self.addToolBar(Qt.ToolBarArea.LeftToolBarArea, bar)
        group = QActionGroup(self)
        group.setExclusive(True)
        entries = (
            ("库", "#2563eb", self.tr("Library")),
            ("会", "#0f766e", self.tr("Meetings")),
            ("策", "#7c3aed", self.tr("Patterns")),
            ("统", "#c2410c", self.tr("Statistics")),
        )
        for number, (char, color, text) in enumerate(entries):
            action = QAction(glyph_icon(char, color), text, self)
            action.setCheckable(True)
            action.setShortcut(f"Ctrl+{number + 1}")
            action.setToolTip(f"{text} (Ctrl+{number + 1})")
            action.triggered.connect(lambda _c=False, n=number: self.show_page(n))
            group.addAction(action)
            bar.addAction(action)
        group.actions()[0].setChecked(True)
        return group

    def show_page(self, number: int) -> None:
        self.pages.setCurrentIndex(number)
        self.navigation.actions()[number].setChecked(True)
        self.prefs.set_number(keys.LAST_PAGE, number)

    def start(self) -> None:
        """Called once the window is on screen: load data and the index in the background."""
        self.library_page.start()
        self.office.start()
        drafts = DraftStore(self.library.paths.drafts).all()
        if drafts:
            self.status.say(
                self.tr("%n unsaved draft(s) found: Tools ▸ Unsaved drafts.", "", len(drafts))
            )
            self.open_drafts()
        self._announce_meeting_notes()

    def _announce_meeting_notes(self) -> None:
        """Name the matters with notes left from a meeting not saved (after a crash).

        Notes of matters deleted since are removed unannounced. The meeting screen
        is not built for this: it is built when the officer opens it.
        """
        library = self.library

        def work(_p: object) -> list[str]:
            store = notes_draft.meeting_drafts(library.paths.drafts)
            return notes_draft.settle(store, partial(notes_draft.existing_codes, library))

        self.tasks.run(work, on_done=self._meeting_notes_kept, parent=self)

    def _meeting_notes_kept(self, codes: list[str]) -> None:
        if codes:
            self.status.say(
                self.tr("Meeting notes not saved on %1: open Meetings to continue them.").replace(
                    "%1", "、".join(codes)
                )
            )

    # -- commands ---------------------------------------------------------------

    def focus_search(self) -> None:
        self.show_page(0)
        self.library_page.focus_search()

    def show_precedent(self, code: str) -> None:
        self.show_page(0)
        self.library_page.select_code(code)

    def take_to_meeting(self, code: str) -> None:
        """The meeting screen, with the matter `code` loaded."""
        meetings = self._meetings.built
        if meetings is None or meetings.may_leave():
            self.show_page(1)
            self.meeting_page.take_up(code)

    def save_current(self) -> None:
        meetings = self._meetings.built
        if meetings is not None and self.pages.currentWidget() is meetings:
            meetings.save()
            return
        record = self.library_page.record
        if record.editing:
            record.save()
        else:
            self.status.say(self.tr("Nothing to save: no precedent is being edited."))

    def open_settings(self) -> None:
        if SettingsDialog.ask(self, self.library, self.adapter, self.prefs):
            self.status.say(self.tr("Settings saved."))
            self.adapter.apply_settings()
            self.library_page.record.editor.set_vocabulary_changed()

    def open_drafts(self) -> None:
        draft = DraftsDialog.ask(self, DraftStore(self.library.paths.drafts))
        if draft is not None:
            self.show_page(0)
            self.library_page.record.restore_draft(draft)

    def open_data_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.library.paths.root)))

    def open_log_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.library.paths.logs)))

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Precedent Desk"),
            self.tr(
                "<b>Precedent Desk</b> %1<br>Records, finds and reuses 一事一议 precedents."
                "<br><br>Data folder: %2<br>Database: %3"
            )
            .replace("%1", __version__)
            .replace("%2", str(self.library.paths.root))
            .replace("%3", describe_database(self.library)),
        )

    # -- layout and closing -------------------------------------------------------

    def _restore_layout(self) -> None:
        geometry = self.prefs.layout(keys.WINDOW_GEOMETRY)
        if geometry is None or not self.restoreGeometry(geometry):
            self._default_geometry()
        state = self.prefs.layout(keys.WINDOW_STATE)
        if state is not None:
            self.restoreState(state)
        page = self.prefs.number(keys.LAST_PAGE, 0)
        # The other screens count, mine or list matters as soon as they are shown; that
        # waits for the library's first results (start-up time), then the window goes
        # back to the screen the officer left.
        self.pages.setCurrentIndex(0)
        self.navigation.actions()[0].setChecked(True)
        self._page_left = page if 0 < page < self.pages.count() else 0
        self.library_page.first_results.connect(self._back_to_page_left)

    def _back_to_page_left(self) -> None:
        page, self._page_left = self._page_left, 0
        if page and self.pages.currentIndex() == 0:
            self.show_page(page)

    def _default_geometry(self) -> None:
        screen = QGuiApplication.primaryScreen()
        size = DEFAULT_SIZE
        if screen is not None:
            available = screen.availableGeometry()
            size = size.boundedTo(available.size() * 0.94)
            self.resize(size)
            self.move(available.center() - self.rect().center())
        else:
            self.resize(size)

    def save_layout(self) -> None:
        self.prefs.set_layout(keys.WINDOW_GEOMETRY, self.saveGeometry())
        self.prefs.set_layout(keys.WINDOW_STATE, QByteArray(self.saveState()))
        self.library_page.save_layout()
        self.prefs.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        meetings, patterns = self._meetings.built, self._patterns.built
        pages_done = self._closing or (
            (meetings is None or meetings.may_leave())
            and (patterns is None or patterns.close_editors())
        )
        if not pages_done:
            event.ignore()
            return
        editor = self.library_page.record.editor
        if self._closing or not editor.is_dirty():
            self.office.stop()
            self.save_layout()
            event.accept()
            return
        event.ignore()

        def close_now() -> None:
            # Closing again from inside this event would be ignored by Qt; close
            # once the question is answered and the event has returned.
            self._closing = True
            QTimer.singleShot(0, self.close)

        editor.request_close(close_now)
