"""Fast checks of a written .docx, without an office suite.

What a reader of the XML can prove about an export: every style in use names an
East Asian font, no theme font attribute is left anywhere, the theme language is
zh-CN, the page is GB/T 9704 A4 with the grid, odd and even footers carry a PAGE
field, and the text (body, tables, headers, footers) holds no forbidden string
such as an unmasked name. Tests and the command line call `export_problems`;
`document_text` is what "no unmasked personal data" is checked against.
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from precedents.documents import layout
from precedents.documents.ooxml import THEME_FONT_ATTRIBUTES

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = {"w": W}


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


@dataclass(slots=True)
class DocxFacts:
    """What the XML of one .docx says, gathered once."""

    parts: dict[str, bytes]
    styles_used: set[str] = field(default_factory=set)

    @classmethod
    def read(cls, path: str | os.PathLike[str]) -> DocxFacts:
        with zipfile.ZipFile(Path(path)) as package:
            names = [n for n in package.namelist() if n.endswith((".xml", ".rels"))]
            parts = {name: package.read(name) for name in names}
        facts = cls(parts)
        facts.styles_used = facts._styles_used()
        return facts

    def xml(self, name: str) -> etree._Element:
        return etree.fromstring(self.parts[name])

    def story_parts(self) -> list[str]:
        """The body, headers and footers."""
        return [
            n
            for n in self.parts
            if n == "word/document.xml" or n.startswith(("word/header", "word/footer"))
        ]

    def _styles_used(self) -> set[str]:
        used = {self.default_paragraph_style()}
        for name in self.story_parts():
            root = self.xml(name)
            for tag in ("pStyle", "rStyle"):
                used.update(e.get(_w("val")) for e in root.iter(_w(tag)))
            # A paragraph without a style uses the default paragraph style.
        return {style for style in used if style}

    def default_paragraph_style(self) -> str:
        for style in self.xml("word/styles.xml").iterfind("w:style", _NS):
            if style.get(_w("type")) == "paragraph" and style.get(_w("default")) in ("1", "true"):
                return str(style.get(_w("styleId")))
        return "Normal"

    def style_chain(self, style_id: str) -> list[etree._Element]:
        """The style and the styles it is based on, nearest first."""
        by_id = {
            s.get(_w("styleId")): s for s in self.xml("word/styles.xml").iterfind("w:style", _NS)
        }
        chain = []
        current = by_id.get(style_id)
        while current is not None and current not in chain:
            chain.append(current)
            based = current.find("w:basedOn", _NS)
            current = by_id.get(based.get(_w("val"))) if based is not None else None
        return chain

    def east_asian_font(self, style_id: str) -> str | None:
        """The East Asian font a style resolves to through its based-on chain and the defaults."""
        for style in self.style_chain(style_id):
            fonts = style.find("w:rPr/w:rFonts", _NS)
            if fonts is not None and fonts.get(_w("eastAsia")):
                return str(fonts.get(_w("eastAsia")))
        defaults = self.xml("word/styles.xml").find(
            "w:docDefaults/w:rPrDefault/w:rPr/w:rFonts", _NS
        )
        if defaults is not None and defaults.get(_w("eastAsia")):
            return str(defaults.get(_w("eastAsia")))
        return None

    def theme_font_attributes(self) -> int:
        """How many theme font attributes remain in styles.xml and the stories."""
        count = 0
        for name in ["word/styles.xml", *self.story_parts()]:
            for fonts in self.xml(name).iter(_w("rFonts")):
                count += sum(1 for attribute in THEME_FONT_ATTRIBUTES if attribute in fonts.attrib)
        return count

    def theme_font_lang(self) -> str | None:
        lang = self.xml("word/settings.xml").find("w:themeFontLang", _NS)
        return None if lang is None else lang.get(_w("eastAsia"))

    def section(self) -> dict[str, dict[str, str]]:
        """pgSz, pgMar and docGrid attributes of the final section (local names)."""
        sect = self.xml("word/document.xml").find("w:body/w:sectPr", _NS)
        result: dict[str, dict[str, str]] = {}
        for tag in ("pgSz", "pgMar", "docGrid"):
            element = sect.find(f"w:{tag}", _NS) if sect is not None else None
            result[tag] = (
                {}
                if element is None
                else {etree.QName(k).localname: v for k, v in element.attrib.items()}
            )
        return result

    def footers(self) -> dict[str, str]:
        """Footer type (default/even/first) → the footer part's name."""
        rels = etree.fromstring(self.parts.get("word/_rels/document.xml.rels", b"<r/>"))
        targets = {r.get("Id"): "word/" + str(r.get("Target")) for r in rels}
        sect = self.xml("word/document.xml").find("w:body/w:sectPr", _NS)
        refs = sect.iterfind("w:footerReference", _NS) if sect is not None else iter(())
        rid = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
        return {str(ref.get(_w("type"))): targets[ref.get(rid)] for ref in refs}

    def has_page_field(self, part: str) -> bool:
        root = self.xml(part)
        instructions = "".join(t.text or "" for t in root.iter(_w("instrText")))
        simple = " ".join(f.get(_w("instr"), "") for f in root.iter(_w("fldSimple")))
        return "PAGE" in (instructions + simple).upper()

    def even_and_odd(self) -> bool:
        return self.xml("word/settings.xml").find("w:evenAndOddHeaders", _NS) is not None


def document_text(path: str | os.PathLike[str]) -> str:
    """All text of the body (tables included), headers and footers, one paragraph a line."""
    facts = DocxFacts.read(path)
    lines = []
    for name in facts.story_parts():
        for paragraph in facts.xml(name).iter(_w("p")):
            lines.append("".join(t.text or "" for t in paragraph.iter(_w("t"))))
    return "\n".join(lines)


def export_problems(
    path: str | os.PathLike[str],
    forbidden: Iterable[str] = (),
    *,
    native_grid: bool | None = True,
) -> list[str]:
    """Everything wrong with an export built by the builder; empty when it is sound.

    `native_grid` True requires Word's character grid, False the compatible variant,
    None accepts either.
    """
    facts = DocxFacts.read(path)
    problems = []
    for style in sorted(facts.styles_used):
        if not facts.east_asian_font(style):
            problems.append(f"样式 {style} 没有设置中文字体（eastAsia）")
    if facts.theme_font_attributes():
        problems.append(f"仍有 {facts.theme_font_attributes()} 处主题字体属性")
    if facts.theme_font_lang() != "zh-CN":
        problems.append(f"themeFontLang 的 eastAsia 为 {facts.theme_font_lang()}，应为 zh-CN")
    problems += _page_problems(facts, native_grid)
    # The document properties (title, subject) travel with the file too.
    text = document_text(path) + "\n" + facts.parts.get("docProps/core.xml", b"").decode("utf-8")
    problems += [
        f"文档中出现了不应出现的文字：{item}" for item in forbidden if item and item in text
    ]
    return problems


def _page_problems(facts: DocxFacts, native_grid: bool | None) -> list[str]:
    section = facts.section()
    problems = []
    expected = {
        "w": layout.PAGE_WIDTH,
        "h": layout.PAGE_HEIGHT,
        "top": layout.MARGIN_TOP,
        "left": layout.MARGIN_LEFT,
        "bottom": layout.MARGIN_BOTTOM,
        "right": layout.MARGIN_RIGHT,
    }
    actual = section["pgSz"] | section["pgMar"]
    for key, value in expected.items():
        if actual.get(key) != str(value):
            problems.append(f"页面设置 {key} 为 {actual.get(key)}，应为 {value}")
    grid = section["docGrid"]
    if grid.get("linePitch") != str(layout.LINE_PITCH):
        problems.append(f"文档网格行距为 {grid.get('linePitch')}，应为 {layout.LINE_PITCH}")
    kind = grid.get("type")
    if native_grid is True and kind != "linesAndChars":
        problems.append("没有 Word 的行和字符网格（linesAndChars）")
    elif native_grid is False and kind is not None:
        problems.append(f"兼容版式不应设置网格类型（现为 {kind}）")
    elif kind not in (None, "linesAndChars"):
        problems.append(f"文档网格类型为 {kind}，应为 linesAndChars 或不设置")
    if not facts.even_and_odd():
        problems.append("没有设置奇偶页不同的页脚（evenAndOddHeaders）")
    footers = facts.footers()
    for kind, label in (("default", "奇数页"), ("even", "偶数页")):
        if kind not in footers or not facts.has_page_field(footers[kind]):
            problems.append(f"{label}页脚没有页码（PAGE 域）")
    return problems
