"""One way to render any document kind: open the builder, write the content, save.

Each kind module defines ``write_x(builder, content)`` and exposes
``render_x = Renderer(write_x)``; calling it takes the same options for every
kind (``template``, ``fonts``, ``mask``, ``grid``), so a new option is added here
once rather than in every kind.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

from precedents.documents.builder import DocumentBuilder
from precedents.documents.fonts import FontSet
from precedents.documents.layout import Grid
from precedents.documents.text import Mask

Content = TypeVar("Content")


class Renderer(Generic[Content]):
    """``render(content, path, *, template, fonts, mask, grid) -> Path`` for one document kind."""

    def __init__(self, write: Callable[[DocumentBuilder, Content], None]) -> None:
        self.write = write

    def __call__(
        self,
        content: Content,
        path: str | os.PathLike[str],
        *,
        template: str | os.PathLike[str] | None = None,
        fonts: FontSet | None = None,
        mask: Mask | None = None,
        grid: Grid = Grid.NATIVE,
    ) -> Path:
        """Write `content` as .docx (into `template` when given); returns the path written."""
        builder = DocumentBuilder.open(template, fonts=fonts, mask=mask, grid=grid)
        self.write(builder, content)
        return builder.save(path)
