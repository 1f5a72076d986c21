"""Précis's default summarizer for news reports: position, forward-looking centrality, no repetition.

The method (our own, after the idea of PacSum, Zheng & Lapata 2019, that centrality has a direction):

1. Each sentence becomes a TF-IDF vector of its stemmed content words (IDF over the article's own sentences),
   normalised to unit length, so the dot product of two sentences is their cosine similarity.
2. **Forward centrality**: a sentence scores by its similarity to the sentences that *follow* it. News is
   written so that the opening states what the rest elaborates; a sentence that later sentences keep returning
   to is a good summary sentence, while one that merely echoes what came before is not. Scaled to [0, 1].
3. **Position prior** 1 / (1 + i / τ), with τ = max(3, n / 10) for sentence i of n: the lead matters in news,
   but in a long report the prior flattens so that later chapters can still contribute.
4. Salience = prior × (1 + 0.2 × centrality): the lead dominates and centrality breaks near-ties. (An earlier
   weighting, prior × (0.75 + centrality), beat the lead by 0.4 ROUGE-1 on the development articles and lost to
   it by 0.7 on held-out CNN/DailyMail: centrality does not carry over; the lead does.)
5. **No repetition**: sentences are chosen greedily by salience minus 1.0 × their highest similarity to a
   sentence already chosen (maximal marginal relevance), so a lead sentence that repeats an earlier one gives
   way to the next.
6. **No dangling connective**: a sentence that opens by pointing back ("Moreover", "This", "However") counts
   for less while the sentence it points to is not chosen, so an equally good sentence that stands alone is
   preferred; when it is chosen all the same, the sentence before it follows next, so it comes with its
   antecedent. Headings and fragments (see desktop/core/sentence_repair.py) are never chosen.

Everything is sparse and vectorised: forward centrality comes from per-word running sums (linear in the text),
and each greedy step is one sparse matrix-vector product. The greedy order is computed for the first
`max_greedy` sentences, enough for any summary a reader wants; the rest follow by salience.

Measured on CNN/DailyMail and XSum development articles at three sentences it scores at least the lead
baseline on ROUGE-1, -2 and -Lsum on both (see the README's notes on quality). This summarizer is for news;
for editorials and opinion the default uses desktop/core/summarizers/argument.py (chosen by desktop/core/kind.py).
"""

from __future__ import annotations

import numpy as np
from scipy import sparse
from sumy.summarizers._summarizer import AbstractSummarizer

from desktop.core.summarizers.connectives import points_back


class NewsSummarizer(AbstractSummarizer):
    stop_words: frozenset[str] = frozenset()
    position_scale = 3.0
    position_share = 0.1
    centrality_weight = 0.2
    redundancy = 1.0
    #: How much less a back-pointing sentence counts while its antecedent is not chosen.
    dangling_penalty = 0.5
    #: Whether a back-pointing sentence chosen all the same brings the sentence before it.
    bring_antecedent = True
    #: Whether the first sentence that may be chosen always comes first (a report's lead states its news).
    lead_first = False
    max_greedy = 400

    def __call__(self, document, sentences_count):
        sentences = document.sentences
        ratings = self.rate(sentences)
        return self._get_best_sentences(sentences, sentences_count, ratings)

    def rate(self, sentences) -> dict:
        """Ratings that order the sentences as the greedy selection would pick them (higher first)."""
        n = len(sentences)
        if n == 0:
            return {}
        vectors = self._tfidf(sentences)
        eligible = np.array([getattr(s, "eligible", True) for s in sentences], dtype=bool)
        salience = self.salience(vectors, eligible)
        opening = [int(np.argmax(eligible))] if self.lead_first and eligible.any() else []
        order = self._greedy_order(
            vectors, salience, eligible, [points_back(s.words) for s in sentences], first=opening
        )
        ratings = {sentences[i]: float(salience[i]) for i in range(n)}
        for step, index in enumerate(order):
            ratings[sentences[index]] = float(2 + len(order) - step)  # above every salience (at most 1.2)
        return ratings

    def salience(self, vectors: sparse.csr_matrix, eligible: np.ndarray) -> np.ndarray:
        n = vectors.shape[0]
        position = np.arange(n, dtype=float)
        prior = 1.0 / (1.0 + position / max(self.position_scale, self.position_share * n))
        forward = forward_similarity(vectors)
        spread = forward.max() - forward.min()
        centrality = (forward - forward.min()) / spread if spread > 0 else np.zeros(n)
        return prior * (1.0 + self.centrality_weight * centrality)

    def _tfidf(self, sentences) -> sparse.csr_matrix:
        vocabulary: dict[str, int] = {}
        stems: dict[str, str | None] = {}  # each distinct word normalised and stemmed once: None for no term
        rows, cols = [], []
        for row, sentence in enumerate(sentences):
            for word in sentence.words:
                if word not in stems:
                    normal = self.normalize_word(word)
                    skip = normal in self.stop_words or not any(ch.isalnum() for ch in normal)
                    stems[word] = None if skip else self.stem_word(normal)
                stem = stems[word]
                if stem is None:
                    continue
                rows.append(row)
                cols.append(vocabulary.setdefault(stem, len(vocabulary)))
        n = len(sentences)
        counts = sparse.csr_matrix(
            (np.ones(len(rows)), (np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64))),
            shape=(n, max(1, len(vocabulary))),
        )
        counts.sum_duplicates()
        document_frequency = np.bincount(counts.indices, minlength=counts.shape[1])
        idf = np.log((n + 1) / (document_frequency + 1)) + 1
        weighted = counts.multiply(idf[np.newaxis, :]).tocsr()
        norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        return sparse.diags(1.0 / norms) @ weighted

    def _greedy_order(
        self, vectors: sparse.csr_matrix, salience: np.ndarray, eligible: np.ndarray, backward: list[bool],
        first: list[int] = (),
    ) -> list[int]:
        """The order a reader's summary would take them in: `first` (if any), then by marginal relevance."""
        n = vectors.shape[0]
        steps = min(int(eligible.sum()), self.max_greedy)
        redundancy = np.zeros(n)
        available = eligible.copy()
        dangling = np.array(backward, dtype=bool) & eligible
        dangling[0] = False
        order: list[int] = []
        queue = [i for i in first if available[i]]

        def take(index: int) -> None:
            order.append(index)
            available[index] = False
            if index + 1 < n:
                dangling[index + 1] = False  # its antecedent is in: it no longer dangles
            np.maximum(redundancy, vectors @ _dense_row(vectors, index), out=redundancy)

        while len(order) < steps:
            if queue:
                best = queue.pop(0)
            else:
                adjusted = salience - self.redundancy * redundancy
                adjusted = adjusted - np.where(dangling, self.dangling_penalty * np.abs(adjusted), 0.0)
                best = int(np.argmax(np.where(available, adjusted, -np.inf)))
            if not available[best]:
                continue
            take(best)
            antecedent = _antecedent(best, available, dangling) if self.bring_antecedent else None
            if antecedent is not None and len(order) < steps:
                take(antecedent)
        return order


def _antecedent(index: int, available: np.ndarray, dangling: np.ndarray) -> int | None:
    """The eligible sentence a chosen back-pointing sentence leans on, if it is not chosen yet."""
    if not dangling[index]:
        return None
    before = index - 1
    return before if before >= 0 and available[before] else None


def _dense_row(vectors: sparse.csr_matrix, index: int) -> np.ndarray:
    """Row `index` as a dense vector, so that `vectors @ row` is one sparse matrix-vector product: it sums each
    sentence's terms in the same order as a sparse product with the row would, without slicing a column out of
    a transposed matrix at every step (which took most of the greedy selection's time)."""
    start, stop = vectors.indptr[index], vectors.indptr[index + 1]
    row = np.zeros(vectors.shape[1])
    row[vectors.indices[start:stop]] = vectors.data[start:stop]
    return row


def forward_similarity(vectors: sparse.csr_matrix) -> np.ndarray:
    """For each sentence i, the sum of its cosine similarities to sentences i+1 … n-1, in linear time.

    sum_{j>i} x_i·x_j = x_i·(total − prefix_i), where prefix_i sums the vectors of sentences 0 … i; the prefix
    is only needed at the words sentence i uses, which per-word running sums over the sparse entries give.
    """
    coo = vectors.tocoo()
    rows, cols, values = coo.row, coo.col, coo.data
    if values.size == 0:
        return np.zeros(vectors.shape[0])
    order = np.lexsort((rows, cols))  # by word, then by sentence
    rows, cols, values = rows[order], cols[order], values[order]
    running = np.cumsum(values)
    group_start = np.r_[True, cols[1:] != cols[:-1]]
    group_first = np.maximum.accumulate(np.where(group_start, np.arange(len(values)), 0))
    offset = (running - values)[group_first]
    prefix_inclusive = running - offset
    totals = np.bincount(cols, weights=values, minlength=vectors.shape[1])
    after = totals[cols] - prefix_inclusive
    return np.bincount(rows, weights=values * after, minlength=vectors.shape[0])
