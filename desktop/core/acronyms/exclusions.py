"""The rules that decide whether a candidate is an acronym, and what only looks like one.

Web and e-mail addresses, people's initials ("J.K. Rowling"), English words set in capitals, Roman numerals,
common words, and the decisions about ambiguous capitals that the package docstring lists.
"""

from __future__ import annotations

import re
from typing import Callable

from desktop.core.acronyms.candidates import _Candidate, _letters, _roman_kind
from desktop.core.acronyms.context import (
    _is_sentence_start,
    _next_is_dateline_mark,
    _next_word_is_lower,
    _previous_word_capitalised,
)
from desktop.core.wordlist import english_words


#: Shorter words in capitals are too often real acronyms the glossary lacks (NAP, SOP, AIDS) to be ruled out.
MIN_SHOUTED_WORD = 5


def _is_english_word(candidate: _Candidate, known: Callable[[str], bool], bracketed: set[str]) -> bool:
    """Whether a form in capitals is an English word the glossary does not know and the text never sets alone in
    brackets: "DISASTER", "SHOPKEEPER", "CURRENT" (five letters or more). Known acronyms that are words (NATO, RADAR, WHO) stay acronyms,
    and so does "(CLEAR)", which the writer presents as a name."""
    form = candidate.form
    if candidate.kind != "caps" or len(form) < MIN_SHOUTED_WORD or not form.isalpha() or form in bracketed:
        return False
    return form.lower() in english_words() and not known(form)


_WEB_DOMAIN_AFTER = re.compile(r"\.(?:com|org|net|gov|edu|int|io|co|uk|pk|in|info|tv)\b", re.IGNORECASE)
_SPACE = re.compile(r"\s")


def _in_address(text: str, start: int, end: int) -> bool:
    """Whether a span lies inside an e-mail or web address (the run of text between spaces around it)."""
    if "@" not in text[max(0, start - 80):end + 80] and "/" not in text[max(0, start - 80):end + 80]:
        return False  # the common case, decided without looking for the run's ends
    left = start
    while left > 0 and not text[left - 1].isspace() and start - left < 200:
        left -= 1
    match = _SPACE.search(text, end, min(len(text), end + 200))
    run = text[left:match.start() if match else min(len(text), end + 200)]
    return "@" in run or "://" in run or run.lower().startswith("www.")


def _looks_like_shouted_word(text: str, candidate: _Candidate, lead: bool) -> bool:
    """A long unknown word in capitals followed by small letters: "CONSIDERING the ...", "PESHAWAR: The ..."."""
    letters = len(_letters(candidate.form))
    if candidate.kind != "caps" or "." in candidate.form:
        return False
    if lead and (letters >= 5 and _next_word_is_lower(text, candidate.end) or _next_is_dateline_mark(text, candidate.end)):
        return True
    return letters >= 7 and _next_word_is_lower(text, candidate.end)


def _is_initials_of_name(text: str, candidate: _Candidate) -> bool:
    """"J.K. Rowling": dotted initials followed by a capitalised word."""
    if "." not in candidate.form:
        return False
    rest = text[candidate.end:candidate.end + 40]
    match = re.match(r"\s+([A-Z][a-z]+)", rest)
    return bool(match)


def _accept(text, facts, candidate, context, known, confirmed, common) -> bool:
    form = candidate.form
    if candidate.kind == "title":
        if not known(form):
            return False
        return not (form.lower() in common and _is_sentence_start(text, candidate.start))
    roman = _roman_kind(form)
    if roman == "ivx":
        return known(form) and not _previous_word_capitalised(text, candidate.start) and context == "normal"
    if roman == "long" and not known(form):
        return False
    is_common = form.lower() in common
    if context in ("headline", "shouted"):
        return not is_common and (form in confirmed or known(form))
    if is_common:
        # "WHO warned..." may open a sentence, but "IT is a pity..." opening an article is a newspaper's lead-in.
        if candidate.start == facts.article_lead:
            return False
        return context in ("normal", "lead") and known(form)
    if known(form):
        return True
    if _is_initials_of_name(text, candidate) and form not in confirmed:
        return False
    if facts.used_as_word(form, capitalised_too=context == "lead"):
        return False
    if _looks_like_shouted_word(text, candidate, lead=context == "lead"):
        return form in confirmed
    return True
