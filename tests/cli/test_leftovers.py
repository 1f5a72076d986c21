"""Finding 7 and 8 of issue 16: what a killed run leaves behind is cleaned on the next one, new files follow
the umask, and an export or batch whose folder cannot be written fails before any analysis is spent on it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from tests.conftest import ROOT, SAMPLE, run_precis


@pytest.fixture
def umask_002():
    old = os.umask(0o002)
    yield 0o664
    os.umask(old)


def test_a_killed_batch_leaves_a_temporary_that_the_next_run_removes(tmp_path, umask_002):
    article = SAMPLE.read_text(encoding="utf-8")
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps({"id": n, "text": article}) + "\n" for n in range(400)), encoding="utf-8")
    target = tmp_path / "out.jsonl"
    child = subprocess.Popen(
        [sys.executable, "-m", "desktop", "analyze", "--batch", str(source), "-o", str(target)],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while not [p for p in tmp_path.iterdir() if p.name.startswith(".out.jsonl.")]:
            assert child.poll() is None and time.monotonic() < deadline, "the batch never started writing"
            time.sleep(0.05)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    left = [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.jsonl.")]
    assert left and not target.exists()

    source.write_text(json.dumps({"id": "x", "text": article}) + "\n", encoding="utf-8")
    result = run_precis("analyze", "--batch", str(source), "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.jsonl.")] == []
    assert target.stat().st_mode & 0o777 == umask_002  # not 0600


def test_an_export_removes_stale_temporaries_of_its_target_only(tmp_path):
    dead = tmp_path / ".report.md.0123abcd.999999999.tmp"  # its writer (no such process id) was killed
    old = tmp_path / ".report.md.89abcdef.tmp"  # an older version's name, two days old
    other = tmp_path / ".other.md.0123abcd.999999999.tmp"  # another target's: not ours to judge now
    mine_live = tmp_path / f".report.md.fedcba98.{os.getppid()}.tmp"  # a live writer's (the test runner's parent)
    for path in (dead, old, other, mine_live):
        path.write_text("partial", encoding="utf-8")
    two_days_ago = time.time() - 2 * 86400
    os.utime(old, (two_days_ago, two_days_ago))
    result = run_precis("export", str(SAMPLE), "-o", str(tmp_path / "report.md"))
    assert result.returncode == 0, result.stderr
    assert not dead.exists() and not old.exists()
    assert other.exists() and mine_live.exists()


@pytest.mark.parametrize("command", ["export", "batch"])
def test_a_missing_folder_fails_at_once_before_the_analysis(tmp_path, command):
    target = tmp_path / "missing" / "out.pdf"
    if command == "export":
        args = ("export", str(SAMPLE), "-o", str(target))
    else:
        source = tmp_path / "in.jsonl"
        source.write_text(json.dumps({"text": SAMPLE.read_text(encoding="utf-8")}) + "\n", encoding="utf-8")
        args = ("analyze", "--batch", str(source), "-o", str(tmp_path / "missing" / "out.jsonl"))
    result = run_precis("-v", *args)
    assert result.returncode == 1
    lines = result.stderr.decode().strip().splitlines()
    assert "does not exist" in lines[-1]
    assert not any("loading spaCy pipeline" in line for line in lines), "the analysis ran before the check"


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="permissions do not bind root")
def test_a_read_only_folder_fails_at_once_before_the_analysis(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        result = run_precis("-v", "export", str(SAMPLE), "-o", str(folder / "out.pdf"))
    finally:
        folder.chmod(0o755)
    lines = result.stderr.decode().strip().splitlines()
    assert result.returncode == 1 and "may not write" in lines[-1]
    assert not any("loading spaCy pipeline" in line for line in lines)


def test_a_folder_the_process_may_not_write_to_is_refused_by_the_check(tmp_path, monkeypatch):
    """The check the read-only test above runs through the command line, where root cannot run it (root may
    write anywhere): the folder's access, as the operating system reports it, decides."""
    from desktop.core.errors import PrecisError
    from desktop.exporters import atomic

    monkeypatch.setattr(atomic.os, "access", lambda path, mode: False)
    with pytest.raises(PrecisError, match="may not write in the folder"):
        atomic.check_target(tmp_path / "out.pdf")
    assert list(tmp_path.iterdir()) == []
