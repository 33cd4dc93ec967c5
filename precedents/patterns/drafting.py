"""Writing a general-policy draft from a pattern of precedents.

`draft_policy` writes what a civil-affairs drafter would put on the table: a
实施意见 whose 适用对象 and 认定条件 come from the pattern's defining
hardships and the barrier the precedents had to work around, whose 救助措施
take their types and amounts from what the precedents decided, a standard
办理程序 and 附则, an appendix of the supporting precedents (titles masked),
and a 起草说明 that sets out the evidence. Every statement drawn from the
precedents cites them by code: （参见 XM-JM-2023-001、XM-HC-2022-504）.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from precedents.errors import PatternError
from precedents.patterns import wording
from precedents.patterns.describe import AmountStats, Pattern
from precedents.patterns.draft import (
    SECTION_HEADINGS,
    AmountEvidence,
    AppendixEntry,
    DraftEvidence,
    DraftParagraph,
    DraftSection,
    PolicyDraftContent,
    ordinal,
    yuan,
)
from precedents.patterns.features import record_date
from precedents.patterns.notes import drafting_note
from precedents.record import PrecedentRecord
from precedents.vocabulary import Vocabulary

Mask = Callable[[str], str]

#: A measure decided in at least this share of the precedents, without defining the
#: pattern, becomes an optional provision ("可视情况").
OPTIONAL_MEASURE_SHARE = 1 / 3
#: Measures that decide a household's status lead the title and the measures.
STATUS_MEASURES = ("单人户低保", "低保", "低保边缘", "特困集中供养", "特困供养")


def _unique(codes: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(codes))


def removed_barriers(pattern: Pattern, vocabulary: Vocabulary) -> list[str]:
    """The barriers the policy removes: the defining ones, causes before their effects."""
    chosen = list(pattern.barriers)
    if not chosen:
        common = [b for b, n in pattern.household.barriers if n >= 2 and n * 3 >= pattern.support]
        chosen = common[:1]
    effects: set[str] = set()
    for barrier in chosen:
        term = vocabulary.term("barrier", barrier)
        effects.update(b for b in (term.related if term else ()) if b in chosen)
    return [b for b in chosen if b not in effects] or chosen


def provided_measures(pattern: Pattern) -> tuple[list[AmountStats], list[AmountStats]]:
    """(required, optional) measures with their amounts, status measures first."""
    required, optional = [], []
    for stats in pattern.amounts:
        if stats.measure in pattern.measures:
            required.append(stats)
        elif stats.count >= OPTIONAL_MEASURE_SHARE * pattern.support and stats.count >= 2:
            optional.append(stats)

    def order(stats: AmountStats) -> tuple[int, int]:
        lead = STATUS_MEASURES.index(stats.measure) if stats.measure in STATUS_MEASURES else 99
        return lead, -stats.count

    return sorted(required, key=order), sorted(optional, key=order)


def draft_title(pattern: Pattern, required: Sequence[AmountStats]) -> str:
    noun = wording.hardship_noun(pattern.hardships)
    if not required:
        return f"关于进一步做好{noun}救助帮扶工作的实施意见"
    lead = required[0].measure
    preposition = "将" if lead in STATUS_MEASURES else "对"
    return f"关于{preposition}{noun}{wording.title_action(lead)}的实施意见"


class _Writer:
    """Holds what every section needs: the pattern, its records, the mask, the vocabulary."""

    def __init__(
        self,
        pattern: Pattern,
        records: Sequence[PrecedentRecord],
        mask: Mask,
        vocabulary: Vocabulary,
    ) -> None:
        self.pattern = pattern
        self.records = sorted(records, key=lambda r: (record_date(r), r.code))
        self.mask = mask
        self.vocabulary = vocabulary
        self.required, self.optional = provided_measures(pattern)
        self.barriers = removed_barriers(pattern, vocabulary)

    def having(self, kind: str, label: str) -> list[str]:
        field = {"hardship": "hardships", "barrier": "barriers"}[kind]
        return [r.code for r in self.records if label in getattr(r, field)]

    def key_terms(self, count: int = 3) -> list[str]:
        return [self.mask(t) for t in self.pattern.key_terms[:count]]

    def scope(self) -> list[DraftParagraph]:
        noun = wording.scope_noun(self.pattern.hardships)
        clauses = [wording.hardship_clause(h) for h in wording.conditions(self.pattern.hardships)]
        if len(clauses) > 1:
            clauses[-1] = "且" + clauses[-1]
        situation = "，".join(clauses) or "生活陷入困境"
        paragraphs = [
            DraftParagraph(f"本意见适用于具有本市户籍，{situation}的{noun}（以下简称救助对象）。")
        ]
        terms = self.key_terms()
        if terms:
            shown = self.pattern.key_terms[:3]
            cited = [c for t in shown for c in self.pattern.term_codes.get(t, ())]
            quoted = "".join(f"“{t}”" for t in terms)
            text = f"已办理的同类“一事一议”先例中，反复出现的情形有{quoted}等。"
            paragraphs.append(DraftParagraph(text, _unique(cited)))
        return paragraphs

    def criteria(self) -> list[DraftParagraph]:
        items = [
            (f"{wording.hardship_clause(h)}；", self.having("hardship", h))
            for h in wording.conditions(self.pattern.hardships)
        ]
        items.extend(
            (f"{wording.barrier_clause(b)}，按现行规定难以获得救助；", self.having("barrier", b))
            for b in self.barriers
        )
        items.append(("家庭经济状况经镇人民政府（街道办事处）核对，符合本意见规定的条件。", []))
        lines = [DraftParagraph("同时符合下列条件的，认定为救助对象：")]
        lines.extend(
            DraftParagraph(text, codes, ordinal(n)) for n, (text, codes) in enumerate(items, 1)
        )
        rules = [wording.barrier_rule(b) for b in self.barriers]
        if rules:
            lines.append(DraftParagraph(f"认定时，{'；'.join(rules)}。"))
        return lines

    def measures(self) -> list[DraftParagraph]:
        lines = [DraftParagraph("对认定的救助对象，根据家庭困难程度，采取下列措施：")]
        entries = [(s, True) for s in self.required] + [(s, False) for s in self.optional]
        for n, (stats, required) in enumerate(entries, start=1):
            lead = "" if required else "根据需要，可以"
            text, cites = self._amount_sentence(stats)
            lines.append(
                DraftParagraph(
                    f"{lead}{wording.measure_action(stats.measure)}{text}。",
                    cites,
                    ordinal(n),
                    wording.measure_heading(stats.measure),
                )
            )
        if len(lines) == 1:
            text = "由区民政局会同有关部门，参照已有先例研究确定具体救助措施。"
            lines.append(DraftParagraph(text, list(self.pattern.codes), ordinal(1)))
        return lines

    def _amount_sentence(self, stats: AmountStats) -> tuple[str, list[str]]:
        if stats.minimum is None or stats.maximum is None:
            return "", self._deciding(stats.measure)
        if stats.minimum == stats.maximum:
            return f"，标准参照已有先例，一般为{yuan(stats.minimum)}", list(stats.codes_with_amount)
        low, high = stats.codes_with_amount[0], stats.codes_with_amount[-1]
        text = (
            f"，标准原则上为{yuan(stats.minimum)}至{yuan(stats.maximum)}，"
            "具体金额根据实际支出和家庭困难程度确定"
        )
        return text, [low, high]

    def _deciding(self, measure: str) -> list[str]:
        return [r.code for r in self.records if measure in r.measure_types]

    def procedure(self) -> list[DraftParagraph]:
        steps = [
            (
                "申请与发现",
                "救助对象本人或者其委托人向户籍所在地镇人民政府（街道办事处）提出申请。"
                "村（居）民委员会、网格员和社会救助动态监测预警平台发现符合条件对象的，"
                "应当主动告知并协助申请。",
            ),
            (
                "审核确认",
                "镇人民政府（街道办事处）应当自受理之日起10个工作日内完成入户调查和家庭经济状况"
                "核对，提出审核意见，报区民政局确认。区民政局对符合条件的，在申请人所在村（居）"
                "公示7日，无异议的予以确认。",
            ),
            (
                "救助实施",
                "区民政局按规定发放救助资金；涉及医疗、残联、人社、教育等部门的救助事项，"
                "由区民政局函告有关部门在10个工作日内落实。",
            ),
        ]
        if "救急难" in self.pattern.measures or "救急难" in (s.measure for s in self.optional):
            steps.append(
                (
                    "急难先行",
                    "情况紧急的，镇人民政府（街道办事处）或者区民政局可以先行救助，"
                    "在5个工作日内补齐相关手续。",
                )
            )
        steps.append(
            (
                "动态管理",
                "区民政局每年对救助对象复核一次；家庭情况发生变化的，及时调整或者终止救助。",
            )
        )
        return [
            DraftParagraph(text, number=ordinal(n), heading=heading)
            for n, (heading, text) in enumerate(steps, start=1)
        ]

    def supplementary(self) -> list[DraftParagraph]:
        clauses = [
            "本意见施行前已按“一事一议”方式给予救助的对象，符合本意见规定条件的，按照本意见执行。",
            "本意见未尽事宜，按照国家、省和本市社会救助有关规定执行。",
            "本意见由市民政局负责解释，自印发之日起施行，有效期五年。",
        ]
        return [DraftParagraph(text, number=ordinal(n)) for n, text in enumerate(clauses, 1)]

    def appendix(self) -> list[AppendixEntry]:
        return [
            AppendixEntry(r.code, r.district, record_date(r).year, self.mask(r.title))
            for r in self.records
        ]

    def evidence(self) -> DraftEvidence:
        amounts = tuple(
            AmountEvidence(
                s.measure,
                s.count,
                s.with_amount,
                yuan(s.minimum) or None,
                yuan(s.median) or None,
                yuan(s.maximum) or None,
            )
            for s in self.pattern.amounts
        )
        return DraftEvidence(
            self.pattern.support,
            self.pattern.districts,
            self.pattern.first_on,
            self.pattern.last_on,
            amounts,
            tuple(self.barriers),
        )


def draft_policy(
    pattern: Pattern,
    records: Sequence[PrecedentRecord],
    mask: Mask,
    vocabulary: Vocabulary | None = None,
    issuer: str = "厦门市民政局",
) -> PolicyDraftContent:
    """An editable policy draft from a pattern and its precedents.

    `records` must hold the pattern's precedents (others are ignored); `mask`
    takes personal data out of any text drawn from the records (titles, key
    terms) before it enters the draft.
    """
    wanted = set(pattern.codes)
    chosen = [r for r in records if r.code in wanted]
    if not chosen:
        raise PatternError("draft.empty_pattern", id=pattern.id)
    vocab = vocabulary or Vocabulary.builtin()
    writer = _Writer(pattern, chosen, mask, vocab)
    bodies = {
        "scope": writer.scope(),
        "criteria": writer.criteria(),
        "measures": writer.measures(),
        "procedure": writer.procedure(),
        "supplementary": writer.supplementary(),
    }
    sections = [DraftSection(key, heading, bodies[key]) for key, heading in SECTION_HEADINGS]
    title = draft_title(pattern, writer.required)
    evidence = writer.evidence()
    return PolicyDraftContent(
        pattern_id=pattern.id,
        title=title,
        issuer=issuer,
        sections=sections,
        appendix_title="支撑先例一览表",
        appendix=writer.appendix(),
        note_title=f"关于《{title}》的起草说明",
        note=drafting_note(pattern, writer.records, evidence, [*writer.required, *writer.optional]),
        evidence=evidence,
    )
