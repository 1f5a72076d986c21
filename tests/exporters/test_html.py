"""The HTML page, parsed with html.parser: tooltips, anchors, literal text, nothing that runs or loads."""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser

from desktop.exporters import export, layout
from desktop.exporters.htmldoc import render_html

from .conftest import make_document


class Page(HTMLParser):
    """Collects tags, ids, glossary links and the text inside <article>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.ids: set[str] = set()
        self.stack: list[str] = []
        self.article: list[str] = []
        self.title: list[str] = []
        self.gloss_links: list[dict] = []
        self._in_gloss: dict | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if "id" in attributes:
            assert attributes["id"] not in self.ids, f"duplicate id {attributes['id']}"
            self.ids.add(attributes["id"])
        if tag == "a" and "gloss" in attributes.get("class", "").split() and "data-mention" in attributes:
            self._in_gloss = {**attributes, "text": ""}
            self.gloss_links.append(self._in_gloss)
        if tag not in ("meta", "br", "link"):
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1] if self.stack else None}>"
        self.stack.pop()
        if tag == "a":
            self._in_gloss = None

    def handle_data(self, data):
        if "article" in self.stack and "h2" not in self.stack:
            self.article.append(data)
        if self.stack and self.stack[-1] == "title":
            self.title.append(data)
        if self._in_gloss is not None:
            self._in_gloss["text"] += data


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    assert page.stack == []
    return page


def test_every_mention_has_its_definition_as_tooltip_and_links_to_its_entry(tricky):
    page = parse(render_html(tricky, source="floods.txt"))
    by_mention = {}
    for link in page.gloss_links:
        by_mention.setdefault(link["data-mention"], []).append(link)
    assert len(by_mention) == sum(len(e.mentions) for e in tricky.glossary) == 7
    article = layout.build_article(tricky)
    for mention in article.mentions:
        links = by_mention[str(mention.id)]
        entry = tricky.glossary[mention.entry]
        assert "".join(link["text"] for link in links) == tricky.text[mention.start:mention.end]
        for link in links:
            assert link["title"] == layout.definition(entry)  # the tooltip, unescaped by the parser
            assert link["href"] == f"#gloss-{mention.entry}"
            assert link["href"][1:] in page.ids  # the anchor exists
    assert Counter(link["title"].split(" — ")[0].split("\n")[0] for link in page.gloss_links) == Counter(
        {"RFA": 3, "NDMA": 2, "TTP": 1, "Karachi Port Trust": 1}
    )


def test_glossary_entries_link_back_and_summary_links_to_its_sentences(tricky):
    page = parse(render_html(tricky))
    hrefs = [a.get("href") for tag, a in page.tags if tag == "a" and a.get("href", "").startswith("#")]
    for href in hrefs:
        assert href[1:] in page.ids, href
    assert sum(1 for h in hrefs if h.startswith("#summary-sentence-")) == len(tricky.summary.sentences)
    assert sum(1 for h in hrefs if h.startswith("#mention-")) == len(tricky.glossary)  # "first mention"


def test_article_text_comes_out_literally(tricky):
    page = parse(render_html(tricky))
    shown = "".join(page.article)
    assert _squash(shown) == _squash(tricky.text)
    assert "<script>alert('x')</script>" in shown and "&amp;" in shown and "<b>will</b>" in shown
    assert "".join(page.title) == 'Floods & "fears" <in> Karachi'


def test_self_contained_no_scripts_and_nothing_to_fetch(tricky):
    html = render_html(tricky)
    page = parse(html)
    assert not [tag for tag, _ in page.tags if tag in ("script", "iframe", "object", "embed", "img", "link")]
    for _, attributes in page.tags:
        assert not any(name.startswith("on") for name in attributes)
        assert not (attributes.get("src") or "").strip()
        assert not re.match(r"\w+:", attributes.get("href") or "")
    style = html[html.index("<style>"):html.index("</style>")]
    assert "url(" not in style and "@import" not in style


def test_entity_highlights_and_legend(tricky):
    page = parse(render_html(tricky))
    classes = [a.get("class", "") for _, a in page.tags]
    assert any("hl-GPE" in c for c in classes) and any("hl-PERSON" in c for c in classes)
    assert not any("hl-DATE" in c for c in classes)  # dates stay plain, as in the window
    legend = [a for tag, a in page.tags if "swatch" in a.get("class", "")]
    assert {"hl-ORG", "hl-GPE", "hl-PERSON", "hl-ACRONYM"} <= {c for a in legend for c in a["class"].split()}


def test_overlapping_mentions_stay_well_formed(qapp, tmp_path):
    """An acronym inside an organisation's name: both are glossary entries, the links never nest."""
    document = make_document(
        ["The Karachi Port Trust (KPT) and the KPT Workers Union met."],
        glossary=[
            {"term": "KPT Workers Union", "kind": "organisation"},
            {"term": "KPT", "expansion": "Karachi Port Trust"},
        ],
    )
    page = parse(render_html(document))
    assert len({link["data-mention"] for link in page.gloss_links}) == 3
    path = export(document, tmp_path / "nested.pdf")  # and the PDF gets one highlight per mention
    import io

    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    highlights = [a.get_object() for a in reader.pages[0]["/Annots"] if a.get_object()["/Subtype"] == "/Highlight"]
    assert len(highlights) == 3


def _squash(text: str) -> str:
    return " ".join(text.split())
