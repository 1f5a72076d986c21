"""The user's glossary, opened once per process and shared by every analysis (and, later, the window).

A glossary that cannot be opened (damaged, locked, unwritable folder) must never stop an analysis: the caller
gets None and the reason, shows the reason, and carries on with the built-in glossary alone.
"""

from __future__ import annotations

import atexit
import logging
import threading
from typing import Optional

from desktop.core.errors import PrecisError
from desktop.core.glossary.user_db import UserGlossary, default_path

log = logging.getLogger(__name__)

_lock = threading.Lock()
_current: Optional[UserGlossary] = None


def user_glossary() -> UserGlossary:
    """The glossary at `default_path()` (which follows PRECIS_DATA_DIR); raises PrecisError if it cannot open."""
    global _current
    path = default_path()
    with _lock:
        if _current is not None and _current.path == path:
            return _current
        if _current is not None:
            _current.close()
            _current = None
        _current = UserGlossary(path)
        return _current


def try_user_glossary() -> tuple[Optional[UserGlossary], Optional[str]]:
    """(the glossary, None), or (None, a message for the user) when it cannot be opened."""
    try:
        return user_glossary(), None
    except PrecisError as error:
        log.info("user glossary unavailable: %s", error)
        return None, f"Your own glossary is not available: {error}"


@atexit.register
def close_user_glossary() -> None:
    global _current
    with _lock:
        if _current is not None:
            _current.close()
            _current = None
