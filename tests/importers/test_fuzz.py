"""Random and mutated bytes through every importer: a SourceText or a PrecisError, never anything else.

Seeds are real documents of each format; mutations truncate, overwrite, insert, delete and repeat byte ranges,
so the inputs look enough like a PDF, a Word file or a page to get deep into each parser. Example counts are
kept modest so that the whole importer suite stays well under a minute; PRECIS_FUZZ_SCALE=50 multiplies them
for a deeper run by hand.
"""

from __future__ import annotations

import io
import os
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.errors import PrecisError
from desktop.importers import SourceText, load_bytes, load_clipboard
from tests.importers import documents

TITLE, PARAGRAPHS = documents.sample_article()
NAMES = ["", "a.txt", "a.md", "a.html", "a.pdf", "a.docx", "a.mhtml", "a.bin"]
SCALE = max(1, int(os.environ.get("PRECIS_FUZZ_SCALE", "1")))
FUZZ = settings(
    max_examples=200 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)


def _seeds() -> dict[str, bytes]:
    short = PARAGRAPHS[:3]
    return {
        "a.txt": documents.text_file(TITLE, short).encode("cp1252"),
        "a.md": documents.markdown_file(TITLE, short, author="Jane Doe").encode(),
        "a.html": documents.web_page(TITLE, short).encode(),
        "a.pdf": documents.reportlab_pdf(TITLE, short),
        "a.docx": documents.docx_file(TITLE, short, table=[["a", "b"], ["c", "d"]]),
    }


SEEDS = _seeds()


def _outcome(data: bytes, name: str) -> None:
    try:
        source = load_bytes(data, name=name, origin=name or "fuzz")
    except PrecisError as error:
        assert error.message and "\n" not in error.message
        return
    assert isinstance(source, SourceText) and isinstance(source.text, str)
    assert source.format in ("text", "markdown", "html", "pdf", "docx")


def _mutate(draw, data: bytes) -> bytes:
    data = bytearray(data)
    for _ in range(draw(st.integers(1, 4))):
        if not data:
            break
        where = draw(st.integers(0, len(data) - 1))
        kind = draw(st.sampled_from(["truncate", "overwrite", "insert", "delete", "repeat"]))
        if kind == "truncate":
            del data[max(1, where):]
        elif kind == "overwrite":
            chunk = draw(st.binary(min_size=1, max_size=16))
            data[where:where + len(chunk)] = chunk
        elif kind == "insert":
            data[where:where] = draw(st.binary(min_size=1, max_size=64))
        elif kind == "delete":
            del data[where:where + draw(st.integers(1, 256))]
        else:
            span = bytes(data[where:where + draw(st.integers(1, 64))])
            data[where:where] = span * draw(st.integers(1, 50))
    return bytes(data)


@st.composite
def mutated(draw):
    """A seed document with a few byte ranges changed, under its own name or another."""
    name = draw(st.sampled_from(sorted(SEEDS)))
    return _mutate(draw, SEEDS[name]), draw(st.sampled_from([name, name, *NAMES]))


@st.composite
def mutated_word_xml(draw):
    """A well-formed ZIP whose Word XML parts are mutated: this gets past the archive into python-docx."""
    with zipfile.ZipFile(io.BytesIO(SEEDS["a.docx"])) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    target = draw(st.sampled_from(["word/document.xml", "word/document.xml", "word/styles.xml",
                                   "[Content_Types].xml", "docProps/core.xml", "word/_rels/document.xml.rels"]))
    members[target] = _mutate(draw, members[target])
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, data in members.items():
            archive.writestr(member, data)
    return buffer.getvalue()


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_every_seed_loads(name):
    assert TITLE in load_bytes(SEEDS[name], name=name).text


@FUZZ
@given(st.binary(max_size=4096), st.sampled_from(NAMES))
def test_random_bytes_give_a_source_or_a_precis_error(data, name):
    _outcome(data, name)


@FUZZ
@given(st.sampled_from([b"%PDF-1.7\n", b"PK\x03\x04", b"<!DOCTYPE html><html>", b"\xef\xbb\xbf", b"\xff\xfe",
                        b"MIME-Version: 1.0\nContent-Type: multipart/related; boundary=x\n\n"]),
       st.binary(max_size=2048), st.sampled_from(NAMES))
def test_random_bytes_behind_a_real_signature(prefix, data, name):
    _outcome(prefix + data, name)


@settings(FUZZ, max_examples=400 * SCALE)
@given(mutated())
def test_mutated_documents_give_a_source_or_a_precis_error(case):
    _outcome(*case)


@settings(FUZZ, max_examples=150 * SCALE)
@given(mutated_word_xml(), st.sampled_from(["a.docx", ""]))
def test_word_files_with_mutated_xml_give_a_source_or_a_precis_error(data, name):
    _outcome(data, name)


COMMENTED_PAGE = (b"<html><body><nav>Home</nav><p>The council met<!-- note --> on Monday.</p><!-- a --> tail "
                  b"<div>Residents asked<!-- b -->about the levy.</div><script>x()</script></body></html>")


@st.composite
def flipped_and_truncated(draw):
    """Issue 16, finding 4: bit flips (control characters among them) and a truncation of a real document."""
    name = draw(st.sampled_from(sorted(SEEDS) + ["commented.html"]))
    data = bytearray(COMMENTED_PAGE if name == "commented.html" else SEEDS[name])
    for _ in range(draw(st.integers(1, 8))):
        where = draw(st.integers(0, len(data) - 1))
        data[where] ^= 1 << draw(st.integers(0, 7))
    if draw(st.booleans()):
        del data[draw(st.integers(1, len(data))):]
    return bytes(data), name


@settings(FUZZ, max_examples=300 * SCALE)
@given(flipped_and_truncated())
def test_flipped_bits_and_truncations_give_a_source_or_a_precis_error(case):
    _outcome(*case)


@pytest.mark.parametrize("control", [b"\x00", b"\x01", b"\x0b", b"\x1f", b"\x7f"])
def test_control_characters_after_a_comment_in_a_page_are_read_as_spaces(control):
    """lxml refused to drop a comment whose tail held a control character ("All strings must be XML compatible")."""
    source = load_bytes(b"<p>x<!--c-->" + control + b" y</p>", name="a.html")
    assert source.text.split() == ["x", "y"]
    assert load_clipboard("x y", "<div>a<!--c-->" + control.decode() + "b</div>").text.split() == ["a", "b"]


_TAGS = st.sampled_from(["p", "div", "h1", "li", "ul", "table", "tr", "td", "br", "script", "nav", "article", "b"])


@st.composite
def html_fragments(draw):
    parts = []
    for _ in range(draw(st.integers(0, 12))):
        tag = draw(_TAGS)
        parts.append(f"<{tag}>{draw(st.text(max_size=40))}" + (f"</{tag}>" if draw(st.booleans()) else ""))
    return "".join(parts)


@FUZZ
@given(st.one_of(st.none(), st.text(max_size=300)), st.one_of(st.none(), st.text(max_size=300), html_fragments()))
def test_clipboard_gives_a_source_or_a_precis_error(text, html):
    try:
        source = load_clipboard(text, html)
    except PrecisError:
        return
    assert isinstance(source.text, str) and source.text.strip()
