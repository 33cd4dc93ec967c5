"""Check an office template before it is used: what will fail, and what will look wrong.

`check_template` returns problems instead of raising, so the desktop can list
them when an officer picks a template. A blocking problem (no usable marker, an
unreadable or macro file) makes exports fail; the others are warnings: missing
公文 styles are added from the defaults, fonts not installed here are substituted.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.parts.hdrftr import FooterPart

from precedents.documents import styles
from precedents.documents.fonts import installed_families, is_installed
from precedents.documents.ooxml import THEME_FONT_ATTRIBUTES
from precedents.documents.template import (
    KNOWN_FIELDS,
    load_document,
    marker_problem,
    placeholders,
    story_roots,
)
from precedents.errors import MESSAGES, DocumentError

_FONT_SLOTS = (qn("w:eastAsia"), qn("w:ascii"))


@dataclass(frozen=True, slots=True)
class TemplateProblem:
    """One finding: a message code of `precedents.errors.MESSAGES`, its parameters, severity."""

    code: str
    blocking: bool
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def message(self) -> str:
        return MESSAGES[self.code].format(**self.params)


def check_template(
    path: str | os.PathLike[str], installed: Iterable[str] | None = None
) -> list[TemplateProblem]:
    """Everything wrong with a template; empty when it is ready to use.

    ``installed`` is the list of installed font families (read from this machine
    when None); fonts are not judged when it is empty.
    """
    template_path = Path(path)
    try:
        document = load_document(template_path)
    except DocumentError as error:
        return [TemplateProblem(error.code, True, error.params)]
    problems: list[TemplateProblem] = []
    marker = marker_problem(document, template_path)
    if marker is not None:
        problems.append(TemplateProblem(marker.code, True, marker.params))
    where = {"path": template_path}
    names = {style.name for style in document.styles}
    missing = [name for name in styles.BUILDER_STYLES if name not in names]
    if missing:
        problems.append(
            TemplateProblem("template.missing_styles", False, where | {"names": "、".join(missing)})
        )
    themed = _themed_styles(document)
    if themed:
        problems.append(
            TemplateProblem("template.theme_fonts", False, where | {"names": "、".join(themed)})
        )
    families = frozenset(installed_families() if installed is None else installed)
    absent = [
        font for font in _fonts_named(document) if families and not is_installed(font, families)
    ]
    if absent:
        problems.append(
            TemplateProblem("template.font_missing", False, where | {"names": "、".join(absent)})
        )
    unknown = sorted(placeholders(document) - set(KNOWN_FIELDS))
    if unknown:
        params = where | {
            "names": "、".join("{{" + name + "}}" for name in unknown),
            "known": "、".join(KNOWN_FIELDS),
        }
        problems.append(TemplateProblem("template.unknown_fields", False, params))
    if not _has_page_field(document):
        problems.append(TemplateProblem("template.no_page_number", False, where))
    return problems


def _themed_styles(document: DocxDocument) -> list[str]:
    """Names of the builder's styles and Normal that use theme fonts (theme beats names)."""
    wanted = {styles.NORMAL, *styles.BUILDER_STYLES}
    found = []
    for style in document.styles:
        if style.name not in wanted:
            continue
        fonts = style.element.find(qn("w:rPr") + "/" + qn("w:rFonts"))
        if fonts is not None and any(
            attribute in fonts.attrib for attribute in THEME_FONT_ATTRIBUTES
        ):
            found.append(str(style.name))
    return found


def _fonts_named(document: DocxDocument) -> list[str]:
    """Fonts of the styles the documents use and of direct formatting, first seen first."""
    stories = [root for root, _place in story_roots(document)]
    used = {styles.NORMAL, *styles.BUILDER_STYLES}
    by_id = {style.style_id: style for style in document.styles}
    for root in stories:
        for tag in ("w:pStyle", "w:rStyle", "w:tblStyle"):
            for ref in root.iter(qn(tag)):
                style = by_id.get(ref.get(qn("w:val")))
                if style is not None:
                    used.add(str(style.name))
    elements = [document.styles.element.find(qn("w:docDefaults"))]
    for style in document.styles:
        while style is not None and style.name in used:
            elements.append(style.element)
            style = style.base_style
    seen: dict[str, None] = {}
    for root in [*elements, *stories]:
        for fonts in root.iter(qn("w:rFonts")) if root is not None else ():
            for slot in _FONT_SLOTS:
                name = fonts.get(slot)
                if name:
                    seen.setdefault(name, None)
    return list(seen)


def _has_page_field(document: DocxDocument) -> bool:
    for part in document.part.package.iter_parts():
        if not isinstance(part, FooterPart):
            continue
        instructions = "".join(text.text or "" for text in part.element.iter(qn("w:instrText")))
        simple = [f.get(qn("w:instr"), "") for f in part.element.iter(qn("w:fldSimple"))]
        if "PAGE" in instructions.upper() or any("PAGE" in s.upper() for s in simple):
            return True
    return False
