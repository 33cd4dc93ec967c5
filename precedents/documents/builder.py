"""The one builder behind every Word export: a GB/T 9704-2012 document, block by block.

`DocumentBuilder.create()` starts a fresh A4 document with the 公文 styles, the
22 x 28 grid and odd/even page numbers; `DocumentBuilder.from_template()` opens
an office's own .docx/.dotx (red header, footers, styles) and writes at its
``[[正文]]`` marker. Document kinds (report, minutes, form, policy draft) only
call the methods below, so they look the same in both cases.

The builder never decides what is personal: every string it writes passes
through ``mask`` (identity by default, for callers that hand over masked text).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Collection, Sequence
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.enum.text import WD_BREAK
from docx.image.exceptions import UnrecognizedImageError
from docx.image.image import Image as DocxImage
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Mm
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from precedents.documents import layout, styles, template
from precedents.documents.fonts import FontSet, default_fonts
from precedents.documents.layout import Grid
from precedents.documents.ooxml import child, set_attrs, set_flag, set_indent
from precedents.documents.page import set_up_page
from precedents.documents.tables import FormRow, form_table, results_table
from precedents.documents.text import Mask, chinese_numeral, end_sentence, format_date, identity
from precedents.errors import DocumentError

_HEADING_CHAR_STYLES = (styles.HEI_CHAR, styles.KAI_CHAR, None, None)


def heading_number(level: int, number: int) -> str:
    """一、 / （一） / 1. / （1）: the four heading levels of GB/T 9704 §7.3.3."""
    if level == 1:
        return f"{chinese_numeral(number)}、"
    if level == 2:
        return f"（{chinese_numeral(number)}）"
    if level == 3:
        return f"{number}."
    if level == 4:
        return f"（{number}）"
    raise ValueError(f"标题层级只能是 1 至 4，收到 {level}")


def text_width(text: str) -> float:
    """Width in grid characters: CJK and full-width forms 1, ASCII half."""
    return sum(0.5 if ord(char) < 0x2E80 and char not in "—…“”‘’" else 1.0 for char in text)


class DocumentBuilder:
    """Writes an official document block by block; see the module docstring."""

    def __init__(
        self,
        document: DocxDocument,
        *,
        fonts: FontSet,
        mask: Mask = identity,
        marker: BaseOxmlElement | None = None,
        template_fields: Collection[str] = (),
    ) -> None:
        self.document = document
        self.fonts = fonts
        self.mask = mask
        #: Field values for an office template's {{…}} placeholders.
        self.fields: dict[str, str] = {}
        self._marker = marker
        self._template_fields = frozenset(template_fields)
        self._counters = [0, 0, 0, 0]
        self._captions = {"图": 0, "表": 0}
        self._last: Paragraph | None = None

    @classmethod
    def create(
        cls, *, fonts: FontSet | None = None, mask: Mask | None = None, grid: Grid = Grid.NATIVE
    ) -> DocumentBuilder:
        """A fresh A4 document; ``grid=Grid.COMPATIBLE`` for LibreOffice previews."""
        fonts = fonts or default_fonts()
        document = docx.Document()
        styles.install_styles(document, fonts, grid)
        set_up_page(document, grid)
        properties = document.core_properties
        properties.author = properties.last_modified_by = ""
        properties.comments = ""
        properties.language = "zh-CN"
        _drop_thumbnail(document)
        return cls(document, fonts=fonts, mask=mask or identity)

    @classmethod
    def from_template(
        cls, path: str | os.PathLike[str], *, fonts: FontSet | None = None, mask: Mask | None = None
    ) -> DocumentBuilder:
        """An office template: page setup, header, footers stay; the body goes at the marker."""
        fonts = fonts or default_fonts()
        document, marker = template.open_template(Path(path))
        styles.ensure_styles(document, fonts)
        fields = template.placeholders(document)
        return cls(
            document, fonts=fonts, mask=mask or identity, marker=marker, template_fields=fields
        )

    @classmethod
    def open(
        cls,
        template: str | os.PathLike[str] | None = None,
        *,
        fonts: FontSet | None = None,
        mask: Mask | None = None,
        grid: Grid = Grid.NATIVE,
    ) -> DocumentBuilder:
        """An office template when one is given, else a fresh document."""
        if template is not None:
            return cls.from_template(template, fonts=fonts, mask=mask)
        return cls.create(fonts=fonts, mask=mask, grid=grid)

    @property
    def uses_template(self) -> bool:
        return self._marker is not None

    def set_field(self, name: str, value: str) -> None:
        """A value for a template's {{name}} field (ignored without a template)."""
        self.fields[name] = self.mask(value)

    def has_field(self, name: str) -> bool:
        """Whether the template shows this field itself (then the body does not repeat it)."""
        return name in self._template_fields

    # -- blocks -----------------------------------------------------------------

    def title(self, lines: str | Sequence[str]) -> None:
        """The title [7.3.1]; pass lines to break a long title where words stay whole."""
        parts = lines.split("\n") if isinstance(lines, str) else list(lines)
        self.fields["标题"] = self.mask("\n".join(part.strip() for part in parts))
        self.document.core_properties.title = self.fields["标题"].replace("\n", "")
        if not self.has_field("标题"):
            self._multiline(parts, styles.TITLE)

    def subtitle(self, text: str) -> None:
        """A line under the title, e.g. "（征求意见稿）" in 楷体."""
        self.fields["副标题"] = self.mask(text)
        if not self.has_field("副标题"):
            self.paragraph(text, style=styles.SUBTITLE)

    def begin_body(self) -> None:
        """The blank line between the title block and the body, unless a template's title
        field stands in the body's place (the template then spaces its own head)."""
        if not self.has_field("标题"):
            self.blank()

    def heading(self, level: int, text: str, *, number: bool = True) -> Paragraph:
        """A numbered heading on its own line; numbering restarts below a higher level."""
        prefix = self._next_number(level) if number else ""
        return self.paragraph(prefix + text, style=styles.HEADINGS[level - 1])

    def run_in(self, level: int, heading: str, body: str) -> Paragraph:
        """A heading that runs into its paragraph: "（一）单人户纳入低保。重病患者……"."""
        paragraph = self._new_paragraph(styles.BODY)
        lead = self._next_number(level) + end_sentence(heading)
        paragraph.add_run(self.mask(lead), style=_HEADING_CHAR_STYLES[level - 1])
        paragraph.add_run(self.mask(body))
        return paragraph

    def paragraph(
        self, text: str = "", *, style: str = styles.BODY, align: str | None = None
    ) -> Paragraph:
        """A paragraph; ``align="left"`` for lines of codes that justify badly."""
        paragraph = self._new_paragraph(style)
        if align is not None:
            set_attrs(child(paragraph._p.get_or_add_pPr(), "w:jc"), val_=align)
        if text:
            paragraph.add_run(self.mask(text))
        return paragraph

    def paragraphs(self, text: str, *, style: str = styles.BODY) -> list[Paragraph]:
        """One paragraph per non-empty line of ``text``."""
        return [
            self.paragraph(line.strip(), style=style) for line in text.splitlines() if line.strip()
        ]

    def blank(self) -> Paragraph:
        """An empty grid line (the standard's "空一行")."""
        return self._new_paragraph(styles.BODY)

    def labelled(self, label: str, text: str) -> Paragraph:
        """A body paragraph led by a 黑体 label: "检索人：王强（社会救助处）"."""
        paragraph = self._new_paragraph(styles.BODY)
        paragraph.add_run(self.mask(label + "："), style=styles.HEI_CHAR)
        paragraph.add_run(self.mask(text))
        return paragraph

    def table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        weights: Sequence[float],
        *,
        centred: Collection[int] = (),
    ) -> Table:
        """A bordered table whose header row repeats on every page."""
        table = results_table(self.document, header, rows, weights, self.mask, centred)
        self._place(table._tbl)
        return table

    def table_caption(self, text: str) -> Paragraph:
        """ "表1　…" centred above the table that follows, kept with it."""
        self._captions["表"] += 1
        paragraph = self.paragraph(f"表{self._captions['表']}　{text}", style=styles.CAPTION)
        set_flag(paragraph._p.get_or_add_pPr(), "w:keepNext", True)
        return paragraph

    def picture(
        self, image: str | os.PathLike[str], caption: str = "", *, width_mm: float = 150.0
    ) -> Paragraph:
        """A picture (a chart) centred on its own line, "图1　caption" below it.

        The picture keeps its proportions and stays inside the type area: at most
        `width_mm` and 156 mm wide, at most 200 mm high. The caption is also its
        alternative text.
        """
        width, height = _fitted(Path(image), width_mm)
        paragraph = self._new_paragraph(styles.FIGURE)
        run = paragraph.add_run()
        try:
            run.add_picture(str(image), width=Mm(width), height=Mm(height))
        except (OSError, UnrecognizedImageError) as error:
            raise DocumentError("document.bad_picture", path=image, reason=error) from error
        label = ""
        if caption:
            self._captions["图"] += 1
            label = self.mask(f"图{self._captions['图']}　{caption}")
        _describe(run, label)
        if label:
            self._new_paragraph(styles.CAPTION).add_run(label)
        return paragraph

    def form(self, rows: Sequence[FormRow], weights: Sequence[float]) -> Table:
        """A form table of label and value cells."""
        table = form_table(self.document, rows, weights, self.mask)
        self._place(table._tbl)
        return table

    def attachment_note(self, names: Sequence[str]) -> None:
        """ "附件：1.XXX" [7.3.4]: two characters in, later names and wrapped lines aligned."""
        if not names:
            return
        # The note stays with the last lines of the body and the signature below it.
        self._keep_with_next()
        set_flag(self.blank()._p.get_or_add_pPr(), "w:keepNext", True)
        numbered = len(names) > 1
        for index, name in enumerate(names, start=1):
            number = f"{index}." if numbered else ""
            lead = "附件：" if index == 1 else ""
            paragraph = self._new_paragraph(styles.ATTACHMENT)
            # Names start after "附件：" (3 characters) and "1." (one character, two half-width).
            left = 2 + 3 + (1 if numbered else 0)
            hanging = left - 2 if index == 1 else (1 if numbered else 0)
            ppr = paragraph._p.get_or_add_pPr()
            set_indent(ppr, char_twips=layout.CHAR_TWIPS, left_chars=left, hanging_chars=hanging)
            set_flag(ppr, "w:keepNext", True)
            paragraph.add_run(self.mask(lead + number + name.rstrip("。；，")))

    def signature(self, organisation: str, day: dt.date) -> None:
        """Issuing organ and date without a seal [7.3.5.2]: date two characters from the right,
        its first character two to the right of the organ's first character."""
        date = format_date(day)
        self.fields["发文机关"] = self.mask(organisation)
        self.fields["成文日期"] = date
        if self.has_field("成文日期"):
            return
        # The signature never stands alone on a page [7.3.5]: keep it with the text above.
        self._keep_with_next()
        set_flag(self.blank()._p.get_or_add_pPr(), "w:keepNext", True)
        organ_width, date_width = text_width(organisation), text_width(date)
        if organ_width >= date_width + 2:
            organ_right, date_right = 2.0, organ_width - date_width
        else:
            organ_right, date_right = 4 + date_width - organ_width, 2.0
        for value, right in ((organisation, organ_right), (date, date_right)):
            paragraph = self.paragraph(value, style=styles.SIGNATURE)
            ppr = paragraph._p.get_or_add_pPr()
            set_attrs(
                child(ppr, "w:ind"),
                rightChars=round(right * 100),
                right=round(right * layout.CHAR_TWIPS),
            )
            set_flag(ppr, "w:keepNext", value is organisation)

    def attendance(self, label: str, names: str) -> Paragraph:
        """ "出席：…" [10.3]: 黑体 label, 仿宋 names, wrapped lines aligned after the colon."""
        paragraph = self._new_paragraph(styles.ATTENDANCE)
        paragraph.add_run(self.mask(label + "："), style=styles.HEI_CHAR)
        paragraph.add_run(self.mask(names))
        return paragraph

    def page_break(self) -> None:
        self._new_paragraph(styles.BODY).add_run().add_break(WD_BREAK.PAGE)

    def appendix(self, label: str, title: str) -> None:
        """An appendix on a new page [8]: "附件1" in 黑体 top left, the title on the third line."""
        self.paragraph(label, style=styles.APPENDIX_LABEL)
        self.blank()
        self._multiline(title.split("\n"), styles.TITLE)
        self.blank()
        self.restart_numbering()

    def restart_numbering(self) -> None:
        self._counters = [0, 0, 0, 0]

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the .docx; fills an office template's fields and removes its marker first."""
        target = Path(path)
        if self._marker is not None:
            template.finish(self.document, self._marker, self.fields)
            self._marker = None
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            self.document.save(str(target))
        except OSError as error:
            raise DocumentError("document.write_failed", path=target, reason=error) from error
        return target

    # -- internals --------------------------------------------------------------

    def _next_number(self, level: int) -> str:
        if not 1 <= level <= 4:
            raise ValueError(f"标题层级只能是 1 至 4，收到 {level}")
        self._counters[level - 1] += 1
        for deeper in range(level, 4):
            self._counters[deeper] = 0
        return heading_number(level, self._counters[level - 1])

    def _keep_with_next(self) -> None:
        if self._last is not None:
            set_flag(self._last._p.get_or_add_pPr(), "w:keepNext", True)

    def _multiline(self, lines: Sequence[str], style: str) -> Paragraph:
        paragraph = self._new_paragraph(style)
        for index, line in enumerate(lines):
            run = paragraph.add_run(self.mask(line.strip()))
            if index < len(lines) - 1:
                run.add_break()
        return paragraph

    def _new_paragraph(self, style: str) -> Paragraph:
        paragraph = self.document.add_paragraph(style=style)
        self._place(paragraph._p)
        self._last = paragraph
        return paragraph

    def _place(self, element: BaseOxmlElement) -> None:
        # python-docx appends at the end of the body; a template's body goes before its marker.
        if self._marker is not None:
            self._marker.addprevious(element)


#: Largest picture height in millimetres: the 225 mm type area less a caption and a line.
MAX_PICTURE_HEIGHT_MM = 200.0


def _fitted(path: Path, width_mm: float) -> tuple[float, float]:
    """Width and height in millimetres that keep the picture's proportions and fit the page."""
    try:
        image = DocxImage.from_file(str(path))
    except (OSError, UnrecognizedImageError) as error:
        raise DocumentError("document.bad_picture", path=path, reason=error) from error
    ratio = image.px_height / image.px_width if image.px_width else 1.0
    width = min(width_mm, layout.TYPE_WIDTH / layout.TWIPS_PER_MM)
    if width * ratio > MAX_PICTURE_HEIGHT_MM:
        width = MAX_PICTURE_HEIGHT_MM / ratio
    return width, width * ratio


def _describe(run: Run, text: str) -> None:
    """Name the picture by its caption instead of the file it came from (a temporary path)."""
    for doc_pr in run._r.iter(qn("wp:docPr")):
        doc_pr.set("descr", text)
        doc_pr.set("title", text)
    for c_nv_pr in run._r.iter(qn("pic:cNvPr")):
        c_nv_pr.set("name", text or "图片")


def _drop_thumbnail(document: DocxDocument) -> None:
    """The default template's thumbnail shows a blank page; Explorer would show it."""
    rels = document.part.package.rels
    for rel_id, rel in list(rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            del rels[rel_id]
