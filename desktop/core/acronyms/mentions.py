"""What the acronym finder and the definition finders return: a mention and a definition, with their spans.

Its own module so that `desktop.core.definitions` and the glossary can name these types without the rules.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AcronymMention:
    """One acronym in the text: `text[start:end]` is the acronym with a plural "s" but without a possessive "'s".

    `form` is the canonical short form the glossary is keyed on: "SOPs" -> "SOP", "MoUs" -> "MoU",
    "TTP's" -> "TTP"; dots, hyphens and digits stay ("U.S.", "IS-K", "COVID-19").
    """

    start: int
    end: int
    form: str


@dataclass(frozen=True)
class Definition:
    """A definition the text gives for a short form, with the spans of both halves.

    `short` is canonical like `AcronymMention.form` (a plural "s" dropped); `text[short_start:short_end]` is the
    short form as written (with that "s"), and `text[long_start:long_end] == long`. `pattern` names how it was
    found: "long (short)", "short (long)", "long, or short", "short, short for long", "known as",
    "long — short —", "long, short," or "initials".
    """

    short: str
    long: str
    short_start: int
    short_end: int
    long_start: int
    long_end: int
    pattern: str
