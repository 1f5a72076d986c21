"""spaCy's ORG mentions as glossary entries: each full name is cleaned and explained by `organisations`, and
merged into the entry of the acronym it stands for when the article uses both ("Pakistan Business Council ...
the PBC").

Kept apart from `resolve` because it is a second pass over entities once the acronyms are resolved, and from
`organisations` because it needs the article context and sense ranking of `acronym_meaning`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import replace
from typing import Optional, Sequence

from desktop.core.glossary import organisation_labels
from desktop.core.glossary import organisation_structure as structure
from desktop.core.glossary import organisations as orgs
from desktop.core.glossary.acronym_meaning import _rank_senses
from desktop.core.glossary.article_context import _Context
from desktop.core.glossary.bundled import Sense, form_key, name_key
from desktop.core.glossary.context import countries_of
from desktop.core.model import GlossaryEntry, Mention


def _organisations(text, entities, acronym_entries, bundled, user_entry, context):
    """Turn spaCy's ORG mentions into entries, merging each full name into its acronym's entry when present.

    Names are cleaned and explained by `organisations`; a name nothing explains gets no entry (it stays a
    highlighted entity). A name whose initials are an acronym of the article is that acronym's entry.
    """
    acronym_spans = sorted((m.start, m.end, k) for k, e in acronym_entries.items() for m in e.mentions)
    span_starts = [s for s, _, _ in acronym_spans]
    longest = max((e - s for s, e, _ in acronym_spans), default=0)
    by_expansion: dict[str, str] = {}
    for key, entry in acronym_entries.items():
        if entry.expansion:
            by_expansion[name_key(entry.expansion)] = key
    rank = lambda senses: _named_senses(senses, context)  # noqa: E731
    article_names = [orgs.display_name(text[slice(*orgs.clean_span(text, e.start, e.end))]) for e in entities
                     if e.label == "ORG"]
    parent_of = _parents(acronym_entries, bundled, article_names)
    owners: dict[str, str] = {}  # name key or acronym key -> the body whose possessive precedes the name
    extra_mentions: dict[str, list[Mention]] = defaultdict(list)
    name_spans: list[tuple[int, int]] = []  # names with an acronym in them ("AC Milan", "PTV News")
    named: dict[str, str] = {}  # acronym key -> a full name the article uses for it, where it gives none
    organisations: dict[str, dict] = {}
    for entity in entities:
        if entity.label != "ORG":
            continue
        inside = _acronyms_within(acronym_spans, span_starts, longest, entity.start, entity.end)
        start, end = orgs.clean_span(text, entity.start, entity.end)
        owner = structure.owner_before(text, start)
        if owner and parent_of(owner):  # "the Ministry of Commerce’s Tariff" + "Policy Wing"
            end = structure.extend_to_head(text, start, end, structure.SUB_BODIES | orgs.HEADS.keys())
        else:
            owner = None
        if inside and len(text[start:end].split()) >= 2:
            name_spans.append((start, end))
        if inside and len(text[start:end].split()) < 2:
            continue  # the acronym itself ("TTP's"): its entry covers it
        name, descriptor = orgs.split_descriptor(text[start:end])
        end = start + len(name)
        name = orgs.display_name(name)
        if not orgs.looks_like_name(name) or structure.head_noun(name) in structure.PERSON_TITLES:
            continue  # "Rs11bn"; "Minister for Finance" (a person's title)
        key = name_key(name)
        mention = Mention(start, end)
        if key in by_expansion:
            extra_mentions[by_expansion[key]].append(mention)
            continue
        if owner:
            owners.setdefault(key, owner)
        spelled = _acronym_after(text, end, name, acronym_entries)
        if spelled and not inside:  # "the Bureau of International Narcotics and Law Enforcement Affairs, or INL"
            extra_mentions[spelled].append(mention)
            named.setdefault(spelled, name)
            if owner:
                owners.setdefault(spelled, owner)
            continue
        acronym = form_key(orgs.initials(name))
        if not inside and len(acronym) >= 2 and acronym in acronym_entries and len(name.split()) >= 2:
            extra_mentions[acronym].append(mention)
            named.setdefault(acronym, name)
            continue
        known = _named_senses(bundled.by_expansion(name), context)
        if known and form_key(known[0].short) in acronym_entries:
            extra_mentions[form_key(known[0].short)].append(mention)
            continue
        slot = organisations.setdefault(key, {"name": name, "mentions": [], "descriptor": descriptor, "inside": set()})
        slot["mentions"].append(mention)
        slot["inside"] |= inside
        slot["descriptor"] = slot["descriptor"] or descriptor

    merged = dict(acronym_entries)
    for key, mentions in extra_mentions.items():
        entry = merged[key]
        entry = replace(entry, mentions=tuple(sorted(entry.mentions + tuple(mentions), key=lambda m: m.start)))
        if key in named and not entry.meaning:  # "Pakistan Business Council ... the PBC": the name explains it
            found = orgs.meaning(named[key], text, [(m.start, m.end) for m in mentions], bundled, rank,
                                 parent_of=parent_of, owner=owners.get(key))
            entry = replace(entry, expansion=named[key], description=found.description if found else None,
                            source="text", confidence=0.8)
        merged[key] = entry

    entries = []
    for slot in organisations.values():
        name, mentions = slot["name"], tuple(slot["mentions"])
        user = user_entry(name)
        if user is not None:
            entries.append(GlossaryEntry(name, "organisation", user.expansion, user.description, "user", 1.0, mentions))
            continue
        found = orgs.meaning(name, text, [(m.start, m.end) for m in mentions], bundled, rank, slot["descriptor"],
                             parent_of=parent_of, owner=owners.get(name_key(name)))
        if found is not None:
            entries.append(GlossaryEntry(
                name, "organisation", found.expansion, found.description, found.source, found.confidence, mentions
            ))
            for key in slot["inside"]:  # "AKD" only ever inside "AKD Securities": the name's entry explains it
                acronym = merged.get(key)
                if acronym is not None and not acronym.meaning and all(
                    any(o.start <= m.start and m.end <= o.end for o in mentions) for m in acronym.mentions
                ):
                    del merged[key]
    for key in [k for k, e in merged.items() if organisation_labels.only_part_of_names(e, name_spans, bundled, text)]:
        del merged[key]  # "AC" of "AC Milan" is no "air conditioning"
    return merged, entries


def _parents(acronym_entries, bundled, article_names: Sequence[str]):
    """`parent_of(words)`: the full name of the body an article's acronym ("KPT": Karachi Port Trust), the first
    word of another name of the article ("Tufts": Tufts University), or a known or institution-like name ("State
    Department", "Ministry of Commerce") stands for; or None."""
    index = orgs.name_index(bundled)
    institutions_by_first_word: dict[str, str] = {}
    for name in article_names:
        if structure.is_institution(name):
            institutions_by_first_word.setdefault(name.split()[0], name)

    def parent_of(words: str) -> Optional[str]:
        words = orgs.display_name(words)
        if len(words.split()) == 1:
            entry = acronym_entries.get(form_key(words))
            expansion = entry.expansion if entry is not None else None
            if expansion and structure.is_institution(expansion):
                return expansion
            if words.isupper() or countries_of(words) or words.lower() in _GENERIC_OPENERS:
                return None  # "Punjab Education Foundation" is no part of "Punjab University"
            return institutions_by_first_word.get(words)
        if structure.is_institution(words) or index.senses(words):
            return words
        return None

    return parent_of


#: First words many unrelated names share: "National Assembly Secretariat" is no part of the "National Bank".
_GENERIC_OPENERS = frozenset(
    "national federal central general international united royal state public global new high supreme higher "
    "first world grand great greater north south east west northern southern eastern western city metropolitan "
    "provincial district regional islamic all joint american british chinese indian asian european african "
    "arab gulf".split()
)
_ACRONYM_AFTER = re.compile(r"(?:,\s+or\s+(?:the\s+)?|\s+\(\s*)([A-Z][A-Za-z&\-]{1,9})(?=[\s,.;)])")


def _acronym_after(text: str, end: int, name: str, acronym_entries) -> Optional[str]:
    """The key of the acronym the article gives right after a name (", or INL", " (INL)") when the acronym has
    no meaning of its own and its letters are, in order, initials of the name's words; else None."""
    match = _ACRONYM_AFTER.match(text, end, end + 16)
    if not match:
        return None
    key = form_key(match.group(1))
    entry = acronym_entries.get(key)
    if entry is None or entry.meaning or len(name.split()) < 2:
        return None
    letters = [ch for ch in match.group(1).upper() if ch.isalpha()]
    firsts = iter(orgs.initials(name))
    return key if letters and all(any(ch == first for first in firsts) for ch in letters) else None


def _acronyms_within(spans, starts, longest, start, end) -> set[str]:
    """The keys of acronym mentions overlapping [start, end); `spans` sorted, `starts` their starts."""
    keys = set()
    index = bisect_left(starts, end) - 1
    while index >= 0 and spans[index][0] > start - longest:
        if spans[index][1] > start:
            keys.add(spans[index][2])
        index -= 1
    return keys


def _named_senses(senses: Sequence[Sense], context: "_Context") -> list[Sense]:
    """The senses a full name may have in this article, best first. A generic name belongs to a country
    ("Supreme Court": Pakistan's, India's, ...): in an article that names countries, only a sense of one of them
    fits, so a British story's Supreme Court is not described as Pakistan's."""
    if context.countries:
        senses = [
            s for s in senses
            if not [c for c in s.countries if c != "international"] or any(c in context.countries for c in s.countries)
        ]
    return [sense for sense, _ in _rank_senses(senses, context, Counter())]
