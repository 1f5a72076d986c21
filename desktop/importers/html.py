"""Web pages: the article without navigation, adverts, comments or footers, with its title, author and date.

trafilatura finds the main content and the metadata, fully offline: it is given the page as text and never
fetches anything (Précis's own `url` module does the one download a user asks for). Its result is a small XML
tree (`p`, `head`, `list`/`item`, `table`/`row`/`cell`, `quote`, `lb`), which becomes paragraphs separated by
blank lines, headings and list items each a paragraph of their own. When trafilatura finds no article (a short
page, a fragment copied from a browser), the page's own text is used, with scripts, styles, navigation,
headers, footers, asides and forms left out.

Markup inside an article is text: `&lt;script&gt;` in the page is the seven characters `<script>` in the result.
"""

from __future__ import annotations

import email
import email.policy
import logging
import re
from typing import Iterable

from desktop.core.errors import PrecisError
from desktop.importers import plaintext

log = logging.getLogger(__name__)

#: Pages larger than this (as text) skip trafilatura's comparison of extraction methods and use its fast mode,
#: which keeps a multi-megabyte page to a second or two.
FAST_MODE_CHARS = 3_000_000
#: trafilatura's time grows faster than the page beyond some ten thousand blocks (a page of 40,000 paragraphs
#: took 13 s, one of 100,000 minutes); such a page is read by the page-text fallback, which stays linear.
MAX_TRAFILATURA_BLOCKS = 20_000
_BLOCK_TAG = re.compile(r"<(?:p|div|li|tr|td|th|h[1-6]|section|article)[\s>/]", re.I)

# trafilatura and its helpers log every odd page at WARNING or ERROR ("empty HTML tree", "discarding data").
# Précis reports the outcome itself, as one PrecisError, so their complaints are kept to debug logs.
for _name in ("trafilatura", "htmldate", "courlan", "justext", "readability"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_PAGE_STRUCTURE = re.compile(r"<(?:nav|header|footer|aside|article|main)[\s>]", re.I)
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>", re.I)
_WINDOWS_CLIPBOARD_HEADER = re.compile(r"\AVersion:\d[^<]*?StartHTML:", re.S)
_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0\u200b]+")
#: Characters XML (and so lxml's tree editing) refuses; in a page they are damage, and text would lose them anyway.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_LINE_BREAK = "\u2028"  # stands for <br>/<lb> while spaces are collapsed, then becomes "\n"

# trafilatura's output tree.
_BLOCKS = {"p", "head", "list", "item", "quote", "code", "table", "row", "cell", "div", "graphic"}
# Plain HTML, for the fallback.
_HTML_BLOCKS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "table",
    "thead", "tbody", "tfoot", "tr", "td", "th", "div", "section", "article", "main", "figure", "figcaption",
    "caption", "address", "hr", "center", "details", "summary",
}
_HTML_DROP = (
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "button", "select",
    "textarea", "svg", "iframe", "object", "embed", "canvas", "video", "audio", "map", "head", "title", "dialog",
)


def decode(data: bytes, origin: str, declared: str | None = None) -> str:
    """Decode a page: byte-order mark, then the HTTP charset, then `<meta charset>`, then detection."""
    if not plaintext.bom_encoding(data) and not declared:
        match = _META_CHARSET.search(data[:8192])
        if match:
            declared = match.group(1).decode("ascii", "replace")
            if declared.lower().replace("-", "").replace("_", "") in ("utf16", "utf16le", "utf16be", "utf32"):
                declared = None  # a page that says UTF-16 in ASCII bytes is not UTF-16
    return plaintext.decode(data, origin, declared)


def extract(page: str, origin: str, url: str | None = None, fragment: bool = False):
    """Return (text, title, author, date) of a page's article. Raises PrecisError when it has no text.

    A `fragment` (HTML a browser put on the clipboard) is taken whole unless it has a page's structure
    (navigation, header, footer, article): then the user copied a whole page and trafilatura finds the article.
    """
    from lxml import html as lxml_html

    page = _NOT_XML.sub(" ", _XML_DECLARATION.sub("", page, count=1))
    if _WINDOWS_CLIPBOARD_HEADER.match(page):
        page = page[page.index("<"):]
    text = title = author = date = tree = None
    if fragment and not _PAGE_STRUCTURE.search(page):
        result = None  # a selection copied from a browser: all of it is what the user wants
    elif _more_blocks_than(page, MAX_TRAFILATURA_BLOCKS):
        log.info("%s has more than %d blocks: reading its whole text", origin, MAX_TRAFILATURA_BLOCKS)
        result = None
    else:
        result = _extract_article(page, url, fragment, origin)
    if result is not None:
        title, author, date = _clean(result.title), _clean(result.author), _clean(result.date)
        if result.body is not None:
            text = _guarded(lambda: "\n\n".join(_paragraphs(result.body, _BLOCKS, {"lb"}, "cell", "row")), origin)
    if not text or not text.strip():
        try:
            tree = lxml_html.fromstring(page) if page.strip() else None
        except Exception as error:  # lxml's ParserError, ValueError on odd input
            log.debug("lxml failed on %s: %s", origin, error)
            tree = None
        if tree is not None:
            title = title or _page_title(tree)
            text = _guarded(lambda: page_text(tree), origin)
    if not text or not text.strip():
        if tree is not None and _nested_past_parser_limit(tree):
            raise PrecisError(f"{origin} is nested too deeply to read (the HTML parser stops at "
                              f"{_PARSER_DEPTH_LIMIT} levels).", "Open the page in a browser and paste its text.")
        raise PrecisError(
            f"{origin} has no article text.", "Open the page in a browser, select the article and paste it."
        )
    return text, title, author, date


#: libxml2 drops whatever lies deeper than this many elements (the text of 100,000 nested divs vanished).
_PARSER_DEPTH_LIMIT = 255


def _nested_past_parser_limit(tree) -> bool:
    for element in tree.iter():
        if len(element) == 0 and sum(1 for _ in element.iterancestors()) >= _PARSER_DEPTH_LIMIT - 1:
            return True
    return False


def _more_blocks_than(page: str, limit: int) -> bool:
    for count, _ in enumerate(_BLOCK_TAG.finditer(page), 1):
        if count > limit:
            return True
    return False


def _extract_article(page: str, url: str | None, fragment: bool, origin: str):
    try:
        return _trafilatura(page, url, fragment)
    except Exception:  # trafilatura on hostile markup: fall back to the page's own text
        log.debug("trafilatura failed on %s", origin, exc_info=True)
        return None


def _guarded(make_text, origin: str) -> str:
    try:
        return make_text()
    except RecursionError as error:
        raise PrecisError(f"{origin} is nested too deeply to read.", "Open the page in a browser and paste its text.") from error


def _trafilatura(page: str, url: str | None, fragment: bool):
    import trafilatura

    big = len(page) > FAST_MODE_CHARS
    return trafilatura.bare_extraction(
        page,
        url=url,
        fast=big,
        favor_recall=fragment,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        with_metadata=True,
        deduplicate=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )


def _clean(value) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _page_title(tree) -> str | None:
    for path in ("//title", "//h1"):
        found = tree.xpath(path)
        if found:
            title = _clean(found[0].text_content())
            if title:
                return title[:300]
    return None


def page_text(tree) -> str:
    """The visible text of a whole page or fragment, in paragraphs, without scripts, navigation or footers."""
    for element in list(tree.iter(*_HTML_DROP)):
        parent = element.getparent()
        if parent is not None:
            element.drop_tree()
    for comment in list(tree.iter(_comment_tag())):
        parent = comment.getparent()
        if parent is not None:
            comment.drop_tree()
    return "\n\n".join(_paragraphs(tree, _HTML_BLOCKS, {"br"}, ("td", "th"), "tr"))


def _comment_tag():
    from lxml import etree

    return etree.Comment


def _paragraphs(root, blocks: set[str], breaks: set[str], cell_tag, row_tag: str) -> list[str]:
    holders = set()  # elements with a block somewhere inside; lxml keeps these proxies, so identity holds
    for element in root.iter():
        if _tag(element) in blocks:
            for ancestor in element.iterancestors():
                if ancestor in holders:
                    break
                holders.add(ancestor)
    out: list[str] = []
    _walk(root, out, holders, blocks, breaks, _tags(cell_tag), row_tag)
    return [paragraph for paragraph in out if paragraph]


def _tag(element) -> str:
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else ""


def _walk(element, out: list[str], holders, blocks, breaks, cell_tags, row_tag) -> None:
    """Depth-first: a block without blocks inside is a paragraph; text between blocks is one too."""
    if _tag(element) == row_tag:
        cells = [_inline(cell, breaks).replace("\n", " ") for cell in element if _tag(cell) in cell_tags]
        cells = [cell for cell in cells if cell]
        if cells:
            out.append(" | ".join(cells))
        return
    if element not in holders:
        out.append(_inline(element, breaks))
        return
    run: list[str] = [element.text or ""]
    for child in element:
        if _tag(child) in blocks or child in holders:
            out.append(_collapse("".join(run)))
            _walk(child, out, holders, blocks, breaks, cell_tags, row_tag)
            run = [child.tail or ""]
        else:
            run.append(_raw_inline(child, breaks) + (child.tail or ""))
    out.append(_collapse("".join(run)))


def _tags(names) -> tuple[str, ...]:
    return (names,) if isinstance(names, str) else tuple(names)


def _inline(element, breaks: Iterable[str]) -> str:
    return _collapse((element.text or "") + "".join(_raw_inline(c, breaks) + (c.tail or "") for c in element))


def _raw_inline(element, breaks) -> str:
    tag = _tag(element)
    if tag in breaks:
        return _LINE_BREAK
    if not tag:  # comments and processing instructions
        return ""
    return (element.text or "") + "".join(_raw_inline(c, breaks) + (c.tail or "") for c in element)


def _collapse(text: str) -> str:
    text = _SPACES.sub(" ", text)
    return "\n".join(line.strip() for line in text.split(_LINE_BREAK) if line.strip())


def from_mhtml(data: bytes, origin: str) -> tuple[str, str | None]:
    """The HTML page inside a page saved as one file (.mht/.mhtml), and the address it was saved from."""
    try:
        message = email.message_from_bytes(data, policy=email.policy.compat32)
        location = message.get("Snapshot-Content-Location") or message.get("Content-Location")
        for part in message.walk():
            if part.get_content_type() in ("text/html", "application/xhtml+xml"):
                payload = part.get_payload(decode=True) or b""
                page = decode(payload, origin, part.get_content_charset())
                return page, location or part.get("Content-Location")
    except PrecisError:
        raise
    except Exception as error:
        raise PrecisError(f"{origin} is a damaged saved web page (MHTML).", "Save the page again.") from error
    raise PrecisError(f"{origin} is a saved web page (MHTML) without a page in it.", "Save the page again.")
