"""Our vectorised summarizers must score sentences as sumy's originals do, so rankings agree.

Documents are built by hand from a small news vocabulary (random but seeded), with repeated sentences, empty
sentences and one-word sentences, the edge cases sumy's code treats specially.
"""

import random

import numpy as np
import pytest
from sumy.summarizers.kl import KLSummarizer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.reduction import ReductionSummarizer
from sumy.summarizers.sum_basic import SumBasicSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer

from desktop.core import summarize as summarize_module
from desktop.core.model import Sentence
from desktop.core.summarizers.frequency import FastLsaSummarizer, FastLuhnSummarizer, FastSumBasicSummarizer
from desktop.core.summarizers.graph import FastLexRankSummarizer, FastReductionSummarizer, FastTextRankSummarizer
from desktop.core.summarizers.kl import FastKLSummarizer

VOCABULARY = (
    "flood river banks council levy plan engineers cost towns mayor residents water storm rain walls "
    "insurers farms wetland birds report money years homes streets bridge repairs funding loan meeting "
    "the a of and in to is was were said will would for on with"
).split()

PAIRS = [
    (LexRankSummarizer, FastLexRankSummarizer),
    (TextRankSummarizer, FastTextRankSummarizer),
    (ReductionSummarizer, FastReductionSummarizer),
    (LsaSummarizer, FastLsaSummarizer),
    (LuhnSummarizer, FastLuhnSummarizer),
    (SumBasicSummarizer, FastSumBasicSummarizer),
    (KLSummarizer, FastKLSummarizer),
]


def _document(seed: int, count: int):
    generator = random.Random(seed)
    words = [[generator.choice(VOCABULARY) for _ in range(generator.randint(1, 18))] for _ in range(count)]
    words[3] = list(words[1])  # a repeated sentence
    words[5] = []  # nothing but punctuation
    words[7] = ["flood"]  # one word
    texts = [" ".join(w) or "—" for w in words]
    sentences = [Sentence(0, 0, i // 5, tuple(w)) for i, w in enumerate(words)]
    return sentences, texts


def _scores(cls, sentences, texts):
    summarizer = summarize_module._recording(cls)(summarize_module._stemmer())
    summarizer.stop_words = summarize_module._stop_words()
    summarizer.ratings = {}
    summarizer(summarize_module._sumy_document(sentences, texts, None), len(texts))
    return np.array([summarizer.ratings.get(i, 0.0) for i in range(len(texts))])


@pytest.mark.filterwarnings("ignore:Number of words")  # sumy's LSA warns on small vocabularies
@pytest.mark.parametrize("original, ours", PAIRS, ids=[p[1].__name__ for p in PAIRS])
@pytest.mark.parametrize("seed, count", [(1, 12), (2, 40), (3, 90)])
def test_same_scores_and_ranking_as_sumy(original, ours, seed, count):
    sentences, texts = _document(seed, count)
    expected, got = _scores(original, sentences, texts), _scores(ours, sentences, texts)
    assert np.allclose(got, expected, rtol=1e-6, atol=1e-9)
    # Rankings agree wherever sumy's scores are not (numerically) tied.
    order = np.argsort(-expected, kind="stable")
    for a, b in zip(order, order[1:]):
        if expected[a] - expected[b] > 1e-9 * max(1.0, abs(expected[a])):
            assert got[a] > got[b]


def test_every_algorithm_finishes_on_a_100000_word_book():
    """No spaCy here: 4,000 hand-built sentences of 25 words each, the size of a long book."""
    from desktop.core.model import SummaryLength
    from desktop.core.summarize import ALGORITHMS, summarize

    generator = random.Random(7)
    vocabulary = VOCABULARY + [f"name{i}" for i in range(3000)]
    words = [tuple(generator.choice(vocabulary) for _ in range(25)) for _ in range(4000)]
    sentences = [Sentence(0, 0, i // 8, w) for i, w in enumerate(words)]
    texts = [" ".join(w) for w in words]
    assert sum(len(w) for w in words) == 100_000
    for algorithm in ALGORITHMS:
        summary = summarize(sentences, texts, algorithm, SummaryLength("ratio", 0.01))
        assert len(summary.sentences) == 40, algorithm
