"""Turn a path, a web address, bytes, standard input or the clipboard into article text with its title and origin.

One module per format (plaintext, markdown, html, pdf, docx) and one for fetching addresses (url); `detect`
recognises the format from the bytes first and the file name second. Entry points:

    load(source)                 a path or an http(s) address
    load_path(path)              a file
    load_url(url)                a web page or document, fetched with a time limit and a size cap
    load_bytes(data, name, origin)
    load_stream(stream)          standard input
    load_clipboard(text, html)   what a browser or editor put on the clipboard

Every failure the user can act on is a PrecisError with a message and a hint; nothing else escapes for bad input.
"""

from __future__ import annotations

import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Optional

from desktop.core.errors import PrecisError
from desktop.importers import detect, plaintext
from desktop.importers import url as url_fetch
from desktop.importers.detect import MARKDOWN_SUFFIXES  # noqa: F401  (kept for callers of the old module)

#: No file larger than this is read at all. PDFs and Word files with pictures reach tens of megabytes.
MAX_FILE_BYTES = 200 * 1024 * 1024
#: Text, Markdown and web pages larger than this are refused: nobody pastes 50 MB of prose.
MAX_TEXT_BYTES = 50 * 1024 * 1024

_BINARY_DOCUMENTS = (detect.PDF, detect.DOCX)
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*)://")
_DOMAIN_LIKE = re.compile(r"^(?:www\.|[\w-]+\.(?:com|org|net|pk|in|uk|io|gov|edu|news)(?:/|$))", re.I)


@dataclass(frozen=True)
class SourceText:
    """An article ready for analysis: its text (paragraphs separated by blank lines) and what is known of it."""

    text: str
    title: Optional[str]
    origin: str
    format: str = "text"
    author: Optional[str] = None
    date: Optional[str] = None


def load(source: str) -> SourceText:
    """Open a path or an http(s) address, as typed on the command line or into the window."""
    match = _SCHEME.match(source.strip())
    if match:
        scheme = match.group(1).lower()
        if scheme in ("http", "https"):
            return load_url(source.strip())
        if scheme == "file":
            from urllib.request import url2pathname

            return load_path(url2pathname(source.strip()[len("file://"):]))
        raise PrecisError(
            f"{detect.describe(source)} is neither a file nor an http(s) address.",
            "Download the document, then open the file.",
        )
    return load_path(source)


def load_path(path: str | Path) -> SourceText:
    path = Path(path)
    label = detect.describe(str(path))
    try:
        info = path.stat()
    except FileNotFoundError:
        hint = "Check the path and its spelling."
        if _DOMAIN_LIKE.match(str(path)):
            hint = "For a web page, give the whole address, starting with https://."
        raise PrecisError(f"There is no file {label}.", hint) from None
    except PermissionError:
        raise PrecisError(f"{label} cannot be read: permission denied.", "Check the file's permissions.") from None
    except (OSError, ValueError) as error:
        raise PrecisError(f"{label} cannot be opened: {_reason(error)}.", "Check the path.") from None
    if stat.S_ISDIR(info.st_mode):
        raise PrecisError(f"{label} is a folder, not a file.", "Give the path of one article file.")
    if not stat.S_ISREG(info.st_mode):
        raise PrecisError(f"{label} is not a regular file (a device, pipe or socket).",
                          "Give the path of one article file; for a pipe, use - for standard input.")
    if info.st_size > MAX_FILE_BYTES:
        raise _too_large(label, info.st_size, MAX_FILE_BYTES)
    try:
        with open(path, "rb") as file:
            head = file.read(64 * 1024)
            limit = MAX_FILE_BYTES if _binary_document(head) else MAX_TEXT_BYTES
            if info.st_size > limit:
                raise _too_large(label, info.st_size, limit)
            data = head + file.read(limit + 1 - len(head))
    except PermissionError:
        raise PrecisError(f"{label} cannot be read: permission denied.", "Check the file's permissions.") from None
    except IsADirectoryError:
        raise PrecisError(f"{label} is a folder, not a file.", "Give the path of one article file.") from None
    except OSError as error:
        raise PrecisError(f"{label} cannot be read: {_reason(error)}.", "Check the file.") from None
    return load_bytes(data, name=path.name, origin=str(path))


def load_stream(stream: BinaryIO, name: str = "", origin: str = "standard input") -> SourceText:
    """Read a stream (standard input) up to the size limit, then load it like a file."""
    try:
        data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise PrecisError(f"{origin} cannot be read: {_reason(error)}.", "Check what is piped in.") from None
    return load_bytes(data, name=name, origin=origin)


def load_url(address: str, timeout: float = url_fetch.TIMEOUT_SECONDS, max_bytes: int = url_fetch.MAX_BYTES) -> SourceText:
    """Fetch a web page or document (see `url`) and read it like a file of its type."""
    fetched = url_fetch.fetch(address, timeout=timeout, max_bytes=max_bytes)
    return load_bytes(fetched.data, name=fetched.name, origin=fetched.url, charset=fetched.charset, url=fetched.url)


def load_clipboard(text: str | None, html: str | None = None) -> SourceText:
    """What was copied: a browser's HTML when it holds the article (its paragraphs survive), else the plain text.

    The HTML is used when its article has at least half the words of the plain text: a selection of a page
    copies both; a copy from a program that writes poor HTML (or only markup) falls back to the text.
    """
    origin = "the clipboard"
    plain_words = len(text.split()) if text else 0
    if html and html.strip():
        try:
            body, title, author, date = _html_text(html, origin, None, fragment=True)
        except PrecisError:
            body = None
        if body and len(body.split()) >= max(1, 0.5 * plain_words):
            return SourceText(body, title or plaintext.guess_title(body), origin, "html", author, date)
    if text and text.strip():
        cleaned = plaintext.clean(text)
        return SourceText(cleaned, plaintext.guess_title(cleaned), origin, "text")
    raise PrecisError("The clipboard holds no text.", "Copy the article's text, then paste again.")


def load_bytes(
    data: bytes, name: str = "", origin: str = "", *, charset: str | None = None, url: str | None = None
) -> SourceText:
    """Read a document's bytes; `name` (a file name) helps only where the bytes cannot tell the format."""
    label = detect.describe(origin or name)
    origin = origin or name
    if not data:
        raise PrecisError(f"{label} is empty.", "Open a file with an article in it.")
    kind = detect.sniff(data, name, origin)
    limit = MAX_FILE_BYTES if kind in _BINARY_DOCUMENTS else MAX_TEXT_BYTES
    if len(data) > limit:
        raise _too_large(label, len(data), limit)
    fallback_title = _title_from_name(name)
    if kind == detect.PDF:
        from desktop.importers import pdf

        text, title, author, date = pdf.extract(data, label)
        return SourceText(text, title or fallback_title, origin, "pdf", author, date)
    if kind == detect.DOCX:
        from desktop.importers import docx

        text, title, author, date = docx.extract(data, label)
        return SourceText(text, title or fallback_title, origin, "docx", author, date)
    if kind in (detect.HTML, detect.MHTML):
        from desktop.importers import html

        if kind == detect.MHTML:
            page, saved_from = html.from_mhtml(data, label)
            url = url or saved_from
        else:
            page = html.decode(data, label, charset)
        text, title, author, date = _html_text(page, label, url)
        return SourceText(text, title or fallback_title, origin, "html", author, date)
    decoded = plaintext.decode(data, label, charset)
    if kind == detect.MARKDOWN:
        from desktop.importers import markdown

        body, title, author, date = markdown.parse(decoded.replace("\r\n", "\n").replace("\r", "\n"))
        return SourceText(body, title or fallback_title, origin, "markdown", author, date)
    text = plaintext.clean(decoded)
    return SourceText(text, plaintext.guess_title(text) or fallback_title, origin, "text")


def _html_text(page: str, label: str, url: str | None, fragment: bool = False):
    from desktop.importers import html

    return html.extract(page, label, url=url, fragment=fragment)


def _binary_document(head: bytes) -> bool:
    return b"%PDF-" in head[: detect.PDF_HEADER_WINDOW] or head.startswith(detect.ZIP_MAGIC)


def _title_from_name(name: str) -> str | None:
    stem = Path(name).stem if name else ""
    return stem or None


def _too_large(label: str, size: int, limit: int) -> PrecisError:
    return PrecisError(
        f"{label} is {size / 1024 / 1024:,.0f} MB, more than the {limit // 1024 // 1024} MB limit.",
        "Split it into smaller files or open only the part you need.",
    )


def _reason(error: BaseException) -> str:
    reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
    return " ".join(str(reason).split()).rstrip(".")


__all__ = [
    "SourceText", "load", "load_path", "load_url", "load_bytes", "load_stream", "load_clipboard",
    "MAX_FILE_BYTES", "MAX_TEXT_BYTES",
]
