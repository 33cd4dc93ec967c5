"""A real word processor opens the exports: LibreOffice converts them to PDF.

Page counts are checked where the layout makes them certain whatever fonts the
machine substitutes: a one-page form, and appendices that each start a page.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from precedents.documents import samples
from precedents.documents.builder import DocumentBuilder
from precedents.documents.convert import find_soffice, pdf_page_count, to_pdf
from precedents.documents.example_template import EXAMPLE_TEMPLATE
from precedents.documents.fonts import FontSet
from precedents.documents.layout import Grid
from precedents.documents.minutes import render_minutes
from precedents.documents.review_form import render_review_form

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(find_soffice() is None, reason="LibreOffice (soffice) is not installed"),
]
FONTS = FontSet()


def test_appendices_each_start_a_new_page(tmp_path: Path) -> None:
    builder = DocumentBuilder.create(fonts=FONTS, grid=Grid.COMPATIBLE)
    builder.title("关于某事的通知")
    builder.begin_body()
    builder.paragraph("正文一段。")
    builder.attachment_note(["清单", "说明"])
    builder.signature("厦门市民政局", samples.sample_policy_draft().drafted_on)
    builder.appendix("附件1", "清单")
    builder.paragraph("清单内容。")
    builder.appendix("附件2", "说明")
    builder.paragraph("说明内容。")
    pdf = to_pdf(builder.save(tmp_path / "appendices.docx"))
    assert pdf.is_file() and pdf.stat().st_size > 1000
    assert pdf_page_count(pdf) == 3


def test_review_form_fits_one_page(tmp_path: Path) -> None:
    path = render_review_form(
        samples.sample_review_form(), tmp_path / "form.docx", fonts=FONTS, grid=Grid.COMPATIBLE
    )
    assert pdf_page_count(to_pdf(path)) == 1


def test_native_grid_and_template_exports_open(tmp_path: Path) -> None:
    path = render_minutes(
        samples.sample_minutes(), tmp_path / "minutes.docx", template=EXAMPLE_TEMPLATE, fonts=FONTS
    )
    pdf = to_pdf(path, tmp_path / "pdf")
    assert pdf.parent == tmp_path / "pdf" and pdf_page_count(pdf) >= 2
