"""The similar-precedent retrieval (类案检索) as a use case: matter in, report out.

`find_similar` searches the library's similarity index for a matter (a stored
precedent or a new one); `retrieval_hits` turns the hits, with the officer's
参照/参考 marks, into the rows of the 类案检索报告; `write_report` writes the
report through the one Word builder, masked unless asked otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from precedents.anonymize import mask_text
from precedents.documents import RetrievalHit
from precedents.library import Library
from precedents.meetings.model import ReferenceMode
from precedents.record import PrecedentRecord
from precedents.store.precedents import count_records, iter_records
from precedents.word_exports import WordOptions, export_retrieval_report
from search_index.library import LibraryIndexes, coverage

if TYPE_CHECKING:
    from search_index.similar import SimilarHit

#: How the search works, as the report states it.
METHOD = (
    "以本事项的基本情况为检索条件，在本地先例库中检索已决定和研判中的先例。相似度由两部分组成："
    "一是叙述文字中关键词的相似程度（按词语在先例库中的区分度加权）；二是困难情形、政策障碍"
    "（按分类体系计入上下位及相关情形）、家庭人口、人均收入与低保标准之比、主要当事人年龄段、"
    "发现渠道和所在区等要素的相似程度，各要素权重可在设置中调整。综合得分经校准后介于 0 与 1"
    "之间，达到阈值的为高度相似先例；同等相似时已决定的先例在前，新近的先例在前。"
)

_SENTENCE = re.compile(r"[^。；！？]*[。；！？]?")


@dataclass(frozen=True, slots=True)
class Mark:
    """The officer's use of one precedent: 参照 (followed) or 参考 (consulted), and why."""

    mode: ReferenceMode
    note: str = ""


def short_decision(text: str, limit: int = 120) -> str:
    """The first sentences of a decision, up to about `limit` characters."""
    out = ""
    for sentence in _SENTENCE.findall(text.strip()):
        if not sentence:
            continue
        if out and len(out) + len(sentence) > limit:
            break
        out += sentence
    return out if len(out) <= limit + 40 else out[:limit] + "……"


def matter_query(record: PrecedentRecord) -> str:
    """The matter as it was searched: its structured facts, then its situation."""
    parts = []
    if record.hardships:
        parts.append("困难情形：" + "、".join(record.hardships))
    if record.barriers:
        parts.append("政策障碍：" + "、".join(record.barriers))
    if record.household_size:
        parts.append(f"家庭人口：{record.household_size}人")
    if record.monthly_income is not None:
        parts.append(f"家庭月收入：{record.monthly_income:,.0f}元")
    if record.district:
        parts.append(f"所在区：{record.district}")
    facts = "；".join(parts)
    text = record.situation.strip()
    return f"{facts}。{text}" if facts else text


def report_reasons(hit: SimilarHit, attributes: int = 3) -> list[str]:
    """The reasons a report's table shows: what is shared, and what weighed most.

    The full breakdown of every attribute (as `precedents similar` prints it) is
    too long for a table cell; the strongest contributions stand for it.
    """
    shown = [r.text for r in hit.reasons if r.kind in ("inferred", "shared", "terms", "policy")]
    weighed = sorted(
        (r for r in hit.reasons if r.kind == "attribute" and r.points > 0),
        key=lambda r: -r.points,
    )[:attributes]
    if weighed:
        shown.append("主要因素：" + "，".join(f"{r.label} +{r.points:.0f}分" for r in weighed))
    return shown


def find_similar(
    indexes: LibraryIndexes, record: PrecedentRecord, limit: int = 10
) -> list[SimilarHit]:
    """Similar precedents for a matter; a stored matter never finds itself."""
    found = coverage(indexes.library, record)
    exclude = [record.code] if record.code else []
    return indexes.similar(record, limit, exclude=exclude, covered=found.covered)


def retrieval_hits(
    library: Library,
    hits: Sequence[SimilarHit],
    marks: Mapping[str, Mark] | None = None,
    *,
    masked: bool = True,
) -> list[RetrievalHit]:
    """The report's rows: each hit with its decision and measures, and the officer's mark."""
    marks = marks or {}
    with library.session() as session:
        records = {r.code: r for r in iter_records(session, [h.code for h in hits])}
    rows = []
    for hit in hits:
        record = records.get(hit.code)
        decision = short_decision(record.decision) if record else ""
        if record is not None and masked:
            decision = mask_text(decision, record.persons)
        mark = marks.get(hit.code)
        rows.append(
            RetrievalHit(
                code=hit.code,
                title=mask_text(hit.title, record.persons) if record and masked else hit.title,
                score=hit.score,
                reasons=report_reasons(hit),
                decision=decision,
                measures=list(record.measures) if record else [],
                decided_on=record.decided_on if record else None,
                use=mark.mode if mark else None,
                use_note=mark.note if mark else "",
                policy=hit.policy,
            )
        )
    return rows


def write_report(
    indexes: LibraryIndexes,
    matter: PrecedentRecord,
    out: Path,
    *,
    options: WordOptions,
    limit: int = 10,
    marks: Mapping[str, Mark] | None = None,
    conclusion: str = "",
    hits: Sequence[SimilarHit] | None = None,
) -> Path:
    """Search (unless `hits` are given) and write the 类案检索报告 for `matter`."""
    from search_index.similar import CLOSE_THRESHOLD

    library = indexes.library
    found = list(hits) if hits is not None else find_similar(indexes, matter, limit)
    rows = retrieval_hits(library, found, marks, masked=options.masked)
    with library.sessions.begin() as session:
        scope = f"本库先例 {count_records(session)} 件"
        export_retrieval_report(
            session,
            matter,
            rows,
            out,
            settings=library.settings,
            actor=library.actor,
            options=options,
            method=METHOD,
            query=matter_query(matter),
            threshold=CLOSE_THRESHOLD,
            conclusion=conclusion,
            scope=scope,
        )
    return out
