"""Extractive summaries through sumy, fed with the sentences and words spaCy already found.

sumy's own `Tokenizer` needs NLTK's punkt data, which cannot be had offline, so it is never used: the
document model is built from our sentences, and each sumy `Sentence` carries its precomputed words. sumy's
sentences compare equal when their texts do, which would merge repeated sentences; ours compare by position,
so a sentence that occurs twice stays two sentences and each result maps back to exactly one index.

Every sumy summarizer rates all sentences and then calls `_get_best_sentences`; we record those ratings
instead, and choose by our own length rule (a count, a ratio, or a word budget), so every algorithm gets the
same three kinds of length and returns a score for each chosen sentence.

sumy's quadratic algorithms run as our vectorised subclasses (same maths, same scores, usable on a book), and
"news", the default, is our own position-aware summarizer (desktop/core/summarizers/news.py).
"""

from __future__ import annotations

import math
import warnings
from functools import lru_cache
from typing import Callable, Sequence

from sumy.models.dom import ObjectDocumentModel, Paragraph
from sumy.models.dom import Sentence as SumySentence
from sumy.nlp.stemmers import Stemmer
from sumy.summarizers.edmundson import EdmundsonSummarizer
from sumy.utils import get_stop_words

from desktop.core.algorithms import ALGORITHMS, DEFAULT_ALGORITHM, Algorithm  # noqa: F401 (re-exported)
from desktop.core.errors import PrecisError
from desktop.core.model import Sentence, Summary, SummaryLength
from desktop.core.summarizers.frequency import FastLsaSummarizer, FastLuhnSummarizer, FastSumBasicSummarizer
from desktop.core.summarizers.graph import FastLexRankSummarizer, FastReductionSummarizer, FastTextRankSummarizer
from desktop.core.summarizers.kl import FastKLSummarizer
from desktop.core.summarizers.argument import ArgumentSummarizer
from desktop.core.summarizers.news import NewsSummarizer

LANGUAGE = "english"

#: Edmundson's cue method rewards sentences with "bonus" words and penalises "stigma" words. These defaults
#: are written for news and reports: bonus words announce a finding, a decision or its weight; stigma words
#: mark hedging, asides and filler. Edmundson's "null" words are the English stop words.
EDMUNDSON_BONUS_WORDS = (
    "announce", "agree", "approve", "conclude", "confirm", "crucial", "decide", "decision", "essential",
    "finding", "found", "important", "key", "law", "main", "major", "must", "new", "plan", "priority",
    "propose", "result", "reveal", "require", "significant", "show", "urge", "warn",
)
EDMUNDSON_STIGMA_WORDS = (
    "anyway", "apparently", "arguably", "hardly", "incidentally", "maybe", "meanwhile", "perhaps",
    "possibly", "presumably", "seemingly", "somewhat", "supposedly",
)




@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    return frozenset(get_stop_words(LANGUAGE))


@lru_cache(maxsize=1)
def _stemmer() -> Callable[[str], str]:
    return lru_cache(maxsize=200_000)(Stemmer(LANGUAGE))


class _IndexedSentence(SumySentence):
    """A sumy sentence with precomputed words that is equal only to itself (by position)."""

    __slots__ = ("index", "eligible", "paragraph")

    def __init__(
        self, index: int, text: str, words: Sequence[str], is_heading: bool = False, eligible: bool = True,
        paragraph: int = 0,
    ) -> None:
        super().__init__(text, None, is_heading)
        self.index = index
        self.eligible = eligible and not is_heading
        self.paragraph = paragraph
        self._cached_property_words = tuple(words)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _IndexedSentence) and other.index == self.index

    def __hash__(self) -> int:
        return hash(self.index)


class _RatingRecorder:
    """Mixin: keep sumy's rating of every sentence instead of letting sumy pick a fixed count."""

    ratings: dict[int, float]

    def _get_best_sentences(self, sentences, count, rating, *args, **kwargs):
        rate = rating.__getitem__ if isinstance(rating, dict) else rating
        self.ratings = {s.index: float(rate(s, *args, **kwargs)) for s in sentences}
        return tuple(sentences)


def _recording(cls):
    return type(f"Recording{cls.__name__}", (_RatingRecorder, cls), {})


#: sumy's algorithms in our vectorised versions (same scores, see desktop/core/summarizers), and our own.
SUMMARIZER_CLASSES = {
    "news": NewsSummarizer, "lexrank": FastLexRankSummarizer, "textrank": FastTextRankSummarizer,
    "lsa": FastLsaSummarizer, "luhn": FastLuhnSummarizer, "edmundson": EdmundsonSummarizer,
    "kl": FastKLSummarizer, "sumbasic": FastSumBasicSummarizer, "reduction": FastReductionSummarizer,
}


def _make_summarizer(name: str, kind: str = "news"):
    stemmer = _stemmer()
    cls = ArgumentSummarizer if name == "news" and kind == "argument" else SUMMARIZER_CLASSES[name]
    summarizer = _recording(cls)(stemmer)
    if name == "edmundson":
        summarizer.bonus_words = EDMUNDSON_BONUS_WORDS
        summarizer.stigma_words = EDMUNDSON_STIGMA_WORDS
        summarizer.null_words = _stop_words()
    else:
        summarizer.stop_words = _stop_words()
    return summarizer


def rate_sentences(
    sentences: Sequence[Sentence], texts: Sequence[str], algorithm: str, title: str | None = None,
    kind: str = "news",
) -> list[float]:
    """One score per sentence (higher is better) from the chosen algorithm; headings and fragments rate below
    every sentence. `kind` ("news" or "argument") decides what the default algorithm looks for."""
    if algorithm not in ALGORITHMS:
        raise ValueError(f"unknown summary algorithm {algorithm!r}; choose from {', '.join(ALGORITHMS)}")
    count = len(sentences)
    limit = ALGORITHMS[algorithm].max_sentences
    if limit is not None and count > limit:
        raise PrecisError(
            f"{ALGORITHMS[algorithm].label} compares every pair of sentences and cannot summarise {count:,} of them.",
            f"Choose By article kind, Edmundson, KL-Sum or SumBasic for texts over {limit:,} sentences.",
        )
    headings = {i for i, s in enumerate(sentences) if s.heading}
    if len(headings) == count:
        headings = set()  # a text of nothing but short lines: summarise them as sentences
    unchosen = headings | _fragments(sentences)
    if len(unchosen) == count:
        unchosen = set(headings)
    if algorithm == "lead" or count == 0:
        ratings = {i: float(count - i) for i in range(count)}
    else:
        summarizer = _make_summarizer(algorithm, kind)
        summarizer.ratings = {}
        with warnings.catch_warnings():
            # sumy's LSA warns when a text repeats itself (fewer distinct words than sentences); it still works.
            warnings.filterwarnings("ignore", message="Number of words .* is lower than number of sentences")
            summarizer(_sumy_document(sentences, texts, title, headings, unchosen), count)
        ratings = summarizer.ratings
    scores = [_finite(ratings.get(i, 0.0)) for i in range(count)]
    floor = min((scores[i] for i in range(count) if i not in unchosen), default=0.0)
    return [floor - 1.0 - (i / count) if i in unchosen else score for i, score in enumerate(scores)]


def _fragments(sentences: Sequence[Sentence]) -> set[int]:
    return {i for i, s in enumerate(sentences) if s.fragment}


def choosable(sentences: Sequence[Sentence]) -> list[int]:
    """The sentences a summary may choose: no headings or fragments, unless the text has nothing else."""
    for keep in (lambda s: s.eligible, lambda s: not s.heading, lambda s: True):
        found = [i for i, s in enumerate(sentences) if keep(s)]
        if found:
            return found
    return []


def _sumy_document(
    sentences: Sequence[Sentence], texts: Sequence[str], title: str | None, headings: set[int] = frozenset(),
    unchosen: set[int] = frozenset(),
) -> ObjectDocumentModel:
    """sumy's document model: our paragraphs, with headings joined to the paragraph they introduce.

    Joining matters for Edmundson's location method, which rewards the first paragraph: a headline on its own
    would otherwise be that paragraph, and the article's real opening would get nothing.
    """
    paragraphs: list[list[SumySentence]] = []
    pending: list[SumySentence] = []
    if title and not any(texts[i].strip() == title.strip() for i in headings):
        pending.append(_IndexedSentence(-1, title, [w.lower() for w in title.split()], is_heading=True))
    current = None
    for index, (sentence, text) in enumerate(zip(sentences, texts)):
        item = _IndexedSentence(
            index, text, sentence.words, is_heading=index in headings, eligible=index not in unchosen,
            paragraph=sentence.paragraph,
        )
        if item.is_heading and sentence.paragraph != current:
            pending.append(item)
            continue
        if sentence.paragraph != current or not paragraphs:
            paragraphs.append(pending)
            pending = []
            current = sentence.paragraph
        paragraphs[-1].append(item)
    if pending and paragraphs:
        paragraphs[-1].extend(pending)  # a closing dateline belongs to the last paragraph
    elif pending:
        paragraphs.append(pending)
    return ObjectDocumentModel([Paragraph(p) for p in paragraphs])


def choose(scores: Sequence[float], sentences: Sequence[Sentence], length: SummaryLength) -> list[int]:
    """Pick sentence indices by score (ties go to the earlier sentence), returned in document order.

    Only sentences a summary may hold compete (see `choosable`): a word budget is never padded with a
    headline, a separator or a footnote mark.
    """
    ranked = sorted(choosable(sentences), key=lambda i: (-scores[i], i))
    if length.unit == "words":
        budget, used, chosen = int(length.value), 0, []
        for i in ranked:
            size = len(sentences[i].words)
            if used + size <= budget:
                chosen.append(i)
                used += size
        if not chosen and ranked:
            chosen = ranked[:1]
        return sorted(chosen)
    if length.unit == "ratio":
        count = max(1, round(length.value * len(ranked)))
    else:
        count = int(length.value)
    return sorted(ranked[:count])


def _finite(value: float) -> float:
    """NaN (a degenerate matrix in LSA, say) would make the ranking and the JSON meaningless; rank it last."""
    return value if math.isfinite(value) else -1e300


def covers_whole_article(sentences: Sequence[Sentence], length: SummaryLength) -> bool:
    """Whether `length` asks for at least every sentence a summary could hold (then there is nothing to
    leave out, and the honest answer is "read it whole", not a list of every sentence)."""
    candidates = choosable(sentences)
    if length.unit == "words":
        return sum(len(sentences[i].words) for i in candidates) <= length.value
    if length.unit == "ratio":
        return length.value >= 1
    return len(candidates) <= length.value


def summarize(
    sentences: Sequence[Sentence],
    texts: Sequence[str],
    algorithm: str = DEFAULT_ALGORITHM,
    length: SummaryLength = SummaryLength(),
    title: str | None = None,
    kind: str = "news",
    kind_source: str = "detected",
) -> Summary:
    """Rate the sentences with `algorithm` and keep the best within `length`, in document order.

    `kind` ("news" or "argument") is the kind of article: the default algorithm chooses by it.
    """
    scores = rate_sentences(sentences, texts, algorithm, title, kind)
    chosen = choose(scores, sentences, length)
    return Summary(
        algorithm, tuple(chosen), tuple(scores[i] for i in chosen), length,
        whole_article=covers_whole_article(sentences, length), kind=kind, kind_source=kind_source,
    )
