"""The article as context for choosing meanings: the countries it mentions, its words, spaCy's labels by span,
its field, and the words near an acronym's mentions.

It exists apart from `acronym_meaning` and `resolve` because both those and `organisation_entries` read the same
context, and keeping it at the bottom of the import chain avoids cycles.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional, Sequence

from desktop.core.acronyms import common_words
from desktop.core.glossary.context import article_countries
from desktop.core.glossary.fields import FIELDS
from desktop.core.model import Entity, Mention

#: How far above an even split an article's share of a field must be for the article to lean to that field.
LEAN_MARGIN = 0.1
#: How far around a mention the words of an expansion count (about two sentences each way).
NEARBY_CHARS, MAX_NEARBY_MENTIONS = 400, 50

_WORD = re.compile(r"[^\W\d_]+")
_LEADING_THE = re.compile(r"^(?:the|The)\s+")
_FOREIGN_STOP = frozenset("de del der des di du e la le und van von y".split())


@lru_cache(maxsize=1)
def _common() -> frozenset[str]:
    return common_words() | _FOREIGN_STOP


@dataclass(frozen=True)
class _Context:
    """What the article says about itself: the countries it mentions, its words, and spaCy's labels by span."""

    countries: Counter
    words: frozenset
    label_by_span: dict
    lowered: str
    fields: Optional[dict] = None
    after_number: float = 0.0
    nearby: frozenset = frozenset()
    near_countries: frozenset = frozenset()

    @classmethod
    def of(cls, text: str, entities: Sequence[Entity]) -> "_Context":
        return _context_of(text, tuple(entities))

    def labels_at(self, mentions: Sequence[Mention]) -> Counter:
        return Counter(self.label_by_span[(m.start, m.end)] for m in mentions if (m.start, m.end) in self.label_by_span)


@lru_cache(maxsize=1)
def _context_of(text: str, entities: tuple[Entity, ...]) -> _Context:
    """The context of the last article asked for: the glossary and the profile its learned definitions keep both
    read it (read only), and building it scans the whole text."""
    places = [e.text for e in entities if e.label in ("GPE", "NORP", "LOC")]
    return _Context(
        countries=article_countries(places),
        words=frozenset(w.lower() for w in _WORD.findall(text)),
        label_by_span={(e.start, e.end): e.label for e in entities},
        lowered=" ".join(text.lower().split()),
    )


def forget_last_article() -> None:
    """Drop the kept context (see `_context_of`); `pipeline.analyze` calls it before each analysis."""
    _context_of.cache_clear()


def article_field(shares: Optional[dict]) -> Optional[str]:
    """The field an article leans to clearly (see `fields.shares`), or None when it leans to none."""
    if not shares:
        return None
    best = max(shares, key=shares.get)
    return best if shares[best] >= 1.0 / len(FIELDS) + LEAN_MARGIN else None


def _sport_word(text: str) -> frozenset:
    """The name of the team sport a story is about ("cricket"), counted as if written beside every acronym: a
    match report says "bowlers" and "wicket" but seldom "cricket", and the ICC it names is the cricket council,
    not the criminal court."""
    from desktop.core.entities.sports import sport_of

    sport = sport_of(text)
    return frozenset({sport}) if sport else frozenset()


def _words_near(text: str, mentions: Sequence[Mention]) -> frozenset:
    """The words around an acronym's mentions: an expansion's words count as a clue only there, since common
    words ("access", "point") turn up somewhere in any long article."""
    words = set()
    for mention in mentions[:MAX_NEARBY_MENTIONS]:
        window = text[max(0, mention.start - NEARBY_CHARS):mention.end + NEARBY_CHARS]
        words.update(w.lower() for w in _WORD.findall(window))
    return frozenset(words)


#: Countries news writes by a code that is not their ISO alpha-2 or alpha-3 code.
_COUNTRY_CODES = {"UK": "GB", "UAE": "AE"}


def country_codes(text: str, label_by_span: dict) -> list[tuple[int, int, str]]:
    """(start, end, full name in small letters) of every country spaCy found written as a code ("US", "UK",
    "UAE"), in text order; computed once per article for `_country_names_near`."""
    import pycountry

    found = []
    for (start, end), label in label_by_span.items():
        code = text[start:end]
        if label != "GPE" or not (2 <= len(code) <= 3 and code.isupper() and code.isalpha()):
            continue
        code = _COUNTRY_CODES.get(code, code)
        country = pycountry.countries.get(alpha_2=code) if len(code) == 2 else pycountry.countries.get(alpha_3=code)
        if country is not None:
            found.append((start, end, " ".join(_WORD.findall(country.name)).lower()))
    return sorted(found)


def _country_names_near(codes: list[tuple[int, int, str]], mentions: Sequence[Mention]) -> frozenset:
    """The full names of the countries written as codes (`country_codes`) around an acronym's mentions, but not
    at them: "the US government notified Congress" names the United States beside Congress, as "United States
    Congress" asks."""
    if not codes:
        return frozenset()
    own = {(m.start, m.end) for m in mentions}
    starts = [start for start, _, _ in codes]
    names: set[str] = set()
    for mention in mentions[:MAX_NEARBY_MENTIONS]:
        index = bisect_left(starts, mention.start - NEARBY_CHARS)
        while index < len(codes) and codes[index][0] <= mention.end + NEARBY_CHARS:
            start, end, name = codes[index]
            if (start, end) not in own and end <= mention.end + NEARBY_CHARS:
                names.add(name)
            index += 1
    return frozenset(names)


def _after_number(text: str, mentions: Sequence[Mention]) -> float:
    """The share of mentions written right after a number ("710GB", "5 km"), where a unit is meant."""
    if not mentions:
        return 0.0
    def follows_number(start: int) -> bool:
        before = text[max(0, start - 2):start]
        return before[-1:].isdigit() or (before[-1:] in (" ", "\u00a0") and before[:1].isdigit())
    return sum(follows_number(m.start) for m in mentions) / len(mentions)
