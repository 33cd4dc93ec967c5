"""Entry script of the frozen desktop program (PyInstaller)."""

import multiprocessing
import sys

from desktop.app import main

if __name__ == "__main__":
    # Search index rebuilds start worker processes; in a frozen program each worker
    # runs this script again and must not open the desktop.
    multiprocessing.freeze_support()
    sys.exit(main())
