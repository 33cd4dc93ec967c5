"""Official Word documents (GB/T 9704-2012) for every export of the product.

One builder (`DocumentBuilder`) lays out every document; five kinds are rendered
from plain dataclasses, each by ``render_x(data, path, *, template=None,
fonts=None, mask=None, grid=Grid.NATIVE) -> Path``, a `Renderer` over the
kind's ``write_x(builder, data)``:

* `RetrievalReport` → `render_retrieval_report` (类案检索报告)
* `Minutes` → `render_minutes` (会议纪要)
* `ReviewForm` → `render_review_form` (个案研判表)
* `PolicyDraft` → `render_policy_draft` (政策草案, 征求意见稿)
* `AnnualSummary` → `render_annual_summary` (一事一议工作情况统计, with charts)

Fonts are a setting (`FontSet`, `resolve_fonts`); office templates (红头) are
checked with `check_template`. See docs/word-export.md.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from precedents.documents.annual_summary import AnnualSummary, render_annual_summary
    from precedents.documents.builder import DocumentBuilder
    from precedents.documents.fonts import FontSet, default_fonts, installed_families, resolve_fonts
    from precedents.documents.layout import Grid
    from precedents.documents.matter import MatterFacts
    from precedents.documents.minutes import Minutes, render_minutes
    from precedents.documents.policy_draft import (
        AmountStat,
        DraftingNote,
        Evidence,
        PolicyDraft,
        Statement,
        SupportingPrecedent,
        render_policy_draft,
    )
    from precedents.documents.render import Renderer
    from precedents.documents.retrieval_report import (
        NO_CLOSE_PRECEDENT,
        RetrievalHit,
        RetrievalReport,
        render_retrieval_report,
    )
    from precedents.documents.review_form import ReviewForm, render_review_form
    from precedents.documents.template import BODY_MARKER, KNOWN_FIELDS
    from precedents.documents.template_check import TemplateProblem, check_template
    from precedents.documents.text import Mask, format_date

#: Where each public name lives. The submodules load on first use: the Word
#: builder pulls in python-docx and lxml, which the desktop's start-up never needs.
_SUBMODULE = {
    "AmountStat": "policy_draft",
    "AnnualSummary": "annual_summary",
    "BODY_MARKER": "template",
    "DocumentBuilder": "builder",
    "DraftingNote": "policy_draft",
    "Evidence": "policy_draft",
    "FontSet": "fonts",
    "Grid": "layout",
    "KNOWN_FIELDS": "template",
    "Mask": "text",
    "MatterFacts": "matter",
    "Minutes": "minutes",
    "NO_CLOSE_PRECEDENT": "retrieval_report",
    "PolicyDraft": "policy_draft",
    "Renderer": "render",
    "RetrievalHit": "retrieval_report",
    "RetrievalReport": "retrieval_report",
    "ReviewForm": "review_form",
    "Statement": "policy_draft",
    "SupportingPrecedent": "policy_draft",
    "TemplateProblem": "template_check",
    "check_template": "template_check",
    "default_fonts": "fonts",
    "format_date": "text",
    "installed_families": "fonts",
    "render_annual_summary": "annual_summary",
    "render_minutes": "minutes",
    "render_policy_draft": "policy_draft",
    "render_retrieval_report": "retrieval_report",
    "render_review_form": "review_form",
    "resolve_fonts": "fonts",
}


def __getattr__(name: str) -> Any:
    module = _SUBMODULE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "BODY_MARKER",
    "KNOWN_FIELDS",
    "NO_CLOSE_PRECEDENT",
    "AmountStat",
    "AnnualSummary",
    "DocumentBuilder",
    "DraftingNote",
    "Evidence",
    "FontSet",
    "Grid",
    "Mask",
    "MatterFacts",
    "Minutes",
    "PolicyDraft",
    "Renderer",
    "RetrievalHit",
    "RetrievalReport",
    "ReviewForm",
    "Statement",
    "SupportingPrecedent",
    "TemplateProblem",
    "check_template",
    "default_fonts",
    "format_date",
    "installed_families",
    "render_annual_summary",
    "render_minutes",
    "render_policy_draft",
    "render_retrieval_report",
    "render_review_form",
    "resolve_fonts",
]
