"""JSON Lines and Excel: round trips, all-or-nothing imports, every bad-file path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from precedents.errors import ImportFailed
from precedents.interchange.exporter import export_file
from precedents.interchange.importer import import_file
from precedents.interchange.jsonl import dumps, record_to_dict
from precedents.library import Library
from precedents.store.precedents import count_records, get_record, iter_records
from tests.precedents.conftest import make_record


def write_lines(path: Path, objects: list[object]) -> Path:
    path.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objects), "utf-8")
    return path


def sample(n: int = 3) -> list[dict[str, object]]:
    return [record_to_dict(make_record(f"T-JM-2024-{i:03d}")) for i in range(1, n + 1)]


def do_import(library: Library, path: Path, **kw: object) -> object:
    with library.sessions.begin() as session:
        return import_file(session, path, library.vocabulary(), actor="测试员", **kw)  # type: ignore[arg-type]


def do_export(library: Library, path: Path, masked: bool = False) -> Path:
    with library.sessions.begin() as session:
        export_file(session, path, actor="测试员", masked=masked, reason="" if masked else "测试")
    return path


def test_import_counts_created_updated_unchanged(library: Library, tmp_path: Path) -> None:
    objects = sample(3)
    source = write_lines(tmp_path / "a.jsonl", objects)
    assert do_import(library, source).summary() == "新建 3 条，更新 0 条，未变 0 条"  # type: ignore[attr-defined]
    objects[1]["title"] = "更新后的标题"
    write_lines(source, objects)
    assert do_import(library, source).summary() == "新建 0 条，更新 1 条，未变 2 条"  # type: ignore[attr-defined]
    with library.session() as session:
        assert get_record(session, "T-JM-2024-002").title == "更新后的标题"


def test_one_bad_line_imports_nothing_and_names_it(library: Library, tmp_path: Path) -> None:
    objects = sample(3)
    objects[1]["filed_on"] = "2023/05/10"
    source = write_lines(tmp_path / "bad.jsonl", objects)
    with pytest.raises(ImportFailed) as info:
        do_import(library, source)
    assert [str(i) for i in info.value.issues] == ["第2行 filed_on：日期应为 YYYY-MM-DD"]
    assert "bad.jsonl" in info.value.message and "未导入任何记录" in info.value.message
    with library.session() as session:
        assert count_records(session) == 0


def test_skip_invalid_imports_the_rest_and_writes_rejects(library: Library, tmp_path: Path) -> None:
    objects = sample(3)
    objects[2]["measures"] = [{"type": "临时救助", "amount": -1, "note": ""}]
    source = write_lines(tmp_path / "mixed.jsonl", objects)
    rejects = tmp_path / "rejects.jsonl"
    report = do_import(library, source, skip_invalid=True, rejects_path=rejects)
    assert report.created == 2 and len(report.rejected) == 1  # type: ignore[attr-defined]
    (entry,) = [json.loads(line) for line in rejects.read_text("utf-8").splitlines()]
    assert entry["line"] == 3
    assert entry["reasons"] == ["第3行 measures[1].amount：金额不能为负数"]
    assert entry["record"]["code"] == "T-JM-2024-003"


def test_truncated_file(library: Library, tmp_path: Path) -> None:
    text = "".join(dumps(make_record(f"T-JM-2024-{i:03d}")) + "\n" for i in (1, 2))
    source = tmp_path / "cut.jsonl"
    source.write_text(text[:-40], "utf-8")
    with pytest.raises(ImportFailed) as info:
        do_import(library, source)
    (issue,) = info.value.issues
    assert issue.line == 2 and "截断" in issue.message


def test_gbk_file_is_named_as_such(library: Library, tmp_path: Path) -> None:
    source = tmp_path / "gbk.jsonl"
    source.write_bytes((dumps(make_record()) + "\n").encode("gbk"))
    with pytest.raises(ImportFailed) as info:
        do_import(library, source)
    (issue,) = info.value.issues
    assert issue.line == 1 and "GBK" in issue.message


def test_utf8_bom_and_blank_lines_are_accepted(library: Library, tmp_path: Path) -> None:
    source = tmp_path / "bom.jsonl"
    source.write_bytes(b"\xef\xbb\xbf" + (dumps(make_record()) + "\n\n").encode("utf-8"))
    assert do_import(library, source).created == 1  # type: ignore[attr-defined]


def test_duplicate_codes_in_one_file(library: Library, tmp_path: Path) -> None:
    objects = sample(2) + sample(1)
    source = write_lines(tmp_path / "dup.jsonl", objects)
    with pytest.raises(ImportFailed) as info:
        do_import(library, source)
    assert [str(i) for i in info.value.issues] == ["第3行 code：与第1行的案例编号重复"]


def test_unknown_vocabulary_future_date_negative_amount(library: Library, tmp_path: Path) -> None:
    objects = sample(3)
    objects[0]["barriers"] = ["收入太高"]
    objects[1]["filed_on"] = "2099-01-01"
    objects[2]["monthly_income"] = -300
    source = write_lines(tmp_path / "bad.jsonl", objects)
    with pytest.raises(ImportFailed) as info:
        do_import(library, source)
    messages = [str(i) for i in info.value.issues]
    assert messages[0] == "第1行 barriers：未知的政策障碍「收入太高」"
    assert messages[1].startswith("第2行 filed_on：日期不能晚于今天")
    assert messages[2] == "第3行 monthly_income：家庭月收入不能为负数"


def test_empty_missing_and_unsupported_files(library: Library, tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n", "utf-8")
    for path, code in (
        (empty, "import.empty"),
        (tmp_path / "none.jsonl", "file.not_found"),
        (tmp_path / "a.csv", "import.unsupported"),
    ):
        if path.suffix == ".csv":
            path.write_text("x", "utf-8")
        with pytest.raises(ImportFailed) as info:
            do_import(library, path)
        assert info.value.code == code


def test_broken_workbook_is_reported(library: Library, tmp_path: Path) -> None:
    source = tmp_path / "broken.xlsx"
    source.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(ImportFailed) as info:
        do_import(library, source)
    assert info.value.code == "import.unreadable" and "broken.xlsx" in info.value.message


def test_jsonl_export_import_export_is_byte_identical(library: Library, tmp_path: Path) -> None:
    records = [make_record(f"T-JM-2024-{i:03d}") for i in range(1, 4)]
    records[0].extra = {"source_system": "区台账", "score": 1.5}
    records[1].street = None
    write_lines(tmp_path / "in.jsonl", [record_to_dict(r) for r in records])
    do_import(library, tmp_path / "in.jsonl")
    first = do_export(library, tmp_path / "first.jsonl")
    other = Library.open(tmp_path / "other", actor="乙")
    do_import(other, first)
    second = do_export(other, tmp_path / "second.jsonl")
    other.close()
    assert first.read_bytes() == second.read_bytes()


def _roundtrip(library: Library, source: Path, tmp_path: Path) -> None:
    do_import(library, source)
    with library.session() as session:
        originals = {r.code: r.content_key() for r in iter_records(session)}
    for suffix in (".jsonl", ".xlsx"):
        exported = do_export(library, tmp_path / f"out{suffix}")
        other = Library.open(tmp_path / f"other{suffix}", actor="乙")
        report = do_import(other, exported)
        assert report.created == len(originals)  # type: ignore[attr-defined]
        with other.session() as session:
            assert {r.code: r.content_key() for r in iter_records(session)} == originals
        assert do_import(other, exported).unchanged == len(originals)  # type: ignore[attr-defined]
        other.close()


def test_roundtrip_of_demo_data(library: Library, tmp_path: Path) -> None:
    from precedents.demo import demo_path

    if not demo_path().is_file():
        pytest.skip("demo data not present")
    _roundtrip(library, demo_path(), tmp_path)


def test_roundtrip_of_dev_corpus(library: Library, tmp_path: Path, dev_corpus: Path) -> None:
    _roundtrip(library, dev_corpus, tmp_path)


def test_masked_export_contains_no_personal_data(library: Library, tmp_path: Path) -> None:
    record = make_record()
    write_lines(tmp_path / "in.jsonl", [record_to_dict(record)])
    do_import(library, tmp_path / "in.jsonl")
    for suffix in (".jsonl", ".xlsx"):
        out = do_export(library, tmp_path / f"masked{suffix}", masked=True)
        if suffix == ".xlsx":
            from openpyxl import load_workbook

            book = load_workbook(out, read_only=True)
            text = json.dumps(
                [list(r) for r in book.worksheets[0].iter_rows(values_only=True)],
                ensure_ascii=False,
            )
            book.close()
        else:
            text = out.read_text("utf-8")
        for secret in ("王建国", "建国", "350211194805123218", "13912345678"):
            assert secret not in text
        assert "王某" in text


def test_unmasked_export_needs_a_reason_and_is_audited(library: Library, tmp_path: Path) -> None:
    from precedents.errors import PrecedentError
    from precedents.store.audit import list_events

    with pytest.raises(PrecedentError), library.sessions.begin() as session:
        export_file(session, tmp_path / "x.jsonl", actor="甲", masked=False)
    assert not (tmp_path / "x.jsonl").exists()
    with library.sessions.begin() as session:
        export_file(session, tmp_path / "x.jsonl", actor="甲", masked=False, reason="移交区民政局")
    with library.session() as session:
        (event,) = list_events(session, action="export.unmasked")
    assert event.reason == "移交区民政局" and event.actor == "甲"


def test_excel_accepts_officer_input(library: Library, tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(
        [
            "案例编号",
            "标题",
            "区",
            "提出日期",
            "研判层级",
            "困难情形",
            "政策障碍",
            "救助措施",
            "措施备注",
            "基本情况",
            "当事人",
        ]
    )
    import datetime as dt

    sheet.append(
        [
            "X-1",
            "大病家庭",
            "思明区",
            dt.datetime(2024, 3, 1),
            "街道",
            "大病、支出型贫困",
            "",
            "临时救助:1.5万、最低生活保障",
            "一次性发放\n按月发放",
            "情况",
            "张三|本人||13912345678",
        ]
    )
    sheet.append(
        ["X-2", "第二条", "湖里区", "2024-13-01", "区", "", "", "临时救助:abc", "", "情况", ""]
    )
    source = tmp_path / "ledger.xlsx"
    book.save(source)
    with pytest.raises(ImportFailed) as info:
        do_import(library, source)
    messages = [str(i) for i in info.value.issues]
    assert "第3行 提出日期：日期不存在：2024-13-01" in messages
    assert any(m.startswith("第3行 救助措施[1].amount：金额应为数字") for m in messages)
    report = do_import(library, source, skip_invalid=True, rejects_path=tmp_path / "r.jsonl")
    assert report.created == 1  # type: ignore[attr-defined]
    with library.session() as session:
        record = get_record(session, "X-1")
    assert record.level == "镇街" and record.hardships == ["重病", "支出型贫困"]
    assert [(m.type, m.amount, m.note) for m in record.measures] == [
        ("临时救助", 15000, "一次性发放"),
        ("低保", None, "按月发放"),
    ]
    assert record.persons[0].phone == "13912345678"
