"""The legend above the article: one chip per highlight type, to switch it on and off.

The chips wrap onto a second row on a narrow window instead of being squeezed to "O…s". A chip that is on is
filled with its colour; a chip that is off keeps its coloured border and plain text, so it reads as "off", not as
"unavailable".
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLayout, QSizePolicy, QToolButton, QWidget

from desktop.ui import colors


class FlowLayout(QLayout):
    """Lays widgets out left to right and starts a new row when the next one does not fit."""

    def __init__(self, parent=None, spacing: int = 4) -> None:
        super().__init__(parent)
        self._items = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item) -> None:  # noqa: N802 - Qt API
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):  # noqa: N802 - Qt API
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):  # noqa: N802 - Qt API
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self):  # noqa: N802 - Qt API
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt API
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt API
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt API
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt API
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _arrange(self, rect: QRect, move: bool) -> int:
        x, y, row_height = rect.x(), rect.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > rect.right() + 1 and row_height > 0:
                x, y, row_height = rect.x(), y + row_height + self._spacing, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            row_height = max(row_height, hint.height())
        return y + row_height - rect.y()


class Legend(QWidget):
    """The chips; `toggled` fires when the user switches a type on or off."""

    toggled = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Entity types")
        self.buttons: dict[str, QToolButton] = {}
        layout = FlowLayout(self)
        for label, (_light, _dark, name) in colors.LEGEND.items():
            button = QToolButton()
            button.setText(name)
            button.setCheckable(True)
            button.setChecked(label in colors.DEFAULT_TYPES)
            button.setAccessibleName(f"Show {name.lower()}")
            button.setToolTip(f"Show or hide {name.lower()} ({label.lower() if label == 'ACRONYM' else label})")
            button.toggled.connect(lambda _checked: self.toggled.emit())
            self.buttons[label] = button
            layout.addWidget(button)
        sizing = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        sizing.setHeightForWidth(True)
        self.setSizePolicy(sizing)

    def checked(self) -> set[str]:
        return {label for label, button in self.buttons.items() if button.isChecked()}

    def restyle(self, dark: bool) -> None:
        for label, button in self.buttons.items():
            background = colors.LEGEND[label][1 if dark else 0]
            # the border of an "off" chip: its colour, deepened so that even the palest (Dates) shows
            border = QColor(background).lighter(160) if dark else QColor(background).darker(135)
            text = "#ffffff" if dark else "#212529"
            button.setStyleSheet(
                f"QToolButton {{ border-radius: 9px; padding: 2px 8px; background: transparent;"
                f" color: palette(window-text); border: 2px solid {border.name()}; }}"
                f"QToolButton:checked {{ color: {text}; background: {background}; border-color: {background}; }}"
            )
