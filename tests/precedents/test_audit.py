"""The audit trail: every change is there with who, when and what; exports are masked."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from precedents.cli import main
from precedents.errors import PrecedentError
from precedents.interchange.audit_file import export_audit
from precedents.interchange.exporter import export_file
from precedents.interchange.importer import import_file
from precedents.interchange.jsonl import dumps
from precedents.library import Library
from precedents.models import utcnow
from precedents.record import PrecedentRecord, Status
from precedents.store import audit
from precedents.store.audit import AuditFilter, count_events, list_events, record_unmasked_view
from precedents.store.precedents import create_record, delete_record, set_status, update_record
from precedents.store.vocabulary import save_term
from precedents.vocabulary import Term
from tests.precedents.conftest import make_record

SECRETS = ("王建国", "350211194805123218", "13912345678")


def _busy_day(library: Library, record: PrecedentRecord, tmp_path: Path) -> None:
    """One of everything the audit trail must record."""
    with library.sessions.begin() as session:
        create_record(session, record, actor="甲")
    edited = record.copy(title="改过的标题")
    edited.persons[0].phone = "13800001111"
    with library.sessions.begin() as session:
        update_record(session, edited, actor="乙", expected_version=1)
        set_status(session, record.code, Status.UNDER_REVIEW, actor="乙", note="提交研判")
        record_unmasked_view(session, "丙", record.code, via="desktop", reason="核对身份")
        save_term(session, Term(kind="tag", label="新标签", synonyms=("新签",)), actor="管理员")
    source = tmp_path / "in.jsonl"
    source.write_text(dumps(make_record("AUD-2")) + "\n", "utf-8")
    with library.sessions.begin() as session:
        import_file(session, source, library.vocabulary(), actor="导入员")
        export_file(session, tmp_path / "out.jsonl", actor="丁", masked=False, reason="移交档案馆")
        delete_record(session, "AUD-2", actor="甲")
    library.settings.db_url = "postgresql+psycopg://office:secret@server/precedents"
    library.save_settings()


def test_every_kind_of_change_is_recorded_with_who_and_when(
    any_library: Library, record: PrecedentRecord, tmp_path: Path
) -> None:
    before = utcnow()
    _busy_day(any_library, record, tmp_path)
    with any_library.session() as session:
        events = list(reversed(list_events(session)))
    assert [(e.action, e.actor) for e in events] == [
        ("create", "甲"),
        ("update", "乙"),
        ("status", "乙"),
        ("view.unmasked", "丙"),
        ("vocabulary.create", "管理员"),
        ("import.create", "导入员"),
        ("import", "导入员"),
        ("export.unmasked", "丁"),
        ("delete", "甲"),
        ("settings.update", "测试员"),
    ]
    assert all(e.at >= before - dt.timedelta(seconds=1) for e in events)
    update = events[1].details
    changes = {c["field"]: c for c in update["changes"]}
    assert changes["title"] == {
        "field": "title",
        "old": record.title,
        "new": "改过的标题",
        "personal": False,
    }
    assert changes["persons"]["personal"] is True
    assert update["version"] == 2
    assert events[3].reason == "核对身份" and events[7].reason == "移交档案馆"
    (setting,) = events[-1].details["changes"]
    assert setting["field"] == "db_url" and "secret" not in json.dumps(setting)
    assert setting["new"] == "postgresql+psycopg://office:***@server/precedents"


def test_filters(any_library: Library, record: PrecedentRecord, tmp_path: Path) -> None:
    _busy_day(any_library, record, tmp_path)
    with any_library.session() as session:
        assert {e.action for e in list_events(session, action="import")} == {
            "import",
            "import.create",
        }
        assert {e.action for e in list_events(session, action="IMPORT")} == set()
        assert [e.action for e in list_events(session, code="AUD-2")] == [
            "delete",
            "import.create",
        ]
        assert {e.actor for e in list_events(session, actor="乙")} == {"乙"}
        assert list_events(session, since=utcnow() + dt.timedelta(hours=1)) == []
        assert len(list_events(session, until=utcnow() + dt.timedelta(hours=1))) == 10
        assert {e.entity for e in list_events(session, entity="vocabulary")} == {"vocabulary"}
        first_page = list_events(session, limit=4)
        second_page = list_events(session, limit=4, before_id=first_page[-1].id)
        assert [e.id for e in first_page + second_page] == [e.id for e in list_events(session)][:8]
        assert count_events(session, AuditFilter(action="import")) == 2


def test_the_program_offers_no_way_to_change_an_entry() -> None:
    public = [name for name in dir(audit) if not name.startswith("_")]
    assert not [n for n in public if any(w in n for w in ("update", "delete", "edit", "remove"))]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_is_masked_by_default_and_itself_audited(
    any_library: Library, record: PrecedentRecord, tmp_path: Path, suffix: str
) -> None:
    _busy_day(any_library, record, tmp_path)
    target = tmp_path / f"audit{suffix}"
    with any_library.sessions.begin() as session:
        result = export_audit(session, target, actor="审计员")
    rows = _rows(target)
    assert result.count == 10 and result.masked
    text = json.dumps(rows, ensure_ascii=False)
    assert not [s for s in SECRETS if s in text]
    assert "王某" in text and "改过的标题" in text
    title_row = next(r for r in rows[1:] if r[6] == "标题")
    assert (title_row[2], title_row[3], title_row[7], title_row[8]) == (
        "乙",
        "修改",
        record.title.replace("王建国", "王某"),
        "改过的标题",
    )
    persons_row = next(r for r in rows[1:] if r[6] == "当事人")
    assert persons_row[9] == "是"
    with any_library.session() as session:
        (event,) = list_events(session, action="audit.export")
    assert event.actor == "审计员" and event.details["count"] == 10


def test_unmasked_export_needs_a_reason_and_is_recorded(
    any_library: Library, record: PrecedentRecord, tmp_path: Path
) -> None:
    _busy_day(any_library, record, tmp_path)
    target = tmp_path / "audit.csv"
    with pytest.raises(PrecedentError), any_library.sessions.begin() as session:
        export_audit(session, target, actor="审计员", masked=False)
    assert not target.exists()
    with any_library.sessions.begin() as session:
        export_audit(
            session,
            target,
            actor="审计员",
            masked=False,
            reason="纪检调查",
            where=AuditFilter(code=record.code),
        )
    assert "350211194805123218" in target.read_text("utf-8-sig")
    with any_library.session() as session:
        (event,) = list_events(session, action="audit.export.unmasked")
    assert event.reason == "纪检调查" and event.details["filter"] == {"code": record.code}


def test_spreadsheets_never_run_text_as_a_formula(library: Library, tmp_path: Path) -> None:
    with library.sessions.begin() as session:
        create_record(session, make_record("F-1", title='=HYPERLINK("http://x")'), actor="甲")
        update_record(session, make_record("F-1", title="+1"), actor="甲")
    for suffix in (".csv", ".xlsx"):
        target = tmp_path / f"audit{suffix}"
        with library.sessions.begin() as session:
            export_audit(session, target, actor="甲")
        (row,) = [r for r in _rows(target) if r[6] == "标题"]
        assert row[7].lstrip("'") == '=HYPERLINK("http://x")' and row[8].lstrip("'") == "+1"
    book = load_workbook(tmp_path / "audit.xlsx")
    assert all(c.data_type == "s" for r in book.active.iter_rows(min_row=2) for c in r if c.value)


def test_cli_lists_and_exports(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = str(tmp_path / "data")
    source = tmp_path / "in.jsonl"
    source.write_text(dumps(make_record("CLI-1")) + "\n", "utf-8")
    assert main(["--data-dir", data, "--user", "甲", "import", str(source)]) == 0
    assert (
        main(
            ["--data-dir", data, "--user", "乙", "show", "CLI-1", "--unmasked", "--reason", "核对"]
        )
        == 0
    )
    capsys.readouterr()
    assert main(["--data-dir", data, "audit"]) == 0
    out = capsys.readouterr().out
    assert "查看未脱敏信息 CLI-1" in out and "理由：核对" in out and "导入新建" in out
    assert main(["--data-dir", data, "audit", "--json", "--action", "import"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [e["action"] for e in listed] == ["import", "import.create"]
    target = tmp_path / "audit.xlsx"
    assert main(["--data-dir", data, "audit", "--export", str(target), "--unmasked"]) == 1
    assert "理由" in capsys.readouterr().err
    assert main(["--data-dir", data, "audit", "--export", str(target)]) == 0
    assert "个人信息已脱敏" in capsys.readouterr().out and target.is_file()


def _rows(path: Path) -> list[list[str]]:
    if path.suffix == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return [list(r) for r in csv.reader(handle)]
    sheet = load_workbook(path).active
    return [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
