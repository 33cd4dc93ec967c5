"""The similarity index on disk: a checksummed snapshot plus an append-only journal.

Folder layout (``G`` is the generation, a fresh id per full save)::

    manifest.json        format version, analysis fingerprint, generation, checksums
    columns-G.npz        attribute columns, term counts per row, postings, IDF snapshot
    strings-G.json       codes, titles, the term dictionary, category names
    journal-G.jsonl      records changed since the snapshot, one checksummed line each

A full save writes the new generation's files, then replaces the manifest (the
commit point), then removes the older generation, so a crash leaves either the
old or the new snapshot intact. Between full saves, changes are appended to the
journal (one line per changed record; replaying it is idempotent). Anything
that does not check out raises `SimilarityIndexUnusable`; the index is a cache
of the database, so the caller rebuilds it.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import uuid
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from precedents.errors import PrecedentError
from search_index.similar.features import Features

#: Version of the folder layout and array meanings; another version means rebuild.
FORMAT_VERSION = 1

MANIFEST = "manifest.json"
_PREFIXES = ("columns-", "strings-", "journal-")


def _names(generation: str) -> tuple[str, str, str]:
    return f"columns-{generation}.npz", f"strings-{generation}.json", f"journal-{generation}.jsonl"


class SimilarityIndexUnusable(PrecedentError):
    """The folder holds no usable index (corrupt, or built by another version): rebuild it."""

    def __init__(self, code: str, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(code, path=str(path), reason=reason)


def corrupt(folder: Path, reason: str) -> SimilarityIndexUnusable:
    return SimilarityIndexUnusable("similar.index_corrupt", folder, reason)


def outdated(folder: Path, reason: str) -> SimilarityIndexUnusable:
    return SimilarityIndexUnusable("similar.index_outdated", folder, reason)


def has_index(folder: Path) -> bool:
    """True when the folder holds any index file (complete or not)."""
    if (folder / MANIFEST).exists():
        return True
    return folder.is_dir() and any(p.name.startswith(_PREFIXES) for p in folder.iterdir())


def write_snapshot(
    folder: Path, arrays: dict[str, npt.NDArray[Any]], strings: dict[str, Any], fingerprint: str
) -> str:
    """Write a full snapshot; returns its generation (the journal starts afresh)."""
    folder.mkdir(parents=True, exist_ok=True)
    generation = uuid.uuid4().hex
    columns, names, _ = _names(generation)
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)  # type: ignore[arg-type]
    payloads = {
        columns: buffer.getvalue(),
        names: json.dumps(strings, ensure_ascii=False).encode("utf-8"),
    }
    for name, data in payloads.items():
        _write_atomic(folder / name, data)
    manifest = {
        "format": FORMAT_VERSION,
        "fingerprint": fingerprint,
        "generation": generation,
        "saved_at": dt.datetime.now().isoformat(timespec="seconds"),
        "files": {
            name: {"crc32": zlib.crc32(data), "bytes": len(data)} for name, data in payloads.items()
        },
    }
    _write_atomic(folder / MANIFEST, json.dumps(manifest, indent=1).encode("utf-8"))
    current = set(_names(generation))
    for path in folder.iterdir():
        if path.name.startswith(_PREFIXES) and path.name not in current:
            path.unlink(missing_ok=True)
    return generation


def read_snapshot(
    folder: Path, fingerprint: str
) -> tuple[dict[str, npt.NDArray[Any]], dict[str, Any], str]:
    """Arrays, strings and generation of a saved snapshot, verified."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text("utf-8"))
    except FileNotFoundError:
        raise corrupt(folder, "缺少 manifest.json") from None
    except (OSError, ValueError) as exc:
        raise corrupt(folder, f"manifest.json 无法读取：{exc}") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_VERSION:
        found = manifest.get("format") if isinstance(manifest, dict) else None
        raise outdated(folder, f"格式版本 {found}，本程序为 {FORMAT_VERSION}")
    if manifest.get("fingerprint") != fingerprint:
        raise outdated(folder, "分词词典、词表或提取规则已变更")
    generation = str(manifest.get("generation", ""))
    columns, names, _ = _names(generation)
    data = {name: _verified(folder, name, manifest) for name in (columns, names)}
    try:
        with np.load(io.BytesIO(data[columns]), allow_pickle=False) as npz:
            arrays = {name: npz[name] for name in npz.files}
        strings = json.loads(data[names].decode("utf-8"))
    except (OSError, ValueError, KeyError) as exc:
        raise corrupt(folder, f"数据文件无法解析：{exc}") from None
    return arrays, strings, generation


def append_journal(folder: Path, generation: str, entries: Iterable[dict[str, Any]]) -> None:
    """Append changed records to the journal of the current snapshot generation."""
    path = folder / _names(generation)[2]
    lines = [_line(entry) for entry in entries]
    with path.open("a", encoding="utf-8") as handle:
        handle.write("".join(lines))
        handle.flush()
        os.fsync(handle.fileno())


def read_journal(folder: Path, generation: str) -> Iterator[dict[str, Any]]:
    """Entries of the journal of the given snapshot generation, in order."""
    path = folder / _names(generation)[2]
    if not path.exists():
        return
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise corrupt(folder, f"{path.name} 无法读取：{exc}") from None
    for number, line in enumerate(text.splitlines(), start=1):
        yield _parse_line(folder, line, number, path.name)


def features_to_json(f: Features) -> dict[str, Any]:
    return {
        "code": f.code,
        "title": f.title,
        "terms": f.terms,
        "hardships": list(f.hardships),
        "barriers": list(f.barriers),
        "household_size": f.household_size,
        "monthly_income": f.monthly_income,
        "year": f.year,
        "age": f.age,
        "age_band": f.age_band,
        "discovery": f.discovery,
        "district": f.district,
        "decided": f.decided,
        "date": f.date.isoformat() if f.date else None,
        "inferred": sorted(f.inferred),
        "names": list(f.names),
    }


def features_from_json(data: dict[str, Any]) -> Features:
    values = dict(data)
    values["hardships"] = tuple(values["hardships"])
    values["barriers"] = tuple(values["barriers"])
    values["date"] = dt.date.fromisoformat(values["date"]) if values["date"] else None
    values["inferred"] = frozenset(values["inferred"])
    values["names"] = tuple(values.get("names", ()))
    return Features(**values)


def _verified(folder: Path, name: str, manifest: dict[str, Any]) -> bytes:
    expected = manifest.get("files", {}).get(name)
    try:
        data = (folder / name).read_bytes()
    except OSError:
        raise corrupt(folder, f"缺少 {name}") from None
    if not isinstance(expected, dict) or len(data) != expected.get("bytes"):
        raise corrupt(folder, f"{name} 长度与记录不符")
    if zlib.crc32(data) != expected.get("crc32"):
        raise corrupt(folder, f"{name} 校验和不符")
    return data


def _line(body: dict[str, Any]) -> str:
    text = json.dumps(body, ensure_ascii=False, sort_keys=True)
    return (
        json.dumps({"crc32": zlib.crc32(text.encode("utf-8")), "body": text}, ensure_ascii=False)
        + "\n"
    )


def _parse_line(folder: Path, line: str, number: int, name: str) -> dict[str, Any]:
    try:
        wrapper = json.loads(line)
        text = wrapper["body"]
        if zlib.crc32(text.encode("utf-8")) != wrapper["crc32"]:
            raise ValueError("校验和不符")
        body = json.loads(text)
    except (ValueError, KeyError, TypeError) as exc:
        raise corrupt(folder, f"{name} 第 {number} 行损坏：{exc}") from None
    if not isinstance(body, dict):
        raise corrupt(folder, f"{name} 第 {number} 行不是对象")
    return body


def _write_atomic(path: Path, data: bytes) -> None:
    temporary = path.with_name(path.name + ".tmp")
    with temporary.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
