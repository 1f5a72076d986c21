"""A capitalised English word the glossary knows as a body ("Congress", "Senate", "Rangers") that ends a longer
name in the article names that longer body, not the known one.

"The PFF Extraordinary Congress" is the football federation's general assembly, not India's Congress party;
"the Tufts Community Union Senate" is a student body, not the US Senate; "Queens Park Rangers" is a football
club. The words before the mention say so: they are neither words of the sense's name nor places of its country.
"US Congress", "Indian National Congress", "Sindh Rangers" and "Pakistan's Senate" fit their senses, and a
capitalised word that merely starts the sentence ("Former Congress leaders") says nothing.
"""

from __future__ import annotations

import re
from typing import Sequence

from desktop.core.acronyms import common_words
from desktop.core.glossary.bundled import Sense
from desktop.core.wordlist import english_words

#: A capitalised word (or acronym) right before a name, with the single space that joins them.
_HEAD_WORD = re.compile(r"(?<![\w\u00ad&'’-])([A-Z][\w\u00ad&'’-]*)[ \u00a0]$")
_POSSESSIVE = re.compile(r"['’]s$")
_SENTENCE_END = re.compile(r"(?:^|[.!?:;\"“”‘’(\[\n])\s*$")
#: Senses that name one body, which a longer name can contradict; a term ("Inc": incorporated) ends names anyway.
_BODY_KINDS = frozenset({"organisation", "agency", "party", "armed-group", "court", "programme"})
#: The alpha-2 codes written differently in news ("UK" for GB).
_CODE_ALIASES = {"UK": "GB"}


def is_common_word_name(term: str) -> bool:
    """A term that is an English word written with a capital ("Congress"), not an acronym ("Nacta")."""
    return term.isalpha() and term.istitle() and term.lower() in english_words()


def heads_before(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[str, ...]]:
    """For each mention (start, end) inside a longer capitalised name, the words of that name before it ("PFF",
    "Extraordinary"); mentions with none give nothing. A leading "The" and a sentence's first common word go."""
    heads = []
    for start, _ in spans:
        words: list[str] = []
        position = start
        while True:
            match = _HEAD_WORD.search(text, max(0, position - 40), position)
            if not match:
                break
            words.insert(0, match.group(1))
            position = match.start()
        if words and _SENTENCE_END.search(text[max(0, position - 3):position]) and (
            words[0].lower() in common_words() or words[0].lower() in english_words()
        ):
            words.pop(0)  # "Former Congress leaders": the sentence starts there
        if words and words[0] in ("The", "THE"):
            words.pop(0)
        if words:
            heads.append(tuple(_POSSESSIVE.sub("", w.replace("\u00ad", "")) for w in words))
    return heads


def occurrences(text: str, word: str) -> list[tuple[int, int]]:
    """Every place the word is written as a whole word with its capital: an organisation's mentions as spaCy
    labelled them may leave out the one inside the longer name."""
    return [m.span() for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text)]


def fits(sense: Sense, head: tuple[str, ...]) -> bool:
    """Whether the words before a mention can belong to the sense's name: words of its expansion, or a place,
    people or country code of its country ("US Congress", "Sindh Rangers")."""
    from desktop.core.glossary.context import countries_of

    own = {w.lower() for w in re.findall(r"[^\W_]+", sense.expansion)}
    national = {c for c in sense.countries if c != "international"}
    for word in head:
        if word.lower() in own:
            continue
        if national and (
            national & set(countries_of(word)) or _CODE_ALIASES.get(word, word) in national
        ):
            continue
        return False
    return True


def senses_fitting_names(senses: list[Sense], heads: list[tuple[str, ...]]) -> list[Sense]:
    """The senses the article's longer names leave possible: one is ruled out when a name around a mention does
    not fit it and no other name does ("the Tufts Community Union Senate ... the Senate")."""
    if not heads:
        return senses
    return [s for s in senses if s.kind not in _BODY_KINDS or any(fits(s, h) for h in heads)]
