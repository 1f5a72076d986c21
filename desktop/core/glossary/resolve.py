"""Build an article's glossary: every acronym and organisation in it, each with the meaning that fits the article.

Sources, in order of precedence:

1. **user**: what the user defined or corrected in their own glossary; always wins.
2. **text**: a definition the article itself gives ("the Regional Flood Authority (RFA)"), anywhere in it.
3. **learned**: a definition found in an article the user analysed before, kept with that article's field and
   countries. It is the meaning only where this article supports it and no built-in sense is asserted; otherwise
   it is one of the possible meanings (see `_learned_entry`).
4. **bundled**: Précis's built-in glossary. When a short form has several senses (PPP, KP, FO) the one that fits
   the article is chosen from the countries it mentions, the words of each expansion that occur in it, and the
   kind of entity spaCy saw; the others stay as alternatives with their confidence.

spaCy's ORG mentions become entries too, merged with the acronym they stand for when both occur, and known
glossary terms correct spaCy's labels (it takes "Nacta" for a person and "Dawn" for a place).

This module gathers the article's acronym mentions and definitions and assembles the entries; the jobs it
delegates live beside it: one acronym's meaning in `acronym_meaning`, the article context in `article_context`,
ORG mentions as entries in `organisation_entries`, and spaCy's labels corrected in `label_correction`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Callable, Iterable, Optional, Sequence

from desktop.core.acronyms import AcronymMention, find_acronyms
from desktop.core.definitions import Definition, find_definitions
from desktop.core.glossary import fields
from desktop.core.glossary import organisation_labels
from desktop.core.glossary.name_heads import heads_before, is_common_word_name, senses_fitting_names
from desktop.core.glossary.numbered import numbered_senses, time_of_day_senses
from desktop.core.glossary.bundled import BundledGlossary, form_key
from desktop.core.glossary.acronym_meaning import (
    JARGON_WEIGHT, LEARNED_SUPPORTED, LEARNED_UNSUPPORTED, MAX_ALTERNATIVES, MIN_COUNTRY_MENTIONS, NATIONAL_KINDS,
    ORG_KINDS, PLACE_KINDS, WORLD_LISTS, _evidence, _learned_entry, _plausible, _rank_senses, _resolve_acronym,
    _score_sense, _visible,
)
from desktop.core.glossary.article_context import (
    LEAN_MARGIN, NEARBY_CHARS, _Context, _after_number, _country_names_near, _sport_word, _words_near, article_field,
    country_codes,
)
from desktop.core.glossary.label_correction import _corrected_labels
from desktop.core.glossary.organisation_entries import _acronyms_within, _organisations
from desktop.core.model import Entity, GlossaryEntry, Mention

#: Names other modules import from here (the jobs now live in `acronym_meaning`, `article_context`,
#: `organisation_entries` and `label_correction`; `resolve` stays the entry point).
__all__ = [
    "build_glossary", "article_profile", "article_field", "is_designation", "ORG_KINDS", "PLACE_KINDS",
    "NATIONAL_KINDS", "WORLD_LISTS", "LEARNED_SUPPORTED", "LEARNED_UNSUPPORTED", "MAX_ALTERNATIVES", "JARGON_WEIGHT",
    "MIN_COUNTRY_MENTIONS", "LEAN_MARGIN", "NEARBY_CHARS", "_Context", "_evidence", "_learned_entry", "_plausible",
    "_rank_senses", "_resolve_acronym", "_score_sense", "_visible", "_acronyms_within", "_organisations",
    "_corrected_labels",
]


#: How much more the words around an acronym's mentions count than the rest of the article when judging the field
#: of its sense: an article about schools may name "AI and quantum computing" once.
LOCAL_FIELD_WEIGHT = 3.0


#: The vote for news of a story about a team sport (as much as one acronym of the field).
SPORT_VOTE = 1.0


@dataclass
class _Group:
    key: str
    surfaces: Counter
    mentions: list


def build_glossary(
    text: str,
    entities: Sequence[Entity],
    bundled: BundledGlossary,
    user_lookup: Optional[Callable[[str], object]] = None,
) -> tuple[tuple[GlossaryEntry, ...], tuple[Entity, ...], list[Definition]]:
    """Return (glossary entries, entities with corrected labels, the article's own definitions)."""
    definitions = find_definitions(text)
    defined: dict[str, Definition] = {}
    for definition in definitions:
        defined.setdefault(form_key(definition.short), definition)

    user_cache: dict[str, object] = {}

    def user_entry(term: str):
        if user_lookup is None:
            return None
        if term not in user_cache:
            user_cache[term] = user_lookup(term)
        return user_cache[term]

    def is_known(form: str) -> bool:
        return form_key(form) in defined or bundled.knows(form) or user_entry(form) is not None

    def is_unit(form: str) -> bool:
        return any(sense.kind == "unit" for sense in bundled.senses(form))

    def is_currency(form: str) -> bool:
        return any(sense.kind == "currency" for sense in bundled.senses(form))

    initials = _initials_of_people(entities)
    mentions = [m for m in find_acronyms(text, is_known, is_unit, is_currency) if m.start not in initials]
    groups = _group_mentions(mentions)
    for definition in definitions:  # a defined short form is a mention even where the finder doubted it
        group = groups.setdefault(form_key(definition.short), _Group(form_key(definition.short), Counter(), []))
        span = (definition.short_start, definition.short_end)
        if span not in {(m.start, m.end) for m in group.mentions}:
            group.mentions.append(Mention(*span))
            group.surfaces[definition.short] += 1

    context = _Context.of(text, entities)
    senses_of = {
        key: time_of_day_senses(text, group.mentions, key, bundled)
        or bundled.senses(group.surfaces.most_common(1)[0][0]) or bundled.senses(key)
        or numbered_senses(group.surfaces.most_common(1)[0][0], bundled)
        for key, group in groups.items()
    }
    for key, group in list(groups.items()):
        term = group.surfaces.most_common(1)[0][0]
        if key not in defined and is_common_word_name(term) and senses_of[key]:
            heads = heads_before(text, [(m.start, m.end) for m in group.mentions])
            senses_of[key] = senses_fitting_names(senses_of[key], heads)
            if not senses_of[key] and user_entry(term) is None:
                del groups[key]  # "PFF Extraordinary Congress": the word of another name, not a known body
    votes = {
        key: fields.acronym_votes(senses_of[key], defined[key].long if key in defined else None) for key in groups
    }
    all_votes = fields.word_votes(context.words, bundled)
    for vote in votes.values():
        all_votes.update(vote)
    entries: dict[str, GlossaryEntry] = {}
    topic = _sport_word(text)
    if topic:  # a match report is news, whatever its "runs", "overs" and "strike rates" say of computing
        all_votes["news"] += SPORT_VOTE
    codes = country_codes(text, context.label_by_span)
    for key, group in groups.items():
        term = group.surfaces.most_common(1)[0][0]
        labels = context.labels_at(group.mentions)
        others = Counter(all_votes)
        others.subtract(votes[key])  # an acronym's own vote does not decide its own sense
        nearby = _words_near(text, group.mentions)
        for field, vote in fields.word_votes(nearby, bundled).items():
            others[field] += LOCAL_FIELD_WEIGHT * vote  # "AI and quantum computing": the words beside it count more
        group_context = replace(
            context, fields=fields.shares(others), after_number=_after_number(text, group.mentions),
            nearby=nearby | topic,
            near_countries=_country_names_near(codes, group.mentions),
        )
        entries[key] = _resolve_acronym(
            term, key, group, defined.get(key), user_entry(term), senses_of[key], group_context, labels
        )

    entries = {
        k: e for k, e in entries.items()
        if e.meaning or not (organisation_labels.is_place_or_heading(e.term, text, e.mentions) or is_designation(e.term))
    }
    entities = organisation_labels.find_known_names(
        text, organisation_labels.relabel_known(text, entities, bundled), bundled
    )
    entries, organisation_entries = _organisations(text, entities, entries, bundled, user_entry, context)
    ordered = sorted(
        list(entries.values()) + organisation_entries, key=lambda e: (e.mentions[0].start if e.mentions else 0, e.term)
    )
    return tuple(ordered), _corrected_labels(entities, ordered, bundled, text), definitions


# -- acronyms ------------------------------------------------------------------------------------------------


def _initials_of_people(entities: Sequence[Entity]) -> set[int]:
    """Where a person's name begins with initials ("AP McCoy", "C.S. Lewis"): capitals there are not acronyms.

    spaCy does not always call "AP McCoy" a person, so a name whose last word is the surname of a person named
    elsewhere in the article ("McCoy's trophy") counts too.
    """
    surnames = {e.text.split()[-1] for e in entities if e.label == "PERSON" and e.text.split()}
    starts = set()
    for entity in entities:
        first, _, rest = entity.text.partition(" ")
        letters = first.replace(".", "")
        if not (rest and 1 < len(letters) <= 3 and letters.isalpha() and letters.isupper()):
            continue
        if entity.label == "PERSON" or (len(rest.split()) == 1 and rest.strip("'’s") in surnames):
            starts.add(entity.start)
    return starts


def _group_mentions(mentions: Iterable[AcronymMention]) -> dict[str, _Group]:
    groups: dict[str, _Group] = {}
    for mention in mentions:
        key = form_key(mention.form)
        group = groups.setdefault(key, _Group(key, Counter(), []))
        group.surfaces[mention.form] += 1
        group.mentions.append(Mention(mention.start, mention.end))
    return groups


def article_profile(text: str, entities: Sequence[Entity], bundled: BundledGlossary) -> tuple[Optional[str], list[str]]:
    """What a learned definition remembers of its article: the field it leans to, and its main countries (those
    named at least a quarter as often as the most named one, at most three)."""
    context = _Context.of(text, entities)
    votes = fields.word_votes(context.words, bundled)
    field = article_field(fields.shares(votes))
    countries = context.countries
    top = max(countries.values(), default=0.0)
    main = [c for c, n in countries.most_common(3) if n >= top / 4 and c != "EU"]
    return field, main


#: A model or road number: a letter or two and a number ("F-16C", "M-6", "S-400", "K-2", "PL15").
_DESIGNATION = re.compile(r"[A-Z]{1,3}-?\d{1,5}[A-Za-z]?")


def is_designation(term: str) -> bool:
    """Whether a term is a designation rather than an abbreviation. One the glossary cannot explain gets no entry:
    its letters stand for nothing a reader could look up, and "meaning unknown" would only cost attention."""
    return bool(_DESIGNATION.fullmatch(term))
