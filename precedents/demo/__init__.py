"""The built-in demo precedents shown to a new user on an empty library."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def demo_path() -> Path:
    return Path(str(resources.files(__package__).joinpath("precedents.jsonl")))
