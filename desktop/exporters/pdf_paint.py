"""The first pass of a PDF export: Qt lays the built document out on pages and paints it on a QPdfWriter.

Text stays text (selectable, searchable), and Qt embeds subsets of the fonts it used, falling back glyph by glyph
to any installed font that has a script the main one lacks. The page layout is settled before painting (see
`_Builder.split_paragraphs_at_page_breaks`), each page gets a footer with the title and its number, and the
result carries what the second pass (`pdf_annotations`) needs: the PDF bytes, the page size, the boxes of each
glossary mention and the pages of the bookmarks.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from desktop import __version__
from desktop.core.model import Document
from desktop.exporters import layout, palette
from desktop.exporters.pdf_document import RESOLUTION, _base_font, _Box, _Builder, _px
from desktop.exporters.pdf_metadata import _xmp
from desktop.exporters.qt_application import ensure_gui_application

log = logging.getLogger(__name__)

MARGIN_MM = 18.0


@dataclass
class _Rendered:
    pdf: bytes
    page_count: int
    page_size: tuple[float, float]  # points
    mention_boxes: dict[int, list[_Box]]  # MentionRef.id -> boxes
    bookmarks: list[tuple[str, int]]  # (title, page)


def _paint(document: Document, article: layout.Article, title: str, source: str | None, page_size: str) -> _Rendered:
    ensure_gui_application()
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
    from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

    buffer_bytes = QByteArray()
    buffer = QBuffer(buffer_bytes)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    size_id = QPageSize.PageSizeId.A4 if page_size == "A4" else QPageSize.PageSizeId.Letter
    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
    writer.setPageLayout(
        QPageLayout(QPageSize(size_id), QPageLayout.Orientation.Portrait, margins, QPageLayout.Unit.Millimeter)
    )
    writer.setTitle(title)
    writer.setCreator(f"Précis {__version__}")
    writer.setDocumentXmpMetadata(_xmp(document, title).encode("utf-8"))

    text_document = QTextDocument()
    text_document.documentLayout().setPaintDevice(writer)
    text_document.setDocumentMargin(0)
    base_font = _base_font()
    text_document.setDefaultFont(base_font)
    builder = _Builder(text_document, document, article, base_font)
    builder.build(title, source)

    paint_rect = writer.pageLayout().paintRectPixels(RESOLUTION)
    footer_height = _px(24)
    page_width, page_height = float(paint_rect.width()), float(paint_rect.height() - footer_height)
    text_document.setPageSize(QSizeF(page_width, page_height))
    builder.keep_glossary_heading_with_entries(page_height)
    for _ in range(10):  # one round settles it; the bound guards against a layout that never would
        if not builder.split_paragraphs_at_page_breaks(page_height):
            break
        # Lay everything out again: after the splits' incremental relayout, Qt stopped drawing the last page
        # part-way (seen with Qt 6.11), although every block had its right place.
        text_document.markContentsDirty(0, text_document.characterCount())
        text_document.documentLayout().documentSize()
    else:
        log.warning("the PDF layout did not settle; a line may be repeated invisibly at a page break")
    page_count = text_document.pageCount()

    painter = QPainter(writer)
    footer_font = QFont(base_font)
    footer_font.setPointSizeF(8)
    footer_title = title if len(title) <= 90 else title[:89] + "…"
    try:
        for page in range(page_count):
            if page:
                writer.newPage()
            painter.save()
            painter.translate(0, -page * page_height)
            # Qt draws a line lying exactly on the clip's lower edge: one device pixel less keeps the next page's
            # first line out of this page's text.
            text_document.drawContents(painter, QRectF(0, page * page_height, page_width, page_height - 1))
            painter.restore()
            painter.setFont(footer_font)
            painter.setPen(QColor(palette.MUTED))
            footer = QRectF(0, page_height + _px(8), page_width, footer_height - _px(8))
            painter.drawText(footer, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, footer_title)
            painter.drawText(
                footer, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"Page {page + 1} of {page_count}"
            )
    finally:
        painter.end()
    buffer.close()

    full = writer.pageLayout().fullRectPoints()
    page_points = (float(full.width()), float(full.height()))
    origin_x = paint_rect.left() * 72 / RESOLUTION  # the margins: where the painter's (0, 0) lies on the page
    origin_y = paint_rect.top() * 72 / RESOLUTION
    boxes = builder.mention_boxes(page_height, page_points[1], origin_x, origin_y)
    bookmarks = [(name, int(builder.block_top(cursor.position()) // page_height)) for name, cursor in builder.bookmarks]
    return _Rendered(bytes(buffer_bytes.data()), page_count, page_points, boxes, bookmarks)

