"""The log files never hold personal data, whatever the program did or failed to do."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError

from precedents.cli import main
from precedents.interchange.jsonl import dumps, record_to_dict
from precedents.library import Library
from precedents.logs import LOG_FILE, configure_logging
from precedents.models import PersonRow
from tests.precedents.conftest import make_record

NAME, ID_NUMBER, PHONE = "王建国", "350211194805123218", "13912345678"


@pytest.fixture
def logs(tmp_path: Path) -> Path:
    """Where the commands log; the root logger is put back as it was afterwards."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield tmp_path / "data" / "logs"
    for handler in root.handlers[:]:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def _log_text(folder: Path) -> str:
    return "".join(p.read_text("utf-8") for p in folder.glob(LOG_FILE + "*"))


def test_commands_and_their_failures_log_no_personal_data(
    logs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(tmp_path / "data")
    good = tmp_path / "good.jsonl"
    good.write_text(dumps(make_record("LOG-1")) + "\n", "utf-8")
    bad = record_to_dict(make_record("LOG-2"))
    bad["persons"][0]["id_number"] = ID_NUMBER[:-1] + "0"  # wrong check digit: a warning
    bad["filed_on"] = "去年"  # an error
    broken = tmp_path / "bad.jsonl"
    broken.write_text(
        dumps(make_record("LOG-3")) + "\n" + str(bad).replace("'", '"') + "\n", "utf-8"
    )
    commands = [
        ["import", str(good)],
        ["import", str(broken)],
        ["import", str(broken), "--skip-invalid", "--rejects", str(tmp_path / "rej.jsonl")],
        ["show", "LOG-1", "--unmasked", "--reason", f"核对{NAME}"],
        ["export", str(tmp_path / "out.jsonl"), "--reason", "移交"],
        ["export", str(tmp_path / "out.xlsx"), "--masked"],
        ["audit", "--export", str(tmp_path / "audit.csv"), "--unmasked", "--reason", "调查"],
        ["backup", str(tmp_path / "b.zip")],
        ["check"],
        ["show", NAME],
    ]
    for command in commands:
        main(["--data-dir", data, "--user", "经办人", *command])
    capsys.readouterr()
    text = _log_text(logs)
    assert text  # the commands did log
    for secret in (NAME, ID_NUMBER, PHONE):
        assert secret not in text


def test_a_database_error_about_personal_data_is_logged_without_it(
    logs: Path, tmp_path: Path
) -> None:
    configure_logging(logs)
    library = Library.open(tmp_path / "data")
    try:
        with library.sessions.begin() as session:
            session.add(
                PersonRow(precedent_id=999, position=0, name=NAME, id_number=ID_NUMBER, phone=PHONE)
            )
    except IntegrityError as exc:
        assert NAME not in str(exc) and ID_NUMBER not in str(exc)
        logging.getLogger("precedents.test").exception("could not save %s", PHONE)
    library.close()
    try:
        raise ValueError(f"bad value {ID_NUMBER} {PHONE}")
    except ValueError:
        logging.getLogger("precedents.test").exception("failed")
    text = _log_text(logs)
    assert "IntegrityError" in text and "ValueError" in text
    for secret in (NAME, ID_NUMBER, PHONE):
        assert secret not in text
