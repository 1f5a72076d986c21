"""The PDF, read back as a viewer would: annotations, links, text, fonts, metadata, and rendered pixels."""

from __future__ import annotations

import io
import re
from collections import Counter

import numpy as np
import pypdf
import pypdfium2 as pdfium
import pytest

from desktop.core.errors import PrecisError
from desktop.exporters import export, layout, palette
from desktop.exporters.pdf import render_pdf

from .conftest import long_document, make_document, tricky_document

FOOTER_TOP = 80  # points from the bottom: the page number line lies below this


@pytest.fixture(scope="module")
def tricky_pdf(qapp):
    document = tricky_document()
    return document, render_pdf(document, source="floods.txt")


@pytest.fixture(scope="module")
def long_pdf(qapp):
    document = long_document()
    return document, render_pdf(document, page_size="Letter")


def annotations(data: bytes, subtype: str):
    reader = pypdf.PdfReader(io.BytesIO(data))
    found = []
    for number, page in enumerate(reader.pages):
        for reference in page.get("/Annots", []):
            annotation = reference.get_object()
            if annotation["/Subtype"] == subtype:
                found.append((number, annotation))
    return reader, found


def text_in(page: pdfium.PdfPage, rect) -> str:
    left, bottom, right, top = (float(v) for v in rect)
    return page.get_textpage().get_text_bounded(left + 0.5, bottom + 1, right - 0.5, top - 1)


def body_text(data: bytes) -> str:
    """Every page's text above the footer, whitespace removed."""
    pdf = pdfium.PdfDocument(data)
    parts = []
    for page in pdf:
        width, height = page.get_size()
        parts.append(page.get_textpage().get_text_bounded(0, FOOTER_TOP, width, height))
    return re.sub(r"\s+", "", "".join(parts))


def test_one_highlight_per_glossary_mention_whose_contents_are_the_definition(tricky_pdf):
    document, data = tricky_pdf
    _, highlights = annotations(data, "/Highlight")
    expected = Counter()
    for entry in document.glossary:
        expected[layout.definition(entry)] += len(entry.mentions)
    assert sum(expected.values()) == 7  # RFA ×3, NDMA ×2, TTP, Karachi Port Trust
    assert Counter(str(h["/Contents"]) for _, h in highlights) == expected
    pdf = pdfium.PdfDocument(data)
    for number, highlight in highlights:
        entry = next(e for e in document.glossary if layout.definition(e) == highlight["/Contents"])
        under = text_in(pdf[number], highlight["/Rect"])
        assert " ".join(under.split()) == entry.term  # the annotation lies on the mention itself
        assert highlight["/T"] == "Précis"
        assert len(highlight["/QuadPoints"]) % 8 == 0 and highlight["/QuadPoints"]
        assert highlight["/F"] & 4  # printed too
        popup = highlight["/Popup"].get_object()
        assert popup["/Subtype"] == "/Popup" and popup["/Parent"].get_object() == highlight
        assert "/N" in highlight["/AP"]


def test_definitions_say_expansion_description_and_source(tricky):
    ndma = next(e for e in tricky.glossary if e.term == "NDMA")
    assert layout.definition(ndma) == (
        "NDMA — National Disaster Management Authority\n"
        "Pakistan's federal agency for disasters <and> floods & storms.\n"
        "Source: Précis's built-in glossary."
    )
    trust = next(e for e in tricky.glossary if e.term == "Karachi Port Trust")
    assert "no definition found" in layout.definition(trust)


def test_highlight_colours_follow_the_palette(tricky_pdf):
    _, data = tricky_pdf
    _, highlights = annotations(data, "/Highlight")
    colours = {str(h["/Contents"]).split("\n")[0].split(" — ")[0]: [round(float(c), 3) for c in h["/C"]]
               for _, h in highlights}
    assert colours["RFA"] == [round(c, 3) for c in palette.ACRONYM.rgb]  # no entity: the acronym colour
    assert colours["NDMA"] == [round(c, 3) for c in palette.swatch("ORG").rgb]


def test_mentions_link_to_their_entry_in_the_glossary_appendix(tricky_pdf):
    document, data = tricky_pdf
    reader, links = annotations(data, "/Link")
    _, highlights = annotations(data, "/Highlight")
    destinations = reader.named_destinations
    glossary_page = reader.get_destination_page_number(destinations["glossary"])
    assert glossary_page == len(reader.pages) - 1
    pdf = pdfium.PdfDocument(data)
    assert "Glossary" in pdf[glossary_page].get_textpage().get_text_range()
    to_entries = [(n, link) for n, link in links if str(link.get("/Dest", "")).startswith("gloss-")]
    for index, entry in enumerate(document.glossary):
        name = f"gloss-{index}"
        assert reader.get_destination_page_number(destinations[name]) == glossary_page
        linked = [(n, link) for n, link in to_entries if link["/Dest"] == name]
        assert len(linked) >= len(entry.mentions)  # one per mention (a mention broken over lines gives more)
    for number, highlight in highlights:  # every highlighted mention is also a link
        left, bottom, right, top = (float(v) for v in highlight["/Rect"])
        assert any(
            n == number and float(link["/Rect"][0]) < right and left < float(link["/Rect"][2])
            and float(link["/Rect"][1]) < top and bottom < float(link["/Rect"][3])
            for n, link in to_entries
        )


def test_article_text_is_extractable_literally_and_only_once(tricky_pdf):
    document, data = tricky_pdf
    text = body_text(data)
    article = re.sub(r"\s+", "", document.text)
    assert text.count(article) == 1
    for literal in ("<b>will</b>", "<script>alert('x')</script>", "&amp;", '"double"', "Karachi"):
        assert literal.replace(" ", "") in text
    assert 'Floods&"fears"<in>Karachi' in text  # the title too


def test_no_line_is_printed_twice_across_page_breaks(long_pdf):
    """Qt paints the line above a page's top edge too; Précis splits paragraphs at page breaks so it cannot."""
    document, data = long_pdf
    pdf = pdfium.PdfDocument(data)
    assert len(pdf) >= 4
    text = body_text(data)
    assert text.count(re.sub(r"\s+", "", document.text)) == 1
    for page in pdf:  # no page holds text outside its own area, even invisibly
        width, height = page.get_size()
        whole = re.sub(r"\s+", "", page.get_textpage().get_text_range())
        inside = re.sub(r"\s+", "", page.get_textpage().get_text_bounded(0, 40, width, height - 40))
        assert whole == inside


def test_every_mention_is_highlighted_on_a_long_document(long_pdf):
    document, data = long_pdf
    _, highlights = annotations(data, "/Highlight")
    assert len(highlights) == sum(len(e.mentions) for e in document.glossary)
    assert len({n for n, _ in highlights}) >= 4  # on every page
    pdf = pdfium.PdfDocument(data)
    for number, highlight in highlights:
        term = str(highlight["/Contents"]).split(" — ")[0]
        assert " ".join(text_in(pdf[number], highlight["/Rect"]).split()) == term


def test_rendered_page_shows_the_highlight_colours_at_the_mentions(tricky_pdf):
    _, data = tricky_pdf
    _, highlights = annotations(data, "/Highlight")
    pdf = pdfium.PdfDocument(data)
    scale = 3
    images = {}
    for number, highlight in highlights:
        if number not in images:
            images[number] = (
                pdf[number].render(scale=scale).to_pil().convert("RGB"),
                pdf[number].render(scale=scale, draw_annots=False).to_pil().convert("RGB"),
            )
        with_annotations, without = images[number]
        height = pdf[number].get_height()
        left, bottom, right, top = (float(v) for v in highlight["/Rect"])
        box = (int(left * scale) + 1, int((height - top) * scale) + 1, int(right * scale) - 1,
               int((height - bottom) * scale) - 1)
        # like a marker: the annotation's colour multiplied with the page under it (white, or the summary's tint)
        plain, _ = _most_common_colour(without.crop(box))
        expected = tuple(round(float(c) * p) for c, p in zip(highlight["/C"], plain))
        colour, count = _most_common_colour(with_annotations.crop(box))
        assert all(abs(a - b) <= 4 for a, b in zip(colour, expected)), (colour, expected)
        assert count > 0.3 * (box[2] - box[0]) * (box[3] - box[1])  # the background of the box, not a speck
        assert plain != colour  # the colour is the annotation's, not painted twice under it


def _most_common_colour(image):
    pixels = np.asarray(image).reshape(-1, 3)
    colours, counts = np.unique(pixels, axis=0, return_counts=True)
    best = int(counts.argmax())
    return tuple(int(c) for c in colours[best]), int(counts[best])


def test_fonts_are_embedded_and_metadata_set(tricky_pdf):
    document, data = tricky_pdf
    reader = pypdf.PdfReader(io.BytesIO(data))
    fonts = []
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            for descendant in font.get("/DescendantFonts", [font]):
                fonts.append(descendant.get_object())
    assert fonts
    for font in fonts:
        descriptor = font["/FontDescriptor"].get_object()
        assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), font["/BaseFont"]
    info = reader.metadata
    assert info.title == document.title
    assert info.subject.startswith("Summary: The Regional Flood Authority (RFA) said on Monday")
    assert "RFA" in info["/Keywords"] and "NDMA" in info["/Keywords"]
    assert "Précis" in info.creator
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")
    assert "&lt;in&gt;" in xmp and "RFA" in xmp  # the title escaped in the XMP, the keywords there too
    assert [item.title for item in reader.outline] == ["Summary", "Article", "Glossary"]


def test_page_sizes_and_page_numbers(qapp, tricky):
    for size, expected in (("A4", (595.0, 842.0)), ("letter", (612.0, 792.0))):
        pdf = pdfium.PdfDocument(render_pdf(tricky, page_size=size))
        width, height = pdf[0].get_size()
        assert (round(width, 1), round(height, 1)) == expected
        for number, page in enumerate(pdf, 1):
            assert f"Page {number} of {len(pdf)}" in page.get_textpage().get_text_bounded(0, 0, width, FOOTER_TOP)
    with pytest.raises(PrecisError, match="page size"):
        render_pdf(tricky, page_size="A5")


def test_a_name_in_arabic_script_extracts_back(qapp):
    """Names in other scripts are real text: Qt picks an installed font that has them and embeds it."""
    from PySide6.QtGui import QFontDatabase

    if not QFontDatabase.families(QFontDatabase.WritingSystem.Arabic):
        pytest.skip("no font with Arabic script installed")
    document = make_document(
        ["The mayor of کراچی met the press.", "وزیر اعظم عمران خان نے کراچی میں خطاب کیا"],
        summary=(0,),
    )
    pdf = pdfium.PdfDocument(render_pdf(document))
    text = pdf[0].get_textpage().get_text_range()
    assert "The mayor of کراچی met the press." in text
    assert "عمران خان" in text  # a right-to-left paragraph keeps its words in reading order
    assert text.count("کراچی") == 3  # in the summary box, then twice in the article


def test_a_name_in_chinese_script_extracts_back(qapp):
    from PySide6.QtGui import QFontDatabase

    if not QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        pytest.skip("no font with Chinese script installed")
    document = make_document(["President 习近平 visited the port."], summary=(0,))
    text = pdfium.PdfDocument(render_pdf(document))[0].get_textpage().get_text_range()
    assert "习近平" in text


def test_a_document_without_glossary_or_summary_still_exports(qapp, tmp_path):
    document = make_document(["Just one plain sentence here."], summary=())
    path = export(document, tmp_path / "plain.pdf")
    pdf = pdfium.PdfDocument(path.read_bytes())
    assert len(pdf) == 1
    assert "Just one plain sentence here." in pdf[0].get_textpage().get_text_range()
    _, highlights = annotations(path.read_bytes(), "/Highlight")
    assert highlights == []


def test_a_summary_longer_than_a_page_is_split_cleanly(qapp):
    document = long_document(40)
    document = make_document(
        [document.text[s.start:s.end] for s in document.sentences[:60]],
        glossary=[{"term": "NDMA", "expansion": "National Disaster Management Authority"}],
        summary=tuple(range(0, 60, 2)),
    )
    data = render_pdf(document)
    text = body_text(data)
    for index in document.summary.sentences:  # in the summary box and in the article: twice, never three times
        assert text.count(re.sub(r"\s+", "", document.sentence_text(index))) == 2
    _, highlights = annotations(data, "/Highlight")
    assert len(highlights) == sum(len(e.mentions) for e in document.glossary)


def test_every_internal_link_has_its_destination(qapp, tricky_pdf):
    """Back links from the glossary and the summary land in the article, even where a mention opens a paragraph."""
    starting_with_mentions = make_document(
        ["NDMA said the rain will stop. RFA staff agreed.", "TTP", "The NDMA and the RFA met."],
        glossary=[{"term": t, "expansion": t.lower()} for t in ("NDMA", "RFA", "TTP")], summary=(0, 1),
    )
    for data in (tricky_pdf[1], render_pdf(starting_with_mentions)):
        reader, links = annotations(data, "/Link")
        names = reader.named_destinations
        internal = [str(link["/Dest"]) for _, link in links if "/Dest" in link]
        assert internal and all(name in names for name in internal), set(internal) - set(names)
        assert any(name.startswith("summary-sentence-") for name in internal)
        assert any(name.startswith("mention-") for name in internal)
