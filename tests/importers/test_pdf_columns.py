"""Paragraphs of PDFs set in two columns, and lines that open in a smaller font (small capitals, a footnote mark)."""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas as rl_canvas

from desktop.importers import pdf
from tests.exporters.paper_maker import agency_paper


def test_a_left_column_line_ending_in_a_capitalised_word_goes_on_into_the_next_line():
    text = pdf.extract(agency_paper(), "paper.pdf")[0]
    assert "Officials of the International Monetary Fund argued" in text
    assert "the World Health Organization (WHO) agreed" in text


def test_a_line_that_opens_in_small_capitals_does_not_end_its_paragraph():
    buffer = io.BytesIO()
    canvas = rl_canvas.Canvas(buffer, pagesize=letter)
    y = 700
    first = canvas.beginText(72, y)
    first.setFont("Times-Roman", 7)
    first.textOut("ABSTRACT. ")
    first.setFont("Times-Roman", 10)
    first.textOut("The committee met on Tuesday and agreed that the budget for the next three")
    canvas.drawText(first)
    for line in ("years would follow the plan the ministers had approved in the spring of that year.",
                 "Nobody objected to the plan, and the meeting ended before noon."):
        y -= 12
        canvas.setFont("Times-Roman", 10)
        canvas.drawString(72, y, line)
    canvas.save()
    text = pdf.extract(buffer.getvalue(), "abstract.pdf")[0]
    assert "the next three years would follow" in text

