"""``precedents similar`` and ``precedents report`` on the demo library."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from docx import Document

from precedents.cli import main
from precedents.documents.checks import document_text, export_problems
from search_index.report import short_decision

PASTED = {
    "situation": (
        "张建国，68岁，独自居住，子女在外地工作，近年脑梗后行动不便，生活难以自理，"
        "联系电话13912345678，身份证350211195601023216。每月养老金2100元。"
    ),
    "district": "思明区",
    "persons": [{"name": "张建国", "id_number": "", "phone": "13912345678", "relation": "本人"}],
}
UNRELATED = {
    "title": "跨境电商平台卖家因汇率损失申请补贴",
    "situation": "某公司经营跨境电商，因外汇汇率波动和平台规则调整亏损，申请政府补贴以维持运营。",
    "district": "湖里区",
}


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


def _case(tmp_path: Path, name: str, content: dict[str, object]) -> Path:
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(content, ensure_ascii=False), "utf-8")
    return path


def test_similar_json_for_a_stored_precedent(
    capsys: pytest.CaptureFixture[str], data: Path
) -> None:
    code, out = _run(
        capsys,
        "--data-dir",
        str(data),
        "similar",
        "--code",
        "DEMO-HC-2023-001",
        "--json",
        "--limit",
        "5",
    )
    assert code == 0, out
    result = json.loads(out)
    assert result["threshold"] == 0.5
    assert 0 < len(result["hits"]) <= 5
    assert all(h["code"] != "DEMO-HC-2023-001" for h in result["hits"])
    for hit in result["hits"]:
        assert set(hit) >= {"code", "title", "score", "reasons"} and 0 <= hit["score"] <= 1
        assert hit["reasons"], "every hit says why"
    # Best first at the displayed precision; equal displayed scores put the newer first.
    scores = [round(h["score"], 2) for h in result["hits"]]
    assert scores == sorted(scores, reverse=True)


def test_an_unrelated_matter_gets_no_close_precedent(
    capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path
) -> None:
    case = str(_case(tmp_path, "u", UNRELATED))
    code, out = _run(capsys, "--data-dir", str(data), "similar", "--case", case)
    assert code == 0 and out.startswith("没有高度相似的先例")
    code, out = _run(capsys, "--data-dir", str(data), "similar", "--case", case, "--json")
    assert not any(h["close"] for h in json.loads(out)["hits"])


def test_bad_case_files(capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path) -> None:
    empty = _case(tmp_path, "e", {"district": "思明区"})
    code, out = _run(capsys, "--data-dir", str(data), "similar", "--case", str(empty))
    assert code == 1 and "基本情况" in out
    broken = tmp_path / "b.json"
    broken.write_text("{not json", "utf-8")
    code, out = _run(capsys, "--data-dir", str(data), "similar", "--case", str(broken))
    assert code == 1 and "b.json" in out
    bad_value = _case(tmp_path, "v", {**PASTED, "filed_on": "2024/01/01"})
    code, out = _run(capsys, "--data-dir", str(data), "similar", "--case", str(bad_value))
    assert code == 1 and "filed_on" in out
    assert _run(capsys, "--data-dir", str(data), "similar")[0] == 2


def test_report_is_masked_and_has_the_results_table(
    capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path
) -> None:
    out = tmp_path / "report.docx"
    code, text = _run(
        capsys,
        "--data-dir",
        str(data),
        "report",
        "--case",
        str(_case(tmp_path, "p", PASTED)),
        "--out",
        str(out),
        "--limit",
        "4",
    )
    assert code == 0, text
    secrets = ["张建国", "建国", "13912345678", "350211195601023216"]
    assert export_problems(out, secrets, native_grid=None) == []
    body = document_text(out)
    for heading in ("类案检索报告", "检索方法", "检索结果", "张某"):
        assert heading in body
    document = Document(str(out))
    (table,) = [t for t in document.tables if t.rows[0].cells[0].text == "编号"]
    assert [c.text for c in table.rows[0].cells] == [
        "编号",
        "标题",
        "决定与措施",
        "相似度",
        "相似理由",
        "运用",
    ]
    assert 2 <= len(table.rows) <= 5


def test_report_marks_followed_and_consulted(
    capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path
) -> None:
    code, out = _run(
        capsys,
        "--data-dir",
        str(data),
        "similar",
        "--code",
        "DEMO-HC-2023-001",
        "--json",
        "--limit",
        "3",
    )
    first, second = (h["code"] for h in json.loads(out)["hits"][:2])
    target = tmp_path / "r.docx"
    code, text = _run(
        capsys,
        "--data-dir",
        str(data),
        "report",
        "--code",
        "DEMO-HC-2023-001",
        "--out",
        str(target),
        "--limit",
        "3",
        "--follow",
        first,
        "--consult",
        second,
    )
    assert code == 0, text
    (table,) = [t for t in Document(str(target)).tables if t.rows[0].cells[0].text == "编号"]
    uses = {row.cells[0].text: row.cells[-1].text for row in table.rows[1:]}
    assert uses[first] == "参照" and uses[second] == "参考"


def test_report_for_an_unrelated_matter_says_so(
    capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path
) -> None:
    target = tmp_path / "none.docx"
    code, text = _run(
        capsys,
        "--data-dir",
        str(data),
        "report",
        "--case",
        str(_case(tmp_path, "u", UNRELATED)),
        "--out",
        str(target),
    )
    assert code == 0, text
    assert "没有高度相似的先例" in document_text(target)


def test_short_decision() -> None:
    text = "纳入特困集中供养。养老金上交财政。由区民政局负责落实，按月发放护理补贴。" * 3
    assert short_decision(text, 30) == "纳入特困集中供养。养老金上交财政。"


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_the_report(
    capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path
) -> None:
    from precedents.documents.convert import pdf_page_count, to_pdf

    target = tmp_path / "report.docx"
    assert (
        _run(
            capsys,
            "--data-dir",
            str(data),
            "report",
            "--code",
            "DEMO-JM-2023-001",
            "--out",
            str(target),
        )[0]
        == 0
    )
    assert pdf_page_count(to_pdf(target, tmp_path / "pdf")) >= 2
