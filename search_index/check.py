"""The indexes' part of ``precedents check``: do they agree with the database?

The search index and the similarity index of this computer are caches of the
database. The check opens them as a program start would and reports, in plain
Chinese, what it found:

* no index yet (nothing is compared; it is built at the first search);
* an index that could not be read or was built under other rules (rebuilt);
* records whose indexed version or attachments differed from the database, and
  records the index held that the database no longer has (re-indexed or removed:
  the search service's verification);
* a similarity index that does not hold exactly the library's precedents
  (refilled).

What was found and repaired is a note; a problem is what still disagrees after
the repair, which means the index cannot be trusted.
"""

from __future__ import annotations

import logging
import shutil

from precedents.check import CheckReport, Problem
from precedents.library import Library
from search_index.folder import IndexFolder
from search_index.library import (
    FOLDER_NAME,
    search_service,
    similarity_folder,
    similarity_index,
)
from search_index.results import OpenReport
from search_index.service import SearchService
from search_index.similar import SimilarityIndex, SimilarityIndexUnusable
from search_index.similar.persist import has_index

log = logging.getLogger(__name__)

SEARCH = "搜索索引"
SIMILAR = "相似度索引"
#: Codes named in a message before "等 N 条".
SHOWN_CODES = 5


def _codes(codes: tuple[str, ...] | list[str]) -> str:
    shown = "、".join(codes[:SHOWN_CODES])
    return f"{shown} 等 {len(codes)} 条" if len(codes) > SHOWN_CODES else shown


def _open_similar(library: Library, report: CheckReport) -> SimilarityIndex | None:
    """The saved similarity index, a fresh one if it was unusable, None if never built."""
    folder = similarity_folder(library)
    if not has_index(folder):
        report.notes.append(Problem(SIMILAR, "本机还没有相似度索引（桌面程序启动时建立），未比对"))
        return None
    try:
        return similarity_index(library)
    except SimilarityIndexUnusable as exc:
        report.notes.append(Problem(SIMILAR, f"无法使用（{exc.message}），已重建"))
        shutil.rmtree(folder, ignore_errors=True)
        return similarity_index(library)


def _describe_open(opened: OpenReport, report: CheckReport) -> None:
    if opened.rebuilt:
        report.notes.append(Problem(SEARCH, f"{opened.reason}，已按数据库重建"))
    if opened.repaired:
        report.notes.append(
            Problem(
                SEARCH,
                f"{len(opened.repaired)} 条先例的索引与数据库不一致（版本或附件不同，"
                f"或索引中缺少），已重新索引：{_codes(opened.repaired)}",
            )
        )
    if opened.removed:
        report.notes.append(
            Problem(
                SEARCH,
                f"索引中有 {len(opened.removed)} 条数据库已没有的先例，已移除："
                f"{_codes(opened.removed)}",
            )
        )


def _compare_after(service: SearchService, expected: int, report: CheckReport) -> None:
    stale, extra = service.compare()
    if stale:
        report.problems.append(
            Problem(SEARCH, f"修复后仍有 {len(stale)} 条先例与数据库不一致：{_codes(stale)}")
        )
    if extra:
        report.problems.append(
            Problem(SEARCH, f"修复后仍有 {len(extra)} 条数据库没有的先例：{_codes(extra)}")
        )
    indexed = service.indexed_count
    report.checked[SEARCH] = indexed
    if indexed != expected and not stale and not extra:
        report.problems.append(
            Problem(SEARCH, f"索引中有 {indexed} 条记录，数据库中有 {expected} 条先例")
        )


def _check_similar(
    service: SearchService, similar: SimilarityIndex, wanted: set[str], report: CheckReport
) -> None:
    held = set(similar.codes())
    if held != wanted:
        missing, extra = len(wanted - held), len(held - wanted)
        report.notes.append(
            Problem(SIMILAR, f"缺少 {missing} 条、多出 {extra} 条先例，已按数据库重新填充")
        )
        service.replay(similar)
        held = set(similar.codes())
    report.checked[SIMILAR] = len(held)
    if held != wanted:
        report.problems.append(
            Problem(SIMILAR, f"重新填充后仍与数据库不一致（{len(held)} 条，应为 {len(wanted)} 条）")
        )


def check_indexes(library: Library, report: CheckReport) -> None:
    """Compare this computer's indexes with the database, repair them and say what was found."""
    if IndexFolder(library.index_dir / FOLDER_NAME).read_state() is None:
        report.notes.append(Problem(SEARCH, "本机还没有搜索索引（第一次搜索时建立），未比对"))
        return
    similar = _open_similar(library, report)
    service = search_service(library, components=[similar] if similar is not None else [])
    try:
        opened = service.open()
        _describe_open(opened, report)
        wanted = library.record_source().versions()
        _compare_after(service, len(wanted), report)
        if similar is not None:
            _check_similar(service, similar, set(wanted), report)
    except Exception as exc:  # a broken index is reported, never a crash of the check
        log.exception("index check failed")
        report.problems.append(Problem(SEARCH, f"无法检查（{type(exc).__name__}：{exc}）"))
    finally:
        service.close()
