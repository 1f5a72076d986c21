"""English words, for telling a word a writer shouts ("a TOTAL DISASTER") from an acronym nobody defined.

The list (`resources/english-words.txt`, about 65,000 words in small letters from SCOWL's American and British
lists) is derived by `python -m desktop.core.glossary.build_debian`. It is read once, on first use.
"""

from __future__ import annotations

from functools import lru_cache

from desktop.resources import resource_path

WORD_LIST = "english-words.txt"


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Every word of the list; empty if the file is missing, so that the finder still works without it."""
    try:
        lines = resource_path(WORD_LIST).read_text(encoding="utf-8").splitlines()
    except OSError:
        return frozenset()
    return frozenset(line for line in lines if line and not line.startswith("#"))
