"""Administrators edit the search synonym groups; every change is audited."""

from __future__ import annotations

import pytest

from precedents.library import Library
from precedents.store.audit import list_events
from precedents.store.synonyms import SynonymGroup, delete_group, list_groups, save_group


def test_add_change_and_delete_a_group(library: Library) -> None:
    with library.sessions.begin() as session:
        group = save_group(
            session, SynonymGroup(None, ("自闭症", " 孤独症 ", "自闭症", "")), actor="管"
        )
    assert group.terms == ("自闭症", "孤独症")
    with library.sessions.begin() as session:
        save_group(session, SynonymGroup(group.id, ("自闭症", "孤独症", "ASD")), actor="管")
    with library.session() as session:
        assert [g.terms for g in list_groups(session) if g.id == group.id] == [
            ("自闭症", "孤独症", "ASD")
        ]
        actions = [e.action for e in list_events(session, actor="管")]
    assert actions == ["synonyms.update", "synonyms.create"]
    with library.sessions.begin() as session:
        delete_group(session, group.id or 0, actor="管")
    with library.session() as session:
        assert all(g.id != group.id for g in list_groups(session))


def test_a_group_needs_two_terms(library: Library) -> None:
    with pytest.raises(ValueError), library.sessions.begin() as session:
        save_group(session, SynonymGroup(None, ("低保", " ")), actor="管")
