"""Choosing among definitions: when a text defines one short form twice, differently, keep the better.

A long form that spells its short form far worse than the other one is a coincidence ("components of the yeast
(CPF)" beside "cleavage and polyadenylation factor (CPF)"); this scores how well each spells it.
"""

from __future__ import annotations

from desktop.core.acronyms import Definition
from desktop.core.definitions.matching import _match_long_form, _uncovered_words
from desktop.core.definitions.short_forms import _short_form_variants


def _drop_weaker(text: str, definitions: list[Definition]) -> list[Definition]:
    """When a text defines one short form twice, differently, a long form that spells it much worse than the
    other is a coincidence: "cleavage and polyadenylation factor (CPF)" stands, "components of the yeast (CPF)"
    goes."""
    by_short: dict[str, list[Definition]] = {}
    for definition in definitions:
        by_short.setdefault(definition.short, []).append(definition)
    kept = []
    for group in by_short.values():
        if len({" ".join(d.long.lower().split()) for d in group}) == 1:
            kept.extend(group)
            continue
        qualities = [_spelling_quality(text, d) for d in group]
        best = max(score for score, _ in qualities)
        # A long form whose words begin all the short form's characters but one is no coincidence, however the
        # other spells it: "human flap endonuclease-1" and "human FEN-1" both define hFEN-1.
        kept.extend(d for d, (score, initials) in zip(group, qualities) if score >= best - 1 or initials)
    return kept


def _spelling_quality(text: str, definition: Definition) -> tuple[int, bool]:
    """How well a long form spells its short form: characters beginning words, capitals matched by capitals,
    minus words giving none; and whether words begin all its characters but one (and three at least)."""
    short = text[definition.short_start:definition.short_end]
    for variant in _short_form_variants(short):
        match = _match_long_form(variant, text, definition.long_start, definition.long_end, anchored=True)
        if match is not None:
            letters = [ch for ch in variant if ch.isalnum()]
            capitals = sum(ch.isupper() and text[p] == ch for ch, p in zip(letters, match.positions))
            initials = match.initials >= max(3, len(letters) - 1)
            return match.initials + capitals - _uncovered_words(text, match), initials
    return -len(definition.long.split()), False
