"""Where in the text a candidate stands: headline lines, runs of capitals, sentence starts, the article's lead.

The rules ask these questions about the surroundings of a candidate, never about its own shape.
"""

from __future__ import annotations

import bisect
import re

from desktop.core.acronyms.candidates import _Candidate
from desktop.core.acronyms.words import common_words

_WORD_LETTERS = re.compile(r"[^\W\d_]+")
_SENTENCE_END_CHARS = ".!?"
#: Words that may precede an article's first sentence on its line: " date 2026-02-27 CONSIDERING the...".
_METADATA_WORDS = frozenset("date dated by posted updated published".split())
_OPENERS = "\"“‘'([«"


class _Text:
    """Facts about the whole text that the rules consult: its lines and the ordinary words it uses."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self._line_is_headline: dict[int, bool] = {}
        self.article_lead = -1
        self.words = {word for word in _WORD_LETTERS.findall(text) if not word.isupper()}

    def line_of(self, position: int) -> int:
        return bisect.bisect_right(self.line_starts, position) - 1

    def line_is_headline(self, line: int) -> bool:
        """A line in capitals: no small letters, and either a common word or four words in capitals."""
        if line not in self._line_is_headline:
            start = self.line_starts[line]
            end = self.line_starts[line + 1] - 1 if line + 1 < len(self.line_starts) else len(self.text)
            words = _WORD_LETTERS.findall(self.text, start, end)
            capital_words = [w for w in words if w.isupper() and len(w) >= 2]
            common = common_words()
            self._line_is_headline[line] = bool(words) and all(not w.islower() and w.isupper() for w in words) and (
                len(capital_words) >= 4 or any(w.lower() in common for w in capital_words)
            ) and len(capital_words) >= 2
        return self._line_is_headline[line]

    def used_as_word(self, form: str, capitalised_too: bool) -> bool:
        letters = form.replace("-", "")
        if not letters.isalpha():
            return False
        return letters.lower() in self.words or (capitalised_too and letters.capitalize() in self.words)


def _is_sentence_start(text: str, position: int) -> bool:
    index = position - 1
    while index >= 0 and (text[index] in " \t\u00a0" or text[index] in _OPENERS):
        index -= 1
    return index < 0 or text[index] == "\n" or text[index] in _SENTENCE_END_CHARS


def _next_word_is_lower(text: str, end: int) -> bool:
    index = end
    while index < len(text) and text[index] in " \t\u00a0\"“”'’,":
        if text[index] == "," and index > end:
            break
        index += 1
    return index < len(text) and text[index].islower()


def _next_is_dateline_mark(text: str, end: int) -> bool:
    rest = text[end:end + 3].lstrip(" \t")
    return rest[:1] in (":", "—", "–", "(") or rest.startswith("- ")


def _previous_word_capitalised(text: str, start: int) -> bool:
    index = start - 1
    while index >= 0 and text[index] in " \t\u00a0":
        index -= 1
    if index < 0 or not text[index].isalpha():
        return False
    word_start = index
    while word_start > 0 and text[word_start - 1].isalpha():
        word_start -= 1
    word = text[word_start:index + 1]
    return word[0].isupper() and not (_is_sentence_start(text, word_start) and word.lower() in common_words())



def _article_lead(text: str, facts: _Text, candidates: list[_Candidate]) -> int:
    """Where a word in capitals opens the article's first line of prose and small letters follow it
    ("CONSIDERING the relentless wave...", "IT is a pity..."), or -1."""
    for candidate in candidates:
        if candidate.kind == "title" or facts.line_is_headline(facts.line_of(candidate.start)):
            continue
        line = facts.line_of(candidate.start)
        line_start = facts.line_starts[line]
        before = text[line_start:candidate.start]
        if any(not word.isupper() and word.lower() not in _METADATA_WORDS for word in _WORD_LETTERS.findall(before)):
            return -1  # the line had begun with prose
        return candidate.start if _next_word_is_lower(text, candidate.end) else -1
    return -1



def _contexts(text: str, facts: _Text, candidates: list[_Candidate]) -> list[str]:
    """"headline", "shouted" (three or more words in capitals in a row), "lead" (capitals opening a sentence)
    or "normal", for each candidate."""
    contexts = ["normal"] * len(candidates)
    common = common_words()
    index = 0
    while index < len(candidates):
        candidate = candidates[index]
        if candidate.kind == "title":
            index += 1
            continue
        # A run of capital words separated by spaces only.
        last = index
        while last + 1 < len(candidates) and candidates[last + 1].kind != "title" and _only_spaces_between(
            text, candidates[last].end, candidates[last + 1].start
        ):
            last += 1
        run = candidates[index:last + 1]
        headline = facts.line_is_headline(facts.line_of(candidate.start))
        shouted = len(run) >= 3 and any(c.form.lower() in common for c in run)
        lead = _is_sentence_start(text, candidate.start)
        for position in range(index, last + 1):
            if headline:
                contexts[position] = "headline"
            elif shouted:
                contexts[position] = "shouted"
            elif lead:
                contexts[position] = "lead"
        index = last + 1
    return contexts


def _only_spaces_between(text: str, end: int, start: int) -> bool:
    gap = text[end:start]
    return gap != "" and len(gap) <= 3 and all(ch in " \t\u00a0" for ch in gap)
