"""Give spaCy shouted words in their ordinary case, keeping every offset.

spaCy's small model reads capitals as names: an editorial that opens "THE relentless wave ..." or "FINANCE
Minister ..." gets THE and FINANCE as organisations, and a headline or dateline in capitals ("CRICKET -
LEICESTERSHIRE TAKE OVER AT TOP", "BELGRADE 1996-08-30") is labelled almost at random. The text spaCy reads is a
copy in which such words are written as in a sentence: an English word in small letters ("take over at top"),
any other word with a capital ("Leicestershire", "Belgrade"). Each word keeps its length, so spaCy's offsets
index the original text, which is what the reader sees and every exporter uses.

Acronyms are left alone: a word in capitals that is not an English word and is short (KDP, NYMEX) or that the
glossary knows (NACTA) stays as it is.
"""

from __future__ import annotations

import re
from typing import Callable

from desktop.core.acronyms import common_words
from desktop.core.glossary.context import countries_of
from desktop.core.wordlist import english_words

#: A word in capitals, with inner apostrophes or hyphens ("PAKISTAN'S", "AL-QAEDA").
_CAPS_WORD = re.compile(r"(?<![\w'’])[A-Z][A-Z'’\-]*[A-Z](?:['’][Ss])?(?![\w])")
_TWO_CAPITALS = re.compile(r"[A-Z]{2}")
_ALPHA_WORD = re.compile(r"[^\W\d_][^\W\d_'’\-]*")
#: English words that usually open a place or body's name: kept with a capital, never lowered.
NAME_WORDS = frozenset(
    "new north south east west northern southern eastern western central united great saint san santa los las "
    "el la le de upper lower royal national republic kingdom states union city county island islands gulf "
    "sea river lake mount cape port fort bay coast golden grand"
    .split()
)
#: Longest word in capitals that is kept as an acronym without the glossary knowing it.
MAX_UNKNOWN_ACRONYM = 4


def normal_case(text: str, knows: Callable[[str], bool] = lambda form: False) -> str:
    """`text` (one paragraph or line) with shouted words in ordinary case; the same length as `text`.

    A line mostly in capitals (a headline, a dateline) has all its shouted words recased; in a line of ordinary
    prose only the run of capitals that opens it ("THE", "FINANCE Minister", "PAKISTAN'S economy").
    """
    if not _TWO_CAPITALS.search(text):
        return text  # nothing in capitals: most paragraphs
    words = _ALPHA_WORD.findall(text)
    if not words:
        return text
    capitals = [m for m in _CAPS_WORD.finditer(text)]
    if not capitals:
        return text
    shouted_line = sum(1 for w in words if len(w) > 1 and w.isupper()) * 3 >= 2 * sum(1 for w in words if len(w) > 1)
    if not shouted_line:
        capitals = _opening_run(text, capitals)
        if not capitals:
            return text
    pieces, position, after_name_word = [], 0, False
    section = _SECTION.match(text) if shouted_line else None
    for match in capitals:
        word = match.group(0)
        opening = match.start() == _first_letter(text) or bool(_SENTENCE_START.search(text[max(0, match.start() - 6):match.start()]))
        if section and match.start() < section.end():
            opening = False  # "CRICKET - LARA ENDURES ...": the section's name is no name; what follows opens
        elif section and match.start() == section.end():
            opening = True
        replacement = _recase(word, opening or after_name_word, knows)
        after_name_word = replacement.lower() in NAME_WORDS and replacement[:1].isupper()
        pieces.append(text[position:match.start()])
        pieces.append(replacement)
        position = match.end()
    pieces.append(text[position:])
    result = "".join(pieces)
    return result if len(result) == len(text) else text


def _first_letter(text: str) -> int:
    for index, ch in enumerate(text):
        if ch.isalpha():
            return index
    return -1


#: A headline's section before a spaced dash: "CRICKET - ", "RUGBY UNION - ".
_SECTION = re.compile(r"[ \t]*[A-Z][A-Z \t]*?[ \t]+-{1,2}[ \t]+(?=[A-Z])")
_SENTENCE_START = re.compile(r"(?:^|[.!?][\"'”’)]*\s+)[\"'“‘(]*$")


def _opening_run(text: str, capitals: list) -> list:
    """The words in capitals that open a sentence of a prose line ("THE relentless ...", "... June. FINANCE
    Minister ..."), each run up to the first word in small letters."""
    run, in_run, position = [], False, 0
    for match in capitals:
        between = text[position:match.start()]
        if in_run and not any(ch.isalpha() for ch in between):
            run.append(match)
        elif _SENTENCE_START.search(text[max(0, match.start() - 6):match.start()]) or not text[:match.start()].strip():
            run.append(match)
            in_run = True
        else:
            in_run = False
        position = match.end()
    return run


def _is_english(word: str) -> bool:
    return word in english_words() or word in common_words()


def _recase(word: str, capital: bool, knows: Callable[[str], bool]) -> str:
    """A word in capitals as it would be written in a sentence: `capital` when it opens the line or follows a
    word that opens names ("NEW YORK")."""
    stem = re.sub(r"['’][Ss]$", "", word)
    lower = stem.lower()
    plain = lower.replace("-", "")
    parts = [part for part in lower.split("-") if part]
    place = len(plain) > 3 and bool(countries_of(lower))
    english = all(_is_english(part) for part in parts) and not place
    if not english and not place and (len(plain) <= MAX_UNKNOWN_ACRONYM or knows(stem)):
        return word  # an acronym
    if english and not capital and lower not in NAME_WORDS:
        cased = lower
    else:
        cased = "-".join(part[:1].upper() + part[1:] for part in lower.split("-"))
    return cased + word[len(stem):].lower()
