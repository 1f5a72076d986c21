"""Definitions by initials: a capitalised name whose initials spell an acronym the text uses later.

News often names "the National Accountability Bureau" and later writes only "NAB", with no bracket or cue.
This finder runs last, only for acronyms nothing else defines, and is strict for precision: whole capitalised
runs, three letters or more (or two with a version number: "Creative Suite 3", "CS3"), in running prose.
"""

from __future__ import annotations

import re
from typing import Iterator

from desktop.core.acronyms import FUNCTION_WORDS, Definition, _POSSESSIVE, _all_candidates, _roman_kind, common_words
from desktop.core.definitions._text import _make, _sentence_start
from desktop.core.definitions.conventions import _ROMAN_VALUES

_CAPITAL_WORD = r"[A-Z][\w'’]*(?:-[\w'’]+)*"
_CAPITAL_RUN = re.compile(_CAPITAL_WORD + r"(?:[ \t]+(?:(?:of|and|the|for|on|in|&)[ \t]+)*" + _CAPITAL_WORD + r")+")
_INITIALS_SKIP = frozenset({"of", "and", "the", "for", "on", "in", "&"})


def _initials_definitions(text: str, defined: set[str]) -> Iterator[Definition]:
    """A capitalised name whose initials spell an acronym the text uses later, when nothing else defines it.

    Strict, for precision: the long form is a whole run of capitalised words, or the part of one after "of",
    "and", "the"... ("Officials of the National Accountability Bureau"), never any other part; its words
    are words (letters, two or more) and only of/and/the/for/on/in may be lower-case, giving no letter (or their
    small letter, for "MoU"); a hyphenated word gives its first letter or its capitalised parts' ("Tehreek-e-
    Taliban" gives T or TT). The acronym has three letters or more and no digit (two-letter coincidences are too
    common: "Ovi Suite" and "OS"), or else two letters or more and the number that follows the name ("Creative
    Suite 3", "CS3"); it is not used before the name, and sits in running prose (not an address).
    """
    names: dict[str, tuple[int, int]] = {}
    openers = common_words() | _INITIALS_SKIP
    for run in _CAPITAL_RUN.finditer(text):
        tokens = [(run.start() + m.start(), run.start() + m.end()) for m in re.finditer(r"\S+", run.group())]
        first = 0
        while first < len(tokens) - 1 and text[tokens[first][0]:tokens[first][1]].lower() in openers:
            first += 1
        # The whole run, without opening words ("The"), or what follows one of its connectors: "Officials of the
        # National Accountability Bureau" holds "National Accountability Bureau".
        after_connectors = [
            i + 1 for i in range(first, len(tokens) - 1)
            if text[tokens[i][0]:tokens[i][1]].lower() in _INITIALS_SKIP
            and text[tokens[i + 1][0]:tokens[i + 1][1]].lower() not in _INITIALS_SKIP
        ]
        for begin, stop in _name_spans(text, tokens, first, after_connectors):
            words = [text[s:e] for s, e in tokens[begin:stop]]
            if len(words) < 2 or words[0].lower() in _INITIALS_SKIP:
                continue
            if not all(_is_name_word(word) for word in words if word.lower() not in _INITIALS_SKIP):
                continue
            start, end = tokens[begin][0], tokens[stop - 1][1]
            if _POSSESSIVE.search(words[-1]):
                end -= 2
            for initials in _initials_options(words):
                if len(initials) >= 3:
                    names.setdefault(initials, (start, end))
        names.update({key: span for key, span in _numbered_names(text, tokens).items() if key not in names})
    if not names:
        return
    first_use: dict[str, int] = {}
    common = common_words()
    mentions = [  # acronyms in capitals, by the shape rules alone (the context rules are find_acronyms's job)
        candidate for candidate in _all_candidates(text, titles=False)
        if candidate.kind != "title" and candidate.form.lower() not in common and not _roman_kind(candidate.form)
    ]
    for mention in mentions:
        first_use.setdefault(mention.form, mention.start)
    seen: set[str] = set()
    for mention in mentions:
        form = mention.form
        if form in seen or form in defined:
            continue
        numbered = _NUMBERED_ACRONYM.fullmatch(form)
        if numbered:
            letters = numbered.group(1) + numbered.group(2)
        elif form.replace("-", "").replace("&", "").isalpha():
            letters = "".join(ch for ch in form if ch.isalpha())
        else:
            continue
        for key in dict.fromkeys((letters, letters.upper())):
            span = names.get(key)
            if span is None or first_use[form] < span[1] or not _in_prose(text, mention.start):
                continue
            if any(word.strip(".,").lower() == form.lower() for word in text[span[0]:span[1]].split()):
                continue
            seen.add(form)
            yield _make(text, (mention.start, mention.end), span, "initials")
            break


#: A version or edition number after a name, and an acronym of initials with that number: "Creative Suite 3",
#: "CS3". The number is evidence enough for two initials.
_VERSION = re.compile(r"[ \t]+(\d{1,4})(?![\w,.]\w)")
_NUMBERED_ACRONYM = re.compile(r"([A-Z]{2,})-?(\d{1,4})")


def _numbered_names(text: str, tokens: list[tuple[int, int]]) -> dict[str, tuple[int, int]]:
    """The names a capitalised run ends with when a version number follows it, by initials and number: "Adobe
    Creative Suite 3" gives "ACS3" and "CS3" for "Creative Suite 3". A brand before a product's name is not part
    of its acronym, so any last words of the run may be the name."""
    number = _VERSION.match(text, tokens[-1][1])
    if not number:
        return {}
    names = {}
    for begin in range(len(tokens) - 1):
        words = [text[s:e] for s, e in tokens[begin:]]
        if words[0].lower() in _INITIALS_SKIP or not all(
            _is_name_word(word) for word in words if word.lower() not in _INITIALS_SKIP
        ):
            continue
        for initials in _initials_options(words):
            names.setdefault(initials + number.group(1), (tokens[begin][0], number.end()))
    return names


def _name_spans(text: str, tokens: list[tuple[int, int]], first: int, after_connectors: list[int]):
    """The token ranges of a capitalised run that may be a name: the whole run, from its first word past any
    opening word, or from after a connector (see `_initials_definitions`); each of them also up to a connector
    other than "of", "and" and "&", which join the parts of one name ("National Football League" in "National
    Football League for the New York Jets"), and without a closing Roman numeral, which numbers a name's sequels
    ("Grand Theft Auto IV")."""
    ends = [len(tokens)]
    ends += [i for i in after_connectors if text[tokens[i - 1][0]:tokens[i - 1][1]].lower() not in ("of", "&", "and")]
    ends = [e - 1 if text[tokens[e - 1][0]:tokens[e - 1][1]].lower() in _INITIALS_SKIP else e for e in ends]
    last = text[tokens[-1][0]:tokens[-1][1]]
    if last in _ROMAN_VALUES:
        ends.append(len(tokens) - 1)
    spans = []
    for begin in dict.fromkeys([0, first, *after_connectors]):
        for end in ends:
            while end > begin and text[tokens[end - 1][0]:tokens[end - 1][1]].lower() in _INITIALS_SKIP:
                end -= 1
            if end - begin >= 2:
                spans.append((begin, end))
    return list(dict.fromkeys(spans))


def _is_name_word(word: str) -> bool:
    word = _POSSESSIVE.sub("", word)
    letters = word.replace("-", "").replace("'", "").replace("’", "")
    return len(letters) >= 2 and letters.isalpha()


def _in_prose(text: str, position: int) -> bool:
    """Is `position` in a sentence of running prose, with at least three lower-case words?"""
    start = _sentence_start(text, position, limit=300)
    stop = re.compile(r"[.!?;\n]\s").search(text, position, min(len(text), position + 300))
    end = stop.start() if stop else min(len(text), position + 300)
    lower = [w for w in re.findall(r"[^\W\d_]+", text[start:end]) if w.islower() and w not in FUNCTION_WORDS]
    return len(lower) >= 3


def _initials_options(words: list[str], limit: int = 16) -> set[str]:
    """The strings a run of capitalised words can abbreviate to: "National Action Plan" -> {"NAP"};
    "Memorandum of Understanding" -> {"MU", "MoU"}; "Tehreek-e-Taliban Pakistan" -> {"TP", "TTP"}."""
    options = {""}
    for word in words:
        lower = word.lower()
        if lower in _INITIALS_SKIP:
            if lower != "&":
                options |= {option + lower[0] for option in options}
        else:
            parts = [part for part in word.split("-") if part]
            capitals = "".join(part[0] for part in parts if part[0].isupper())
            choices = {word[0].upper(), capitals} if len(capitals) > 1 else {word[0].upper()}
            options = {option + choice for option in options for choice in choices}
        if len(options) > limit:
            return set()
    return options
