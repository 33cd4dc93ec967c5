"""``precedents search`` and ``precedents reindex`` over a real library."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from precedents.cli import main
from precedents.interchange.jsonl import dumps
from tests.search_index.helpers import corpus


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    folder = str(tmp_path / "data")
    path = tmp_path / "in.jsonl"
    path.write_text("".join(dumps(r) + "\n" for r in corpus()), "utf-8")
    assert run(capsys, "--data-dir", folder, "import", str(path))[0] == 0
    return folder


def test_search_json_shape(capsys: pytest.CaptureFixture[str], data: str) -> None:
    code, out, _ = run(capsys, "--data-dir", data, "search", "戈謝", "--json")
    assert code == 0
    result = json.loads(out)
    assert set(result) == {"query", "total", "hits", "facets"}
    assert result["query"] == "戈謝" and result["total"] == 1
    (hit,) = result["hits"]
    assert set(hit) == {"code", "title", "score", "snippet"}
    assert hit["code"] == "T-001" and "戈谢" in hit["snippet"]
    assert result["facets"]["district"] == {"海沧区": 1}


def test_search_text_lists_hits_synonyms_and_facets(
    capsys: pytest.CaptureFixture[str], data: str
) -> None:
    code, out, _ = run(capsys, "--data-dir", data, "search", "低边", "--limit", "1")
    assert code == 0
    assert "同时检索：低边 → 低保边缘" in out
    assert "T-003" in out and "【" in out
    assert "共 2 条，显示前 1 条" in out
    assert "措施：" in out


def test_search_accepts_filters_and_never_fails_on_odd_input(
    capsys: pytest.CaptureFixture[str], data: str
) -> None:
    code, out, _ = run(capsys, "--data-dir", data, "search", "区:思明", "--json")
    assert code == 0 and json.loads(out)["total"] == 1
    code, out, _ = run(capsys, "--data-dir", data, "search", '"未闭合 -- :: 区:', "--json")
    assert code == 0
    assert json.loads(out)["total"] >= 0


def test_reindex_and_a_deleted_index(
    capsys: pytest.CaptureFixture[str], data: str, tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "--data-dir", data, "reindex")
    assert code == 0 and "6 条先例" in out
    shutil.rmtree(Path(data) / "index")
    code, out, _ = run(capsys, "--data-dir", data, "search", "征地养老", "--json")
    assert code == 0 and [h["code"] for h in json.loads(out)["hits"]] == ["T-002"]
