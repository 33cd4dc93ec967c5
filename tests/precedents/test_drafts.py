"""Drafts of unsaved edits: written atomically, listed newest first, discarded after save."""

from __future__ import annotations

from pathlib import Path

from precedents.drafts import Draft, DraftStore


def test_round_trip_and_discard(tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "drafts")
    draft = Draft(
        key="XM/JM-2024-001",
        base_version=3,
        fields={"title": "  失能老人  ", "hardships": ["失能"], "measures": [{"type": "临救"}]},
    )
    store.save(draft)
    loaded = store.load("XM/JM-2024-001")
    assert loaded is not None
    assert loaded.fields == draft.fields
    assert loaded.base_version == 3
    assert loaded.title == "失能老人"
    assert not loaded.is_new
    store.discard("XM/JM-2024-001")
    assert store.load("XM/JM-2024-001") is None
    assert store.all() == []


def test_new_matters_get_their_own_keys(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    first = store.save(Draft(key=Draft.new_key(), base_version=None, fields={"title": "甲"}))
    second = store.save(Draft(key=Draft.new_key(), base_version=None, fields={"title": "乙"}))
    assert first.key != second.key and first.is_new
    assert {d.title for d in store.all()} == {"甲", "乙"}


def test_unreadable_draft_is_skipped_not_fatal(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    store.save(Draft(key="A", base_version=1, fields={"title": "好"}))
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    assert [d.key for d in store.all()] == ["A"]
    assert (tmp_path / "broken.json").exists(), "left for a person to look at"


def test_missing_folder_has_no_drafts(tmp_path: Path) -> None:
    assert DraftStore(tmp_path / "none").all() == []
