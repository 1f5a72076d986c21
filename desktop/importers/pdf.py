"""PDF: the text in reading order, without running headers, footers and page numbers, in real paragraphs.

PDFium (pypdfium2) gives each page's characters in content order with their positions, one page at a time.
Lines are cut where PDFium says or where the baseline moves (PDFium's own line breaks miss some on Qt-made
PDFs); each line keeps its position, font size and right edge.

Running headers and footers: on each page the two lines nearest the top and the two nearest the bottom are
candidates; a candidate whose text, with digits ignored, is a candidate on at least half of the other pages (and
on two pages at least) is a running header or footer; a lone number, "Page 3", "3 of 40" or "- 3 -" nearest the
top or bottom edge is a page number. Both go.

Paragraphs: a line ends its paragraph when the next line's first word would have fitted after it with room to
spare (a short line; widths are measured in the document's own average character width, with a generous margin
because real layouts are not exact, up to the right edge of the line's own column on a page set in columns)
unless the next line starts in lower case after a line with no closing punctuation; when the gap to the next
line is clearly larger than the document's line spacing; when the font size changes (headings; lines of a
heading join while their gap is a line's height); or when the next line is a bullet or an indented first line.
A page break joins lines unless one of these says otherwise: wrongly joining two paragraphs keeps every sentence
whole, wrongly splitting one cuts a sentence in two.

Words split by a hyphen at a line end are rejoined by `layout.join_hyphenated`: the document decides when it uses
the word elsewhere, whole or hyphenated; otherwise PDFs from word processors, browsers and Qt (which do not
hyphenate) keep the hyphen, and those from typesetters or unknown programs lose it.
"""

from __future__ import annotations

import ctypes
import logging
import re
import statistics
import threading
from array import array
from dataclasses import dataclass

from desktop.core.errors import PrecisError
from desktop.importers import layout

log = logging.getLogger(__name__)

#: A 300-page report opens; a PDF of more pages than this is refused before its text is read.
MAX_PAGES = 2_000
#: Only the pages' text is read, so a scanned PDF is recognised by its pages having images and no text.
SCAN_CHECK_PAGES = 5

#: A line's font size is measured at its first character and again at this one (the larger wins).
_SIZE_AGAIN_AT = 10
#: A page with fewer body lines takes its text column's edges from the whole document.
MIN_LINES_FOR_PAGE_EDGES = 8

_DAMAGED_HINT = "The file may be damaged or incomplete: download or export it again."
# PDFium is not thread-safe; the window reads files on a worker thread.
_PDFIUM_LOCK = threading.Lock()
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})
_PAGE_NUMBER = re.compile(
    r"^(?:(?:page|p\.|seite|página|pagina)\s*)?[-–—(\[]?\s*(?:\d{1,4}|[ivxlcdm]{1,7})\s*[-–—)\]]?"
    r"(?:\s*(?:/|of|de|von|sur)\s*\d{1,4})?$",
    re.I,
)
_JUNK_METADATA = re.compile(r"^(?:\(?(?:untitled|unspecified|anonymous|unknown|none)\)?|.*\.(?:docx?|pdf|tex|indd|rtf))$", re.I)
_ROUND_BULLETS = "•◦▪‣●○■□"
_BULLET = re.compile(r"^(?:[•◦▪‣●○■□–—*-]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s", re.I)


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    y: float  # baseline, PDF units from the bottom of the page
    size: float
    page: int
    #: Filled only for `extract(..., lines=[])` (the annotated copy of a PDF maps text back onto its pages): the
    #: characters as drawn, before ligatures are split and spaces trimmed; each one's PDFium index (-1 for a space
    #: PDFium only inferred) and its loose box (left, bottom, right, top: four numbers a character).
    glyphs: str = ""
    indices: array | None = None
    boxes: array | None = None


@dataclass
class Page:
    width: float
    height: float
    lines: list[Line]


def extract(
    data: bytes, origin: str, lines: list[Line] | None = None
) -> tuple[str, str | None, str | None, str | None]:
    """Return (text, title, author, date) of a PDF. Raises PrecisError for anything that cannot be read.

    Given a list as `lines`, fills it with the lines the text was made of, in the text's order, each with its
    characters' PDFium indices and boxes (see `Line`): the text can then be mapped back onto the pages.
    """
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    from desktop.importers.pdf_streams import check_inflated_size

    check_inflated_size(data, origin)  # a decompression bomb is refused before PDFium inflates it
    with _PDFIUM_LOCK:
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as error:
            if getattr(error, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
                raise PrecisError(
                    f"{origin} is protected by a password.",
                    "Open it in a PDF viewer with its password, print or save it as a PDF without one, then open that.",
                ) from error
            raise PrecisError(f"{origin} is a damaged or incomplete PDF.", _DAMAGED_HINT) from error
        except Exception as error:  # pypdfium2 refusing odd input before PDFium sees it
            raise PrecisError(f"{origin} is a damaged or incomplete PDF.", _DAMAGED_HINT) from error
        try:
            return _extract_document(document, origin, pdfium, pdfium_c, lines)
        finally:
            document.close()


def _extract_document(document, origin, pdfium, pdfium_c, kept_lines: list[Line] | None = None):
    try:
        count = len(document)
    except Exception as error:
        raise PrecisError(f"{origin} is a damaged or incomplete PDF.", _DAMAGED_HINT) from error
    if count <= 0:
        raise PrecisError(f"{origin} is a PDF without pages.", _DAMAGED_HINT)
    if count > MAX_PAGES:
        raise PrecisError(
            f"{origin} has {count:,} pages, more than the {MAX_PAGES:,} Précis reads.",
            "Save the part you need as a separate PDF (most viewers can print a page range to PDF).",
        )
    own = _own_export(document)
    if own is not None and kept_lines is not None:  # its pages are our layout, not a document to annotate
        raise PrecisError(
            f"{origin} is a PDF that Précis exported, already annotated.",
            "Annotate the original PDF instead; open this one in the window to read the article it carries.",
        )
    if own is not None:  # one of our exports: the article it carries, not its summary box and glossary
        return own
    pages: list[Page] = []
    failed = 0
    image_pages = 0
    for index in range(count):
        try:
            page = document[index]
        except Exception:
            log.debug("page %d of %s cannot be loaded", index + 1, origin, exc_info=True)
            failed += 1
            continue
        try:
            width, height = page.get_size()
            lines = _page_lines(page, index, pdfium_c, _visible_box(page), record=kept_lines is not None)
            if not lines and index < SCAN_CHECK_PAGES and _has_images(page, pdfium_c):
                image_pages += 1
            pages.append(Page(width, height, lines))
        except Exception:
            log.debug("page %d of %s cannot be read", index + 1, origin, exc_info=True)
            failed += 1
        finally:
            page.close()
    if failed == count:
        raise PrecisError(f"{origin} is a damaged or incomplete PDF: no page can be read.", _DAMAGED_HINT)
    if not any(page.lines for page in pages):
        if image_pages:
            raise PrecisError(
                f"{origin} has no text layer: its pages are images, probably scanned.",
                "Run it through OCR first (for example `ocrmypdf in.pdf out.pdf`), then open the result.",
            )
        raise PrecisError(f"{origin} contains no text.", "Open a PDF whose text you can select in a PDF viewer.")
    _remove_running_lines(pages)
    metadata = _metadata(document)
    paragraphs, body_size = _paragraphs(pages, hyphenated=_hyphenates(metadata))
    if not paragraphs:
        raise PrecisError(f"{origin} contains no text besides headers and page numbers.", "Open another file.")
    title = _meaningful(metadata.get("Title")) or _title_from_first_lines(pages, body_size)
    if kept_lines is not None:
        kept_lines.extend(line for page in pages for line in page.lines)
    return "\n\n".join(paragraphs), title, _meaningful(metadata.get("Author")), _pdf_date(metadata)


def _own_export(document):
    """(text, title, author, date) embedded by Précis's PDF export (desktop.core.export_mark), else None."""
    from desktop.core import export_mark

    try:
        for index in range(document.count_attachments()):
            attachment = document.get_attachment(index)
            if attachment.get_name() == export_mark.ATTACHMENT_NAME:
                return export_mark.decode(bytes(attachment.get_data()))
    except Exception:  # a damaged attachment table: read the pages as for any PDF
        log.debug("the PDF's attachments cannot be read", exc_info=True)
    return None


def _visible_box(page) -> tuple[float, float, float, float]:
    """The page's crop box (left, bottom, right, top), a point wider each way; text outside it is invisible.

    Qt, for one, draws the line cut at a page break on both pages, outside the box on the second.
    """
    try:
        left, bottom, right, top = page.get_cropbox()
    except Exception:
        width, height = page.get_size()
        left, bottom, right, top = 0.0, 0.0, width, height
    return left - 1, bottom - 1, right + 1, top + 1


def _page_lines(page, page_index: int, pdfium_c, box: tuple[float, float, float, float],
                record: bool = False) -> list[Line]:
    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        if count <= 0:
            return []
        raw = textpage.raw
        x, y = ctypes.c_double(), ctypes.c_double()
        left, right, bottom, top = ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double()
        loose = pdfium_c.FS_RECTF()
        get_unicode, get_origin = pdfium_c.FPDFText_GetUnicode, pdfium_c.FPDFText_GetCharOrigin
        lines: list[Line] = []
        chars: list[str] = []
        indices = array("i")  # with `record`: each character's PDFium index, and its box
        boxes = array("f")
        line_y = line_x0 = size = last_x = 0.0
        last_index = -1

        def finish() -> None:
            text = "".join(chars).strip()
            if text and last_index >= 0:
                x1 = last_x
                if pdfium_c.FPDFText_GetCharBox(raw, last_index, left, right, bottom, top):
                    x1 = max(x1, right.value)
                lines.append(Line(text.translate(_LIGATURES), line_x0, x1, line_y, size, page_index))
                if record:
                    line = lines[-1]
                    line.glyphs, line.indices, line.boxes = "".join(chars), array("i", indices), array("f", boxes)
            chars.clear()
            del indices[:], boxes[:]

        for index in range(count):
            code = get_unicode(raw, index)
            if code in (10, 13) or code == 0xFFFE:
                if code == 10 and chars:
                    finish()
                    last_index = -1
                continue
            char = _char(code)
            if char.isspace() or not char:
                if chars:
                    chars.append(" ")
                    if record:
                        indices.append(-1)
                        boxes.extend((0.0, 0.0, 0.0, 0.0))
                continue
            if not get_origin(raw, index, x, y):
                continue
            if not (box[0] <= x.value <= box[2] and box[1] <= y.value <= box[3]):
                continue
            if chars and last_index >= 0 and (abs(y.value - line_y) > 0.6 * size or x.value < last_x - 4 * size):
                finish()
            if not chars:
                line_y, line_x0 = y.value, x.value
                size = _char_height(raw, index, loose, pdfium_c)
            elif len(chars) == _SIZE_AGAIN_AT:
                # a line that opens in small capitals ("ABSTRACT.") or with a footnote mark is of its body's size
                size = max(size, _char_height(raw, index, loose, pdfium_c))
            chars.append(char)
            last_x, last_index = x.value, index
            if record:
                indices.append(index)
                if pdfium_c.FPDFText_GetLooseCharBox(raw, index, loose):
                    boxes.extend((loose.left, loose.bottom, loose.right, loose.top))
                else:
                    boxes.extend((x.value, y.value, x.value, y.value + size))
        if chars:
            finish()
        return lines
    finally:
        textpage.close()


def _char_height(raw, index: int, box, pdfium_c) -> float:
    """The font's height at this character in page units (its loose box: ascent to descent, about 1.15 em).

    FPDFText_GetFontSize ignores the text matrix, so Qt's PDFs, which scale text by it, report size 150.
    """
    if pdfium_c.FPDFText_GetLooseCharBox(raw, index, box) and box.top - box.bottom > 0.5:
        return box.top - box.bottom
    return 1.15 * (pdfium_c.FPDFText_GetFontSize(raw, index) or 10.0)


def _char(code: int) -> str:
    if code == 2:
        return "-"  # PDFium marks a hyphen at a line end this way: whether it splits a word is layout's call
    if code < 32 or 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
        return " "
    return chr(code)


def _has_images(page, pdfium_c) -> bool:
    try:
        return any(True for _ in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=3))
    except Exception:
        return False


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def _remove_running_lines(pages: list[Page]) -> None:
    """Remove running headers, footers and page numbers (see the module's docstring)."""
    candidates: list[list[tuple[Line, str]]] = []
    for page in pages:
        by_height = sorted(page.lines, key=lambda line: -line.y)
        chosen = {id(line): line for line in by_height[:2] + by_height[-2:]}
        top, bottom = (by_height[0], by_height[-1]) if by_height else (None, None)
        found = []
        for line in chosen.values():
            edge = "top" if line.y >= (by_height[len(by_height) // 2].y if by_height else 0) else "bottom"
            found.append((line, f"{edge}:{_key(line.text)}"))
        candidates.append(found)
        for line in (top, bottom):
            if line is not None and _PAGE_NUMBER.match(line.text.strip()) and len(page.lines) > 1:
                line.text = ""
    counts: dict[str, int] = {}
    for found in candidates:
        for key in {key for _, key in found}:
            counts[key] = counts.get(key, 0) + 1
    needed = max(2, (len(pages) - 1) / 2)
    for found in candidates:
        for line, key in found:
            if counts[key] >= needed:
                line.text = ""
    for page in pages:
        page.lines = [line for line in page.lines if line.text]


def _paragraphs(pages: list[Page], hyphenated: bool = True) -> tuple[list[str], float]:
    lines = [line for page in pages for line in page.lines]
    if not lines:
        return [], 10.0
    body_size = _mode_size(lines)
    pitch = _line_pitch(pages, body_size)
    char_width = _char_width(lines, body_size)
    document_edges = _edges(lines, body_size)
    edges = {
        index: _edges(page.lines, body_size) if _body_lines(page.lines, body_size) >= MIN_LINES_FOR_PAGE_EDGES
        else document_edges
        for index, page in enumerate(pages)
    }
    columns = {index: _columns(page.lines, body_size) for index, page in enumerate(pages)}
    words = layout.vocabulary([line.text for line in lines])
    groups: list[list[Line]] = []
    current: list[Line] = []
    previous_page_index = None
    for page_index, page in enumerate(pages):
        for line in page.lines:
            if current and _breaks(current[-1], line, _line_edges(current[-1], edges[previous_page_index],
                                                                  columns[previous_page_index]), edges[page_index],
                                   pitch, page_index != previous_page_index, body_size, char_width):
                groups.append(current)
                current = []
            current.append(line)
            previous_page_index = page_index
    if current:
        groups.append(current)
    paragraphs = [layout.join_lines([line.text for line in group], words, drop_hyphen_by_default=hyphenated)
                  for group in groups]
    return [paragraph for paragraph in paragraphs if paragraph], body_size


def _mode_size(lines: list[Line]) -> float:
    weights: dict[float, int] = {}
    for line in lines:
        key = round(line.size, 1)
        weights[key] = weights.get(key, 0) + len(line.text)
    return max(weights, key=weights.get)


def _line_pitch(pages: list[Page], body_size: float) -> float:
    gaps = []
    for page in pages:
        for above, below in zip(page.lines, page.lines[1:]):
            gap = above.y - below.y
            if _same_size(above.size, body_size) and _same_size(below.size, body_size) and 0 < gap < 3 * body_size:
                gaps.append(gap)
    return statistics.median(gaps) if gaps else 1.2 * body_size


def _char_width(lines: list[Line], body_size: float) -> float:
    """The body text's average character width, measured on its longer lines."""
    widths = sorted((line.x1 - line.x0) / len(line.text) for line in lines
                    if _same_size(line.size, body_size) and len(line.text) >= 30 and line.x1 > line.x0)
    return widths[len(widths) // 2] if widths else 0.45 * body_size


def _body_lines(lines: list[Line], body_size: float) -> int:
    return sum(1 for line in lines if _same_size(line.size, body_size))


def _edges(lines: list[Line], body_size: float) -> tuple[float, float]:
    """The left and right edges of the page's body text (the column, for one-column pages)."""
    body = [line for line in lines if _same_size(line.size, body_size)] or lines
    if not body:
        return 0.0, 0.0
    rights = sorted(line.x1 for line in body)
    lefts = sorted(line.x0 for line in body)
    return lefts[len(lefts) // 10], rights[min(len(rights) - 1, int(0.9 * len(rights)))]


def _columns(lines: list[Line], body_size: float) -> list[tuple[float, float]]:
    """The (left, right) edges of each text column of a page set in several; empty for a one-column page.

    Body lines are grouped by where they start (a column's lines start within a few characters of each other;
    columns lie a column's width apart); a group of only a few lines (a caption, a stray indent) is no column.
    """
    body = sorted((line for line in lines if _same_size(line.size, body_size)), key=lambda line: line.x0)
    groups: list[list[Line]] = []
    for line in body:
        if groups and line.x0 - groups[-1][-1].x0 <= 3 * body_size:
            groups[-1].append(line)
        else:
            groups.append([line])
    found = [_edges(group, body_size) for group in groups if len(group) >= MIN_LINES_FOR_PAGE_EDGES // 2]
    return found if len(found) > 1 else []


def _line_edges(line: Line, page_edges: tuple[float, float], columns) -> tuple[float, float]:
    """The edges of the column `line` belongs to: the page's, unless the page has several columns."""
    own = [column for column in columns if column[0] <= line.x0 + 2 * line.size]
    return own[-1] if own else page_edges


def _same_size(a: float, b: float) -> bool:
    return abs(a - b) <= 0.1 * max(a, b, 1.0)


def _breaks(above: Line, below: Line, edges_above, edges_below, pitch: float, new_page: bool,
            body_size: float, char_width: float) -> bool:
    """Whether `below` starts a new paragraph after `above` (see the module's docstring)."""
    if not _same_size(above.size, below.size):
        return True
    if _BULLET.match(below.text) and (below.text[0] in _ROUND_BULLETS or layout.SENTENCE_END.search(above.text)):
        return True  # a dash or a number may also just continue a sentence
    size = below.size
    gap = above.y - below.y
    same_column = not new_page and -0.5 * size < gap < 6 * pitch
    if not _same_size(size, body_size):
        # Headings and captions are often centred or short: only a gap separates two of them.
        return not same_column or gap > 1.6 * size
    room = edges_above[1] - above.x1
    needed = (len(layout.first_word(below.text)) + 1) * char_width * 1.3 + size
    continues = below.text[:1].islower() and not layout.TERMINAL.search(above.text)
    if room > needed and not continues:
        return True  # the next word would have fitted, with room to spare: the line was ended on purpose
    if same_column and gap > 1.35 * pitch:
        return True
    left = below.x0 - (above.x0 if same_column else edges_below[0])
    if left > 1.5 * size and layout.SENTENCE_END.search(above.text):
        return True  # an indented first line
    return False


def _hyphenates(metadata: dict) -> bool:
    """Whether the program that made the PDF may have hyphenated words at line ends.

    Word processors, browsers and Qt do not (unless told to): a hyphen at a line end there is the text's own
    (`long-` / `awaited`). Typesetters (TeX, InDesign) and unknown producers are taken to hyphenate.
    """
    producer = f"{metadata.get('Producer') or ''} {metadata.get('Creator') or ''}".lower()
    return not any(name in producer for name in _NON_HYPHENATING)


_NON_HYPHENATING = (
    "qt ", "qt\t", "microsoft", "libreoffice", "openoffice", "skia", "chrom", "google docs", "reportlab",
    "wkhtmltopdf", "weasyprint",
)


def _metadata(document) -> dict:
    try:
        return document.get_metadata_dict(skip_empty=True)
    except TypeError:
        return document.get_metadata_dict()
    except Exception:
        return {}


def _meaningful(value) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    if not value or _JUNK_METADATA.match(value) or value.lower().startswith("microsoft word - "):
        return None
    return value[:300]


def _title_from_first_lines(pages: list[Page], body_size: float) -> str | None:
    first = next((page.lines for page in pages if page.lines), [])
    if not first:
        return None
    size = first[0].size
    heading = [line.text for line in first[:3] if _same_size(line.size, size)]
    text = " ".join(heading[: 1 if size <= 1.1 * body_size else 3])
    if size > 1.1 * body_size and 0 < len(text.split()) <= 20:
        return text
    return None


def _pdf_date(metadata: dict) -> str | None:
    for key in ("CreationDate", "ModDate"):
        match = re.match(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?", str(metadata.get(key) or ""))
        if match and 1900 < int(match.group(1)) < 2200:
            year, month, day = match.group(1), match.group(2), match.group(3)
            return "-".join(part for part in (year, month, day) if part)
    return None
