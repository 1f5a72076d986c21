"""The one error type a user can act on.

Everything that is the input's fault (empty, binary, unreadable, a missing model) raises `PrecisError` with a
plain message and a hint. The CLI prints it as one line and exits 1; the window shows it as a message. Anything
else that escapes is a bug and is logged with its traceback.
"""

from __future__ import annotations


class PrecisError(Exception):
    """A problem the user can fix, with a message saying what happened and a hint saying what to do."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


class AnalysisCancelled(Exception):
    """Raised inside a running analysis when its caller asked it to stop; not an error to report."""
