"""HTML: one self-contained page (its CSS inline; no script, font, image or network), readable offline and printable.

The article keeps the window's marking: entity highlights with a legend, the summary's sentences tinted, and
every glossary mention a link to its entry whose `title` is the definition, so hovering shows it. Every piece of
text and every attribute value goes through `html.escape`: the article is shown, never interpreted.
"""

from __future__ import annotations

import re
from datetime import date
from html import escape
from pathlib import Path

from desktop import __version__
from desktop.core.model import Document
from desktop.exporters import layout, palette
from desktop.exporters.atomic import write_atomic

_CLASS_SAFE = re.compile(r"[^A-Za-z0-9_-]")

_CSS = """
:root { color-scheme: light; }
body { margin: 0 auto; max-width: 46rem; padding: 2rem 1.25rem 4rem; color: %(text)s; background: #fff;
  font: 1.0625rem/1.6 "Noto Sans", "DejaVu Sans", "Segoe UI", Arial, sans-serif;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
h1 { font-size: 1.7rem; line-height: 1.25; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .6rem; }
.details, .meta { color: %(muted)s; font-size: .9rem; }
.warning { border-left: 4px solid #d08a00; background: #fff6e0; padding: .4rem .8rem; }
.summary-box { border: 1px solid %(border)s; background: %(summary)s; border-radius: 6px; padding: .2rem 1.1rem .6rem; }
.summary-box h2 { margin-top: .6rem; }
.summary-box ol { margin: 0; padding-left: 1.4rem; }
.summary-box li { margin: .35rem 0; }
.summary-box a { color: inherit; text-decoration: none; }
.summary-box a:hover { text-decoration: underline; }
.legend { font-size: .85rem; color: %(muted)s; margin: 1rem 0; }
.legend span.swatch { color: %(text)s; padding: 0 .35rem; margin: 0 .15rem .25rem 0; border-radius: 3px;
  display: inline-block; }
article p { margin: 0 0 .9rem; }
article p.line { margin-top: -.75rem; }
article p.heading { font-weight: 700; }
.sum { background: %(summary)s; }
.ent { border-radius: 2px; }
a.gloss { color: inherit; text-decoration: underline dotted %(underline)s; text-underline-offset: 2px;
  cursor: help; border-radius: 2px; }
a.gloss:hover, a.gloss:focus { outline: 1px solid %(underline)s; }
dl.glossary dt { font-weight: 700; margin-top: 1rem; }
dl.glossary dd { margin: .2rem 0 0 1.2rem; }
dl.glossary .kind { font-weight: 400; color: %(muted)s; font-size: .85rem; }
dl.glossary p { margin: .15rem 0; }
:target { outline: 2px solid %(border)s; }
footer { margin-top: 3rem; color: %(muted)s; font-size: .8rem; }
"""


def render_html(document: Document, *, source: str | None = None) -> str:
    article = layout.build_article(document)
    title = layout.title_of(document, source)
    css = _CSS % {
        "text": palette.TEXT, "muted": palette.MUTED, "border": palette.SUMMARY_BORDER,
        "summary": palette.SUMMARY.colour, "underline": palette.GLOSSARY_UNDERLINE,
    }
    labels = sorted(article.labels)
    css += "".join(f".hl-{_css_class(label)} {{ background: {palette.background(label)}; }}\n" for label in labels)

    keywords = ", ".join(dict.fromkeys(entry.term for entry in document.glossary))
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(document.language or "en")}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="Précis {escape(__version__)}">',
        f'<meta name="description" content="{escape(" ".join(layout.squash(s) for s in document.summary_texts()))}">',
        f'<meta name="keywords" content="{escape(keywords)}">',
        f"<title>{escape(title)}</title>",
        f"<style>{css}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{escape(title)}</h1>",
        f'<p class="details">{escape(_details(document, source))}</p>',
        "</header>",
    ]
    for warning in document.warnings:
        parts.append(f'<p class="warning" role="note">{escape(layout.squash(warning))}</p>')

    parts += ['<section class="summary-box" id="summary">', "<h2>Summary</h2>", "<ol>"]
    for rank, sentence in enumerate(document.summary_texts()):
        parts.append(f'<li><a href="#summary-sentence-{rank + 1}">{escape(layout.squash(sentence))}</a></li>')
    parts += ["</ol>", "</section>"]
    parts.append(_legend(article))

    parts += ['<article id="article">', "<h2>Article</h2>"]
    emitted: set[int] = set()
    parts += [_block_html(document, article, block, emitted) for block in article.blocks]
    parts.append("</article>")
    if document.glossary:
        parts.append(_glossary_html(document, article))
    parts += [
        f"<footer>Exported by Précis {escape(__version__)} on {date.today().isoformat()}.</footer>",
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(parts)


def _details(document: Document, source: str | None) -> str:
    details = [f"Source: {source}"] if source else []
    details += [
        f"{document.word_count:,} words",
        f"summary: {layout.summary_description(document)}",
        f"{len(document.glossary)} glossary entries",
    ]
    return " · ".join(details)


def _legend(article: layout.Article) -> str:
    items = [
        f'<span class="swatch hl-{_css_class(s.label)}">{escape(s.name)}</span>' for s in palette.legend(article.labels)
    ]
    items.append(f'<span class="swatch sum">{escape(palette.SUMMARY.name)}</span>')
    items.append(
        '<span class="swatch"><a class="gloss" href="#glossary">Glossary term</a>: hover for its definition</span>'
    )
    return '<p class="legend" aria-label="Legend">Highlights: ' + " ".join(items) + "</p>"


def _block_html(document: Document, article: layout.Article, block: layout.Block, emitted: set[int]) -> str:
    text = document.text
    classes = [name for name, on in (("line", not block.new_paragraph), ("heading", block.heading)) if on]
    out = [f'<p class="{" ".join(classes)}">' if classes else "<p>"]
    seen_summary = _first_summary_runs(block)
    index = 0
    runs = block.runs
    while index < len(runs):
        run = runs[index]
        if run.mention is None:
            out.append(_run_html(text, run, in_mention=False, anchor=seen_summary.get(id(run))))
            index += 1
            continue
        group_end = index
        while group_end < len(runs) and runs[group_end].mention == run.mention:
            group_end += 1
        mention = article.mentions[run.mention]
        entry = document.glossary[mention.entry]
        inner = "".join(
            _run_html(text, r, in_mention=True, anchor=seen_summary.get(id(r))) for r in runs[index:group_end]
        )
        # a mention cut in two by a shorter one inside it gives two links; only the first carries the id
        anchor = f' id="mention-{mention.id}"' if mention.id not in emitted else ""
        emitted.add(mention.id)
        out.append(
            f'<a class="gloss hl-{_css_class(mention.label)}"{anchor} href="#gloss-{mention.entry}" '
            f'title="{escape(layout.definition(entry))}" data-mention="{mention.id}">{inner}</a>'
        )
        index = group_end
    out.append("</p>")
    return "".join(out)


def _first_summary_runs(block: layout.Block) -> dict[int, str]:
    """The first run of each summary sentence carries the id the summary box links to."""
    anchors: dict[int, str] = {}
    previous = None
    for run in block.runs:
        if run.summary is not None and run.summary != previous:
            anchors[id(run)] = f"summary-sentence-{run.summary + 1}"
        previous = run.summary
    return anchors


def _run_html(text: str, run: layout.Run, *, in_mention: bool, anchor: str | None) -> str:
    content = escape(text[run.start:run.end])
    classes = []
    attributes = ""
    if run.label is not None and not in_mention:
        classes += ["ent", f"hl-{_css_class(run.label)}"]
        attributes += f' title="{escape(palette.swatch(run.label).name)}"'
    if run.summary is not None:
        classes.append("sum")
    if anchor:
        attributes = f' id="{anchor}"' + attributes
    if classes:
        attributes = f' class="{" ".join(classes)}"' + attributes
    return f"<span{attributes}>{content}</span>" if attributes else content


def _glossary_html(document: Document, article: layout.Article) -> str:
    first_mention: dict[int, layout.MentionRef] = {}
    for mention in article.mentions:
        first_mention.setdefault(mention.entry, mention)
    parts = ['<section id="glossary">', "<h2>Glossary</h2>", '<dl class="glossary">']
    order = sorted(range(len(document.glossary)), key=lambda i: document.glossary[i].term.casefold())
    for index in order:
        entry = document.glossary[index]
        kind = layout.KIND_NAMES.get(entry.kind, entry.kind)
        colour = f' class="hl-{_css_class(first_mention[index].label)}"' if index in first_mention else ""
        parts.append(
            f'<dt id="gloss-{index}"><span{colour}>{escape(entry.term)}</span> <span class="kind">{escape(kind)}</span></dt>'
        )
        parts.append("<dd>")
        if layout.has_expansion(entry):
            parts.append(f'<p class="expansion">{escape(layout.squash(entry.expansion))}</p>')
        if entry.description:
            parts.append(f"<p>{escape(layout.squash(entry.description))}</p>")
        meta = [f"Source: {entry.origin}"]
        count = len(entry.mentions)
        meta.append(f"{count} mention{'s' if count != 1 else ''}")
        back = ""
        if index in first_mention:
            back = f' · <a href="#mention-{first_mention[index].id}">first mention</a>'
        parts.append(f'<p class="meta">{escape(" · ".join(meta))}{back}</p>')
        if entry.alternatives:
            parts.append(f'<p class="meta">{escape(layout.alternatives_line(entry))}</p>')
        parts.append("</dd>")
    parts += ["</dl>", "</section>"]
    return "\n".join(parts)


def _css_class(label: str) -> str:
    return _CLASS_SAFE.sub("_", label)


def export_html(document: Document, path: Path, *, source: str | None = None) -> Path:
    path = Path(path)
    write_atomic(path, render_html(document, source=source).encode("utf-8"))
    return path
