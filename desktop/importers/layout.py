"""Lines back into paragraphs: the rules plain text and PDF share for wrapped lines and words split by a hyphen.

A line break inside a paragraph is an accident of the page width. Both importers decide, line by line, whether
the next line continues the paragraph, and if so how the two lines meet: with a space, or with nothing when the
first ends in a hyphen that only split a word (`inter-` + `national`).
"""

from __future__ import annotations

import re

#: Characters a line may end with when a word was split across lines: hyphen-minus, soft hyphen, Unicode hyphen.
HYPHENS = "-\u00ad\u2010"
_SOFT_HYPHENS = "\u00ad"
_WORD = re.compile(r"[^\W\d_]+(?:[-\u2010][^\W\d_]+)*")
_LEFT_FRAGMENT = re.compile(r"([^\W\d_]+)[" + re.escape(HYPHENS) + r"]$")
_RIGHT_FRAGMENT = re.compile(r"^([^\W\d_]+)")
LIST_ITEM = re.compile(r"^\s*(?:[-*•◦▪‣–+]|\(?\d{1,3}[.)]|\(?[a-zA-Z][.)])\s")
SENTENCE_END = re.compile(r"[.!?:;\"'”’»)\]…]\s*$")
#: Stricter: a line that really ends a sentence (a closing quote alone may be mid-sentence).
TERMINAL = re.compile(r"[.!?:;…][\"'”’»)\]]*\s*$")


def vocabulary(lines: list[str]) -> set[str]:
    """Every word and hyphenated compound of a document, lower-cased: the document is its own dictionary.

    The halves of words split at a line end are left out, or every fragment would count as a word.
    """
    words: set[str] = set()
    skip_first = False
    for line in lines:
        found = [match.group().lower() for match in _WORD.finditer(line)]
        if skip_first and found:
            found = found[1:]
        skip_first = ends_with_split_word(line.rstrip())
        if skip_first and found:
            found = found[:-1]
        for word in found:
            words.add(word)
            if "-" in word or "\u2010" in word:
                words.update(re.split(r"[-\u2010]", word))
    return words


def ends_with_split_word(line: str) -> bool:
    return bool(line) and line[-1] in HYPHENS and _LEFT_FRAGMENT.search(line) is not None


def join_hyphenated(left: str, right: str, words: set[str], drop_by_default: bool) -> str:
    """Join a line ending in a hyphen to the next line, deciding whether the hyphen belongs to the word.

    The rule, in order: a soft hyphen always goes; a hyphen before a capital or a digit stays (`Indo-Pakistani`,
    `COVID-19`); the document decides when it uses the word elsewhere, whole (`international`: the hyphen
    goes) or hyphenated (`flood-hit`: it stays); two halves that are words of the document on their own are a
    compound (`well-known`); otherwise the default applies: typeset PDFs hyphenate, so the hyphen goes there,
    while a plain-text wrapper breaks only at hyphens that were already in the text, so it stays there.
    """
    hyphen = left[-1]
    if hyphen in _SOFT_HYPHENS:
        return left[:-1] + right
    left_match, right_match = _LEFT_FRAGMENT.search(left), _RIGHT_FRAGMENT.search(right)
    if not left_match or not right_match or not right_match.group(1)[0].islower():
        return left + right
    head, tail = left_match.group(1).lower(), right_match.group(1).lower()
    if head + tail in words:
        return left[:-1] + right
    if f"{head}-{tail}" in words or (head in words and tail in words):
        return left + right
    return left[:-1] + right if drop_by_default else left + right


def join_lines(lines: list[str], words: set[str], drop_hyphen_by_default: bool) -> str:
    """Join the lines of one paragraph with spaces, or with nothing across a split word."""
    text = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if not text:
            text = line
        elif ends_with_split_word(text):
            text = join_hyphenated(text, line, words, drop_hyphen_by_default)
        elif text[-1] in "-\u2010" and len(text) > 1 and text[-2].isdigit():
            text = text + line  # "26-" / "year-old": a hyphen after a number is the text's own
        else:
            text = f"{text} {line}"
    return text


def first_word(line: str) -> str:
    parts = line.split(None, 1)
    return parts[0] if parts else ""
