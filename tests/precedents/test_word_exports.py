"""Minutes and review forms from a recorded meeting, through the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from precedents.cli import main
from precedents.documents.checks import document_text, export_problems
from precedents.library import Library
from precedents.meetings.service import save_review
from precedents.store.audit import list_events
from precedents.store.precedents import create_record
from tests.precedents.conftest import make_record
from tests.precedents.test_meetings import _decision, _escalation

SECRETS = ("王建国", "建国", "350211194805123218", "13912345678")


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    library = Library.open(folder, actor="甲")
    record = make_record("NEW-1", decided_on=None, decision="", measures=[], level="村居")
    record.situation += "王建国住后溪镇岩内村128号。"
    with library.sessions.begin() as session:
        create_record(session, record, actor="甲")
        save_review(session, "NEW-1", _escalation(), actor="甲")
        save_review(session, "NEW-1", _decision(), actor="甲")
    library.close()
    return folder


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out + err


@pytest.mark.parametrize("command", ["minutes", "review-form"])
def test_masked_by_default_and_sound(
    capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path, command: str
) -> None:
    out = tmp_path / f"{command}.docx"
    code, text = _run(capsys, "--data-dir", str(data), command, "NEW-1", "--out", str(out))
    assert code == 0, text
    assert export_problems(out, SECRETS, native_grid=False) == []
    body = document_text(out)
    assert "王某" in body and "岩内村" not in body
    if command == "minutes":
        for label in ("出席：区民政局陈某", "列席：区财政局周某", "不同意", "特困集中供养"):
            assert label in body
        assert "陈某主持召开一事一议专题会议（区级研判）" in body
    else:
        assert "镇街" in body and "区" in body


def test_unmasked_export_needs_a_reason_and_is_audited(
    capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path
) -> None:
    out = tmp_path / "m.docx"
    code, text = _run(
        capsys, "--data-dir", str(data), "minutes", "NEW-1", "--out", str(out), "--unmasked"
    )
    assert code == 1 and "理由" in text and not out.exists()
    code, _ = _run(
        capsys,
        "--data-dir",
        str(data),
        "minutes",
        "NEW-1",
        "--out",
        str(out),
        "--unmasked",
        "--reason",
        "报送市级存档",
    )
    assert code == 0 and "王建国" in document_text(out)
    library = Library.open(data)
    with library.session() as session:
        (event,) = list_events(session, action="export.unmasked")
    library.close()
    assert event.reason == "报送市级存档" and event.details["kind"] == "minutes"


def test_minutes_of_a_matter_without_reviews(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "d"
    library = Library.open(folder)
    with library.sessions.begin() as session:
        create_record(session, make_record("X-1"), actor="甲")
    library.close()
    code, text = _run(
        capsys, "--data-dir", str(folder), "minutes", "X-1", "--out", str(tmp_path / "m.docx")
    )
    assert code == 1 and "还没有研判记录" in text


def test_existing_file_and_wrong_suffix(
    capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path
) -> None:
    out = tmp_path / "m.docx"
    out.write_bytes(b"x")
    assert _run(capsys, "--data-dir", str(data), "minutes", "NEW-1", "--out", str(out))[0] == 1
    code, text = _run(
        capsys, "--data-dir", str(data), "minutes", "NEW-1", "--out", str(tmp_path / "m.pdf")
    )
    assert code == 1 and ".docx" in text
