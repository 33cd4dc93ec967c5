"""Reading an evaluation set's corpus into records, as the importer would."""

from __future__ import annotations

from pathlib import Path

from precedents.errors import ImportFailed
from precedents.interchange.importer import parse_file
from precedents.record import PrecedentRecord, default_status
from precedents.vocabulary import Vocabulary


def read_corpus(path: Path, vocabulary: Vocabulary | None = None) -> list[PrecedentRecord]:
    """Every valid record of a JSON Lines file, with the status an import gives it."""
    parsed = parse_file(path, vocabulary or Vocabulary.builtin())
    if parsed.rejected:
        first = parsed.rejected[0]
        raise ImportFailed(
            "import.invalid", file=path.name, count=len(parsed.rejected), first=first.issues[0]
        )
    records = [record for _, record in parsed.records]
    for record in records:
        record.meta.status = default_status(record)
    return records
