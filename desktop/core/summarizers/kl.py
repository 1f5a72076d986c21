"""KL-Sum with sumy's exact maths, in time that grows with the text instead of its square.

sumy's KLSummarizer greedily adds the sentence whose words, joined with the summary so far, keep the
Kullback-Leibler divergence KL(P_doc || P_summary+sentence) smallest. It recounts the whole summary for every
candidate at every step, which took minutes on a 20,000-word text. Here the divergence is split into a part that
depends only on the summary (kept up to date as sentences are added) and a part over each candidate's own words,
computed for all candidates at once with numpy:

    KL_s = Σ_{w∈supp} p_w·log p_w  −  Σ_{w∈supp} p_w·log(c_sw + u_w)  +  (Σ_{w∈supp} p_w)·log(L_s + |S|)

where p is the article's word distribution, c_s the candidate's counts, u the summary's counts, L_s the
candidate's length, |S| the summary's length and supp the words in either. Ratings are sumy's: minus the step at
which a sentence was chosen, so the first chosen rates highest.
"""

from __future__ import annotations

from collections import Counter

import numpy as np
from sumy.summarizers._summarizer import AbstractSummarizer


class FastKLSummarizer(AbstractSummarizer):
    stop_words: frozenset[str] = frozenset()

    def __call__(self, document, sentences_count):
        sentences = document.sentences
        ratings = self._compute_ratings(sentences)
        return self._get_best_sentences(sentences, sentences_count, ratings)

    def _compute_ratings(self, sentences) -> dict:
        content = [[w for w in map(self.normalize_word, s.words) if w not in self.stop_words] for s in sentences]
        all_words = [w for words in content for w in words]
        if not all_words:
            return {s: -order for order, s in enumerate(sentences)}
        vocabulary = {w: i for i, w in enumerate(dict.fromkeys(all_words))}
        counts = np.bincount([vocabulary[w] for w in all_words], minlength=len(vocabulary)).astype(float)
        p = counts / len(all_words)
        p_log_p = p * np.log(p)

        # One entry per (sentence, distinct word): the candidate-specific part of the divergence.
        rows, cols, vals = [], [], []
        for row, words in enumerate(content):
            for word, count in Counter(words).items():
                rows.append(row)
                cols.append(vocabulary[word])
                vals.append(count)
        entry_sentence = np.array(rows, dtype=np.int64)
        entry_word = np.array(cols, dtype=np.int64)
        entry_count = np.array(vals, dtype=float)
        lengths = np.array([len(words) for words in content], dtype=float)

        n = len(sentences)
        summary_counts = np.zeros(len(vocabulary))
        summary_size = 0  # all words of the chosen sentences, stop words included, as sumy counts them
        in_summary_p = in_summary_plogp = in_summary_plogu = 0.0
        remaining = np.ones(n, dtype=bool)
        ratings = {}
        for step in range(n):
            u = summary_counts[entry_word]
            p_entry = p[entry_word]
            new_word = u == 0
            # Words of the candidate outside the summary add to the support; words inside change their count.
            extra_p = np.bincount(entry_sentence, weights=p_entry * new_word, minlength=n)
            extra_plogp = np.bincount(entry_sentence, weights=p_log_p[entry_word] * new_word, minlength=n)
            log_u = np.log(np.where(new_word, 1.0, u))
            delta_log = np.bincount(
                entry_sentence, weights=p_entry * (np.log(entry_count + u) - log_u), minlength=n
            )
            support_p = in_summary_p + extra_p
            with np.errstate(divide="ignore", invalid="ignore"):
                kl = (
                    in_summary_plogp + extra_plogp
                    - (in_summary_plogu + delta_log)
                    + support_p * np.log(lengths + summary_size)
                )
            kl = np.where(support_p > 0, kl, 0.0)  # sumy: an empty joint distribution has divergence 0
            kl[~remaining] = np.inf
            best = int(np.argmin(kl))
            ratings[sentences[best]] = -step
            remaining[best] = False
            # Add the chosen sentence to the summary and refresh the summary-only sums.
            chosen = entry_sentence == best
            summary_counts[entry_word[chosen]] += entry_count[chosen]
            summary_size += len(sentences[best].words)
            in_summary = summary_counts > 0
            in_summary_p = float(p[in_summary].sum())
            in_summary_plogp = float(p_log_p[in_summary].sum())
            in_summary_plogu = float((p[in_summary] * np.log(summary_counts[in_summary])).sum())
            keep = ~chosen
            entry_sentence, entry_word, entry_count = entry_sentence[keep], entry_word[keep], entry_count[keep]
        return ratings
