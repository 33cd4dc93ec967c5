"""Entry script of the frozen desktop program (PyInstaller)."""

import sys

from desktop.app import main

if __name__ == "__main__":
    sys.exit(main())
