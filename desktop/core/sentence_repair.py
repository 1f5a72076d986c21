"""Whole sentences: mend spaCy's cuts inside brackets, quotes and escaped markup, and mark what is no sentence.

spaCy's sentence splitter reads punctuation, not structure: it cuts "see [" / "1] for details" and
"… engineering. <" / "script>alert(1)</script> was the text …", and those halves then compete as summary
sentences. `mend` joins such halves again, within a paragraph. It only joins when the bracket, quote or tag
that was left open is closed within the next few pieces, so one stray "(" cannot swallow a paragraph.

`is_fragment` says which sentences a reader would never pick for a summary: separators ("-----", "* *"),
footnote marks ("[1]"), lone bullets, a bulleted line with no full stop (a headline's point), table rows, lines set
wholly in capitals, and anything under four words. They stay sentences of the
text (offsets, highlighting) but are never summary sentences.

Kept apart from textprep (which prepares text before spaCy) because this works on spaCy's output.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Sequence

from desktop.core.model import Sentence

#: How many following pieces a left-open bracket, quote or tag may take to close before we give up on it.
MAX_JOIN = 4
MIN_SUMMARY_WORDS = 4

_PAIRS = (("(", ")"), ("[", "]"), ("{", "}"), ("“", "”"))
#: Markup shown as text, cut at its "<": the piece ends in "<" or "</", or the next begins like a tag's rest.
_OPEN_TAG_END = re.compile(r"(?:</?|&lt;/?)\s*$")
_TAG_REST_START = re.compile(r"^/?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>")
#: A piece that continues the previous one: it starts in lower case or with closing punctuation.
_CONTINUATION = re.compile(r"^[a-z,;:)\]}”’]")
_TABLE_CELLS = re.compile(r"\||\t")
#: A footnote mark ("[1]", "1]", "[a]") at the start of a piece: the mark itself, or a footnote's text.
_FOOTNOTE_MARK = re.compile(r"^\[?(?:\d{1,3}|[a-z]|[ivx]{1,4})\]")
_NUMBER = re.compile(r"^[\d.,:%/$€£+-]+$")
#: A list item: a bullet, then words; with no closing punctuation it is a headline's point, not a sentence.
_BULLET = re.compile(r"^[•▪●◦‣∙*–-]\s")
_CLOSED = re.compile(r"[.!?…][\"”’')\]]*$")


def mend(text: str, sentences: Sequence[Sentence]) -> list[Sentence]:
    """Join consecutive sentences of one paragraph where the boundary between them falls inside a bracket,
    quotation or tag that the following pieces close; everything else is returned as it was."""
    result: list[Sentence] = []
    index = 0
    while index < len(sentences):
        current = sentences[index]
        following = index + 1
        while following < len(sentences) and sentences[following].paragraph == current.paragraph:
            take = _pieces_to_close(text, current, sentences[following:following + MAX_JOIN])
            if not take:
                break
            for piece in sentences[following:following + take]:
                current = replace(current, end=piece.end, words=current.words + piece.words)
            following += take
        result.append(current)
        index = following
    return result


def _pieces_to_close(text: str, current: Sentence, ahead: Sequence[Sentence]) -> int:
    """How many of the `ahead` pieces must join `current` to close what it leaves open (0: nothing open)."""
    if not ahead or ahead[0].paragraph != current.paragraph:
        return 0
    head = text[current.start:current.end]
    nxt = text[ahead[0].start:ahead[0].end]
    if _OPEN_TAG_END.search(head) and _TAG_REST_START.match(nxt):
        return 1
    unfinished = not head.rstrip().endswith((".", "!", "?", "…"))
    if unfinished and (_CONTINUATION.match(nxt) or _FOOTNOTE_MARK.match(nxt) or not _has_letters(nxt)):
        return 1
    debts = _open_pairs(head)
    if not debts:
        return 0
    joined = head
    for taken, piece in enumerate(ahead, 1):
        if piece.paragraph != current.paragraph:
            return 0
        joined += " " + text[piece.start:piece.end]
        if not _open_pairs(joined):
            return taken
    return 0


def _open_pairs(piece: str) -> list[str]:
    """The brackets and quotation marks `piece` opens and does not close (straight quotes by odd count)."""
    open_ = [left for left, right in _PAIRS if piece.count(left) > piece.count(right)]
    if piece.count('"') % 2 == 1:
        open_.append('"')
    return open_


def _has_letters(piece: str) -> bool:
    return any(ch.isalpha() for ch in piece)


def is_fragment(text: str, words: Sequence[str]) -> bool:
    """True for what is no summary sentence: under four words, no letters (separators, footnote marks,
    bullets), a footnote ("[1] Flood records of …"), a bulleted point with no full stop ("• Ministry to take action
    against ex-chairman"), or a table row (cells split by bars or tabs, or mostly
    numbers)."""
    if len(words) < MIN_SUMMARY_WORDS or not _has_letters(text) or _FOOTNOTE_MARK.match(text.lstrip()):
        return True
    if len(_TABLE_CELLS.findall(text)) >= 2:
        return True
    if _shouted(text) or (_BULLET.match(text.lstrip()) and not _CLOSED.search(text.rstrip())):
        return True
    numbers = sum(1 for word in words if _NUMBER.match(word))
    return numbers * 2 > len(words)


def _shouted(text: str) -> bool:
    """A line with no small letter at all is a title, a byline or a heading set in capitals ("DR. GAVIN WOOD
    FOUNDER, ETHEREUM & ETHCORE"), never a sentence a reader would quote as the summary. An editorial's opening
    word in capitals ("CONSIDERING the relentless …") has small letters after it and stays a sentence."""
    letters = 0
    for ch in text:  # most sentences show a small letter within a few characters: stop there
        if ch.isalpha():
            if ch.islower():
                return False
            letters += 1
    return letters >= 8
