"""Entry script of the frozen command line (PyInstaller)."""

from precedents.cli import run

if __name__ == "__main__":
    run()
