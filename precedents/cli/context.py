"""What every command gets: parsed options, the data folder, a lazily opened library."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from precedents.check import ExtraCheck
from precedents.library import Library
from precedents.paths import DB_URL_ENV, DataPaths
from precedents.settings import load_settings


class Context:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.paths = DataPaths.resolve(args.data_dir)
        self._library: Library | None = None

    def db_url(self) -> str:
        """The database the library would open, without opening it (same order as `Library`)."""
        return (
            self.args.db_url
            or os.environ.get(DB_URL_ENV)
            or load_settings(self.paths.settings_file).db_url
            or self.paths.sqlite_url()
        )

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

    def extra_checks(self) -> list[ExtraCheck]:
        """Checks beyond the domain's own for ``precedents check`` (the indexes')."""
        try:
            from search_index.check import check_indexes
        except ImportError:  # the search package is not installed
            return []
        return [check_indexes]

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
