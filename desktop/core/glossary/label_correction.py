"""Correct spaCy's entity labels from the finished glossary: a term the glossary knows as an organisation or a
region gets that label (spaCy takes "Nacta" for a person and "Dawn" for a place), and acronym mentions the
glossary explains as organisations become ORG entities when spaCy labelled nothing there.

Kept apart because it runs last, on the glossary's result, and touches only entities.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace
from typing import Sequence

from desktop.core.entities.refine import RELIGIONS
from desktop.core.glossary.acronym_meaning import ORG_KINDS
from desktop.core.glossary.bundled import BundledGlossary, form_key
from desktop.core.model import Entity, GlossaryEntry


_NAMED = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC")  # a product (F-16) may well be a term


def _corrected_labels(
    entities: Sequence[Entity], entries: Sequence[GlossaryEntry], bundled: BundledGlossary, text: str = ""
) -> tuple[Entity, ...]:
    """Relabel entities whose text the glossary knows better: Nacta is an ORG, not a PERSON; Dawn is an ORG; an
    acronym the article uses as a term (GMT) is no entity."""
    kind_of: dict[str, str] = {}
    for entry in entries:
        if entry.source == "bundled" and entry.expansion:
            senses = [s for s in bundled.senses(entry.term) if s.expansion == entry.expansion]
            if senses:
                kind_of[form_key(entry.term)] = senses[0].kind
    corrected = []
    for entity in entities:
        key = form_key(entity.text)
        kind = kind_of.get(key)
        if kind is None and entity.label in ("PERSON", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "WORK_OF_ART"):
            senses = bundled.senses(entity.text) if entity.text[:1].isupper() else []
            exact = [s for s in senses if s.short == entity.text and s.weight >= 0.5]
            kind = exact[0].kind if exact else None
        label = entity.label
        if kind in ORG_KINDS:
            label = "ORG"
        elif kind == "region" and entity.label not in ("GPE", "LOC"):
            label = "GPE"
        elif kind == "place" and entity.label == "PERSON":
            label = "FAC"  # a building or site (Army Public School), never a person
        elif kind == "term" and entity.label in _NAMED and entity.text == entity.text.upper():
            continue  # the glossary explains it as a term (GMT, CM, FIR): no name of a body, person or place
        if entity.text.lower() in RELIGIONS:
            label = "NORP"  # "Moslem militants": followers of a faith, whatever a name's ending suggested
        corrected.append(entity if label == entity.label else replace(entity, label=label))
    return tuple(_unlabelled_organisations(corrected, entries, kind_of, text))


def _unlabelled_organisations(entities: list[Entity], entries, kind_of: dict, text: str) -> list[Entity]:
    """Mentions of acronyms the glossary explains as organisations (KDP, Nacta) that spaCy did not label at all
    become ORG entities, so the text highlights what the glossary lists."""
    taken = sorted((e.start, e.end) for e in entities)
    starts = [s for s, _ in taken]
    added = []
    for entry in entries:
        if entry.kind != "acronym" or kind_of.get(form_key(entry.term)) not in ORG_KINDS:
            continue
        for mention in entry.mentions:
            index = bisect_left(starts, mention.end)
            if index and taken[index - 1][1] > mention.start:
                continue  # inside or across a name already labelled
            added.append(Entity(mention.start, mention.end, "ORG", text[mention.start:mention.end] or entry.term))
    if not added:
        return entities
    return sorted(entities + added, key=lambda e: (e.start, e.end))
