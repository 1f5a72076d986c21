"""What a valid entry of the user's glossary is: the `UserEntry` record and the checks every entry passes.

Entries reach the glossary three ways (typed by the user or learned from an article, imported from a CSV file,
read back from a damaged database), and all three must agree on what is acceptable: a clean term, short enough
text, a known kind and origin, an ISO date. This module is that one rule book, shared by `user_db`, `user_csv`
and `user_db_salvage`; it knows nothing of SQLite or files.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Optional

from desktop.core.errors import PrecisError

KINDS: tuple[str, ...] = ("acronym", "organisation")
ORIGINS: tuple[str, ...] = ("user", "learned")

MAX_TERM = 200
MAX_TEXT = 5000

_KIND_ALIASES = {"organization": "organisation", "org": "organisation"}


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


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


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
