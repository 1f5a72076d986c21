"""Markdown: the summary, the glossary as a table, then the article with the summary's sentences in bold.

Every piece of the article is escaped so that a Markdown renderer shows it literally: `*`, `_`, `<`, `&`, `[`
and the like never become emphasis, HTML, entities or links, and no line starts a heading, list or quote.
"""

from __future__ import annotations

import re
from pathlib import Path

from desktop.core.model import Document
from desktop.exporters import layout
from desktop.exporters.atomic import write_atomic

_INLINE = re.compile(r"([\\`*_\[\]<>&|~])")
_LINE_START = re.compile(r"^(#|\+|-|=|\d+(?=[.)]))")


def escape(text: str) -> str:
    """Backslash-escape what CommonMark (and GitHub's tables and strikethrough) would read as markup."""
    text = _INLINE.sub(r"\\\1", text)
    return "\n".join(_escape_line_start(line.lstrip()) for line in text.split("\n"))


def _escape_line_start(line: str) -> str:
    match = _LINE_START.match(line)
    if not match:
        return line
    if match.group(1)[0].isdigit():  # "1." or "1)" would start an ordered list
        end = match.end()
        return line[:end] + "\\" + line[end:]
    return "\\" + line


def render_markdown(document: Document, *, source: str | None = None) -> str:
    article = layout.build_article(document)
    text = document.text
    out: list[str] = [f"# {escape(layout.title_of(document, source))}", ""]
    details = [f"Source: {escape(source)}"] if source else []
    details += [
        f"{document.word_count:,} words",
        f"summary: {escape(layout.summary_description(document))}",
        "exported by Précis",
    ]
    out += ["*" + " · ".join(details) + "*", ""]
    for warning in document.warnings:
        out += [f"> **Warning:** {escape(layout.squash(warning))}", ""]

    out += ["## Summary", ""]
    for number, sentence in enumerate(document.summary_texts(), 1):
        out.append(f"{number}. {escape(layout.squash(sentence))}")
    out.append("")

    if document.glossary:
        out += ["## Glossary", "", "| Term | Meaning | Description | Source | Mentions |", "|---|---|---|---|---:|"]
        for entry in sorted(document.glossary, key=lambda e: e.term.casefold()):
            meaning = escape(layout.squash(entry.expansion)) if layout.has_expansion(entry) else ""
            description = escape(layout.squash(entry.description or ""))
            origin = entry.origin
            out.append(
                f"| **{escape(layout.squash(entry.term))}** | {meaning} | {description} | {escape(origin)} "
                f"| {len(entry.mentions)} |"
            )
        out.append("")

    out += ["## Article", ""]
    for block in article.blocks:
        pieces: list[str] = []
        for rank, runs in _group_by_summary(block.runs):
            piece = escape(layout.squash(text[runs[0].start:runs[-1].end]))
            if rank is not None and piece:
                piece = f"**{piece}**"
            else:  # the spaces around a bold piece separate it from its neighbours
                piece = _keep_outer_spaces(text[runs[0].start:runs[-1].end], piece)
            pieces.append(piece)
        line = "".join(pieces).strip()
        if block.heading and not any(run.summary is not None for run in block.runs):
            line = f"### {line}"
        out += [line, ""]
    return "\n".join(out)


def _group_by_summary(runs):
    group: list = []
    for run in runs:
        if group and group[-1].summary != run.summary:
            yield group[0].summary, group
            group = []
        group.append(run)
    if group:
        yield group[0].summary, group


def _keep_outer_spaces(raw: str, piece: str) -> str:
    return (" " if raw[:1].isspace() else "") + piece + (" " if raw[-1:].isspace() and piece else "")


def export_markdown(document: Document, path: Path, *, source: str | None = None) -> Path:
    path = Path(path)
    write_atomic(path, render_markdown(document, source=source).encode("utf-8"))
    return path
