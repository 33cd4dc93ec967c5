"""Per-record data of the similarity index: attribute columns, key-term counts, frequencies.

Each indexed record is a row. Attributes live in numpy columns (NaN or -1 for
"not recorded") so that scoring treats all rows at once; term counts live as one
small array per row, with a term dictionary and document frequencies beside
them. Replacing a record marks its old row dead and appends a new one; `compact`
drops dead rows and renumbers. Nothing here knows about scoring or files.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from search_index.similar.features import Features

#: Attribute names that can be inferred from text, in the order of their flag bits.
INFERABLE: tuple[str, ...] = (
    "hardships",
    "barriers",
    "household",
    "income",
    "age",
    "discovery",
    "district",
)

#: Numeric columns with their dtype and the value meaning "not recorded".
COLUMNS: dict[str, tuple[type[Any], Any]] = {
    "alive": (np.bool_, False),
    "hardships": (np.uint64, 0),
    "barriers": (np.uint64, 0),
    "household": (np.float64, np.nan),
    "income": (np.float64, np.nan),
    "year": (np.int32, 0),
    "age": (np.int16, -1),
    "band": (np.int16, -1),
    "discovery": (np.int16, -1),
    "district": (np.int16, -1),
    "decided": (np.bool_, False),
    "date": (np.int32, 0),
    "inferred": (np.int16, 0),
}


class RowStore:
    """Growable columns of row attributes plus per-row term counts."""

    def __init__(self, hardship_labels: Sequence[str], barrier_labels: Sequence[str]) -> None:
        self.hardship_labels = tuple(hardship_labels)
        self.barrier_labels = tuple(barrier_labels)
        self.clear()

    def clear(self) -> None:
        self.n_rows = 0
        self.cols: dict[str, npt.NDArray[Any]] = {
            name: np.full(16, fill, dtype=dtype) for name, (dtype, fill) in COLUMNS.items()
        }
        self.codes: list[str] = []
        self.titles: list[str] = []
        self.row_terms: list[npt.NDArray[np.int32]] = []
        self.row_counts: list[npt.NDArray[np.float32]] = []
        self.row_of: dict[str, int] = {}
        #: Person names of each row, and in how many live rows each name occurs.
        self.row_names: list[tuple[str, ...]] = []
        self.names: Counter[str] = Counter()
        #: Names first seen since the index last took them into account.
        self.fresh_names: set[str] = set()
        self.terms: list[str] = []
        self.term_id: dict[str, int] = {}
        self.df = np.zeros(16, dtype=np.int32)
        self.categories: dict[str, list[str]] = {"discovery": [], "district": []}

    # -- rows ------------------------------------------------------------------

    @property
    def live(self) -> int:
        return len(self.row_of)

    def append(self, features: Features, hard_mask: int, barrier_mask: int) -> int:
        """Add a row for the features, replacing the record's previous row."""
        self.delete(features.code)
        row = self.n_rows
        self._grow(row + 1)
        values = {
            "alive": True,
            "hardships": hard_mask,
            "barriers": barrier_mask,
            "household": _or_nan(features.household_size),
            "income": _or_nan(features.monthly_income),
            "year": features.year or 0,
            "age": -1 if features.age is None else min(features.age, 150),
            "band": -1 if features.age_band is None else features.age_band,
            "discovery": self._category("discovery", features.discovery),
            "district": self._category("district", features.district),
            "decided": features.decided,
            "date": features.date.toordinal() if features.date else 0,
            "inferred": sum(
                1 << i for i, name in enumerate(INFERABLE) if name in features.inferred
            ),
        }
        for name, value in values.items():
            self.cols[name][row] = value
        ids = np.array([self._term(t) for t in features.terms], dtype=np.int32)
        self.df[ids] += 1
        self.codes.append(features.code)
        self.titles.append(features.title)
        self.row_terms.append(ids)
        self.row_counts.append(np.array(list(features.terms.values()), dtype=np.float32))
        self.row_names.append(features.names)
        for name in features.names:
            if name not in self.names:
                self.fresh_names.add(name)
            self.names[name] += 1
        self.row_of[features.code] = row
        self.n_rows = row + 1
        return row

    def delete(self, code: str) -> bool:
        row = self.row_of.pop(code, None)
        if row is None:
            return False
        self.cols["alive"][row] = False
        self.df[self.row_terms[row]] -= 1
        for name in self.row_names[row]:
            left = self.names[name] - 1
            if left > 0:
                self.names[name] = left
            else:
                del self.names[name]
        return True

    def compact(self) -> None:
        """Drop dead rows and renumber the live ones in their current order."""
        keep = np.flatnonzero(self.cols["alive"][: self.n_rows])
        if keep.size == self.n_rows:
            return
        for name in self.cols:
            self.cols[name] = self.cols[name][keep].copy()
        index = keep.tolist()
        self.codes = [self.codes[i] for i in index]
        self.titles = [self.titles[i] for i in index]
        self.row_terms = [self.row_terms[i] for i in index]
        self.row_counts = [self.row_counts[i] for i in index]
        self.row_names = [self.row_names[i] for i in index]
        self.n_rows = len(index)
        self.row_of = {code: row for row, code in enumerate(self.codes)}
        self._grow(max(self.n_rows, 16))

    def column(self, name: str) -> npt.NDArray[Any]:
        """A column trimmed to the rows in use (a view, not a copy)."""
        return self.cols[name][: self.n_rows]

    # -- reading rows back -----------------------------------------------------

    def features(self, row: int) -> Features:
        """The stored features of a row (terms as counts, labels from the masks)."""
        col = {name: self.cols[name][row] for name in self.cols}
        flags = int(col["inferred"])
        return Features(
            code=self.codes[row],
            title=self.titles[row],
            terms={
                self.terms[int(t)]: float(c)
                for t, c in zip(self.row_terms[row], self.row_counts[row], strict=True)
            },
            hardships=_labels(int(col["hardships"]), self.hardship_labels),
            barriers=_labels(int(col["barriers"]), self.barrier_labels),
            household_size=None if np.isnan(col["household"]) else int(col["household"]),
            monthly_income=None if np.isnan(col["income"]) else float(col["income"]),
            year=int(col["year"]) or None,
            age=None if col["age"] < 0 else int(col["age"]),
            age_band=None if col["band"] < 0 else int(col["band"]),
            discovery=self._category_name("discovery", int(col["discovery"])),
            district=self._category_name("district", int(col["district"])),
            decided=bool(col["decided"]),
            date=dt.date.fromordinal(int(col["date"])) if col["date"] > 0 else None,
            inferred=frozenset(n for i, n in enumerate(INFERABLE) if flags & (1 << i)),
            names=self.row_names[row],
        )

    def category_index(self, kind: str, value: str | None) -> int:
        """Index of a category value, or -1 when it is not recorded or never seen."""
        if value is None:
            return -1
        try:
            return self.categories[kind].index(value)
        except ValueError:
            return -1

    # -- internals -------------------------------------------------------------

    def _grow(self, size: int) -> None:
        capacity = self.cols["alive"].shape[0]
        if size <= capacity:
            return
        new_capacity = max(size, capacity * 2)
        for name, (dtype, fill) in COLUMNS.items():
            grown = np.full(new_capacity, fill, dtype=dtype)
            grown[: self.n_rows] = self.cols[name][: self.n_rows]
            self.cols[name] = grown

    def _term(self, term: str) -> int:
        index = self.term_id.get(term)
        if index is None:
            index = len(self.terms)
            self.term_id[term] = index
            self.terms.append(term)
            if index >= self.df.shape[0]:
                extra = max(16, self.df.shape[0])
                self.df = np.concatenate([self.df, np.zeros(extra, dtype=np.int32)])
        return index

    def _category(self, kind: str, value: str | None) -> int:
        if value is None:
            return -1
        values = self.categories[kind]
        if value not in values:
            values.append(value)
        return values.index(value)

    def _category_name(self, kind: str, index: int) -> str | None:
        return self.categories[kind][index] if index >= 0 else None


def _labels(mask: int, labels: Sequence[str]) -> tuple[str, ...]:
    return tuple(label for i, label in enumerate(labels) if mask & (1 << i))


def _or_nan(value: float | None) -> float:
    return float("nan") if value is None else float(value)
