"""What every definition finder shares: a `Definition` built from its two spans, and where a sentence begins.

Kept apart so that the finders (brackets, cues, labels, initials) and the long-form rules they all use can import
it without importing one another.
"""

from __future__ import annotations

from desktop.core.acronyms import Definition, _strip_plural

_MAX_BRACKET_CHARS = 300
#: Words whose final dot does not end a sentence ("e.g. ", "Fig. 2", "et al. ").
_DOTTED_WORDS = frozenset("e.g eg i.e ie vs al fig figs ref refs no nos dr mr mrs ms st ca approx cf etc resp vol".split())


def _make(text: str, short_span: tuple[int, int], long_span: tuple[int, int], pattern: str) -> Definition:
    return Definition(
        short=_strip_plural(text[short_span[0]:short_span[1]]), long=text[long_span[0]:long_span[1]],
        short_start=short_span[0], short_end=short_span[1], long_start=long_span[0], long_end=long_span[1],
        pattern=pattern,
    )


def _sentence_start(text: str, end: int, limit: int = 400) -> int:
    """Where the sentence holding position `end` begins, looking left at most `limit` characters."""
    floor = max(0, end - limit)
    index = end - 1
    while index >= floor:
        ch = text[index]
        if ch == "\n" or ch == ";":
            return index + 1
        if ch in ".!?:" and index + 1 < end and text[index + 1].isspace():
            if ch == ":":
                return index + 1
            after = index + 1
            while after < end and text[after].isspace():
                after += 1
            if after < end and (text[after].isupper() or text[after].isdigit() or text[after] in "\"“‘'([") and not (
                _dotted_word(text, index)
            ):
                return after
        if ch in "—–" and text[index - 1:index] == " " and text[index + 1:index + 2] == " ":
            return index + 1
        index -= 1
    return floor


def _dotted_word(text: str, dot: int) -> bool:
    """Does the dot at `dot` end an abbreviation ("e.g.", "Fig.", "S. cerevisiae") rather than a sentence?"""
    start = dot
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    word = text[start:dot].lower()
    return len(word) == 1 or word in _DOTTED_WORDS
