"""Issue 16, finding 6: Ctrl+C (SIGINT) in the window quits cleanly, like closing it: status 0, no traceback.

These start the real program, `python -m desktop`, with Qt offscreen, and signal it as a terminal would.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from tests.conftest import ROOT, SAMPLE


def _start(tmp_path, *args: str) -> subprocess.Popen:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "PRECIS_DATA_DIR": str(tmp_path / "data")}
    return subprocess.Popen([sys.executable, "-m", "desktop", *args, "--timing"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _wait_for_line(child: subprocess.Popen, words: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = child.stdout.readline().decode()
        if words in line:
            return
        assert line or child.poll() is None, f"the window exited early: {child.stderr.read().decode()}"
    raise AssertionError(f"no '{words}' within {timeout} s")


@pytest.mark.parametrize("when, sig", [
    ("window visible", signal.SIGINT),
    ("analysis shown", signal.SIGINT),
    ("window visible", signal.SIGTERM),
])
def test_a_signal_closes_the_window_cleanly(tmp_path, when, sig):
    child = _start(tmp_path, "open", str(SAMPLE))
    try:
        _wait_for_line(child, when)
        child.send_signal(sig)
        _, errors = child.communicate(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == 0, errors.decode()
    assert b"Traceback" not in errors and b"KeyboardInterrupt" not in errors, errors.decode()
    assert (tmp_path / "config").exists(), "the window did not close as a user closes it (settings unsaved)"
