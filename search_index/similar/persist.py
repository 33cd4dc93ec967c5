"""Saving and loading a `SimilarityIndex`: its state to arrays and back, and the fingerprint.

`storage` knows files; this module knows which arrays make up an index and
checks that what it reads back is consistent before the index uses it. The
fingerprint covers everything that decides what gets stored for a record (the
segmenter's dictionary, the vocabulary, stop words, cue tables, field weights,
the number of key terms), so an index built under other rules is rebuilt
rather than silently mixed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from precedents.vocabulary import Vocabulary
from search_index.analysis import domain_terms
from search_index.content_words import STOP_WORDS
from search_index.similar import storage
from search_index.similar.cues import CUES_VERSION
from search_index.similar.features import CUE_TERM_WEIGHT
from search_index.similar.keyterms import FIELD_WEIGHTS, TERMS_VERSION
from search_index.similar.segment import Segment
from search_index.similar.store import COLUMNS
from search_index.similar.vectors import KEY_TERMS

if TYPE_CHECKING:
    from search_index.similar.index import SimilarityIndex

has_index = storage.has_index


def fingerprint(vocabulary: Vocabulary, synonym_groups: Sequence[Sequence[str]]) -> str:
    """A short hash of every rule that shapes the stored data."""
    terms = [
        (t.kind, t.label, list(t.synonyms), t.parent, list(t.related), t.selectable)
        for kind in sorted(vocabulary.terms)
        for t in vocabulary.terms[kind].values()
    ]
    rules = {
        "format": storage.FORMAT_VERSION,
        "cues": CUES_VERSION,
        "terms": TERMS_VERSION,
        "cue_terms": CUE_TERM_WEIGHT,
        "key_terms": KEY_TERMS,
        "fields": list(FIELD_WEIGHTS),
        "stop_words": sorted(STOP_WORDS),
        "dictionary": domain_terms(),
        "vocabulary": terms,
        "synonyms": [list(group) for group in synonym_groups],
    }
    text = json.dumps(rules, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def save(index: SimilarityIndex, folder: Path) -> str:
    """Write the (compacted) index to `folder`; returns the new generation."""
    store = index._store
    arrays: dict[str, npt.NDArray[Any]] = {
        f"col_{name}": store.column(name).copy() for name in COLUMNS
    }
    lengths = np.array([ids.shape[0] for ids in store.row_terms], dtype=np.int64)
    arrays["row_ptr"] = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
    arrays["row_terms"] = _concat(store.row_terms, np.int32)
    arrays["row_counts"] = _concat(store.row_counts, np.float32)
    arrays["df"] = store.df[: len(store.terms)].copy()
    arrays["idf"] = index._idf.values
    arrays["idf_docs"] = np.array([index._idf.n_docs], dtype=np.int64)
    arrays["main_ptr"] = index._main.ptr
    arrays["main_rows"] = index._main.rows
    arrays["main_weights"] = index._main.weights
    strings = {
        "codes": store.codes,
        "titles": store.titles,
        "terms": store.terms,
        "categories": store.categories,
        "row_names": [list(names) for names in store.row_names],
    }
    return storage.write_snapshot(folder, arrays, strings, index.fingerprint)


def load_into(index: SimilarityIndex, folder: Path) -> None:
    """Fill an empty index from `folder`, then replay the journal."""
    arrays, strings, generation = storage.read_snapshot(folder, index.fingerprint)
    try:
        _restore(index, arrays, strings)
    except (KeyError, ValueError, TypeError, IndexError) as exc:
        index.reset()
        raise storage.corrupt(folder, f"数据不一致：{exc}") from None
    index.generation = generation
    for entry in storage.read_journal(folder, generation):
        _replay(index, folder, entry)
    index._touched.clear()
    index._compacted = False
    index._refresh()


def append_changes(index: SimilarityIndex, folder: Path, codes: Sequence[str]) -> None:
    """Journal the current state of the given records (present ones upserted, others deleted)."""
    store = index._store
    entries: list[dict[str, Any]] = []
    for code in codes:
        row = store.row_of.get(code)
        if row is None:
            entries.append({"op": "delete", "code": code})
        else:
            entries.append(
                {"op": "upsert", "features": storage.features_to_json(store.features(row))}
            )
    storage.append_journal(folder, index.generation, entries)


def _restore(index: SimilarityIndex, arrays: dict[str, Any], strings: dict[str, Any]) -> None:
    store = index._store
    codes, titles, terms = list(strings["codes"]), list(strings["titles"]), list(strings["terms"])
    n = len(codes)
    ptr = arrays["row_ptr"]
    row_names = [tuple(str(name) for name in names) for names in strings["row_names"]]
    if (
        len(titles) != n
        or len(row_names) != n
        or ptr.shape != (n + 1,)
        or ptr[-1] != arrays["row_terms"].shape[0]
    ):
        raise ValueError("行数与词项数量不符")
    if arrays["row_counts"].shape != arrays["row_terms"].shape or arrays["df"].shape != (
        len(terms),
    ):
        raise ValueError("词频数组长度不符")
    if arrays["row_terms"].size and int(arrays["row_terms"].max()) >= len(terms):
        raise ValueError("词项编号越界")
    for name in COLUMNS:
        if arrays[f"col_{name}"].shape != (n,):
            raise ValueError(f"列 {name} 长度不符")
    main = Segment(arrays["main_ptr"], arrays["main_rows"], arrays["main_weights"])
    if main.ptr.shape != (arrays["idf"].shape[0] + 1,) or main.ptr[-1] != main.rows.shape[0]:
        raise ValueError("倒排表与词典不符")
    if main.rows.size and int(main.rows.max()) >= n:
        raise ValueError("倒排表行号越界")
    store.clear()
    store.cols = {name: arrays[f"col_{name}"].copy() for name in COLUMNS}
    store.n_rows = n
    store.codes, store.titles, store.terms = codes, titles, terms
    store.term_id = {term: i for i, term in enumerate(terms)}
    store.df = arrays["df"].astype(np.int32).copy()
    store.categories = {k: list(v) for k, v in strings["categories"].items()}
    store.row_terms = list(np.split(arrays["row_terms"].astype(np.int32), ptr[1:-1]))
    store.row_counts = list(np.split(arrays["row_counts"].astype(np.float32), ptr[1:-1]))
    store.row_of = {code: row for row, code in enumerate(codes) if store.cols["alive"][row]}
    store.row_names = row_names
    for row in store.row_of.values():
        store.names.update(row_names[row])
    index._idf.values = arrays["idf"].astype(np.float64)
    index._idf.n_docs = int(arrays["idf_docs"][0])
    index._main, index._delta, index._main_end = main, Segment.empty(), n
    index._weigh_labels()
    index._dirty = False


def _replay(index: SimilarityIndex, folder: Path, entry: dict[str, Any]) -> None:
    try:
        if entry["op"] == "delete":
            index.delete([entry["code"]])
        elif entry["op"] == "upsert":
            index._add(storage.features_from_json(entry["features"]))
        else:
            raise ValueError(f"未知操作 {entry['op']!r}")
    except (KeyError, ValueError, TypeError) as exc:
        raise storage.corrupt(folder, f"日志记录无法应用：{exc}") from None


def _concat(parts: Sequence[npt.NDArray[Any]], dtype: type[Any]) -> npt.NDArray[Any]:
    if not parts:
        return np.zeros(0, dtype=dtype)
    return np.concatenate(parts).astype(dtype)
