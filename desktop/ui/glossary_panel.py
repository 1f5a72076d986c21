"""Every acronym and organisation of the article: filter, browse mentions, choose a meaning, define your own."""

from __future__ import annotations

import html
from typing import Optional

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMenu, QPushButton, QTreeWidget,
    QTreeWidgetItem, QVBoxLayout, QWidget,
)

from desktop.core.model import Document, GlossaryEntry
from desktop.ui.article_view import source_label


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
        self.tree.setHeaderLabels(["Term", "Meaning", "Mentions", "Source"])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSortingEnabled(True)
        self.tree.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
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
        layout.addWidget(self.details)
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
            item = QTreeWidgetItem(
                [entry.term, entry.meaning or _unsure(entry), str(len(entry.mentions)), source_label(entry)]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, number)
            item.setData(2, Qt.ItemDataRole.DisplayRole, len(entry.mentions))
            item.setToolTip(1, entry.description or "")
            self.tree.addTopLevelItem(item)
        self.tree.setSortingEnabled(True)
        for column in (0, 2, 3):
            self.tree.resizeColumnToContents(column)
        self.tree.setColumnWidth(0, min(self.tree.columnWidth(0), 140))
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
            haystack = f"{item.text(0)} {item.text(1)}".casefold()
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
            self.meanings.setVisible(False)
            self.use_meaning.setVisible(False)
            return
        meaning = html.escape(entry.expansion) if entry.expansion else "<i>unknown</i>"
        text = f"<b>{html.escape(entry.term)}</b> — {meaning}"
        if entry.description:
            text += f"<br>{html.escape(entry.description)}"
        if entry.expansion:
            text += f"<br><i>{source_label(entry)}, confidence {entry.confidence:.0%}</i>"
        elif entry.alternatives:
            text += "<br><i>Found in this article; no meaning fits it for certain. Possible meanings:</i>"
        else:
            text += "<br><i>Found in this article; no glossary knows it. Define it to explain it everywhere.</i>"
        self.details.setText(text)
        for alternative in entry.alternatives:
            self.meanings.addItem(f"{alternative.expansion} ({alternative.confidence:.0%})", alternative.expansion)
        self.meanings.setVisible(bool(entry.alternatives))
        self.use_meaning.setVisible(bool(entry.alternatives))

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
                                               dialog.description.text().strip(), entry.kind)
        )
        dialog.open()


class DefineDialog(QDialog):
    """Define or correct one entry; saved to the user's glossary, which wins from then on."""

    def __init__(self, entry: GlossaryEntry, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Define {entry.term}")
        self.expansion = QLineEdit(entry.expansion or "")
        self.expansion.setAccessibleName("Meaning")
        self.description = QLineEdit(entry.description or "")
        self.description.setAccessibleName("Description")
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


def forget_label(entry: Optional[GlossaryEntry]) -> str:
    """What forgetting does to this entry, in the words of the menu."""
    if entry is not None and entry.learned_from is not None:
        return "Forget the learned meaning"
    return "Forget your meaning"


def _unsure(entry) -> str:
    """The meaning column for an acronym with no asserted meaning: its likeliest candidate, marked as a guess."""
    return f"possibly {entry.alternatives[0].expansion}?" if entry.alternatives else "—"
