"""Attached .docx files are searchable, and an attachment-only change is never missed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import docx
import pytest

from precedents.attachments import add_attachment, attachment_digests, remove_attachment
from precedents.library import Library
from precedents.store.precedents import create_record
from search_index.library import search_service
from search_index.service import SearchService
from search_index.source import MemorySource
from tests.precedents.conftest import make_record
from tests.search_index.helpers import codes, corpus

WORD = "伊米苷酶"


def _docx(path: Path, text: str) -> Path:
    document = docx.Document()
    document.add_paragraph(text)
    document.save(str(path))
    return path


@pytest.fixture
def library(tmp_path: Path, db_url: str) -> Iterator[Library]:
    lib = Library.open(tmp_path / "lib", db_url=db_url, actor="甲")
    with lib.sessions.begin() as session:
        create_record(session, make_record("A-1"), actor="甲")
        create_record(session, make_record("A-2"), actor="甲")
    yield lib
    lib.close()


@pytest.fixture
def service(library: Library) -> Iterator[SearchService]:
    svc = search_service(library)
    svc.open()
    yield svc
    svc.close()


def _attach(library: Library, code: str, path: Path) -> int:
    with library.sessions.begin() as session:
        return add_attachment(session, library.paths.attachments, code, path, actor="甲").id


def test_attachment_text_is_found_and_marked_in_the_snippet(
    library: Library, service: SearchService, tmp_path: Path
) -> None:
    assert service.search(WORD).total == 0
    attachment = _attach(library, "A-2", _docx(tmp_path / "用药清单.docx", f"长期使用{WORD}治疗。"))
    assert service.sync() == 1
    result = service.search(WORD)
    assert codes(result) == ["A-2"]
    hit = result.hits[0]
    assert hit.snippet_from_attachment and hit.snippet.startswith("附件：")
    start, end = hit.highlights[0]
    assert hit.snippet[start:end] == WORD
    # The record's own words still give the record's own passage.
    own = service.search("骨折").hits
    assert own and not any(h.snippet_from_attachment for h in own)
    with library.sessions.begin() as session:
        remove_attachment(session, library.paths.attachments, attachment, actor="甲")
    service.sync()
    assert service.search(WORD).total == 0


def test_an_attachment_only_change_is_seen_by_the_version_check(
    library: Library, service: SearchService, tmp_path: Path
) -> None:
    """Attaching keeps the version; the check compares the attachments fingerprint too."""
    _attach(library, "A-1", _docx(tmp_path / "报告.docx", f"{WORD} 费用清单"))
    with library.session() as session:
        digest = attachment_digests(session)["A-1"]
    assert digest != 0
    # Before the feed is applied, verification alone finds and repairs the record.
    assert service.compare() == (["A-1"], [])
    assert service.verify() == 1
    assert service.compare() == ([], [])
    assert codes(service.search(WORD)) == ["A-1"]


def test_reopening_repairs_an_attachment_change_the_feed_never_carried(tmp_path: Path) -> None:
    source = MemorySource(corpus())
    folder = tmp_path / "index"
    first = SearchService(folder, source)
    first.open()
    first.close()
    source.attach("T-002", f"附件里写着{WORD}", digest=12345, feed=False)
    second = SearchService(folder, source)
    try:
        report = second.open()
        assert report.repaired == ("T-002",) and not report.rebuilt
        assert codes(second.search(WORD)) == ["T-002"]
        assert second.verify() == 0
    finally:
        second.close()


def test_a_save_keeps_the_attachments_in_the_index(tmp_path: Path) -> None:
    source = MemorySource(corpus())
    source.attach("T-001", f"附件：{WORD}", digest=7)
    service = SearchService(tmp_path / "index", source)
    service.open()
    try:
        changed = source.load(["T-001"])[0].copy(title="改过的标题")
        source.save(changed)
        service.sync()
        assert codes(service.search(WORD)) == ["T-001"]
        assert service.compare() == ([], [])
    finally:
        service.close()
