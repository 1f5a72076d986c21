"""Mentions only a glossary can vouch for, which the capital-letter rules cannot see or would cut wrongly.

Whole tokens as the glossary writes them ("CP/M", "Wi-Fi", "4GL"), the known acronym heading a numbered
identifier ("CVE" in "CVE-2012-4929"), small-letter abbreviations ("e.g.") and units after a number ("710GB"),
but never an ordinal's ending ("3rd" is no rod); the time of day after a clock time ("3pm", "12:15am", "2.00
PM"); and a currency before an amount ("Rs56bn", "Rs 10 billion").
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
    "CP/M" is not "CP" and "M", "Wi-Fi" is not two title-case words, "4GL" is not a number and a unit, and "Gen Z"
    is a generation, not the General that "Gen" before a name is."""
    found = []
    for match in _JOINED_TOKEN.finditer(text):
        form = match.group()
        if len(form) <= _MAX_JOINED_CHARS and any(ch.isupper() for ch in form) and known(form):
            found.append(AcronymMention(match.start(), match.end(), form))
    for match in _WORD_AND_LETTER.finditer(text):
        if known(match.group()):
            found.append(AcronymMention(match.start(), match.end(), match.group()))
    yield from sorted(found, key=lambda m: m.start)


#: A short capitalised word and a capital letter alone: "Gen Z", "Plan B" (counted only when the glossary knows it).
_WORD_AND_LETTER = re.compile(r"(?<![\w-])[A-Z][a-z]{1,4} [A-Z](?![\w-])")


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
#: The endings of ordinals written with digits ("1st", "22nd", "3rd", "4th"): never units, whatever the glossary
#: knows ("rd" is a rod, "st" a stone).
_ORDINAL_ENDINGS = frozenset({"st", "nd", "rd", "th"})
#: "am" or "pm" after a clock time ("3pm", "3:15pm", "12.30 a.m.", "2.00 PM"): the hour is 1 to 12.
_CLOCK_SUFFIX = re.compile(r"(?<![\w.:,])(?:1[0-2]|0?[1-9])(?:[:.][0-5]\d)?[ \u00a0]?([AaPp][Mm]|[AaPp]\.[Mm]\.)(?!\w)")
#: A short title-case form right before an amount: "Rs56bn", "Rs 10 billion", "Rs.500", "Tk 300".
_BEFORE_AMOUNT = re.compile(r"(?<![\w.])([A-Z][a-z]{1,2})\.?[ \u00a0]?(?=\d)")


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
        if form.lower() in _ORDINAL_ENDINGS and match.start(1) == match.start():
            continue  # "3rd", "21st": an ordinal, glued to its number
        if form.lower() not in common and is_unit(form):
            yield AcronymMention(match.start(1), match.end(1), form)


def at_clock_time(text: str, start: int) -> bool:
    """Whether the "am" or "pm" at `start` follows a clock time ("3pm", "12:15 am")."""
    match = _CLOCK_SUFFIX.search(text, max(0, start - 7), start + 4)
    return bool(match) and match.start(1) == start


def _clock_suffixes(text: str, known: Callable[[str], bool]) -> Iterator[AcronymMention]:
    """"am" and "pm" after a clock time, as the forms "am" and "pm" however they are written ("PM", "p.m."):
    the time of day, not the Prime Minister's "PM" nor a picometre's "pm"."""
    for match in _CLOCK_SUFFIX.finditer(text):
        form = match.group(1).replace(".", "").lower()
        if known(form.upper()):
            yield AcronymMention(match.start(1), match.end(1), form)


def _currencies_before_amounts(text: str, is_currency: Callable[[str], bool]) -> Iterator[AcronymMention]:
    """A currency written before an amount in title case, which the capital-letter rules cannot see: "Rs56bn"."""
    for match in _BEFORE_AMOUNT.finditer(text):
        if is_currency(match.group(1)):
            yield AcronymMention(match.start(1), match.end(1), match.group(1))


def _overlaps(spans: list[tuple[int, int]], mention: AcronymMention) -> bool:
    index = bisect.bisect_right(spans, (mention.start, float("inf")))
    before = spans[index - 1] if index else None
    after = spans[index] if index < len(spans) else None
    return bool(before and before[1] > mention.start) or bool(after and after[0] < mention.end)
