"""Importing JSON Lines and Excel files into the store.

Reading and validating come first, over the whole file, so that the officer
gets every problem at once with its line and field. By default a file with any
bad record imports nothing; with ``skip_invalid`` the good records go in and the
rejected ones are written, with their reasons, to a rejects file. Writing
happens in the caller's transaction: one import, one commit, all or nothing.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from precedents.errors import ImportFailed
from precedents.interchange import excel, jsonl
from precedents.models import PrecedentRow
from precedents.record import PrecedentRecord, Status
from precedents.store.audit import record_event
from precedents.store.precedents import create_records, iter_records, set_status, update_record
from precedents.validation import Issue, parse_record
from precedents.vocabulary import Vocabulary

#: progress(done, total); total 0 means "not known yet". It may raise Cancelled.
Progress = Callable[[int, int], None]
SUPPORTED = (".jsonl", ".json", ".ndjson", ".xlsx")
#: Records written per round trip to the database.
CHUNK = 500


@dataclass(slots=True)
class Rejected:
    """A record that was not imported, with every reason."""

    line: int
    issues: list[Issue]
    raw: Any


@dataclass(slots=True)
class ParsedFile:
    path: Path
    records: list[tuple[int, PrecedentRecord]] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)

    @property
    def issues(self) -> list[Issue]:
        return [issue for r in self.rejected for issue in r.issues]


@dataclass(slots=True)
class ImportReport:
    """What an import did."""

    file: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[Rejected] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    rejects_file: str | None = None
    changed_codes: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged

    def summary(self) -> str:
        text = f"新建 {self.created} 条，更新 {self.updated} 条，未变 {self.unchanged} 条"
        if self.rejected:
            text += f"，跳过 {len(self.rejected)} 条有错误的记录"
        return text


def _source_rows(path: Path) -> Iterator[tuple[int, Any | None, list[Issue]]]:
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        yield from excel.read_workbook(path)
    else:
        for line, obj, issue in jsonl.read_lines(path):
            yield line, obj, [issue] if issue else []


@dataclass(frozen=True, slots=True)
class _Checked:
    line: int
    record: PrecedentRecord | None
    issues: list[Issue]
    raw: Any


def _check_rows(
    path: Path, vocab: Vocabulary, today: dt.date, progress: Progress | None
) -> Iterator[_Checked]:
    """Each row of the file, validated, duplicates of an earlier code rejected."""
    if not path.is_file():
        raise ImportFailed("file.not_found", path=str(path))
    if path.suffix.lower() not in SUPPORTED:
        raise ImportFailed("import.unsupported", file=path.name)
    is_excel = path.suffix.lower() == ".xlsx"
    seen: dict[str, int] = {}
    try:
        for count, (line, obj, issues) in enumerate(_source_rows(path), start=1):
            record: PrecedentRecord | None = None
            if obj is not None and not issues:
                record, issues = parse_record(obj, vocab, today=today, lenient_vocab=is_excel)
            if record is not None and record.code in seen:
                issues = [*issues, Issue("code", f"与第{seen[record.code]}行的案例编号重复")]
                record = None
            if record is not None:
                seen[record.code] = line
            yield _Checked(line, record, [_locate(i, line, is_excel) for i in issues], obj)
            if progress is not None and count % 200 == 0:
                progress(count, 0)
    except OSError as exc:
        raise ImportFailed("import.unreadable", file=path.name, reason=str(exc)) from exc
    except Exception as exc:  # openpyxl raises assorted errors for broken workbooks
        if isinstance(exc, ImportFailed) or type(exc).__name__ == "Cancelled":
            raise
        raise ImportFailed(
            "import.unreadable", file=path.name, reason=str(exc) or type(exc).__name__
        ) from exc


def _collect(
    path: Path,
    vocab: Vocabulary,
    today: dt.date | None,
    progress: Progress | None,
    keep_records: bool,
) -> tuple[ParsedFile, int]:
    parsed = ParsedFile(path=path)
    valid = 0
    for row in _check_rows(path, vocab, today or dt.date.today(), progress):
        if row.record is None:
            parsed.rejected.append(Rejected(line=row.line, issues=row.issues, raw=row.raw))
            continue
        valid += 1
        parsed.warnings.extend(row.issues)
        if keep_records:
            parsed.records.append((row.line, row.record))
    if not valid and not parsed.rejected:
        raise ImportFailed("import.empty", file=path.name)
    return parsed, valid


def parse_file(
    path: Path,
    vocab: Vocabulary,
    *,
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> ParsedFile:
    """Read and validate every record of a .jsonl or .xlsx file."""
    parsed, _valid = _collect(path, vocab, today, progress, keep_records=True)
    return parsed


def _locate(issue: Issue, line: int, is_excel: bool) -> Issue:
    label = ""
    if is_excel:
        base = issue.field.split("[", 1)[0].split(".", 1)[0]
        label = excel.FIELD_TO_HEADER.get(base, "")
        if label and issue.field != base:
            label += issue.field[len(base) :]
    return issue.located(line=line, field_label=label)


def write_rejects(parsed: ParsedFile, target: Path) -> Path:
    """One JSON line per rejected record: its line, its reasons, what was read."""
    with target.open("w", encoding="utf-8", newline="\n") as out:
        for rejected in parsed.rejected:
            entry = {
                "line": rejected.line,
                "reasons": [str(i) for i in rejected.issues],
                "record": rejected.raw,
            }
            out.write(json.dumps(entry, ensure_ascii=False, default=str))
            out.write("\n")
    return target


def _chunks(records: Iterable[PrecedentRecord], size: int) -> Iterator[list[PrecedentRecord]]:
    chunk: list[PrecedentRecord] = []
    for record in records:
        chunk.append(record)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def apply_records(
    session: Session,
    records: Iterable[PrecedentRecord],
    *,
    actor: str,
    report: ImportReport,
    progress: Progress | None = None,
    total: int = 0,
) -> None:
    """Create or update each record in the caller's transaction, counting what changed.

    `records` may be a stream: they are applied 500 at a time.
    """
    existing_codes = set(session.scalars(select(PrecedentRow.code)))
    done = 0
    for chunk in _chunks(records, CHUNK):
        stored = {
            r.code: r
            for r in iter_records(session, [r.code for r in chunk if r.code in existing_codes])
        }
        new = [record for record in chunk if record.code not in stored]
        if new:
            create_records(session, new, actor=actor, action="import.create")
            report.created += len(new)
            report.changed_codes.extend(record.code for record in new)
        for record in chunk:
            old = stored.get(record.code)
            if old is None:
                continue
            if old.content_key() == record.content_key():
                report.unchanged += 1
                continue
            _update_from_file(session, record, old, actor)
            report.updated += 1
            report.changed_codes.append(record.code)
        done += len(chunk)
        if progress is not None:
            progress(done, max(total, done))


def _update_from_file(
    session: Session, record: PrecedentRecord, old: PrecedentRecord, actor: str
) -> None:
    record.meta.id = old.meta.id
    # An import never moves a matter backwards; a decision arriving for a
    # draft makes it decided.
    status = old.status
    if status in (Status.DRAFT, Status.UNDER_REVIEW) and record.status == Status.DECIDED:
        status = Status.DECIDED
    record.meta.status = status
    # The stored version we compared against: an officer's save that lands
    # while the import runs makes the import fail whole, never overwritten.
    update_record(
        session,
        _keep_plan(record, old),
        actor=actor,
        expected_version=old.meta.version,
        action="import.update",
    )
    if status != old.status:
        set_status(session, record.code, status, actor=actor, note="导入带来处理结果")


def _keep_plan(record: PrecedentRecord, old: PrecedentRecord) -> PrecedentRecord:
    """Keep departments and deadlines the interchange format does not carry."""
    if [m.type for m in record.measures] == [m.type for m in old.measures]:
        for new_m, old_m in zip(record.measures, old.measures, strict=True):
            new_m.department, new_m.deadline = old_m.department, old_m.deadline
    return record


def _second_pass(
    path: Path, vocab: Vocabulary, today: dt.date, rejected_lines: set[int], valid: int
) -> Iterator[PrecedentRecord]:
    """The valid records again; a file changed since the first pass fails the import."""
    seen = 0
    for row in _check_rows(path, vocab, today, None):
        if (row.record is None) != (row.line in rejected_lines):
            raise ImportFailed("import.changed", file=path.name)
        if row.record is not None:
            seen += 1
            yield row.record
    if seen != valid:
        raise ImportFailed("import.changed", file=path.name)


def import_file(
    session: Session,
    path: Path,
    vocab: Vocabulary,
    *,
    actor: str,
    skip_invalid: bool = False,
    rejects_path: Path | None = None,
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Import one file in the caller's transaction (the caller commits).

    Raises `ImportFailed` listing every problem when the file has any bad
    record and `skip_invalid` is off: nothing is written then.
    """
    # Two passes over the file: the first checks everything and keeps only the
    # problems, the second applies the records as it reads them, so memory does
    # not grow with the size of the file.
    today = today or dt.date.today()
    parsed, valid = _collect(path, vocab, today, progress, keep_records=False)
    if parsed.rejected and not skip_invalid:
        issues = parsed.issues
        raise ImportFailed(
            "import.invalid",
            issues=issues,
            file=path.name,
            count=len(parsed.rejected),
            first=str(issues[0]) if issues else "",
        )
    report = ImportReport(file=path.name, rejected=parsed.rejected, warnings=parsed.warnings)
    if parsed.rejected:
        target = rejects_path or path.with_name(path.stem + ".rejects.jsonl")
        report.rejects_file = str(write_rejects(parsed, target))
    rejected_lines = {r.line for r in parsed.rejected}
    apply_records(
        session,
        _second_pass(path, vocab, today, rejected_lines, valid),
        actor=actor,
        report=report,
        progress=progress,
        total=valid,
    )
    record_event(
        session,
        actor,
        "import",
        details={
            "file": path.name,
            "created": report.created,
            "updated": report.updated,
            "unchanged": report.unchanged,
            "rejected": len(report.rejected),
        },
        entity="file",
    )
    return report
