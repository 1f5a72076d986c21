"""Ctrl+C (SIGINT) and SIGTERM close the window as the user closing it would, instead of a traceback.

Python runs a signal handler only when the interpreter next gets control, and inside Qt's event loop it may
not for a long time; Python's default SIGINT handler then raised KeyboardInterrupt in whatever slot ran next,
printed a traceback and the window carried on. Here the C-level handler writes to a socket (Python's
`signal.set_wakeup_fd`) that a QSocketNotifier watches, so the event loop wakes at once and the Python handler
closes the window: its usual closing (cancelling a running analysis, saving the window's settings) runs, and
the process exits with status 0.
"""

from __future__ import annotations

import logging
import signal
import socket

log = logging.getLogger(__name__)

HANDLED = (signal.SIGINT, signal.SIGTERM)


def close_on_interrupt(app, window) -> None:
    """Make SIGINT and SIGTERM close `window` (then quit `app`); a no-op where signals cannot be watched."""
    from PySide6.QtCore import QSocketNotifier, QTimer

    try:
        reader, writer = socket.socketpair()
        reader.setblocking(False)
        writer.setblocking(False)
        signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
    except (OSError, ValueError, AttributeError):  # not the main thread, or a platform without socketpair
        log.debug("signals will not close the window", exc_info=True)
        return

    def close(signal_number, _frame) -> None:
        log.info("%s received: closing the window", signal.Signals(signal_number).name)
        QTimer.singleShot(0, window.close)
        QTimer.singleShot(0, app.quit)

    for number in HANDLED:
        signal.signal(number, close)
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)

    def drain() -> None:  # the Python handler has already run by the time this slot does
        try:
            while reader.recv(64):
                pass
        except (BlockingIOError, InterruptedError):
            pass

    notifier.activated.connect(drain)
    app._precis_signal_sockets = (reader, writer, notifier)  # keep them alive as long as the application
