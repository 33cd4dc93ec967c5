"""A pasted matter's suggested title names nobody: it shows in lists and on the projector."""

from __future__ import annotations

from desktop.meetings.intake import TITLE_LIMIT, suggest, suggested_title
from precedents.vocabulary import Vocabulary

VOCAB = Vocabulary.builtin()


def test_a_name_introduced_before_an_age_is_masked() -> None:
    found = suggest("陈国平，87岁，独居，子女在外地。每月收入1200元。", VOCAB)
    assert found.title == "陈某，87岁，独居，子女在外地"
    assert ("title", "陈某，87岁，独居，子女在外地") in found.items()


def test_a_name_given_later_in_the_text_is_masked_in_the_title() -> None:
    text = "方志强因病失业，家中三口人。村民名叫方志强，今年52岁。"
    assert suggested_title(text) == "方某因病失业，家中三口人"


def test_a_name_the_segmenter_reads_and_personal_numbers_are_masked() -> None:
    assert suggested_title("刘海燕患尿毒症需长期透析。") == "刘某患尿毒症需长期透析"
    title = suggested_title("黄美玲，身份证350211194805123218，手机13912345678。")
    assert "350211194805123218" not in title and "13912345678" not in title
    assert title.startswith("黄某，")


def test_ordinary_titles_stay_as_written_and_short() -> None:
    assert suggested_title("集美区陈某88岁独居，子女在外地。") == "集美区陈某88岁独居，子女在外地"
    assert suggested_title("低保边缘家庭因病致贫。") == "低保边缘家庭因病致贫"
    assert len(suggested_title("方志强，52岁，" + "很" * 60)) == TITLE_LIMIT
