"""Logging to a rotating file in the data folder.

Log lines never carry personal data: messages name record codes and counts,
never names, ID numbers, phones or narrative text. `PersonalDataFilter` masks
ID-number and phone patterns in case a message or a traceback slips one
through, and the database engine never puts statement parameters (the values
being saved) into its error messages (`precedents.db.open_engine`).
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from precedents.anonymize import mask_text

LOG_FILE = "precedents.log"


_TRACEBACKS = logging.Formatter()


class PersonalDataFilter(logging.Filter):
    """Masks ID and phone numbers in messages and in the tracebacks logged with them."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask_text(message)
        if masked != message:
            record.msg, record.args = masked, None
        # An exception's text can quote data (a driver error with the row it
        # refused); the traceback is formatted here, masked, and cached on the
        # record, where every handler's formatter takes it from.
        if record.exc_info and not record.exc_text:
            record.exc_text = _TRACEBACKS.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_text(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_text(record.stack_info)
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
