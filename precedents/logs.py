"""Logging to a rotating file in the data folder.

Log lines never carry personal data: messages name record codes and counts,
never names, ID numbers, phones or narrative text. `PersonalDataFilter` masks
ID-number and phone patterns in case a message slips one through.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from precedents.anonymize import mask_text

LOG_FILE = "precedents.log"


class PersonalDataFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask_text(message)
        if masked != message:
            record.msg, record.args = masked, None
        return True


def configure_logging(folder: Path, *, console: bool = False, level: int = logging.INFO) -> Path:
    """Send this process's log to ``folder/precedents.log`` (rotating, 5 × 1 MB)."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / LOG_FILE
    root = logging.getLogger()
    for existing in list(root.handlers):
        if getattr(existing, "_precedents", False):
            if Path(getattr(existing, "baseFilename", "")) == target.resolve():
                return target
            root.removeHandler(existing)
            existing.close()
    handler = logging.handlers.RotatingFileHandler(
        target, maxBytes=1_000_000, backupCount=5, encoding="utf-8", delay=True
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(PersonalDataFilter())
    handler._precedents = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    if console:
        stream = logging.StreamHandler()
        stream.addFilter(PersonalDataFilter())
        root.addHandler(stream)
    root.setLevel(level)
    logging.getLogger("alembic").setLevel(logging.WARNING)
    return target
