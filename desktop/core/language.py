"""Tell whether a text is mostly English, without any model or download.

The English pipeline still runs on other languages, but its sentences, entities and summaries are unreliable
there, so the result carries a warning. The test is cheap and deterministic: the share of letters in Latin
script, then which of sumy's stop-word lists (shipped with sumy, no data to fetch) covers most of the words.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from sumy.utils import get_stop_words

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_LATIN_LANGUAGES = ("english", "french", "german", "spanish", "italian", "portuguese", "swedish", "polish", "czech")
#: Fewer words than this and no judgement is made: a headline or a name says nothing about the language.
MIN_WORDS = 12
SAMPLE_CHARS = 20_000


@lru_cache(maxsize=None)
def _stop_words(language: str) -> frozenset[str]:
    words = get_stop_words(language)
    if language == "english":
        return words
    # Words shared with English ("a", "in", "me", "die") decide nothing between the two.
    return words - get_stop_words("english")


def detect_language(text: str) -> tuple[str, float]:
    """Return ("en", share) when the text reads as English, else (a language or script name, share).

    The share is the fraction of words that are stop words of the chosen language, a rough confidence.
    """
    sample = text[:SAMPLE_CHARS]
    letters = [ch for ch in sample if ch.isalpha()]
    if not letters:
        return "en", 0.0
    latin = sum(1 for ch in letters if "LATIN" in unicodedata.name(ch, ""))
    if latin < 0.5 * len(letters):
        scripts = Counter(unicodedata.name(ch, "UNKNOWN").split(" ")[0] for ch in letters)
        script = scripts.most_common(1)[0][0]
        name = script if script in ("CJK", "UNKNOWN") else script.title()
        return f"{name} script", 1 - latin / len(letters)
    words = [w.lower().replace("’", "'") for w in _WORD.findall(sample)]
    if len(words) < MIN_WORDS:
        return "en", 0.0
    shares = {lang: sum(w in _stop_words(lang) for w in words) / len(words) for lang in _LATIN_LANGUAGES}
    best = max(shares, key=lambda lang: (shares[lang], lang == "english"))
    if best == "english" or shares["english"] >= 2 * shares[best]:
        return "en", shares["english"]
    return best.title(), shares[best]


def language_warning(text: str) -> tuple[str, str | None]:
    """The language code or name, and a warning for the user when the text is not English."""
    language, _share = detect_language(text)
    if language == "en":
        return "en", None
    return language, (
        f"This text seems to be in {language}, not English: sentences, entities and the summary may be unreliable."
    )
