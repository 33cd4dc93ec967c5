"""Hostile input to the importer: anything at all gives a clear error or a faithful import.

Property-based (hypothesis): arbitrary bytes as a file, and arbitrary JSON
values (text with NUL, control characters and unpaired surrogates, huge and
non-finite numbers, deep nesting) in every field of an otherwise valid record.
Either the import fails with a Chinese message naming line and field, or it
succeeds and the database holds exactly what the file said. A record stored
before is never harmed. On SQLite and on PostgreSQL, which is stricter about
text (no NUL), JSON (no NaN) and column widths.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from precedents.errors import ImportFailed
from precedents.interchange.exporter import export_file
from precedents.interchange.importer import import_file, parse_file
from precedents.interchange.jsonl import dumps, record_to_dict
from precedents.library import Library
from precedents.record import INTERCHANGE_FIELDS, PrecedentRecord
from precedents.store.precedents import create_record, find_record, get_record
from tests.precedents.conftest import make_record

EXAMPLES = int(os.environ.get("PRECEDENTS_FUZZ_EXAMPLES", "120"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
SENTINEL = make_record("SENTINEL-1", title="早已保存的先例")

HOSTILE_CHARS = st.one_of(
    st.characters(),
    st.sampled_from(["\x00", "\ud800", "\udfff", "\ufffd", "\u202e", "\x1b", "\r", "\u2028"]),
)
TEXT = st.text(HOSTILE_CHARS, max_size=80) | st.sampled_from(["", " ", "困难" * 300, "=1+1"])
NUMBERS = st.integers() | st.floats() | st.sampled_from([10**40, -(10**40), 2**63, 0.1, -0.0])
JSON = st.recursive(
    st.none() | st.booleans() | NUMBERS | TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
    max_leaves=12,
)
#: Where a hostile value goes: a top-level field, a measure's or a person's field.
PLACES = st.sampled_from(
    [
        *((f,) for f in INTERCHANGE_FIELDS),
        ("other_system_field",),
        ("measures", 0, "type"),
        ("measures", 0, "amount"),
        ("measures", 0, "note"),
        ("persons", 0, "name"),
        ("persons", 0, "id_number"),
        ("persons", 0, "phone"),
        ("persons", 0, "relation"),
        ("tags", 0),
        ("hardships", 0),
    ]
)


@pytest.fixture
def guarded(any_library: Library) -> Library:
    with any_library.sessions.begin() as session:
        create_record(session, SENTINEL, actor="甲")
    return any_library


def _place(obj: dict[str, Any], where: tuple[Any, ...], value: Any, drop: bool) -> None:
    target: Any = obj
    for key in where[:-1]:
        target = target[key]
    if drop and isinstance(target, dict):
        target.pop(where[-1], None)
    else:
        target[where[-1]] = value


def _import_outcome(library: Library, path: Path) -> None:
    """Import `path`; a failure must be clear, a success faithful; the sentinel untouched."""
    try:
        expected = [r for _line, r in parse_file(path, library.vocabulary()).records]
    except ImportFailed:
        expected = []
    try:
        with library.sessions.begin() as session:
            import_file(session, path, library.vocabulary(), actor="测试员")
    except ImportFailed as exc:
        assert exc.message and path.name in exc.message
        for issue in exc.issues:
            assert issue.message and (issue.line is not None or not issue.field)
    else:
        with library.session() as session:
            for record in expected:
                stored = find_record(session, record.code)
                assert stored is not None and stored.content_key() == record.content_key()
    if all(r.code != SENTINEL.code for r in expected):
        with library.session() as session:
            sentinel = get_record(session, SENTINEL.code)
        assert sentinel.content_key() == SENTINEL.content_key() and sentinel.meta.version == 1


@FUZZ
@given(where=PLACES, value=JSON, drop=st.booleans())
def test_any_value_in_any_field(
    guarded: Library, tmp_path: Path, where: tuple[Any, ...], value: Any, drop: bool
) -> None:
    obj = record_to_dict(make_record("HOSTILE-1"))
    _place(obj, where, value, drop)
    path = tmp_path / "hostile.jsonl"
    # ASCII escapes carry unpaired surrogates and NUL into the file as JSON allows.
    path.write_text(json.dumps(obj, ensure_ascii=True) + "\n", "utf-8")
    _import_outcome(guarded, path)


@FUZZ
@given(where=PLACES, value=TEXT)
def test_any_text_in_any_field(
    guarded: Library, tmp_path: Path, where: tuple[Any, ...], value: str
) -> None:
    obj = record_to_dict(make_record("HOSTILE-2"))
    _place(obj, where, value, drop=False)
    path = tmp_path / "text.jsonl"
    path.write_text(json.dumps(obj, ensure_ascii=True) + "\n", "utf-8")
    _import_outcome(guarded, path)


@FUZZ
@given(junk=st.binary(max_size=600), keep_valid=st.booleans())
def test_any_bytes_as_a_file(
    guarded: Library, tmp_path: Path, junk: bytes, keep_valid: bool
) -> None:
    line = dumps(make_record("BYTES-1")).encode("utf-8") + b"\n"
    path = tmp_path / "junk.jsonl"
    path.write_bytes(
        line + junk + b"\n" + line.replace(b"BYTES-1", b"BYTES-2") if keep_valid else junk
    )
    _import_outcome(guarded, path)


@settings(
    max_examples=max(EXAMPLES // 4, 10),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(junk=st.binary(max_size=2000))
def test_any_bytes_as_a_workbook(guarded: Library, tmp_path: Path, junk: bytes) -> None:
    path = tmp_path / "台账.xlsx"
    path.write_bytes(b"PK\x03\x04" + junk)
    _import_outcome(guarded, path)


# -- large and strange files ----------------------------------------------------------


def _one_line(tmp_path: Path, record: PrecedentRecord | dict[str, Any]) -> Path:
    path = tmp_path / "one.jsonl"
    text = dumps(record) if isinstance(record, PrecedentRecord) else json.dumps(record)
    path.write_text(text + "\n", "utf-8")
    return path


def test_a_one_megabyte_narrative_is_refused_plainly(guarded: Library, tmp_path: Path) -> None:
    path = _one_line(tmp_path, make_record("BIG-1", situation="困难家庭" * 262_144))
    with pytest.raises(ImportFailed) as info, guarded.sessions.begin() as session:
        import_file(session, path, guarded.vocabulary(), actor="测试员")
    assert [str(i) for i in info.value.issues] == [
        "第1行 situation：过长（1048576 字，上限 200000 字）"
    ]


def test_the_longest_narrative_accepted_is_stored_whole(guarded: Library, tmp_path: Path) -> None:
    narrative = ("经研判，" + "困难家庭情况复杂" * 24_999)[:200_000]
    path = _one_line(tmp_path, make_record("BIG-2", situation=narrative))
    with guarded.sessions.begin() as session:
        import_file(session, path, guarded.vocabulary(), actor="测试员")
    with guarded.session() as session:
        assert get_record(session, "BIG-2").situation == narrative


@pytest.mark.parametrize(
    ("where", "value", "message"),
    [
        (("title",), "标题\x00截断", "第1行 title：含有无法识别或不可见的字符（U+0000）"),
        (
            ("measures", 0, "note"),
            "备注\x07",
            "第1行 measures[1].note：含有无法识别或不可见的字符（U+0007）",
        ),
        (("persons", 0, "name"), "王" * 61, "第1行 persons[1].name：过长（61 字，上限 60 字）"),
        (("tags", 0), "标签\ud800", "第1行 tags：含有无法识别或不可见的字符（U+D800）"),
        (
            ("from_other_system",),
            {"x": float("nan")},
            "第1行 from_other_system：含有无法保存的数值（NaN 或无穷大）",
        ),
        (
            ("from_other_system",),
            [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["deep"]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]],
            "第1行 from_other_system：嵌套超过 32 层",
        ),
    ],
)
def test_control_characters_and_unstorable_values_are_named(
    guarded: Library, tmp_path: Path, where: tuple[Any, ...], value: Any, message: str
) -> None:
    obj = record_to_dict(make_record("CTRL-1"))
    _place(obj, where, value, drop=False)
    path = tmp_path / "ctrl.jsonl"
    path.write_text(json.dumps(obj, ensure_ascii=True) + "\n", "utf-8")
    with pytest.raises(ImportFailed) as info, guarded.sessions.begin() as session:
        import_file(session, path, guarded.vocabulary(), actor="测试员")
    assert [str(i) for i in info.value.issues] == [message]


def test_mixed_encodings(guarded: Library, tmp_path: Path) -> None:
    good = dumps(make_record("ENC-1")).encode("utf-8")
    gbk = dumps(make_record("ENC-2")).encode("gb18030")
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(good + b"\n" + gbk + b"\n")
    with pytest.raises(ImportFailed) as info, guarded.sessions.begin() as session:
        import_file(session, path, guarded.vocabulary(), actor="测试员")
    assert [str(i) for i in info.value.issues] == [
        "第2行 不是 UTF-8 编码（看起来是 GBK/GB18030），请另存为 UTF-8 后再导入"
    ]
    with guarded.sessions.begin() as session:
        report = import_file(session, path, guarded.vocabulary(), actor="测试员", skip_invalid=True)
    assert report.created == 1
    utf16 = tmp_path / "utf16.jsonl"
    utf16.write_bytes(("\ufeff" + dumps(make_record("ENC-3")) + "\n").encode("utf-16-le"))
    with pytest.raises(ImportFailed) as info, guarded.sessions.begin() as session:
        import_file(session, utf16, guarded.vocabulary(), actor="测试员")
    assert "UTF-16" in str(info.value.issues[0])


def test_text_that_looks_like_a_formula_stays_text(guarded: Library, tmp_path: Path) -> None:
    with guarded.sessions.begin() as session:
        create_record(
            session, make_record("XL-1", title='=HYPERLINK("http://x","点我")'), actor="甲"
        )
    ledger = tmp_path / "台账.xlsx"
    with guarded.sessions.begin() as session:
        export_file(session, ledger, actor="甲", masked=False, reason="测试", codes=["XL-1"])
    parsed = parse_file(ledger, guarded.vocabulary())
    assert [r.title for _line, r in parsed.records] == ['=HYPERLINK("http://x","点我")']
