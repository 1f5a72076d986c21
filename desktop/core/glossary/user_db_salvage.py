"""Getting out of a damaged glossary file: set it aside byte for byte, and read back whatever entries still can be.

The store never repairs or deletes a damaged file on its own (the file holds the user's hand work); `salvage` in
`user_db` is the one explicit way out, and this module does its two careful parts: renaming the file and its
``-wal``/``-shm`` aside together (undone if any rename fails), and reading rows from the set-aside copy through a
connection that can never write to it. It knows nothing of the store, so the store can use it without a cycle.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from desktop.core.errors import PrecisError
from desktop.core.glossary.user_db_sqlite import _connect_read_only
from desktop.core.glossary.user_entry import UserEntry, _validated

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Salvage:
    """What `salvage` did: where the damaged file now is, and how many entries the new glossary got back."""

    aside: Path
    recovered: int


def _set_aside(path: Path) -> Path:
    """Rename the damaged glossary `path` (and its ``-wal``/``-shm``) to ``<name>.damaged-<UTC timestamp>``;
    returns the new name of the main file. Any failure moves back what was moved and changes nothing."""
    if not path.is_file():
        raise PrecisError(f"There is no glossary file at {path} to set aside.", "Nothing needs salvaging.")
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    moved: list[tuple[Path, Path]] = []
    try:
        # Side files first: a WAL left next to a new database would be replayed into it.
        for suffix in ("-wal", "-shm", ""):
            source = Path(f"{path}{suffix}")
            if source.exists():
                target = Path(f"{aside}{suffix}")
                os.rename(source, target)
                moved.append((source, target))
    except OSError as exc:
        for source, target in reversed(moved):
            try:
                os.rename(target, source)
            except OSError:
                log.error("could not move %s back to %s", target, source)
        raise PrecisError(
            f"Précis could not set the damaged glossary {path} aside: {exc.strerror or exc}.",
            "Nothing was changed. Close other programs using it, or move the file away yourself.",
        ) from exc
    log.info("set the damaged glossary %s aside as %s", path, aside)
    return aside


def _recoverable_entries(aside: Path) -> dict[tuple[str, str], UserEntry]:
    """Every valid entry that can still be read from the set-aside file, one per (term, origin), the last read
    winning."""
    rows = _readable_rows(aside) if aside.exists() else []
    entries: dict[tuple[str, str], UserEntry] = {}
    for row in rows:
        try:
            entry = _validated(*row)
        except (PrecisError, TypeError):
            continue
        entries[(entry.term, entry.origin)] = entry
    return entries


def _readable_rows(path: Path) -> list[tuple]:
    """Whatever rows of `entries` SQLite can still read, through a read-only connection."""
    rows: list[tuple] = []
    try:
        conn = _connect_read_only(path, 0, glance=True)
    except sqlite3.Error:
        return rows
    try:
        for order in ("ASC", "DESC"):
            try:
                for row in conn.execute(
                    "SELECT term, expansion, description, kind, origin, article, updated"
                    f" FROM entries ORDER BY rowid {order}"
                ):
                    rows.append(row)
            except sqlite3.Error:
                continue
    finally:
        conn.close()
    return rows
