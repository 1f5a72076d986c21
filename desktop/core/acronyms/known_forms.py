"""Mentions only a glossary can vouch for, which the capital-letter rules cannot see or would cut wrongly.

Whole tokens as the glossary writes them ("CP/M", "Wi-Fi", "4GL"), the known acronym heading a numbered
identifier ("CVE" in "CVE-2012-4929"), small-letter abbreviations ("e.g.") and units after a number ("710GB").
"""

from __future__ import annotations

import bisect
import re
from typing import Callable, Iterator

from desktop.core.acronyms.candidates import _Candidate
from desktop.core.acronyms.mentions import AcronymMention

#: A token joined by slashes or hyphens, or beginning with a digit: "CP/M", "I/O", "Wi-Fi", "2B1Q", "4GL".
_JOINED_TOKEN = re.compile(r"(?<![\w/&-])(?:[\w&]+(?:[/-][\w&]+)+|\d+[A-Za-z][\w]*)(?![\w/&-])")


def _known_whole_tokens(text: str, known: Callable[[str], bool]) -> Iterator[AcronymMention]:
    """Whole tokens the glossary knows as written, which the capital-letter rules would cut into pieces or skip:
    "CP/M" is not "CP" and "M", "Wi-Fi" is not two title-case words, "4GL" is not a number and a unit."""
    for match in _JOINED_TOKEN.finditer(text):
        form = match.group()
        if len(form) <= _MAX_JOINED_CHARS and any(ch.isupper() for ch in form) and known(form):
            yield AcronymMention(match.start(), match.end(), form)


_MAX_JOINED_CHARS = 12


#: An identifier made of an acronym and numbers: "CVE-2012-4929", "SHA-256", "ISO-9001".
_NUMBERED_IDENTIFIER = re.compile(r"([A-Z][A-Z&]+)(?:-\d+)+[A-Za-z]?")


def _known_head(candidate: _Candidate, known: Callable[[str], bool]) -> AcronymMention:
    """The mention of a candidate; for a numbered identifier the glossary does not know as a whole, its known
    acronym: in "CVE-2012-4929" the reader wants CVE explained, and the number is not part of it."""
    match = _NUMBERED_IDENTIFIER.fullmatch(candidate.form)
    if match and not known(candidate.form) and known(match.group(1)):
        return AcronymMention(candidate.start, candidate.start + len(match.group(1)), match.group(1))
    return AcronymMention(candidate.start, candidate.end, candidate.form)



#: Abbreviations in small letters with dots: "e.g.", "i.e.", "a.k.a.", "etc.", "vs." (the dot may end a sentence).
_SMALL_DOTTED = re.compile(r"(?<![\w.])(?:[a-z]{1,3}\.){2,}|(?<![\w.])[a-z]{2,6}\.(?=\s|$|[,;:)])")
#: A unit right after a number: "5 mm", "710GB", "10 dB", "3.5 µm", "54 Mbit/s".
_UNIT_AFTER_NUMBER = re.compile(r"(?<=\d)\s?([A-Za-zµ]{2,5}(?:/[a-z]{1,3})?)(?![\w/])")


def _small_letter_abbreviations(
    text: str, known: Callable[[str], bool], is_unit: Callable[[str], bool], common: frozenset
) -> Iterator[AcronymMention]:
    """Known abbreviations the capital-letter rules cannot see: Latin and everyday ones written in small letters
    with dots, and units after a number. Only glossary forms count, and never a common word ("in", "am"), so a
    sentence's last word is not taken for an abbreviation by its full stop."""
    for match in _SMALL_DOTTED.finditer(text):
        form = match.group()
        if form.count(".") == 1 and (form[:-1] in common or not known(form)):
            continue
        if known(form):
            yield AcronymMention(match.start(), match.end(), form)
    for match in _UNIT_AFTER_NUMBER.finditer(text):
        form = match.group(1)
        if form.lower() not in common and is_unit(form):
            yield AcronymMention(match.start(1), match.end(1), form)


def _overlaps(spans: list[tuple[int, int]], mention: AcronymMention) -> bool:
    index = bisect.bisect_right(spans, (mention.start, float("inf")))
    before = spans[index - 1] if index else None
    after = spans[index] if index < len(spans) else None
    return bool(before and before[1] > mention.start) or bool(after and after[0] < mention.end)
