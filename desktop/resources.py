"""Find the `resources/` folder, whether Précis runs from a source checkout or an installed wheel.

The wheel carries the folder inside the package (`desktop/resources`); a checkout has it beside the package.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def resources_dir() -> Path:
    for candidate in (_PACKAGE_DIR / "resources", _PACKAGE_DIR.parent / "resources"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        "Précis cannot find its resources folder; reinstall it with `pip install .` from the project folder."
    )


def resource_path(name: str) -> Path:
    """The path of one bundled resource file, e.g. ``resource_path("sample-article.txt")``."""
    return resources_dir() / name
