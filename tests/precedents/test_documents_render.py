"""The one render path every document kind shares: options reach the builder, content the body."""

from __future__ import annotations

from pathlib import Path

from precedents.documents.builder import DocumentBuilder
from precedents.documents.checks import document_text
from precedents.documents.render import Renderer


def _write(builder: DocumentBuilder, lines: list[str]) -> None:
    builder.title("测试文件")
    builder.begin_body()
    for line in lines:
        builder.paragraph(line)


def test_a_renderer_writes_the_content_and_masks_it(tmp_path: Path) -> None:
    render = Renderer(_write)
    written = render(
        ["王建国申请临时救助。"], tmp_path / "文件.docx", mask=lambda t: t.replace("王建国", "王某")
    )
    assert written == tmp_path / "文件.docx" and written.is_file()
    text = document_text(written)
    assert "王某申请临时救助" in text and "王建国" not in text
