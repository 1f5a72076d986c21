"""Recognise a document's format from its first bytes, and only then from its name.

A page saved as `.txt`, a PDF without a suffix on standard input, a Word file renamed `.doc`: the content
decides. The suffix breaks ties the bytes cannot (Markdown and plain text look alike) and names the format a
damaged file was meant to have.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from desktop.core.errors import PrecisError
from desktop.importers import plaintext

PDF, DOCX, HTML, MHTML, MARKDOWN, TEXT = "pdf", "docx", "html", "mhtml", "markdown", "text"

MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd", ".mkdn"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
MHTML_SUFFIXES = {".mht", ".mhtml"}
TEXT_SUFFIXES = {".txt", ".text"}
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
#: PDFium, like Acrobat, accepts a PDF whose header comes after up to 1 KB of other bytes.
PDF_HEADER_WINDOW = 1024

#: Signatures of formats Précis does not read, so that the user hears what the file is.
_OTHER_SIGNATURES = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"II*\x00": "a TIFF image",
    b"MM\x00*": "a TIFF image",
    b"\x1f\x8b": "a gzip archive",
    b"BZh": "a bzip2 archive",
    b"\xfd7zXZ\x00": "an xz archive",
    b"7z\xbc\xaf\x27\x1c": "a 7-Zip archive",
    b"Rar!": "a RAR archive",
    b"\x7fELF": "a program",
    b"MZ": "a Windows program",
    b"\xca\xfe\xba\xbe": "a program",
    b"\xcf\xfa\xed\xfe": "a program",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office document (.doc, .xls or .ppt)",
    b"{\\rtf": "a Rich Text Format (RTF) document",
    b"SQLite format 3\x00": "an SQLite database",
    b"OggS": "an Ogg audio or video file",
    b"ID3": "an MP3 audio file",
    b"fLaC": "a FLAC audio file",
    b"%!PS": "a PostScript document",
}
_OTHER_HINTS = {
    "an old Microsoft Office document (.doc, .xls or .ppt)": "In Word, save it as .docx or PDF, then open that.",
    "a Rich Text Format (RTF) document": "Save it as .docx or PDF, or copy and paste its text.",
    "a PostScript document": "Convert it to PDF first.",
}
_ZIP_KINDS = {
    "application/vnd.oasis.opendocument.text": "an OpenDocument text (.odt)",
    "application/epub+zip": "an EPUB e-book",
    "application/vnd.oasis.opendocument.spreadsheet": "an OpenDocument spreadsheet",
    "application/vnd.oasis.opendocument.presentation": "an OpenDocument presentation",
}
_LEADING_JUNK = re.compile(r"^(?:\s|\ufeff|<!--.*?-->|<\?xml[^>]*>)*", re.S)
_HTML_START = re.compile(r"<!doctype\s+html|<html[\s>]", re.I)
_HTML_TAG = re.compile(r"<(?:head|body|title|meta|p|div|span|article|section|br|h[1-6]|table|ul|ol|li)[\s/>]", re.I)
_MARKDOWN_SIGNS = (
    re.compile(r"^#{1,6} \S", re.M),
    re.compile(r"\[[^\]\n]+\]\([^)\s]+\)"),
    re.compile(r"(\*\*|__)\S[^\n]*?\S\1"),
    re.compile(r"^```", re.M),
    re.compile(r"^\s*[-*+] \S", re.M),
)


def describe(origin: str) -> str:
    """How messages name the input: 'report.pdf' in quotes, or 'the input'. Never more than one line."""
    if not origin:
        return "the input"
    if origin in ("standard input", "the clipboard") or origin.startswith("the "):
        return origin
    shown = re.sub(r"[\x00-\x1f\x7f-\x9f]", "?", origin)
    if len(shown) > 120:
        shown = shown[:57] + "…" + shown[-60:]
    return f"'{shown}'"


def sniff(data: bytes, name: str = "", origin: str = "") -> str:
    """The format of `data`: one of PDF, DOCX, HTML, MHTML, MARKDOWN or TEXT.

    Raises PrecisError for formats Précis does not read (images, archives, programs, other office files), naming
    what the file is.
    """
    label = describe(origin or name)
    suffix = Path(name).suffix.lower()
    head = data[:PDF_HEADER_WINDOW]
    if b"%PDF-" in head:
        return PDF
    if data.startswith(ZIP_MAGIC):
        return _sniff_zip(data, label, suffix)
    for magic, kind in _OTHER_SIGNATURES.items():
        if data.startswith(magic):
            raise PrecisError(f"{label} is {kind}, not an article.", _OTHER_HINTS.get(kind, _OPEN_HINT))
    if suffix == ".pdf":
        raise PrecisError(f"{label} is named like a PDF but is not one.", _DAMAGED_HINT)
    if suffix == ".docx":
        raise PrecisError(f"{label} is named like a Word document but is not one.", _DAMAGED_HINT)
    start = _peek_text(data)
    if _is_mhtml(start) or (suffix in MHTML_SUFFIXES and "multipart/" in start.lower()):
        return MHTML
    body = _LEADING_JUNK.sub("", start[:20_000], count=1)
    if _HTML_START.match(body):
        return HTML
    if suffix in HTML_SUFFIXES:
        return HTML
    if suffix in MARKDOWN_SUFFIXES:
        return MARKDOWN
    if suffix not in TEXT_SUFFIXES and body.startswith("<") and _HTML_TAG.search(body[:2048]):
        return HTML
    if not suffix and sum(1 for sign in _MARKDOWN_SIGNS if sign.search(start)) >= 3:
        return MARKDOWN
    return TEXT


_OPEN_HINT = "Open a text, Markdown, web page, PDF or Word (.docx) file, or paste the article's text."
_DAMAGED_HINT = "The file may be damaged or incomplete: download or export it again."


def _sniff_zip(data: bytes, label: str, suffix: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype")[:100].decode("ascii", "replace").strip() if "mimetype" in names else ""
    except Exception as error:  # zipfile raises BadZipFile, ValueError, EOFError, NotImplementedError, ...
        what = "Word document" if suffix == ".docx" else "ZIP archive (or Word file)"
        raise PrecisError(f"{label} is a damaged or incomplete {what}.", _DAMAGED_HINT) from error
    if "word/document.xml" in names:
        return DOCX
    if mimetype in _ZIP_KINDS:
        kind = _ZIP_KINDS[mimetype]
    elif "xl/workbook.xml" in names:
        kind = "an Excel workbook"
    elif "ppt/presentation.xml" in names:
        kind = "a PowerPoint presentation"
    else:
        kind = "a ZIP archive"
    if suffix == ".docx":
        raise PrecisError(f"{label} is named like a Word document but is {kind} (ZIP) without one.", _DAMAGED_HINT)
    hint = "Save it as .docx or PDF, then open that." if kind != "a ZIP archive" else "Unpack it and open the article inside."
    raise PrecisError(f"{label} is {kind}, not an article.", hint)


def _peek_text(data: bytes) -> str:
    """The first few kilobytes as text, decoded only well enough to look for tags."""
    head = data[:20_000]
    found = plaintext.bom_encoding(head)
    if found:
        encoding, skip = found
        return head[skip:].decode(encoding, errors="replace")
    if len(head) >= 4 and head.count(0) > len(head) // 4:
        encoding = "utf-16-le" if head[1::2].count(0) >= head[0::2].count(0) else "utf-16-be"
        return head[: len(head) // 2 * 2].decode(encoding, errors="replace")
    return head.decode("latin-1")


def _is_mhtml(start: str) -> bool:
    """A web page saved as one file (Chrome's and Edge's "single file"): a MIME message with the page inside."""
    top = start[:4096].lower()
    return top.lstrip().startswith(("from:", "mime-version:", "content-type:", "subject:", "date:", "snapshot-")) \
        and "multipart/related" in top
