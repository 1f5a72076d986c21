"""Our vectorised KL-Sum must rank sentences exactly as sumy's KLSummarizer does."""

import random

import pytest
from sumy.summarizers.kl import KLSummarizer

from desktop.core import summarize as summarize_module
from desktop.core.model import Sentence
from desktop.core.summarizers.kl import FastKLSummarizer

VOCABULARY = (
    "flood river bank council levy plan engineer cost town mayor residents water storm rain wall "
    "insurer farm wetland bird report money year home street bridge the a of and in to is was"
).split()


def _ratings(cls, texts, words):
    sentences = [Sentence(0, 0, i // 4, tuple(w)) for i, w in enumerate(words)]
    document = summarize_module._sumy_document(sentences, texts, None)
    summarizer = summarize_module._recording(cls)(summarize_module._stemmer())
    summarizer.stop_words = summarize_module._stop_words()
    summarizer(document, len(texts))
    return summarizer.ratings


@pytest.mark.parametrize("seed", range(6))
def test_same_ranking_as_sumy_on_random_documents(seed):
    generator = random.Random(seed)
    words = [[generator.choice(VOCABULARY) for _ in range(generator.randint(0, 14))] for _ in range(40)]
    words[5] = list(words[3])  # a repeated sentence
    texts = [" ".join(w) for w in words]
    assert _ratings(FastKLSummarizer, texts, words) == _ratings(KLSummarizer, texts, words)


def test_a_document_of_stop_words_only_keeps_document_order():
    words = [["the", "a"], ["of", "and"], ["in"]]
    texts = [" ".join(w) for w in words]
    ratings = _ratings(FastKLSummarizer, texts, words)
    assert sorted(ratings, key=lambda i: -ratings[i]) == [0, 1, 2]
