"""Build the one-folder application with PyInstaller and smoke-test it.

    python tools/build_app.py [--dist DIR] [--no-smoke]

Builds ``DIR/PrecedentDesk`` (default ``dist/``) from ``tools/precedent-desk.spec``,
then, unless told not to, runs the built programs on a fresh data folder whose
path holds Chinese characters and spaces: the command line loads the demo
precedents and lists them, and the desktop starts offscreen, shows its window on
the demo data and quits. Exits non-zero if anything fails. Works on Linux and
Windows (the Windows CI workflow calls it).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build(dist: Path, work: Path) -> Path:
    spec = ROOT / "tools" / "precedent-desk.spec"
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean"]
    command += ["--distpath", str(dist), "--workpath", str(work), str(spec)]
    subprocess.run(command, check=True, cwd=ROOT)
    return dist / "PrecedentDesk"


def _exe(folder: Path, name: str) -> Path:
    return folder / (name + (".exe" if os.name == "nt" else ""))


def smoke(app: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "先例 数据"
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PRECEDENTS_DATA_DIR": str(data)}
        cli = _exe(app, "precedents")
        subprocess.run([str(cli), "init", "--demo"], check=True, env=env)
        listed = subprocess.run(
            [str(cli), "list", "--json"],
            check=True,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
        )
        count = len(json.loads(listed.stdout))
        print(f"command line: {count} demo precedents listed")
        if count < 30:
            raise SystemExit(f"expected the demo precedents, got {count}")
        started = time.perf_counter()
        desk = subprocess.run(
            [str(_exe(app, "precedent-desk")), "--smoke-test"],
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
        )
        elapsed = time.perf_counter() - started
        print(desk.stdout.strip(), desk.stderr.strip()[-2000:], sep="\n")
        if desk.returncode != 0 or "ready" not in desk.stdout:
            raise SystemExit(f"desktop smoke test failed (exit {desk.returncode})")
        print(f"desktop: started and quit in {elapsed:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller")
    parser.add_argument("--no-smoke", action="store_true")
    parser.add_argument("--smoke-only", action="store_true", help="test an existing build")
    args = parser.parse_args()
    app = args.dist / "PrecedentDesk" if args.smoke_only else build(args.dist, args.work)
    size = sum(f.stat().st_size for f in app.rglob("*") if f.is_file()) / 1e6
    print(f"built {app} ({size:.0f} MB)")
    if not args.no_smoke:
        smoke(app)


if __name__ == "__main__":
    main()
