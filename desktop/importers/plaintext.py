"""Plain text: decode bytes whatever their encoding, and turn hard-wrapped lines back into paragraphs.

Encodings, in order: a byte-order mark (UTF-8, UTF-16, UTF-32); UTF-16 without one (every other byte zero);
strict UTF-8; otherwise charset-normalizer's guess when it finds another script (Cyrillic, Greek, Arabic, CJK in
their legacy code pages), else Windows-1252, which is also right for Latin-1 text (the two differ only in
0x80-0x9F, which Latin-1 gives to control characters that real text never uses).
"""

from __future__ import annotations

import codecs
import logging
import re
import statistics
import unicodedata

from desktop.core.errors import PrecisError
from desktop.importers import layout

log = logging.getLogger(__name__)

#: charset-normalizer reads at most this much to choose an encoding; the whole text is then decoded with it.
DETECTION_SAMPLE_BYTES = 256 * 1024
#: A line longer than this is a paragraph on one line, not prose wrapped at a fixed width.
MAX_WRAP_WIDTH = 160

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_NOT_TEXT_HINT = "Open a text, Markdown, web page, PDF or Word file, or paste the text."


def _latin1_fallback(error: UnicodeDecodeError):
    """The five bytes Windows-1252 leaves undefined keep their Latin-1 meaning instead of failing."""
    return "".join(chr(byte) for byte in error.object[error.start:error.end]), error.end


codecs.register_error("precis-latin1", _latin1_fallback)


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """(encoding, length of the byte-order mark) when the data starts with one."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return None


def decode(data: bytes, origin: str, declared: str | None = None) -> str:
    """Decode text bytes, trying a byte-order mark, then `declared` (an HTTP or HTML charset), then detection.

    Raises PrecisError when the bytes are evidently not text.
    """
    found = bom_encoding(data)
    if found:
        encoding, skip = found
        return data[skip:].decode(encoding, errors="replace")
    head = data[:4096]
    if len(head) >= 4 and head.count(0) > len(head) // 4:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16
        raise PrecisError(f"{origin} is binary data, not text.", _NOT_TEXT_HINT)
    text = None
    if declared:
        try:
            text = data.decode(_python_codec(declared) or "utf-8", errors="replace")
        except LookupError:
            text = None
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _decode_legacy(data)
    if looks_binary(text):
        raise PrecisError(f"{origin} is binary data, not text.", _NOT_TEXT_HINT)
    return text


def _python_codec(name: str) -> str | None:
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except (LookupError, ValueError):
        return None


def _decode_legacy(data: bytes) -> str:
    western = data.decode("cp1252", errors="precis-latin1")
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:DETECTION_SAMPLE_BYTES]).best()
    except Exception:  # detection is a refinement: never let it fail the import
        log.debug("charset detection failed", exc_info=True)
        best = None
    if best is None or _python_codec(best.encoding) in ("cp1252", "latin_1", "iso8859-15", "ascii"):
        return western
    try:
        guess = data.decode(best.encoding, errors="replace")
    except (LookupError, ValueError):
        return western
    return guess if _mostly_non_latin_letters(guess) else western


def _mostly_non_latin_letters(text: str) -> bool:
    """Whether the non-ASCII letters of a decoding belong to another script than Latin."""
    letters = [ch for ch in text[:100_000] if ord(ch) > 127 and ch.isalpha()]
    if not letters:
        return False
    latin = sum(1 for ch in letters if unicodedata.name(ch, "").startswith("LATIN"))
    return latin < 0.5 * len(letters)


def looks_binary(text: str) -> bool:
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
        return data[: len(data) // 2 * 2].decode(encoding)
    except UnicodeDecodeError:
        return None


def clean(text: str) -> str:
    """Line endings become LF and hard-wrapped paragraphs become one line each, separated by blank lines.

    Text that is not hard-wrapped (one paragraph a line, a list, a poem) keeps its lines as they are.
    """
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.rstrip() for line in text.split("\n")]
    width = wrap_width(lines)
    if width is None:
        return "\n".join(lines).strip("\n")
    words = layout.vocabulary(lines)
    paragraphs: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if not line.strip():
            if current:
                paragraphs.append(current)
                current = []
            continue
        if current and not _continues(current[-1], line, width):
            paragraphs.append(current)
            current = []
        current.append(line)
    if current:
        paragraphs.append(current)
    return "\n\n".join(layout.join_lines(lines, words, drop_hyphen_by_default=False) for lines in paragraphs)


def wrap_width(lines: list[str]) -> int | None:
    """The width prose was wrapped at, or None when the lines were not wrapped at a fixed width.

    Looks at lines followed by another line of the same block: in wrapped prose they are long (close to the
    width) and most stop mid-sentence; in one-sentence-a-line text or lists they end with punctuation or vary.
    """
    inner = [line for line, following in zip(lines, lines[1:]) if line.strip() and following.strip()]
    inner = [line for line in inner if not layout.LIST_ITEM.match(line)]
    if len(inner) < 2:
        return None
    lengths = sorted(len(line) for line in lines if line.strip())
    width = lengths[min(len(lengths) - 1, int(0.95 * len(lengths)))]
    if width > MAX_WRAP_WIDTH or width < 20:
        return None
    long_lines = [line for line in inner if len(line) >= 0.6 * width]
    open_ended = sum(1 for line in inner if not layout.SENTENCE_END.search(line))
    if len(long_lines) < 0.6 * len(inner) or open_ended < 0.4 * len(inner):
        return None
    if statistics.median(len(line) for line in inner) < 0.6 * width:
        return None
    return width


def _continues(previous: str, line: str, width: int) -> bool:
    """Whether `line` continues the paragraph `previous` ended, in text wrapped at `width` columns."""
    if layout.LIST_ITEM.match(line):
        return False
    if line[:1].isspace() and not layout.LIST_ITEM.match(previous) and not previous[:1].isspace():
        return False  # an indented first line starts a paragraph
    if len(previous) + 1 + len(layout.first_word(line)) > width:
        return True  # the next word would not have fitted: the wrapper broke the line here
    if len(previous) >= 0.75 * width and not layout.SENTENCE_END.search(previous):
        return True
    return line.lstrip()[:1].islower() and len(previous) >= 0.5 * width


_HEADLINE_END = re.compile(r"[.,;:!?]$")


def guess_title(text: str) -> str | None:
    """A short first line with no closing punctuation, followed by a blank line, is a headline."""
    lines = text.lstrip("\ufeff\r\n").replace("\r\n", "\n").split("\n", 2)
    if len(lines) < 2 or lines[1].strip():
        return None
    first = lines[0].strip()
    if 0 < len(first) <= 120 and not _HEADLINE_END.search(first) and len(first.split()) <= 20:
        return first
    return None
