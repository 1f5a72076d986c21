"""A failed export never leaves a half-written file nor replaces a good one, and says why in one line."""

from __future__ import annotations

import errno
import os

import pytest

from desktop.core.errors import PrecisError
from desktop.exporters import atomic, export


def leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_replaces_atomically_and_keeps_permissions(tmp_path):
    target = tmp_path / "out.md"
    atomic.write_atomic(target, b"first")
    os.chmod(target, 0o640)
    atomic.write_atomic(target, b"second")
    assert target.read_bytes() == b"second"
    assert oct(target.stat().st_mode & 0o777) == oct(0o640)
    assert leftovers(tmp_path) == []


def test_a_new_file_gets_normal_permissions(tmp_path):
    target = tmp_path / "new.json"
    atomic.write_atomic(target, b"{}")
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


@pytest.mark.parametrize("code, words", [
    (errno.ENOSPC, "not enough space"), (errno.EACCES, "Permission denied"), (errno.EROFS, "read-only"),
])
def test_disk_full_or_permission_denied_leaves_the_old_file(tmp_path, monkeypatch, tricky, code, words):
    target = tmp_path / "report.html"
    target.write_text("the good old export", encoding="utf-8")

    def fail(descriptor, data):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(atomic, "_write_fully", fail)
    with pytest.raises(PrecisError, match=words) as caught:
        export(tricky, target)
    assert "\n" not in str(caught.value)
    assert target.read_text(encoding="utf-8") == "the good old export"
    assert leftovers(tmp_path) == []


def test_permission_denied_creating_the_file(tmp_path, monkeypatch, tricky):
    def refuse(path):
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(atomic, "_open_temporary", refuse)
    with pytest.raises(PrecisError, match="Permission denied"):
        export(tricky, tmp_path / "out.md")
    assert list(tmp_path.iterdir()) == []


def test_a_failure_while_rendering_writes_nothing(qapp, tmp_path, monkeypatch, tricky):
    from desktop.exporters import pdf

    target = tmp_path / "out.pdf"
    target.write_bytes(b"%PDF good")

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(pdf, "_annotate", broken)
    with pytest.raises(RuntimeError):
        export(tricky, target)
    assert target.read_bytes() == b"%PDF good"
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("make_path, words", [
    (lambda tmp: tmp / "missing" / "out.pdf", "does not exist"),
    (lambda tmp: tmp, "is a folder"),
    (lambda tmp: tmp / "file.txt" / "out.pdf", "is not a folder"),
    (lambda tmp: tmp / ("x" * 300 + ".md"), "too long"),
    (lambda tmp: tmp / "bad\0name.md", "not a valid file name"),
])
def test_invalid_paths_give_a_clear_error(tmp_path, tricky, make_path, words):
    (tmp_path / "file.txt").write_text("a file", encoding="utf-8")
    with pytest.raises(PrecisError, match=words):
        export(tricky, make_path(tmp_path), "markdown")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file.txt"]
