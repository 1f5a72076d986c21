"""The acceptance test: one article as .txt, .md, .html, .pdf and .docx gets the same summary from the CLI."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.conftest import run_precis
from tests.contract import assert_valid_analysis
from tests.importers import documents

pytestmark = pytest.mark.model


def test_the_same_article_in_every_format_gets_the_same_summary(tmp_path):
    title, paragraphs = documents.sample_article()
    files = {
        "article.txt": documents.text_file(title, paragraphs, width=72).encode("cp1252"),
        "article.md": documents.markdown_file(title, paragraphs, author="Jane Doe").encode("utf-8"),
        "article.html": documents.web_page(title, paragraphs).encode("utf-8"),
        # several pages, with a running header and page numbers to remove
        "article.pdf": documents.reportlab_pdf(title, paragraphs, font_size=16),
        "article.docx": documents.docx_file(title, paragraphs),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)

    def analyse(name):
        result = run_precis("analyze", str(tmp_path / name), "--json", timeout=180)
        assert result.returncode == 0, (name, result.stderr)
        return name, json.loads(result.stdout)

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = dict(pool.map(analyse, files))
    summaries = {}
    for name, data in results.items():
        assert_valid_analysis(data)
        sentences = data["sentences"]
        summaries[name] = [
            data["text"][sentences[i]["start"]:sentences[i]["end"]] for i in data["summary"]["sentences"]
        ]
        assert data["title"] == title, name
    reference = summaries["article.txt"]
    assert len(reference) == 3
    for name, summary in summaries.items():
        assert summary == reference, name
