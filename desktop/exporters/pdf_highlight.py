"""One PDF `/Highlight` annotation over a term's boxes, with its own appearance stream.

Both PDFs Précis annotates build the same highlight: the export (our own layout, `pdf_annotations`) and the
annotated copy of a reader's PDF (`pdf_notes`). It is made here once: one quad per line piece, and an appearance
that multiplies the colour onto the page, so every viewer draws it the same (some draw nothing without one).
"""

from __future__ import annotations

from typing import Protocol, Sequence

AUTHOR = "Précis"
#: Annotation flag 4: print it.
PRINT = 4


class Box(Protocol):
    left: float
    right: float
    bottom: float
    top: float


def rect(left: float, bottom: float, right: float, top: float):
    from pypdf.generic import ArrayObject, FloatObject

    return ArrayObject(FloatObject(round(v, 3)) for v in (left, bottom, right, top))


def multiply_resources():
    """The resources of an appearance that multiplies its colour onto the page (the highlighter's look)."""
    from pypdf.generic import DictionaryObject, NameObject

    return DictionaryObject({
        NameObject("/ExtGState"): DictionaryObject({
            NameObject("/Hl"): DictionaryObject({
                NameObject("/Type"): NameObject("/ExtGState"),
                NameObject("/BM"): NameObject("/Multiply"),
            })
        })
    })


def highlight(writer, page, boxes: Sequence[Box], rgb: tuple[float, float, float], *, contents: str, subject: str,
              name: str, stamp: str, resources, created: bool = False):
    """(the highlight annotation over `boxes` on `page`, not yet added to it; its bounds left, bottom, right, top).

    `resources` is the appearance's resources (`multiply_resources()`, or an indirect reference to one shared by
    many highlights); `created` also stamps /CreationDate."""
    from pypdf.generic import (
        ArrayObject, DecodedStreamObject, DictionaryObject, FloatObject, NameObject, NumberObject, TextStringObject,
    )

    left = min(b.left for b in boxes)
    right = max(b.right for b in boxes)
    bottom = min(b.bottom for b in boxes)
    top = max(b.top for b in boxes)
    quads: list[float] = []
    fills = []
    for box in boxes:
        quads += [box.left, box.top, box.right, box.top, box.left, box.bottom, box.right, box.bottom]
        fills.append(f"{box.left:.3f} {box.bottom:.3f} {box.right - box.left:.3f} {box.top - box.bottom:.3f} re")
    red, green, blue = rgb
    appearance = DecodedStreamObject()
    appearance.set_data(f"q /Hl gs {red:.4f} {green:.4f} {blue:.4f} rg {' '.join(fills)} f Q".encode("ascii"))
    appearance.update({
        NameObject("/Type"): NameObject("/XObject"),
        NameObject("/Subtype"): NameObject("/Form"),
        NameObject("/BBox"): rect(left, bottom, right, top),
        NameObject("/Resources"): resources,
    })
    annotation = DictionaryObject({
        NameObject("/Type"): NameObject("/Annot"),
        NameObject("/Subtype"): NameObject("/Highlight"),
        NameObject("/Rect"): rect(left, bottom, right, top),
        NameObject("/QuadPoints"): ArrayObject(FloatObject(round(v, 3)) for v in quads),
        NameObject("/Contents"): TextStringObject(contents),
        NameObject("/T"): TextStringObject(AUTHOR),
        NameObject("/Subj"): TextStringObject(subject),
        NameObject("/NM"): TextStringObject(name),
        NameObject("/C"): ArrayObject(FloatObject(round(c, 4)) for c in rgb),
        NameObject("/CA"): FloatObject(1),
        NameObject("/F"): NumberObject(PRINT),
        NameObject("/M"): TextStringObject(stamp),
        NameObject("/P"): page.indirect_reference,
        NameObject("/AP"): DictionaryObject({NameObject("/N"): writer._add_object(appearance)}),
    })
    if created:
        annotation[NameObject("/CreationDate")] = TextStringObject(stamp)
    return annotation, (left, bottom, right, top)
