"""PNG pictures for tests, written without any imaging library."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path


def png(path: Path, width: int = 64, height: int = 36) -> Path:
    """A plain blue picture of `width` × `height` pixels."""
    raw = b"".join(b"\x00" + b"\x25\x63\xeb" * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )
    return path
