"""analyze(): the one place where text preparation, spaCy and the summarizer meet.

Work goes paragraph by paragraph through `nlp.pipe`, which keeps memory flat on long texts, lets the caller
see progress, and lets it cancel between paragraphs.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field, replace
from typing import Callable, Optional

from desktop.core import nlp as nlp_loader
from desktop.core import textprep
from desktop.core.kind import KINDS, detect_kind
from desktop.core.sentence_repair import is_fragment, mend
from desktop.core.errors import AnalysisCancelled, PrecisError
from desktop.core.language import language_warning
from desktop.core.model import Document, Entity, Sentence, SummaryLength
from desktop.core.summarize import ALGORITHMS, DEFAULT_ALGORITHM, summarize

log = logging.getLogger(__name__)

MAX_HEADING_WORDS = 15
#: How much text spaCy's model sees in one call (see `_docs`).
BATCH_CHARS = 20_000
BATCH_PARAGRAPHS = 1_000
_SENTENCE_END = re.compile(r"[.!?…;:][\"'”’»)\]]*$")
#: A scraped page's metadata glued to the first sentence: "date 2026-02-27 CONSIDERING the relentless wave...".
_DATE = r"(?:\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?|\d{1,2} [A-Z][a-z]+ \d{4}|[A-Z][a-z]+ \d{1,2},? \d{4})"
_METADATA_PREFIX = re.compile(rf"\s*(?:date|dated|posted|published|updated)\s*:?\s*{_DATE}\s+(?=\S)", re.IGNORECASE)

#: progress(fraction_done, what_is_happening)
ProgressCallback = Callable[[float, str], None]
#: is_cancelled() -> True to stop the analysis at the next paragraph
CancelCheck = Callable[[], bool]


@dataclass(frozen=True)
class AnalysisOptions:
    algorithm: str = DEFAULT_ALGORITHM
    length: SummaryLength = field(default_factory=SummaryLength)
    model: Optional[str] = None
    #: Build the glossary of acronyms and organisations (off for summary-only evaluation).
    glossary: bool = True
    #: Consult the user's own glossary (off for reproducible evaluation).
    user_glossary: bool = True
    #: Remember the article's own definitions in the user's glossary, with `article` as where they came from.
    learn: bool = True
    article: Optional[str] = None
    #: The kind of article: "auto" recognises it from the text; "news" or "argument" overrides that.
    kind: str = "auto"

    def __post_init__(self) -> None:
        if self.algorithm not in ALGORITHMS:
            raise PrecisError(
                f"Unknown summary algorithm '{self.algorithm}'.", f"Choose one of: {', '.join(ALGORITHMS)}."
            )
        if self.kind != "auto" and self.kind not in KINDS:
            raise PrecisError(f"Unknown article kind '{self.kind}'.", f"Choose one of: auto, {', '.join(KINDS)}.")


def analyze(
    text: str,
    options: AnalysisOptions | None = None,
    *,
    title: str | None = None,
    author: str | None = None,
    date: str | None = None,
    progress: ProgressCallback | None = None,
    is_cancelled: CancelCheck | None = None,
) -> Document:
    """Analyse an article: sentences, entities and a summary, with offsets into the returned `Document.text`.

    Raises PrecisError for text that cannot be analysed and AnalysisCancelled when `is_cancelled()` turns true.
    """
    options = options or AnalysisOptions()
    _forget_last_article()
    textprep.check_analysable(text)
    text = textprep.normalise(text)
    nlp = nlp_loader.load_pipeline(options.model)
    paragraphs = textprep.paragraphs(text)

    warnings: list[str] = []
    language, warning = language_warning(text)
    if warning:
        warnings.append(warning)

    sentences: list[Sentence] = []
    entities: list[Entity] = []
    total = max(1, len(text))
    docs = _docs(nlp, paragraphs)
    for number, (paragraph, (doc, parsed)) in enumerate(zip(paragraphs, docs)):
        if is_cancelled and is_cancelled():
            raise AnalysisCancelled()
        offset = paragraph.start
        spans = doc.sents if parsed else [doc[:]]
        found = [s for s in (_sentence(text, span, offset, number) for span in spans) if s is not None]
        found = mend(text, found)
        if len(found) == 1 and _looks_like_heading(text[found[0].start:found[0].end], found[0]):
            found = [replace(found[0], heading=True)]
        elif found:
            found = _split_metadata(text, found[0]) + found[1:]
        sentences.extend(
            s if s.heading or not is_fragment(text[s.start:s.end], s.words) else replace(s, fragment=True)
            for s in found
        )
        for ent in doc.ents:
            start, end = offset + ent.start_char, offset + ent.end_char
            entities.append(Entity(start, end, ent.label_, text[start:end]))
        if progress:
            progress(paragraph.end / total * 0.9, "Reading sentences and names")

    entities = _refined(text, entities)
    if not sentences:
        raise PrecisError("The text contains no sentences.", "Paste or open an article written in words.")
    glossary: tuple = ()
    if options.glossary:
        if progress:
            progress(0.9, "Explaining acronyms and organisations")
        glossary, entities, glossary_warnings = _glossary(text, entities, options, title)
        warnings.extend(glossary_warnings)
    if progress:
        progress(0.9, f"Summarising with {ALGORITHMS[options.algorithm].label}")
    texts = [text[s.start:s.end] for s in sentences]
    if options.kind == "auto":
        kind, kind_source = detect_kind(text).kind, "detected"
    else:
        kind, kind_source = options.kind, "chosen"
    summary = summarize(sentences, texts, options.algorithm, options.length, title, kind, kind_source)
    if progress:
        progress(1.0, "Done")
    return Document(
        text=text,
        sentences=tuple(sentences),
        entities=tuple(entities),
        summary=summary,
        glossary=glossary,
        title=title,
        language=language,
        warnings=tuple(warnings),
        author=author,
        date=date,
    )


def _forget_last_article() -> None:
    """Empty what the finders keep of the last text they read (its acronym candidates, its context), which
    several of them share within one analysis: each analysis computes its own, even of the same text again,
    so a benchmark that repeats a text times what a new article costs."""
    from desktop.core.acronyms.candidates import forget_last_text
    from desktop.core.glossary.article_context import forget_last_article

    forget_last_text()
    forget_last_article()


def _refined(text: str, entities: list[Entity]) -> list[Entity]:
    """spaCy's entities made consistent within the document (see desktop.core.entities.refine)."""
    from desktop.core.entities.refine import refine

    return refine(text, entities)


def _spacy_text(paragraph: str) -> str:
    """What spaCy reads: the paragraph with shouted words in ordinary case, offsets unchanged (see casing)."""
    from desktop.core.entities.casing import normal_case
    from desktop.core.glossary.bundled import load_bundled

    return normal_case(paragraph, load_bundled().knows)


def _docs(nlp, paragraphs: list[textprep.Paragraph]):
    """(spaCy Doc, whether it was parsed) per paragraph, in order.

    Paragraphs go to `nlp.pipe` in groups of at most BATCH_CHARS characters (or BATCH_PARAGRAPHS paragraphs):
    a group of big chunks would hold gigabytes of activations, and a group of tiny ones (200,000 lines of "A.")
    would pay the model's per-call cost per line. A paragraph, or a group of short ones, far denser in tokens
    than any language (`textprep.looks_like_language`) is only tokenised: the model's cost is per token.
    """
    group: list[textprep.Paragraph] = []
    size = 0
    for paragraph in paragraphs:
        if not paragraph.prose:
            yield from _run(nlp, group)
            group, size = [], 0
            yield nlp.make_doc(paragraph.nlp_text), False
            continue
        if group and (size + len(paragraph.nlp_text) > BATCH_CHARS or len(group) >= BATCH_PARAGRAPHS):
            yield from _run(nlp, group)
            group, size = [], 0
        group.append(paragraph)
        size += len(paragraph.nlp_text)
    yield from _run(nlp, group)


def _run(nlp, group: list[textprep.Paragraph]):
    if not group:
        return
    texts = [_spacy_text(p.nlp_text) for p in group]
    tokens, words = sum(p.tokens for p in group), sum(p.words for p in group)
    if not textprep.looks_like_language(sum(map(len, texts)), tokens, words, tables=len(group) == 1):
        yield from ((nlp.make_doc(text), False) for text in texts)
    else:
        yield from ((doc, True) for doc in nlp.pipe(texts, batch_size=len(texts)))


def _glossary(text: str, entities: list[Entity], options: AnalysisOptions, title: str | None):
    """The glossary, spaCy's labels corrected by it, and warnings; learns the article's definitions."""
    from desktop.core.glossary.bundled import load_bundled
    from desktop.core.glossary.resolve import article_profile, build_glossary
    from desktop.core.glossary.session import try_user_glossary

    warnings: list[str] = []
    user = None
    if options.user_glossary:
        user, problem = try_user_glossary()
        if problem:
            warnings.append(problem)
    entries, corrected, definitions = build_glossary(
        text, entities, load_bundled(), user.lookup if user is not None else None
    )
    if user is not None and options.learn and definitions:
        if user.writable:
            try:
                field, countries = article_profile(text, entities, load_bundled())
                user.remember_many(
                    [(d.short, d.long, "acronym") for d in definitions], options.article or title or "an untitled text",
                    field or "general", countries,
                )
            except PrecisError as error:
                warnings.append(f"The article's definitions could not be saved to your glossary: {error}")
    return entries, list(corrected), warnings


def _looks_like_heading(text: str, sentence: Sentence) -> bool:
    """A paragraph of one short line without closing punctuation: a headline, dateline or section title."""
    return 0 < len(sentence.words) <= MAX_HEADING_WORDS and not _SENTENCE_END.search(text)


def _split_metadata(text: str, sentence: Sentence) -> list[Sentence]:
    """Split a metadata prefix ("date 2026-02-27") off a paragraph's first sentence as a heading of its own, so
    that a summary opens with the article's words, not the page's date; the text itself is left as it is."""
    match = _METADATA_PREFIX.match(text, sentence.start, sentence.end)
    if not match:
        return [sentence]
    prefix = text[sentence.start:match.end()].lower()
    taken, position = 0, 0
    for word in sentence.words:  # the prefix's words, however spaCy cut the date
        found = prefix.find(word, position)
        if found < 0:
            break
        taken, position = taken + 1, found + len(word)
    heading_end = match.end()
    while heading_end > sentence.start and text[heading_end - 1].isspace():
        heading_end -= 1
    return [
        Sentence(sentence.start, heading_end, sentence.paragraph, sentence.words[:taken], heading=True),
        Sentence(match.end(), sentence.end, sentence.paragraph, sentence.words[taken:]),
    ]


def _sentence(text: str, span, offset: int, paragraph: int) -> Sentence | None:
    """A spaCy sentence as our Sentence, trimmed of surrounding whitespace; None if it has no content."""
    start, end = offset + span.start_char, offset + span.end_char
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        return None
    words = tuple(t.lower_ for t in span if not (t.is_punct or t.is_space))
    return Sentence(start, end, paragraph, words)
