"""Turn a path, bytes or standard input into article text with its title and origin.

One module per format; `load_path` and `load_bytes` choose among them. Every failure is a PrecisError.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from desktop.core.errors import PrecisError
from desktop.importers import markdown, plaintext

#: Larger text files are refused before they are read: nobody pastes 50 MB of prose.
MAX_FILE_BYTES = 50 * 1024 * 1024
MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}


@dataclass(frozen=True)
class SourceText:
    text: str
    title: Optional[str]
    origin: str
    format: str = "text"


def load_path(path: str | Path) -> SourceText:
    path = Path(path)
    if path.is_dir():
        raise PrecisError(f"'{path}' is a folder, not a file.", "Give the path of one article file.")
    if not path.exists():
        raise PrecisError(f"There is no file '{path}'.", "Check the path and its spelling.")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise PrecisError(
                f"'{path.name}' is {size / 1024 / 1024:.0f} MB, more than the {MAX_FILE_BYTES // 1024 // 1024} MB limit.",
                "Split it into smaller files or open only the part you need.",
            )
        data = path.read_bytes()
    except PermissionError as error:
        raise PrecisError(f"'{path}' cannot be read: permission denied.", "Check the file's permissions.") from error
    except OSError as error:
        raise PrecisError(f"'{path}' cannot be read: {error.strerror or error}.", "Check the file.") from error
    return load_bytes(data, name=path.name, origin=str(path))


def load_bytes(data: bytes, name: str = "", origin: str = "") -> SourceText:
    text = plaintext.decode(data, origin or name or "the input")
    suffix = Path(name).suffix.lower()
    fallback_title = Path(name).stem or None
    if suffix in MARKDOWN_SUFFIXES:
        body, title = markdown.to_text(text)
        return SourceText(body, title or fallback_title, origin or name, "markdown")
    text = plaintext.clean(text)
    return SourceText(text, plaintext.guess_title(text) or fallback_title, origin or name, "text")
