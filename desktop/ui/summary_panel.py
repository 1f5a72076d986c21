"""The summary: algorithm and length controls, the chosen sentences in order, and copy buttons."""

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
        layout.addWidget(self.heading)
        layout.addLayout(controls)
        layout.addWidget(self.sentences, 1)
        layout.addLayout(buttons)

        self.set_options(DEFAULT_ALGORITHM, SummaryLength())
        self.algorithm.currentIndexChanged.connect(lambda _: self.options_changed.emit())
        self.algorithm.currentIndexChanged.connect(self._explain_algorithm)
        self._explain_algorithm()
        self.unit.currentIndexChanged.connect(self._unit_changed)
        self.amount.valueChanged.connect(lambda _: self.options_changed.emit())
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
        label = ALGORITHMS[document.summary.algorithm].label
        for index in document.summary.sentences:
            text = " ".join(document.sentence_text(index).split())
            self._texts.append(text)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, index)
            item.setToolTip("Click to find this sentence in the article")
            self.sentences.addItem(item)
        count = len(document.summary.sentences)
        self.heading.setText(f"<b>Summary</b> — {count} of {len(document.sentences)} sentences ({html.escape(label)})")

    def _clicked(self, item: QListWidgetItem) -> None:
        self.sentence_clicked.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    def copy(self, rich: bool) -> None:
        data = QMimeData()
        data.setText("\n\n".join(self._texts))
        if rich:
            data.setHtml("<ul>" + "".join(f"<li>{html.escape(t)}</li>" for t in self._texts) + "</ul>")
        QApplication.clipboard().setMimeData(data)
