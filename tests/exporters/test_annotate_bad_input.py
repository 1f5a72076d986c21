"""`precis annotate` on PDFs it cannot annotate: one line saying why, exit status 1, and no file written.

These fail before any analysis, so they need no spaCy model.
"""

from __future__ import annotations

import io

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas as rl_canvas

from tests.conftest import run_precis
from tests.exporters.paper_maker import agency_paper, make_paper, words


def scanned() -> bytes:
    from PIL import Image, ImageDraw

    picture = Image.new("RGB", (600, 800), "white")
    ImageDraw.Draw(picture).text((50, 50), "A scanned page: pixels, no text layer.", fill="black")
    buffer = io.BytesIO()
    canvas = rl_canvas.Canvas(buffer, pagesize=A4)
    canvas.drawImage(ImageReader(picture), 0, 0, width=A4[0], height=A4[1])
    canvas.save()
    return buffer.getvalue()


def damaged() -> bytes:
    data = agency_paper()
    return data[:200] + b"\0" * 500


CASES = {
    "password": (lambda: make_paper([words("The IMF met.")], encrypt="secret"), "encrypted"),
    "owner-password-only": (
        lambda: make_paper([words("The IMF met the WHO.")], encrypt=_owner_only()), "encrypted"),
    "scanned": (scanned, "no text layer"),
    "damaged": (damaged, "damaged"),
    "not-a-pdf": (lambda: b"The IMF met the WHO in Geneva.\n", "is named like a PDF but is not one"),
}


def _owner_only():
    from reportlab.lib.pdfencrypt import StandardEncryption

    return StandardEncryption("", ownerPassword="owner", canPrint=1, canModify=0)


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_gives_one_line_and_leaves_an_existing_output_alone(tmp_path, case):
    make, words_expected = CASES[case]
    source = tmp_path / "in.pdf"
    source.write_bytes(make())
    target = tmp_path / "out.pdf"
    target.write_bytes(b"an earlier file")
    result = run_precis("annotate", str(source), "-o", str(target))
    lines = result.stderr.decode().strip().splitlines()
    assert result.returncode == 1
    assert len(lines) == 1 and lines[0].startswith("precis: error:") and words_expected in lines[0], lines
    assert target.read_bytes() == b"an earlier file"
    assert {p.name for p in tmp_path.iterdir()} == {"in.pdf", "out.pdf"}  # no temporary file left behind


def test_a_missing_file_and_a_missing_folder_are_one_line(tmp_path):
    result = run_precis("annotate", str(tmp_path / "nothing.pdf"), "-o", str(tmp_path / "out.pdf"))
    assert result.returncode == 1 and b"There is no file" in result.stderr
    source = tmp_path / "in.pdf"
    source.write_bytes(agency_paper())
    result = run_precis("annotate", str(source), "-o", str(tmp_path / "no" / "out.pdf"))
    assert result.returncode == 1 and b"does not exist" in result.stderr


def test_the_copy_never_replaces_its_original(tmp_path):
    source = tmp_path / "in.pdf"
    source.write_bytes(agency_paper())
    result = run_precis("annotate", str(source), "-o", str(source))
    assert result.returncode == 1 and b"would replace the original" in result.stderr
    assert source.read_bytes() == agency_paper()


def test_a_page_whose_annotations_pypdf_cannot_extend_gives_one_line(tmp_path):
    """PDFium reads the text, but /Annots is a number: the update cannot be written, and nothing is."""
    from desktop.core.errors import PrecisError
    from desktop.core.model import Document, GlossaryEntry, Mention, Sentence, Summary
    from desktop.exporters.annotated_pdf import annotated_bytes, read_pdf
    from desktop.importers.pdfmap import CharMap

    source = tmp_path / "in.pdf"
    source.write_bytes(agency_paper(extras=False).replace(b"/Type /Page\n", b"/Type /Page /Annots 7\n", 1))
    extracted = read_pdf(source)
    start = extracted.text.index("IMF")
    document = Document(extracted.text, (Sentence(0, len(extracted.text), 0),), (), Summary("news", (0,), (1.0,)),
                        (GlossaryEntry("IMF", "acronym", "International Monetary Fund", None, "text", 1.0,
                                       (Mention(start, start + 3),)),))
    with pytest.raises(PrecisError, match="cannot be updated"):
        annotated_bytes(extracted.data, document, CharMap(document.text, extracted.lines))


@pytest.mark.model
def test_a_pdf_precis_exported_is_refused_with_a_pointer_to_the_original(tmp_path):
    """Our own export's pages are our layout (summary box, glossary appendix): annotating them would explain the
    appendix to itself, so the reader is sent back to the original."""
    article = tmp_path / "article.txt"
    article.write_text("The IMF met the WHO in Geneva on Monday. Officials discussed funding for the year ahead.\n")
    exported = tmp_path / "exported.pdf"
    assert run_precis("export", str(article), "-o", str(exported)).returncode == 0
    result = run_precis("annotate", str(exported), "-o", str(tmp_path / "out.pdf"))
    lines = result.stderr.decode().strip().splitlines()
    assert result.returncode == 1 and len(lines) == 1 and "Précis exported" in lines[0], lines
    assert not (tmp_path / "out.pdf").exists()
