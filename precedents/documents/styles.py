"""The named styles of an official document and how they are installed.

Every style the builder uses is defined completely (four font slots, size,
spacing, indents) instead of leaning on Normal: a changed Normal then cannot
cascade into footers or tables, and an office template's own Normal cannot
spoil the body. Officers see the Chinese names in Word's style pane; an office
template may define any of them itself, and then its definition wins.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypedDict, cast

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.styles.style import CharacterStyle
from lxml import etree

from precedents.documents import layout
from precedents.documents.fonts import FALLBACKS, FontSet
from precedents.documents.layout import Grid
from precedents.documents.ooxml import (
    child,
    child_append,
    set_attrs,
    set_flag,
    set_fonts,
    set_indent,
    set_line_spacing,
    set_size,
    strip_theme_fonts,
)

NORMAL = "Normal"
BODY = "公文正文"
TITLE = "公文标题"
SUBTITLE = "公文副标题"
HEADINGS = ("公文一级标题", "公文二级标题", "公文三级标题", "公文四级标题")
TABLE_TEXT = "公文表格文字"
TABLE_HEADER = "公文表头"
CENTRED = "公文居中"
PLAIN = "公文顶格"
ATTACHMENT = "公文附件说明"
SIGNATURE = "公文落款"
ATTENDANCE = "公文出席名单"
APPENDIX_LABEL = "公文附件标识"
FIGURE = "公文插图"
CAPTION = "公文图表题"
FOOTER = "footer"
HEADER = "header"
HEI_CHAR = "公文黑体字符"
KAI_CHAR = "公文楷体字符"
BODY_CHAR = "公文仿宋字符"


@dataclass(frozen=True, slots=True)
class StyleSpec:
    """One style: its names, typeface role (a `FontSet` field) and layout."""

    name: str
    style_id: str
    font: str
    size: float | None = layout.BODY_SIZE
    character: bool = False
    align: str = "both"
    first_line_chars: int = 0
    left_chars: int = 0
    right_chars: int = 0
    hanging_chars: int = 0
    line: int = layout.LINE_PITCH
    #: "exact" lines on the grid; "auto" (line in 240ths) for lines holding a picture,
    #: which an exact line height would cut off.
    line_rule: str = "exact"
    outline: int | None = None
    keep_next: bool = False
    page_break_before: bool = False
    #: False for text that is not 16 pt: it must not snap to the character grid.
    on_grid: bool = True


class _OffGrid(TypedDict):
    on_grid: bool


_GRID_OFF: _OffGrid = {"on_grid": False}

SPECS: tuple[StyleSpec, ...] = (
    StyleSpec(NORMAL, "Normal", "body"),
    StyleSpec(BODY, "GwBody", "body", first_line_chars=2),
    StyleSpec(
        TITLE, "GwTitle", "title", layout.TITLE_SIZE, align="center", keep_next=True, **_GRID_OFF
    ),
    StyleSpec(SUBTITLE, "GwSubtitle", "heading2", align="center", keep_next=True),
    StyleSpec(HEADINGS[0], "GwHeading1", "heading1", first_line_chars=2, outline=0, keep_next=True),
    StyleSpec(HEADINGS[1], "GwHeading2", "heading2", first_line_chars=2, outline=1, keep_next=True),
    StyleSpec(HEADINGS[2], "GwHeading3", "body", first_line_chars=2, outline=2, keep_next=True),
    StyleSpec(HEADINGS[3], "GwHeading4", "body", first_line_chars=2, outline=3, keep_next=True),
    StyleSpec(
        TABLE_TEXT,
        "GwTableText",
        "body",
        layout.TABLE_SIZE,
        align="left",
        line=layout.TABLE_LINE,
        **_GRID_OFF,
    ),
    StyleSpec(
        TABLE_HEADER,
        "GwTableHeader",
        "heading1",
        layout.TABLE_SIZE,
        align="center",
        line=layout.TABLE_LINE,
        **_GRID_OFF,
    ),
    StyleSpec(CENTRED, "GwCentred", "body", align="center"),
    StyleSpec(PLAIN, "GwPlain", "body"),
    StyleSpec(ATTACHMENT, "GwAttachment", "body"),
    StyleSpec(SIGNATURE, "GwSignature", "body", align="right", right_chars=4),
    StyleSpec(ATTENDANCE, "GwAttendance", "body", left_chars=5, hanging_chars=3),
    StyleSpec(
        APPENDIX_LABEL,
        "GwAppendixLabel",
        "heading1",
        align="left",
        keep_next=True,
        page_break_before=True,
    ),
    StyleSpec(
        FIGURE,
        "GwFigure",
        "body",
        align="center",
        line=240,
        line_rule="auto",
        keep_next=True,
        **_GRID_OFF,
    ),
    StyleSpec(
        CAPTION,
        "GwCaption",
        "body",
        layout.TABLE_SIZE,
        align="center",
        line=layout.TABLE_LINE,
        **_GRID_OFF,
    ),
    StyleSpec(
        FOOTER,
        "Footer",
        "page_number",
        layout.PAGE_NUMBER_SIZE,
        align="left",
        line=layout.PAGE_NUMBER_LINE,
        **_GRID_OFF,
    ),
    StyleSpec(
        HEADER,
        "Header",
        "body",
        layout.PAGE_NUMBER_SIZE,
        align="center",
        line=layout.PAGE_NUMBER_LINE,
        **_GRID_OFF,
    ),
    StyleSpec(HEI_CHAR, "GwHeiChar", "heading1", None, character=True),
    StyleSpec(KAI_CHAR, "GwKaiChar", "heading2", None, character=True),
    StyleSpec(BODY_CHAR, "GwBodyChar", "body", None, character=True),
)

#: Styles the builder writes text in; a template lacking one gets the default definition.
BUILDER_STYLES: tuple[str, ...] = tuple(
    s.name for s in SPECS if s.name not in (NORMAL, FOOTER, HEADER)
)


def install_styles(document: DocxDocument, fonts: FontSet, grid: Grid) -> None:
    """Make a fresh document's styles 公文 styles: redefine Normal, footer, header, add the rest.

    Also clears the default template's theme fonts, its paragraph spacing and its
    Japanese East Asian theme language, and drops the legacy stylesWithEffects part
    that repeats the theme fonts.
    """
    styles_root = document.styles.element
    strip_theme_fonts(styles_root)
    _set_doc_defaults(styles_root, fonts.body)
    for spec in SPECS:
        _define(document, spec, fonts, grid)
    _drop_styles_with_effects(document)
    set_theme_font_lang(document)
    register_fonts(document, fonts)


def ensure_styles(document: DocxDocument, fonts: FontSet) -> list[str]:
    """Add the builder's styles a template lacks (its own definitions win); returns those added."""
    added = []
    existing = {style.name for style in document.styles}
    for spec in SPECS:
        if spec.name in BUILDER_STYLES and spec.name not in existing:
            _define(document, spec, fonts, Grid.NATIVE)
            added.append(spec.name)
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is not None and strip_theme_fonts(defaults):
        _set_doc_defaults(document.styles.element, fonts.body)
    set_theme_font_lang(document)
    register_fonts(document, fonts)
    return added


def set_theme_font_lang(document: DocxDocument) -> None:
    """East Asian theme language zh-CN; the default template's ja-JP picks a Mincho font."""
    settings = document.settings.element
    lang = settings.find(qn("w:themeFontLang"))
    if lang is None:
        lang = OxmlElement("w:themeFontLang")
        settings.append(lang)
    set_attrs(lang, val_="en-US", eastAsia="zh-CN")


def register_fonts(document: DocxDocument, fonts: FontSet) -> None:
    """List the faces in the font table as GB2312 fonts with their fallbacks as alternates.

    Word uses the charset and alternate names to substitute a missing face.
    """
    part = document.part.part_related_by(RT.FONT_TABLE)
    table = parse_xml(part.blob)
    known = {font.get(qn("w:name")) for font in table.findall(qn("w:font"))}
    for family in fonts.families():
        if family in known:
            continue
        font = OxmlElement("w:font")
        set_attrs(font, name=family)
        if FALLBACKS.get(family):
            set_attrs(child_append(font, "w:altName"), val_=",".join(FALLBACKS[family]))
        set_attrs(child_append(font, "w:charset"), val_="86")
        set_attrs(child_append(font, "w:family"), val_="auto")
        set_attrs(child_append(font, "w:pitch"), val_="default")
        table.append(font)
    part._blob = etree.tostring(table, xml_declaration=True, encoding="UTF-8", standalone=True)


def _set_doc_defaults(styles_root: BaseOxmlElement, family: str) -> None:
    defaults = styles_root.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles_root.insert(0, defaults)
    rpr = _find_or_append(_find_or_append(defaults, "w:rPrDefault"), "w:rPr")
    set_fonts(rpr, family)
    set_attrs(child(rpr, "w:lang"), val_="en-US", eastAsia="zh-CN", bidi="ar-SA")
    ppr = _find_or_append(_find_or_append(defaults, "w:pPrDefault"), "w:pPr")
    spacing = child(ppr, "w:spacing")
    spacing.attrib.clear()
    set_attrs(spacing, before=0, after=0, line=240, lineRule="auto")


def _find_or_append(parent: BaseOxmlElement, tag: str) -> BaseOxmlElement:
    # Explicit None test: an lxml element without children is falsy.
    found = parent.find(qn(tag))
    return child_append(parent, tag) if found is None else found


def _define(document: DocxDocument, spec: StyleSpec, fonts: FontSet, grid: Grid) -> CharacterStyle:
    """Create the style, or clear and redefine an existing one of the same name."""
    kind = WD_STYLE_TYPE.CHARACTER if spec.character else WD_STYLE_TYPE.PARAGRAPH
    try:
        found = document.styles[spec.name]
    except KeyError:
        found = document.styles.add_style(spec.name, kind)
        found.style_id = spec.style_id
    # Paragraph styles derive from character styles: both have fonts and a base style.
    style = cast(CharacterStyle, found)
    for tag in ("w:pPr", "w:rPr"):
        old = style.element.find(qn(tag))
        if old is not None:
            style.element.remove(old)
    if spec.name != NORMAL:
        normal = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = None if spec.character else normal
    style.hidden = False
    style.quick_style = not spec.character and spec.name not in (FOOTER, HEADER)
    if not spec.character:
        _paragraph_properties(style.element.get_or_add_pPr(), spec, grid)
    _run_properties(style.element.get_or_add_rPr(), spec, getattr(fonts, spec.font), grid)
    return style


def _paragraph_properties(ppr: BaseOxmlElement, spec: StyleSpec, grid: Grid) -> None:
    set_flag(ppr, "w:keepNext", spec.keep_next)
    set_flag(ppr, "w:keepLines", spec.keep_next)
    set_flag(ppr, "w:pageBreakBefore", spec.page_break_before)
    # No automatic space between Chinese and digits: dates read 2025年1月5日, as printed.
    set_flag(ppr, "w:autoSpaceDE", False)
    set_flag(ppr, "w:autoSpaceDN", False)
    if grid is Grid.NATIVE:
        set_flag(ppr, "w:snapToGrid", spec.on_grid)
    set_line_spacing(ppr, spec.line, rule=spec.line_rule)
    set_indent(
        ppr,
        char_twips=layout.CHAR_TWIPS,
        left_chars=spec.left_chars,
        right_chars=spec.right_chars,
        first_line_chars=spec.first_line_chars,
        hanging_chars=spec.hanging_chars,
    )
    set_attrs(child(ppr, "w:jc"), val_=spec.align)
    if spec.outline is not None:
        set_attrs(child(ppr, "w:outlineLvl"), val_=spec.outline)


def _run_properties(rpr: BaseOxmlElement, spec: StyleSpec, family: str, grid: Grid) -> None:
    set_fonts(rpr, family)
    set_flag(rpr, "w:b", False)
    set_flag(rpr, "w:bCs", False)
    if grid is Grid.COMPATIBLE and not spec.character:
        spacing = layout.COMPATIBLE_CHAR_SPACING if spec.on_grid else 0
        set_attrs(child(rpr, "w:spacing"), val_=spacing)
    if spec.size is not None:
        set_size(rpr, spec.size)
    if not spec.character:
        set_attrs(child(rpr, "w:lang"), val_="en-US", eastAsia="zh-CN", bidi="ar-SA")


def _drop_styles_with_effects(document: DocxDocument) -> None:
    rels = document.part.rels
    for rel_id, rel in list(rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            document.part.drop_rel(rel_id)
