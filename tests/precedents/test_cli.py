"""The command line: each command's output and its exit codes (0, 1 user error, 2 usage)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from precedents.cli import main
from precedents.interchange.jsonl import dumps
from tests.precedents.conftest import make_record


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def data(tmp_path: Path) -> str:
    return str(tmp_path / "data")


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_text("".join(dumps(make_record(f"C-{i}")) + "\n" for i in range(1, 4)), "utf-8")
    return path


def test_import_twice_then_list_show_stats(
    capsys: pytest.CaptureFixture[str], data: str, source: Path
) -> None:
    assert (
        run(capsys, "--data-dir", data, "import", str(source))[1].strip()
        == "in.jsonl：新建 3 条，更新 0 条，未变 0 条"
    )
    assert "未变 3 条" in run(capsys, "--data-dir", data, "import", str(source))[1]
    code, out, _ = run(capsys, "--data-dir", data, "list", "--json")
    assert code == 0 and [r["code"] for r in json.loads(out)] == ["C-1", "C-2", "C-3"]
    code, out, _ = run(capsys, "--data-dir", data, "show", "C-2")
    assert code == 0 and "王某" in out and "王建国" not in out and "13912345678" not in out
    code, out, _ = run(capsys, "--data-dir", data, "show", "C-2", "--json", "--unmasked")
    assert json.loads(out)["persons"][0]["name"] == "王建国"
    code, out, _ = run(capsys, "--data-dir", data, "stats", "--json")
    figures = json.loads(out)
    assert figures["total"] == 3 and figures["by_district"] == {"集美区": 3}


def test_bad_file_exits_1_and_names_the_line(
    capsys: pytest.CaptureFixture[str], data: str, tmp_path: Path
) -> None:
    lines = [
        dumps(make_record("C-1")),
        dumps(make_record("C-2")).replace('"level": "市"', '"level": "省"'),
    ]
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join(lines) + "\n", "utf-8")
    code, _out, err = run(capsys, "--data-dir", data, "import", str(bad))
    assert code == 1
    assert err.splitlines()[0].startswith("错误：bad.jsonl：1 条记录有错误，未导入任何记录")
    assert "第2行 level：未知的研判层级「省」" in err
    code, out, _ = run(capsys, "--data-dir", data, "list", "--json")
    assert json.loads(out) == []


def test_skip_invalid_writes_rejects(
    capsys: pytest.CaptureFixture[str], data: str, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(dumps(make_record("C-1")) + "\n{broken\n", "utf-8")
    rejects = tmp_path / "rejects.jsonl"
    code, out, _err = run(
        capsys, "--data-dir", data, "import", str(bad), "--skip-invalid", "--rejects", str(rejects)
    )
    assert code == 0 and "新建 1 条" in out and "跳过 1 条" in out
    assert json.loads(rejects.read_text("utf-8"))["line"] == 2


def test_export_masked_and_refuses_to_overwrite(
    capsys: pytest.CaptureFixture[str], data: str, source: Path, tmp_path: Path
) -> None:
    run(capsys, "--data-dir", data, "import", str(source))
    out_file = tmp_path / "out.jsonl"
    assert run(capsys, "--data-dir", data, "export", str(out_file), "--masked")[0] == 0
    text = out_file.read_text("utf-8")
    assert "王建国" not in text and "350211194805123218" not in text and "13912345678" not in text
    code, _out, err = run(capsys, "--data-dir", data, "export", str(out_file))
    assert code == 1 and "已存在" in err
    assert run(capsys, "--data-dir", data, "export", str(out_file), "--force")[0] == 0
    assert "王建国" in out_file.read_text("utf-8")


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], data: str) -> None:
    assert run(capsys, "--data-dir", data, "no-such-command")[0] == 2
    assert run(capsys, "--data-dir", data, "import")[0] == 2
    code, _out, err = run(capsys, "--data-dir", data, "stats", "--from", "2024-13-01")
    assert code == 2 and "日期应为 YYYY-MM-DD" in err


def test_missing_record_exits_1(capsys: pytest.CaptureFixture[str], data: str) -> None:
    code, _out, err = run(capsys, "--data-dir", data, "show", "NOPE")
    assert (code, err.strip()) == (1, "错误：找不到案例编号 NOPE")


def test_init_reports_the_data_folder(capsys: pytest.CaptureFixture[str], data: str) -> None:
    code, out, _ = run(capsys, "--data-dir", data, "init")
    assert code == 0 and "数据文件夹" in out
    assert (Path(data) / "precedents.sqlite3").is_file()


def test_dev_corpus_imports_80_then_80_unchanged(
    capsys: pytest.CaptureFixture[str], data: str, dev_corpus: Path
) -> None:
    assert "新建 80 条" in run(capsys, "--data-dir", data, "import", str(dev_corpus))[1]
    assert "未变 80 条" in run(capsys, "--data-dir", data, "import", str(dev_corpus))[1]
