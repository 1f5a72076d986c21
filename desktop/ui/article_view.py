"""The article, with entities in colour, summary sentences marked and glossary terms underlined.

Offsets in a Document count code points; Qt counts UTF-16 units, so every position is converted (text outside
the Basic Multilingual Plane, such as many emoji, takes two units in Qt). The text is set as plain text, so
markup inside an article is shown literally, never interpreted.
"""

from __future__ import annotations

import bisect
import html
from typing import Optional, Sequence

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextBrowser, QTextEdit

from desktop.core.model import Document, GlossaryEntry, Mention
from desktop.ui import colors

#: A QTextFormat user property set on the extra selection of the current mention.
CURRENT_MARK = QTextCharFormat.Property.UserProperty + 1


def source_label(entry: GlossaryEntry) -> str:
    """Where a meaning came from, as a label: "Defined in this article", "Your own glossary", ..."""
    return entry.origin[:1].upper() + entry.origin[1:]


def plain_tooltip(text: str) -> str:
    """A tooltip that shows `text` literally. Qt guesses whether a tooltip is rich text and would render an
    `<img src=...>` from an article or a definition; escaping inside an explicit rich-text wrapper rules that out."""
    return f"<qt>{html.escape(text).replace(chr(10), '<br>')}</qt>" if text else ""


def possible_meanings(entry: GlossaryEntry, limit: int = 3) -> str:
    """The glossary's candidates for an acronym none of which fits the article well enough to be asserted."""
    return ", ".join(a.expansion for a in entry.alternatives[:limit])


class Utf16Positions:
    """Convert code-point offsets of one text into the UTF-16 positions Qt uses."""

    def __init__(self, text: str) -> None:
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]

    def __call__(self, index: int) -> int:
        return index + bisect.bisect_left(self._astral, index)


def tooltip_html(entry: GlossaryEntry) -> str:
    """What hovering a glossary term shows: the expansion, a one-line description, and where it came from."""
    meaning = html.escape(entry.meaning) if entry.meaning else "<i>No meaning known yet: define it in the glossary.</i>"
    if not entry.meaning and entry.alternatives:
        meaning = "<i>no meaning fits this article for certain</i>"
    parts = [f"<b>{html.escape(entry.term)}</b> — {meaning}"]
    if entry.description and entry.description != entry.meaning:
        parts.append(html.escape(entry.description))
    if not entry.meaning and entry.alternatives:
        parts.append(f"Possibly: {html.escape(possible_meanings(entry))}")
    parts.append(f"<i>{source_label(entry)}</i>")
    return "<br>".join(parts)


class ArticleView(QTextBrowser):
    """Read-only article view (editable on request); emits the glossary entry a click lands on."""

    glossary_clicked = Signal(int)
    edited = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAccessibleName("Article")
        self.setPlaceholderText("Paste an article (Ctrl+V), drop a file here, or use File › Open.")
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 11.5))
        self.setFont(font)
        self.anchorClicked.connect(self._on_anchor)
        self.textChanged.connect(self._on_text_changed)
        self._applying = False
        self._document: Optional[Document] = None
        self._positions = Utf16Positions("")
        self.visible_types: set[str] = set(colors.DEFAULT_TYPES)

    # -- content -------------------------------------------------------------------------------------------

    def show_document(self, document: Document, dark: bool) -> None:
        self._document = document
        self._positions = Utf16Positions(document.text)
        self._applying = True
        try:
            if self.toPlainText() != document.text:
                scroll = self.verticalScrollBar().value()
                self.setPlainText(document.text)
                self.verticalScrollBar().setValue(scroll)
            self._apply_formats(document, dark)
        finally:
            self._applying = False

    def refresh(self, dark: bool) -> None:
        if self._document is not None:
            self.show_document(self._document, dark)

    def _apply_formats(self, document: Document, dark: bool) -> None:
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.setCharFormat(QTextCharFormat())
        summary_colour = QColor(colors.SUMMARY_DARK if dark else colors.SUMMARY_LIGHT)
        for index in document.summary.sentences:
            sentence = document.sentences[index]
            fmt = QTextCharFormat()
            fmt.setBackground(summary_colour)
            self._merge(cursor, sentence.start, sentence.end, fmt)
        if "ACRONYM" in self.visible_types:  # before the entities, which win where both apply (as in the PDF)
            acronym = QTextCharFormat()
            acronym.setBackground(colors.entity_colour("ACRONYM", dark))
            for entry in document.glossary:
                if entry.kind == "acronym":
                    for mention in entry.mentions:
                        self._merge(cursor, mention.start, mention.end, acronym)
        for entity in document.entities:
            colour = colors.entity_colour(entity.label, dark)
            if colour is None or entity.label not in self.visible_types or entity.label == "ACRONYM":
                continue
            fmt = QTextCharFormat()
            fmt.setBackground(colour)
            fmt.setToolTip(plain_tooltip(f"{entity.text} — {colors.LEGEND[entity.label][2]}"))
            self._merge(cursor, entity.start, entity.end, fmt)
        for number, entry in enumerate(document.glossary):
            fmt = QTextCharFormat()
            fmt.setAnchor(True)
            fmt.setAnchorHref(f"gloss:{number}")
            fmt.setFontUnderline(True)
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            fmt.setToolTip(tooltip_html(entry))
            for mention in entry.mentions:
                self._merge(cursor, mention.start, mention.end, fmt)
        cursor.endEditBlock()

    def _merge(self, cursor: QTextCursor, start: int, end: int, fmt: QTextCharFormat) -> None:
        cursor.setPosition(self._positions(start))
        cursor.setPosition(self._positions(end), QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(fmt)

    # -- marking and scrolling -----------------------------------------------------------------------------

    def mark(self, spans: Sequence[Mention], dark: bool, focus: int = 0) -> None:
        """Mark every span (all mentions of a term, or one sentence) and scroll to span number `focus`."""
        selections = []
        current = max(0, min(focus, len(spans) - 1))
        for number, span in enumerate(spans):
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(self._positions(span.start))
            cursor.setPosition(self._positions(span.end), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            if number == current and len(spans) > 1:  # the mention F3 landed on stands out from the others
                selection.format.setBackground(QColor(colors.CURRENT_DARK if dark else colors.CURRENT_LIGHT))
                selection.format.setForeground(QColor("#ffffff"))
                selection.format.setProperty(CURRENT_MARK, True)
            else:
                selection.format.setBackground(QColor(colors.MARK_DARK if dark else colors.MARK_LIGHT))
                selection.format.setForeground(QColor("#ffffff"))
            selection.format.setFontWeight(QFont.Weight.Bold)
            selections.append(selection)
        self.setExtraSelections(selections)
        if spans:
            span = spans[max(0, min(focus, len(spans) - 1))]
            cursor = QTextCursor(self.document())
            cursor.setPosition(self._positions(span.end))
            self.setTextCursor(cursor)
            cursor.setPosition(self._positions(span.start))
            self.setTextCursor(cursor)
            self.ensureCursorVisible()
            # then bring it to the middle, with context around it, rather than leaving it on the edge
            offset = self.cursorRect(cursor).center().y() - self.viewport().height() // 2
            bar = self.verticalScrollBar()
            bar.setValue(max(bar.minimum(), min(bar.maximum(), bar.value() + offset)))

    def marked_texts(self) -> list[str]:
        return [s.cursor.selectedText() for s in self.extraSelections()]

    def current_mark(self) -> Optional[tuple[int, str]]:
        """(Qt position, text) of the mention marked as current, if several are marked."""
        for selection in self.extraSelections():
            if selection.format.property(CURRENT_MARK):
                return selection.cursor.selectionStart(), selection.cursor.selectedText()
        return None

    def tooltip_at(self, index: int) -> str:
        """The tooltip Qt shows when the pointer rests on code point `index` of the article."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._positions(index) + 1)
        return cursor.charFormat().toolTip()

    def anchor_at(self, index: int) -> str:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._positions(index) + 1)
        return cursor.charFormat().anchorHref()

    def viewport_point_of(self, index: int):
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._positions(index))
        rect = self.cursorRect(cursor)
        return rect.center()

    # -- editing ---------------------------------------------------------------------------------------------

    def set_editable(self, editable: bool) -> None:
        self.setReadOnly(not editable)
        self.setUndoRedoEnabled(editable)

    def _on_text_changed(self) -> None:
        if not self._applying and not self.isReadOnly():
            self.edited.emit()

    def _on_anchor(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith("gloss:"):
            self.glossary_clicked.emit(int(text.split(":", 1)[1]))

    def setSource(self, name, type=None):  # noqa: N802 - Qt API: never navigate away from the article
        return
