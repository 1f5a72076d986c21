"""`find_acronyms`: the order in which the jobs of this package run over a text, and how their results merge.

Candidates, then their contexts, then the forms the text confirms as acronyms, then the rules, then the
glossary's whole tokens and small-letter abbreviations.
"""

from __future__ import annotations

from typing import Callable

from desktop.core.acronyms.candidates import _all_candidates, _roman_kind
from desktop.core.acronyms.context import _Text, _article_lead, _contexts
from desktop.core.acronyms.exclusions import (
    _WEB_DOMAIN_AFTER,
    _accept,
    _in_address,
    _is_english_word,
    _is_initials_of_name,
    _looks_like_shouted_word,
)
from desktop.core.acronyms.known_forms import (
    _clock_suffixes,
    _currencies_before_amounts,
    _known_head,
    _known_whole_tokens,
    _overlaps,
    _small_letter_abbreviations,
)
from desktop.core.acronyms.mentions import AcronymMention
from desktop.core.acronyms.words import common_words


def find_acronyms(
    text: str, is_known: Callable[[str], bool] | None = None, is_unit: Callable[[str], bool] | None = None,
    is_currency: Callable[[str], bool] | None = None,
) -> list[AcronymMention]:
    """Every acronym mention in `text`, in document order (see the module docstring for what counts).

    `is_known(form)` says whether a glossary knows a form; it decides title-case forms ("Nato") and forms that
    are also common words ("WHO"). It is called at most once per distinct form. `is_unit(form)` says whether a
    form is a unit of measure: only those count right after a number ("710GB", but not the "ER" of "777-300ER").
    `is_currency(form)` says whether a form is a currency: those count right before an amount ("Rs56bn").
    """
    known_cache: dict[str, bool] = {}

    def known(form: str) -> bool:
        if is_known is None:
            return False
        if form not in known_cache:
            known_cache[form] = bool(is_known(form))
        return known_cache[form]

    facts = _Text(text)
    candidates = list(_all_candidates(text, titles=is_known is not None))
    contexts = _contexts(text, facts, candidates)
    facts.article_lead = _article_lead(text, facts, candidates)
    common = common_words()

    # Forms the text itself uses as acronyms: in normal prose by rules that need no confirmation, or alone in
    # brackets ("(NACTA)").
    confirmed: set[str] = set()
    bracketed_forms: set[str] = set()
    for candidate, context in zip(candidates, contexts):
        if candidate.kind == "title":
            continue
        form = candidate.form
        bracketed = text[candidate.start - 1:candidate.start] in "([" and text[candidate.end:candidate.end + 1] in ")]"
        if candidate.start > 0 and bracketed and form.lower() not in common:
            confirmed.add(form)
            bracketed_forms.add(form)
        elif context == "normal" and form.lower() not in common and not _roman_kind(form) and not (
            facts.used_as_word(form, False) or _looks_like_shouted_word(text, candidate, lead=False)
        ) and not _is_initials_of_name(text, candidate):
            confirmed.add(form)

    mentions = []
    for candidate, context in zip(candidates, contexts):
        if _WEB_DOMAIN_AFTER.match(text, candidate.end) or _in_address(text, candidate.start, candidate.end):
            continue  # "KSL.com", "Jo.Amos-INTERNET@bbc.co.uk": part of an address, not an acronym
        if _is_english_word(candidate, known, bracketed_forms):
            continue  # "a TOTAL DISASTER", "the CORAL reef": a word in capitals, unless the glossary knows it
        if _accept(text, facts, candidate, context, known, confirmed, common):
            mentions.append(_known_head(candidate, known) if is_known is not None else
                            AcronymMention(candidate.start, candidate.end, candidate.form))
    if is_known is not None:
        whole = list(_known_whole_tokens(text, known))
        if whole:  # "CP/M" and "Wi-Fi" as the glossary writes them, rather than their pieces
            spans = [(m.start, m.end) for m in whole]
            mentions = sorted([m for m in mentions if not _overlaps(spans, m)] + whole, key=lambda m: m.start)
        taken = [(m.start, m.end) for m in mentions]
        extra = [m for m in _small_letter_abbreviations(text, known, is_unit or known, common) if not _overlaps(taken, m)]
        if extra:
            mentions = sorted(mentions + extra, key=lambda m: m.start)
        clock = list(_clock_suffixes(text, known))
        if clock:  # "2.00 PM" is the time of day, whichever rule found its capitals
            spans = [(m.start, m.end) for m in clock]
            mentions = sorted([m for m in mentions if not _overlaps(spans, m)] + clock, key=lambda m: m.start)
        if is_currency is not None:
            taken = [(m.start, m.end) for m in mentions]
            money = [m for m in _currencies_before_amounts(text, is_currency) if not _overlaps(taken, m)]
            if money:
                mentions = sorted(mentions + money, key=lambda m: m.start)
    return mentions
