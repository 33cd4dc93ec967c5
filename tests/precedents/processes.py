"""Starting the worker processes of `tests.precedents.workers` and talking to them."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import REPO_ROOT


class Worker:
    """One child process; lines in on stdin, lines out on stdout."""

    def __init__(
        self, command: str, *args: object, module: str = "tests.precedents.workers"
    ) -> None:
        env = dict(os.environ, PYTHONPATH=str(REPO_ROOT), PYTHONUNBUFFERED="1")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", module, command, *map(str, args)],
            cwd=REPO_ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )

    def line(self) -> list[str]:
        """The next line the child prints, split into words; fails if it died."""
        assert self.proc.stdout is not None
        text = self.proc.stdout.readline()
        if not text:
            _out, err = self.proc.communicate()
            raise AssertionError(f"worker ended (exit {self.proc.returncode}):\n{err}")
        return text.split()

    def send(self, text: str = "go") -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(text + "\n")
        self.proc.stdin.flush()

    def finish(self) -> list[str]:
        """The last line, once the child has ended successfully."""
        words = self.line()
        _out, err = self.proc.communicate()
        assert self.proc.returncode == 0, err
        return words

    def kill(self) -> None:
        """SIGKILL: the process gets no chance to clean anything up."""
        self.proc.kill()
        self.proc.communicate()
