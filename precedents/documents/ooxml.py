"""Small WordprocessingML edits that python-docx has no API for.

python-docx writes only two of the four font slots, knows nothing of
``firstLineChars``, grids, repeated header rows or fields. These helpers write
exactly the XML a Word-made 公文 holds, so the documents behave the same in
Word, WPS and LibreOffice.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

#: Theme attributes of ``w:rFonts``; a theme attribute wins over a font name.
THEME_FONT_ATTRIBUTES: tuple[str, ...] = (
    qn("w:asciiTheme"),
    qn("w:hAnsiTheme"),
    qn("w:eastAsiaTheme"),
    qn("w:cstheme"),
)


def _names(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Children of property elements must appear in schema order or Word refuses the file.
_RPR_ORDER = _names(
    "w:rStyle w:rFonts w:b w:bCs w:i w:iCs w:caps w:smallCaps w:strike w:dstrike w:outline "
    "w:shadow w:emboss w:imprint w:noProof w:snapToGrid w:vanish w:webHidden w:color "
    "w:spacing w:w w:kern w:position w:sz w:szCs w:highlight w:u w:effect w:bdr w:shd "
    "w:fitText w:vertAlign w:rtl w:cs w:em w:lang w:eastAsianLayout w:specVanish w:oMath"
)
_PPR_ORDER = _names(
    "w:pStyle w:keepNext w:keepLines w:pageBreakBefore w:framePr w:widowControl w:numPr "
    "w:suppressLineNumbers w:pBdr w:shd w:tabs w:suppressAutoHyphens w:kinsoku w:wordWrap "
    "w:overflowPunct w:topLinePunct w:autoSpaceDE w:autoSpaceDN w:bidi w:adjustRightInd "
    "w:snapToGrid w:spacing w:ind w:contextualSpacing w:mirrorIndents w:suppressOverlap w:jc "
    "w:textDirection w:textAlignment w:textboxTightWrap w:outlineLvl w:divId w:cnfStyle w:rPr "
    "w:sectPr w:pPrChange"
)
_TBLPR_ORDER = _names(
    "w:tblStyle w:tblpPr w:tblOverlap w:bidiVisual w:tblStyleRowBandSize "
    "w:tblStyleColBandSize w:tblW w:jc w:tblCellSpacing w:tblInd w:tblBorders w:shd "
    "w:tblLayout w:tblCellMar w:tblLook"
)
_TCPR_ORDER = _names(
    "w:cnfStyle w:tcW w:gridSpan w:hMerge w:vMerge w:tcBorders w:shd w:noWrap w:tcMar "
    "w:textDirection w:tcFitText w:vAlign w:hideMark"
)

_ORDERS = {
    qn("w:rPr"): _RPR_ORDER,
    qn("w:pPr"): _PPR_ORDER,
    qn("w:tblPr"): _TBLPR_ORDER,
    qn("w:tcPr"): _TCPR_ORDER,
}


def child(parent: BaseOxmlElement, tag: str) -> BaseOxmlElement:
    """The child ``tag`` of a property element, created in schema order when missing.

    w:trPr takes its children in any order, so it appends.
    """
    found = parent.find(qn(tag))
    if found is not None:
        return found  # type: ignore[no-any-return]
    element: BaseOxmlElement = OxmlElement(tag)
    order = _ORDERS.get(parent.tag)
    if order is None:
        parent.append(element)
        return element
    position = order.index(tag)
    later = {qn(name) for name in order[position + 1 :]}
    for index, existing in enumerate(parent):
        if existing.tag in later:
            parent.insert(index, element)
            return element
    parent.append(element)
    return element


def child_append(parent: BaseOxmlElement, tag: str) -> BaseOxmlElement:
    """A new child appended at the end (for elements whose children have no schema order)."""
    element: BaseOxmlElement = OxmlElement(tag)
    parent.append(element)
    return element


def set_attrs(element: BaseOxmlElement, **values: str | int) -> None:
    """Set w: attributes; python keywords take a trailing underscore (``val_``)."""
    for name, value in values.items():
        element.set(qn("w:" + name.rstrip("_")), str(value))


def strip_theme_fonts(root: BaseOxmlElement) -> int:
    """Remove every theme font attribute under ``root``; returns how many went."""
    removed = 0
    for fonts in root.iter(qn("w:rFonts")):
        for attribute in THEME_FONT_ATTRIBUTES:
            if attribute in fonts.attrib:
                del fonts.attrib[attribute]
                removed += 1
    return removed


def set_fonts(rpr: BaseOxmlElement, family: str) -> None:
    """One family in all four slots, with the East Asian hint, and no theme fonts.

    The hint makes Word set Chinese quotation marks and dashes, which Unicode
    shares with Western text, in the Chinese font.
    """
    fonts = child(rpr, "w:rFonts")
    for attribute in THEME_FONT_ATTRIBUTES:
        fonts.attrib.pop(attribute, None)
    set_attrs(fonts, ascii=family, hAnsi=family, eastAsia=family, cs=family, hint="eastAsia")


def set_size(rpr: BaseOxmlElement, points: float) -> None:
    half_points = round(points * 2)
    set_attrs(child(rpr, "w:sz"), val_=half_points)
    set_attrs(child(rpr, "w:szCs"), val_=half_points)


def set_flag(parent: BaseOxmlElement, tag: str, on: bool) -> None:
    """An on/off property written explicitly, so a based-on style cannot leak through."""
    element = child(parent, tag)
    if on:
        element.attrib.pop(qn("w:val"), None)
    else:
        set_attrs(element, val_="0")


def set_line_spacing(
    ppr: BaseOxmlElement, exact_twips: int, before: int = 0, after: int = 0, rule: str = "exact"
) -> None:
    """Line spacing: `exact_twips` exactly, or with ``rule="auto"`` 240ths of a single line
    (a line that grows with what it holds, such as a picture)."""
    spacing = child(ppr, "w:spacing")
    spacing.attrib.clear()
    set_attrs(
        spacing, before=before, beforeLines=0, after=after, afterLines=0,
        line=exact_twips, lineRule=rule,
    )  # fmt: skip


def set_indent(
    ppr: BaseOxmlElement,
    *,
    char_twips: int,
    left_chars: int = 0,
    right_chars: int = 0,
    first_line_chars: int = 0,
    hanging_chars: int = 0,
) -> None:
    """Indents in grid characters (Word's ``*Chars`` in hundredths) plus twips fallbacks.

    Never both a first-line and a hanging indent: they are one property in Word.
    """
    if first_line_chars and hanging_chars:
        raise ValueError("首行缩进与悬挂缩进不能同时设置")
    ind = child(ppr, "w:ind")
    ind.attrib.clear()
    values: dict[str, str | int] = {
        "leftChars": left_chars * 100,
        "left": left_chars * char_twips,
        "rightChars": right_chars * 100,
        "right": right_chars * char_twips,
    }
    if hanging_chars:
        values |= {"hangingChars": hanging_chars * 100, "hanging": hanging_chars * char_twips}
    else:
        values |= {
            "firstLineChars": first_line_chars * 100,
            "firstLine": first_line_chars * char_twips,
        }
    set_attrs(ind, **values)


def field_runs(instruction: str, placeholder: str) -> list[BaseOxmlElement]:
    """The runs of a complex field (begin, instruction, separate, cached result, end)."""
    runs: list[BaseOxmlElement] = []
    for kind in ("begin", "instr", "separate", "result", "end"):
        run = OxmlElement("w:r")
        if kind == "instr":
            text = OxmlElement("w:instrText")
            text.set(qn("xml:space"), "preserve")
            text.text = f" {instruction} "
            run.append(text)
        elif kind == "result":
            text = OxmlElement("w:t")
            text.text = placeholder
            run.append(text)
        else:
            mark = OxmlElement("w:fldChar")
            set_attrs(mark, fldCharType=kind)
            run.append(mark)
        runs.append(run)
    return runs


def borders(
    tag: str, sides: Iterable[str], size_eighths: int, color: str = "000000"
) -> BaseOxmlElement:
    """A w:tblBorders / w:pBdr / w:tcBorders element with single lines on ``sides``."""
    element: BaseOxmlElement = OxmlElement(tag)
    for side in sides:
        line = OxmlElement(f"w:{side}")
        set_attrs(line, val_="single", sz=size_eighths, space=0, color=color)
        element.append(line)
    return element


def set_table_layout(
    table_element: BaseOxmlElement, widths: Sequence[int], padding: int = 10
) -> None:
    """Fixed column widths in twips on the grid, single borders all round, no table style."""
    tbl_pr = table_element.find(qn("w:tblPr"))
    style = tbl_pr.find(qn("w:tblStyle"))
    if style is not None:
        tbl_pr.remove(style)
    set_attrs(child(tbl_pr, "w:tblW"), w=sum(widths), type="dxa")
    set_attrs(child(tbl_pr, "w:jc"), val_="center")
    old = tbl_pr.find(qn("w:tblBorders"))
    if old is not None:
        tbl_pr.remove(old)
    child(tbl_pr, "w:tblBorders").extend(
        list(borders("w:tblBorders", ("top", "left", "bottom", "right", "insideH", "insideV"), 4))
    )
    set_attrs(child(tbl_pr, "w:tblLayout"), type="fixed")
    margins = child(tbl_pr, "w:tblCellMar")
    margins.clear()
    # ``padding`` twips of air above and below the text; Word's default left/right padding.
    for side, twips in (("top", padding), ("left", 108), ("bottom", padding), ("right", 108)):
        set_attrs(child_append(margins, f"w:{side}"), w=twips, type="dxa")
    grid = table_element.find(qn("w:tblGrid"))
    for column, twips in zip(grid.findall(qn("w:gridCol")), widths, strict=True):
        set_attrs(column, w=twips)
    for row in table_element.findall(qn("w:tr")):
        for cell, twips in zip(row.findall(qn("w:tc")), widths, strict=False):
            tc_pr = cell.get_or_add_tcPr()
            set_attrs(child(tc_pr, "w:tcW"), w=twips, type="dxa")
