"""Definitions by apposition and by label: "SF, the Long Form,", "SF – the Long Form –", "SF: Long Form",
"SF = Long Form", "[SF] Long Form".

Glossaries, captions and news put the short form first. Only where a label can stand (a line's start, a list's
comma) and only when every word of the long form gives a letter, since "said:" and "as follows:" look the same.
"""

from __future__ import annotations

import re
from typing import Iterator

from desktop.core.acronyms import Definition
from desktop.core.definitions._text import _make
from desktop.core.definitions.long_forms import _long_form_after
from desktop.core.definitions.short_forms import _ACRONYM_WORD, _cue_short_ok, _looks_like_acronym

#: "SF – the Long Form – ..." and "SF, the Long Form, ...": the long form in apposition after the short form,
#: between dashes or commas (or up to a bracket, a semicolon or the sentence's end).
_SHORT_DASH = re.compile(r"(?=[ \t,])(?:[ \t]+[—–-]|[ \t]?,(?:[ \t]+or)?)[ \t]+(?:the\s+)?")
_SHORT_BEFORE_DASH = re.compile(r"(?<![\w.])(?P<short>" + _ACRONYM_WORD + r")[ \t]?$")
_APPOSITION_END = re.compile(r"[ \t]*(?:[—–);]|,\s|[ \t]-[ \t]|\.(?:\s|$)|$)")
#: A glossary's label: "SF: Long Form" or "SF = Long Form" at the start of a line, a sentence, a bracket or an
#: item of a list, "SF – Long Form" at the start of a line or a bracket, "[SF] Long Form" at the start of a line.
_CUE_LABEL = re.compile(
    r"(?:^|(?<=[\n(\[,;\].!?]))[ \t]*"
    r"(?:(?P<short>" + _ACRONYM_WORD + r")(?P<sep>[ \t]*[:=][ \t]+|[ \t]+[-–—][ \t]+)|"
    r"\[[ \t]*(?P<bracketed>" + _ACRONYM_WORD + r")[ \t]*\][ \t]+)",
    re.MULTILINE,
)


def _apposition_definitions(text: str) -> Iterator[Definition]:
    """"SF – the Long Form – said", "SF, the Long Form, said": a long form in apposition after its short form.
    The short form is in capitals, or it is a capitalised word and the long form has three capitalised words
    ("Nato, the North Atlantic Treaty Organisation,"); every word must give a letter, none may be a short form
    itself ("CcmC, CcmE and CcmF"), and the apposition must close."""
    for separator in _SHORT_DASH.finditer(text):
        if not text[separator.end():separator.end() + 1].isalnum():
            continue
        before = _SHORT_BEFORE_DASH.search(text, max(0, separator.start() - 40), separator.start())
        if before is None or before.group("short")[0].lower() != text[separator.end()].lower():
            continue  # the long form begins with the short form's first letter: a quick test, for speed
        short_start, short_end = before.span("short")
        short = text[short_start:short_end]
        acronym = _looks_like_acronym(short)
        if not _cue_short_ok(short) or not (acronym or text[separator.end()].isupper()):
            continue
        long_span = _long_form_after(text, short, separator.end())
        if long_span is None or not _APPOSITION_END.match(text, long_span[1]):
            continue
        words = text[long_span[0]:long_span[1]].split()
        if any(_looks_like_acronym(word) for word in words):
            continue
        if not acronym and sum(word[0].isupper() for word in words) < 3:
            continue
        pattern = "short, long," if "," in separator.group() else "short — long —"
        yield _make(text, (short_start, short_end), long_span, pattern)


def _label_definitions(text: str) -> Iterator[Definition]:
    """Glossaries and captions define by label: "SF: Long Form", "SF = Long Form", "SF – Long Form", "[SF] Long
    Form". Only where a label stands (see `_label_starts`), and every word of the long form must give a letter."""
    for match in _CUE_LABEL.finditer(text):
        name = "short" if match.group("short") else "bracketed"
        short_start, short_end = match.span(name)
        short = text[short_start:short_end]
        if not _cue_short_ok(short):
            continue
        if name == "short" and not _label_starts(text, short_start, match.group("sep").strip()):
            continue
        if name == "bracketed" and not (match.start() == 0 or text[match.start() - 1] == "\n"):
            continue
        long_span = _long_form_after(text, short, match.end())
        if long_span is not None:
            yield _make(text, (short_start, short_end), long_span, "short: long")


def _label_starts(text: str, start: int, separator: str) -> bool:
    """Does a label begin at `start`: at the start of a line or inside an opening bracket, or for ":" and "=",
    after a sentence's end, a closing bracket or the comma or semicolon of a list ("Conv: convolution, FC: fully
    connected")? Not "said:" or "as follows:" in running prose: the short form is the first word."""
    index = start
    while index > 0 and text[index - 1] in " \t":
        index -= 1
    if index == 0 or text[index - 1] in "\n([":
        return True
    if separator not in (":", "="):
        return False
    return text[index - 1] in ",;]" or (text[index - 1] in ".!?" and index < start)
