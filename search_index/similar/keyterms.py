"""Key terms of a narrative: the words that say what a matter is about.

Text is normalised and segmented with `search_index.analysis` (the same
analysis as the search index), then reduced to content words: stop words of
case writing (研判, 同意, 给予 …), single characters, numbers and anonymised
names (王某) are dropped, and vocabulary synonyms are folded onto their label
(大病 → 重病, 临救 → 临时救助) so that two officers' wording meets. Counts are
weighted by field: the title and the situation describe the facts, while the
deliberation and the decision mostly repeat procedure, so they count half.

The TF-IDF weighting itself needs corpus statistics and lives in the index;
this module only turns one record into weighted term counts.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from precedents.record import PrecedentRecord
from precedents.vocabulary import Vocabulary
from search_index.analysis import normalize, segment


def _words(text: str) -> list[str]:
    return text.split()


#: Weight of each narrative field in the term counts.
FIELD_WEIGHTS: tuple[tuple[str, float], ...] = (
    ("title", 1.0),
    ("situation", 1.0),
    ("deliberation", 0.5),
    ("decision", 0.5),
)

#: Vocabulary kinds whose synonyms are folded onto the label. Level and discovery
#: synonyms (社区, 申请, 走访) are ordinary words in a narrative, so they stay as written.
FOLDED_KINDS: tuple[str, ...] = ("hardship", "barrier", "measure")

#: Words of case writing that say nothing about the matter itself. Kept short on
#: purpose: inverse document frequency already discounts common words, this list
#: only removes procedure and filler that would otherwise crowd out key terms.
STOP_WORDS: frozenset[str] = frozenset(
    _words(
        """
    一事一议 一个 一直 一家 一次 一次性 一般 上述 不予 不再 不是 不能 不足 专题 两人 中心
    主要 之后 也是 予以 了解 今年 仍然 他们 以上 以及 以后 任何 会商 会议 但是 作为 你们 使用
    依据 依照 其中 其他 其它 具体 再次 决定 出现 分别 前往 办理 加强 动员 协调 即可 反映 发放
    发现 可以 同时 同意 后续 告知 回访 因此 因为 处理 多次 如果 审核 审批 对于 导致 已经 已于
    并且 建议 开展 当前 形成 情况 意见 我们 或者 所以 执行 承担 按照 按月 提出 提交 方式 无法
    时间 是否 有关 期间 本人 根据 核实 此前 每月 每年 没有 然后 特别 现在 申报 目前 相关 相应
    研判 研究 确定 离开 积极 第一 结果 经过 给予 继续 考虑 能够 自己 落实 要求 认为 认定 讨论
    记录 该户 跟踪 进一步 进行 通过 通知 部门 随后 需要 非常 一起 之前 其后 上门 工作人员 工作
    元左右 左右 多元 余元 万元 每季度 情形 问题 原则 规定 标准 条件 政策 符合 不符合 家庭 救助
    困难 生活 民政 社区 街道 区级 市级 村居 镇街 区里 村里 村委会 居委会 镇里 当地 所在 日常
        """
    )
)


@dataclass(frozen=True, slots=True)
class TermExtractor:
    """Turns a record into field-weighted, synonym-folded term counts."""

    canonical: Mapping[str, str]

    @classmethod
    def from_vocabulary(
        cls, vocabulary: Vocabulary, extra_groups: Iterable[Sequence[str]] = ()
    ) -> TermExtractor:
        """Fold every synonym of the folded kinds onto its label.

        `extra_groups` are further synonym groups whose first member is the
        canonical form (for example the search index's synonym groups).
        """
        canonical: dict[str, str] = {}
        for kind in FOLDED_KINDS:
            for term in vocabulary.terms.get(kind, {}).values():
                label = normalize(term.label)
                for name in term.synonyms:
                    canonical.setdefault(normalize(name), label)
        for group in extra_groups:
            members = [normalize(name) for name in group if name]
            for name in members[1:]:
                canonical.setdefault(name, members[0])
        return cls(canonical=canonical)

    def words(self, text: str) -> list[str]:
        """Content words of raw text, normalised and folded, in text order."""
        out: list[str] = []
        for word in segment(normalize(text)):
            if _is_content(word):
                out.append(self.canonical.get(word, word))
        return out

    def counts(self, record: PrecedentRecord) -> dict[str, float]:
        """Field-weighted term counts of the record's title and narrative."""
        counts: dict[str, float] = {}
        for name, weight in FIELD_WEIGHTS:
            text = getattr(record, name) or ""
            for word in self.words(text):
                counts[word] = counts.get(word, 0.0) + weight
        return counts


def _is_content(word: str) -> bool:
    if len(word) < 2 or word in STOP_WORDS or "某" in word:
        return False
    return not any(ch.isdigit() for ch in word)


def sublinear(count: float) -> float:
    """Term-frequency damping: a word said five times is not five times as telling."""
    return count if count <= 1.0 else 1.0 + math.log(count)


def idf(df: float, n_docs: float) -> float:
    """Smoothed inverse document frequency, never below 1."""
    return math.log((n_docs + 1.0) / (df + 1.0)) + 1.0
