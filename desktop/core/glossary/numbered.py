"""Acronyms written with a number: "FY25", "FY2025-26" are the fiscal year 2025, 2025-26; "pm" after a clock
time ("3pm") is post meridiem.

When a form is a known short form plus a number and the short form's usual sense is a general term ("FY":
fiscal year), its meaning is that term with the number. Only a confident general term counts: "SA20" is a
cricket league, not "société anonyme 20", so short forms whose first sense is a party, place or jargon do not.
"""

from __future__ import annotations

import re
from dataclasses import replace

from desktop.core.acronyms import at_clock_time
from desktop.core.glossary.bundled import BundledGlossary, Sense

_NUMBERED = re.compile(r"^([A-Z]{2,5})-?(\d{2,4}(?:-\d{2,4})?)$")
MIN_WEIGHT = 0.8


def numbered_senses(form: str, bundled: BundledGlossary) -> list[Sense]:
    match = _NUMBERED.match(form)
    if not match:
        return []
    senses = bundled.senses(match.group(1))
    if not senses or senses[0].kind != "term" or senses[0].weight < MIN_WEIGHT:
        return []
    best = senses[0]
    return [replace(best, short=form, expansion=f"{best.expansion} {match.group(2)}")]


def time_of_day_senses(text: str, mentions, key: str, bundled: BundledGlossary) -> list[Sense]:
    """For "am" or "pm" written after clock times only ("3pm", "12:15 am", "2.00 PM"), the time of day: the unit
    sense of "AM" or "PM" (ante or post meridiem), never the picometre the small letters also spell."""
    if key not in ("am", "pm") or not mentions or not all(at_clock_time(text, m.start) for m in mentions):
        return []
    return [replace(s, short=key) for s in bundled.senses(key.upper()) if s.kind == "unit"]
