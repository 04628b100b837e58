"""Schema migrations after version 1 (schema.sql). Append a new version number with its statements;
``Database.migrate`` applies every version above the file's ``PRAGMA user_version`` in order."""
from __future__ import annotations

MIGRATIONS: dict[int, list[str]] = {}
