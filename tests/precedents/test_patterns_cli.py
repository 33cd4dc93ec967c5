"""``precedents patterns`` and ``precedents draft-policy`` on the demo library."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from docx import Document

from precedents.cli import main
from precedents.documents.checks import document_text, export_problems
from precedents.documents.convert import pdf_page_count, to_pdf
from precedents.library import Library
from precedents.store.precedents import iter_records


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out + err


@pytest.fixture
def data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    folder = tmp_path / "data"
    assert _run(capsys, "--data-dir", str(folder), "init", "--demo")[0] == 0
    return folder


def _patterns(capsys: pytest.CaptureFixture[str], data: Path) -> list[dict[str, object]]:
    code, out = _run(capsys, "--data-dir", str(data), "patterns", "--json")
    assert code == 0
    patterns: list[dict[str, object]] = json.loads(out)["patterns"]
    return patterns


def test_patterns_json_is_stable(capsys: pytest.CaptureFixture[str], data: Path) -> None:
    first = _patterns(capsys, data)
    assert first, "the demo library has recurring patterns"
    for pattern in first:
        assert set(pattern) >= {"id", "label", "support", "codes", "districts"}
        assert pattern["support"] == len(pattern["codes"])  # type: ignore[arg-type]
    assert _patterns(capsys, data) == first


def test_draft_policy_is_an_official_masked_draft(
    capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path
) -> None:
    pattern = _patterns(capsys, data)[0]
    out = tmp_path / "draft.docx"
    code, text = _run(
        capsys, "--data-dir", str(data), "draft-policy", str(pattern["id"])[:6], "--out", str(out)
    )
    assert code == 0, text
    library = Library.open(data)
    with library.session() as session:
        persons = [
            p for r in iter_records(session) for p in r.persons if r.code in pattern["codes"]
        ]  # type: ignore[operator]
    library.close()
    secrets = [p.name for p in persons if "某" not in p.name and len(p.name) > 2]
    secrets += [p.id_number for p in persons if p.id_number and "*" not in p.id_number]
    assert export_problems(out, secrets, native_grid=None) == []
    body = document_text(out)
    for heading in (
        "（征求意见稿）",
        "一、适用对象",
        "二、认定条件",
        "三、救助措施",
        "四、办理程序",
        "五、附则",
        "起草说明",
    ):
        assert heading in body
    for code_ in pattern["codes"]:  # type: ignore[attr-defined]
        assert code_ in body
    document = Document(str(out))
    appendix = [p for p in document.paragraphs if p.text.startswith("附件1")]
    assert appendix and appendix[0].style.paragraph_format.page_break_before, (
        "the appendix starts on a new page"
    )


def test_unknown_pattern_lists_the_known_ones(
    capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path
) -> None:
    code, text = _run(
        capsys, "--data-dir", str(data), "draft-policy", "P-nope", "--out", str(tmp_path / "x.docx")
    )
    assert code == 1 and "找不到规律 P-nope" in text and "P-" in text.split("现有：")[1]


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_a_draft(
    capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path
) -> None:
    pattern = _patterns(capsys, data)[0]
    out = tmp_path / "draft.docx"
    assert (
        _run(
            capsys, "--data-dir", str(data), "draft-policy", str(pattern["id"]), "--out", str(out)
        )[0]
        == 0
    )
    pdf = to_pdf(out, tmp_path / "pdf")
    assert pdf_page_count(pdf) >= 3
