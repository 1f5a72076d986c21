"""The Qt application a PDF export needs, made once per process.

Qt lays out and paints text only inside a QGuiApplication. `ensure_gui_application` reuses the running one (the
window's) or, in the command line, creates an offscreen QApplication once (a widgets one, so that a window opened
later in the same process still works); that first call must come from the main thread. Painting on a QPdfWriter
is allowed in any thread. A module of its own because the window's benchmarks and the PDF painter both need it and
it is the only process-wide state of the exporters.
"""

from __future__ import annotations

import threading

from desktop.core.errors import PrecisError

_application = None


def ensure_gui_application():
    """The running QGuiApplication, or a new offscreen one (kept for the life of the process)."""
    global _application
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QGuiApplication

    running = QCoreApplication.instance()
    if running is not None:
        if not isinstance(running, QGuiApplication):
            raise PrecisError(
                "PDF export needs Qt's GUI module, but this process runs a console-only Qt application.",
                "Export from the window or the `precis export` command.",
            )
        return running
    if threading.current_thread() is not threading.main_thread():
        raise RuntimeError("the first PDF export of a process without a Qt application must run in the main thread")
    try:  # a QApplication, so that widgets made later in the same process (the window, its tests) still work
        from PySide6.QtWidgets import QApplication as Application
    except ImportError:  # pragma: no cover - PySide6-Essentials has QtWidgets
        Application = QGuiApplication
    from PySide6.QtCore import QLoggingCategory

    # Qt says so for every script whose font lacks OpenType tables; the glyphs are drawn all the same.
    QLoggingCategory.setFilterRules("qt.text.font.db.warning=false")
    # `-platform offscreen` wins over QT_QPA_PLATFORM: exporting never needs a display.
    _application = Application(["precis", "-platform", "offscreen"])
    return _application
