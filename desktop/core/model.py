"""The immutable result of an analysis.

Every offset is a Python `str` index (a code point, not a UTF-16 unit) into `Document.text`, which is the
normalised text the analysis actually ran on, so `document.text[start:end]` is always the thing described.
Nothing writes back into a Document: a new input or new options make a new one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Optional

LengthUnit = Literal["sentences", "ratio", "words"]


@dataclass(frozen=True)
class SummaryLength:
    """How long a summary should be: a sentence count, a share of the article's sentences, or a word budget."""

    unit: LengthUnit = "sentences"
    value: float = 3

    def __post_init__(self) -> None:
        if self.unit not in ("sentences", "ratio", "words"):
            raise ValueError(f"unknown summary length unit {self.unit!r}")
        if self.unit == "ratio" and not 0 < self.value <= 1:
            raise ValueError("a summary ratio must be above 0 and at most 1")
        if self.unit != "ratio" and (self.value < 1 or int(self.value) != self.value):
            raise ValueError(f"a summary length in {self.unit} must be a whole number of at least 1")

    def describe(self) -> str:
        if self.unit == "ratio":
            return f"{self.value:.0%} of the sentences"
        return f"{int(self.value)} {self.unit}"


@dataclass(frozen=True)
class Sentence:
    """One sentence: its span, the paragraph it belongs to, and its words (lower-cased, no punctuation).

    A heading (a headline, a dateline, a section title) is kept as a sentence of the text but never chosen for
    the summary while real sentences remain; Edmundson's method reads its words as title words.
    """

    start: int
    end: int
    paragraph: int
    words: tuple[str, ...] = field(default=(), repr=False, compare=False)
    heading: bool = False
    #: No summary sentence: a separator, footnote mark, bullet, table row or anything under four words.
    fragment: bool = False

    @property
    def eligible(self) -> bool:
        """Whether a summary may choose this sentence (headings and fragments never are)."""
        return not (self.heading or self.fragment)


@dataclass(frozen=True)
class Entity:
    """A named entity as spaCy labelled it (ORG, PERSON, GPE, DATE, ...)."""

    start: int
    end: int
    label: str
    text: str


@dataclass(frozen=True)
class Mention:
    start: int
    end: int


@dataclass(frozen=True)
class Alternative:
    expansion: str
    source: str
    confidence: float = 0.0


#: How each source of a meaning is named to people (the window, the exports and the terminal all say the same).
ORIGINS = {"text": "defined in this article", "bundled": "Précis's built-in glossary", "user": "your own glossary"}


@dataclass(frozen=True)
class GlossaryEntry:
    """An acronym or organisation, explained, with every place it occurs. Filled in by the glossary."""

    term: str
    kind: Literal["acronym", "organisation"]
    expansion: Optional[str]
    description: Optional[str]
    source: Literal["text", "bundled", "user"]
    confidence: float
    mentions: tuple[Mention, ...] = ()
    alternatives: tuple[Alternative, ...] = ()
    #: For a meaning learned from an earlier article (source "user"), that article's title; None otherwise.
    learned_from: Optional[str] = None

    @property
    def origin(self) -> str:
        """Where the meaning came from, in words for people; an acronym with no meaning was only found."""
        if not self.meaning:
            return "found in this article; meaning unknown"
        if self.learned_from is not None:
            return f"learned from {self.learned_from}"
        return ORIGINS.get(self.source, self.source)

    @property
    def meaning(self) -> Optional[str]:
        """What to show beside the term: its expansion, or for a name short for nothing (Dawn), its description."""
        if self.expansion and self.expansion.casefold() != self.term.casefold():
            return self.expansion
        return self.description or self.expansion


@dataclass(frozen=True)
class Summary:
    """The chosen sentences (indices into `Document.sentences`, in document order) and each one's score."""

    algorithm: str
    sentences: tuple[int, ...]
    scores: tuple[float, ...]
    length: SummaryLength = SummaryLength()
    #: The length asked for covers every sentence a summary could choose: the article is its own summary.
    whole_article: bool = False
    #: The kind of article the summary was chosen for ("news" or "argument"), and whether it was detected
    #: from the text ("detected") or chosen by the user ("chosen"). Only the default algorithm reads it.
    kind: str = "news"
    kind_source: str = "detected"


@dataclass(frozen=True)
class Document:
    text: str
    sentences: tuple[Sentence, ...]
    entities: tuple[Entity, ...]
    summary: Summary
    glossary: tuple[GlossaryEntry, ...] = ()
    title: Optional[str] = None
    language: str = "en"
    warnings: tuple[str, ...] = ()
    author: Optional[str] = None  # as the source gives them (web page, Word or PDF properties); never guessed
    date: Optional[str] = None

    def sentence_text(self, index: int) -> str:
        sentence = self.sentences[index]
        return self.text[sentence.start:sentence.end]

    def summary_texts(self) -> list[str]:
        return [self.sentence_text(i) for i in self.summary.sentences]

    @property
    def word_count(self) -> int:
        return sum(len(s.words) for s in self.sentences)
