"""Definitions by cue phrase: "Long Form, or SF", "SF, short for Long Form", "Long Form, known as SF",
"Long Form — SF —", "Long Form, SF,".

News and general text define with words rather than brackets. Every cue demands that each content word of the
long form begin with the next letter of the short form (see `matching._every_word_spells`); appositions and
labels, the other short-form-first patterns, are in `labels`.
"""

from __future__ import annotations

import re
from typing import Iterator

from desktop.core.acronyms import Definition
from desktop.core.definitions._text import _make
from desktop.core.definitions.labels import _apposition_definitions, _label_definitions
from desktop.core.definitions.long_forms import _long_form_after, _long_form_before
from desktop.core.definitions.short_forms import _ACRONYM_WORD, _cue_short_ok, _looks_like_acronym

_CUE_LONG_SHORT = re.compile(  # the lookahead only fails fast where no separator starts
    r"(?=[,\s])"
    r"(?P<sep>,?\s+or\s+(?:simply\s+|just\s+)?|,?\s+(?:also\s+|commonly\s+|popularly\s+|better\s+|widely\s+|now\s+)?"
    r"(?:known|referred\s+to)\s+as\s+(?:the\s+)?|,?\s+(?:also\s+|commonly\s+)?called\s+(?:the\s+)?|"
    r",?\s+(?:often\s+|usually\s+|commonly\s+)?(?:abbreviated|shortened)(?:\s+(?:as|to))?\s+|\s+[—–]\s+|,\s+)"
    r"(?P<short>" + _ACRONYM_WORD + r")(?P<after>\s*[—–,;:.)]|\s+[a-z]|\s*$)"
)
#: "SF, short for Long Form", "SF, which stands for", "SF (meaning ...)", "SF, i.e. the", "SF, an acronym for",
#: "SF comes from the initials of": found by the cue (rare words), then the short form before it.
_SHORT_LONG_CUE = re.compile(  # the lookahead (first letters of the cues) only fails fast
    r"\b(?=[acdfimnst])(?:short\s+for|stands\s+for|stood\s+for|standing\s+for|meaning|i\.\s?e\.,?|"
    r"(?:an\s+)?(?:acronym|abbreviation|initialism)\s+(?:for|of)|"
    r"(?:named\s+|(?:comes|came|derives|derived|taken)\s+)?(?:from|after|for)\s+the\s+initials\s+of)\s+(?:the\s+)?"
)
_SHORT_BEFORE_CUE = re.compile(
    r"(?<![\w.])(?P<short>" + _ACRONYM_WORD + r")(?:['’]s)?,?\s+(?:which\s+|that\s+)?(?:is\s+|was\s+)?$"
)


def _cue_definitions(text: str) -> Iterator[Definition]:
    for match in _CUE_LONG_SHORT.finditer(text):
        short_start, short_end = match.span("short")
        short = text[short_start:short_end]
        separator = match.group("sep").strip()
        dash = separator in ("—", "–")
        apposition = separator == ","
        if dash and not re.match(r"\s*[—–)]", match.group("after")):
            continue  # "Long Form — SF —", and in brackets "(Long Form – SF)"
        if apposition and not (re.match(r"\s*[,)]", match.group("after")) and _looks_like_acronym(short)):
            continue
        if not _cue_short_ok(short):
            continue
        long_span = _long_form_before(text, short, match.start(), strict=True)
        if long_span is None:
            continue
        if dash:
            pattern = "long — short —"
        elif apposition:
            pattern = "long, short,"
        elif "known" in separator or "called" in separator or "referred" in separator:
            pattern = "known as"
        elif "abbreviated" in separator or "shortened" in separator:
            pattern = "abbreviated as"
        else:
            pattern = "long, or short"
        yield _make(text, (short_start, short_end), long_span, pattern)
    for cue in _SHORT_LONG_CUE.finditer(text):
        before = _SHORT_BEFORE_CUE.search(text, max(0, cue.start() - 60), cue.start())
        if before is None:
            continue
        short_start, short_end = before.span("short")
        short = text[short_start:short_end]
        if not _cue_short_ok(short):
            continue
        long_span = _long_form_after(text, short, cue.end())
        if long_span is not None:
            yield _make(text, (short_start, short_end), long_span, "short, short for long")
    yield from _apposition_definitions(text)
    yield from _label_definitions(text)
