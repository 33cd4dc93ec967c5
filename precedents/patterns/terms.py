"""The words that characterise a group of precedents: key terms and anchor terms.

Key terms are the narrative words that best tell a pattern's precedents from
the rest (shown to officers, used in labels and drafts). Anchor terms are the
few that most of the group uses and hardly anyone else (透析, 渔船): where the
structured fields cannot tell the group's cases from others, they can, and the
clustering prunes a member that shares none of them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from importlib import resources

from precedents.patterns.features import Corpus

#: Words of case-meeting prose (``prose_words.txt``): never offered as key terms.
PROSE_WORDS = frozenset(
    word
    for line in resources.files(__package__)
    .joinpath("prose_words.txt")
    .read_text("utf-8")
    .splitlines()
    if not line.startswith("#")
    for word in line.split()
)


#: Anchor terms: used by at least this share of a group's precedents, and of the
#: precedents using them at least this share is in the group.
ANCHOR_SHARE = 0.5
ANCHOR_PRECISION = 0.6
#: Nor fewer than this many precedents: what two cases share cannot carry a pattern.
ANCHOR_MIN_COUNT = 3
#: A structured feature defines a group when at least this share of it has the feature.
DEFINING_SHARE = 0.6
#: Key terms: at most this many, each in at least this share of the precedents.
KEY_TERM_COUNT = 8
KEY_TERM_MIN_SHARE = 0.3
#: The placeholder of anonymised names (李某某, 某村): never a key term.
ANONYMISED = "某"


def key_terms(corpus: Corpus, members: Sequence[int]) -> list[tuple[str, float]]:
    """Narrative terms that best tell the pattern's precedents from the rest.

    A term scores by its F1 as a test for membership: common inside the pattern
    (recall) and rare outside it (precision). Only words that pass the shared
    key-term filter count (`shown_term`); vocabulary labels are left out: the
    structured fields already name them.
    """
    inside: Counter[str] = Counter()
    occurrences: Counter[str] = Counter()
    for index in members:
        inside.update(corpus.content_terms[index])
        occurrences.update(corpus.term_counts[index])
    size = len(members)
    scored = []
    for term, count in inside.items():
        if count < max(2, KEY_TERM_MIN_SHARE * size) or not shown_term(term, corpus):
            continue
        recall = count / size
        precision = count / corpus.content_df[term]
        scored.append((term, 2 * recall * precision / (recall + precision)))
    # On a tie the word the narratives repeat (透析) comes before the one they say once.
    scored.sort(key=lambda kv: (-kv[1], -occurrences[kv[0]], kv[0]))
    return scored[:KEY_TERM_COUNT]


def anchor_terms(corpus: Corpus, members: Sequence[int]) -> list[str]:
    """Narrative terms most of the group uses and that are mostly used by the group."""
    inside: Counter[str] = Counter()
    for index in members:
        inside.update(corpus.terms[index])
    return sorted(
        term
        for term, count in inside.items()
        if _content_word(term, corpus, anchor=True)
        and count >= max(ANCHOR_MIN_COUNT, ANCHOR_SHARE * len(members))
        and count >= ANCHOR_PRECISION * corpus.term_df[term]
    )


def structurally_distinctive(corpus: Corpus, members: Sequence[int]) -> bool:
    """Whether the hardships and barriers the group shares mostly pick out the group.

    重度残疾 with 家庭成员合并计算 does; 重病 with 收入超标 does not (children with
    leukaemia, dialysis patients and a lung-cancer household all have them).
    """
    counts: Counter[str] = Counter()
    for index in members:
        counts.update(corpus.case_keys[index])
    shared = {key for key, n in counts.items() if n >= DEFINING_SHARE * len(members)}
    if not shared:
        return False
    holders = [i for i, keys in enumerate(corpus.case_keys) if shared <= keys]
    inside = len(set(holders) & set(members))
    return inside >= ANCHOR_PRECISION * len(holders)


def shown_term(term: str, corpus: Corpus) -> bool:
    """Whether a term may be shown to officers as a key term or in a label.

    It must pass the key-term filter the similarity engine uses
    (`search_index.content_words`: no generic word such as 合计 or 本市, no
    name) as well as the miner's own (no vocabulary name, no meeting prose).
    """
    return corpus.content_df[term] > 0 and _content_word(term, corpus)


def _content_word(term: str, corpus: Corpus, *, anchor: bool = False) -> bool:
    """Not vocabulary (the structured fields speak for it), prose or a name placeholder.

    An anchor must not even be part of a vocabulary name (慈善 of 慈善救助); a key
    term shown to officers may (上门 of 上门照护 says something about the cases).
    """
    vocabulary = corpus.vocabulary_parts if anchor else corpus.vocabulary_names
    return term not in vocabulary and term not in PROSE_WORDS and ANONYMISED not in term


def structural_anchors(corpus: Corpus, members: Sequence[int]) -> set[str]:
    """Hardships and barriers most of the group has and that are mostly the group's.

    家庭成员合并计算 is one for disabled adults living with a sibling; 重病 and
    收入超标 never are, being everywhere.
    """
    inside: Counter[str] = Counter()
    for index in members:
        inside.update(corpus.case_keys[index])
    total: Counter[str] = Counter()
    for keys in corpus.case_keys:
        total.update(keys)
    return {
        key
        for key, count in inside.items()
        if count >= max(ANCHOR_MIN_COUNT, ANCHOR_SHARE * len(members))
        and count >= ANCHOR_PRECISION * total[key]
    }


def has_anchor(corpus: Corpus, members: Sequence[int]) -> bool:
    """Whether the group shares anything telling: a structured or a narrative anchor.

    Seriously ill households that each got 临时救助 have 重病 and 收入超标 in
    common, like half the library: that is no pattern.
    """
    return bool(structural_anchors(corpus, members) or anchor_terms(corpus, members))


def drop_unanchored(corpus: Corpus, members: list[int]) -> list[int]:
    """The group without the members that share nothing telling with it.

    A member is dropped when it has none of the group's anchors, neither a
    structured one (家庭成员合并计算) nor a narrative one (透析, 渔船), while one
    narrative anchor is used by every other member: it is a case of another
    kind that was decided alike (a lung-cancer household among dialysis
    patients). Several terms that each cover half of a varied group (车祸
    here, 工伤 there) prove nothing, so nobody is dropped then.
    """
    anchors = set(anchor_terms(corpus, members))
    structural = structural_anchors(corpus, members)
    lacking = {
        i for i in members if not anchors & corpus.terms[i] and not structural & corpus.case_keys[i]
    }
    # A third of a group lacking the anchors is a variant of the group, not strays.
    if not lacking or 3 * len(lacking) > len(members):
        return members
    rest = [i for i in members if i not in lacking]
    if not any(all(term in corpus.terms[i] for i in rest) for term in anchors):
        return members
    return rest
