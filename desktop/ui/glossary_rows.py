"""How one glossary entry is drawn in the panel's list: two lines of equal height, the meaning first.

Line one: the term in bold, its kind and mention count, and a short source tag on the right (yours, learned,
this article, built-in). Line two: the meaning, the one thing a reader came for, given the whole width. Every
string is painted as plain text, so markup in an article or a user's definition is shown, never interpreted.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop.core.model import GlossaryEntry

#: Data roles on each item (column 0) that the delegate paints from.
MEANING_ROLE = Qt.ItemDataRole.UserRole + 1
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 2  # "acronym · 3 mentions"
TAG_ROLE = Qt.ItemDataRole.UserRole + 3
KNOWN_ROLE = Qt.ItemDataRole.UserRole + 4  # False: the meaning line is a guess or "unknown", drawn muted

def source_tag(entry: GlossaryEntry) -> str:
    """Where the meaning came from, in one short word or two: yours, learned, this article, built-in."""
    if not entry.meaning:
        return "unknown"
    if entry.source == "user":
        return "learned" if entry.learned_from is not None else "yours"
    return {"text": "this article", "bundled": "built-in"}.get(entry.source, entry.source)


def meaning_line(entry: GlossaryEntry) -> str:
    """The second line: the meaning, else the likeliest candidate marked as a guess, else a plain 'unknown'."""
    if entry.meaning:
        return entry.meaning
    if entry.alternatives:
        return f"possibly {entry.alternatives[0].expansion}?"
    return "meaning unknown: Define… explains it"


def detail_line(entry: GlossaryEntry) -> str:
    count = len(entry.mentions)
    return f"{entry.kind} · {count} mention{'s' if count != 1 else ''}"


class GlossaryRowDelegate(QStyledItemDelegate):
    """Paints the two-line rows; every row has the same height, whatever the length of its texts."""

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 - Qt API
        metrics = QFontMetrics(option.font)
        return QSize(200, metrics.lineSpacing() * 2 + 10)

    def paint(self, painter, option, index) -> None:
        options = QStyleOptionViewItem(option)
        self.initStyleOption(options, index)
        options.text = ""  # the background, selection and focus frame only; the texts are drawn below
        style = options.widget.style() if options.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, options, painter, options.widget)

        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        text_colour = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted = QColor(text_colour)
        muted.setAlphaF(0.7)
        rect = option.rect.adjusted(6, 4, -6, -4)
        metrics = QFontMetrics(option.font)
        line = metrics.lineSpacing()
        painter.save()

        tag = str(index.data(TAG_ROLE) or "")
        small = QFont(option.font)
        small.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.85))
        small_metrics = QFontMetrics(small)
        tag_width = small_metrics.horizontalAdvance(tag) + 12 if tag else 0
        if tag:
            chip = QRect(rect.right() - tag_width, rect.top() + 1, tag_width, line - 2)
            chip_colour = QColor(text_colour)
            chip_colour.setAlphaF(0.12)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(chip_colour)
            painter.drawRoundedRect(chip, 6, 6)
            painter.setFont(small)
            painter.setPen(muted)
            painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, tag)

        bold = QFont(option.font)
        bold.setBold(True)
        bold_metrics = QFontMetrics(bold)
        first = QRect(rect.left(), rect.top(), rect.width() - tag_width - 8, line)
        term = bold_metrics.elidedText(str(index.data(Qt.ItemDataRole.DisplayRole) or ""),
                                       Qt.TextElideMode.ElideRight, first.width())
        painter.setFont(bold)
        painter.setPen(text_colour)
        painter.drawText(first, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, term)
        after = bold_metrics.horizontalAdvance(term) + 10
        detail = QRect(first.left() + after, first.top(), max(0, first.width() - after), line)
        painter.setFont(small)
        painter.setPen(muted)
        painter.drawText(detail, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         small_metrics.elidedText(str(index.data(DETAIL_ROLE) or ""), Qt.TextElideMode.ElideRight,
                                                  detail.width()))

        second = QRect(rect.left(), rect.top() + line, rect.width(), line)
        known = bool(index.data(KNOWN_ROLE))
        font = QFont(option.font)
        font.setItalic(not known)
        painter.setFont(font)
        painter.setPen(text_colour if known else muted)
        meaning = QFontMetrics(font).elidedText(str(index.data(MEANING_ROLE) or ""), Qt.TextElideMode.ElideRight,
                                                second.width())
        painter.drawText(second, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, meaning)
        painter.restore()
