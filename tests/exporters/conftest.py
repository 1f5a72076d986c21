"""Documents built by hand for the exporters' tests: no spaCy, so these tests take milliseconds to set up."""

from __future__ import annotations

import re

import pytest

from desktop.core.model import Alternative, Document, Entity, GlossaryEntry, Mention, Sentence, Summary

_SENTENCE = re.compile(r"\S.*?(?:[.!?][\"'”)]*(?=\s|$)|$)", re.S)


def make_document(
    paragraphs: list[str],
    *,
    entities: dict[str, str] | None = None,
    glossary: list[dict] | None = None,
    summary: tuple[int, ...] = (0,),
    title: str | None = None,
    language: str = "en",
    warnings: tuple[str, ...] = (),
) -> Document:
    """Paragraphs joined by blank lines; every occurrence of an `entities` key gets its label; each glossary
    spec ({"term", "kind", "expansion", "description", "source", "alternatives"}) gets every whole-word
    occurrence of its term as a mention."""
    text = "\n\n".join(paragraphs)
    sentences = []
    offset = 0
    for number, paragraph in enumerate(paragraphs):
        for match in _SENTENCE.finditer(paragraph):
            start, end = offset + match.start(), offset + match.end()
            words = tuple(w.lower() for w in re.findall(r"\w+", text[start:end]))
            sentences.append(Sentence(start, end, number, words))
        offset += len(paragraph) + 2
    found: list[Entity] = []
    for surface, label in sorted((entities or {}).items(), key=lambda item: -len(item[0])):
        for match in re.finditer(re.escape(surface), text):
            if not any(e.start < match.end() and match.start() < e.end for e in found):  # like spaCy: no overlaps
                found.append(Entity(match.start(), match.end(), label, surface))
    found.sort(key=lambda e: e.start)
    entries = []
    for spec in glossary or []:
        term = spec["term"]
        mentions = tuple(
            Mention(m.start(), m.end()) for m in re.finditer(rf"(?<!\w){re.escape(term)}(?!\w)", text)
        )
        entries.append(GlossaryEntry(
            term=term,
            kind=spec.get("kind", "acronym"),
            expansion=spec.get("expansion"),
            description=spec.get("description"),
            source=spec.get("source", "bundled"),
            confidence=spec.get("confidence", 0.9),
            mentions=mentions,
            alternatives=tuple(Alternative(a, "bundled") for a in spec.get("alternatives", ())),
        ))
    scores = tuple(1.0 for _ in summary)
    return Document(
        text=text, sentences=tuple(sentences), entities=tuple(found),
        summary=Summary("news", tuple(summary), scores), glossary=tuple(entries),
        title=title, language=language, warnings=warnings,
    )


#: Markup, entities, quotes and a name in Arabic script: every exporter must show all of it literally.
TRICKY_PARAGRAPHS = [
    'The Regional Flood Authority (RFA) said on Monday that rain <b>will</b> continue & roads "stay" shut; '
    "officials of the RFA met the NDMA in Karachi.",
    "Imran Khan, عمران in Urdu, spoke to the press about the TTP. A <script>alert('x')</script> tag, &amp; an "
    "entity, 'single' and \"double\" quotes < > stay literal.",
    "The NDMA promised help & relief. The RFA agreed; the Karachi Port Trust said nothing.",
]
TRICKY_GLOSSARY = [
    {"term": "RFA", "expansion": "Regional Flood Authority", "source": "text",
     "description": None},
    {"term": "NDMA", "expansion": "National Disaster Management Authority", "source": "bundled",
     "description": "Pakistan's federal agency for disasters <and> floods & storms.",
     "alternatives": ["National Dairy Management Association"]},
    {"term": "TTP", "expansion": "Tehreek-e-Taliban Pakistan", "description": "A militant umbrella group.",
     "source": "user"},
    {"term": "Karachi Port Trust", "kind": "organisation", "expansion": None, "description": None},
]
TRICKY_ENTITIES = {
    "Regional Flood Authority": "ORG", "Karachi Port Trust": "ORG", "NDMA": "ORG", "Karachi": "GPE",
    "Imran Khan": "PERSON", "Monday": "DATE",
}


def tricky_document() -> Document:
    return make_document(
        TRICKY_PARAGRAPHS, entities=TRICKY_ENTITIES, glossary=TRICKY_GLOSSARY, summary=(0, 3),
        title='Floods & "fears" <in> Karachi',
    )


@pytest.fixture
def tricky() -> Document:
    return tricky_document()


def long_document(paragraph_count: int = 60) -> Document:
    """Several pages, each paragraph numbered so a line printed twice would be noticed."""
    paragraphs = [
        f"Paragraph {n}: the NDMA and the RFA met again in Karachi on day {n} to plan the relief work, "
        f"which has to reach every flooded district before the next rains arrive in number {n}. "
        f"Officials said the TTP had no part in it, and the plan number {n} was agreed by all."
        for n in range(1, paragraph_count + 1)
    ]
    return make_document(
        paragraphs, entities={"Karachi": "GPE", "NDMA": "ORG"}, glossary=TRICKY_GLOSSARY[:3],
        summary=(0, 4, 50, 100), title="A long report",
    )
