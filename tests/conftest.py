"""Shared test set-up: Qt offscreen, a CLI runner, and a guard that fails any test logging an unexpected warning."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests never read or write the developer's own glossary: one scratch data folder for the whole run (tests that
# need a fresh one set PRECIS_DATA_DIR themselves).
os.environ["PRECIS_DATA_DIR"] = tempfile.mkdtemp(prefix="precis-test-data-")

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
SAMPLE = ROOT / "resources" / "sample-article.txt"
SEED = ROOT.parent / "shared" / "samples" / "seed-dawn-editorial-2026-02-27.txt"


@pytest.fixture(autouse=True)
def no_unexpected_log_warnings(request, caplog):
    """Logs stay honest: a warning nobody expected is a failure, unless the test is marked for it."""
    caplog.set_level(logging.WARNING)
    yield
    if request.node.get_closest_marker("allow_log_warnings"):
        return
    unexpected = [r for r in caplog.get_records("call") if r.levelno >= logging.WARNING]
    assert not unexpected, "unexpected log warnings: " + "; ".join(r.getMessage() for r in unexpected)


def run_precis(*args: str, input: bytes | str | None = None, env: dict | None = None, cwd=None, timeout=300):
    """Run the real command line in a subprocess, as a user would."""
    if isinstance(input, str):
        input = input.encode("utf-8")
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        input=input, capture_output=True, env=full_env, cwd=cwd or ROOT, timeout=timeout,
    )
