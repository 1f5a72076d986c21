"""What File › Export proposes: the article's title as the file name, in the folder of the last export.

A pasted article is "the clipboard" and a web page an address: neither makes a file name, a title does.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

from desktop.core.model import Document

#: Characters no common file system accepts in a name, and control characters.
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')
MAX_STEM = 80


def file_stem(document: Document, origin: Optional[str]) -> str:
    """The title, made safe for a file name; else the opened file's name; else "article"."""
    if document.title and document.title.strip():
        stem = _UNSAFE.sub(" ", document.title)
        stem = " ".join(stem.split()).strip(" .")[:MAX_STEM].rstrip(" .")
        if stem:
            return stem
    if origin and "://" not in origin and Path(origin).suffix:
        return Path(origin).stem
    return "article"


def proposed_path(document: Document, origin: Optional[str], last_export_folder: str, suffix: str = ".pdf") -> str:
    folder = Path(last_export_folder) if last_export_folder and Path(last_export_folder).is_dir() else Path.home()
    return str(folder / f"{file_stem(document, origin)}{suffix}")
