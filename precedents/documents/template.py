"""Office templates (红头): open, find the body marker, fill fields, check.

An office prepares a .docx (or .dotx) in Word or WPS holding its red header,
page setup, footers and styles, one paragraph holding only ``[[正文]]`` where the
body goes, and simple fields such as ``{{标题}}`` and ``{{成文日期}}``. Word splits
typed text into several runs (spell checking, edits), so a field is matched over
the joined text of a paragraph and rewritten into the runs it spans, keeping the
first run's formatting. The marker paragraph is deleted at the end; if it carries
a section break, it is emptied instead so the section survives.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator, Mapping
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.parts.hdrftr import FooterPart, HeaderPart

from precedents.errors import DocumentError

BODY_MARKER = "[[正文]]"
FIELD_PATTERN = re.compile(r"\{\{\s*([^{}\s]+?)\s*\}\}")
#: Fields the document kinds fill.
KNOWN_FIELDS: tuple[str, ...] = ("标题", "副标题", "发文机关", "成文日期", "文号", "文种")

_DOCUMENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_TEMPLATE_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_KEEP_TAGS = tuple(
    qn(tag)
    for tag in ("w:drawing", "w:pict", "w:object", "w:fldChar", "w:fldSimple", "w:br", "w:sectPr")
)
_MACRO_TYPES = (
    "application/vnd.ms-word.document.macroEnabled",
    "application/vnd.ms-word.template.macroEnabled",
)


def load_document(path: Path) -> DocxDocument:
    """Open a .docx, or a .dotx after rewriting its content type to a document's."""
    try:
        data = path.read_bytes()
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            types = package.read("[Content_Types].xml").decode("utf-8")
            if any(kind in types for kind in _MACRO_TYPES):
                raise DocumentError("template.macro", path=path)
            if _TEMPLATE_TYPE in types:
                data = _rewrite_content_type(package, types.replace(_TEMPLATE_TYPE, _DOCUMENT_TYPE))
        return docx.Document(io.BytesIO(data))
    except DocumentError:
        raise
    except (OSError, KeyError, ValueError, zipfile.BadZipFile) as error:
        raise DocumentError("template.unreadable", path=path, reason=error) from error


def _rewrite_content_type(package: zipfile.ZipFile, types: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as rewritten:
        for item in package.infolist():
            content = package.read(item.filename)
            if item.filename == "[Content_Types].xml":
                content = types.encode("utf-8")
            rewritten.writestr(item, content)
    return out.getvalue()


def open_template(path: Path) -> tuple[DocxDocument, BaseOxmlElement]:
    """The template and its marker paragraph; raises when the marker is unusable."""
    document = load_document(path)
    problem = marker_problem(document, path)
    if problem is not None:
        raise problem
    return document, body_markers(document)[0]


def body_markers(document: DocxDocument) -> list[BaseOxmlElement]:
    """Paragraphs directly in the body whose whole text is the marker."""
    body = document.element.body
    return [p for p in body.findall(qn("w:p")) if paragraph_text(p).strip() == BODY_MARKER]


def marker_problem(document: DocxDocument, path: Path) -> DocumentError | None:
    """Why the template's marker cannot be used, or None."""
    markers = body_markers(document)
    if len(markers) == 1:
        return None
    if len(markers) > 1:
        return DocumentError(
            "template.many_markers", path=path, marker=BODY_MARKER, count=len(markers)
        )
    for root, place in story_roots(document):
        for paragraph in root.iter(qn("w:p")):
            if BODY_MARKER in paragraph_text(paragraph):
                if place == "正文" and paragraph.getparent() is document.element.body:
                    return DocumentError("template.marker_not_alone", path=path, marker=BODY_MARKER)
                where = place if place != "正文" else "表格或文本框中"
                return DocumentError(
                    "template.marker_misplaced", path=path, marker=BODY_MARKER, place=where
                )
    return DocumentError("template.no_marker", path=path, marker=BODY_MARKER)


def placeholders(document: DocxDocument) -> set[str]:
    """Names of every {{field}} in the body, tables, text boxes, headers and footers."""
    names: set[str] = set()
    for root, _place in story_roots(document):
        for paragraph in root.iter(qn("w:p")):
            names.update(
                match.group(1) for match in FIELD_PATTERN.finditer(paragraph_text(paragraph))
            )
    return names


def finish(document: DocxDocument, marker: BaseOxmlElement, values: Mapping[str, str]) -> None:
    """Fill every field (unknown ones become empty) and remove the marker paragraph."""
    for root, _place in story_roots(document):
        for paragraph in list(root.iter(qn("w:p"))):
            fill_paragraph(paragraph, values)
    if marker.find(qn("w:pPr") + "/" + qn("w:sectPr")) is not None:
        for run in marker.findall(qn("w:r")):
            marker.remove(run)
    else:
        marker.getparent().remove(marker)


def fill_paragraph(paragraph: BaseOxmlElement, values: Mapping[str, str]) -> None:
    """Replace the {{fields}} of one paragraph, however Word split them into runs.

    A paragraph that held nothing but fields that came out empty is removed, so an
    unused {{副标题}} leaves no blank line (unless it is a table cell's last paragraph).
    """
    runs = _own_runs(paragraph)
    texts = [_run_text(run) for run in runs]
    joined = "".join(texts)
    matches = list(FIELD_PATTERN.finditer(joined))
    if not matches:
        return
    for match in reversed(matches):
        texts = splice(texts, match.start(), match.end(), values.get(match.group(1), ""))
    for run, (old, new) in zip(runs, zip(_run_texts(runs), texts, strict=True), strict=True):
        if old != new:
            _set_run_text(run, new)
    if not "".join(texts).strip() and not FIELD_PATTERN.sub("", joined).strip():
        _remove_if_bare(paragraph)


def _remove_if_bare(paragraph: BaseOxmlElement) -> None:
    """Remove a paragraph left empty, unless it holds a drawing, field, break or section."""
    if any(paragraph.iter(*_KEEP_TAGS)):
        return
    parent = paragraph.getparent()
    if parent is not None:
        siblings = parent.findall(qn("w:p"))
        # A table cell must keep at least one paragraph.
        if not (parent.tag == qn("w:tc") and len(siblings) == 1):
            parent.remove(paragraph)


def splice(texts: list[str], start: int, end: int, replacement: str) -> list[str]:
    """Replace the span [start, end) of the joined ``texts`` inside the first piece it touches."""
    result = list(texts)
    offset = 0
    first = last = -1
    first_offset = last_offset = 0
    for index, text in enumerate(texts):
        if first < 0 and start < offset + len(text):
            first, first_offset = index, start - offset
        if end <= offset + len(text):
            last, last_offset = index, end - offset
            break
        offset += len(text)
    if first < 0 or last < 0:
        raise ValueError("字段位置超出段落文字范围")
    if first == last:
        result[first] = texts[first][:first_offset] + replacement + texts[first][last_offset:]
        return result
    result[first] = texts[first][:first_offset] + replacement
    for index in range(first + 1, last):
        result[index] = ""
    result[last] = texts[last][last_offset:]
    return result


def paragraph_text(paragraph: BaseOxmlElement) -> str:
    return "".join(_run_texts(_own_runs(paragraph)))


def story_roots(document: DocxDocument) -> Iterator[tuple[BaseOxmlElement, str]]:
    """The body and every header and footer part (read from the package: asking python-docx
    for a section's header would create one)."""
    yield document.element.body, "正文"
    for part in document.part.package.iter_parts():
        if isinstance(part, HeaderPart):
            yield part.element, "页眉中"
        elif isinstance(part, FooterPart):
            yield part.element, "页脚中"


def _own_runs(paragraph: BaseOxmlElement) -> list[BaseOxmlElement]:
    """Runs of this paragraph, including those in hyperlinks, not those of nested text boxes."""
    return [run for run in paragraph.iter(qn("w:r")) if _owner(run) is paragraph]


def _owner(run: BaseOxmlElement) -> BaseOxmlElement | None:
    parent: BaseOxmlElement | None = run.getparent()
    while parent is not None and parent.tag != qn("w:p"):
        parent = parent.getparent()
    return parent


def _run_text(run: BaseOxmlElement) -> str:
    return "".join(t.text or "" for t in run.findall(qn("w:t")))


def _run_texts(runs: list[BaseOxmlElement]) -> list[str]:
    return [_run_text(run) for run in runs]


def _set_run_text(run: BaseOxmlElement, text: str) -> None:
    """Rewrite a run's text where its first w:t was; line breaks in ``text`` become w:br."""
    pieces = run.findall(qn("w:t"))
    position = list(run).index(pieces[0])
    for piece in pieces:
        run.remove(piece)
    for index, line in enumerate(text.split("\n")):
        if index:
            run.insert(position, OxmlElement("w:br"))
            position += 1
        element = OxmlElement("w:t")
        element.text = line
        element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        run.insert(position, element)
        position += 1
