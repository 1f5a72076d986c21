"""From offsets in a PDF's extracted text back to the characters on its pages, and their boxes.

The PDF importer changes the text it reads: it drops running headers, footers and page numbers, splits
ligatures, rejoins words split by a hyphen and joins lines into paragraphs. It never reorders what it keeps,
though, so the text is the kept lines' characters in order, less some spaces and line-end hyphens, plus
the spaces and blank lines it puts between lines. One pass that walks the text and the lines' characters side by
side therefore pairs every character of the text with the character it came from (`CharMap.build`), whatever
order the page's text was set in (two columns, a sidebar drawn last): the map follows the importer.

A span of the text then becomes one rectangle per line it touches on each page (`CharMap.rectangles`): a word
cut by a line break or a page break gets a piece on each line and page.
"""

from __future__ import annotations

import logging
from array import array
from dataclasses import dataclass

log = logging.getLogger(__name__)

_LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
_HYPHENS = "-\u00ad\u2010"
#: How far ahead a character the text has but the next glyphs lack is looked for before it is left unmapped.
_LOOKAHEAD = 64
#: How far a highlight's ends keep off its neighbours' boxes, as a share of the line's height.
_INSET = 0.02
#: How many characters must agree for that.
_PROBE = 6


@dataclass(frozen=True)
class Piece:
    """The part of a span on one line: its page (0-based), its rectangle in PDF units, its PDFium char indices."""

    page: int
    left: float
    bottom: float
    right: float
    top: float
    first: int
    last: int


class CharMap:
    """Text offsets -> (line, glyph) of a PDF's extracted lines (`desktop.importers.pdf.extract(..., lines=[])`)."""

    def __init__(self, text: str, lines: list) -> None:
        self.text = text
        self.lines = lines
        # For each character of the text: the line it came from and its glyph there (-1: none, e.g. a space added)
        self._line = array("i", [-1]) * len(text)
        self._glyph = array("i", [-1]) * len(text)
        self.unmapped = self._build()

    def _build(self) -> int:
        """Pair the text's characters with the lines' glyphs, in order; return how many non-spaces found none."""
        stream_line = array("i")
        stream_glyph = array("i")
        stream = []
        for line_number, line in enumerate(self.lines):
            for glyph_number, glyph in enumerate(line.glyphs):
                if line.indices[glyph_number] < 0 or glyph.isspace():
                    continue
                for char in _LIGATURES.get(glyph, glyph):
                    stream.append(char)
                    stream_line.append(line_number)
                    stream_glyph.append(glyph_number)
        text, position, unmapped = self.text, 0, 0
        for offset, char in enumerate(text):
            if char.isspace():
                continue
            found = position
            while found < len(stream) and stream[found] != char and stream[found] in _HYPHENS:
                found += 1  # a line-end hyphen the importer dropped
            if found >= len(stream) or stream[found] != char:
                found = _resynchronise(text, offset, stream, position)
                if found < 0:
                    unmapped += 1
                    continue
            self._line[offset] = stream_line[found]
            self._glyph[offset] = stream_glyph[found]
            position = found + 1
        if unmapped:
            log.info("%d characters of the text were not found on the pages", unmapped)
        return unmapped

    def rectangles(self, start: int, end: int) -> list[Piece]:
        """The span's pieces, one for each line it touches, in the text's order."""
        runs: list[list[int]] = []  # [line, first glyph, last glyph]
        for offset in range(max(0, start), min(end, len(self.text))):
            line_number = self._line[offset]
            if line_number < 0:
                continue
            glyph = self._glyph[offset]
            if runs and runs[-1][0] == line_number:
                runs[-1][2] = glyph
            else:
                runs.append([line_number, glyph, glyph])
        return [self._piece(*run) for run in runs]

    def _piece(self, line_number: int, first: int, last: int) -> Piece:
        """The rectangle of glyphs first..last of a line, kept off the glyphs on either side.

        Loose boxes of neighbours overlap where a pair is kerned ("F," "U/"): a rectangle reaching into the next
        glyph's box would take in its character too, for PDFium's text under the highlight and for the eye.
        """
        line = self.lines[line_number]
        boxes = line.boxes
        left = min(boxes[4 * g] for g in range(first, last + 1) if line.indices[g] >= 0)
        bottom = min(boxes[4 * g + 1] for g in range(first, last + 1) if line.indices[g] >= 0)
        right = max(boxes[4 * g + 2] for g in range(first, last + 1) if line.indices[g] >= 0)
        top = max(boxes[4 * g + 3] for g in range(first, last + 1) if line.indices[g] >= 0)
        inset = _INSET * (top - bottom)
        if first > 0 and line.indices[first - 1] >= 0 and not line.glyphs[first - 1].isspace():
            left = max(left, boxes[4 * (first - 1) + 2] + inset)
        if last + 1 < len(line.glyphs) and line.indices[last + 1] >= 0 and not line.glyphs[last + 1].isspace():
            right = min(right, boxes[4 * (last + 1)] - inset)
        if right - left < 0.5:  # neighbours overlapping the whole span: keep its own boxes, a hair inside
            right = max(right, left + 0.5)
        return Piece(line.page, left, bottom, right, top, line.indices[first], line.indices[last])

    def covered(self, start: int, end: int) -> bool:
        """Whether every non-space character of the span was found on a page."""
        return all(self._line[offset] >= 0 for offset in range(start, min(end, len(self.text)))
                   if not self.text[offset].isspace())


def _resynchronise(text: str, offset: int, stream: list[str], position: int) -> int:
    """Where the text from `offset` goes on in the glyphs, a little further on; -1 when it cannot be told.

    Should the importer ever write a character no glyph has, the glyphs that follow are found by the next few
    characters of the text (spaces aside), so one odd character costs that character and not the rest.
    """
    wanted = "".join(text[offset:offset + 4 * _PROBE].split())[:_PROBE]
    window = "".join(stream[position:position + _LOOKAHEAD + len(wanted)])
    found = window.find(wanted) if len(wanted) == _PROBE else -1
    return -1 if found < 0 else position + found
