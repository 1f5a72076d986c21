"""The rich text of a PDF export: a QTextDocument holding the title, the summary box, the legend, the article and
the glossary appendix, and where each glossary mention ended up on the pages.

`_Builder` fills the document with cursors and formats (the article is inserted as plain text, never parsed as
HTML), places the named destinations that links point to, and, once Qt has laid the document out on pages of a
given height, settles that layout (keeps the glossary heading with its entries, splits paragraphs at page breaks)
and measures each mention's boxes in PDF points for the highlight annotations. Painting the pages is
`pdf_paint`'s job; this module only builds and measures.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desktop import __version__
from desktop.core.model import Document
from desktop.exporters import layout, palette

RESOLUTION = 720  # device pixels per inch of the layout: 10 per point
BODY_POINTS = 10.5
#: Preferred families, widest coverage first; Qt falls back per glyph to other installed fonts anyway.
FONT_FAMILIES = ("Noto Sans", "DejaVu Sans", "Liberation Sans", "Arial", "Helvetica", "Segoe UI")
#: A user property of QTextFormat (see `_Builder._named`); the number is arbitrary within Qt's user range.
_ANCHOR_NAMES_KEY = 0x100000 + 16
#: Characters QTextDocument reserves (frame markers, object replacement): shown as U+FFFD, one for one.
_QT_RESERVED = str.maketrans({"\ufdd0": "\ufffd", "\ufdd1": "\ufffd", "\ufffc": "\ufffd", "\n": " "})


@dataclass(frozen=True)
class _Box:
    """A mention's piece on one line: its page and its rectangle in PDF points (origin at the bottom left)."""

    page: int
    left: float
    bottom: float
    right: float
    top: float


def _px(points: float) -> float:
    """Points in device pixels: the page geometry and the painter's coordinates."""
    return points * RESOLUTION / 72


def _length(points: float) -> float:
    """Points as a QTextDocument length (margins, borders, padding), which Qt takes in 96-dpi pixels and scales to
    the paint device itself."""
    return points * 96 / 72


def _base_font():
    from PySide6.QtGui import QFont, QFontDatabase

    installed = set(QFontDatabase.families())
    family = next((name for name in FONT_FAMILIES if name in installed), None)
    font = QFont(family) if family else QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
    font.setPointSizeF(BODY_POINTS)
    return font


class _Builder:
    """Fills a QTextDocument with cursors and formats (no HTML: the article is inserted as plain text, never parsed)
    and remembers where each glossary mention went."""

    def __init__(self, text_document, document: Document, article: layout.Article, base_font) -> None:
        from PySide6.QtGui import QTextCursor

        self.doc = text_document
        self.document = document
        self.article = article
        self.base_font = base_font
        self.cursor = QTextCursor(text_document)
        self.mention_spans: dict[int, list[int]] = {}  # mention id -> [Qt start, Qt end] while building
        self.bookmarks: list = []  # (title, QTextCursor)
        self._first_block = True

    # formats -------------------------------------------------------------------------------------------------

    def char_format(self, *, points: float | None = None, bold: bool = False, colour: str | None = None,
                    background: str | None = None, italic: bool = False):
        from PySide6.QtGui import QColor, QFont, QTextCharFormat

        fmt = QTextCharFormat()
        font = QFont(self.base_font)
        if points:
            font.setPointSizeF(points)
        if bold:
            font.setWeight(QFont.Weight.Bold)
        font.setItalic(italic)
        fmt.setFont(font)
        fmt.setForeground(QColor(colour or palette.TEXT))
        if background:
            fmt.setBackground(QColor(background))
        return fmt

    def block_format(self, *, top: float = 0, bottom: float = 0, indent_points: float = 0, page_break: bool = False,
                     line_height: float = 125):
        from PySide6.QtGui import QTextBlockFormat, QTextFormat

        fmt = QTextBlockFormat()
        fmt.setTopMargin(_length(top))
        fmt.setBottomMargin(_length(bottom))
        fmt.setLeftMargin(_length(indent_points))
        fmt.setLineHeight(line_height, 1)  # QTextBlockFormat.ProportionalHeight
        if page_break:
            fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        return fmt

    def new_block(self, block_format, char_format=None) -> None:
        if self._first_block:
            self.cursor.setBlockFormat(block_format)
            if char_format is not None:
                self.cursor.setBlockCharFormat(char_format)
            self._first_block = False
        else:
            self.cursor.insertBlock(block_format, char_format) if char_format is not None else self.cursor.insertBlock(
                block_format
            )

    def text(self, text: str, fmt) -> None:
        self.cursor.insertText(text.translate(_QT_RESERVED), fmt)

    # content -------------------------------------------------------------------------------------------------

    def build(self, title: str, source: str | None) -> None:
        self.cursor.beginEditBlock()  # one layout at the end instead of one per insertion
        try:
            self._build(title, source)
        finally:
            self.cursor.endEditBlock()

    def _build(self, title: str, source: str | None) -> None:
        document = self.document
        self._plan_anchors()
        self.new_block(self.block_format(bottom=4, line_height=110))
        self.bookmarks.append(("Summary", self._cursor_at(self.cursor.position())))
        self.text(title, self.char_format(points=19, bold=True))
        self.new_block(self.block_format(bottom=10))
        details = [f"Source: {source}"] if source else []
        details += [
            f"{document.word_count:,} words",
            f"summary: {layout.summary_description(document)}",
            f"{len(document.glossary)} glossary entries",
            f"exported {datetime.now().date().isoformat()} by Précis {__version__}",
        ]
        self.text(" · ".join(details), self.char_format(points=8.5, colour=palette.MUTED))
        for warning in document.warnings:
            self.new_block(self.block_format(bottom=6))
            self.text(f"Warning: {layout.squash(warning)}", self.char_format(points=9, colour="#8a5a00"))
        self._summary_box()
        self._legend()
        self._article()
        if document.glossary:
            self._glossary()

    def _summary_box(self) -> None:
        from PySide6.QtGui import QBrush, QColor, QTextFrameFormat, QTextListFormat

        frame_format = QTextFrameFormat()
        frame_format.setBorder(_length(0.8))
        frame_format.setBorderBrush(QBrush(QColor(palette.SUMMARY_BORDER)))
        frame_format.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
        frame_format.setBackground(QColor(palette.SUMMARY.colour))
        frame_format.setPadding(_length(9))
        frame_format.setTopMargin(_length(6))
        frame_format.setBottomMargin(_length(10))
        self.cursor.insertFrame(frame_format)
        self.cursor.setBlockFormat(self.block_format(bottom=4))
        self.text("Summary", self.char_format(points=12, bold=True))
        list_format = QTextListFormat()
        list_format.setStyle(QTextListFormat.Style.ListDecimal)
        list_format.setIndent(1)
        text_list = None
        for rank, sentence in enumerate(self.document.summary_texts()):
            self.cursor.insertBlock(self.block_format(bottom=3), self.char_format())  # the number is not bold
            if text_list is None:
                text_list = self.cursor.createList(list_format)
            else:
                text_list.add(self.cursor.block())
            fmt = self.char_format()
            if f"summary-sentence-{rank + 1}" in self.placed:
                fmt.setAnchor(True)
                fmt.setAnchorHref(f"#summary-sentence-{rank + 1}")
            self.text(layout.squash(sentence), fmt)
        self.cursor = self.doc.rootFrame().lastCursorPosition()

    def _legend(self) -> None:
        self.new_block(self.block_format(top=2, bottom=8, line_height=150))
        small = 8.5
        self.text("Highlights:  ", self.char_format(points=small, colour=palette.MUTED))
        for swatch in palette.legend(self.article.labels):
            self.text(_unbreakable(swatch.name), self.char_format(points=small, background=swatch.colour))
            self.text("  ", self.char_format(points=small))
        self.text(_unbreakable(palette.SUMMARY.name), self.char_format(points=small, background=palette.SUMMARY.colour))
        self.text("  ", self.char_format(points=small))
        fmt = self._mention_format(points=small)
        self.text("Glossary term", fmt)
        self.text(
            ": point at it for its definition, click for its entry",
            self.char_format(points=small, colour=palette.MUTED),
        )

    def _mention_format(self, *, points: float | None = None, href: str | None = None):
        from PySide6.QtGui import QColor, QTextCharFormat

        fmt = self.char_format(points=points)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setUnderlineColor(QColor(palette.GLOSSARY_UNDERLINE))
        if href:
            fmt.setAnchor(True)
            fmt.setAnchorHref(href)
        return fmt

    def _plan_anchors(self) -> None:
        """Where each named destination goes: the first run of a summary sentence or of a glossary mention.

        Qt's PDF writer keeps one name per character and drops the names of text that is also a link. So each
        name gets a character of its own, and a name meant for a mention goes on the last character before it
        (the space, on the same line), else on the text just after it; a name with no room is left out, and
        nothing links to it.
        """
        self.heads: dict[tuple[int, int], list[str]] = {}  # (block, run) -> names on its first characters
        self.tails: dict[tuple[int, int], list[str]] = {}  # (block, run) -> names on its last characters
        self.placed: set[str] = set()

        def room(key, run) -> int:
            return (run.end - run.start) - len(self.heads.get(key, ())) - len(self.tails.get(key, ()))

        for number, block in enumerate(self.article.blocks):
            runs = block.runs
            for index, run in enumerate(runs):
                wanted = []
                if run.summary is not None and (index == 0 or runs[index - 1].summary != run.summary):
                    wanted.append(f"summary-sentence-{run.summary + 1}")
                if run.mention is not None:
                    wanted.append(f"mention-{run.mention}")
                for name in wanted:
                    if name in self.placed:
                        continue
                    if run.mention is None and room((number, index), run) > 0:
                        self.heads.setdefault((number, index), []).append(name)
                    elif index and runs[index - 1].mention is None and room((number, index - 1), runs[index - 1]):
                        self.tails.setdefault((number, index - 1), []).insert(0, name)
                    else:
                        after = next(
                            (i for i in range(index + 1, len(runs))
                             if runs[i].mention is None and room((number, i), runs[i]) > 0),
                            None,
                        )
                        if after is None:
                            continue
                        self.heads.setdefault((number, after), []).append(name)
                    self.placed.add(name)

    def _article(self) -> None:
        text = self.document.text
        self.new_block(self.block_format(top=6, bottom=6))
        self.bookmarks.append(("Article", self._cursor_at(self.cursor.position())))
        self.text("Article", self.char_format(points=13, bold=True))
        for number, block in enumerate(self.article.blocks):
            top = 0 if not block.new_paragraph else 2
            self.new_block(self.block_format(top=top, bottom=5, line_height=135))
            for index, run in enumerate(block.runs):
                start = self.cursor.position()
                content = text[run.start:run.end]
                heads = self.heads.get((number, index), [])
                tails = self.tails.get((number, index), [])
                # one character per name at the start and at the end, the rest plain
                pieces = [(content[i], [name]) for i, name in enumerate(heads)]
                middle = content[len(heads):len(content) - len(tails)]
                if middle:
                    pieces.append((middle, []))
                pieces += [(content[len(content) - len(tails) + i], [name]) for i, name in enumerate(tails)]
                for piece, names in pieces:
                    self.text(piece, self._named(self._run_format(run, block.heading), names))
                if run.mention is not None:
                    span = self.mention_spans.setdefault(run.mention, [start, self.cursor.position()])
                    span[0], span[1] = min(span[0], start), max(span[1], self.cursor.position())

    @staticmethod
    def _named(fmt, names: list[str]):
        """Give `fmt` anchor names. Qt's format table hashes no string list, so formats that differ only in their
        names all collide and each insertion compared itself with every earlier one (2,600 mentions: 9 s); the
        same names as one string, in a property Qt ignores, make the hashes differ."""
        if names:
            fmt.setAnchor(True)
            fmt.setAnchorNames(names)
            fmt.setProperty(_ANCHOR_NAMES_KEY, " ".join(names))
        return fmt

    def _run_format(self, run: layout.Run, heading: bool):
        if run.mention is not None:
            mention = self.article.mentions[run.mention]
            fmt = self._mention_format(href=f"#gloss-{mention.entry}")
            if run.summary is not None:
                from PySide6.QtGui import QColor

                fmt.setBackground(QColor(palette.SUMMARY.colour))
        else:
            background = palette.background(run.label) if run.label else None
            if background is None and run.summary is not None:
                background = palette.SUMMARY.colour
            fmt = self.char_format(background=background)
        if heading:
            from PySide6.QtGui import QFont

            font = fmt.font()
            font.setWeight(QFont.Weight.Bold)
            fmt.setFont(font)
        return fmt

    def _glossary(self) -> None:
        document = self.document
        self.new_block(self.block_format(top=18, bottom=6))  # a page break only where needed (see keep_heading)
        self.glossary_heading = self._cursor_at(self.cursor.position())
        self.bookmarks.append(("Glossary", self._cursor_at(self.cursor.position())))
        heading = self.char_format(points=13, bold=True)
        heading.setAnchor(True)
        heading.setAnchorNames(["glossary"])
        self.text("Glossary", heading)
        self.new_block(self.block_format(bottom=6))
        self.text(
            "Acronyms and organisations of the article, with where each meaning came from.",
            self.char_format(points=9, colour=palette.MUTED),
        )
        first_mention: dict[int, layout.MentionRef] = {}
        for mention in self.article.mentions:
            first_mention.setdefault(mention.entry, mention)
        for index in sorted(range(len(document.glossary)), key=lambda i: document.glossary[i].term.casefold()):
            entry = document.glossary[index]
            self.new_block(self.block_format(top=7, bottom=1))
            colour = palette.background(first_mention[index].label) if index in first_mention else None
            term = self.char_format(points=11, bold=True, background=colour)  # the colour of its highlights
            term.setAnchor(True)
            term.setAnchorNames([f"gloss-{index}"])
            self.text(entry.term, term)
            kind = layout.KIND_NAMES.get(entry.kind, entry.kind)
            self.text(f"   {kind}", self.char_format(points=8.5, colour=palette.MUTED))
            if layout.has_expansion(entry):
                self.new_block(self.block_format(indent_points=14, bottom=1))
                self.text(layout.squash(entry.expansion), self.char_format(italic=True))
            if entry.description:
                self.new_block(self.block_format(indent_points=14, bottom=1))
                self.text(layout.squash(entry.description), self.char_format(points=9.5))
            self.new_block(self.block_format(indent_points=14, bottom=1))
            count = len(entry.mentions)
            origin = entry.origin
            meta = f"Source: {origin} · {count} mention{'s' * (count != 1)}"
            self.text(meta, self.char_format(points=8.5, colour=palette.MUTED))
            if index in first_mention and f"mention-{first_mention[index].id}" in self.placed:
                self.text(" · ", self.char_format(points=8.5, colour=palette.MUTED))
                back = self.char_format(points=8.5, colour=palette.LINK)
                back.setAnchor(True)
                back.setAnchorHref(f"#mention-{first_mention[index].id}")
                self.text("first mention", back)
            if entry.alternatives:
                self.new_block(self.block_format(indent_points=14, bottom=1))
                self.text(layout.alternatives_line(entry), self.char_format(points=8.5, colour=palette.MUTED))

    # geometry ------------------------------------------------------------------------------------------------

    def _cursor_at(self, position: int):
        """A cursor that keeps pointing at the same character when blocks are split before it."""
        from PySide6.QtGui import QTextCursor

        cursor = QTextCursor(self.doc)
        cursor.setPosition(position)
        return cursor

    def keep_glossary_heading_with_entries(self, page_height: float, room_points: float = 90) -> None:
        """Start the glossary on a new page only when its heading would otherwise end a page alone."""
        from PySide6.QtGui import QTextFormat

        heading = getattr(self, "glossary_heading", None)
        if heading is None:
            return
        top = self.block_top(heading.position())
        if page_height - top % page_height < _px(room_points):
            block_format = heading.block().blockFormat()
            block_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            heading.setBlockFormat(block_format)

    def split_paragraphs_at_page_breaks(self, page_height: float) -> bool:
        """Split every paragraph that runs over a page break into two blocks, one on each page; True if any was.

        Qt's QTextLayout.draw, asked for one page, also paints the last line of a paragraph that lies wholly above
        the page (an off-by-one in its clipping loop): invisible, but in the page's text, so that line would be
        found, selected and extracted twice. A paragraph kept within one page never has such a line.
        """
        from PySide6.QtGui import QTextFormat

        if not hasattr(self, "_mention_cursors"):
            self._mention_cursors = {
                mention: (self._cursor_at(start), self._cursor_at(end))
                for mention, (start, end) in self.mention_spans.items()
            }
        document_layout = self.doc.documentLayout()
        splits = []
        block = self.doc.begin()
        while block.isValid():
            text_layout = block.layout()
            if text_layout.lineCount() > 1:
                top = document_layout.blockBoundingRect(block).top()
                first_page = int((top + text_layout.lineAt(0).y()) // page_height)
                for number in range(1, text_layout.lineCount()):
                    line = text_layout.lineAt(number)
                    if int((top + line.y()) // page_height) != first_page:
                        splits.append(block.position() + line.textStart())
                        break
            block = block.next()
        cursor = self._cursor_at(0)
        cursor.beginEditBlock()
        for position in reversed(splits):  # from the end, so that the earlier positions stay valid
            cursor.setPosition(position)
            block_format = cursor.block().blockFormat()
            block_format.setTopMargin(0)
            block_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_Auto)
            cursor.insertBlock(block_format, cursor.charFormat())
            text_list = cursor.block().textList()
            if text_list is not None:  # the rest of a summary item is not a new item
                text_list.remove(cursor.block())
        cursor.endEditBlock()
        return bool(splits)

    def block_top(self, position: int) -> float:
        block = self.doc.findBlock(position)
        return self.doc.documentLayout().blockBoundingRect(block).top()

    def mention_boxes(self, page_height: float, page_height_points: float, origin_x: float, origin_y: float):
        """Each mention's pieces, one per line it occupies, in PDF points on its page."""
        scale = 72 / RESOLUTION
        document_layout = self.doc.documentLayout()
        result: dict[int, list[_Box]] = {}
        spans = getattr(self, "_mention_cursors", None)
        if spans is None:
            spans = {m: (self._cursor_at(a), self._cursor_at(b)) for m, (a, b) in self.mention_spans.items()}
        for mention_id, (start_cursor, end_cursor) in spans.items():
            start, end = start_cursor.position(), end_cursor.position()
            boxes: list[_Box] = []
            block = self.doc.findBlock(start)
            while block.isValid() and block.position() < end:
                text_layout = block.layout()
                block_rect = document_layout.blockBoundingRect(block)
                for number in range(text_layout.lineCount()):
                    line = text_layout.lineAt(number)
                    line_start = block.position() + line.textStart()
                    piece_start = max(start, line_start)
                    piece_end = min(end, line_start + line.textLength())
                    if piece_start >= piece_end:
                        continue
                    x0 = _x(line.cursorToX(piece_start - block.position()))
                    x1 = _x(line.cursorToX(piece_end - block.position()))
                    top = block_rect.top() + line.y()
                    page = int(top // page_height)
                    top_in_page = top - page * page_height
                    boxes.append(_Box(
                        page=page,
                        left=origin_x + (block_rect.left() + min(x0, x1)) * scale,
                        right=origin_x + (block_rect.left() + max(x0, x1)) * scale,
                        top=page_height_points - origin_y - top_in_page * scale,
                        bottom=page_height_points - origin_y - (top_in_page + line.height()) * scale,
                    ))
                block = block.next()
            result[mention_id] = boxes
        return result


def _unbreakable(name: str) -> str:
    """A legend swatch: its name padded and never broken across lines."""
    return "\u00a0" + name.replace(" ", "\u00a0") + "\u00a0"


def _x(value) -> float:
    """QTextLine.cursorToX gives (x, position) in PySide6."""
    return float(value[0] if isinstance(value, tuple) else value)


