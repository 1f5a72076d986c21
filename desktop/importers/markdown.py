"""Markdown: the words without the markup; headings and list items stay paragraphs of their own.

Raw HTML inside Markdown is kept as literal text: Précis shows markup, it never interprets it. A YAML front
matter block (`---` lines around `title:`, `author:`, `date:`), as static-site generators and note apps write,
gives the title, author and date and is not part of the text.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

#: Inline markup (emphasis, links) is parsed one block at a time, and not at all in a block longer than this:
#: markdown-it keeps an object per delimiter, and a 350 KB paragraph of "*a **b " took 2 GB with the analysis.
MAX_INLINE_CHARS = 64 * 1024

_parser = MarkdownIt("commonmark")
_blocks_only = MarkdownIt("commonmark").disable("inline")
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_ENDS_WITH_HYPHEN = re.compile(r"[^\W\d_]-$")
_FIELD = re.compile(r"^(title|author|authors|date|published)[ \t]*:[ \t]*(.*?)[ \t]*$", re.M | re.I)


def parse(source: str) -> tuple[str, str | None, str | None, str | None]:
    """Return (plain text, title, author, date): front matter first, else the first heading as the title."""
    fields: dict[str, str] = {}
    match = _FRONT_MATTER.match(source)
    if match and len(match.group(1)) < 20_000:
        for key, value in _FIELD.findall(match.group(1)):
            value = value.strip().strip("\"'").strip()
            if value and not value.startswith(("[", "{", "|", ">")):
                fields.setdefault({"authors": "author", "published": "date"}.get(key.lower(), key.lower()), value)
        source = source[match.end():]
    text, heading = to_text(source)
    return text, fields.get("title") or heading, fields.get("author"), fields.get("date")


def to_text(source: str) -> tuple[str, str | None]:
    """Return (plain text with paragraphs separated by blank lines, the first heading or None)."""
    blocks: list[str] = []
    title = None
    env: dict = {}
    tokens = _blocks_only.parse(source, env)  # block structure only; inline markup below, block by block
    for index, token in enumerate(tokens):
        if token.type == "inline":
            text = _inline_text(token, env).strip()
            if text:
                blocks.append(text)
                if title is None and index > 0 and tokens[index - 1].type == "heading_open":
                    title = text
        elif token.type in ("fence", "code_block", "html_block") and token.content.strip():
            blocks.append(token.content.strip("\n"))
    return "\n\n".join(blocks), title


def _inline_text(token, env: dict) -> str:
    """The text of one block's inline content; a block too long to parse well is its source text as it is."""
    if len(token.content) > MAX_INLINE_CHARS:
        return token.content
    children: list = []
    _parser.inline.parse(token.content, _parser, env, children)
    parts = []
    for child in children:
        if child.type in ("text", "text_special", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            # A line wrapped after a hyphen ("long-" / "awaited") joins without a space: the hyphen is the text's.
            parts.append("" if parts and _ENDS_WITH_HYPHEN.search(parts[-1]) else " ")
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type == "image":
            parts.append(child.content)
    return "".join(parts)
