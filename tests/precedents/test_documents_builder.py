"""The document builder, checked in the XML Word reads: fonts, grid, page, footers, blocks."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from precedents.documents import layout, styles
from precedents.documents.builder import DocumentBuilder, heading_number, text_width
from precedents.documents.checks import DocxFacts, document_text, export_problems
from precedents.documents.fonts import FontSet
from precedents.documents.layout import Grid
from precedents.documents.tables import FormCell, FormRow

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
FONTS = FontSet()


def w(name: str) -> str:
    return f"{{{W}}}{name}"


def part(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as package:
        return etree.fromstring(package.read(name))


def style(path: Path, style_id: str) -> etree._Element:
    found = part(path, "word/styles.xml").find(f"w:style[@w:styleId='{style_id}']", NS)
    assert found is not None, style_id
    return found


def build(tmp_path: Path, grid: Grid = Grid.NATIVE, mask: object = None) -> Path:
    builder = DocumentBuilder.create(fonts=FONTS, grid=grid, mask=mask)  # type: ignore[arg-type]
    builder.title(["厦门市关于重病患者单独纳入", "最低生活保障的若干措施"])
    builder.subtitle("（征求意见稿）")
    builder.begin_body()
    builder.paragraph("为解决胡小明一类重病患者的困难，制定本措施。")
    builder.heading(1, "适用对象")
    builder.heading(2, "认定条件")
    builder.run_in(2, "单人户低保", "可单独纳入低保。")
    builder.heading(3, "三级")
    builder.heading(4, "四级")
    builder.heading(1, "救助措施")
    builder.table(["编号", "标题"], [["XM-1", "胡小明的案例"], ["XM-2", "二"]], [1, 3])
    builder.attachment_note(["支持先例清单", "起草说明"])
    builder.signature("厦门市民政局", dt.date(2025, 1, 5))
    builder.attendance("出席", "市民政局王某、李某，市财政局张某")
    builder.appendix("附件1", "支持先例清单")
    builder.form([FormRow([FormCell("编号", True), FormCell("XM-1")])], [1, 3])
    return builder.save(tmp_path / f"built-{grid}.docx")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("built"))


def test_no_theme_font_attribute_anywhere(built: Path) -> None:
    for name in ("word/styles.xml", "word/document.xml"):
        with zipfile.ZipFile(built) as package:
            xml = package.read(name).decode("utf-8")
        assert "Theme=" not in xml and "w:cstheme" not in xml, name
    with zipfile.ZipFile(built) as package:
        assert "word/stylesWithEffects.xml" not in package.namelist()


def test_every_style_used_names_all_four_font_slots_with_the_east_asian_hint(built: Path) -> None:
    facts = DocxFacts.read(built)
    assert {
        "GwBody",
        "GwTitle",
        "GwSubtitle",
        "GwHeading1",
        "GwTableText",
        "Footer",
    } <= facts.styles_used
    for style_id in facts.styles_used:
        fonts = style(built, style_id).find("w:rPr/w:rFonts", NS)
        assert fonts is not None, style_id
        slots = {fonts.get(w(slot)) for slot in ("ascii", "hAnsi", "eastAsia", "cs")}
        assert len(slots) == 1 and None not in slots, style_id
        assert fonts.get(w("hint")) == "eastAsia", style_id


def test_styles_carry_the_gbt9704_faces_and_sizes(built: Path) -> None:
    def face_and_size(style_id: str) -> tuple[str, str]:
        rpr = style(built, style_id).find("w:rPr", NS)
        return rpr.find("w:rFonts", NS).get(w("eastAsia")), rpr.find("w:sz", NS).get(w("val"))

    assert face_and_size("GwTitle") == ("方正小标宋简体", "44")
    assert face_and_size("GwSubtitle") == ("楷体_GB2312", "32")
    assert face_and_size("GwBody") == ("仿宋_GB2312", "32")
    assert face_and_size("GwHeading1") == ("黑体", "32")
    assert face_and_size("GwHeading2") == ("楷体_GB2312", "32")
    assert face_and_size("GwHeading3") == ("仿宋_GB2312", "32")
    assert face_and_size("GwHeading4") == ("仿宋_GB2312", "32")
    assert face_and_size("Footer") == ("宋体", "28")
    assert face_and_size("GwTableText")[0] == "仿宋_GB2312"


def test_body_lines_are_exact_and_indented_two_characters(built: Path) -> None:
    ppr = style(built, "GwBody").find("w:pPr", NS)
    spacing = ppr.find("w:spacing", NS)
    assert spacing.get(w("line")) == "579" and spacing.get(w("lineRule")) == "exact"
    assert spacing.get(w("after")) == "0" and spacing.get(w("before")) == "0"
    indent = ppr.find("w:ind", NS)
    assert indent.get(w("firstLineChars")) == "200" and indent.get(w("hanging")) is None


def test_defaults_lose_the_template_spacing_and_speak_chinese(built: Path) -> None:
    root = part(built, "word/styles.xml")
    spacing = root.find("w:docDefaults/w:pPrDefault/w:pPr/w:spacing", NS)
    assert spacing.get(w("after")) == "0"
    assert (
        root.find("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts", NS).get(w("eastAsia"))
        == "仿宋_GB2312"
    )
    settings = part(built, "word/settings.xml")
    assert settings.find("w:themeFontLang", NS).get(w("eastAsia")) == "zh-CN"


def test_headings_have_outline_levels_and_the_four_numbering_forms(built: Path) -> None:
    for level in range(4):
        outline = style(built, f"GwHeading{level + 1}").find("w:pPr/w:outlineLvl", NS)
        assert outline.get(w("val")) == str(level)
    text = document_text(built)
    for expected in (
        "一、适用对象",
        "（一）认定条件",
        "（二）单人户低保。可单独纳入低保。",
        "1.三级",
        "（1）四级",
        "二、救助措施",
    ):
        assert expected in text
    assert [heading_number(level, 3) for level in (1, 2, 3, 4)] == ["三、", "（三）", "3.", "（3）"]


def test_page_is_a4_with_gbt9704_margins_and_the_native_grid(built: Path) -> None:
    sect = part(built, "word/document.xml").find("w:body/w:sectPr", NS)
    size, margins, grid = (sect.find(f"w:{t}", NS) for t in ("pgSz", "pgMar", "docGrid"))
    assert (size.get(w("w")), size.get(w("h"))) == ("11906", "16838")
    assert margins.get(w("top")) == str(layout.mm(37))
    assert margins.get(w("left")) == str(layout.mm(28))
    assert int(margins.get(w("right"))) + int(margins.get(w("left"))) + layout.mm(156) == 11906
    assert int(margins.get(w("top"))) + int(margins.get(w("bottom"))) + layout.mm(225) == 16838
    assert grid.get(w("type")) == "linesAndChars"
    assert grid.get(w("linePitch")) == "579"
    assert grid.get(w("charSpace")) == "-848"
    assert export_problems(built) == []


def test_compatible_variant_has_no_grid_type_and_condensed_body(tmp_path: Path) -> None:
    path = build(tmp_path, Grid.COMPATIBLE)
    grid = part(path, "word/document.xml").find("w:body/w:sectPr/w:docGrid", NS)
    assert grid.get(w("type")) is None and grid.get(w("linePitch")) == "579"
    assert style(path, "GwBody").find("w:rPr/w:spacing", NS).get(w("val")) == "-5"
    assert style(path, "GwTitle").find("w:rPr/w:spacing", NS).get(w("val")) == "0"
    assert export_problems(path, native_grid=False) == []


def test_text_that_is_not_16pt_does_not_snap_to_the_grid(built: Path) -> None:
    for style_id in ("GwTitle", "GwTableText", "GwTableHeader", "Footer"):
        snap = style(built, style_id).find("w:pPr/w:snapToGrid", NS)
        assert snap is not None and snap.get(w("val")) == "0", style_id


def test_odd_footer_right_even_footer_left_each_with_a_page_field(built: Path) -> None:
    facts = DocxFacts.read(built)
    assert facts.even_and_odd()
    footers = facts.footers()
    for kind, side in (("default", "right"), ("even", "left")):
        root = part(built, footers[kind])
        paragraph = root.find("w:p", NS)
        assert paragraph.find("w:pPr/w:jc", NS).get(w("val")) == side
        assert paragraph.find("w:pPr/w:ind", NS).get(w(side)) == "280"
        assert "PAGE" in "".join(t.text for t in root.iter(w("instrText")))
        text = "".join(t.text for t in root.iter(w("t")))
        assert text == "— 1 —"


def test_table_header_repeats_and_the_table_has_borders(built: Path) -> None:
    table = part(built, "word/document.xml").find(".//w:tbl", NS)
    assert table.find("w:tr/w:trPr/w:tblHeader", NS) is not None
    borders = table.find("w:tblPr/w:tblBorders", NS)
    assert {etree.QName(b).localname for b in borders} >= {"top", "bottom", "insideH", "insideV"}
    widths = [int(c.get(w("w"))) for c in table.find("w:tblGrid", NS)]
    assert sum(widths) == layout.TYPE_WIDTH


def test_attendance_list_hangs_after_the_colon_with_a_heiti_label(built: Path) -> None:
    document = docx.Document(str(built))
    line = next(p for p in document.paragraphs if p.text.startswith("出席："))
    assert line.style.name == styles.ATTENDANCE
    assert line.runs[0].text == "出席：" and line.runs[0].style.name == styles.HEI_CHAR
    indent = style(built, "GwAttendance").find("w:pPr/w:ind", NS)
    assert (indent.get(w("leftChars")), indent.get(w("hangingChars"))) == ("500", "300")


def test_attachment_note_and_signature(built: Path) -> None:
    document = docx.Document(str(built))
    texts = [p.text for p in document.paragraphs]
    assert "附件：1.支持先例清单" in texts and "2.起草说明" in texts
    assert texts.index("厦门市民政局") + 1 == texts.index("2025年1月5日")


def test_appendix_starts_a_new_page(built: Path) -> None:
    document = docx.Document(str(built))
    label = next(p for p in document.paragraphs if p.text == "附件1")
    assert label.style.name == styles.APPENDIX_LABEL
    assert style(built, "GwAppendixLabel").find("w:pPr/w:pageBreakBefore", NS).get(w("val")) is None


def test_mask_reaches_every_string_including_tables(tmp_path: Path) -> None:
    path = build(tmp_path, mask=lambda text: text.replace("胡小明", "胡某"))
    text = document_text(path)
    assert "胡小明" not in text and text.count("胡某") == 2
    assert export_problems(path, forbidden=["胡小明"]) == []


def test_text_width_counts_half_width_characters_as_half() -> None:
    assert text_width("2025年1月5日") == 6
    assert text_width("厦门市民政局") == 6
