"""Hooks `resolve` runs around the organisation entries: spaCy's labels corrected for names the built-in glossary
or the article says are organisations, known names spaCy missed, a piece of a club's name that is no term, and an
acronym entry that is really a place or a heading word.

Apart from `organisations` (which explains one name) because these read and change the article's entities.
"""

from __future__ import annotations

import re

from desktop.core.glossary.bundled import BundledGlossary
from desktop.core.glossary.context import countries_of
from desktop.core.glossary.directory import listed_body
from desktop.core.glossary.organisation_descriptors import makes_before
from desktop.core.glossary.organisation_structure import head_noun
from desktop.core.glossary.organisations import (
    _NOUN_BEFORE, _SMALL_WORDS, _first_key, clean_span, display_name, name_index,
)
from desktop.core.wordlist import english_words


# -- hooks for resolve ----------------------------------------------------------------------------------------

#: spaCy labels under which a known organisation's name may hide ("Jamaat-i-Islami" as a PERSON or NORP).
_MISLABELS = ("PERSON", "NORP", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT")


def relabel_known(text: str, entities, bundled: BundledGlossary) -> list:
    """Entities whose cleaned name is a built-in organisation become ORG, unless the name is a place."""
    from dataclasses import replace

    index = name_index(bundled)
    result = []
    for entity in entities:
        if entity.label in _MISLABELS and entity.text[:1].isupper() and not countries_of(entity.text):
            start, end = clean_span(text, entity.start, entity.end)
            name = display_name(text[start:end])
            if len(name) > 3 and not name.isupper() and (
                    index.senses(name) or _named_as_organisation(text, start, name)
                    or (entity.label in ("FAC", "PRODUCT") and listed_body(name))):
                entity = replace(entity, label="ORG")
        result.append(entity)
    return result


_CAPITALISED_RUN = re.compile(
    r"(?<![\w\-])[A-Z][\w’'\-\u00ad]*(?:\s(?:of|and|for|the|&|on|[A-Z][\w’'\-\u00ad]*|\d{3,4}))*(?:\s\d{3,4})?"
)
MAX_NAME_WORDS = 8


def find_known_names(text: str, entities, bundled: BundledGlossary) -> list:
    """Add the built-in organisations the article names where spaCy saw no name, or only a part of one
    ("Pakistan Tehreek-i-Insaf" read as the place "Pakistan"; "Rescue 1122" not at all)."""
    from desktop.core.model import Entity

    index = name_index(bundled)
    starts = sorted((e.start, e.end) for e in entities)
    added, replaced = [], set()
    for run in _CAPITALISED_RUN.finditer(text):
        words = [(m.start() + run.start(), m.end() + run.start()) for m in re.finditer(r"\S+", run.group(0))]
        words = [(s, e - 2 if text[e - 2:e] in ("’s", "'s") else e) for s, e in words]
        if len(words) < 2 and (words and _is_plain(text[words[0][0]:words[0][1]])):
            continue
        position = 0
        while position < len(words):
            opening = text[words[position][0]:words[position][1]]
            if opening != "The" and _first_key(opening) not in index.first_words:
                position += 1  # no built-in name begins with this word
                continue
            for stop in range(min(len(words), position + MAX_NAME_WORDS), position, -1):
                start, end = words[position][0], words[stop - 1][1]
                name = display_name(text[start:end])
                first, last = name.split()[0], name.split()[-1].lower()
                if first == "The" and stop - position >= 2:
                    found = bool(index.exact(name))  # "The Wire": only a name known with its "The"
                    start = words[position + 1][0]  # the name, as entities have it, without "The"
                elif {first.lower(), last} & _SMALL_WORDS or (stop - position == 1 and _is_plain(name)):
                    continue
                else:
                    found = bool(index.senses(name))
                if found:
                    overlapping = [(s, e) for s, e in starts if s < end and start < e]
                    if all(start <= s and e <= end and (s, e) != (start, end) for s, e in overlapping):
                        added.append(Entity(start, end, "ORG", text[start:end]))
                        replaced.update(overlapping)
                    position = stop - 1
                    break
            position += 1
    added.extend(_described_names(text, starts, added))
    if not added:
        return list(entities)
    kept = [e for e in entities if (e.start, e.end) not in replaced]
    return sorted(kept + added, key=lambda e: (e.start, e.end))


_DESCRIBED_NAME = re.compile(
    rf"(?<![\w’'\-])([A-Z][\w’'\-]*(?:\s(?:of|for|and|Against|[A-Z][\w’'\-]*)){{0,5}})"
    rf"(?=\s(?:[a-z]+\s)?(?:newspaper|news agency|news website|think tank|brokerage|protest group|party|daily)\b)"
)


def _described_names(text: str, spans, found) -> list:
    """Names the article itself calls a newspaper, party, think tank ... ("Prothom Alo newspaper", "Students
    Against Discrimination protest group") where spaCy saw none."""
    from desktop.core.model import Entity

    taken = list(spans) + [(e.start, e.end) for e in found]
    result = []
    for match in _DESCRIBED_NAME.finditer(text):
        start, end = match.span(1)
        name = match.group(1)
        if name.split()[-1].lower() in _SMALL_WORDS or countries_of(name) or _is_plain(name):
            continue
        if text[max(0, start - 2):start].rstrip(" ").endswith((".", "\n")) and len(name.split()) == 1:
            continue
        if any(s < end and start < e and not (start <= s and e <= end) for s, e in taken):
            continue
        if any((s, e) == (start, end) for s, e in taken):
            continue
        result.append(Entity(start, end, "ORG", name))
    return result


def _is_plain(word: str) -> bool:
    lower = word.lower()
    return lower in english_words() or lower in _SMALL_WORDS or len(word) < 3


def _named_as_organisation(text: str, start: int, name: str = "") -> bool:
    """A name right after a noun for an organisation ("analysis group Quwa", "newspaper Prothom Alo") or for what
    it makes ("chip maker Changxin Memory Technologies"), what it operates ("operated by X"), or built on a
    company's head noun ("... Holdings")."""
    before = text[max(0, start - 60):start]
    if re.search(r"\boperated\s+by\s+(?:the\s+)?$", before) and len(name.split()) >= 2:
        return True  # "The Bell 206 chopper, operated by New York Helicopter Tours": not the place New York
    return bool(_NOUN_BEFORE.search(before) or makes_before(before)) or (
        len(name.split()) >= 2 and head_noun(name) in _COMPANY_HEADS
    )


#: Head nouns only a company's name is built on: a "person" or "place" with one is a company.
_COMPANY_HEADS = frozenset("technologies holdings corporation limited ltd inc plc llc pvt".split())


def only_part_of_names(entry, name_spans, bundled: BundledGlossary, text: str) -> bool:
    """In a team-sport story, an acronym explained by a general term ("AC": air conditioning) whose every mention
    is part of a longer name ("AC Milan") is a piece of a club's name, not that term. Elsewhere such a term inside
    a name still explains it: "SQL" in "Microsoft SQL Server", "Inc." in "Apple Inc.", "OS" in "Mac OS"."""
    from desktop.core.entities.sports import sport_of

    if entry.kind != "acronym" or entry.source != "bundled" or not entry.mentions or not name_spans:
        return False
    if sport_of(text) is None:
        return False
    kinds = {s.kind for s in bundled.senses(entry.term) if s.expansion == entry.expansion}
    if kinds - {"term", "unit", "other"}:
        return False
    return all(any(s <= m.start and m.end <= e for s, e in name_spans) for m in entry.mentions)


_DATELINE_AFTER = re.compile(r"^\s*(?::|,\s+[A-Z][a-z]|\s[(—–-])")


def is_place_or_heading(term: str, text: str, mentions) -> bool:
    """An acronym entry with no meaning that is really a place or a heading word in capitals: a known place
    ("BEIJING"), a dateline ("SHANNON:"), or an editorial's opening word ("THE", "GHAZI") that only ever opens
    a paragraph."""
    letters = [ch for ch in term if ch.isalpha()]
    opens = all(m.start == 0 or text[m.start - 1] == "\n" for m in mentions)
    if opens and len(letters) >= 3 and (len(letters) >= 4 or _is_plain(term)):
        return True
    if len(letters) <= 3:
        return False
    if countries_of(term):
        return True
    return all(_in_dateline(text, m.start, m.end) for m in mentions)


_DATELINE = re.compile(r"[A-Z][A-Z'’.\- ]*[A-Z](?=:|\s[—–-]\s)")


def _in_dateline(text: str, start: int, end: int) -> bool:
    """Whether a mention is in the run of capitals that opens a line before a colon or dash ("DERA GHAZI KHAN:")."""
    line_start = text.rfind("\n", 0, start) + 1
    match = _DATELINE.match(text, line_start)
    return bool(match) and end <= match.end()
