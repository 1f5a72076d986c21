"""The summary: algorithm, length and article-kind controls, the chosen sentences in order, and copy buttons.

The kind of article (news report, or editorial/opinion) decides what the default summary looks for; the panel
says which kind it assumed and lets the user say otherwise for the article on screen.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtWidgets import (
    QApplication, QComboBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QSpinBox,
    QVBoxLayout, QWidget,
)

from desktop.core.model import Document, SummaryLength
from desktop.core.algorithms import ALGORITHMS, DEFAULT_ALGORITHM

UNITS = (("sentences", "sentences"), ("ratio", "% of the article"), ("words", "words"))
#: (value, label) of the article-kind choice; "auto" uses the kind recognised from the text.
KIND_CHOICES = (("auto", "Kind: as recognised"), ("news", "News report"), ("argument", "Editorial or opinion"))
KIND_NAMES = {"news": "a news report", "argument": "an editorial or opinion piece"}


class SummaryPanel(QWidget):
    options_changed = Signal()
    sentence_clicked = Signal(int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.algorithm = QComboBox()
        self.algorithm.setAccessibleName("Summary algorithm")
        for algorithm in ALGORITHMS.values():
            self.algorithm.addItem(algorithm.label, algorithm.name)
            tip = f"{algorithm.favours}\n({algorithm.description})"
            self.algorithm.setItemData(self.algorithm.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
        self.amount = QSpinBox()
        self.amount.setAccessibleName("Summary length")
        self.amount.setRange(1, 5000)
        self.unit = QComboBox()
        self.unit.setAccessibleName("Summary length unit")
        for name, label in UNITS:
            self.unit.addItem(label, name)
        self.kind_choice = QComboBox()
        self.kind_choice.setAccessibleName("Article kind")
        self.kind_choice.setToolTip(
            "What kind of article this is decides what the default summary looks for: a news report's news, "
            "or an editorial's subject and position. Choose here if Précis recognised it wrongly."
        )
        for name, label in KIND_CHOICES:
            self.kind_choice.addItem(label, name)
        self.kind_note = QLabel()
        self.kind_note.setAccessibleName("Article kind assumed")
        self.kind_note.setWordWrap(True)
        self.sentences = QListWidget()
        self.sentences.setAccessibleName("Summary sentences")
        self.sentences.setWordWrap(True)
        self.sentences.setAlternatingRowColors(True)
        self.sentences.setSpacing(4)
        self.copy_plain = QPushButton("Copy")
        self.copy_plain.setToolTip("Copy the summary as plain text")
        self.copy_rich = QPushButton("Copy as rich text")
        self.copy_rich.setToolTip("Copy the summary as a formatted list")
        self.heading = QLabel("<b>Summary</b>")

        controls = QHBoxLayout()
        controls.addWidget(self.algorithm, 2)
        controls.addWidget(self.amount)
        controls.addWidget(self.unit, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.copy_plain)
        buttons.addWidget(self.copy_rich)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.kind_note, 1)
        kind_row.addWidget(self.kind_choice)
        layout.addWidget(self.heading)
        layout.addLayout(controls)
        layout.addLayout(kind_row)
        layout.addWidget(self.sentences, 1)
        layout.addLayout(buttons)

        self.set_options(DEFAULT_ALGORITHM, SummaryLength())
        self.algorithm.currentIndexChanged.connect(lambda _: self.options_changed.emit())
        self.algorithm.currentIndexChanged.connect(self._explain_algorithm)
        self._explain_algorithm()
        self.unit.currentIndexChanged.connect(self._unit_changed)
        self.amount.valueChanged.connect(lambda _: self.options_changed.emit())
        self.kind_choice.currentIndexChanged.connect(lambda _: self.options_changed.emit())
        self.sentences.itemActivated.connect(self._clicked)
        self.sentences.itemClicked.connect(self._clicked)
        self.copy_plain.clicked.connect(lambda: self.copy(rich=False))
        self.copy_rich.clicked.connect(lambda: self.copy(rich=True))
        self._texts: list[str] = []

    def options(self) -> tuple[str, SummaryLength]:
        unit = self.unit.currentData()
        value = self.amount.value()
        length = SummaryLength("ratio", min(value, 100) / 100) if unit == "ratio" else SummaryLength(unit, value)
        return self.algorithm.currentData(), length

    def kind(self) -> str:
        """The kind the user chose for the article on screen ("news", "argument"), or "auto"."""
        return self.kind_choice.currentData()

    def set_options(self, algorithm: str, length: SummaryLength) -> None:
        for widget in (self.algorithm, self.unit, self.amount):
            widget.blockSignals(True)
        self.algorithm.setCurrentIndex(max(0, self.algorithm.findData(algorithm)))
        self.unit.setCurrentIndex(max(0, self.unit.findData(length.unit)))
        self._set_range(length.unit)
        self.amount.setValue(round(length.value * 100) if length.unit == "ratio" else int(length.value))
        for widget in (self.algorithm, self.unit, self.amount):
            widget.blockSignals(False)
        self._explain_algorithm()

    def _explain_algorithm(self) -> None:
        """The closed list says what the chosen algorithm favours too, not only the open one."""
        self.algorithm.setToolTip(str(self.algorithm.currentData(Qt.ItemDataRole.ToolTipRole) or ""))

    def _set_range(self, unit: str) -> None:
        self.amount.setRange(1, 100 if unit == "ratio" else 5000)
        self.amount.setSuffix(" %" if unit == "ratio" else "")

    def _unit_changed(self) -> None:
        unit = self.unit.currentData()
        self.amount.blockSignals(True)
        self._set_range(unit)
        self.amount.setValue({"sentences": 3, "ratio": 20, "words": 100}[unit])
        self.amount.blockSignals(False)
        self.options_changed.emit()

    def show_document(self, document: Document) -> None:
        self.sentences.clear()
        self._texts = []
        summary = document.summary
        label = ALGORITHMS[summary.algorithm].label
        for index in summary.sentences:
            self._texts.append(" ".join(document.sentence_text(index).split()))
        if summary.whole_article:
            item = QListWidgetItem(
                f"The whole article ({document.word_count:,} words) fits in the length you asked for "
                f"({summary.length.describe()}): read it in full, nothing is left out."
            )
            item.setFlags(Qt.ItemFlag.NoItemFlags | Qt.ItemFlag.ItemIsEnabled)
            self.sentences.addItem(item)
        else:
            for index, text in zip(summary.sentences, self._texts):
                item = QListWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, index)
                item.setToolTip("Click to find this sentence in the article")
                self.sentences.addItem(item)
        count = len(summary.sentences)
        self.heading.setText(f"<b>Summary</b> — {count} of {len(document.sentences)} sentences ({html.escape(label)})")
        self._show_kind(summary.kind, summary.kind_source, summary.algorithm)

    def _show_kind(self, kind: str, source: str, algorithm: str) -> None:
        """Say which kind of article the summary assumed; a recognised kind resets the choice to automatic."""
        if source == "detected" and self.kind_choice.currentData() != "auto":
            self.kind_choice.blockSignals(True)
            self.kind_choice.setCurrentIndex(0)
            self.kind_choice.blockSignals(False)
        how = "recognised from its style" if source == "detected" else "as you chose"
        note = f"Read as {KIND_NAMES.get(kind, kind)} ({how})."
        if algorithm != DEFAULT_ALGORITHM:
            note += f" Only {ALGORITHMS[DEFAULT_ALGORITHM].label} chooses by kind."
        self.kind_note.setText(note)

    def _clicked(self, item: QListWidgetItem) -> None:
        index = item.data(Qt.ItemDataRole.UserRole)
        if index is not None:
            self.sentence_clicked.emit(int(index))

    def copy(self, rich: bool) -> None:
        data = QMimeData()
        data.setText("\n\n".join(self._texts))
        if rich:
            data.setHtml("<ul>" + "".join(f"<li>{html.escape(t)}</li>" for t in self._texts) + "</ul>")
        QApplication.clipboard().setMimeData(data)
