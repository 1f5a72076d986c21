"""The mark Précis leaves in its own PDF exports, so that opening one gives back the article alone.

An exported PDF holds the article plus a summary box, a legend, a glossary appendix and page footers; reading its
text back would take all of those for the article. So each export carries the article itself as an embedded
file (`precis-article.json`: title, text, author, date), and the PDF importer, finding it, returns that instead
of the page text. A PDF made elsewhere has no such file and is read as usual. The file is checked like any
input: a malformed or oversized one is ignored and the pages are read instead.
"""

from __future__ import annotations

import json
from typing import Optional

from desktop.core.model import Document

ATTACHMENT_NAME = "precis-article.json"
SCHEMA = "precis.export-source/1"
#: Larger than any article the window accepts (50 MB of text) is not ours.
MAX_BYTES = 60 * 1024 * 1024


def encode(document: Document) -> bytes:
    record = {"schema": SCHEMA, "title": document.title, "text": document.text,
              "author": document.author, "date": document.date}
    return json.dumps(record, ensure_ascii=False).encode("utf-8")


def decode(data: bytes) -> Optional[tuple[str, Optional[str], Optional[str], Optional[str]]]:
    """(text, title, author, date) from an embedded record, or None when it is not a valid one of ours."""
    if len(data) > MAX_BYTES:
        return None
    try:
        record = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    if not isinstance(record, dict) or record.get("schema") != SCHEMA:
        return None
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return None
    fields = [record.get(key) for key in ("title", "author", "date")]
    title, author, date = (value if isinstance(value, str) and value.strip() else None for value in fields)
    return text, title, author, date
