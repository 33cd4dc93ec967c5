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
