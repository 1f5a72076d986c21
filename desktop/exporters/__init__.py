"""Document -> file: PDF, HTML, Markdown and JSON, written atomically.

    export(document, Path("article.pdf"))                 # the format from the extension
    export(document, path, "html", source="article.txt")  # or named
    export_pdf(document, path, page_size="Letter")        # one function per format

The command line (`precis export`) and the window call these same functions. A failed export never leaves a
half-written file nor replaces a good one; problems the user can fix (no such folder, no permission, disk full,
an unknown format) raise PrecisError. Importing this package does not load Qt: only the PDF export does.
"""

from __future__ import annotations

from pathlib import Path

from desktop.core.errors import PrecisError
from desktop.core.model import Document

FORMATS = ("pdf", "html", "markdown", "json")
#: Names accepted by `format=` and `--format`, and the extensions that imply each format.
ALIASES = {"pdf": "pdf", "html": "html", "htm": "html", "markdown": "markdown", "md": "markdown", "json": "json"}
PAGE_SIZES = ("A4", "Letter")


def format_for(path: Path | str, format: str | None = None) -> str:
    """The format named, else the one the file's extension implies; PrecisError when neither says."""
    if format:
        name = ALIASES.get(format.strip().lower().lstrip("."))
        if name is None:
            raise PrecisError(f"Unknown export format '{format}'.", f"Choose one of: {', '.join(FORMATS)}.")
        return name
    suffix = Path(path).suffix.lower().lstrip(".")
    name = ALIASES.get(suffix)
    if name is None:
        raise PrecisError(
            f"Cannot tell the export format from '{Path(path).name}'.",
            "End the file name with .pdf, .html, .md or .json, or give --format.",
        )
    return name


def export(
    document: Document, path: Path, format: str | None = None, *, page_size: str = "A4", source: str | None = None
) -> Path:
    """Write `document` to `path` in `format` (default: from the extension). `source` names where the article came
    from (a file name, a URL) for the export's header. Returns the path written."""
    path = Path(path)
    name = format_for(path, format)
    if name == "pdf":
        return export_pdf(document, path, page_size=page_size, source=source)
    if name == "html":
        return export_html(document, path, source=source)
    if name == "markdown":
        return export_markdown(document, path, source=source)
    return export_json(document, path, source=source)


def export_pdf(document: Document, path: Path, *, page_size: str = "A4", source: str | None = None) -> Path:
    from desktop.exporters.pdf import export_pdf as write

    return write(document, path, page_size=page_size, source=source)


def export_html(document: Document, path: Path, *, source: str | None = None) -> Path:
    from desktop.exporters.htmldoc import export_html as write

    return write(document, path, source=source)


def export_markdown(document: Document, path: Path, *, source: str | None = None) -> Path:
    from desktop.exporters.markdown import export_markdown as write

    return write(document, path, source=source)


def export_json(document: Document, path: Path, *, source: str | None = None) -> Path:
    from desktop.exporters.jsondoc import export_json as write

    return write(document, path, source=source)
