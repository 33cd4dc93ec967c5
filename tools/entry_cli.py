"""Entry script of the frozen command line (PyInstaller)."""

import multiprocessing

from precedents.cli import run

if __name__ == "__main__":
    # Search index rebuilds start worker processes (see tools/entry_desktop.py).
    multiprocessing.freeze_support()
    run()
