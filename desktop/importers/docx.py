"""Word (.docx): paragraphs and tables in document order, with the title, author and date of its properties.

A .docx is a ZIP archive, so before python-docx opens one, its directory is checked against the sizes it
declares: a ZIP bomb (a small file that expands to gigabytes) is refused before anything is expanded. Python's
zipfile never expands a member beyond its declared size, so the check holds for the parts python-docx reads.

Text comes from the body's paragraphs (runs, hyperlinks, fields, insertions and content controls; deleted text
and the fallback copies of drawings are left out) and tables (a row is one paragraph, its cells joined by " | ",
merged cells once). Page headers and footers are left out: in a report they repeat on every page, which is
exactly what the PDF importer removes too.
"""

from __future__ import annotations

import io
import logging
import zipfile

from desktop.core.errors import PrecisError

log = logging.getLogger(__name__)

#: All parts of a .docx together may expand to at most this many bytes (text, styles, images).
MAX_UNCOMPRESSED_BYTES = 256 * 1024 * 1024
#: A .docx expanding more than this many times its compressed size is a ZIP bomb. Word's XML compresses about
#: 5 to 20 times; a bomb's parts about 1,000 times.
MAX_COMPRESSION_RATIO = 100
#: Small archives may compress further without harm: the ratio is only checked beyond this expanded size.
RATIO_CHECK_FROM_BYTES = 8 * 1024 * 1024
#: A Word file has a few dozen parts; an archive of more is not one.
MAX_PARTS = 10_000

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_DAMAGED_HINT = "The file may be damaged or incomplete: open it in Word and save it again."
_SKIPPED = {_W + "del", _W + "moveFrom", _MC_FALLBACK, _W + "txbxContent", _W + "instrText", _W + "delText"}


def check_archive(data: bytes, origin: str) -> None:
    """Refuse archives that expand far beyond their size, or that are not readable ZIP archives."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except Exception as error:
        raise PrecisError(f"{origin} is a damaged or incomplete Word document.", _DAMAGED_HINT) from error
    if len(members) > MAX_PARTS:
        raise PrecisError(f"{origin} has {len(members):,} parts: it is not a Word document.", _BOMB_HINT)
    expanded = sum(member.file_size for member in members)
    packed = sum(member.compress_size for member in members) or 1
    if expanded > MAX_UNCOMPRESSED_BYTES:
        raise PrecisError(
            f"{origin} would expand to {expanded / 1024 / 1024:,.0f} MB, more than the "
            f"{MAX_UNCOMPRESSED_BYTES // 1024 // 1024} MB a Word document may.",
            _BOMB_HINT,
        )
    if expanded > RATIO_CHECK_FROM_BYTES and expanded > MAX_COMPRESSION_RATIO * packed:
        raise PrecisError(
            f"{origin} would expand {expanded // packed:,} times its size: it looks like a ZIP bomb, not a document.",
            _BOMB_HINT,
        )


_BOMB_HINT = "Open only Word files you trust; if this one should be fine, open it in Word and save it again."


def extract(data: bytes, origin: str) -> tuple[str, str | None, str | None, str | None]:
    """Return (text, title, author, date) of a .docx. Raises PrecisError for anything that cannot be read."""
    check_archive(data, origin)
    try:
        import docx

        document = docx.Document(io.BytesIO(data))
        body = document.element.body
        paragraphs = list(_blocks(body))
        properties = document.core_properties
        title, author = _text(properties.title), _text(properties.author)
        created = properties.created
        date = created.date().isoformat() if created is not None else None
    except PrecisError:
        raise
    except MemoryError as error:
        raise PrecisError(f"{origin} is too large to read.", "Save a smaller part of it as a new document.") from error
    except Exception as error:  # python-docx and lxml raise many kinds of error on damaged files
        log.debug("python-docx failed on %s", origin, exc_info=True)
        raise PrecisError(f"{origin} is a damaged or incomplete Word document.", _DAMAGED_HINT) from error
    paragraphs = [paragraph for paragraph in paragraphs if paragraph]
    if not paragraphs:
        raise PrecisError(f"{origin} contains no text.", "Open a document with at least one paragraph of text.")
    title = title or _heading_title(body)
    return "\n\n".join(paragraphs), title, author, date


def _text(value) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _blocks(container):
    """Paragraph texts of a body, table cell or content control, in document order."""
    for child in container:
        tag = child.tag
        if tag == _W + "p":
            yield _paragraph_text(child)
        elif tag == _W + "tbl":
            yield from _table(child)
        elif tag == _W + "sdt":
            content = child.find(_W + "sdtContent")
            if content is not None:
                yield from _blocks(content)
        elif tag in (_W + "customXml", _W + "ins", _W + "moveTo"):
            yield from _blocks(child)


def _table(table):
    for row in table.iter(_W + "tr"):
        if _enclosing_table(row) is not table:
            continue  # a nested table's rows come with the cell that holds it
        cells = []
        for cell in row.iter(_W + "tc"):
            if cell.getparent() is not row and _enclosing_row(cell) is not row:
                continue
            if _is_merged_continuation(cell):
                continue
            text = " ".join(block for block in _blocks(cell) if block)
            if text and (not cells or cells[-1] != text):
                cells.append(text)
        if cells:
            yield " | ".join(cells)


def _enclosing_table(element):
    parent = element.getparent()
    while parent is not None and parent.tag != _W + "tbl":
        parent = parent.getparent()
    return parent


def _enclosing_row(element):
    parent = element.getparent()
    while parent is not None and parent.tag != _W + "tr":
        parent = parent.getparent()
    return parent


def _is_merged_continuation(cell) -> bool:
    properties = cell.find(_W + "tcPr")
    if properties is None:
        return False
    merge = properties.find(_W + "vMerge")
    return merge is not None and merge.get(_W + "val") in (None, "continue")


def _paragraph_text(paragraph) -> str:
    parts: list[str] = []
    _collect(paragraph, parts)
    return "".join(parts).strip()


def _collect(element, parts: list[str]) -> None:
    for child in element:
        tag = child.tag
        if tag in _SKIPPED:
            continue
        if tag == _W + "t":
            parts.append(child.text or "")
        elif tag == _W + "tab" or tag == _W + "ptab":
            parts.append("\t")
        elif tag in (_W + "br", _W + "cr"):
            parts.append(" " if child.get(_W + "type") == "page" else "\n")
        elif tag == _W + "noBreakHyphen":
            parts.append("-")
        elif tag == _W + "softHyphen":
            continue
        elif tag == _W + "sym":
            continue
        else:
            _collect(child, parts)


def _heading_title(body) -> str | None:
    """The first paragraph styled Title or Heading 1, when the properties have no title."""
    for paragraph in body.iter(_W + "p"):
        style = paragraph.find(f"{_W}pPr/{_W}pStyle")
        if style is not None and (style.get(_W + "val") or "").lower() in ("title", "heading1"):
            text = _paragraph_text(paragraph)
            if text:
                return text[:300]
    return None
