"""Annotations added to someone else's PDF: highlights with a note, and a sticky note, written with pypdf.

Each highlight is a real /Highlight annotation: /QuadPoints hold one quadrilateral per line the words cover (in
the order Acrobat, PDFium and poppler read them: top left, top right, bottom left, bottom right), /Contents the
note a viewer shows on hover. An appearance stream (the colour multiplied onto the page, so the words stay
black) is included, because a viewer need not draw a highlight that has none.

Nothing here touches a page's content stream: annotations only go into the page's /Annots array.
"""

from __future__ import annotations

from datetime import datetime, timezone

from desktop.exporters import pdf_highlight
from desktop.exporters.pdf_highlight import AUTHOR, rect as _rect
from desktop.importers.pdfmap import Piece

#: Annotation flags for a note: 28 prints it and keeps a note's icon and popup the same size and upright when zoomed.
NOTE_FLAGS = 28


def timestamp() -> str:
    return "D:" + datetime.now(timezone.utc).strftime("%Y%m%d%H%M%SZ")


class Annotator:
    """Adds annotations to the pages of a pypdf PdfWriter (opened incrementally by the caller)."""

    def __init__(self, writer) -> None:
        self.writer = writer
        self.stamp = timestamp()
        self.count = 0
        self.highlights = 0
        self._blend = None  # one /Resources dictionary shared by every highlight's appearance

    def _multiply(self):
        from pypdf.generic import DictionaryObject, NameObject

        if self._blend is None:
            self._blend = self.writer._add_object(DictionaryObject({
                NameObject("/ExtGState"): DictionaryObject({
                    NameObject("/Hl"): DictionaryObject({
                        NameObject("/Type"): NameObject("/ExtGState"),
                        NameObject("/BM"): NameObject("/Multiply"),
                    })
                })
            }))
        return self._blend

    def highlight(self, page_number: int, pieces: list[Piece], rgb: tuple[float, float, float], contents: str,
                  subject: str, name: str, popup: bool = False):
        """A highlight over `pieces` (all on page `page_number`) whose note is `contents`; returns it."""
        page = self.writer.pages[page_number]
        annotation, (_, _, right, top) = pdf_highlight.highlight(
            self.writer, page, pieces, rgb, contents=contents, subject=subject, name=name, stamp=self.stamp,
            resources=self._multiply(),
        )
        self._add(page, annotation, (right + 6, top) if popup else None)
        self.highlights += 1
        return annotation

    def note(self, page_number: int, contents: str, subject: str, name: str):
        """A sticky note in the page's top left corner (inside its crop box), its popup ready to open."""
        from pypdf.generic import BooleanObject, DictionaryObject, NameObject, NumberObject, TextStringObject

        page = self.writer.pages[page_number]
        box = page.cropbox
        left, top = float(box.left) + 8, float(box.top) - 8
        annotation = DictionaryObject({
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Text"),
            NameObject("/Rect"): _rect(left, top - 20, left + 20, top),
            NameObject("/Contents"): TextStringObject(contents),
            NameObject("/T"): TextStringObject(AUTHOR),
            NameObject("/Subj"): TextStringObject(subject),
            NameObject("/NM"): TextStringObject(name),
            NameObject("/Name"): NameObject("/Comment"),
            NameObject("/Open"): BooleanObject(False),
            NameObject("/C"): _colour((1.0, 0.85, 0.3)),
            NameObject("/F"): NumberObject(NOTE_FLAGS),
            NameObject("/M"): TextStringObject(self.stamp),
            NameObject("/CreationDate"): TextStringObject(self.stamp),
            NameObject("/P"): page.indirect_reference,
        })
        self._add(page, annotation, (left + 24, top))
        return annotation

    def _add(self, page, annotation, popup_at: tuple[float, float] | None) -> None:
        from pypdf.generic import ArrayObject, BooleanObject, DictionaryObject, NameObject, NumberObject

        reference = self.writer._add_object(annotation)
        if "/Annots" not in page:
            page[NameObject("/Annots")] = ArrayObject()
        annotations = page["/Annots"].get_object()
        annotations.append(reference)
        self.count += 1
        if popup_at is None:
            return
        box = page.cropbox
        width = 240.0
        left = max(float(box.left), min(popup_at[0], float(box.right) - width))
        top = popup_at[1]
        popup = DictionaryObject({
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Popup"),
            NameObject("/Rect"): _rect(left, max(float(box.bottom), top - 140), left + width, top),
            NameObject("/Parent"): reference,
            NameObject("/Open"): BooleanObject(False),
            NameObject("/F"): NumberObject(NOTE_FLAGS),
            NameObject("/P"): page.indirect_reference,
        })
        popup_reference = self.writer._add_object(popup)
        annotation[NameObject("/Popup")] = popup_reference
        annotations.append(popup_reference)



def _colour(rgb):
    from pypdf.generic import ArrayObject, FloatObject

    return ArrayObject(FloatObject(round(c, 4)) for c in rgb)
