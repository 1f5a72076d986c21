"""Write a file all at once or not at all.

The bytes go to a temporary file in the target's own folder (so the final rename never crosses a file system),
are flushed to the disk, and only then replace the target with `os.replace`, which is atomic on POSIX and on
Windows. A failure at any point removes the temporary file and leaves an existing target as it was. Every
failure the user can fix becomes a PrecisError saying what happened and what to do.
"""

from __future__ import annotations

import errno
import logging
import os
import secrets
import stat
from pathlib import Path

from desktop.core.errors import PrecisError

log = logging.getLogger(__name__)

_MAX_NAME_BYTES = 255
_O_BINARY = getattr(os, "O_BINARY", 0)


def check_target(path: Path) -> None:
    """Refuse at once a target that cannot be written, before any work is spent on its contents."""
    try:
        if path.is_dir():
            raise PrecisError(f"'{path}' is a folder.", f"Give a file name, e.g. '{path / 'article.pdf'}'.")
        folder = path.parent
        if not folder.exists():
            raise PrecisError(f"The folder '{folder}' does not exist.", "Create it first or choose another path.")
        if not folder.is_dir():
            raise PrecisError(f"'{folder}' is not a folder.", "Choose a path inside a folder.")
    except (OSError, ValueError) as error:
        raise _as_precis_error(error, path) from error
    if not path.name or path.name in (".", ".."):
        raise PrecisError(f"'{path}' is not a file name.", "Give a file name such as 'article.pdf'.")


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data`, or raise PrecisError leaving `path` and its folder as they were."""
    path = Path(path)
    check_target(path)
    temporary: Path | None = None
    try:
        descriptor, temporary = _open_temporary(path)
        try:
            _write_fully(descriptor, data)
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        try:
            os.chmod(temporary, stat.S_IMODE(os.stat(path).st_mode))  # keep a replaced file's permissions
        except FileNotFoundError:
            pass
        os.replace(temporary, path)
        temporary = None
        log.info("wrote %s (%d bytes)", path, len(data))
    except (OSError, ValueError) as error:
        raise _as_precis_error(error, path) from error
    finally:
        if temporary is not None:
            try:
                temporary.unlink()
            except OSError:
                log.debug("could not remove %s", temporary, exc_info=True)


def _open_temporary(path: Path) -> tuple[int, Path]:
    """A new file beside `path`, readable as a normal file would be (0o666 less the umask)."""
    stem = path.name
    while len(f".{stem}.12345678.tmp".encode("utf-8", "surrogateescape")) > _MAX_NAME_BYTES and len(stem) > 1:
        stem = stem[: len(stem) // 2]
    temporary = path.with_name(f".{stem}.{secrets.token_hex(4)}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_BINARY
    return os.open(temporary, flags, 0o666), temporary


def _write_fully(descriptor: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(descriptor, view)
        view = view[written:]


def _as_precis_error(error: Exception, path: Path) -> PrecisError:
    if isinstance(error, PrecisError):
        return error
    if isinstance(error, ValueError):  # an embedded NUL and the like
        return PrecisError(f"'{path}' is not a valid file name ({error}).", "Choose another file name.")
    code = getattr(error, "errno", None)
    folder = path.parent
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return PrecisError(
            f"There is not enough space on the disk to write '{path}'; nothing was written.",
            "Free some space or choose another disk.",
        )
    if code in (errno.EACCES, errno.EPERM) or isinstance(error, PermissionError):
        return PrecisError(
            f"Permission denied writing '{path}'; nothing was written.",
            "Choose a folder you may write to, or close the file if another program has it open.",
        )
    if code == errno.EROFS:
        return PrecisError(f"'{folder}' is on a read-only disk; nothing was written.", "Choose another folder.")
    if code == errno.ENOENT:
        return PrecisError(f"The folder '{folder}' does not exist.", "Create it first or choose another path.")
    if code == errno.ENOTDIR:
        return PrecisError(f"A part of '{folder}' is a file, not a folder.", "Check the path.")
    if code == errno.EISDIR:
        return PrecisError(f"'{path}' is a folder.", "Give a file name.")
    if code == errno.ENAMETOOLONG:
        return PrecisError(f"The file name '{path.name[:40]}…' is too long.", "Choose a shorter name.")
    reason = getattr(error, "strerror", None) or str(error)
    return PrecisError(f"Cannot write '{path}': {reason}; nothing was written.", "Check the path and the disk.")
