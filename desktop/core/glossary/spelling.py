"""Whether a short form spells an expansion, and how an expansion from a word list is tidied: the matching that
every derived glossary source needs (Debian's FOLDOC and V.E.R.A., Party Facts), kept apart from the builders
that read each source.
"""

from __future__ import annotations

import re

from desktop.core.acronyms import common_words

MAX_WORDS = 12
_FUNCTION_WORDS = frozenset(
    "a an and as at by de der des di du en et for from in into la le of on or over per the to und van via von with"
    .split()
)


def _alnum(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def spells(short: str, expansion: str) -> bool:
    """Schwartz and Hearst's test: every letter and digit of `short`, right to left, is found in `expansion`
    in order, and the first one at the start of a word. "PPTP" spells "Point-to-Point Tunneling Protocol".
    The first letter may also be a capital inside a word or the x of "ex" ("XML": "eXtensible" or
    "Extensible Markup Language"); digits may be spelt out ("ASN.1": "Abstract Syntax Notation One"). An
    expansion that has the short form as one of its words ("BTRIEVE Technologies") spells nothing."""
    letters = _alnum(short)
    text = expansion.casefold()
    if not letters or not any(ch.isalpha() for ch in letters) or letters in (w.casefold() for w in _words(expansion)):
        return False
    if len(_words(expansion)) == 1 and len(letters) > 1 and not text.startswith(letters):
        return False  # "O/R" is not "Originator"; "PUB" may be "Publishing"
    if not any(ch.isdigit() for ch in text):
        letters = "".join(ch for ch in letters if not ch.isdigit())
    if len(text) != len(expansion):  # a letter that case-folds to two: compare as written
        text = expansion.lower()

    def starts_word(position: int) -> bool:
        if position == 0 or not text[position - 1].isalnum():
            return True
        if expansion[position].isupper() and expansion[position - 1].islower():
            return True  # "eXtensible"
        return text[position] == "x" and text[position - 1] == "e" and (position == 1 or not text[position - 2].isalnum())

    position = len(text) - 1
    for index in range(len(letters) - 1, -1, -1):
        char = letters[index]
        while position >= 0 and (text[position] != char or (index == 0 and not starts_word(position))):
            position -= 1
        if position < 0:
            return False
        position -= 1
    return True


def _words(expansion: str) -> list[str]:
    return re.findall(r"[^\W_]+", expansion)


def spells_strictly(short: str, expansion: str) -> bool:
    """A stricter test for plain text, which may be a definition rather than a name: every word but the small
    function words and the later parts of hyphenated words gives at least one letter, its first or a capital
    inside it ("CONtrol"), and the letters of `short` are used up in order. "DFA" is "Deterministic
    Finite-state Automaton", not "A Data Flow Array compiler"."""
    letters = _alnum(short)
    words = [(m.group(0), m.start() > 0 and expansion[m.start() - 1] == "-")
             for m in re.finditer(r"[^\W_]+", expansion)]

    def optional(i: int) -> bool:
        word, after_hyphen = words[i]
        return after_hyphen or word.casefold() in _FUNCTION_WORDS

    def match(i: int, j: int) -> bool:
        if j == len(letters):
            return all(optional(k) for k in range(i, len(words)))
        if i == len(words):
            return False
        word = words[i][0]
        if optional(i) and match(i + 1, j):
            return True
        starts = [0] + [k for k, ch in enumerate(word) if k and ch.isupper() and word[k - 1].islower()]
        for start in starts:
            if word[start].casefold() != letters[j]:
                continue
            k, m = start, j  # this word gives one or more letters, in order, from `start`
            while m < len(letters) and k < len(word):
                if word[k].casefold() == letters[m]:
                    m += 1
                    if match(i + 1, m):
                        return True
                k += 1
        return False

    return bool(letters) and bool(words) and match(0, 0)


def looks_like_acronym(short: str) -> bool:
    """Two capitals, or a capital and a digit, and no spaces: "NTFS", "MySQL", "J2EE", "TCP/IP", "AT&T"."""
    if not short or " " in short or len(short) > 16 or not short[0].isalnum():
        return False
    upper = sum(ch.isupper() for ch in short)
    digits = sum(ch.isdigit() for ch in short)
    if upper < 2 and not (upper == 1 and digits):
        return False
    if re.fullmatch(r"[A-Z]+", short) and short.casefold() in common_words():
        return False  # "AND", "THE", "NOT": a shouted word, not an acronym
    return bool(re.fullmatch(r"[\w&/.+\-]+", short))


def name_sized(expansion: str) -> bool:
    """A name, not a sentence: a few words, no sentence break, no bracket left open, no link left in."""
    if not expansion or len(_words(expansion)) > MAX_WORDS or len(expansion) > 120:
        return False
    if expansion.split()[0].casefold() in ("or", "see", "also", "cf", "cf.", "aka"):
        return False  # a cross-reference
    if re.search(r"[.!?;:]\s+\S|[{}<>\[\]\"]|https?:|\?|[a-z]{2}\.[A-Za-z]", expansion):
        return False
    if expansion.count("(") != expansion.count(")"):
        return False
    return bool(re.search(r"[^\W\d_]{2}", expansion))


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().strip(",;").strip()


def decapitalise(short: str, expansion: str) -> str:
    """Undo the capitals both dictionaries give the letters an acronym takes: "Synchronous Optical NETwork"
    (SONET) -> "Synchronous Optical Network", "eXtended" -> "Extended". Only a run of capitals that is part of
    the short form is undone, so "VMEbus" or "DECnet" in another acronym's expansion stay as they are."""
    letters = _alnum(short)

    def fix(match: re.Match) -> str:
        word = match.group(0)
        if word.startswith("eX"):
            return "Ex" + word[2:]
        head = re.match(r"[A-Z]+", word).group(0)
        return word[0] + word[1:].lower() if head.casefold() in letters else word

    return re.sub(r"\b(?:[A-Z]{2,}[a-z]{3,}|eX[a-z]{3,})\b", fix, expansion)
