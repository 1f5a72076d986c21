"""The user's own glossary: a SQLite database in the user's data folder whose entries take precedence everywhere.

Two kinds of entry live here. A *user* entry is one the user added or corrected, and always wins; a *learned*
entry is a definition found in an article the user analysed ("the Tehreek-e-Taliban Pakistan (TTP)"), kept with
that article's title, field, countries and date, so that a later article can weigh it as evidence: it explains
the acronym there only where that article supports it (see `resolve._learned_entry`). Both can exist for one
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
"""

from __future__ import annotations

import csv
import io
import logging
import os
import sqlite3
import threading
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator, Optional

import platformdirs

from desktop.core.errors import PrecisError

log = logging.getLogger(__name__)

FILE_NAME = "glossary.sqlite3"
ENV_DATA_DIR = "PRECIS_DATA_DIR"
#: 2 added where a learned definition came from: the article's field and countries (see `remember_many`).
SCHEMA_VERSION = 2
#: Seconds a write waits for another process's lock before giving up: long enough for a normal write elsewhere,
#: short enough that the window never seems frozen.
DEFAULT_TIMEOUT = 2.0

KINDS: tuple[str, ...] = ("acronym", "organisation")
ORIGINS: tuple[str, ...] = ("user", "learned")
CSV_COLUMNS: tuple[str, ...] = ("term", "expansion", "description", "kind", "origin", "article", "updated")

MAX_TERM = 200
MAX_TEXT = 5000
#: An import larger than this is surely not a glossary (and would be read into memory whole).
MAX_CSV_BYTES = 64 * 1024 * 1024

_SQLITE_MAGIC = b"SQLite format 3\x00"
_KIND_ALIASES = {"organization": "organisation", "org": "organisation"}
_SCHEMA = """
CREATE TABLE entries (
    term        TEXT NOT NULL CHECK (length(term) > 0),
    folded      TEXT NOT NULL,
    origin      TEXT NOT NULL CHECK (origin IN ('user', 'learned')),
    expansion   TEXT,
    description TEXT,
    kind        TEXT NOT NULL CHECK (kind IN ('acronym', 'organisation')),
    article     TEXT,
    updated     TEXT NOT NULL,
    field       TEXT,
    countries   TEXT,
    PRIMARY KEY (term, origin)
);
CREATE INDEX entries_by_folded ON entries (folded);
"""
#: Version 1 to 2: where a learned definition came from. Old rows keep NULL (no field, no countries known).
_MIGRATE_TO_2 = ("ALTER TABLE entries ADD COLUMN field TEXT", "ALTER TABLE entries ADD COLUMN countries TEXT")
_COLUMNS = "term, expansion, description, kind, origin, article, updated, field, countries"


@dataclass(frozen=True)
class UserEntry:
    """One row of the user's glossary, as the rest of Précis sees it."""

    term: str
    expansion: Optional[str]
    description: Optional[str]
    kind: str
    origin: str
    article: Optional[str]
    updated: str
    #: For a learned entry: the field ("news", "sci-tech", "business", "general") and the ISO codes of the
    #: countries of the article it came from, so that a later article can tell whether it is about the same.
    field: Optional[str] = None
    countries: tuple[str, ...] = ()


@dataclass(frozen=True)
class Salvage:
    """What `salvage` did: where the damaged file now is, and how many entries the new glossary got back."""

    aside: Path
    recovered: int


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
        if conn.execute("PRAGMA journal_mode=WAL").fetchone()[0].lower() != "wal":
            raise sqlite3.OperationalError("attempt to write a readonly database")
        conn.execute("PRAGMA synchronous=FULL")
        if conn.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION:
            conn.execute("BEGIN IMMEDIATE")
            try:
                # Checked again inside the transaction: another process may have created the schema meanwhile.
                version = conn.execute("PRAGMA user_version").fetchone()[0]
                if version == 0:
                    # Statement by statement: executescript() would COMMIT the open transaction first.
                    for statement in _SCHEMA.split(";"):
                        if statement.strip():
                            conn.execute(statement)
                elif version == 1:
                    for statement in _MIGRATE_TO_2:
                        conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise

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
        from desktop.exporters.atomic import replacing  # Qt-free; the same atomic writer as every export

        path = Path(path)
        entries = self.entries()
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer)
        writer.writerow(CSV_COLUMNS)
        for e in entries:
            writer.writerow([
                _neutralised(cell)
                for cell in (e.term, e.expansion or "", e.description or "", e.kind, e.origin, e.article or "",
                             e.updated)
            ])
        with replacing(path) as out:
            out.write(buffer.getvalue().encode("utf-8-sig"))
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
        problem = _problem(exc)
        path = self.path
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
    rows = _readable_rows(aside) if aside.exists() else []
    entries: dict[tuple[str, str], UserEntry] = {}
    for row in rows:
        try:
            entry = _validated(*row)
        except (PrecisError, TypeError):
            continue
        entries[(entry.term, entry.origin)] = entry
    with UserGlossary(path) as fresh, fresh._transaction() as conn:
        for entry in entries.values():
            _upsert(conn, entry)
    return Salvage(aside=aside, recovered=len(entries))


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


# -- helpers -------------------------------------------------------------------------------------------------------


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


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


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


def _entry(row: tuple) -> UserEntry:
    term, expansion, description, kind, origin, article, updated, field, countries = row
    return UserEntry(
        term, expansion, description, kind, origin, article, updated, field, tuple(countries.split(",")) if countries else ()
    )


def _upsert(conn: sqlite3.Connection, entry: UserEntry) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO entries"
        " (term, folded, origin, expansion, description, kind, article, updated, field, countries)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (entry.term, entry.term.casefold(), entry.origin, entry.expansion, entry.description, entry.kind,
         entry.article, entry.updated, entry.field, ",".join(entry.countries) or None),
    )


def _clean_term(term: str) -> str:
    if not isinstance(term, str):
        raise PrecisError("A glossary term must be text.", "Type the short form or the organisation's name.")
    cleaned = " ".join(unicodedata.normalize("NFC", term).split())
    if not cleaned:
        raise PrecisError("A glossary entry needs a term.", "Type the short form or the organisation's name.")
    if len(cleaned) > MAX_TERM:
        raise PrecisError(
            f"The term {cleaned[:40]!r}… is too long ({len(cleaned)} characters; at most {MAX_TERM}).",
            "Put the short form or name in the term, and the rest in the expansion or description.",
        )
    if any(unicodedata.category(ch) == "Cc" for ch in cleaned):
        raise PrecisError(f"The term {cleaned!r} contains control characters.", "Type the term again by hand.")
    return cleaned


def _clean_text(value: Optional[str], field: str) -> Optional[str]:
    if value is None:
        return None
    if not isinstance(value, str):
        raise PrecisError(f"The {field} must be text.", "Type it again by hand.")
    value = unicodedata.normalize("NFC", value).strip()
    if "\x00" in value:
        raise PrecisError(f"The {field} contains a NUL character.", "Type it again by hand.")
    if len(value) > MAX_TEXT:
        raise PrecisError(
            f"The {field} is too long ({len(value)} characters; at most {MAX_TEXT}).", "Shorten it to a few lines."
        )
    return value or None


def _validated(
    term: str,
    expansion: Optional[str],
    description: Optional[str],
    kind: Optional[str],
    origin: Optional[str],
    article: Optional[str],
    updated: Optional[str],
) -> UserEntry:
    """A clean entry, or a PrecisError saying what is wrong with it (shared by the API, CSV import and salvage)."""
    term = _clean_term(term or "")
    expansion = _clean_text(expansion, "expansion")
    description = _clean_text(description, "description")
    kind = (kind or "acronym").strip().lower()
    kind = _KIND_ALIASES.get(kind, kind)
    if kind not in KINDS:
        raise PrecisError(f"Unknown kind {kind!r} for {term!r}.", "Use 'acronym' or 'organisation'.")
    origin = (origin or "user").strip().lower()
    if origin not in ORIGINS:
        raise PrecisError(f"Unknown origin {origin!r} for {term!r}.", "Use 'user' or 'learned'.")
    if expansion is None and description is None:
        raise PrecisError(
            f"The entry {term!r} needs an expansion or a description.", "Say what the term stands for or what it is."
        )
    if origin == "learned" and expansion is None:
        raise PrecisError(
            f"The learned entry {term!r} needs an expansion.", "Give it one, or mark the row as origin 'user'."
        )
    article = _clean_text(article, "article") if origin == "learned" else None
    updated = (updated or "").strip() or _now()
    try:
        datetime.fromisoformat(updated)
    except ValueError:
        raise PrecisError(
            f"The date {updated!r} of {term!r} is not an ISO date.", "Write it like 2026-02-27T10:15:00+00:00."
        ) from None
    return UserEntry(term, expansion, description, kind, origin, article, updated)


#: A spreadsheet runs a cell that starts with one of these as a formula (`=HYPERLINK(...)`, `=cmd|...`, `@SUM`).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _neutralised(cell: str) -> str:
    """OWASP's advice against CSV injection: a quote before a cell a spreadsheet would run makes it plain text.

    A cell that already starts with a quote gets one more, so that `_restored` gives every cell back exactly.
    """
    return "'" + cell if cell.startswith(_FORMULA_STARTS) or cell.startswith("'") else cell


def _restored(cell: str) -> str:
    """Undo `_neutralised`: the quote Précis put before a would-be formula (or before a quote) goes again."""
    if cell.startswith("'") and cell[1:2] and (cell[1:].startswith(_FORMULA_STARTS) or cell[1] == "'"):
        return cell[1:]
    return cell


def _decode_csv(data: bytes, path: Path) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    else:
        encoding = "utf-8-sig"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise PrecisError(
            f"{path.name} is not UTF-8 text.", "Save it as 'CSV UTF-8' from your spreadsheet and import it again."
        ) from None


def _read_csv(path: Path) -> list[UserEntry]:
    """Parse and validate a whole CSV file; any problem is one PrecisError naming the rows at fault."""
    try:
        if path.stat().st_size > MAX_CSV_BYTES:
            raise PrecisError(f"{path.name} is too large to be a glossary.", "Split it into smaller files.")
        data = path.read_bytes()
    except OSError as exc:
        raise PrecisError(f"Précis could not read {path}: {exc.strerror or exc}.", "Check the file name.") from exc
    text = _decode_csv(data, path)
    first_line = text.split("\n", 1)[0]
    delimiter = ","
    if "," not in first_line:
        # Spreadsheets in many locales save semicolon-separated "CSV"; tab-separated text is common too.
        delimiter = next((d for d in (";", "\t") if d in first_line), ",")
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
    except csv.Error as exc:
        raise PrecisError(
            f"{path.name} is not a well-formed CSV file ({exc}).", "Check its quotes, or export it again."
        ) from exc
    if not records:
        raise PrecisError(f"{path.name} is empty.", "A glossary CSV starts with a header row: " + ",".join(CSV_COLUMNS))
    header = [name.strip().lower() for name in records[0]]
    if "term" not in header or not {"expansion", "description"} & set(header):
        raise PrecisError(
            f"{path.name} has no 'term' column, or neither 'expansion' nor 'description'.",
            "The first row must name the columns: " + ",".join(CSV_COLUMNS),
        )
    duplicates = sorted({name for name in header if name and header.count(name) > 1})
    if duplicates:
        raise PrecisError(
            f"{path.name} names the column(s) {', '.join(duplicates)} twice.", "Keep one column of each name."
        )
    position = {name: header.index(name) for name in CSV_COLUMNS if name in header}
    entries: list[UserEntry] = []
    problems: list[str] = []
    for number, record in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in record):
            continue
        if len(record) > len(header):
            problems.append(f"row {number} has {len(record)} cells but the header names {len(header)}")
            continue
        cells = {name: _restored(record[i] if i < len(record) else "") for name, i in position.items()}
        try:
            entries.append(
                _validated(*(cells.get(name) or None for name in CSV_COLUMNS))  # type: ignore[arg-type]
            )
        except PrecisError as exc:
            problems.append(f"row {number}: {exc.message}")
    if problems:
        shown = "; ".join(problem.rstrip(".") for problem in problems[:5]) + (f"; and {len(problems) - 5} more" if len(problems) > 5 else "")
        raise PrecisError(f"Nothing was imported from {path.name}: {shown}.", "Correct those rows and import again.")
    return entries
