"""What every exporter shows, worked out once from a Document: the article cut into runs of uniform marking.

A run is a stretch of the article inside one display paragraph with one entity label, at most one glossary
mention and one summary flag, so a renderer only has to style each run. Mentions of different glossary entries
may overlap (an acronym inside an organisation's name); a character then belongs to the shortest one, which
therefore stays whole, and the longer one's runs carry its id on both sides. Qt-free.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Optional

from desktop.core import textprep
from desktop.core.model import Document, GlossaryEntry
from desktop.exporters import palette

KIND_NAMES = {"acronym": "Acronym", "organisation": "Organisation"}


def alternatives_line(entry: GlossaryEntry) -> str:
    """The other meanings of an entry; for one with no meaning asserted, the possible ones."""
    names = "; ".join(squash(a.expansion) for a in entry.alternatives)
    return f"{'Other' if entry.meaning else 'Possible'} meanings: {names}"
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class MentionRef:
    """One glossary mention: `id` is its rank in (entry, mention) order, the same in every exporter."""

    id: int
    entry: int
    start: int
    end: int
    label: str  # the palette label its highlight uses


@dataclass(frozen=True)
class Run:
    start: int
    end: int
    label: Optional[str] = None  # entity label
    mention: Optional[int] = None  # MentionRef.id
    summary: Optional[int] = None  # rank of the summary sentence it belongs to (0, 1, ...)


@dataclass(frozen=True)
class Block:
    start: int
    end: int
    runs: tuple[Run, ...]
    #: True when a blank line comes before it; False for the next line of the same block of lines.
    new_paragraph: bool = True
    #: Made only of heading sentences (a headline, a dateline).
    heading: bool = False


@dataclass(frozen=True)
class Article:
    blocks: tuple[Block, ...]
    mentions: tuple[MentionRef, ...]
    #: labels that occur on runs (for the legend), including ACRONYM when a glossary term has no entity
    labels: frozenset[str]

    def mention_text(self, document: Document, mention: MentionRef) -> str:
        return document.text[mention.start:mention.end]


def squash(text: str) -> str:
    """Whitespace collapsed to single spaces, as a summary line or a table cell shows it."""
    return _SPACES.sub(" ", text).strip()


def build_article(document: Document) -> Article:
    text = document.text
    length = len(text)
    # Only the labels the window colours by default; a glossary term is highlighted whatever spaCy called it.
    entities = [e for e in document.entities if palette.is_highlighted(e.label) and 0 <= e.start < e.end <= length]
    entity_at: list[Optional[int]] = [None] * length
    for index, entity in enumerate(entities):
        entity_at[entity.start:entity.end] = [index] * (entity.end - entity.start)

    mentions: list[MentionRef] = []
    for entry_index, entry in enumerate(document.glossary):
        for mention in entry.mentions:
            if not 0 <= mention.start < mention.end <= length:
                continue
            entity = next((entity_at[i] for i in range(mention.start, mention.end) if entity_at[i] is not None), None)
            if entity is not None:
                label = entities[entity].label
            else:
                label = palette.ACRONYM.label if entry.kind == "acronym" else "ORG"
            mentions.append(MentionRef(len(mentions), entry_index, mention.start, mention.end, label))
    mention_at: list[Optional[int]] = [None] * length
    for mention in sorted(mentions, key=lambda m: m.start - m.end):  # longest first, so shorter ones win
        mention_at[mention.start:mention.end] = [mention.id] * (mention.end - mention.start)

    summary_at: list[Optional[int]] = [None] * length
    for rank, index in enumerate(document.summary.sentences):
        if 0 <= index < len(document.sentences):
            sentence = document.sentences[index]
            summary_at[sentence.start:sentence.end] = [rank] * (sentence.end - sentence.start)

    cuts = {0, length}
    for entity in entities:
        cuts.update((entity.start, entity.end))
    for mention in mentions:
        cuts.update((mention.start, mention.end))
    for index in document.summary.sentences:
        if 0 <= index < len(document.sentences):
            cuts.update((document.sentences[index].start, document.sentences[index].end))

    sentence_starts = [s.start for s in document.sentences]
    labels: set[str] = set()
    blocks: list[Block] = []
    previous_end = 0
    for start, end in _display_paragraphs(text):
        inner = sorted(c for c in cuts if start < c < end)
        runs = []
        for run_start, run_end in zip([start, *inner], [*inner, end]):
            entity = entity_at[run_start]
            label = entities[entity].label if entity is not None else None
            mention = mention_at[run_start]
            if mention is not None:
                labels.add(mentions[mention].label)
            elif label is not None:
                labels.add(label)
            runs.append(Run(run_start, run_end, label, mention, summary_at[run_start]))
        gap = text[previous_end:start]
        first = bisect.bisect_left(sentence_starts, start)
        heading_sentences = document.sentences[first:bisect.bisect_left(sentence_starts, end)]
        blocks.append(
            Block(
                start, end, tuple(runs),
                new_paragraph=not blocks or gap.count("\n") >= 2,
                heading=bool(heading_sentences) and all(s.heading for s in heading_sentences),
            )
        )
        previous_end = end
    return Article(tuple(blocks), tuple(mentions), frozenset(labels))


def _display_paragraphs(text: str) -> list[tuple[int, int]]:
    """The analysis's paragraphs, with the pieces of an over-long paragraph joined again, whitespace trimmed."""
    spans: list[list[int]] = []
    for paragraph in textprep.paragraphs(text):
        if spans and "\n" not in text[spans[-1][1]:paragraph.start]:
            spans[-1][1] = paragraph.end
        else:
            spans.append([paragraph.start, paragraph.end])
    result = []
    for start, end in spans:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            result.append((start, end))
    return result


def title_of(document: Document, source: Optional[str]) -> str:
    if document.title and document.title.strip():
        return squash(document.title)
    if source:
        return source.replace("\\", "/").rsplit("/", 1)[-1]
    return "Untitled article"


def has_expansion(entry: GlossaryEntry) -> bool:
    return bool(entry.expansion) and squash(entry.expansion).casefold() != squash(entry.term).casefold()


def definition(entry: GlossaryEntry) -> str:
    """What a reader sees on hovering a mention: the expansion, the description, where the meaning came from."""
    head = f"{entry.term} — {squash(entry.expansion)}" if has_expansion(entry) else entry.term
    lines = [head]
    if entry.description:
        lines.append(squash(entry.description))
    if not has_expansion(entry) and not entry.description:
        lines.append(f"{KIND_NAMES.get(entry.kind, entry.kind)} named in the article; no definition found.")
    else:
        lines.append(f"Source: {entry.origin}.")
    return "\n".join(lines)


def summary_description(document: Document) -> str:
    from desktop.core.algorithms import ALGORITHMS

    algorithm = ALGORITHMS.get(document.summary.algorithm)
    name = algorithm.label if algorithm is not None else document.summary.algorithm
    kind = "an editorial or opinion piece" if document.summary.kind == "argument" else "a news report"
    text = f"{name}, {len(document.summary.sentences)} of {len(document.sentences)} sentences, read as {kind}"
    if document.summary.whole_article:
        text += "; the whole article fits in the length asked for, so nothing is left out"
    return text
