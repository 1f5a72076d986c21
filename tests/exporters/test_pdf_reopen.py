"""Our own PDF, reopened, gives back the article alone with its title; a short article does not waste pages."""

from __future__ import annotations

import io
import json

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader, PdfWriter

from desktop.core import export_mark
from desktop.exporters import export
from desktop.exporters.pdf import render_pdf
from desktop.importers import load_path

from .conftest import make_document, tricky_document

SHORT = [
    "The Regional Flood Authority (RFA) met the council on Monday. " * 3,
    "Residents asked the RFA about the levy and the new wall along the river. " * 4,
    "The council said the work would start in spring and finish before the winter storms. " * 3,
]


def page_texts(data: bytes) -> list[str]:
    pdf = pdfium.PdfDocument(data)
    return [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]


def test_a_short_article_keeps_the_glossary_on_its_last_page(qapp):
    document = make_document(
        SHORT, title="Wall plan", glossary=[{"term": "RFA", "expansion": "Regional Flood Authority", "source": "text"}]
    )
    pages = page_texts(render_pdf(document))
    assert len(pages) == 1, [p[:80] for p in pages]
    assert "Glossary" in pages[0] and "before the winter storms" in pages[0]


def test_reopening_our_pdf_gives_the_article_alone_with_its_title(qapp, tmp_path):
    document = tricky_document()
    path = tmp_path / "export.pdf"
    export(document, path)
    source = load_path(path)
    assert source.text == document.text
    assert source.title == document.title
    assert "Glossary" not in source.text and "Page 1" not in source.text and "Précis" not in source.text


def test_the_mark_is_a_named_attachment_with_the_article(qapp):
    data = render_pdf(make_document(SHORT, title="Wall plan"))
    attachments = dict(PdfReader(io.BytesIO(data)).attachments)
    record = json.loads(attachments[export_mark.ATTACHMENT_NAME][0])
    assert record["schema"] == export_mark.SCHEMA and record["title"] == "Wall plan"


@pytest.mark.parametrize("payload", [b"not json", json.dumps({"schema": "other", "text": "x"}).encode(),
                                     json.dumps({"schema": export_mark.SCHEMA, "text": 5}).encode()])
def test_a_malformed_mark_is_ignored_and_the_pages_are_read(qapp, tmp_path, payload):
    path = tmp_path / "odd.pdf"
    clean = PdfWriter()  # our pages, with a bad record under our attachment's name
    for page in PdfReader(io.BytesIO(render_pdf(make_document(SHORT, title="Wall plan")))).pages:
        clean.add_page(page)
    clean.add_attachment(export_mark.ATTACHMENT_NAME, payload)
    with path.open("wb") as out:
        clean.write(out)
    source = load_path(path)
    assert "before the winter storms" in source.text  # read from the pages
    assert "Glossary" in source.text or "Summary" in source.text  # the pages, appendix included
