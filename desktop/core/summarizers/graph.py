"""LexRank, TextRank and Reduction with sumy's maths, vectorised and in bounded memory.

sumy fills an n × n similarity matrix with a Python double loop (LexRank took 21 s at 1,600 sentences) and
keeps it dense. Here the same similarities come from sparse word-count products, computed a block of rows at
a time, and only what each method needs is kept: LexRank's thresholded edges (sparse), TextRank's normalised
weights, Reduction's row sums. Scores equal sumy's up to floating-point rounding, so rankings agree.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.reduction import ReductionSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer

from desktop.core.summarizers._matrix import count_matrix, pairwise_blocks, stemmed_word_lists


class FastLexRankSummarizer(LexRankSummarizer):
    """LexRank (Erkan & Radev 2004) as sumy computes it: IDF-modified cosine, threshold 0.1, power method."""

    def __call__(self, document, sentences_count):
        sentences = document.sentences
        if not sentences:
            return ()
        ratings = dict(zip(sentences, self.scores(stemmed_word_lists(self, sentences))))
        return self._get_best_sentences(sentences, sentences_count, ratings)

    def scores(self, word_lists) -> np.ndarray:
        n = len(word_lists)
        counts = count_matrix(word_lists)
        row_max = counts.max(axis=1).toarray().ravel()
        row_max[row_max == 0] = 1
        document_frequency = np.bincount(counts.indices, minlength=counts.shape[1])
        idf = np.log(n / (1.0 + document_frequency))
        vectors = (sparse.diags(1.0 / row_max) @ counts).multiply(idf[np.newaxis, :]).tocsr()
        norms = np.sqrt(np.asarray(vectors.multiply(vectors).sum(axis=1)).ravel())
        usable = norms > 0
        unit = sparse.diags(np.where(usable, 1.0 / np.where(usable, norms, 1.0), 0.0)) @ vectors
        edges_rows, edges_cols = [], []
        for rows, block in pairwise_blocks(unit.tocsr(), unit.T.tocsr()):
            r, c = np.nonzero(block > self.threshold)
            edges_rows.append(r + rows.start)
            edges_cols.append(c)
        r, c = np.concatenate(edges_rows), np.concatenate(edges_cols)
        degrees = np.bincount(r, minlength=n).astype(float)
        degrees[degrees == 0] = 1
        transition = sparse.csr_matrix((1.0 / degrees[r], (r, c)), shape=(n, n))
        return _power_method(transition.T.tocsr(), self.epsilon, normalise=True)


class _RatesByScores:
    """sumy's `rate_sentences` hook, answered by the vectorised `scores` of the class it is mixed into."""

    def rate_sentences(self, document):
        sentences = document.sentences
        return dict(zip(sentences, self.scores(stemmed_word_lists(self, sentences))))


class FastTextRankSummarizer(_RatesByScores, TextRankSummarizer):
    """TextRank (Mihalcea & Tarau 2004) as sumy computes it: shared words over summed log lengths, damping."""

    def scores(self, word_lists) -> np.ndarray:
        n = len(word_lists)
        # TextRank's weights are dense (most sentences share some word): float64 as sumy, float32 past 4,096
        # sentences so that a 100,000-word book needs about 100 MB rather than 200.
        weights = np.empty((n, n), dtype=np.float64 if n <= 4096 else np.float32)
        for rows, shared, norm in shared_word_blocks(word_lists):
            with np.errstate(divide="ignore", invalid="ignore"):
                block = np.where(np.isclose(norm, 0.0), shared, shared / norm)
            block[shared == 0] = 0.0
            weights[rows] = block / (block.sum(axis=1)[:, np.newaxis] + self._ZERO_DIVISION_PREVENTION)
        weights_t = weights.T
        teleport = (1.0 - self.damping) / n
        p = np.full(n, 1.0 / n)
        change = 1.0
        while change > self.epsilon:
            following = teleport * p.sum() + self.damping * (weights_t @ p)
            change = np.linalg.norm(following - p)
            p = following
        return p


class FastReductionSummarizer(_RatesByScores, ReductionSummarizer):
    """Reduction: each sentence scores the sum of its edges to every other sentence (sumy's weights)."""

    def scores(self, word_lists) -> np.ndarray:
        n = len(word_lists)
        totals = np.zeros(n)
        for rows, shared, norm in shared_word_blocks(word_lists):
            with np.errstate(divide="ignore", invalid="ignore"):
                block = np.where((shared > 0) & (norm != 0.0), shared / norm, 0.0)
            block[np.arange(rows.stop - rows.start), np.arange(rows.start, rows.stop)] = 0.0
            totals[rows] = block.sum(axis=1)
        return totals


def shared_word_blocks(word_lists):
    """(rows, shared, norm) per block of rows: how many words each pair of sentences shares (with repeats, as
    sumy counts them) and the sum of the pair's log lengths, the normaliser TextRank and Reduction both use."""
    counts = count_matrix(word_lists)
    log_lengths = np.log(np.maximum(1, [len(w) for w in word_lists]))
    for rows, shared in pairwise_blocks(counts, counts.T.tocsr()):
        yield rows, shared, log_lengths[rows, np.newaxis] + log_lengths[np.newaxis, :]


def _power_method(matrix_t, epsilon: float, normalise: bool) -> np.ndarray:
    n = matrix_t.shape[0]
    p = np.full(n, 1.0 / n)
    change = 1.0
    with np.errstate(divide="ignore", invalid="ignore"):
        while change > epsilon:
            following = matrix_t @ p
            if normalise:
                following = following / np.linalg.norm(following)
            change = np.linalg.norm(following - p)
            p = following
    return p
