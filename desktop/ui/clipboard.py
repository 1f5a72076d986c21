"""What the clipboard holds, as (plain text, HTML): browsers differ in how they offer HTML.

Qt's `QMimeData.html()` reads the "text/html" format only. Some programs offer the markup under a variant name
("text/html;charset=utf-8") or in UTF-16 with a byte-order mark (Firefox on X11), and some offer HTML alone, no
plain text at all. Every such variant is read here, so a pasted article is found whichever way it came.
"""

from __future__ import annotations

from typing import Optional


def clipboard_contents(mime) -> tuple[str, Optional[str]]:
    if mime is None:
        return "", None
    text = mime.text() if mime.hasText() else ""
    markup = mime.html() if mime.hasHtml() else ""
    if not markup.strip():
        for name in mime.formats():
            if name.lower().startswith("text/html"):
                markup = decode_markup(bytes(mime.data(name)))
                if markup.strip():
                    break
    return text, markup or None


def decode_markup(data: bytes) -> str:
    """HTML bytes from the clipboard: UTF-16 when a byte-order mark says so, else UTF-8 (invalid bytes replaced)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    return data.decode("utf-8-sig", errors="replace").replace("\x00", "")
