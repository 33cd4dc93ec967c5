"""Pictures and captions in documents: proportions kept, inside the type area, numbered."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm

from precedents.documents.builder import MAX_PICTURE_HEIGHT_MM, DocumentBuilder
from precedents.errors import DocumentError
from tests.precedents.pictures import png


def test_pictures_keep_their_shape_inside_the_type_area(tmp_path: Path) -> None:
    builder = DocumentBuilder.create()
    builder.begin_body()
    builder.picture(png(tmp_path / "wide.png", 160, 90), "宽图")
    builder.picture(png(tmp_path / "tall.png", 30, 90), "高图")
    builder.table_caption("各区新增与解决")
    builder.picture(png(tmp_path / "plain.png"))
    document = docx.Document(str(builder.save(tmp_path / "图.docx")))
    wide, tall, _plain = document.inline_shapes
    assert abs(wide.width - Mm(150)) < Mm(0.1)
    assert abs(wide.height * 160 - wide.width * 90) < Mm(0.1) * 160
    assert abs(tall.height - Mm(MAX_PICTURE_HEIGHT_MM)) < Mm(0.1)
    assert abs(tall.width * 90 - tall.height * 30) < Mm(0.1) * 90
    text = [p.text for p in document.paragraphs if p.text]
    assert text == ["图1　宽图", "图2　高图", "表1　各区新增与解决"]
    described = [e.get("descr") for e in document.element.body.iter(qn("wp:docPr"))]
    assert described == ["图1　宽图", "图2　高图", ""]


def test_a_file_that_is_no_picture_is_refused_in_chinese(tmp_path: Path) -> None:
    broken = tmp_path / "图表.png"
    broken.write_bytes(b"not a picture")
    builder = DocumentBuilder.create()
    builder.begin_body()
    with pytest.raises(DocumentError) as caught:
        builder.picture(broken, "坏图")
    assert caught.value.message.startswith(f"图片无法放入文档：{broken}")
