"""Every format becomes the same clean article text, with its title, author, date and origin."""

from __future__ import annotations

import codecs
import email.generator
import email.mime.multipart
import email.mime.text
import io

import pytest

from desktop.importers import SourceText, detect, layout, load, load_bytes, load_clipboard, load_path, plaintext
from tests.importers import documents

TITLE, PARAGRAPHS = documents.sample_article()
ARTICLE = "\n\n".join([TITLE, *PARAGRAPHS])


def paragraphs_of(source: SourceText) -> list[str]:
    return source.text.split("\n\n")


# --- plain text -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "encoding, bom",
    [
        ("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16", b""), ("utf-16-le", b""), ("utf-16-be", b""),
        ("utf-32", b""), ("cp1252", b""), ("latin-1", b""),
    ],
)
@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
def test_hard_wrapped_text_in_any_common_encoding_becomes_the_article(encoding, bom, newline):
    data = bom + documents.text_file(TITLE, PARAGRAPHS, width=72, newline=newline).encode(encoding)
    source = load_bytes(data, name="floods.txt", origin="floods.txt")
    assert source.text == ARTICLE
    assert (source.title, source.format, source.origin) == (TITLE, "text", "floods.txt")


def test_windows_1252_punctuation_and_latin_1_accents_decode_right():
    text = "Café owners met on Monday.\n\n“We’re ready,” said Zoë — the price is €5 or £4 in Genève."
    assert load_bytes(text.encode("cp1252"), name="a.txt").text == text
    latin = "Die Bürger von Zürich trafen sich. Les élèves français étaient là, même à Noël."
    assert load_bytes(latin.encode("latin-1"), name="a.txt").text == latin


def test_text_in_another_script_is_detected_by_charset_normalizer():
    russian = ("Наводнение вернулось в долину. Жители покинули свои дома после трёх дней дождей, "
               "и власти открыли временные лагеря для семей.") * 3
    assert load_bytes(russian.encode("cp1251"), name="a.txt").text == russian


def test_paragraphs_on_one_line_each_and_lists_are_left_alone():
    text = "Headline here\n\n" + "\n".join(PARAGRAPHS) + "\n\n- one item\n- another item\n"
    assert load_bytes(text.encode(), name="a.txt").text == text.rstrip("\n")


def test_wrapping_rejoins_words_the_wrapper_broke_at_their_own_hyphen():
    wrapped = plaintext.clean("The council published its long-\nawaited report on the flood-\nhit towns today, at last.")
    assert wrapped == "The council published its long-awaited report on the flood-hit towns today, at last."


def test_a_short_line_ends_a_paragraph_in_wrapped_text():
    lines = documents.text_file("Title", ["word " * 40, "Second paragraph " * 10], width=60).replace("\n\n", "\n")
    cleaned = plaintext.clean(lines)
    assert cleaned.split("\n\n") == ["Title", ("word " * 40).strip(), ("Second paragraph " * 10).strip()]


# --- Markdown ---------------------------------------------------------------------------------------------------


def test_markdown_front_matter_gives_title_author_and_date_and_wrapped_lines_rejoin():
    source = load_bytes(documents.markdown_file(TITLE, PARAGRAPHS, author="Jane Doe").encode(), name="a.md")
    assert source.text == ARTICLE and source.format == "markdown"
    assert (source.title, source.author, source.date) == (TITLE, "Jane Doe", "2024-03-05")


def test_markdown_on_standard_input_is_recognised_by_its_markup():
    text = "# Floods\n\nThe **river** rose, said [the RFA](http://x).\n\n- camps\n- roads\n"
    source = load_bytes(text.encode(), name="", origin="standard input")
    assert source.format == "markdown"
    assert source.text.split("\n\n") == ["Floods", "The river rose, said the RFA.", "camps", "roads"]


# --- HTML -------------------------------------------------------------------------------------------------------


def test_web_page_keeps_the_article_and_drops_navigation_adverts_comments_and_footer():
    page = documents.web_page(TITLE, PARAGRAPHS, headings={3: "Who pays"})
    source = load_bytes(page.encode("utf-8"), name="article.html", origin="saved/article.html")
    expected = [TITLE, *PARAGRAPHS[:3], "Who pays", *PARAGRAPHS[3:]]
    assert paragraphs_of(source) == expected
    assert (source.title, source.author, source.date, source.format) == (TITLE, "Jane Doe", "2024-03-05", "html")
    for boilerplate in ("Section 3", "watches", "cookies", "Comment number", "All rights", "Another story", "not text"):
        assert boilerplate not in source.text


def test_markup_written_as_text_in_an_article_stays_literal_text():
    paragraphs = PARAGRAPHS[:2] + ["The page showed &lt;script&gt;alert(1)&lt;/script&gt; and <b>bold</b> as text."]
    page = documents.web_page(TITLE, paragraphs)  # web_page escapes: the source has &amp;lt;script&amp;gt;
    source = load_bytes(page.encode(), name="a.html")
    assert "The page showed &lt;script&gt;alert(1)&lt;/script&gt; and <b>bold</b> as text." in source.text
    raw = page.replace("&amp;lt;", "&lt;").replace("&amp;gt;", "&gt;")  # now the page's text is <script>…
    assert "The page showed <script>alert(1)</script> and <b>bold</b> as text." in load_bytes(raw.encode(), "a.html").text


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252", "utf-16"])
def test_web_page_encoding_comes_from_its_meta_charset_or_bom(encoding):
    paragraph = "Zoë and the café owners of Genève said “enough” on Monday, after the third flood in a year."
    charset = "utf-8" if encoding == "utf-16" else encoding
    page = documents.web_page(TITLE, [paragraph] * 3 + PARAGRAPHS).replace('charset="utf-8"', f'charset="{charset}"')
    page = page.replace('<meta charset="utf-8">', f'<meta charset="{charset}">')
    source = load_bytes(page.encode(encoding), name="a.htm")
    assert paragraph in source.text


def test_html_saved_as_txt_or_without_a_name_is_recognised_by_content():
    page = documents.web_page(TITLE, PARAGRAPHS).encode()
    for name in ("article.txt", "", "download"):
        source = load_bytes(page, name=name, origin=name or "standard input")
        assert source.format == "html" and source.text == ARTICLE


def test_a_page_too_small_for_an_article_still_gives_its_text():
    source = load_bytes(b"<html><body><p>Short note: the meeting moved to Friday.</p></body></html>", "n.html")
    assert source.text == "Short note: the meeting moved to Friday."


def test_mhtml_single_file_page_is_read():
    message = email.mime.multipart.MIMEMultipart("related")
    message["Snapshot-Content-Location"] = "https://example.org/floods"
    message.attach(email.mime.text.MIMEText(documents.web_page(TITLE, PARAGRAPHS), "html", "utf-8"))
    buffer = io.BytesIO()
    email.generator.BytesGenerator(buffer).flatten(message)
    source = load_bytes(buffer.getvalue(), name="floods.mhtml")
    assert source.text == ARTICLE and source.format == "html"


# --- clipboard --------------------------------------------------------------------------------------------------


def test_clipboard_html_from_a_browser_keeps_paragraphs():
    fragment = ("<html><body><!--StartFragment--><h1>Floods</h1><p>The river rose.</p><p>Camps are full.</p>"
                "<!--EndFragment--></body></html>")
    source = load_clipboard("Floods\nThe river rose.\nCamps are full.", fragment)
    assert source.text == "Floods\n\nThe river rose.\n\nCamps are full." and source.origin == "the clipboard"


def test_clipboard_falls_back_to_text_when_the_html_has_no_real_content():
    source = load_clipboard("The river rose on Monday and the camps are full.", "<html><body><img src=x></body></html>")
    assert source.text == "The river rose on Monday and the camps are full." and source.format == "text"
    assert load_clipboard("Plain only.", None).text == "Plain only."


def test_empty_clipboard_is_a_precis_error():
    from desktop.core.errors import PrecisError

    with pytest.raises(PrecisError, match="clipboard"):
        load_clipboard("  ", "<html></html>")


# --- PDF --------------------------------------------------------------------------------------------------------


def test_reportlab_pdf_loses_running_header_and_page_numbers_over_several_pages():
    data = documents.reportlab_pdf(TITLE, PARAGRAPHS, font_size=16)
    assert data.count(b"/Type /Page\n") >= 3
    source = load_bytes(data, name="report.pdf")
    assert source.text == ARTICLE
    assert (source.title, source.author, source.format) == (TITLE, "Jane Doe", "pdf")
    assert source.date and source.date[:2] in ("19", "20")


def test_qt_pdf_loses_its_page_numbers_and_keeps_compound_hyphens(qapp, tmp_path):
    source = load_bytes(documents.qt_pdf(TITLE, PARAGRAPHS * 2, tmp_path / "qt.pdf"), name="qt.pdf")
    assert source.text == "\n\n".join([TITLE, *PARAGRAPHS * 2])


def test_pdf_words_hyphenated_across_lines_are_rejoined_as_the_document_and_its_producer_suggest():
    lines = [
        "The regional authority said on Monday that its inter-",
        "national donors would help to pay for the long-",
        "awaited repairs, which were well-known to be urgent",
        "before the report came out, and that the Indo-",
        "Pakistani commission on water would meet in Lahore",
        "next week. The long-awaited decision is well known.",
    ]
    typeset = load_bytes(documents.canvas_pdf([lines], producer="pdfTeX-1.40.25"), name="h.pdf").text
    assert typeset == (
        "The regional authority said on Monday that its international donors would help to pay for the "
        "long-awaited repairs, which were well-known to be urgent before the report came out, and that the "
        "Indo-Pakistani commission on water would meet in Lahore next week. The long-awaited decision is well known."
    )
    # A word processor or a browser does not hyphenate: a hyphen at a line end there is the text's own.
    written = load_bytes(documents.canvas_pdf([lines], producer="Microsoft® Word for Microsoft 365"), "h.pdf").text
    assert written == typeset.replace("international", "inter-national")


def test_pdf_paragraph_continues_across_a_page_break():
    first = ["Title of the note", "", "The first paragraph starts on this page and goes on for a while, and",
             "then continues until the very bottom of the page where it is cut off by"]
    second = ["the page break, and it ends here on the second page.", "", "A second paragraph follows."]
    text = load_bytes(documents.canvas_pdf([first, second]), name="p.pdf").text
    assert text.split("\n\n")[1].endswith("cut off by the page break, and it ends here on the second page.")


# --- DOCX -------------------------------------------------------------------------------------------------------


def test_docx_paragraphs_and_tables_come_in_document_order_without_page_headers():
    table = [["Town", "Homes at risk"], ["Eastbridge", "12,000"], ["Millford", "8,500"]]
    data = documents.docx_file(TITLE, PARAGRAPHS, table=table, table_after=2, header="CONFIDENTIAL DRAFT")
    source = load_bytes(data, name="report.docx")
    assert paragraphs_of(source) == [
        TITLE, *PARAGRAPHS[:2], "Town | Homes at risk", "Eastbridge | 12,000", "Millford | 8,500", *PARAGRAPHS[2:]
    ]
    assert (source.title, source.author, source.format) == (TITLE, "Jane Doe", "docx")
    assert "CONFIDENTIAL" not in source.text


def test_docx_renamed_to_anything_is_still_read(tmp_path):
    path = tmp_path / "report.bin"
    path.write_bytes(documents.docx_file(TITLE, PARAGRAPHS))
    assert load_path(path).text == ARTICLE


# --- the entry point --------------------------------------------------------------------------------------------


def test_load_takes_paths_and_file_addresses(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    assert load(str(path)).text == ARTICLE
    assert load(path.as_uri()).text == ARTICLE


@pytest.mark.parametrize(
    "data, name, kind",
    [
        (b"%PDF-1.7 ...", "", detect.PDF),
        (b"junk before the header %PDF-1.4", "x.txt", detect.PDF),
        (b"<!-- saved from url=(0022)http://example.org/ -->\n<html><body>x</body></html>", "x.txt", detect.HTML),
        (b"<?xml version='1.0'?><!DOCTYPE html><html/>", "x", detect.HTML),
        (b"<p>Hello</p>", "", detect.HTML),
        (b"<p>Hello</p>", "x.txt", detect.TEXT),
        (b"<div>a Markdown file may start with HTML</div>", "x.md", detect.MARKDOWN),
        (b"Just words.", "x.md", detect.MARKDOWN),
        (b"Just words.", "x.html", detect.HTML),
        (b"Just words.", "", detect.TEXT),
    ],
)
def test_format_is_recognised_from_content_first(data, name, kind):
    assert detect.sniff(data, name) == kind


def test_hyphenation_rule():
    words = layout.vocabulary(["the international council", "a flood-hit town", "well and known"])
    join = layout.join_hyphenated
    assert join("inter-", "national", words, False) == "international"  # the document has the whole word
    assert join("flood-", "hit", words, True) == "flood-hit"  # the document has the compound
    assert join("well-", "known", words, True) == "well-known"  # both halves are words of the document
    assert join("Indo-", "Pakistani", words, True) == "Indo-Pakistani"  # a capital after the hyphen
    assert join("gov-", "ernment", words, True) == "government"  # typeset PDFs hyphenate
    assert join("gov-", "ernment", words, False) == "gov-ernment"  # plain-text wrappers do not
    assert join("soft\u00ad", "ware", words, False) == "software"
