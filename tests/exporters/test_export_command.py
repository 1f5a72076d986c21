"""`precis export` as a user runs it, and the exporters on a real analysis (these load the spaCy model)."""

from __future__ import annotations

import io
import json
import re

import pypdf
import pypdfium2 as pdfium
import pytest

from desktop.exporters import export, layout
from tests.conftest import SAMPLE, SEED, run_precis

from .conftest import TRICKY_PARAGRAPHS

pytestmark = pytest.mark.model


def test_seed_article_pdf_has_a_definition_on_every_acronym_mention(tmp_path):
    if not SEED.exists():
        pytest.skip("the shared seed article is not beside this checkout")
    target = tmp_path / "seed.pdf"
    result = run_precis("export", str(SEED), "-o", str(target))
    assert result.returncode == 0, result.stderr
    analysis = json.loads(run_precis("analyze", str(SEED), "--json").stdout)
    reader = pypdf.PdfReader(io.BytesIO(target.read_bytes()))
    highlights = [
        a.get_object() for page in reader.pages for a in page.get("/Annots", [])
        if a.get_object()["/Subtype"] == "/Highlight"
    ]
    acronyms = [g for g in analysis["glossary"] if g["kind"] == "acronym"]
    assert {"TTP", "IS-K", "KP", "NAP"} <= {g["term"] for g in acronyms}
    assert len(highlights) == sum(len(g["mentions"]) for g in analysis["glossary"])
    contents = [str(h["/Contents"]) for h in highlights]
    for entry in acronyms:
        mine = [c for c in contents if c.split(" — ")[0] == entry["term"]]
        assert len(mine) == len(entry["mentions"]), entry["term"]
        assert all(entry["expansion"] in c for c in mine)
    assert any(c.startswith("TTP — Tehreek-e-Taliban Pakistan") for c in contents)
    glossary_page = reader.get_destination_page_number(reader.named_destinations["glossary"])
    links = [
        a.get_object() for page in reader.pages for a in page.get("/Annots", [])
        if a.get_object()["/Subtype"] == "/Link" and str(a.get_object().get("/Dest", "")).startswith("gloss-")
    ]
    assert links and all(
        reader.get_destination_page_number(reader.named_destinations[str(link["/Dest"])]) >= glossary_page
        for link in links  # the appendix starts where the article ends, so it may run over to the next page
    )


def test_export_takes_the_summary_options_and_the_format_flag(tmp_path):
    target = tmp_path / "sample.out"
    result = run_precis(
        "export", str(SAMPLE), "-o", str(target), "--format", "json", "--algorithm", "lead", "--sentences", "2"
    )
    assert result.returncode == 0, result.stderr
    analysis = json.loads(target.read_text(encoding="utf-8"))
    assert analysis["summary"]["algorithm"] == "lead" and len(analysis["summary"]["sentences"]) == 2
    result = run_precis("export", "-", "-o", str(tmp_path / "stdin.md"), "--words", "40", input="Cats sleep. " * 30)
    assert result.returncode == 0, result.stderr
    assert "## Article" in (tmp_path / "stdin.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("args, words", [
    (["-o", "{tmp}/missing/out.pdf"], "does not exist"),
    (["-o", "{tmp}/out.docx"], "Cannot tell the export format"),
    (["-o", "{tmp}"], "is a folder"),
])
def test_errors_are_one_line_and_exit_1(tmp_path, args, words):
    args = [a.format(tmp=tmp_path) for a in args]
    result = run_precis("export", str(SAMPLE), *args)
    assert result.returncode == 1
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and words in lines[0] and "Traceback" not in lines[0]


def test_a_real_analysis_of_markup_comes_out_literally_everywhere(qapp, tmp_path):
    from desktop.core.pipeline import AnalysisOptions, analyze

    text = "\n\n".join(TRICKY_PARAGRAPHS)
    options = AnalysisOptions(user_glossary=False, learn=False)
    document = analyze(text, options, title='A <b>bold</b> & "quoted" title')
    assert document.glossary  # NDMA, TTP, RFA ...
    expected = " ".join(document.text.split())
    pdf = pdfium.PdfDocument(export(document, tmp_path / "a.pdf").read_bytes())
    body = "".join(
        page.get_textpage().get_text_bounded(0, 80, page.get_width(), page.get_height()) for page in pdf
    )
    assert re.sub(r"\s+", "", document.text) in re.sub(r"\s+", "", body)
    html = export(document, tmp_path / "a.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    markdown = export(document, tmp_path / "a.md").read_text(encoding="utf-8")
    assert "\\<script\\>" in markdown
    data = json.loads(export(document, tmp_path / "a.json").read_text(encoding="utf-8"))
    assert " ".join(data["text"].split()) == expected
    assert all(layout.definition(e) for e in document.glossary)
