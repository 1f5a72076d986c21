"""PySide6 6.12.0 on Python 3.11 crashes the interpreter after ~5,000 Qt calls that return None.

The pin in pyproject.toml keeps that release out; this test catches a regression of the pin or of Qt itself.
It runs in a subprocess so that a crash is a failed test with a message, not a dead test run.
"""

import subprocess
import sys
import textwrap


def test_twenty_thousand_void_qt_calls_do_not_crash_the_interpreter():
    script = textwrap.dedent(
        """
        from PySide6.QtCore import QObject, QCoreApplication
        app = QCoreApplication([])
        obj = QObject()
        for i in range(20_000):
            obj.setObjectName("precis")
            obj.blockSignals(False)
        import PySide6
        print("ok", PySide6.__version__)
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"Qt crashed the interpreter: {result.stderr[-500:]}"
    assert result.stdout.startswith("ok")
