"""The summary algorithms Précis offers, by name: a registry with no heavy imports, so the window starts fast.

The algorithms themselves live in `desktop.core.summarize` (sumy, numpy, scipy), imported only to summarise.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Algorithm:
    name: str
    label: str
    description: str
    #: Methods that compare every pair of sentences refuse texts beyond this, rather than exhaust memory.
    max_sentences: int | None = None


#: About 300,000 words: a pairwise matrix this size is ~600 MB even in float32.
MAX_PAIRWISE_SENTENCES = 12_000


ALGORITHMS: dict[str, Algorithm] = {
    a.name: a
    for a in (
        Algorithm("news", "News", "position, forward-looking centrality and no repetition (the default)"),
        Algorithm(
            "lexrank", "LexRank", "graph centrality of sentences by TF-IDF cosine similarity", MAX_PAIRWISE_SENTENCES
        ),
        Algorithm("textrank", "TextRank", "PageRank over sentences linked by shared words", MAX_PAIRWISE_SENTENCES),
        Algorithm("lsa", "LSA", "latent semantic analysis: sentences that carry the main topics"),
        Algorithm("luhn", "Luhn", "clusters of frequent significant words"),
        Algorithm("edmundson", "Edmundson", "cue words, title words and position"),
        Algorithm("kl", "KL-Sum", "greedily keeps the word distribution close to the article's"),
        Algorithm("sumbasic", "SumBasic", "frequent words, discounted once used, to avoid repetition"),
        Algorithm("reduction", "Reduction", "sentences most connected to the rest", MAX_PAIRWISE_SENTENCES),
        Algorithm("lead", "Lead", "the article's opening sentences (the baseline news editors write for)"),
    )
}
#: Chosen by measurement (ROUGE on CNN/DailyMail development articles, see the README's notes on quality).
DEFAULT_ALGORITHM = "news"
