"""The policy draft as the editor holds it: which parts officers edit, and how.

Qt-free, like the record form's state. The editor changes the title, the text
and run-in heading of any paragraph of the five body sections and of the parts
of the 起草说明 that the Word document prints as written; it adds and removes
paragraphs. The citations of a paragraph (the precedents a statement rests on)
are kept apart from its text, so rewriting a sentence never loses them; a
citation typed into the text in the document's own form,
"（参见 XM-JM-2023-001、XM-HC-2022-504）", is taken out of the text and added
to the paragraph's citations. The parts of the 起草说明 that the document
writes from the precedents' figures (先例依据, 拟破除的政策门槛) are shown, not
edited.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass

from precedents.patterns.draft import (
    CITATION,
    AppendixEntry,
    DraftParagraph,
    DraftSection,
    PolicyDraftContent,
    ordinal,
)

#: Sections of the 起草说明 the Word document writes from the figures, not from the text.
GENERATED_NOTE_SECTIONS = frozenset({"evidence", "barrier"})
#: Separators between codes in a typed citation.
_CODE_SEPARATORS = "、，,；; "


@dataclass(frozen=True, slots=True)
class SectionRef:
    """Where a section lives: in the body (part "body") or the 起草说明 (part "note")."""

    part: str
    key: str
    heading: str
    editable: bool


def split_citation(text: str) -> tuple[str, list[str]]:
    """The text without typed citations, and the codes they named, in order."""
    codes: list[str] = []
    for match in CITATION.finditer(text):
        for code in _split_codes(match.group(1)):
            if code not in codes:
                codes.append(code)
    return CITATION.sub("", text).strip(), codes


def _split_codes(text: str) -> list[str]:
    for separator in _CODE_SEPARATORS:
        text = text.replace(separator, " ")
    return [part for part in text.split() if part]


class DraftState:
    """An editable copy of a draft; `content()` gives what to save."""

    def __init__(self, content: PolicyDraftContent) -> None:
        self._content = copy.deepcopy(content)
        self.dirty = False

    @property
    def title(self) -> str:
        return self._content.title

    def set_title(self, title: str) -> None:
        cleaned = " ".join(title.split())
        if cleaned != self._content.title:
            self._content.title = cleaned
            self.dirty = True

    def sections(self) -> list[SectionRef]:
        body = [SectionRef("body", s.key, s.heading, True) for s in self._content.sections]
        note = [
            SectionRef("note", s.key, s.heading, s.key not in GENERATED_NOTE_SECTIONS)
            for s in self._content.note
        ]
        return body + note

    def section(self, ref: SectionRef) -> DraftSection:
        parts = self._content.sections if ref.part == "body" else self._content.note
        return next(s for s in parts if s.key == ref.key)

    def paragraphs(self, ref: SectionRef) -> list[DraftParagraph]:
        return self.section(ref).paragraphs

    def set_paragraph(self, ref: SectionRef, index: int, text: str, heading: str) -> None:
        """New text (typed citations moved to the citations) and run-in heading."""
        self._check_editable(ref)
        paragraph = self.paragraphs(ref)[index]
        body, typed = split_citation(text)
        cites = paragraph.cites + [c for c in typed if c not in paragraph.cites]
        heading = heading.strip().rstrip("。")
        if (body, cites, heading) != (paragraph.text, paragraph.cites, paragraph.heading):
            paragraph.text, paragraph.cites, paragraph.heading = body, cites, heading
            self.dirty = True

    def remove_citation(self, ref: SectionRef, index: int, code: str) -> None:
        self._check_editable(ref)
        paragraph = self.paragraphs(ref)[index]
        if code in paragraph.cites:
            paragraph.cites.remove(code)
            self.dirty = True

    def add_paragraph(self, ref: SectionRef, after: int | None = None) -> int:
        """A new empty paragraph after `after` (at the end by default); returns its index.

        It is numbered when the paragraph before it is (a further （五）), and the
        section's numbers are counted again.
        """
        self._check_editable(ref)
        paragraphs = self.paragraphs(ref)
        position = len(paragraphs) if after is None else after + 1
        before = paragraphs[position - 1] if position > 0 else None
        numbered = before is not None and bool(before.number)
        paragraphs.insert(position, DraftParagraph(text="", number="（）" if numbered else ""))
        self._renumber(paragraphs)
        self.dirty = True
        return position

    def remove_paragraph(self, ref: SectionRef, index: int) -> None:
        self._check_editable(ref)
        paragraphs = self.paragraphs(ref)
        del paragraphs[index]
        self._renumber(paragraphs)
        self.dirty = True

    @staticmethod
    def _renumber(paragraphs: list[DraftParagraph]) -> None:
        numbered = [p for p in paragraphs if p.number]
        for n, paragraph in enumerate(numbered, start=1):
            paragraph.number = ordinal(n)

    def _check_editable(self, ref: SectionRef) -> None:
        if not ref.editable:
            raise ValueError(f"section {ref.key} is written from the figures, not edited")

    def cited_codes(self) -> list[str]:
        """Every code cited anywhere, in the order of the appendix."""
        cited = self._content.cited_codes()
        ordered = [e.code for e in self._content.appendix if e.code in cited]
        return ordered + sorted(cited - set(ordered))

    def iter_paragraphs(self) -> Iterator[tuple[SectionRef, int, DraftParagraph]]:
        for ref in self.sections():
            for index, paragraph in enumerate(self.paragraphs(ref)):
                yield ref, index, paragraph

    def problems(self) -> list[str]:
        """What would make the draft unfit to save, in Chinese, with where."""
        out = []
        if not self._content.title:
            out.append("标题不能为空")
        for ref, index, paragraph in self.iter_paragraphs():
            if ref.editable and not paragraph.text.strip() and not paragraph.heading:
                out.append(f"“{ref.heading}”第{index + 1}段没有内容，请填写或删除该段")
        return out

    def content(self) -> PolicyDraftContent:
        """The edited draft, as a copy (the state stays editable)."""
        return copy.deepcopy(self._content)

    def mark_saved(self, content: PolicyDraftContent) -> None:
        self._content = copy.deepcopy(content)
        self.dirty = False

    @property
    def appendix(self) -> list[AppendixEntry]:
        """The supporting precedents (masked): written from the pattern, not edited."""
        return list(self._content.appendix)

    @property
    def appendix_title(self) -> str:
        return self._content.appendix_title

    @property
    def note_title(self) -> str:
        return self._content.note_title
