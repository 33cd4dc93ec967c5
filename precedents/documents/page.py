"""Page setup, the 22 x 28 grid and the odd/even page numbers of GB/T 9704-2012.

Page numbers [7.5] are "— 1 —" in 4号半角宋体 one line below the type area:
right-aligned one character in on odd pages, left-aligned one character in on
even pages. Word needs ``evenAndOddHeaders`` in the settings and two footers,
each with a PAGE field.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import Section
from docx.text.paragraph import Paragraph

from precedents.documents import layout, styles
from precedents.documents.layout import Grid
from precedents.documents.ooxml import child, field_runs, set_attrs

#: One 4号 character, the indent of the page number from the type area's edge.
PAGE_NUMBER_INDENT = layout.pt(layout.PAGE_NUMBER_SIZE)
#: The 一字线 on both sides of the number.
DASH = "—"


def set_up_page(document: DocxDocument, grid: Grid) -> None:
    """A4, the GB/T 9704 margins, the grid, and the two page-number footers."""
    section = document.sections[0]
    sect_pr = section._sectPr
    page_size = child_of(sect_pr, "w:pgSz")
    page_size.attrib.clear()
    set_attrs(page_size, w=layout.PAGE_WIDTH, h=layout.PAGE_HEIGHT)
    margins = child_of(sect_pr, "w:pgMar")
    margins.attrib.clear()
    set_attrs(
        margins,
        top=layout.MARGIN_TOP,
        right=layout.MARGIN_RIGHT,
        bottom=layout.MARGIN_BOTTOM,
        left=layout.MARGIN_LEFT,
        header=layout.HEADER_DISTANCE,
        footer=layout.FOOTER_DISTANCE,
        gutter=0,
    )
    set_grid(sect_pr, grid)
    document.settings.odd_and_even_pages_header_footer = True
    add_page_numbers(section)


def child_of(sect_pr: BaseOxmlElement, tag: str) -> BaseOxmlElement:
    """A child of w:sectPr, appended when missing (w:sectPr keeps pgSz, pgMar, docGrid last)."""
    found = sect_pr.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        sect_pr.append(found)
    return found  # type: ignore[no-any-return]


def set_grid(sect_pr: BaseOxmlElement, grid: Grid) -> None:
    """The native Word grid, or the compatible variant (line pitch only, no grid type)."""
    doc_grid = child_of(sect_pr, "w:docGrid")
    doc_grid.attrib.clear()
    if grid is Grid.NATIVE:
        set_attrs(
            doc_grid,
            type="linesAndChars",
            linePitch=layout.LINE_PITCH,
            charSpace=layout.char_space(layout.BODY_SIZE),
        )
    else:
        set_attrs(doc_grid, linePitch=layout.LINE_PITCH)


def add_page_numbers(section: Section) -> None:
    """ "— N —" on odd pages right, on even pages left, each one character in."""
    section.footer.is_linked_to_previous = False
    section.even_page_footer.is_linked_to_previous = False
    _page_number(section.footer.paragraphs[0], odd=True)
    _page_number(section.even_page_footer.paragraphs[0], odd=False)


def _page_number(paragraph: Paragraph, *, odd: bool) -> None:
    paragraph.style = styles.FOOTER
    ppr = paragraph._p.get_or_add_pPr()
    set_attrs(child(ppr, "w:jc"), val_="right" if odd else "left")
    indent = child(ppr, "w:ind")
    indent.attrib.clear()
    side = "right" if odd else "left"
    set_attrs(indent, **{side: PAGE_NUMBER_INDENT, f"{side}Chars": 0})
    paragraph.add_run(DASH + " ")
    for run in field_runs("PAGE", "1"):
        paragraph._p.append(run)
    paragraph.add_run(" " + DASH)
