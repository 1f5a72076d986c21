"""Markdown: the words without the markup; headings and list items stay paragraphs of their own.

Raw HTML inside Markdown is kept as literal text: Précis shows markup, it never interprets it.
"""

from __future__ import annotations

from markdown_it import MarkdownIt

_parser = MarkdownIt("commonmark")


def to_text(source: str) -> tuple[str, str | None]:
    """Return (plain text with paragraphs separated by blank lines, the first heading or None)."""
    blocks: list[str] = []
    title = None
    tokens = _parser.parse(source)
    for index, token in enumerate(tokens):
        if token.type == "inline":
            text = _inline_text(token).strip()
            if text:
                blocks.append(text)
                if title is None and index > 0 and tokens[index - 1].type == "heading_open":
                    title = text
        elif token.type in ("fence", "code_block", "html_block") and token.content.strip():
            blocks.append(token.content.strip("\n"))
    return "\n\n".join(blocks), title


def _inline_text(token) -> str:
    parts = []
    for child in token.children or []:
        if child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type == "image":
            parts.append(child.content)
    return "".join(parts)
