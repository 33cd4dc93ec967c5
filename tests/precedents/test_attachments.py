"""Attachments: stored by hash in the data folder, .docx text extracted for search."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from sqlalchemy import select

from precedents.attachments import (
    AttachmentError,
    add_attachment,
    attachment_text,
    attachment_texts,
    copy_attachments,
    count_attachments,
    extract_text,
    file_path,
    list_attachments,
    remove_attachment,
    restore_attachments,
)
from precedents.library import Library
from precedents.models import ChangeRow
from precedents.record import PrecedentRecord
from precedents.store.audit import list_events
from precedents.store.precedents import create_record, delete_record
from tests.precedents.conftest import make_record


def _docx(path: Path, *paragraphs: str, table: list[list[str]] | None = None) -> Path:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, cells in enumerate(table):
            for c, text in enumerate(cells):
                grid.cell(r, c).text = text
    document.save(str(path))
    return path


@pytest.fixture
def stored(library: Library, record: PrecedentRecord) -> PrecedentRecord:
    with library.sessions.begin() as session:
        return create_record(session, record, actor="甲")


def test_docx_text_is_extracted_with_tables(tmp_path: Path) -> None:
    path = _docx(
        tmp_path / "诊断证明.docx", "诊断：戈谢病", table=[["药品", "费用"], ["伊米苷酶", "98万"]]
    )
    text = extract_text(path)
    assert "戈谢病" in text
    assert "伊米苷酶 98万" in text


def test_other_files_have_no_text(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(b"%PDF-1.4 fake")
    assert extract_text(path) == ""


def test_attach_stores_by_hash_and_text_reaches_the_index_source(
    library: Library, stored: PrecedentRecord, tmp_path: Path
) -> None:
    source = _docx(tmp_path / "调查报告.docx", "入户调查：患儿需长期用药。")
    folder = library.paths.attachments
    with library.sessions.begin() as session:
        seq_before = session.scalar(select(ChangeRow.seq).order_by(ChangeRow.seq.desc()))
        attachment = add_attachment(session, folder, stored.code, source, actor="甲")
    assert attachment.filename == "调查报告.docx"
    assert attachment.text_length > 0
    assert file_path(folder, attachment).read_bytes() == source.read_bytes()
    assert attachment.stored_name.startswith(attachment.sha256[:2] + "/")
    with library.session() as session:
        assert "长期用药" in attachment_text(session, stored.code)
        assert attachment_texts(session, [stored.code, "NOPE"]).keys() == {stored.code}
        assert count_attachments(session, [stored.code]) == {stored.code: 1}
        change = session.scalars(select(ChangeRow).where(ChangeRow.seq > seq_before)).one()
        assert (change.code, change.op, change.version) == (stored.code, "upsert", 1)
        assert list_events(session, action="attachment.add")[0].entity_code == stored.code


def test_same_file_twice_is_stored_once(
    library: Library, stored: PrecedentRecord, tmp_path: Path
) -> None:
    source = tmp_path / "photo.jpg"
    source.write_bytes(b"\xff\xd8\xff" + b"x" * 100)
    folder = library.paths.attachments
    with library.sessions.begin() as session:
        first = add_attachment(session, folder, stored.code, source, actor="甲")
        second = add_attachment(session, folder, stored.code, source, actor="甲")
    assert first.stored_name == second.stored_name
    assert first.media_type == "image/jpeg"
    with library.sessions.begin() as session:
        remove_attachment(session, folder, first.id, actor="甲")
    assert (folder / second.stored_name).is_file(), "still used by the second attachment"
    with library.sessions.begin() as session:
        remove_attachment(session, folder, second.id, actor="甲")
        assert list_attachments(session, stored.code) == []
    assert not (folder / second.stored_name).exists()


@pytest.mark.parametrize("name", ["notes.txt", "program.exe"])
def test_unsupported_files_are_refused(
    library: Library, stored: PrecedentRecord, tmp_path: Path, name: str
) -> None:
    source = tmp_path / name
    source.write_text("x")
    with pytest.raises(AttachmentError) as info, library.sessions.begin() as session:
        add_attachment(session, library.paths.attachments, stored.code, source, actor="甲")
    assert info.value.code == "attachment.unsupported"
    assert name in info.value.message


def test_damaged_docx_is_refused_with_its_name(
    library: Library, stored: PrecedentRecord, tmp_path: Path
) -> None:
    source = tmp_path / "坏文件.docx"
    source.write_bytes(b"not a zip")
    with pytest.raises(AttachmentError) as info, library.sessions.begin() as session:
        add_attachment(session, library.paths.attachments, stored.code, source, actor="甲")
    assert "坏文件.docx" in info.value.message


def test_attachments_come_back_when_a_deletion_is_undone(
    library: Library, stored: PrecedentRecord, tmp_path: Path
) -> None:
    source = _docx(tmp_path / "a.docx", "附件正文")
    folder = library.paths.attachments
    with library.sessions.begin() as session:
        add_attachment(session, folder, stored.code, source, actor="甲")
    with library.sessions.begin() as session:
        copies = copy_attachments(session, stored.code)
        snapshot = delete_record(session, stored.code, actor="甲")
    with library.sessions.begin() as session:
        create_record(session, snapshot, actor="甲", action="restore")
        assert restore_attachments(session, stored.code, copies, actor="甲") == 1
    with library.session() as session:
        restored = list_attachments(session, stored.code)
        assert [a.filename for a in restored] == ["a.docx"]
        assert attachment_text(session, stored.code) == "附件正文"
    assert file_path(folder, restored[0]).is_file()


def test_missing_file_is_reported_plainly(
    library: Library, stored: PrecedentRecord, tmp_path: Path
) -> None:
    source = tmp_path / "scan.png"
    source.write_bytes(b"\x89PNG fake")
    folder = library.paths.attachments
    with library.sessions.begin() as session:
        attachment = add_attachment(session, folder, stored.code, source, actor="甲")
    (folder / attachment.stored_name).unlink()
    with pytest.raises(AttachmentError) as info:
        file_path(folder, attachment)
    assert "scan.png" in info.value.message


def test_unknown_precedent(library: Library, tmp_path: Path) -> None:
    source = tmp_path / "scan.png"
    source.write_bytes(b"x")
    with pytest.raises(Exception) as info, library.sessions.begin() as session:
        add_attachment(session, library.paths.attachments, make_record().code, source, actor="甲")
    assert "找不到案例编号" in str(info.value)
