"""The user's own glossary: a SQLite database in the user's data folder whose entries take precedence everywhere.

Two kinds of entry live here. A *user* entry is one the user added or corrected, and always wins; a *learned*
entry is a definition found in an article the user analysed ("the Tehreek-e-Taliban Pakistan (TTP)"), kept with
that article's title, field, countries and date, so that a later article can weigh it as evidence: it explains
the acronym there only where that article supports it (see `acronym_meaning._learned_entry`). Both can exist for one
term: the user's entry wins, and forgetting it lets the learned one compete again. Either can be edited
(`edit`) or forgotten (`forget`).

The file is precious (it holds work the user did by hand), so:

* every write is one transaction (WAL journal, ``synchronous=FULL``): a crash or a power cut mid-write leaves
  every earlier entry intact, and a half-finished batch leaves nothing behind;
* a damaged file (not a database, or ``PRAGMA quick_check`` fails) is checked through a read-only connection
  before anything can write to it, then reported as a `PrecisError`; it is never deleted, repaired or
  overwritten behind the user's back. `salvage` is the one explicit way out: it renames the damaged file (and
  its ``-wal``/``-shm``) aside as ``glossary.sqlite3.damaged-<timestamp>``, byte for byte, and starts a new
  glossary holding whatever entries could still be read;
* a database another process holds locked beyond a short busy timeout is a `PrecisError` on write, while reads
  go on (WAL readers never wait for a writer);
* when writing is impossible (a read-only folder or file, a database made by a newer Précis) the glossary opens
  read-only and says why on every write (`read_only_reason`), so lookups keep working.

Lookup is case-sensitive first, then case-insensitive (``casefold``, so it works beyond ASCII): ``Nacta`` finds
an entry written ``NACTA`` when there is no ``Nacta``; among equal matches a user entry wins, then the newest.
Terms are NFC-normalised with runs of white space made one space; nothing else (dots, dashes) is folded here.

One object may be shared between the window's thread and the analysis worker: a lock serialises the connection.

The store is this module; its other jobs live next to it, each in one module: `user_entry` (what a valid entry
is), `user_db_schema` (the tables and their migration), `user_db_sqlite` (read-only connections and what SQLite's
errors mean), `user_csv` (CSV export and import) and `user_db_salvage` (setting a damaged file aside). Every public
name that used to be imported from here still is (see `__all__`).
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Iterable, Iterator, Optional

import platformdirs

from desktop.core.errors import PrecisError
from desktop.core.glossary.user_csv import CSV_COLUMNS, MAX_CSV_BYTES, _read_csv, _write_csv
from desktop.core.glossary.user_db_salvage import Salvage, _recoverable_entries, _set_aside
from desktop.core.glossary.user_db_schema import (
    SCHEMA_VERSION,
    _COLUMNS,
    _SQLITE_MAGIC,
    _entry,
    _prepare_schema,
    _upsert,
)
from desktop.core.glossary.user_db_sqlite import (
    ENV_DATA_DIR,
    _connect_read_only,
    _damaged,
    _problem,
    _translated,
    _unwritable,
)
from desktop.core.glossary.user_entry import (
    KINDS,
    MAX_TERM,
    MAX_TEXT,
    ORIGINS,
    UserEntry,
    _clean_term,
    _now,
    _validated,
)

__all__ = [
    "CSV_COLUMNS",
    "DEFAULT_TIMEOUT",
    "ENV_DATA_DIR",
    "FILE_NAME",
    "KINDS",
    "MAX_CSV_BYTES",
    "MAX_TERM",
    "MAX_TEXT",
    "ORIGINS",
    "SCHEMA_VERSION",
    "Salvage",
    "UserEntry",
    "UserGlossary",
    "default_path",
    "salvage",
]

log = logging.getLogger(__name__)

FILE_NAME = "glossary.sqlite3"
#: Seconds a write waits for another process's lock before giving up: long enough for a normal write elsewhere,
#: short enough that the window never seems frozen.
DEFAULT_TIMEOUT = 2.0


def default_path() -> Path:
    """Where the glossary lives: ``$PRECIS_DATA_DIR/glossary.sqlite3``, else the platform's user data folder.

    The environment variable lets tests, portable installs and several profiles keep separate glossaries.
    """
    folder = os.environ.get(ENV_DATA_DIR, "").strip()
    base = Path(folder).expanduser() if folder else platformdirs.user_data_path("precis")
    return base / FILE_NAME


class UserGlossary:
    """The user's glossary database; open one per process and close it (or use it as a context manager)."""

    def __init__(self, path: Optional[Path] = None, *, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.path = Path(path) if path is not None else default_path()
        self._timeout = timeout
        self._lock = threading.RLock()
        self._conn: Optional[sqlite3.Connection] = None
        #: Why writes are impossible, or None when they are possible; the window can show it and disable editing.
        self.read_only_reason: Optional[PrecisError] = None
        self._columns = _COLUMNS
        self._open()

    # -- opening ---------------------------------------------------------------------------------------------

    def _open(self) -> None:
        path = self.path
        if path.is_dir():
            raise PrecisError(
                f"The glossary path {path} is a folder, not a file.",
                f"Remove or rename that folder, or point {ENV_DATA_DIR} at another folder.",
            )
        existing = path.is_file() and path.stat().st_size > 0
        if existing:
            version = self._validate_existing()
        else:
            version = 0
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise _unwritable(path, exc.strerror or str(exc)) from exc
        if existing and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
            # SQLite would open such a file and fail only at the first write; saying so up front lets the window
            # disable editing. (Permissions do not bind an administrator, for whom this is never true.)
            self._open_read_only(_unwritable(path, "the file or its folder is read-only"))
            return
        if version > SCHEMA_VERSION:
            self._open_read_only(
                PrecisError(
                    f"Your glossary {path} was written by a newer version of Précis.",
                    "Update Précis to change it; until then it can be read but not edited.",
                )
            )
            return
        try:
            self._conn = self._connect_rw()
            self._prepare()
        except sqlite3.Error as exc:
            self._close_conn()
            error = self._translate(exc)
            if existing and _problem(exc) == "unwritable":
                self._open_read_only(error)
                return
            raise error from exc

    def _validate_existing(self) -> int:
        """Check an existing file through a read-only connection, so nothing can write to a damaged one."""
        path = self.path
        try:
            with open(path, "rb") as handle:
                header = handle.read(len(_SQLITE_MAGIC))
        except OSError as exc:
            raise PrecisError(
                f"Précis cannot read your glossary {path}: {exc.strerror or exc}.",
                "Check the file's permissions.",
            ) from exc
        if header != _SQLITE_MAGIC:
            raise _damaged(path, "it is not a SQLite database")
        conn = None
        try:
            conn = _connect_read_only(path, self._timeout, glance=True)
            problems = [row[0] for row in conn.execute("PRAGMA quick_check(5)")]
            if problems != ["ok"]:
                raise _damaged(path, "; ".join(problems))
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        except sqlite3.Error as exc:
            error = self._translate(exc)
            raise error from exc
        finally:
            if conn is not None:
                conn.close()
        if version == 0 and tables:
            raise PrecisError(
                f"{path} is a SQLite database but not a Précis glossary.",
                f"Move it elsewhere, or point {ENV_DATA_DIR} at another folder; Précis will not change it.",
            )
        if version >= 1 and "entries" not in tables:
            raise _damaged(path, "its table of entries is missing")
        return version

    def _connect_rw(self) -> sqlite3.Connection:
        # Autocommit mode (isolation_level=None): transactions are explicit, BEGIN IMMEDIATE ... COMMIT.
        return sqlite3.connect(
            self.path, timeout=self._timeout, isolation_level=None, check_same_thread=False
        )

    def _prepare(self) -> None:
        conn = self._conn
        assert conn is not None
        _prepare_schema(conn)

    def _open_read_only(self, reason: PrecisError) -> None:
        log.info("opening the glossary %s read-only: %s", self.path, reason.message)
        try:
            self._conn = _connect_read_only(self.path, self._timeout, glance=False)
            self._conn.execute("SELECT count(*) FROM entries").fetchone()
            if "field" not in {row[1] for row in self._conn.execute("PRAGMA table_info(entries)")}:
                self._columns = _COLUMNS.replace("field, countries", "NULL, NULL")  # a version-1 file, not migrated
        except sqlite3.Error as exc:
            self._close_conn()
            raise self._translate(exc) from exc
        self.read_only_reason = reason

    # -- reading ---------------------------------------------------------------------------------------------

    @property
    def writable(self) -> bool:
        return self.read_only_reason is None

    def lookup(self, term: str) -> Optional[UserEntry]:
        """The entry for `term`: exact spelling first, then any case; a user entry before a learned one."""
        try:
            key = _clean_term(term)
        except PrecisError:
            return None
        rows = self._query(
            f"SELECT {self._columns} FROM entries WHERE folded = ?"
            " ORDER BY term = ? DESC, origin = 'user' DESC, updated DESC, term",
            (key.casefold(), key),
        )
        return _entry(rows[0]) if rows else None

    def entries(self) -> list[UserEntry]:
        """Every entry, both origins, sorted by term (case-insensitively, then exactly), user before learned."""
        rows = self._query(f"SELECT {self._columns} FROM entries")
        entries = [_entry(row) for row in rows]
        entries.sort(key=lambda e: (e.term.casefold(), e.term, ORIGINS.index(e.origin)))
        return entries

    def __len__(self) -> int:
        return self._query("SELECT count(*) FROM entries")[0][0]

    # -- writing ---------------------------------------------------------------------------------------------

    def define(
        self,
        term: str,
        expansion: Optional[str],
        description: Optional[str] = None,
        kind: str = "acronym",
    ) -> UserEntry:
        """Add or correct the user's own entry for `term` (replacing their earlier one, never a learned one)."""
        entry = _validated(term, expansion, description, kind, "user", None, _now())
        with self._transaction() as conn:
            _upsert(conn, entry)
        return entry

    def remember(self, term: str, expansion: str, article: Optional[str], kind: str = "acronym") -> None:
        """Keep a definition found in an analysed article; never touches the user's own entry for the term."""
        self.remember_many([(term, expansion, kind)], article)

    def remember_many(
        self,
        definitions: Iterable[tuple[str, str, str]],
        article: Optional[str],
        field: Optional[str] = None,
        countries: Iterable[str] = (),
    ) -> int:
        """Keep every ``(term, expansion, kind)`` defined in one article, in one transaction, with where it came
        from (the article's title, field and countries); returns how many rows changed. An unchanged definition
        is not rewritten, so analysing an article again costs no write."""
        changed = 0
        codes = ",".join(sorted(set(countries))) or None
        with self._transaction() as conn:
            for term, expansion, kind in definitions:
                entry = _validated(term, expansion, None, kind, "learned", article, _now())
                entry = replace(entry, field=field, countries=tuple(codes.split(",")) if codes else ())
                old = conn.execute(
                    "SELECT expansion, kind, article, field, countries FROM entries"
                    " WHERE term = ? AND origin = 'learned'",
                    (entry.term,),
                ).fetchone()
                if old == (entry.expansion, entry.kind, entry.article, field, codes):
                    continue
                _upsert(conn, entry)
                changed += 1
        return changed

    def edit(self, term: str, origin: str, expansion: Optional[str], description: Optional[str] = None) -> UserEntry:
        """Change the meaning of one entry of either origin in place (a learned one stays learned, with its
        article); raises PrecisError when there is no such entry."""
        rows = self._query(f"SELECT {self._columns} FROM entries WHERE term = ? AND origin = ?", (_clean_term(term), origin))
        if not rows:
            raise PrecisError(f"There is no entry {term!r} to edit.", "Define it instead.")
        old = _entry(rows[0])
        entry = _validated(old.term, expansion, description, old.kind, old.origin, old.article, _now())
        entry = replace(entry, field=old.field, countries=old.countries)
        with self._transaction() as conn:
            _upsert(conn, entry)
        return entry

    def forget(self, term: str, origin: Optional[str] = None) -> bool:
        """Remove the entries for exactly `term` (both origins, or only `origin`); False when there were none."""
        try:
            key = _clean_term(term)
        except PrecisError:
            return False
        if origin is not None and origin not in ORIGINS:
            raise ValueError(f"unknown origin {origin!r}")
        with self._transaction() as conn:
            if origin is None:
                cursor = conn.execute("DELETE FROM entries WHERE term = ?", (key,))
            else:
                cursor = conn.execute("DELETE FROM entries WHERE term = ? AND origin = ?", (key, origin))
            return cursor.rowcount > 0

    # -- CSV ---------------------------------------------------------------------------------------------------

    def export_csv(self, path: Path) -> int:
        """Write every entry to `path` (UTF-8 with a BOM, so spreadsheets read non-Latin text); returns the count.

        The file appears whole or not at all: a temporary file in the same folder is replaced into place.
        """
        path = Path(path)
        entries = self.entries()
        _write_csv(path, entries)
        return len(entries)

    def import_csv(self, path: Path) -> int:
        """Add the rows of a CSV file (columns as `export_csv` writes them; only ``term`` and one of
        ``expansion``/``description`` are required). Rows are user entries unless they say ``origin=learned``.

        The whole file is checked first and imported in one transaction: a file with any bad row imports nothing.
        """
        entries = _read_csv(Path(path))
        with self._transaction() as conn:
            for entry in entries:
                _upsert(conn, entry)
        return len(entries)

    # -- plumbing ----------------------------------------------------------------------------------------------

    def close(self) -> None:
        with self._lock:
            self._close_conn()

    def __enter__(self) -> "UserGlossary":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def _close_conn(self) -> None:
        if self._conn is not None:
            conn, self._conn = self._conn, None
            conn.close()

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise RuntimeError("the user glossary is closed")
        return self._conn

    def _query(self, sql: str, params: tuple = ()) -> list[tuple]:
        with self._lock:
            try:
                return self._connection().execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                raise self._translate(exc) from exc

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; BEGIN IMMEDIATE takes the write lock up front so a busy database fails before
        any work is done, and any error rolls everything back."""
        if self.read_only_reason is not None:
            raise self.read_only_reason
        with self._lock:
            conn = self._connection()
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise self._translate(exc) from exc
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    raise self._translate(exc) from exc
                raise

    def _translate(self, exc: sqlite3.Error) -> PrecisError:
        """Turn SQLite's error into one the user can act on; errors that are bugs are re-raised as they are."""
        return _translated(self.path, exc)


# -- salvage -----------------------------------------------------------------------------------------------------


def salvage(path: Optional[Path] = None) -> Salvage:
    """Set a damaged glossary aside and start a new one with every entry that can still be read.

    Only ever run at the user's request. The damaged file is renamed, not copied or rewritten, so its bytes are
    kept exactly: ``glossary.sqlite3`` becomes ``glossary.sqlite3.damaged-<UTC timestamp>`` (with its ``-wal``
    and ``-shm`` files renamed to match, so SQLite still pairs them, and so a stale WAL can never be replayed
    into the new database). Entries are read from the set-aside copy in rowid order up to the first unreadable
    page and again backwards from the end, which gets back both sides of a damaged stretch.

    Close every `UserGlossary` open on the file first: this renames files under it.
    """
    path = Path(path) if path is not None else default_path()
    aside = _set_aside(path)
    entries = _recoverable_entries(aside)
    with UserGlossary(path) as fresh, fresh._transaction() as conn:
        for entry in entries.values():
            _upsert(conn, entry)
    return Salvage(aside=aside, recovered=len(entries))
