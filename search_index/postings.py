"""Reading Whoosh postings and columns into numpy arrays.

Whoosh scores every posting of a query term in pure Python (about 3 µs each),
which is too slow for common terms at 100,000 records. The index therefore
reads postings a block at a time (128 postings per block, already decoded by
Whoosh's codec) into arrays and scores them with numpy. Positions are decoded
only for the documents a phrase or substring check needs.

This module touches a few private attributes of whoosh-reloaded 2.7.5's W3
codec (block ids, weights and values; a column's raw bytes). Every such access
has a slower public fallback, used when the attributes are missing, so another
Whoosh version still works, only slower.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt
from whoosh.matching.wrappers import FilterMatcher
from whoosh.reading import TermNotFound
from whoosh.util.numeric import byte_to_length

IntArray = npt.NDArray[np.int32]
FloatArray = npt.NDArray[np.float32]

EMPTY_IDS: IntArray = np.zeros(0, dtype=np.int32)
EMPTY_TF: FloatArray = np.zeros(0, dtype=np.float32)

_LENGTH_TABLE = np.array([byte_to_length(i) for i in range(256)], dtype=np.float32)
_UINT32 = 4


def _matcher(reader: Any, field: str, term: str) -> Any:
    """The raw leaf matcher of a term in one segment reader, or None."""
    try:
        matcher = reader.postings(field, term.encode("utf-8"))
    except TermNotFound:
        return None
    # Deletions are applied by the caller with the snapshot's live mask.
    while isinstance(matcher, FilterMatcher):
        matcher = matcher.child
    return matcher


def _is_block_matcher(matcher: Any) -> bool:
    return all(
        hasattr(matcher, name)
        for name in ("_read_ids", "_read_weights", "_next_block", "_ids", "_weights")
    )


def read_postings(reader: Any, field: str, term: str) -> tuple[IntArray, FloatArray]:
    """Document numbers and term frequencies of `term` in one segment."""
    matcher = _matcher(reader, field, term)
    if matcher is None or not matcher.is_active():
        return EMPTY_IDS, EMPTY_TF
    ids: list[Any] = []
    weights: list[Any] = []
    if _is_block_matcher(matcher):
        while matcher.is_active():
            matcher._read_ids()
            matcher._read_weights()
            ids.append(np.asarray(matcher._ids, dtype=np.int32))
            weights.append(np.asarray(matcher._weights, dtype=np.float32))
            matcher._next_block()
        return np.concatenate(ids), np.concatenate(weights)
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        matcher.next()
    return np.asarray(ids, dtype=np.int32), np.asarray(weights, dtype=np.float32)


def read_positions(
    reader: Any, field: str, term: str, candidates: IntArray
) -> tuple[IntArray, IntArray]:
    """(document, position) pairs of `term` for the sorted `candidates` documents."""
    matcher = _matcher(reader, field, term)
    if matcher is None or len(candidates) == 0:
        return EMPTY_IDS, EMPTY_IDS
    if _is_block_matcher(matcher) and hasattr(matcher, "_read_values") and _packed(matcher):
        return _packed_positions(matcher, candidates)
    decode = matcher.format.decode_positions
    wanted_set = set(candidates.tolist())
    docs: list[int] = []
    poses: list[int] = []
    while matcher.is_active():
        doc = matcher.id()
        if doc in wanted_set:
            found = decode(matcher.value())
            docs.extend([doc] * len(found))
            poses.extend(found)
        matcher.next()
    return np.asarray(docs, dtype=np.int32), np.asarray(poses, dtype=np.int32)


def _packed(matcher: Any) -> bool:
    # Values of `OffsetPositions` are packed native uint32 offsets, nothing else.
    return type(matcher.format).__name__ == "OffsetPositions"


def _packed_positions(matcher: Any, candidates: IntArray) -> tuple[IntArray, IntArray]:
    """Block by block: pick the candidates' values and unpack them all at once."""
    docs: list[IntArray] = []
    poses: list[npt.NDArray[np.uint32]] = []
    last = int(candidates[-1])
    while matcher.is_active():
        matcher._read_ids()
        block_ids = np.asarray(matcher._ids, dtype=np.int32)
        idx = np.searchsorted(candidates, block_ids)
        idx[idx >= len(candidates)] = 0
        wanted = np.nonzero(candidates[idx] == block_ids)[0]
        if len(wanted):
            matcher._read_values()
            values = matcher._values
            chosen = [values[i] for i in wanted.tolist()]
            counts = np.fromiter((len(v) // _UINT32 for v in chosen), np.int64, len(chosen))
            docs.append(np.repeat(block_ids[wanted], counts))
            poses.append(np.frombuffer(b"".join(chosen), dtype=np.uint32))
        if block_ids[-1] >= last:
            break
        matcher._next_block()
    if not docs:
        return EMPTY_IDS, EMPTY_IDS
    return np.concatenate(docs), np.concatenate(poses).astype(np.int32)


def read_lengths(reader: Any, field: str, ndocs: int) -> FloatArray:
    """Token count of `field` in every document of one segment (Whoosh's 1-byte encoding)."""
    from whoosh.codec.whoosh3 import LENGTHS_COLUMN

    perdoc = getattr(reader, "_perdoc", None)
    name = f"_{field}_len"
    if perdoc is None or not perdoc.has_column(name):
        return np.array([reader.doc_field_length(d, field, 0) for d in range(ndocs)], np.float32)
    column = perdoc.column_reader(name, LENGTHS_COLUMN)
    raw = _raw_column(column, ndocs, np.dtype(np.uint8))
    lengths: FloatArray = _LENGTH_TABLE[raw]
    return lengths


def read_numeric_column(reader: Any, field: str, typecode: str, ndocs: int) -> npt.NDArray[Any]:
    """A numeric column of one segment as an array (default 0)."""
    dtype = np.dtype(">" + typecode).newbyteorder("=")
    if not reader.has_column(field):
        return np.zeros(ndocs, dtype=dtype)
    column = reader.column_reader(field, translate=False)
    return _raw_column(column, ndocs, np.dtype(">" + typecode)).astype(dtype)


def _raw_column(column: Any, ndocs: int, dtype: np.dtype[Any]) -> npt.NDArray[Any]:
    out = np.zeros(ndocs, dtype=dtype)
    if all(hasattr(column, n) for n in ("_dbfile", "_basepos", "_count", "_fixedlen")):
        count = min(column._count, ndocs)
        if count:
            raw = column._dbfile.get(column._basepos, count * column._fixedlen)
            out[:count] = np.frombuffer(raw, dtype=dtype, count=count)
        return out
    for docnum in range(ndocs):
        out[docnum] = column[docnum]
    return out


def field_terms(reader: Any, field: str) -> list[str]:
    """Every term of a field in one segment."""
    if field not in reader.indexed_field_names():
        return []
    return [t.decode("utf-8") if isinstance(t, bytes) else t for t in reader.lexicon(field)]
