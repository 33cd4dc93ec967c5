"""PDF and PNG previews of an export through LibreOffice, for checks and the docs.

Conversion never touches the officer's file: LibreOffice only reads the .docx
(a round trip through LibreOffice would rename styles and corrupt the grid).
Every conversion gets its own temporary LibreOffice profile, because a second
conversion sharing a profile with a running one silently writes nothing.

Machines without the 公文 faces (Linux CI) get a private fontconfig file that
maps them onto the Noto CJK faces, so previews show serif body text and sans
黑体 headings instead of whatever fallback fontconfig picks; the document
itself keeps the standard names.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from precedents.errors import DocumentError

#: Preview substitutes for the standard faces (only used where they are missing).
PREVIEW_SUBSTITUTES: dict[str, str] = {
    "方正小标宋简体": "Noto Serif CJK SC",
    "方正小标宋_GBK": "Noto Serif CJK SC",
    "华文中宋": "Noto Serif CJK SC",
    "宋体": "Noto Serif CJK SC",
    "仿宋_GB2312": "Noto Serif CJK SC",
    "仿宋": "Noto Serif CJK SC",
    "楷体_GB2312": "Noto Serif CJK SC",
    "楷体": "Noto Serif CJK SC",
    "黑体": "Noto Sans CJK SC",
}

_PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def find_soffice() -> str | None:
    """The LibreOffice program, from PATH or its usual Windows folder."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    if sys.platform == "win32":
        for root in (os.environ.get("PROGRAMFILES", ""), os.environ.get("PROGRAMFILES(X86)", "")):
            candidate = Path(root) / "LibreOffice" / "program" / "soffice.exe"
            if root and candidate.is_file():
                return str(candidate)
    return None


def to_pdf(
    document: str | os.PathLike[str],
    out_dir: str | os.PathLike[str] | None = None,
    *,
    soffice: str | None = None,
    timeout: float = 180,
) -> Path:
    """Convert a .docx to PDF beside it (or in ``out_dir``); returns the PDF's path."""
    source = Path(document).resolve()
    target_dir = Path(out_dir).resolve() if out_dir else source.parent
    program = soffice or find_soffice()
    if program is None:
        raise DocumentError("document.no_soffice")
    target_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        command = [
            program,
            "--headless",
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(target_dir),
            str(source),
        ]
        try:
            done = subprocess.run(
                command,
                capture_output=True,
                timeout=timeout,
                env=_preview_environment(Path(profile)),
                check=False,
            )
        except (OSError, subprocess.SubprocessError) as error:
            raise DocumentError("document.convert_failed", path=source, reason=error) from error
    pdf = target_dir / (source.stem + ".pdf")
    if done.returncode != 0 or not pdf.is_file():
        reason = done.stderr.decode("utf-8", "replace").strip() or f"退出码 {done.returncode}"
        raise DocumentError("document.convert_failed", path=source, reason=reason)
    return pdf


def pdf_page_count(pdf: str | os.PathLike[str]) -> int:
    """Pages of a PDF written by LibreOffice (its page objects are not compressed)."""
    return len(_PAGE_OBJECT.findall(Path(pdf).read_bytes()))


def to_png(
    pdf: str | os.PathLike[str], prefix: str | os.PathLike[str], dpi: int = 80
) -> list[Path]:
    """Render every page with poppler's pdftoppm; returns the PNG files in page order."""
    program = shutil.which("pdftoppm")
    if program is None:
        raise DocumentError("document.convert_failed", path=pdf, reason="找不到 pdftoppm")
    base = Path(prefix)
    subprocess.run([program, "-png", "-r", str(dpi), str(pdf), str(base)], check=True, timeout=120)
    return sorted(
        base.parent.glob(base.name + "-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1])
    )


def _preview_environment(profile: Path) -> dict[str, str]:
    environment = dict(os.environ)
    if sys.platform == "win32" or not Path("/etc/fonts/fonts.conf").is_file():
        return environment
    rules = "\n".join(
        f'  <match target="pattern"><test name="family"><string>{face}</string></test>'
        f'<edit name="family" mode="prepend" binding="strong"><string>{substitute}</string>'
        "</edit></match>"
        for face, substitute in PREVIEW_SUBSTITUTES.items()
    )
    config = profile / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"{rules}\n</fontconfig>\n",
        encoding="utf-8",
    )
    environment["FONTCONFIG_FILE"] = str(config)
    return environment
