"""JSON: the analysis contract (schema precis.analysis/1), exactly what `precis analyze --json` prints."""

from __future__ import annotations

import json
from pathlib import Path

from desktop.core.contract import document_to_dict
from desktop.core.model import Document
from desktop.exporters.atomic import write_atomic


def render_json(document: Document) -> str:
    return json.dumps(document_to_dict(document), ensure_ascii=False, indent=2) + "\n"


def export_json(document: Document, path: Path, *, source: str | None = None) -> Path:
    """Write the contract; `source` is accepted for symmetry with the other formats (the contract has no field)."""
    path = Path(path)
    write_atomic(path, render_json(document).encode("utf-8"))
    return path
