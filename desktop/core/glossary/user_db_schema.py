"""The layout of the glossary database and how an older file is brought up to date.

Kept apart from the store so that the one place a schema change touches is obvious: bump `SCHEMA_VERSION`, add
the step to `_prepare_schema`, and map the new columns in `_COLUMNS`, `_entry` and `_upsert`.
"""

from __future__ import annotations

import sqlite3

from desktop.core.glossary.user_entry import UserEntry

#: 2 added where a learned definition came from: the article's field and countries (see `remember_many`).
SCHEMA_VERSION = 2

_SQLITE_MAGIC = b"SQLite format 3\x00"
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


def _prepare_schema(conn: sqlite3.Connection) -> None:
    """Put a writable connection in WAL mode with full syncs, and create or migrate the schema in one transaction."""
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
