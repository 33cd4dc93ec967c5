"""Exporting the store to JSON Lines or an Excel ledger, masked or not.

Files are written to a temporary name beside the target and moved into place
only when complete, so a cancelled or failed export never leaves half a file.
Every export is recorded in the audit trail; an unmasked export must give a
reason, which is recorded with it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from precedents.anonymize import mask_record
from precedents.errors import PrecedentError
from precedents.interchange import excel, jsonl
from precedents.record import PrecedentRecord
from precedents.store.audit import record_event
from precedents.store.precedents import count_records, iter_records

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    count: int
    masked: bool


def _records(
    session: Session, codes: list[str] | None, masked: bool, progress: Progress | None
) -> Iterator[PrecedentRecord]:
    total = len(codes) if codes is not None else count_records(session)
    for done, record in enumerate(iter_records(session, codes), start=1):
        yield mask_record(record) if masked else record
        if progress is not None and (done % 100 == 0 or done == total):
            progress(done, total)


def export_file(
    session: Session,
    path: Path,
    *,
    actor: str,
    masked: bool = True,
    reason: str = "",
    codes: list[str] | None = None,
    progress: Progress | None = None,
) -> ExportResult:
    """Write all precedents (or those named) to `path`; .xlsx gives a ledger, else JSON Lines.

    Masked by default. An unmasked export needs a `reason`; it is audited.
    """
    if not masked and not reason.strip():
        raise PrecedentError("export.failed", reason="导出未脱敏的个人信息必须填写理由")
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.partial")
    records = _records(session, codes, masked, progress)
    try:
        if path.suffix.lower() == ".xlsx":
            count = excel.write_workbook(records, temp)
        else:
            with temp.open("w", encoding="utf-8", newline="\n") as out:
                count = jsonl.write_jsonl(records, out)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    record_event(
        session,
        actor,
        "export" if masked else "export.unmasked",
        details={"file": path.name, "count": count, "masked": masked},
        entity="file",
        reason=reason,
    )
    return ExportResult(path=path, count=count, masked=masked)
