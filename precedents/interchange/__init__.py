"""Data in and out: the JSON Lines interchange format and Excel ledgers (台账)."""
