"""The second pass of a PDF export: pypdf adds to Qt's PDF what Qt cannot write.

One real Highlight annotation per glossary mention, placed on the very boxes Qt's layout gave that mention, whose
/Contents is the definition (what Acrobat, Okular, Evince and browsers show on hover) with a /Popup, and an
appearance stream so every viewer paints it alike; then the document's subject and keywords, its language,
bookmarks, and the embedded article record that lets Précis reopen the export. The annotations are added after
Qt's links and so lie above them: a viewer that must choose shows the definition on hover rather than the link's
target. (`pdf_notes` annotates someone else's PDF; this module only finishes Précis's own.)
"""

from __future__ import annotations

import io
import logging
from datetime import datetime, timezone

from desktop import __version__
from desktop.core import export_mark
from desktop.core.model import Document
from desktop.exporters import layout, palette, pdf_highlight
from desktop.exporters.pdf_highlight import rect as _rect
from desktop.exporters.pdf_metadata import _keywords, _subject
from desktop.exporters.pdf_paint import _Rendered

log = logging.getLogger(__name__)

#: Each hover annotation costs a few milliseconds to build and write; a page of ordinary text has a few dozen
#: mentions, one made of acronyms hundreds. Past this many on a page, the rest keep their dotted underline and
#: their link to the glossary entry but get no hover note, which keeps an export's cost per page bounded.
MAX_ANNOTATIONS_PER_PAGE = 120


def _annotate(document: Document, article: layout.Article, title: str, rendered: _Rendered) -> bytes:
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import (
        ArrayObject, BooleanObject, DictionaryObject, NameObject, NumberObject, TextStringObject,
    )

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(rendered.pdf)))
    stamp = "D:" + datetime.now(timezone.utc).strftime("%Y%m%d%H%M%SZ")
    page_width = rendered.page_size[0]
    annotated = skipped = 0
    chosen = _annotated_mentions(article, rendered)
    for mention in article.mentions:
        boxes = rendered.mention_boxes.get(mention.id)
        if not boxes:
            log.debug("mention %d has no box on any page", mention.id)
            continue
        if mention.id not in chosen:
            skipped += 1
            continue
        page_number = boxes[0].page
        # a mention broken over a page break (rare: paragraphs are split there) is marked on its first page
        boxes = [box for box in boxes if box.page == page_number]
        if not 0 <= page_number < len(writer.pages):
            continue
        page = writer.pages[page_number]
        entry = document.glossary[mention.entry]
        highlight, (left, bottom, right, top) = pdf_highlight.highlight(
            writer, page, boxes, palette.swatch(mention.label).rgb, contents=layout.definition(entry),
            subject=f"{layout.KIND_NAMES.get(entry.kind, entry.kind)}: {entry.term}",
            name=f"precis-mention-{mention.id}", stamp=stamp, resources=pdf_highlight.multiply_resources(),
            created=True,
        )
        highlight_ref = writer._add_object(highlight)
        popup_left = min(max(right + 6, 0), page_width - 230)
        popup = DictionaryObject({
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Popup"),
            NameObject("/Rect"): _rect(popup_left, max(top - 110, 0), popup_left + 220, top),
            NameObject("/Parent"): highlight_ref,
            NameObject("/Open"): BooleanObject(False),
            NameObject("/F"): NumberObject(28),  # print, no zoom, no rotate: the viewer draws it
            NameObject("/P"): page.indirect_reference,
        })
        popup_ref = writer._add_object(popup)
        highlight[NameObject("/Popup")] = popup_ref
        if "/Annots" not in page:
            page[NameObject("/Annots")] = ArrayObject()
        annotations = page["/Annots"].get_object()
        annotations.append(highlight_ref)
        annotations.append(popup_ref)
        annotated += 1
    if skipped:
        log.info("%d crowded glossary mentions have no hover note (at most %d a page)", skipped,
                 MAX_ANNOTATIONS_PER_PAGE)
    if annotated + skipped != len(article.mentions):
        log.warning("%d of %d glossary mentions could not be placed in the PDF", len(article.mentions) - annotated,
                    len(article.mentions))

    keywords = _keywords(document)
    writer.add_metadata({
        "/Title": title,
        "/Subject": _subject(document),
        "/Keywords": ", ".join(keywords),
        "/Creator": f"Précis {__version__}",
        "/Producer": f"Précis {__version__} (Qt, pypdf)",
        "/CreationDate": stamp,
        "/ModDate": stamp,
    })
    root = writer.root_object
    root[NameObject("/Lang")] = TextStringObject(document.language or "en")
    root[NameObject("/ViewerPreferences")] = DictionaryObject({NameObject("/DisplayDocTitle"): BooleanObject(True)})
    for name, page_number in rendered.bookmarks:
        if 0 <= page_number < len(writer.pages):
            writer.add_outline_item(title=name, page_number=page_number)
    writer.add_attachment(export_mark.ATTACHMENT_NAME, export_mark.encode(document))  # reopening gives the article
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def _annotated_mentions(article: layout.Article, rendered: _Rendered) -> set[int]:
    """The mentions that get a hover annotation: on each page, in reading order, the first
    MAX_ANNOTATIONS_PER_PAGE, but first of all each term's first mention on the page."""
    per_page: dict[int, int] = {}
    firsts: set[tuple[int, int]] = set()
    chosen = set()
    for mention in article.mentions:  # every term's first mention on each page, whatever the count
        boxes = rendered.mention_boxes.get(mention.id)
        if boxes and (boxes[0].page, mention.entry) not in firsts:
            firsts.add((boxes[0].page, mention.entry))
            per_page[boxes[0].page] = per_page.get(boxes[0].page, 0) + 1
            chosen.add(mention.id)
    for mention in article.mentions:
        boxes = rendered.mention_boxes.get(mention.id)
        if not boxes:
            continue
        page = boxes[0].page
        if mention.id in chosen or per_page.get(page, 0) >= MAX_ANNOTATIONS_PER_PAGE:
            continue
        per_page[page] = per_page.get(page, 0) + 1
        chosen.add(mention.id)
    return chosen

