"""Every model of the desktop passes Qt's model tester, empty and filled."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from desktop.catalogue import Catalogue
from desktop.dialogs.drafts_dialog import DraftsModel
from desktop.dialogs.import_report import IssuesModel
from desktop.dialogs.vocabulary_editor import GroupsModel, TermsModel
from desktop.editor.rows import MeasuresModel, PersonsModel
from desktop.library.attachments_panel import AttachmentsModel
from desktop.library.facets import FacetModel
from desktop.library.results_model import ResultsModel, ResultsProxy
from desktop.library.similar_panel import SimilarModel
from desktop.search_adapter import Hit, Query, SimilarHit
from precedents.attachments import Attachment
from precedents.drafts import Draft
from precedents.library import Library
from precedents.store.precedents import list_summaries
from precedents.store.synonyms import SynonymGroup
from precedents.validation import Issue
from precedents.vocabulary import Vocabulary


def test_results_model_and_proxy(qtmodeltester, library: Library) -> None:
    with library.session() as session:
        catalogue = Catalogue(list_summaries(session))
    model = ResultsModel(catalogue)
    qtmodeltester.check(model)
    model.set_hits(
        [
            Hit(code, "标题", 0.5, snippet="片段戈谢病", snippet_spans=((2, 4),))
            for code in catalogue.codes()
        ]
    )
    qtmodeltester.check(model)
    proxy = ResultsProxy()
    proxy.setSourceModel(model)
    proxy.sort(3)
    qtmodeltester.check(proxy)


def test_facet_model(qtmodeltester) -> None:
    model = FacetModel()
    qtmodeltester.check(model)
    facets = {"district": [("集美区", 3), ("海沧区", 1)], "year": [("2024", 4)]}
    model.set_counts(facets, Query(filters=(("status", ("已决定",)),)))
    qtmodeltester.check(model)
    assert model.entry("status", "已决定") == ("已决定", 0), "a ticked value stays listed"
    model.set_counts({"district": [("思明区", 2)]}, Query())
    qtmodeltester.check(model)


def test_similar_model(qtmodeltester) -> None:
    model = SimilarModel()
    model.set_hits([SimilarHit("A-1", "标题", 0.7, True, ("共同的困难情形：重病",))])
    qtmodeltester.check(model)


def test_attachments_model(qtmodeltester) -> None:
    model = AttachmentsModel()
    when = dt.datetime(2024, 5, 1, 9, 30)
    model.set_items(
        [Attachment(1, "A-1", "诊断.docx", "ab/ab.docx", "ab", 2048, "", when, "甲", 10)]
    )
    qtmodeltester.check(model)


def test_row_models(qtmodeltester) -> None:
    measures = MeasuresModel()
    measures.set_rows([{"type": "临时救助", "amount": "5000"}])
    measures.add_row()
    measures.set_issues({(0, "amount"): ("error", "金额应为数字")})
    qtmodeltester.check(measures)
    persons = PersonsModel()
    persons.set_rows([{"name": "王某", "phone": "138"}])
    qtmodeltester.check(persons)


def test_dialog_models(qtmodeltester, tmp_path: Path) -> None:
    qtmodeltester.check(IssuesModel([Issue("title", "不能为空", line=3)]))
    draft = Draft("new-1", None, {"title": "甲"}, dt.datetime(2024, 1, 1))
    qtmodeltester.check(DraftsModel([draft]))
    terms = TermsModel()
    terms.set_terms(list(Vocabulary.builtin().terms["hardship"].values()))
    qtmodeltester.check(terms)
    groups = GroupsModel()
    groups.set_groups([SynonymGroup(1, ("自闭症", "孤独症"))])
    qtmodeltester.check(groups)


def test_a_late_match_in_a_snippet_is_brought_into_view(qapp) -> None:
    from PySide6.QtGui import QFont, QFontMetrics

    from desktop.library.delegates import bring_first_match_into_view, segments

    metrics = QFontMetrics(QFont())
    text = "前文" * 60 + "戈谢病" + "后文" * 10
    start = text.index("戈谢病")
    shown, spans = bring_first_match_into_view(text, [(start, start + 3)], metrics, 300)
    assert shown.startswith("…") and len(shown) < len(text)
    ((a, b),) = spans
    assert shown[a:b] == "戈谢病"
    assert metrics.horizontalAdvance(shown[:a]) <= 300 * 0.4
    assert ("戈谢病", True) in segments(shown, spans)
