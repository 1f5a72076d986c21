"""Plain text: decode bytes whatever their encoding, and recognise what is not text at all."""

from __future__ import annotations

import codecs

from desktop.core.errors import PrecisError

#: File signatures of formats that are not (yet) read as text, so the user hears what the file is.
_SIGNATURES = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or a Word/OpenDocument file)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "a program",
    b"MZ": "a Windows program",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office document",
}


def decode(data: bytes, origin: str) -> str:
    """Decode UTF-8 (with or without BOM) or UTF-16 (BOM or evident zero bytes), else Windows-1252."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    kind = next((what for magic, what in _SIGNATURES.items() if data.startswith(magic)), None)
    if kind:
        raise PrecisError(f"{origin} is {kind}, not text.", "Open a text or Markdown file, or paste the text.")
    head = data[:4096]
    if head.count(0) > len(head) // 4 and len(head) >= 4:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16
        raise PrecisError(f"{origin} is binary data, not text.", "Open a text or Markdown file, or paste the text.")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    if _looks_binary(text):
        raise PrecisError(f"{origin} is binary data, not text.", "Open a text or Markdown file, or paste the text.")
    return text


def _looks_binary(text: str) -> bool:
    sample = text[:65536]
    odd = sum(1 for ch in sample if (ch < " " and ch not in "\t\n\r\f") or "\x7f" <= ch <= "\x9f" or ch == "\ufffd")
    return odd > 0.1 * max(1, len(sample))


def _utf16_without_bom(data: bytes) -> str | None:
    head = data[:4096]
    even_zeros, odd_zeros = head[0::2].count(0), head[1::2].count(0)
    encoding = "utf-16-le" if odd_zeros > 3 * even_zeros else "utf-16-be" if even_zeros > 3 * odd_zeros else None
    if encoding is None:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def clean(text: str) -> str:
    """Plain text is taken as it is: the analysis normalises line endings and control characters itself."""
    return text


def guess_title(text: str) -> str | None:
    """A short first line with no closing punctuation, followed by a blank line, is a headline."""
    lines = text.lstrip("\ufeff\r\n").replace("\r\n", "\n").split("\n", 2)
    if len(lines) < 2 or lines[1].strip():
        return None
    first = lines[0].strip()
    if 0 < len(first) <= 120 and first[-1] not in ".,;:!?" and len(first.split()) <= 20:
        return first
    return None
