"""Offsets of the PDF importer's text back onto the characters of its lines (no spaCy, no PDF needed)."""

from __future__ import annotations

from array import array

from desktop.importers.pdf import Line
from desktop.importers.pdfmap import CharMap


def line(text: str, page: int, y: float, first_index: int = 0) -> Line:
    """A line whose glyphs sit 6 units apart, each one a box 6 wide and 10 high; spaces are PDFium's own."""
    boxes = array("f")
    for number, _ in enumerate(text):
        boxes.extend((6.0 * number, y, 6.0 * number + 6, y + 10))
    made = Line(text, 0, 6 * len(text), y, 10, page)
    made.glyphs, made.indices = text, array("i", range(first_index, first_index + len(text)))
    made.boxes = boxes
    return made


def test_a_word_rejoined_across_a_hyphen_and_a_page_gets_a_piece_on_each():
    lines = [line("The Inter-", 0, 100), line("national Fund", 1, 700, first_index=40)]
    text = "The International Fund"
    charmap = CharMap(text, lines)
    assert charmap.unmapped == 0
    start = text.index("International")
    pieces = charmap.rectangles(start, start + len("International"))
    assert [(p.page, p.first, p.last) for p in pieces] == [(0, 4, 8), (1, 40, 47)]
    assert pieces[0].left > 6 * 4 - 0.5 and pieces[0].right < 6 * 9 + 0.5  # "Inter", not the hyphen's box


def test_ligatures_and_dropped_headers_do_not_shift_what_follows():
    lines = [line("ﬁnal ﬁgures", 0, 100), line("for the IMF", 0, 88)]  # the header line was dropped already
    text = "final figures for the IMF"
    charmap = CharMap(text, lines)
    assert charmap.unmapped == 0
    (piece,) = charmap.rectangles(text.index("IMF"), len(text))
    assert (piece.first, piece.last) == (8, 10)


def test_a_character_no_glyph_has_is_left_out_and_the_rest_still_maps():
    lines = [line("The IMF and the WHO met", 0, 100)]
    text = "The IMF and the W\ufffdHO met"
    charmap = CharMap(text, lines)
    assert charmap.unmapped == 1
    (piece,) = charmap.rectangles(text.index("met"), len(text))
    assert (piece.first, piece.last) == (20, 22)
