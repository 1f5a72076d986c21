"""SQLite plumbing shared by the glossary store and salvage: connections that can never write, and what
SQLite's errors mean for the user.

It exists apart from `user_db` because salvaging a damaged file needs the same read-only connection and the same
wording of trouble as opening one, without needing the store itself.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from typing import Optional

from desktop.core.errors import PrecisError

log = logging.getLogger(__name__)

ENV_DATA_DIR = "PRECIS_DATA_DIR"


def _connect_read_only(path: Path, timeout: float, *, glance: bool) -> sqlite3.Connection:
    """A connection that can never write to the database file `path`.

    For a `glance` (checking a file before trusting it, salvaging one) with no ``-wal`` file, the main file is
    the whole database, so immutable mode reads it exactly and creates no ``-shm``/``-wal`` next to it. A
    long-lived read-only connection must see other processes' writes, so it uses locking (``mode=ro``) and falls
    back to immutable mode only where that cannot work (a WAL database in a folder where no ``-shm`` can be made).
    """
    uri = path.resolve().as_uri()
    immutable = glance and not Path(f"{path}-wal").exists()
    if not immutable:
        conn = sqlite3.connect(
            f"{uri}?mode=ro", uri=True, timeout=timeout, isolation_level=None, check_same_thread=False
        )
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.OperationalError as exc:
            conn.close()
            if _problem(exc) != "unwritable":
                raise
    return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, isolation_level=None, check_same_thread=False)


def _problem(exc: sqlite3.Error) -> Optional[str]:
    """What kind of trouble a SQLite error means for the user: locked, damaged, full, unwritable, or None (a bug).

    Python 3.11 gives the SQLite error name; 3.10 only the message, so both are read.
    """
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc).lower()
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in text or "busy" in text:
        return "locked"
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "malformed" in text or "not a database" in text:
        return "damaged"
    if name.startswith("SQLITE_FULL") or "disk is full" in text:
        return "full"
    if name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_IOERR", "SQLITE_AUTH")) or (
        "readonly" in text or "unable to open" in text or "disk i/o" in text
    ):
        return "unwritable"
    return None


def _translated(path: Path, exc: sqlite3.Error) -> PrecisError:
    """Turn SQLite's error about the glossary at `path` into one the user can act on; errors that are bugs are
    re-raised as they are."""
    problem = _problem(exc)
    if problem == "locked":
        log.info("the glossary %s is locked: %s", path, exc)
        return PrecisError(
            f"Your glossary {path} is busy: another program is writing to it.",
            "Nothing was lost. Close any other copy of Précis (or a database tool using the file) and try again.",
        )
    if problem == "damaged":
        return _damaged(path, str(exc))
    if problem == "full":
        return PrecisError(
            f"Précis cannot write to your glossary {path}: the disk is full.",
            "Nothing was lost. Free some space and try again.",
        )
    if problem == "unwritable":
        return _unwritable(path, str(exc))
    raise exc


def _damaged(path: Path, detail: str) -> PrecisError:
    log.warning("the glossary %s is damaged: %s", path, detail)
    return PrecisError(
        f"Your glossary {path} is damaged ({detail}); Précis has not changed it.",
        "Restore it from a backup, or choose 'Start a new glossary' to set the damaged file aside "
        "and keep every entry that can still be read.",
    )


def _unwritable(path: Path, detail: str) -> PrecisError:
    return PrecisError(
        f"Précis cannot write to your glossary {path} ({detail}).",
        f"Check that you may write to {path.parent}, or point {ENV_DATA_DIR} at a folder you can write to.",
    )
