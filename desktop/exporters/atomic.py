"""Write a file all at once or not at all.

The bytes go to a temporary file in the target's own folder (so the final rename never crosses a file system),
are flushed to the disk, and only then replace the target with `os.replace`, which is atomic on POSIX and on
Windows. A failure at any point removes the temporary file and leaves an existing target as it was. Every
failure the user can fix becomes a PrecisError saying what happened and what to do.

A process killed mid-write cannot remove its temporary file, so each one carries the writer's process id
(`.NAME.1a2b3c4d.PID.tmp`): the next write to the same target removes those whose writer is gone, and any of
ours older than a day. New files get 0o666 less the umask, like any file a program creates.
"""

from __future__ import annotations

import errno
import logging
import os
import re
import secrets
import stat
import time
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Iterator

from desktop.core.errors import PrecisError

log = logging.getLogger(__name__)

_MAX_NAME_BYTES = 255
_O_BINARY = getattr(os, "O_BINARY", 0)
#: A temporary file of ours whose writer's process id is unknown (older versions) is stale after this long.
STALE_AFTER_SECONDS = 24 * 3600


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
        if not os.access(folder, os.W_OK | os.X_OK):  # read-only folder or disk: say so before any work
            raise PrecisError(
                f"Précis may not write in the folder '{folder}'; nothing was written.",
                "Choose a folder you may write to.",
            )
    except (OSError, ValueError) as error:
        raise _as_precis_error(error, path) from error
    if not path.name or path.name in (".", ".."):
        raise PrecisError(f"'{path}' is not a file name.", "Give a file name such as 'article.pdf'.")


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data`, or raise PrecisError leaving `path` and its folder as they were."""
    path = Path(path)
    with replacing(path) as out:
        _write_fully(out.fileno(), data)
    log.info("wrote %s (%d bytes)", path, len(data))


@contextmanager
def replacing(path: Path) -> Iterator[BinaryIO]:
    """A binary file to write `path`'s new contents into; it replaces `path` only if the block ends normally.

    On any exception (a bug, a full disk, Ctrl+C) the temporary file is removed and `path` is left as it was;
    operating-system errors become PrecisError. Stale temporaries of earlier, killed runs are removed first.
    """
    path = Path(path)
    check_target(path)
    remove_stale_temporaries(path)
    try:
        descriptor, temporary = _open_temporary(path)
    except (OSError, ValueError) as error:
        raise _as_precis_error(error, path) from error
    try:
        with open(descriptor, "wb", closefd=True) as out:
            try:
                yield out
            except OSError as error:  # writing: a full disk, a vanished folder (a bug's ValueError stays a bug)
                raise _as_precis_error(error, path) from error
            out.flush()
            os.fsync(out.fileno())
        try:
            os.chmod(temporary, stat.S_IMODE(os.stat(path).st_mode))  # keep a replaced file's permissions
        except FileNotFoundError:
            pass
        os.replace(temporary, path)
        temporary = None
    except OSError as error:
        raise _as_precis_error(error, path) from error
    finally:
        if temporary is not None:
            try:
                temporary.unlink()
            except OSError:
                log.debug("could not remove %s", temporary, exc_info=True)


def remove_stale_temporaries(path: Path) -> list[Path]:
    """Remove the temporary files of earlier writes to `path` whose process is gone (or that are a day old).

    Only regular files of ours (our user, our naming pattern for this very target) are touched; a concurrent
    write by a live process keeps its file. Returns what was removed.
    """
    pattern = re.compile(rf"^\.{re.escape(_stem(path))}\.[0-9a-f]{{8}}(?:\.(\d+))?\.tmp$")
    removed = []
    try:
        names = os.listdir(path.parent or ".")
    except OSError:
        return removed
    now = time.time()
    for name in names:
        match = pattern.match(name)
        if not match:
            continue
        candidate = path.with_name(name)
        try:
            info = candidate.lstat()
            if not stat.S_ISREG(info.st_mode) or info.st_uid != os.getuid():
                continue
            pid = int(match.group(1)) if match.group(1) else None
            if (pid is not None and not _alive(pid)) or now - info.st_mtime > STALE_AFTER_SECONDS:
                candidate.unlink()
                removed.append(candidate)
                log.info("removed %s, left by an interrupted write", candidate)
        except OSError:
            log.debug("could not check %s", candidate, exc_info=True)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's process: not ours to judge
    return True


def _stem(path: Path) -> str:
    stem = path.name
    while len(f".{stem}.12345678.4194304.tmp".encode("utf-8", "surrogateescape")) > _MAX_NAME_BYTES and len(stem) > 1:
        stem = stem[: len(stem) // 2]
    return stem


def _open_temporary(path: Path) -> tuple[int, Path]:
    """A new file beside `path`, readable as a normal file would be (0o666 less the umask)."""
    temporary = path.with_name(f".{_stem(path)}.{secrets.token_hex(4)}.{os.getpid()}.tmp")
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
