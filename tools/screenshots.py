"""Screenshots of the desktop's main screens, on the demo precedents, for the docs.

    python tools/screenshots.py [--out docs/screenshots]

Runs offscreen in a temporary data folder (the user's data and preferences are
not touched), in Chinese, with the platform's CJK font (on Linux install
``fonts-noto-cjk``). Writes library.png, library-search.png, editor.png,
meetings.png, meetings-projector.png, meetings-decision.png, meetings-record.png,
patterns.png, patterns-draft.png, patterns-registry.png, import-report.png, settings.png,
merge.png (the merge view after a refused save) and audit.png (the audit trail viewer);
the statistics screen's (statistics*.png) come from ``tools/statistics_screenshots.py``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SIZE = (1440, 900)


def wait(condition: Callable[[], bool], seconds: float = 30.0) -> None:
    from PySide6.QtCore import QCoreApplication

    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit("timed out waiting for the window")
        QCoreApplication.processEvents()
        time.sleep(0.01)


def _pump(seconds: float) -> None:
    from PySide6.QtCore import QCoreApplication

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.01)


def type_text(widget: object, text: str) -> None:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QInputMethodEvent

    for start in range(0, len(text), 2):
        event = QInputMethodEvent()
        event.setCommitString(text[start : start + 2])
        QCoreApplication.sendEvent(widget, event)  # type: ignore[arg-type]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["PRECEDENTS_DATA_DIR"] = str(Path(tmp) / "data")
        from PySide6.QtCore import QSettings

        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        shoot(args.out)


def shoot(out: Path) -> None:
    from desktop.app import create_application, load_demo_if_empty, open_library, parse_args
    from desktop.main_window import MainWindow
    from desktop.prefs import Prefs
    from desktop.search_adapter import SearchAdapter
    from desktop.tasks import TaskManager
    from tools.statistics_screenshots import shoot_statistics

    app = create_application(["precedent-desk"], "zh_CN")
    prefs = Prefs()
    library = open_library(parse_args([]), prefs)
    library.settings.officer_name = "林晓"
    library.actor = "林晓"
    load_demo_if_empty(library)
    tasks = TaskManager(app)
    adapter = SearchAdapter(library)
    window = MainWindow(library, adapter, tasks, prefs)
    window.resize(*SIZE)
    window.show()
    window.start()
    page = window.library_page
    wait(lambda: page.search.last_results is not None)

    def save(name: str, widget: object = window) -> None:
        _pump(0.4)
        widget.grab().save(str(out / name))  # type: ignore[attr-defined]
        print("wrote", out / name)

    library_views(page, save)
    editor_view(window, page, save)
    meeting_views(window, library, save)
    patterns_views(window, save)
    shoot_statistics(window, save, wait, Path(os.environ["PRECEDENTS_DATA_DIR"]).parent, out)
    window.show_page(0)
    dialogs(window, library, adapter, prefs, save)
    office_views(window, library, tasks, save)
    window._closing = True
    window.close()
    tasks.shutdown()
    adapter.close()
    library.close()


def library_views(page: object, save: Callable[..., None]) -> None:
    codes = page.results.codes()  # type: ignore[attr-defined]
    page.select_code(codes[0])  # type: ignore[attr-defined]
    wait(lambda: page.record.similar.model.rowCount() > 0)  # type: ignore[attr-defined]
    save("library.png")
    type_text(page.search_box, "老人 照护")  # type: ignore[attr-defined]
    wait(lambda: page.search.last_results.query.text == "老人 照护")  # type: ignore[attr-defined]
    group = page.facets.index(0, 0)  # type: ignore[attr-defined]
    page.facet_view.toggle(page.facets.index(0, 0, group))  # type: ignore[attr-defined]
    wait(lambda: bool(page.search.last_results.query.filters))  # type: ignore[attr-defined]
    first = page.results.codes()[0]  # type: ignore[attr-defined]
    page.select_code(first)  # type: ignore[attr-defined]
    wait(lambda: page.record.detail.code == first)  # type: ignore[attr-defined]
    save("library-search.png")
    page.clear_search()  # type: ignore[attr-defined]
    wait(lambda: page.search.last_results.query.is_empty)  # type: ignore[attr-defined]


def editor_view(window: object, page: object, save: Callable[..., None]) -> None:
    record = page.record  # type: ignore[attr-defined]
    record.new_matter()
    wait(lambda: record.editing)
    form = record.editor.form
    form.widgets["code"].setText("JM-2025-031")
    form.widgets["filed_on"].setText("2025-13-02")
    form.widgets["title"].setText("独居高龄老人跌倒后失能，子女均在外地")
    form.widgets["district"].setCurrentText("集美区")
    form.widgets["street"].setText("杏林街道")
    form.widgets["level"].setCurrentText("镇街")
    form.widgets["discovery"].setCurrentText("网格员走访")
    form.widgets["household_size"].setText("1")
    form.widgets["monthly_income"].setText("1,850元")
    for term in ("高龄", "失能", "无人照护"):
        form.widgets["hardships"].add(term)
    form.widgets["barriers"].add("有法定赡养人")
    form.widgets["situation"].setPlainText(
        "陈某某，86岁，丧偶独居。上月在家中跌倒致股骨骨折，出院后生活不能自理，"
        "两个儿子均在外省工作，每月寄回生活费。网格员走访时发现老人无人照料。"
    )
    form.persons.set_rows(
        [{"name": "陈某某", "relation": "本人", "id_number": "350211193805123219", "phone": ""}]
    )
    form.touched.update({"persons", "code", "title", "monthly_income", "filed_on"})
    record.editor.run_validation()
    wait(lambda: record.similar.model.rowCount() > 0)
    save("editor.png")
    from desktop.dialogs.questions import Unsaved, UnsavedChanges

    UnsavedChanges.ask = classmethod(lambda cls, parent, title: Unsaved.DISCARD)  # type: ignore[method-assign,assignment]
    record.editor.request_close(lambda: None)


def meeting_views(window: object, library: object, save: Callable[..., None]) -> None:
    """A village meeting under way on a new matter taken from the library (提交研判), then
    the same on the projector; the person's name is masked on the screen."""
    import datetime as dt

    from desktop.operations import save_new
    from precedents.meetings.model import (
        Opinion,
        Outcome,
        Participant,
        Reference,
        ReferenceMode,
        Role,
        Stance,
    )
    from precedents.record import Person, PrecedentRecord

    matter = PrecedentRecord(
        code="JM-2025-031",
        title="独居高龄老人跌倒后失能，子女均在外地",
        district="集美区",
        street="杏林街道",
        filed_on=dt.date(2025, 3, 2),
        level="村居",
        discovery="网格员走访",
        hardships=["高龄", "失能", "无人照护"],
        barriers=["有法定赡养人"],
        household_size=1,
        situation=(
            "陈国平，86岁，丧偶独居。上月在家中跌倒致股骨骨折，出院后生活不能自理，"
            "两个儿子均在外省工作，每月寄回生活费。网格员走访时发现老人无人照料。"
        ),
        persons=[Person(name="陈国平", relation="本人", phone="13912345678")],
    )
    save_new(library, matter)  # type: ignore[arg-type]
    page = window.meeting_page  # type: ignore[attr-defined]
    window.take_to_meeting(matter.code)  # type: ignore[attr-defined]
    wait(lambda: page.code == matter.code and page.references.rowCount() > 0)
    form = page.form
    form.place.setText("杏林村委会二楼会议室")
    form.chair.setText("李主任")
    form.recorder.setText("林晓")
    form.participants.set_rows(
        [
            Participant("李主任", "村委会"),
            Participant("张网格员", "网格站"),
            Participant("王医生", "村卫生所", Role.ATTENDING),
            Participant("赵委员", "村委会", Role.ABSENT),
        ]
    )
    form.opinions.set_rows(
        [
            Opinion("张网格员", "老人夜间无人照料，跌倒风险高，建议先上门照护。", "网格站"),
            Opinion("赵委员", "有两个儿子，应先督促履行赡养义务。", "村委会", Stance.DISSENT),
            Opinion("李主任", "村里无资金渠道，照护服务须提交镇街研判。", "村委会"),
        ]
    )
    codes = page.references.codes()
    page.references.set_references(
        [Reference(codes[0], ReferenceMode.FOLLOWED), Reference(codes[1], ReferenceMode.CONSULTED)]
    )
    form.setCurrentIndex(1)
    save("meetings.png")
    page.set_projector(True)
    save("meetings-projector.png")
    page.set_projector(False)
    form.set_outcome(Outcome.DECIDED)
    form.decision.setPlainText("纳入居家上门照护，由镇街购买服务；给予临时救助用于安装扶手。")
    form.measures.set_rows(
        [
            {
                "type": "照护服务",
                "amount": "",
                "note": "每周上门3次",
                "department": "杏林街道",
                "deadline": "2025-04-30",
            },
            {
                "type": "临时救助",
                "amount": "3000",
                "note": "安装扶手、助行器",
                "department": "杏林街道",
                "deadline": "2025-03-31",
            },
        ]
    )
    form.consistency.setPlainText("老人骨折后完全失能，照护需求高于相近先例。")
    form.setCurrentIndex(2)
    page.notes.keep()  # the notes as typed, kept in the data folder (the state line says so)
    save("meetings-decision.png")
    form.setCurrentIndex(0)
    save("meetings-record.png")


def patterns_views(window: object, save: Callable[..., None]) -> None:
    """The patterns screen on the demo precedents, a draft being written, the registry."""
    window.show_page(2)  # type: ignore[attr-defined]
    page = window.patterns_page  # type: ignore[attr-defined]
    wait(lambda: page.overview is not None and page.busy is None)
    page.details.cases_view.selectRow(1)
    save("patterns.png")
    page.open_draft()
    wait(lambda: bool(page.editors))
    editor = next(iter(page.editors.values()))
    editor.resize(*SIZE)
    save("patterns-draft.png", editor)
    editor.close()
    adopt_one(page)
    page.tabs.setCurrentWidget(page.registry)
    wait(lambda: page.registry.model.rowCount() > 1)
    save("patterns-registry.png")
    page.tabs.setCurrentIndex(0)


def adopt_one(page: object) -> None:
    """A second pattern's policy drafted, consulted on and in force, for the registry."""
    import datetime as dt

    from desktop.patterns import operations as ops

    library = page.library  # type: ignore[attr-defined]
    pattern = page.overview.patterns[1]  # type: ignore[attr-defined]
    policy = ops.open_draft(library, pattern)
    ops.consult(library, policy.id)
    ops.adopt(library, policy.id, "厦民规〔2025〕3号", dt.date(2025, 7, 1))
    page.refresh_registry()  # type: ignore[attr-defined]


def dialogs(
    window: object, library: object, adapter: object, prefs: object, save: Callable[..., None]
) -> None:
    from desktop.dialogs.import_report import ImportReportDialog
    from desktop.dialogs.settings_dialog import SettingsDialog
    from precedents.interchange.importer import Rejected
    from precedents.validation import Issue

    rejected = [
        Rejected(
            12, [Issue("filed_on", "日期应为 YYYY-MM-DD", line=12, field_label="提出日期")], {}
        ),
        Rejected(
            27,
            [
                Issue("hardships", "未知的困难情形「大病救助」", line=27, field_label="困难情形"),
                Issue(
                    "persons[1].id_number",
                    "身份证号码校验位不正确，请核对",
                    "warning",
                    line=27,
                    field_label="人员[1].身份证号",
                ),
            ],
            {},
        ),
        Rejected(40, [Issue("situation", "不能为空", line=40, field_label="基本情况")], {}),
    ]
    issues = [issue for r in rejected for issue in r.issues]
    report = ImportReportDialog(
        window,  # type: ignore[arg-type]
        "导入：发现错误",
        "2024年台账.xlsx：3 条记录有错误，无法导入；57 条记录正确。",
        issues,
    )
    report.buttons.addButton("导入正确的 57 条记录", report.buttons.ButtonRole.AcceptRole)
    report.buttons.addButton("全部不导入", report.buttons.ButtonRole.RejectRole)
    report.show()
    save("import-report.png", report)
    report.close()
    settings = SettingsDialog(window, library, adapter, prefs)  # type: ignore[arg-type]
    settings.tabs.setCurrentIndex(3)
    settings.show()
    save("settings.png", settings)
    settings.close()


def office_views(window: object, library: object, tasks: object, save: Callable[..., None]) -> None:
    """The merge view of two officers' edits, and the audit trail after a few changes."""
    import datetime as dt

    from desktop.office.audit_viewer import AuditViewer
    from desktop.office.merge_dialog import MergeDialog
    from precedents.store.precedents import get_record, update_record

    code = window.library_page.results.codes()[0]  # type: ignore[attr-defined]
    with library.sessions.begin() as session:  # type: ignore[attr-defined]
        base = get_record(session, code)
        theirs, _ = update_record(
            session,
            base.copy(
                situation=base.situation + "2024年3月起由街道安排网格员每周上门探访一次。",
                decision=base.decision + "同步落实临时救助5000元。",
                tags=[*base.tags, "跟踪回访"],
            ),
            actor="王芳",
            expected_version=base.meta.version,
        )
    theirs.meta.updated_at = dt.datetime(2025, 3, 12, 15, 42)
    mine = base.copy(
        title=base.title + "（复核）",
        decision=base.decision + "由区民政局牵头，每半年复核一次。",
        household_size=(base.household_size or 1) + 1,
    )
    merge = MergeDialog(window, mine, theirs, base)  # type: ignore[arg-type]
    merge.resize(1200, 720)
    merge.show()
    save("merge.png", merge)
    merge.close()
    viewer = AuditViewer.open_for(window, library, tasks)  # type: ignore[arg-type]
    viewer.resize(1320, 780)
    wait(lambda: viewer.model.rowCount() > 0 and not viewer.loading)
    viewer.view.selectRow(0)
    save("audit.png", viewer)
    viewer.close()


if __name__ == "__main__":
    main()
