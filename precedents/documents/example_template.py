"""The shipped example of an office template (红头), and how it is made.

    python -m precedents.documents.example_template [OUT.docx] [--organisation 厦门市民政局]

An office normally makes its template in Word or WPS; this one is made by the
builder so that it is reproducible and shows every part a template needs: the
red organisation line and red rule of the 版头, the 公文 styles and page-number
footers, the {{文号}} / {{标题}} / {{副标题}} fields and the [[正文]] marker. The
signature is not in the template: the documents that need one write it.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from docx.text.paragraph import Paragraph

from precedents.documents import layout, styles
from precedents.documents.builder import DocumentBuilder
from precedents.documents.fonts import FontSet
from precedents.documents.layout import Grid
from precedents.documents.ooxml import borders, child, set_attrs, set_flag, set_fonts, set_size
from precedents.documents.template import BODY_MARKER

EXAMPLE_TEMPLATE = Path(__file__).resolve().parent / "templates" / "red-header-example.docx"
RED = "FF0000"
#: Size of the organisation line: large and bold-looking, as offices print it.
HEADER_SIZE = 36.0


def make_example_template(
    path: str | Path = EXAMPLE_TEMPLATE,
    *,
    organisation: str = "厦门市民政局",
    fonts: FontSet | None = None,
    grid: Grid = Grid.NATIVE,
) -> Path:
    """Write the example template; standard font names unless ``fonts`` is given."""
    builder = DocumentBuilder.create(fonts=fonts or FontSet(), grid=grid)
    _organisation_line(builder.paragraph(organisation, style=styles.CENTRED), builder.fonts)
    builder.blank()
    builder.paragraph("{{文号}}", style=styles.CENTRED)
    _red_rule(builder.paragraph(style=styles.PLAIN))
    builder.blank()
    builder.paragraph("{{标题}}", style=styles.TITLE)
    builder.paragraph("{{副标题}}", style=styles.SUBTITLE)
    builder.blank()
    builder.paragraph(BODY_MARKER)
    builder.document.core_properties.title = f"{organisation}公文模板"
    return builder.save(path)


def _organisation_line(paragraph: Paragraph, fonts: FontSet) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    set_flag(ppr, "w:snapToGrid", False)
    spacing = child(ppr, "w:spacing")
    set_attrs(spacing, line=layout.pt(HEADER_SIZE * 1.3), lineRule="exact")
    run = paragraph.runs[0]
    rpr = run._r.get_or_add_rPr()
    set_fonts(rpr, fonts.title)
    set_attrs(child(rpr, "w:color"), val_=RED)
    # Letter-spaced so the line reads as a header, not a title.
    set_attrs(child(rpr, "w:spacing"), val_=layout.pt(6))
    set_size(rpr, HEADER_SIZE)


def _red_rule(paragraph: Paragraph) -> None:
    """The red separator line of the 版头, as wide as the type area (a bottom border)."""
    ppr = paragraph._p.get_or_add_pPr()
    set_flag(ppr, "w:snapToGrid", False)
    set_attrs(child(ppr, "w:spacing"), line=layout.pt(8), lineRule="exact")
    rule = child(ppr, "w:pBdr")
    rule.extend(list(borders("w:pBdr", ("bottom",), 12, RED)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="生成红头公文模板示例")
    parser.add_argument("out", nargs="?", type=Path, default=EXAMPLE_TEMPLATE)
    parser.add_argument("--organisation", default="厦门市民政局")
    parser.add_argument("--compatible", action="store_true", help="LibreOffice 预览用的网格")
    args = parser.parse_args(argv)
    grid = Grid.COMPATIBLE if args.compatible else Grid.NATIVE
    print(make_example_template(args.out, organisation=args.organisation, grid=grid))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
