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
    #: What its summaries favour, in a reader's words (the window's tooltip).
    favours: str = ""
    #: Methods that compare every pair of sentences refuse texts beyond this, rather than exhaust memory.
    max_sentences: int | None = None


#: About 300,000 words: a pairwise matrix this size is ~600 MB even in float32.
MAX_PAIRWISE_SENTENCES = 12_000


ALGORITHMS: dict[str, Algorithm] = {
    a.name: a
    for a in (
        Algorithm(
            "news", "By article kind", "reads the kind of article, then: for news the lead; for arguments the position "
            "(the default)",
            favours="Reads what kind of article it is first. For a news report it favours the opening and what happens "
            "next; for an editorial or opinion piece, the opening plus the sentences that carry its position and what "
            "it calls for. No repetition either way. The default.",
        ),
        Algorithm(
            "lexrank", "LexRank", "graph centrality of sentences by TF-IDF cosine similarity",
            favours="Favours sentences similar to many others: the points the article keeps coming back to.",
            max_sentences=MAX_PAIRWISE_SENTENCES,
        ),
        Algorithm(
            "textrank", "TextRank", "PageRank over sentences linked by shared words",
            favours="Favours sentences that share many words with the rest: the article's main thread.",
            max_sentences=MAX_PAIRWISE_SENTENCES,
        ),
        Algorithm(
            "lsa", "LSA", "latent semantic analysis: sentences that carry the main topics",
            favours="Favours sentences that carry the article's main topics, wherever they stand.",
        ),
        Algorithm(
            "luhn", "Luhn", "clusters of frequent significant words",
            favours="Favours sentences dense in the article's most frequent significant words.",
        ),
        Algorithm(
            "edmundson", "Edmundson", "cue words, title words and position",
            favours="Favours sentences with cue words, words of the title, and early positions.",
        ),
        Algorithm(
            "kl", "KL-Sum", "greedily keeps the word distribution close to the article's",
            favours="Favours a summary whose mix of words is closest to the whole article's.",
        ),
        Algorithm(
            "sumbasic", "SumBasic", "frequent words, discounted once used, to avoid repetition",
            favours="Favours the most frequent words, then new ones once those are covered: little repetition.",
        ),
        Algorithm(
            "reduction", "Reduction", "sentences most connected to the rest",
            favours="Favours sentences most connected to the rest of the article.",
            max_sentences=MAX_PAIRWISE_SENTENCES,
        ),
        Algorithm(
            "lead", "Lead", "the article's opening sentences (the baseline news editors write for)",
            favours="Simply the article's first sentences, which news editors write to stand alone.",
        ),
    )
}
#: Chosen by measurement (ROUGE on CNN/DailyMail development articles, see the README's notes on quality).
DEFAULT_ALGORITHM = "news"
