"""PDF: the article as the window shows it, for any PDF viewer, with the definitions one hover away.

    render_pdf(document, page_size="A4", source=None) -> bytes
    export_pdf(document, path, page_size="A4", source=None) -> path

Two passes. Qt lays the document out and paints it (`QTextDocument` on a `QPdfWriter`): the title and source, the
summary in a box, a legend, the article with entity highlights and the summary's sentences tinted, each glossary
mention a link to its entry in an appendix, page numbers. Then pypdf adds what Qt cannot write: one real Highlight
annotation per glossary mention whose /Contents is the definition, the document's subject and keywords, bookmarks
and the article record for reopening.

The glossary mentions get no background from Qt: their highlight annotation paints it (multiplied over the
page, like a marker), so the colour is not laid on twice.

This module is the entry point and only joins the jobs, each in a module of its own:
`qt_application` (the QGuiApplication Qt needs), `pdf_document` (building the rich text and measuring where the
mentions went), `pdf_paint` (page layout and painting to PDF), `pdf_annotations` (pypdf's annotations,
metadata, bookmarks and embedded record) and `pdf_metadata` (subject, keywords, XMP, shared by both passes).
"""

from __future__ import annotations

from pathlib import Path

from desktop.core.errors import PrecisError
from desktop.core.model import Document
from desktop.exporters import PAGE_SIZES, layout  # PAGE_SIZES: one list for the command line and the API
from desktop.exporters.atomic import check_target, write_atomic
from desktop.exporters.pdf_annotations import MAX_ANNOTATIONS_PER_PAGE, _annotate
from desktop.exporters.pdf_highlight import AUTHOR
from desktop.exporters.pdf_document import _ANCHOR_NAMES_KEY, BODY_POINTS, FONT_FAMILIES, RESOLUTION, _Builder
from desktop.exporters.pdf_paint import MARGIN_MM, _paint
from desktop.exporters.qt_application import ensure_gui_application

#: Kept importable from here, where callers and tests have always found them.
__all__ = [
    "AUTHOR", "BODY_POINTS", "FONT_FAMILIES", "MARGIN_MM", "MAX_ANNOTATIONS_PER_PAGE", "PAGE_SIZES", "RESOLUTION",
    "_ANCHOR_NAMES_KEY", "_Builder", "ensure_gui_application", "export_pdf", "render_pdf",
]


def render_pdf(document: Document, *, page_size: str = "A4", source: str | None = None) -> bytes:
    """The finished PDF as bytes."""
    page_size = _page_size_name(page_size)
    article = layout.build_article(document)
    title = layout.title_of(document, source)
    rendered = _paint(document, article, title, source, page_size)
    return _annotate(document, article, title, rendered)


def export_pdf(document: Document, path: Path, *, page_size: str = "A4", source: str | None = None) -> Path:
    path = Path(path)
    check_target(path)
    write_atomic(path, render_pdf(document, page_size=page_size, source=source))
    return path


def _page_size_name(name: str) -> str:
    for known in PAGE_SIZES:
        if name.strip().casefold() == known.casefold():
            return known
    raise PrecisError(f"Unknown page size '{name}'.", f"Choose one of: {', '.join(PAGE_SIZES)}.")
