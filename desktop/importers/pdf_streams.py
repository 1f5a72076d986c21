"""Refuse a PDF whose compressed streams would inflate to gigabytes, before PDFium inflates them in memory.

A 1 MB PDF can hold a page content stream that inflates to 1 GB (Flate compresses runs of one byte a
thousandfold); PDFium inflates a page's content whole to read its text, and peaked at 2.2 GB on such a file
before finding no text in it. Here every Flate stream that PDFium would inflate to read text (all but images,
whose pixels are never decoded for text) is inflated first in small pieces that are counted and dropped, so
memory stays flat, and the count stops at the limit. Streams in unusual encodings are left to PDFium.
"""

from __future__ import annotations

import re
import zlib

from desktop.core.errors import PrecisError

#: No page of text needs a content stream, font or object stream larger than this once inflated.
MAX_STREAM_BYTES = 128 * 1024 * 1024
#: Nor all of them together.
MAX_TOTAL_BYTES = 512 * 1024 * 1024

_STREAM_START = re.compile(rb"(?<!end)stream\r?\n")
_PIECE = 256 * 1024
_DICTIONARY_WINDOW = 4096


def check_inflated_size(data: bytes, origin: str) -> int:
    """The inflated size of the PDF's text-bearing Flate streams; PrecisError when it passes a limit."""
    total = 0
    for match in _STREAM_START.finditer(data):
        dictionary = _dictionary_before(data, match.start())
        if b"FlateDecode" not in dictionary or b"/Image" in dictionary:
            continue
        size = _inflated_size(data, match.end(), min(MAX_STREAM_BYTES, MAX_TOTAL_BYTES - total) + 1)
        total += size
        if size > MAX_STREAM_BYTES or total > MAX_TOTAL_BYTES:
            raise PrecisError(
                f"{origin} holds compressed data that expands to more than "
                f"{(MAX_STREAM_BYTES if size > MAX_STREAM_BYTES else MAX_TOTAL_BYTES) // 1024 // 1024} MB, "
                "more than any page of text needs; Précis does not read it.",
                "If the PDF is genuine, print it to a new PDF from a viewer and open that.",
            )
    return total


def _dictionary_before(data: bytes, position: int) -> bytes:
    window = data[max(0, position - _DICTIONARY_WINDOW):position]
    start = window.rfind(b"obj")
    return window[start:] if start >= 0 else window


def _inflated_size(data: bytes, start: int, limit: int) -> int:
    """Bytes the zlib stream at `start` inflates to, counting no further than `limit`; damage ends the count."""
    inflater = zlib.decompressobj()
    produced = 0
    position = start
    try:
        while position < len(data) and not inflater.eof and produced < limit:
            pending = data[position:position + _PIECE]
            position += _PIECE
            while pending and produced < limit:
                produced += len(inflater.decompress(pending, _PIECE * 4))
                pending = inflater.unconsumed_tail
    except zlib.error:
        pass
    return produced
