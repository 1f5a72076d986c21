"""The message above the article: an error or a warning, with a close button and, for a bug, its details.

It never covers the article and goes away when the user closes it or a new analysis succeeds. The message is
escaped: it may quote a file name, a web address or article text.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMessageBox, QToolButton


class MessageBanner(QFrame):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setAccessibleName("Message")
        self.setStyleSheet(
            "QFrame#banner { background: #fff3bf; border-radius: 4px; }"
            "QFrame#banner QLabel { color: #5c3c00; }"
            "QFrame#banner QToolButton { color: #5c3c00; border: none; padding: 2px 6px; font-weight: bold; }"
            "QFrame#banner QToolButton:hover { background: #ffe8a1; border-radius: 4px; }"
        )
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)  # built from escaped parts only (see show)
        self.label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        self.label.linkActivated.connect(self._show_details)
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setToolTip("Close this message")
        self.close_button.setAccessibleName("Close the message")
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 4, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self._details = ""
        self.setVisible(False)

    def show_message(self, message: str, hint: str = "", details: str = "") -> None:
        text = html.escape(message) + (f"<br><i>{html.escape(hint)}</i>" if hint else "")
        self._details = details
        if details:
            text += " <a href='details'>Details…</a>"
        self.label.setText(text)
        self.setVisible(True)

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""

    def _show_details(self, _link: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, "Précis", "What went wrong", parent=self.window())
        box.setDetailedText(self._details)
        box.open()
