"""SumBasic, LSA and Luhn with sumy's maths, in time that suits a book.

- SumBasic re-scored every sentence after each pick (quadratic in Python); here only the sentences that share a
  word with the pick are re-scored, from a sparse matrix.
- sumy's LSA ranks a sentence by sqrt(Σ_k σ_k² v_ik²) over *all* singular dimensions (its reduction ratio is
  1), which is exactly the length of the sentence's column in the term-frequency matrix. So no SVD is needed:
  the column norms give the same scores without the cubic cost and the dense words × sentences matrix.
- Luhn looked each word up in a tuple of significant words; a set gives the same result.
"""

from __future__ import annotations

import numpy as np
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.sum_basic import SumBasicSummarizer

from desktop.core.summarizers._matrix import count_matrix


class FastSumBasicSummarizer(SumBasicSummarizer):
    """SumBasic (Nenkova & Vanderwende 2005): pick by mean word probability, then square the picked words'."""

    def _compute_ratings(self, sentences):
        word_lists = [self._get_content_words_in_sentence(s) for s in sentences]
        n = len(word_lists)
        counts = count_matrix(word_lists)
        lengths = np.array([len(w) for w in word_lists], dtype=float)
        total = lengths.sum()
        probability = np.bincount(counts.indices, weights=counts.data, minlength=counts.shape[1])
        probability = probability / total if total else probability
        columns = counts.tocsc()
        with np.errstate(divide="ignore", invalid="ignore"):
            means = np.where(lengths > 0, (counts @ probability) / lengths, 0.0)
        available = np.ones(n, dtype=bool)
        ratings = {}
        for step in range(n):
            best = int(np.argmax(np.where(available, means, -np.inf)))
            ratings[sentences[best]] = -step
            available[best] = False
            row = counts.getrow(best)
            # sumy squares a word's probability once per occurrence in the picked sentence.
            probability[row.indices] = probability[row.indices] ** (2.0 ** row.data)
            touched = np.unique(columns[:, row.indices].indices)
            if touched.size:
                with np.errstate(divide="ignore", invalid="ignore"):
                    means[touched] = np.where(
                        lengths[touched] > 0, (counts[touched] @ probability) / lengths[touched], 0.0
                    )
        return ratings


class FastLsaSummarizer(LsaSummarizer):
    """LSA (Steinberger & Ježek 2004) as sumy scores it, via the identity described in the module docstring."""

    def __call__(self, document, sentences_count):
        dictionary = self._create_dictionary(document)
        if not dictionary:
            return ()
        sentences = document.sentences
        word_lists = [[w for w in map(self.stem_word, s.words) if w in dictionary] for s in sentences]
        counts = count_matrix(word_lists)
        column_max = counts.max(axis=1).toarray().ravel()
        scores = np.zeros(len(sentences))
        smooth = 0.4
        has_words = column_max > 0
        # Every word of the dictionary is 0.4 in a sentence without it, 0.4 + 0.6 f with it (f = count / max).
        frequency = counts.multiply(1.0 / np.where(has_words, column_max, 1.0)[:, np.newaxis]).tocsr()
        present = np.asarray(frequency.multiply(frequency).multiply(0.36).sum(axis=1)).ravel()
        present += np.asarray(frequency.sum(axis=1)).ravel() * 2 * smooth * (1 - smooth)
        scores[has_words] = np.sqrt(len(dictionary) * smooth**2 + present[has_words])
        ratings = dict(zip(sentences, scores))
        return self._get_best_sentences(sentences, sentences_count, ratings)


class FastLuhnSummarizer(LuhnSummarizer):
    def _get_significant_words(self, words):
        return frozenset(super()._get_significant_words(words))
