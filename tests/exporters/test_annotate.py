"""`precis annotate`: a copy of the reader's PDF with highlights and notes, its pages untouched.

The papers are laid out by `paper_maker` (two columns, running headers, justified lines, a hyphenated term, a
term across a line break and one across a page break) or are a real one (tests/data/README.md). Every check reads
the output back the way a viewer does: pypdf for the annotations, PDFium for the words under each highlight.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.bench.annotate import check, page_streams, squeeze
from desktop.core.pipeline import AnalysisOptions, analyze
from desktop.exporters.annotated_pdf import annotated_bytes, read_pdf
from desktop.importers.pdfmap import CharMap
from tests.conftest import run_precis
from tests.exporters.paper_maker import agency_paper

DATA = Path(__file__).resolve().parents[1] / "data"
OPTIONS = AnalysisOptions(user_glossary=False, learn=False)


def annotate(path: Path, entities: bool = False):
    extracted = read_pdf(path)
    document = analyze(extracted.text, OPTIONS, title=extracted.title)
    data, report = annotated_bytes(extracted.data, document, CharMap(document.text, extracted.lines),
                                   entities=entities)
    return extracted.data, data, document, report


def annotations(data: bytes) -> list[list[dict]]:
    reader = PdfReader(io.BytesIO(data))
    return [[reference.get_object() for reference in page.get("/Annots") or []] for page in reader.pages]


@pytest.fixture(scope="module")
def paper(tmp_path_factory):
    path = tmp_path_factory.mktemp("paper") / "agencies.pdf"
    path.write_bytes(agency_paper())
    return annotate(path)


@pytest.mark.model
def test_pages_are_untouched_and_the_original_bytes_come_first(paper):
    original, annotated, _, _ = paper
    assert annotated.startswith(original)
    assert page_streams(annotated) == page_streams(original)


@pytest.mark.model
def test_every_explained_mention_has_a_highlight_on_its_words_whose_note_has_the_meaning(paper):
    original, annotated, document, report = paper
    result = check(original, annotated, document)
    assert result.mentions >= 20
    assert result.with_note == result.mentions
    assert result.on_words == result.highlights == result.mentions, result.misplaced


@pytest.mark.model
def test_a_term_cut_by_a_line_break_a_hyphen_or_a_page_break_is_highlighted_in_every_piece(paper):
    _, annotated, document, _ = paper
    imf = next(entry for entry in document.glossary if entry.term == "IMF")
    who = next(entry for entry in document.glossary if entry.term == "WHO")
    long_forms = [m for m in imf.mentions + who.mentions if document.text[m.start:m.end] != m and
                  " " in document.text[m.start:m.end]]
    assert len(long_forms) >= 4  # the definition, the line break, the page break, the hyphen
    by_name: dict[str, list[tuple[int, list[float]]]] = {}
    for page_number, page in enumerate(annotations(annotated)):
        for annotation in page:
            by_name.setdefault(str(annotation.get("/NM")), []).append(
                (page_number, [float(v) for v in annotation.get("/QuadPoints", [])]))
    pieces = {}
    for entry_number, entry in enumerate(document.glossary):
        for mention_number, mention in enumerate(entry.mentions):
            prefix = f"precis-term-{entry_number}-{mention_number}-"
            found = [item for name, items in by_name.items() if name.startswith(prefix) for item in items]
            pieces[document.text[mention.start:mention.end], mention.start] = (
                sorted({page for page, _ in found}), sum(len(quads) // 8 for _, quads in found))
    across_page = [value for (text, _), value in pieces.items() if text == "World Health Organization"]
    assert ([0, 1], 2) in across_page  # one highlight on each page
    across_line = [value for (text, _), value in pieces.items() if text == "International Monetary Fund"]
    assert ([0], 2) in across_line  # two quads: one on each line
    hyphenated = [value for (text, _), value in pieces.items() if text == "World Health Organization"]
    assert ([1], 2) in hyphenated  # "Organi-" / "zation"


@pytest.mark.model
def test_the_note_reads_term_meaning_and_origin(paper):
    _, annotated, _, _ = paper
    notes = {str(a["/Contents"]) for page in annotations(annotated) for a in page if a.get("/Subtype") == "/Highlight"}
    imf = [note for note in notes if note.startswith("IMF: International Monetary Fund. ")]
    assert imf and all(note.endswith("(defined in this article)") for note in imf)  # with the built-in description
    assert any(note.startswith("NATO: North Atlantic Treaty Organization") for note in notes)


@pytest.mark.model
def test_summary_sentences_are_numbered_and_page_one_carries_the_summary(paper):
    _, annotated, document, _ = paper
    pages = annotations(annotated)
    note = next(a for a in pages[0] if a.get("/Subtype") == "/Text")
    for text in document.summary_texts():
        assert " ".join(text.split()) in str(note["/Contents"])
    popup = note["/Popup"].get_object()
    assert popup["/Subtype"] == "/Popup"
    numbered = {str(a["/Contents"]) for page in pages for a in page
                if str(a.get("/NM", "")).startswith("precis-summary-") and a.get("/Subtype") == "/Highlight"}
    count = len(document.summary.sentences)
    assert numbered == {f"Summary, sentence {n} of {count}" for n in range(1, count + 1)}


@pytest.mark.model
def test_metadata_outline_link_and_form_field_are_kept(paper):
    original, annotated, _, _ = paper
    before, after = PdfReader(io.BytesIO(original)), PdfReader(io.BytesIO(annotated))
    assert after.metadata == before.metadata
    assert [item.title for item in after.outline] == ["A Study of Agencies"]
    assert set(after.get_fields()) == {"reviewer"}
    subtypes = [a["/Subtype"] for a in annotations(annotated)[0]]
    assert "/Link" in subtypes and "/Widget" in subtypes


@pytest.mark.model
def test_entities_get_the_window_colours(tmp_path):
    from desktop.exporters import palette

    path = tmp_path / "agencies.pdf"
    path.write_bytes(agency_paper())
    _, annotated, document, report = annotate(path, entities=True)
    assert report.entities > 0
    colours = {tuple(round(float(c), 2) for c in a["/C"]) for page in annotations(annotated) for a in page
               if str(a.get("/NM", "")).startswith("precis-entity-")}
    assert colours and colours <= {tuple(round(c, 2) for c in s.rgb) for s in palette.ENTITY_SWATCHES}


@pytest.mark.model
def test_a_real_two_column_paper_keeps_its_links_and_gets_its_terms_on_their_words():
    original, annotated, document, _ = annotate(DATA / "yellowpaper-pages-1-2.pdf")
    assert page_streams(annotated) == page_streams(original) and annotated.startswith(original)
    result = check(original, annotated, document)
    assert result.mentions >= 3  # a few explained terms (fewer since only confident meanings are asserted)
    assert result.with_note == result.mentions
    assert result.on_words == result.highlights == result.mentions, result.misplaced
    links_before = sum(1 for a in annotations(original)[0] if a["/Subtype"] == "/Link")
    links_after = sum(1 for a in annotations(annotated)[0] if a["/Subtype"] == "/Link")
    assert links_before > 0 and links_after == links_before


@pytest.mark.model
def test_the_command_writes_the_copy_and_says_what_it_added(tmp_path):
    path = tmp_path / "agencies.pdf"
    path.write_bytes(agency_paper())
    result = run_precis("annotate", str(path), "-o", str(tmp_path / "out.pdf"), "--sentences", "2")
    assert result.returncode == 0, result.stderr
    assert b"explained glossary mentions highlighted" in result.stderr
    notes = [a for page in annotations((tmp_path / "out.pdf").read_bytes()) for a in page
             if str(a.get("/NM", "")).startswith("precis-summary-") and a.get("/Subtype") == "/Highlight"]
    assert {str(a["/Contents"]) for a in notes} == {"Summary, sentence 1 of 2", "Summary, sentence 2 of 2"}


def test_squeeze_ignores_spaces_and_line_end_hyphens():
    assert squeeze("World Health Organi-\nzation") == squeeze("World Health Organization")


@pytest.mark.model
def test_a_paper_whose_right_column_is_drawn_first_still_gets_every_term_on_its_words(tmp_path):
    path = tmp_path / "odd.pdf"
    path.write_bytes(agency_paper(right_column_first=True))
    original, annotated, document, _ = annotate(path)
    assert page_streams(annotated) == page_streams(original)
    result = check(original, annotated, document)
    assert result.mentions >= 15
    assert result.with_note == result.on_words == result.highlights == result.mentions, result.misplaced


@pytest.mark.model
def test_a_viewer_draws_the_highlights_in_their_colours(paper):
    """PDFium draws each highlight from its appearance stream: the paper under a term turns the term's yellow."""
    import pypdfium2 as pdfium

    from desktop.exporters import palette

    _, annotated, _, _ = paper
    on_page = annotations(annotated)[0]
    summary = [[float(v) for v in a["/Rect"]] for a in on_page if str(a.get("/NM", "")).startswith("precis-summary")]

    def apart(rect) -> bool:  # not under a summary highlight, whose green would multiply with the yellow
        return all(rect[2] < other[0] or other[2] < rect[0] or rect[3] < other[1] or other[3] < rect[1]
                   for other in summary)

    left, bottom, right, top = next(rect for rect in ([float(v) for v in a["/Rect"]] for a in on_page
                                                       if str(a.get("/NM", "")).startswith("precis-term-")
                                                       and len(a["/QuadPoints"]) == 8)  # one line: all of it drawn
                                    if apart(rect))
    document = pdfium.PdfDocument(annotated)
    try:
        page = document[0]
        scale = 2
        image = page.render(scale=scale, draw_annots=True).to_pil().convert("RGB")
        height = page.get_height()
        box = (int(left * scale) + 1, int((height - top) * scale) + 1, int(right * scale) - 1,
               int((height - bottom) * scale) - 1)
        region = image.crop(box)
        lightest = max((region.getpixel((x, y)) for x in range(region.width) for y in range(region.height)), key=sum)
    finally:
        document.close()
    expected = tuple(round(255 * c) for c in palette.ACRONYM.rgb)
    assert all(abs(a - b) <= 12 for a, b in zip(lightest, expected)), (lightest, expected)
