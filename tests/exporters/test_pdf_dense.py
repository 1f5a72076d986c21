"""Issue 16, finding 3: an export of text dense with acronyms costs in proportion to its pages.

Qt's format table hashes no string list, so character formats differing only in their anchor names collided and
every insertion compared itself with all earlier ones (quadratic; 60 KB of acronyms took minutes with the PDF
annotations); and every mention got a hover annotation however crowded its page.
"""

from __future__ import annotations

import io
from collections import Counter

import pypdf
import pytest

from desktop.bench import hostile
from desktop.core.pipeline import AnalysisOptions, analyze
from desktop.exporters import pdf
from desktop.exporters.pdf import render_pdf


@pytest.fixture(scope="module")
def dense(qapp):
    data, _ = hostile.acronym_dense(0.25)  # 15 KB, hundreds of mentions a page
    document = analyze(data.decode(), AnalysisOptions(user_glossary=False, learn=False))
    return document, render_pdf(document)


def test_a_crowded_page_keeps_each_terms_first_hover_note_and_a_bounded_number(dense):
    document, data = dense
    reader = pypdf.PdfReader(io.BytesIO(data))
    per_page, terms = Counter(), set()
    for number, page in enumerate(reader.pages):
        for reference in page.get("/Annots", []):
            annotation = reference.get_object()
            if annotation["/Subtype"] == "/Highlight":
                per_page[number] += 1
                terms.add((number, str(annotation["/Subj"]).split(": ", 1)[1]))
    mentions = sum(len(e.mentions) for e in document.glossary)
    assert mentions > 2 * pdf.MAX_ANNOTATIONS_PER_PAGE  # the shape is what it says
    assert 0 < max(per_page.values()) <= pdf.MAX_ANNOTATIONS_PER_PAGE + len(document.glossary)
    assert sum(per_page.values()) < mentions
    # every term still has its hover note on the first page it appears on
    first_pages = {}
    for number, term in sorted(terms):
        first_pages.setdefault(term, number)
    assert {e.term for e in document.glossary if e.mentions} <= set(first_pages)


def test_anchor_formats_hash_apart(qapp):
    from PySide6.QtGui import QTextCharFormat

    one = pdf._Builder._named(QTextCharFormat(), ["mention-1"])
    two = pdf._Builder._named(QTextCharFormat(), ["mention-2"])
    assert one.anchorNames() == ["mention-1"] and one != two
    assert one.property(pdf._ANCHOR_NAMES_KEY) != two.property(pdf._ANCHOR_NAMES_KEY)
