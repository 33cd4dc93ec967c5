"""What every command gets: parsed options, the data folder, a lazily opened library."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from precedents.library import Library
from precedents.paths import DataPaths


class Context:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.paths = DataPaths.resolve(args.data_dir)
        self._library: Library | None = None

    @property
    def library(self) -> Library:
        if self._library is None:
            self._library = Library.open(
                self.args.data_dir,
                db_url=self.args.db_url,
                actor=self.args.user,
                builtin_synonyms=_builtin_synonyms,
            )
        return self._library

    def print_json(self, data: Any) -> None:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")

    def close(self) -> None:
        if self._library is not None:
            self._library.close()


def _builtin_synonyms() -> list[tuple[str, ...]]:
    try:
        from search_index.synonyms import builtin_groups
    except ImportError:
        return []
    groups: list[tuple[str, ...]] = builtin_groups()
    return groups
