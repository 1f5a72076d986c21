"""Sparse word-count matrices shared by the vectorised summarizers."""

from __future__ import annotations

from typing import Callable, Iterable, Iterator, Sequence

import numpy as np
from scipy import sparse

#: Rows of a pairwise sentence matrix are computed this many at a time: memory stays at BLOCK × n floats.
BLOCK = 512


def count_matrix(word_lists: Sequence[Sequence[str]]) -> sparse.csr_matrix:
    """n × V matrix of how often each word occurs in each sentence (rows follow `word_lists`)."""
    vocabulary: dict[str, int] = {}
    rows, cols = [], []
    for row, words in enumerate(word_lists):
        for word in words:
            rows.append(row)
            cols.append(vocabulary.setdefault(word, len(vocabulary)))
    matrix = sparse.csr_matrix(
        (np.ones(len(rows)), (np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64))),
        shape=(len(word_lists), max(1, len(vocabulary))),
    )
    matrix.sum_duplicates()
    return matrix


def row_blocks(n: int, size: int = BLOCK) -> Iterator[slice]:
    for start in range(0, n, size):
        yield slice(start, min(n, start + size))


def pairwise_blocks(left: sparse.csr_matrix, right_t: sparse.csr_matrix) -> Iterable[tuple[slice, np.ndarray]]:
    """(rows, dense block of left[rows] @ right_t) for consecutive row blocks: all pairs, bounded memory."""
    for rows in row_blocks(left.shape[0]):
        yield rows, (left[rows] @ right_t).toarray()


def stemmed_word_lists(summarizer, sentences) -> list[list[str]]:
    """sumy's `_to_words_set`: normalised, stop words dropped, then stemmed; repeats kept."""
    stop_words = summarizer.stop_words
    normalize: Callable[[str], str] = summarizer.normalize_word
    return [
        [summarizer.stem_word(w) for w in map(normalize, s.words) if w not in stop_words] for s in sentences
    ]
