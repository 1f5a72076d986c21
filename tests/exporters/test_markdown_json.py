"""Markdown renders back to the literal article; JSON is the analysis contract."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt

from desktop.core.contract import document_to_dict
from desktop.core.errors import PrecisError
from desktop.exporters import export, format_for, layout
from desktop.exporters.markdown import escape, render_markdown

from .conftest import make_document


class Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.parts.append(data)


def rendered(markdown: str) -> Text:
    html = MarkdownIt("commonmark").enable("table").enable("strikethrough").render(markdown)
    parser = Text()
    parser.feed(html)
    return parser


def squash(text: str) -> str:
    return " ".join(text.split())


def test_markdown_has_summary_glossary_table_and_the_literal_article(tricky):
    markdown = render_markdown(tricky, source="floods.txt")
    assert markdown.index("## Summary") < markdown.index("## Glossary") < markdown.index("## Article")
    page = rendered(markdown)
    shown = squash("".join(page.parts))
    for paragraph in tricky.text.split("\n\n"):
        assert squash(paragraph) in shown
    assert 'Floods & "fears" <in> Karachi' in shown
    assert "script" not in page.tags and "b" not in page.tags  # the article's tags stayed text
    assert page.tags.count("tr") == 1 + len(tricky.glossary)  # header and one row per entry
    assert "strong" in page.tags  # the summary's sentences, in bold


@pytest.mark.parametrize("line", [
    "# not a heading", "- not a list", "+ nor this", "1. nor this", "12) nor this", "> not a quote",
    "    not code", "*not emphasis*", "_nor this_", "[not](a link)", "<b>not html</b>", "&amp; not an entity",
    "a | pipe", "~~not struck~~", "=== not a heading underline", "`not code`", "back\\slash", "![no](image)",
])
def test_markdown_escaping_keeps_any_line_literal(line):
    page = rendered(f"Intro.\n\n{escape(line)}\n")
    assert page.tags == ["p", "p"]
    assert "".join(page.parts).strip().endswith(line.strip())  # the parser has already decoded &amp;


def test_json_is_the_contract(tricky, tmp_path):
    path = export(tricky, tmp_path / "out.json")
    assert json.loads(path.read_text(encoding="utf-8")) == json.loads(json.dumps(document_to_dict(tricky)))
    assert path.read_text(encoding="utf-8").count("<script>alert('x')</script>") == 1  # not escaped away


def test_format_from_extension_or_name(tmp_path):
    assert format_for(tmp_path / "a.PDF") == "pdf"
    assert format_for(tmp_path / "a.htm") == "html"
    assert format_for(tmp_path / "a.markdown") == "markdown"
    assert format_for(tmp_path / "a.md") == "markdown"
    assert format_for(tmp_path / "a.json") == "json"
    assert format_for(tmp_path / "a.txt", "md") == "markdown"
    with pytest.raises(PrecisError, match="Cannot tell the export format"):
        format_for(tmp_path / "a.docx")
    with pytest.raises(PrecisError, match="Unknown export format"):
        format_for(tmp_path / "a.pdf", "docx")


def test_export_writes_each_format_with_the_named_format_winning(tricky, tmp_path):
    html = export(tricky, tmp_path / "page.txt", "html", source="floods.txt")
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    markdown = export(tricky, tmp_path / "notes.md")
    assert markdown.read_text(encoding="utf-8").startswith('# Floods \\& "fears" \\<in\\> Karachi')


def test_untitled_document_takes_the_source_name():
    document = make_document(["One sentence."])
    assert layout.title_of(document, "/some/folder/article.txt") == "article.txt"
    assert layout.title_of(document, None) == "Untitled article"
