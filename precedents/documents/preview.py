"""Render every document kind from sample content, then PDF and PNG through LibreOffice.

    python -m precedents.documents.preview OUT_DIR [--template FILE.docx] [--native] [--dpi 80]

Used to look at the exports after a change, to try an office template before
real matters go into it, and to make the screenshots in docs/. Without a
template the documents use the LibreOffice compatible grid (LibreOffice draws
Word's character grid wrongly); ``--native`` writes the grid officers receive.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from pathlib import Path

from precedents.documents import samples
from precedents.documents.convert import pdf_page_count, to_pdf, to_png
from precedents.documents.layout import Grid
from precedents.documents.minutes import render_minutes
from precedents.documents.policy_draft import render_policy_draft
from precedents.documents.retrieval_report import render_retrieval_report
from precedents.documents.review_form import render_review_form

Renderer = Callable[..., Path]


def sample_documents() -> dict[str, Callable[[Path, dict[str, object]], Path]]:
    """File stem → a function writing that sample document to a folder."""
    kinds: dict[str, tuple[Renderer, object]] = {
        "retrieval-report": (render_retrieval_report, samples.sample_retrieval_report()),
        "retrieval-report-no-close": (
            render_retrieval_report,
            samples.sample_retrieval_report(close=False),
        ),
        "minutes": (render_minutes, samples.sample_minutes()),
        "review-form": (render_review_form, samples.sample_review_form()),
        "policy-draft": (render_policy_draft, samples.sample_policy_draft()),
    }

    def writer(
        stem: str, render: Renderer, data: object
    ) -> Callable[[Path, dict[str, object]], Path]:
        return lambda folder, options: render(data, folder / f"{stem}.docx", **options)

    return {stem: writer(stem, render, data) for stem, (render, data) in kinds.items()}


def render_all(
    out_dir: Path,
    *,
    template: str | os.PathLike[str] | None = None,
    grid: Grid = Grid.COMPATIBLE,
    dpi: int | None = 80,
) -> dict[str, tuple[Path, int]]:
    """Write every sample as .docx and .pdf (and PNG pages when ``dpi``); stem → (pdf, pages)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    options: dict[str, object] = {"template": template} if template else {"grid": grid}
    results = {}
    for stem, write in sample_documents().items():
        document = write(out_dir, options)
        pdf = to_pdf(document, out_dir)
        if dpi:
            to_png(pdf, out_dir / stem, dpi)
        results[stem] = (pdf, pdf_page_count(pdf))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="把各类公文样例导出为 Word、PDF 和 PNG，供检查版式"
    )
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--template", type=Path, help="机关模板（.docx 或 .dotx）")
    parser.add_argument("--native", action="store_true", help="写入 Word 原生文档网格")
    parser.add_argument("--dpi", type=int, default=80)
    args = parser.parse_args(argv)
    grid = Grid.NATIVE if args.native else Grid.COMPATIBLE
    for stem, (pdf, pages) in render_all(
        args.out_dir, template=args.template, grid=grid, dpi=args.dpi
    ).items():
        print(f"{stem}: {pages} 页  {pdf}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
