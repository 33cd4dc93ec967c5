"""Office templates (红头): filling, the body marker, .dotx, and checking a template."""

from __future__ import annotations

import copy
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import RGBColor

from precedents.documents import samples, styles
from precedents.documents.builder import DocumentBuilder
from precedents.documents.checks import DocxFacts, document_text
from precedents.documents.example_template import EXAMPLE_TEMPLATE, make_example_template
from precedents.documents.fonts import FontSet
from precedents.documents.minutes import render_minutes
from precedents.documents.policy_draft import render_policy_draft
from precedents.documents.retrieval_report import render_retrieval_report
from precedents.documents.review_form import render_review_form
from precedents.documents.template import BODY_MARKER, fill_paragraph, splice
from precedents.documents.template_check import check_template
from precedents.errors import DocumentError

FONTS = FontSet()
RENDERERS: list[tuple[str, Callable[..., Path], Callable[[], object]]] = [
    ("report", render_retrieval_report, samples.sample_retrieval_report),
    ("minutes", render_minutes, samples.sample_minutes),
    ("form", render_review_form, samples.sample_review_form),
    ("draft", render_policy_draft, samples.sample_policy_draft),
]


def section_xml(path: Path) -> tuple[str, ...]:
    document = docx.Document(str(path))
    sect = document.element.body.find(qn("w:sectPr"))
    return tuple(sorted(f"{k}={v}" for child in sect for k, v in child.attrib.items()))


def test_shipped_example_is_ready_to_use() -> None:
    assert EXAMPLE_TEMPLATE.is_file()
    problems = check_template(
        EXAMPLE_TEMPLATE, installed=["方正小标宋简体", "仿宋_GB2312", "楷体_GB2312", "黑体", "宋体"]
    )
    assert problems == []


def test_example_regenerates_with_the_same_parts(tmp_path: Path) -> None:
    fresh = make_example_template(tmp_path / "fresh.docx")
    assert document_text(fresh) == document_text(EXAMPLE_TEMPLATE)
    assert section_xml(fresh) == section_xml(EXAMPLE_TEMPLATE)


@pytest.mark.parametrize(("name", "render", "make"), RENDERERS, ids=[r[0] for r in RENDERERS])
def test_every_kind_pours_into_the_example_template(
    tmp_path: Path, name: str, render: Callable[..., Path], make: Callable[[], object]
) -> None:
    path = render(make(), tmp_path / f"{name}.docx", template=EXAMPLE_TEMPLATE, fonts=FONTS)
    text = document_text(path)
    assert BODY_MARKER not in text and "{{" not in text and "}}" not in text
    document = docx.Document(str(path))
    header = document.paragraphs[0]
    assert header.text == "厦门市民政局"
    assert header.runs[0].font.color.rgb == RGBColor(0xFF, 0x00, 0x00)
    border = qn("w:pPr") + "/" + qn("w:pBdr") + "/" + qn("w:bottom")
    rules = [p._p.find(border) for p in document.paragraphs[:5] if p._p.find(border) is not None]
    assert len(rules) == 1 and rules[0].get(qn("w:color")) == "FF0000"
    assert section_xml(path) == section_xml(EXAMPLE_TEMPLATE)
    facts = DocxFacts.read(path)
    assert facts.even_and_odd() and all(facts.has_page_field(p) for p in facts.footers().values())


def test_template_fields_take_the_title_and_number(tmp_path: Path) -> None:
    path = render_minutes(
        samples.sample_minutes(), tmp_path / "m.docx", template=EXAMPLE_TEMPLATE, fonts=FONTS
    )
    document = docx.Document(str(path))
    lines = [p.text for p in document.paragraphs]
    assert lines[:5] == ["厦门市民政局", "", "第3期", "", ""]
    title = next(p for p in document.paragraphs if p.text == "一事一议专题会议纪要")
    assert title.style.name == styles.TITLE
    assert lines.count("一事一议专题会议纪要") == 1, "the body must not repeat the title"


def test_an_empty_field_paragraph_disappears(tmp_path: Path) -> None:
    path = render_retrieval_report(
        samples.sample_retrieval_report(),
        tmp_path / "r.docx",
        template=EXAMPLE_TEMPLATE,
        fonts=FONTS,
    )
    lines = [p.text for p in docx.Document(str(path)).paragraphs]
    # No 文号 and no 副标题 for a report: their lines are gone, the rule follows the header.
    assert lines[:4] == ["厦门市民政局", "", "", ""]
    assert lines[4] == "类案检索报告"


def test_placeholder_split_across_runs_is_filled() -> None:
    paragraph = OxmlElement("w:p")
    for piece in ("发文：{", "{标", "题}", "} 第{{文号}}号"):
        run = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.text = piece
        run.append(text)
        paragraph.append(run)
    fill_paragraph(paragraph, {"标题": "关于某事的通知", "文号": "3"})
    runs = ["".join(t.text or "" for t in r.iter(qn("w:t"))) for r in paragraph.iter(qn("w:r"))]
    assert "".join(runs) == "发文：关于某事的通知 第3号"
    assert runs[0] == "发文：关于某事的通知"


def test_splice_replaces_inside_the_first_piece() -> None:
    assert splice(["a{{", "x}}b"], 1, 6, "Y") == ["aY", "b"]
    assert splice(["{{x}}"], 0, 5, "") == [""]
    assert splice(["a", "{{", "x", "}}", "b"], 1, 6, "Y") == ["a", "Y", "", "", "b"]


def test_plain_docx_template_gets_the_styles_it_lacks(tmp_path: Path) -> None:
    shell = tmp_path / "shell.docx"
    document = docx.Document()
    document.add_paragraph("某某区民政局")
    document.add_paragraph(BODY_MARKER)
    document.add_paragraph("抄送：区政府办")
    document.save(str(shell))
    problems = {p.code: p for p in check_template(shell, installed=["SimSun"])}
    assert set(problems) == {"template.missing_styles", "template.no_page_number"}
    assert not any(p.blocking for p in problems.values())
    assert "公文正文" in problems["template.missing_styles"].message
    path = render_minutes(
        samples.sample_minutes(), tmp_path / "m.docx", template=shell, fonts=FONTS
    )
    lines = [p.text for p in docx.Document(str(path)).paragraphs]
    assert lines[0] == "某某区民政局" and lines[1] == "一事一议专题会议纪要"
    assert lines[-1] == "抄送：区政府办", "content after the marker stays after the body"
    assert BODY_MARKER not in lines
    assert DocxFacts.read(path).east_asian_font("GwBody") == "仿宋_GB2312"


def test_dotx_template_is_opened_as_a_document(tmp_path: Path) -> None:
    dotx = tmp_path / "office.dotx"
    with zipfile.ZipFile(EXAMPLE_TEMPLATE) as source, zipfile.ZipFile(dotx, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            target.writestr(item, data)
    assert check_template(dotx, installed=[]) == []
    path = render_review_form(
        samples.sample_review_form(), tmp_path / "f.docx", template=dotx, fonts=FONTS
    )
    with zipfile.ZipFile(path) as package:
        assert b"document.main+xml" in package.read("[Content_Types].xml")
    assert "个案研判表" in document_text(path)


def test_missing_marker_is_blocking(tmp_path: Path) -> None:
    shell = tmp_path / "nomarker.docx"
    document = docx.Document()
    document.add_paragraph("正文在这里：[[正文]]")
    document.save(str(shell))
    (problem,) = [p for p in check_template(shell, installed=[]) if p.blocking]
    assert problem.code == "template.marker_not_alone"
    with pytest.raises(DocumentError) as raised:
        DocumentBuilder.from_template(shell, fonts=FONTS)
    assert "单独成段" in raised.value.message
    empty = tmp_path / "empty.docx"
    docx.Document().save(str(empty))
    assert [p.code for p in check_template(empty, installed=[]) if p.blocking] == [
        "template.no_marker"
    ]


def test_marker_in_a_table_or_twice_is_blocking(tmp_path: Path) -> None:
    in_table = tmp_path / "table.docx"
    document = docx.Document()
    document.add_table(rows=1, cols=1).cell(0, 0).text = BODY_MARKER
    document.save(str(in_table))
    assert [p.code for p in check_template(in_table, installed=[]) if p.blocking] == [
        "template.marker_misplaced"
    ]
    twice = tmp_path / "twice.docx"
    document = docx.Document()
    document.add_paragraph(BODY_MARKER)
    document.add_paragraph(BODY_MARKER)
    document.save(str(twice))
    assert [p.code for p in check_template(twice, installed=[]) if p.blocking] == [
        "template.many_markers"
    ]


def test_unreadable_and_macro_templates(tmp_path: Path) -> None:
    broken = tmp_path / "broken.docx"
    broken.write_text("不是 Word 文件", encoding="utf-8")
    assert [p.code for p in check_template(broken)] == ["template.unreadable"]
    macro = tmp_path / "macro.docm"
    with zipfile.ZipFile(EXAMPLE_TEMPLATE) as source, zipfile.ZipFile(macro, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(
                    b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                    b"application/vnd.ms-word.document.macroEnabled.main+xml",
                )
            target.writestr(item, data)
    assert [p.code for p in check_template(macro)] == ["template.macro"]


def test_unknown_fields_and_missing_fonts_are_reported(tmp_path: Path) -> None:
    shell = tmp_path / "fields.docx"
    document = docx.Document()
    run = document.add_paragraph().add_run("签发人：{{签发人}}")
    run.font.name = "方正小标宋简体"
    document.add_paragraph(BODY_MARKER)
    document.save(str(shell))
    problems = {p.code: p for p in check_template(shell, installed=["SimSun"])}
    assert "{{签发人}}" in problems["template.unknown_fields"].message
    assert "方正小标宋简体" in problems["template.font_missing"].message
    filled = render_minutes(
        samples.sample_minutes(), tmp_path / "m.docx", template=shell, fonts=FONTS
    )
    assert "签发人：\n" in document_text(filled) + "\n"


def test_marker_carrying_a_section_break_keeps_the_section(tmp_path: Path) -> None:
    shell = tmp_path / "sections.docx"
    document = docx.Document()
    document.add_paragraph("封面")
    marker = document.add_paragraph(BODY_MARKER)
    # Word keeps a section break in the last paragraph of the section it ends.
    marker._p.get_or_add_pPr().append(copy.deepcopy(document.sections[0]._sectPr))
    document.add_paragraph("附录")
    document.save(str(shell))
    assert len(docx.Document(str(shell)).sections) == 2
    path = render_review_form(
        samples.sample_review_form(), tmp_path / "f.docx", template=shell, fonts=FONTS
    )
    result = docx.Document(str(path))
    assert len(result.sections) == 2
    assert BODY_MARKER not in document_text(path)
    assert [p.text for p in result.paragraphs][-1] == "附录"


def test_a_title_in_lines_keeps_its_breaks_in_the_template_field(tmp_path: Path) -> None:
    draft = samples.sample_policy_draft()
    path = render_policy_draft(draft, tmp_path / "d.docx", template=EXAMPLE_TEMPLATE, fonts=FONTS)
    document = docx.Document(str(path))
    title = next(p for p in document.paragraphs if p.style.name == styles.TITLE)
    assert title.text == "厦门市关于重病患者单独纳入最低生活保障的\n若干措施"
    assert document.core_properties.title == "厦门市关于重病患者单独纳入最低生活保障的若干措施"
