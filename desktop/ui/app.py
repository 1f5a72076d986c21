"""Start the window: `precis`, `precis FILE` or `python -m desktop FILE`.

Options for scripts and the benchmark: --theme light|dark|system, --screenshot PNG (save the window once the
analysis is shown, then quit) and --timing (print the time to a visible window and to a finished analysis).
"""

from __future__ import annotations

import logging
import os
import sys
import time
import traceback
from typing import Optional, Sequence

log = logging.getLogger(__name__)


def has_display() -> bool:
    """Qt aborts the whole process when it finds no display, so check first and say what to do instead."""
    if sys.platform != "linux" or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def apply_theme(app, theme: str) -> None:
    from PySide6.QtCore import Qt

    app.setStyle("Fusion")
    hints = app.styleHints()
    if hasattr(hints, "setColorScheme"):
        scheme = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}.get(theme, Qt.ColorScheme.Unknown)
        hints.setColorScheme(scheme)
    if theme == "dark":
        app.setPalette(dark_palette())


def dark_palette():
    """Fusion's colours for a dark theme, with disabled controls visibly greyed."""
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#202124"), (QPalette.ColorRole.WindowText, "#e8eaed"),
        (QPalette.ColorRole.Base, "#17181a"), (QPalette.ColorRole.AlternateBase, "#25272a"),
        (QPalette.ColorRole.Text, "#e8eaed"), (QPalette.ColorRole.Button, "#2d2f33"),
        (QPalette.ColorRole.ButtonText, "#e8eaed"), (QPalette.ColorRole.Highlight, "#3b73c4"),
        (QPalette.ColorRole.HighlightedText, "#ffffff"), (QPalette.ColorRole.ToolTipBase, "#2d2f33"),
        (QPalette.ColorRole.ToolTipText, "#e8eaed"), (QPalette.ColorRole.PlaceholderText, "#9aa0a6"),
        (QPalette.ColorRole.Link, "#8ab4f8"), (QPalette.ColorRole.Mid, "#5f6368"),
    ):
        palette.setColor(role, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled  # greyed out, or Previous and Define… look clickable with nothing selected
    for role, colour in (
        (QPalette.ColorRole.ButtonText, "#6b6f75"), (QPalette.ColorRole.WindowText, "#6b6f75"),
        (QPalette.ColorRole.Text, "#6b6f75"), (QPalette.ColorRole.Button, "#25272a"),
        (QPalette.ColorRole.Light, "#25272a"),
    ):
        palette.setColor(disabled, role, QColor(colour))
    return palette


def show_tooltip(window, term: str) -> None:
    """Show the hover tooltip of the term's current mention, as a user resting the pointer on it would see."""
    from PySide6.QtWidgets import QToolTip

    from desktop.ui.article_view import tooltip_html

    entry = next((e for e in window.document.glossary if e.term == term), None) if window.document else None
    if entry is None or not entry.mentions:
        return
    view = window.article
    spans = window._mark_spans or list(entry.mentions)
    current = spans[min(window._mark_focus, len(spans) - 1)]
    point = view.viewport().mapToGlobal(view.viewport_point_of(current.start + 1))
    QToolTip.showText(point, tooltip_html(entry), view)


def save_screenshot(app, window, path: str) -> None:
    """The window with any tooltip over it (a screen grab), or the window alone where there is no screen."""
    frame = window.frameGeometry()
    picture = app.primaryScreen().grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())
    if picture.isNull() or app.platformName() == "offscreen":
        picture = window.grab()
    picture.save(path)


def run(path: Optional[str] = None, theme: str = "system", screenshot: Optional[str] = None,
        timing: bool = False, select: Optional[str] = None, argv: Sequence[str] = (),
        size: Optional[tuple[int, int]] = None) -> int:
    started = time.perf_counter()
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from desktop.ui.main_window import MainWindow
    from desktop.ui.signals import close_on_interrupt

    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    app.setOrganizationName("Precis")
    app.setApplicationName("Precis")
    app.setApplicationDisplayName("Précis")
    apply_theme(app, theme)
    window = MainWindow()
    if size:
        window.resize(*size)

    def excepthook(kind, value, trace) -> None:
        """An unexpected error is logged and shown with its details; the app keeps running."""
        if issubclass(kind, KeyboardInterrupt):  # Ctrl+C caught inside a slot: quit, as closing the window does
            window.close()
            app.quit()
            return
        details = "".join(traceback.format_exception(kind, value, trace))
        log.error("unexpected error\n%s", details)
        box = QMessageBox(QMessageBox.Icon.Critical, "Précis", f"Something went wrong: {value}", parent=window)
        box.setDetailedText(details)
        box.open()

    sys.excepthook = excepthook
    close_on_interrupt(app, window)
    window.show()
    if timing:
        app.processEvents()
        print(f"window visible after {time.perf_counter() - started:.3f} s (at {time.time():.3f})", flush=True)

    def on_finished(job_id, result, _seconds) -> None:
        if result is None or job_id != window._pending_job:
            return
        if timing:
            print(f"analysis shown after {time.perf_counter() - started:.3f} s (at {time.time():.3f})", flush=True)
        if select:
            window.glossary.select_term(select)
            window.step_mention(+1)  # the second mention becomes current, as after one F3
            QTimer.singleShot(200, lambda: show_tooltip(window, select))
        if screenshot:
            QTimer.singleShot(600, lambda: (save_screenshot(app, window, screenshot), app.quit()))

    window.controller.finished.connect(on_finished)
    if path:
        window.open_path(path)
    return app.exec()
