"""Every acronym and organisation of the article: filter, browse mentions, choose a meaning, define your own.

The list gives each entry two lines, meaning first (see `glossary_rows`); the pane under it gives the selected
entry in full. Text from articles and definitions is escaped wherever Qt could read it as markup.
"""

from __future__ import annotations

import html
from typing import Optional

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QFrame, QHBoxLayout, QLabel, QLineEdit, QMenu, QPlainTextEdit,
    QPushButton, QScrollArea, QSizePolicy, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from desktop.core.model import Document, GlossaryEntry
from desktop.ui.article_view import plain_tooltip, source_label
from desktop.ui.glossary_rows import (
    DETAIL_ROLE, KNOWN_ROLE, MEANING_ROLE, TAG_ROLE, GlossaryRowDelegate, detail_line, meaning_line, source_tag,
)


class GlossaryPanel(QWidget):
    entry_selected = Signal(int)  # index into Document.glossary
    navigate = Signal(int)  # -1 previous mention, +1 next
    define_requested = Signal(str, str, str, str)  # term, expansion, description, kind
    forget_requested = Signal(str)  # term: remove the user's and the learned entry for it

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filter the glossary…")
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName("Glossary filter")
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Glossary")
        self.tree.setHeaderHidden(True)
        self.tree.setColumnCount(1)
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setItemDelegate(GlossaryRowDelegate(self.tree))
        self.tree.setSortingEnabled(True)
        self.tree.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)  # built from escaped parts only (see _show_entry)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.details.setAccessibleName("Glossary entry details")
        self.meanings = QComboBox()
        self.meanings.setAccessibleName("Other meanings")
        self.use_meaning = QPushButton("Use this meaning")
        self.previous = QPushButton("◀ Previous")
        self.previous.setToolTip("Previous mention (Shift+F3)")
        self.next = QPushButton("Next ▶")
        self.next.setToolTip("Next mention (F3)")
        self.define = QPushButton("Define…")
        self.define.setToolTip("Define or correct this entry in your own glossary")

        navigation = QHBoxLayout()
        navigation.addWidget(self.previous)
        navigation.addWidget(self.next)
        navigation.addStretch(1)
        navigation.addWidget(self.define)
        alternatives = QHBoxLayout()
        alternatives.addWidget(self.meanings, 1)
        alternatives.addWidget(self.use_meaning)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("<b>Glossary</b>"))
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, 1)
        details_box = QScrollArea()  # a long description scrolls here instead of squeezing the list
        details_box.setWidget(self.details)
        details_box.setWidgetResizable(True)
        details_box.setFrameShape(QFrame.Shape.NoFrame)
        details_box.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._details_max = self.fontMetrics().lineSpacing() * 5 + 8
        details_box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)  # the list gets the rest
        self._details_box = details_box
        layout.addWidget(details_box)
        layout.addLayout(alternatives)
        layout.addLayout(navigation)

        self.filter.textChanged.connect(self._apply_filter)
        self.tree.currentItemChanged.connect(self._current_changed)
        self.previous.clicked.connect(lambda: self.navigate.emit(-1))
        self.next.clicked.connect(lambda: self.navigate.emit(+1))
        self.define.clicked.connect(self._define)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.use_meaning.clicked.connect(self._use_meaning)
        self._entries: tuple[GlossaryEntry, ...] = ()
        self._show_entry(None)

    def show_document(self, document: Document) -> None:
        selected = self.current_term()
        self._entries = document.glossary
        self.tree.blockSignals(True)
        self.tree.setSortingEnabled(False)
        self.tree.clear()
        for number, entry in enumerate(document.glossary):
            item = QTreeWidgetItem([entry.term])
            item.setData(0, Qt.ItemDataRole.UserRole, number)
            item.setData(0, MEANING_ROLE, meaning_line(entry))
            item.setData(0, DETAIL_ROLE, detail_line(entry))
            item.setData(0, TAG_ROLE, source_tag(entry))
            item.setData(0, KNOWN_ROLE, bool(entry.meaning))
            item.setToolTip(0, plain_tooltip(_tooltip_text(entry)))
            self.tree.addTopLevelItem(item)
        self.tree.setSortingEnabled(True)
        self.tree.blockSignals(False)
        self._apply_filter(self.filter.text())
        if selected:
            self.select_term(selected, emit=False)
        else:
            self._show_entry(None)

    def current_index(self) -> Optional[int]:
        item = self.tree.currentItem()
        return None if item is None else int(item.data(0, Qt.ItemDataRole.UserRole))

    def current_term(self) -> Optional[str]:
        index = self.current_index()
        return self._entries[index].term if index is not None and index < len(self._entries) else None

    def select_index(self, index: int, emit: bool = True) -> None:
        for row in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(row)
            if int(item.data(0, Qt.ItemDataRole.UserRole)) == index:
                self.tree.blockSignals(not emit)
                self.tree.setCurrentItem(item)
                self.tree.blockSignals(False)
                self._show_entry(self._entries[index])
                self.tree.scrollToItem(item)
                return

    def select_term(self, term: str, emit: bool = True) -> None:
        for number, entry in enumerate(self._entries):
            if entry.term == term:
                self.select_index(number, emit)
                return

    def visible_terms(self) -> list[str]:
        return [self.tree.topLevelItem(r).text(0) for r in range(self.tree.topLevelItemCount())
                if not self.tree.topLevelItem(r).isHidden()]

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for row in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(row)
            haystack = f"{item.text(0)} {item.data(0, MEANING_ROLE)}".casefold()
            item.setHidden(bool(needle) and needle not in haystack)

    def _current_changed(self, current, _previous) -> None:
        if current is None:
            self._show_entry(None)
            return
        index = int(current.data(0, Qt.ItemDataRole.UserRole))
        self._show_entry(self._entries[index])
        self.entry_selected.emit(index)

    def _show_entry(self, entry: Optional[GlossaryEntry]) -> None:
        has = entry is not None
        for widget in (self.previous, self.next, self.define):
            widget.setEnabled(has)
        self.meanings.clear()
        if not has:
            self.details.setText("<i>Select an entry, or click an underlined term in the article.</i>")
            self._fit_details()
            self.meanings.setVisible(False)
            self.use_meaning.setVisible(False)
            return
        text = f"<b>{html.escape(entry.term)}</b>"
        if entry.expansion and entry.expansion.casefold() != entry.term.casefold():  # not "Dawn — Dawn"
            text += f" — {html.escape(entry.expansion)}"
        elif not entry.meaning:
            text += " — <i>unknown</i>"  # an organisation explained by its description has no expansion to show
        if entry.description:
            text += f"<br>{html.escape(entry.description)}"
        if entry.meaning:
            text += f"<br><i>{html.escape(source_label(entry))}, confidence {entry.confidence:.0%}</i>"
        elif entry.alternatives:
            text += "<br><i>Found in this article; no meaning fits it for certain. Possible meanings:</i>"
        else:
            text += "<br><i>Found in this article; no glossary knows it. Define it to explain it everywhere.</i>"
        self.details.setText(text)
        self._fit_details()
        for alternative in entry.alternatives:
            self.meanings.addItem(f"{alternative.expansion} ({alternative.confidence:.0%})", alternative.expansion)
        self.meanings.setVisible(bool(entry.alternatives))
        self.use_meaning.setVisible(bool(entry.alternatives))

    def _fit_details(self) -> None:
        """As tall as the entry's text needs (up to the box's maximum), so the list keeps every spare line."""
        width = max(100, self._details_box.viewport().width())
        self._details_box.setFixedHeight(min(self._details_max, self.details.heightForWidth(width) + 4))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._fit_details()

    def _use_meaning(self) -> None:
        entry = self._current_entry()
        expansion = self.meanings.currentData()
        if entry is not None and expansion:
            self.define_requested.emit(entry.term, expansion, "", entry.kind)

    def _context_menu(self, position) -> None:
        """Right-click on an entry: define or edit it, or forget what your glossary holds for it."""
        entry = self._current_entry()
        if entry is None:
            return
        menu = QMenu(self)
        menu.addAction("Edit meaning…" if entry.source == "user" else "Define…", self._define)
        forget = menu.addAction(forget_label(entry), self.request_forget)
        forget.setEnabled(entry.source == "user")
        menu.popup(self.tree.viewport().mapToGlobal(position))

    def request_define(self) -> None:
        """Open the Define dialog for the selected entry (the Edit menu's "Define or edit glossary entry…")."""
        self._define()

    def request_forget(self) -> None:
        """Ask to forget the selected entry's meaning from your glossary (yours or learned); nothing otherwise."""
        entry = self._current_entry()
        if entry is not None and entry.source == "user":
            self.forget_requested.emit(entry.term)

    def _current_entry(self) -> Optional[GlossaryEntry]:
        index = self.current_index()
        return self._entries[index] if index is not None else None

    def _define(self) -> None:
        entry = self._current_entry()
        if entry is None:
            return
        dialog = DefineDialog(entry, self)
        dialog.accepted.connect(
            lambda: self.define_requested.emit(entry.term, dialog.expansion.text().strip(),
                                               " ".join(dialog.description.toPlainText().split()), entry.kind)
        )
        dialog.open()


class DefineDialog(QDialog):
    """Define or correct one entry; saved to the user's glossary, which wins from then on."""

    def __init__(self, entry: GlossaryEntry, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Define {entry.term}")
        self.setMinimumWidth(520)  # room for the whole title and a long meaning
        self.expansion = QLineEdit(entry.expansion or "")
        self.expansion.setAccessibleName("Meaning")
        self.expansion.setCursorPosition(0)
        self.description = QPlainTextEdit(entry.description or "")
        self.description.setAccessibleName("Description")
        self.description.setTabChangesFocus(True)
        lines = self.description.fontMetrics().lineSpacing()
        self.description.setFixedHeight(lines * 3 + 12)  # three lines: a description is read whole, not its tail
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Stands for:", self.expansion)
        form.addRow("Description:", self.description)
        form.addRow(buttons)

    def _accept(self) -> None:
        if self.expansion.text().strip():
            self.accept()


def _tooltip_text(entry: GlossaryEntry) -> str:
    """The row's tooltip, as plain text: the whole meaning and description the row may have had to shorten."""
    lines = [f"{entry.term} — {meaning_line(entry)}"]
    if entry.description and entry.description != entry.meaning:
        lines.append(entry.description)
    lines.append(source_label(entry))
    return "\n".join(lines)


def forget_label(entry: Optional[GlossaryEntry]) -> str:
    """What forgetting does to this entry, in the words of the menu."""
    if entry is not None and entry.learned_from is not None:
        return "Forget the learned meaning"
    return "Forget your meaning"

