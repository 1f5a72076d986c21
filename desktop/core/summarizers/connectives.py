"""Sentences that open by pointing back to the one before ("Moreover, …", "This …", "However, …").

Taken out of their place in a summary, they dangle: the reader meets "Moreover" with nothing to add to. The
default summarizer either brings the sentence they point to or passes over them for a sentence that stands
alone. Words are the lower-cased, punctuation-free words our sentences carry.
"""

from __future__ import annotations

from typing import Sequence

#: Single opening words that refer to or continue the previous sentence.
BACK_WORDS = frozenset({
    "moreover", "however", "furthermore", "besides", "additionally", "also", "but", "and", "yet",
    "therefore", "thus", "hence", "consequently", "accordingly", "meanwhile", "nevertheless", "nonetheless",
    "still", "instead", "otherwise", "similarly", "likewise", "so", "this", "these", "that", "those",
    "such", "it", "its", "they", "their", "them", "he", "she", "his", "her", "there", "here", "both",
    "again", "conversely", "indeed", "after", "later",
})
#: Opening phrases that do the same.
BACK_PHRASES = (
    ("in", "this", "regard"), ("in", "addition"), ("as", "a", "result"), ("on", "the", "other", "hand"),
    ("at", "the", "same", "time"), ("by", "contrast"), ("in", "contrast"), ("even", "so"), ("for", "this"),
    ("because", "of", "this"), ("in", "turn"), ("as", "such"), ("to", "this", "end"), ("in", "that", "case"),
    ("despite", "this"), ("on", "top", "of", "that"), ("not", "only", "that"), ("the", "latter"),
    ("the", "former"), ("all", "this"), ("all", "of", "this"), ("in", "other", "words"),
)
#: "This year", "That day": a demonstrative with a time word points to the calendar, not to a sentence.
_TIME_WORDS = frozenset({"year", "week", "month", "morning", "evening", "afternoon", "weekend", "season", "time",
                         "day", "summer", "winter", "spring", "autumn", "fall", "night"})


def points_back(words: Sequence[str]) -> bool:
    """Whether a sentence with these words opens by leaning on the sentence before it."""
    if not words:
        return False
    first = words[0]
    if first in ("this", "that", "these", "those") and len(words) > 1 and words[1] in _TIME_WORDS:
        return False
    if first in BACK_WORDS:
        return True
    return any(tuple(words[:len(phrase)]) == phrase for phrase in BACK_PHRASES)
