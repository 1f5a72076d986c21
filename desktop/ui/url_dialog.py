"""File › Open URL: an address field wide enough to read a whole address (QInputDialog's is about 170 px)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout


class UrlDialog(QDialog):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Open a web page")
        self.address = QLineEdit()
        self.address.setAccessibleName("Web address")
        self.address.setPlaceholderText("https://…")
        self.address.setMinimumWidth(self.fontMetrics().horizontalAdvance("m" * 44))
        self.address.setClearButtonEnabled(True)
        label = QLabel("&Address of the article:")
        label.setBuddy(self.address)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.address)
        layout.addWidget(buttons)

    def url(self) -> str:
        return self.address.text().strip()
