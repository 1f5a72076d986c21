"""One acronym's meaning: rank its built-in senses against the article, keep the plausible ones, and assert the
best only when `calibration` says it is likely enough; the user's and the article's own definitions win, and a
meaning learned from an earlier article counts only where this article supports it.

Kept apart from `resolve` (which gathers an article's acronyms and organisations) so that the choice for a single
acronym, and its tuning constants, can be read and calibrated on its own (`desktop/evaluation/calibrate.py`
patches `_evidence` here).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import replace
from typing import Optional, Sequence

from desktop.core.glossary import calibration
from desktop.core.glossary.article_context import LEAN_MARGIN, _WORD, _Context, _common, article_field
from desktop.core.glossary.bundled import Sense, name_key
from desktop.core.glossary.fields import FIELDS
from desktop.core.model import Alternative, GlossaryEntry

#: Kinds of bundled sense that spaCy should call ORG, GPE or LOC when it mislabels them.
ORG_KINDS = {"organisation", "agency", "party", "armed-group", "court", "programme"}
PLACE_KINDS = {"region", "place"}  # spaCy's GPE/LOC agree with these when choosing a sense
#: Kinds that belong to one country's public life: a sense of these for a country the article never names is
#: unlikely, and with no other support is not asserted (see `_plausible`).
NATIONAL_KINDS = {"agency", "party", "armed-group", "court", "region", "programme"}
#: How much each clue counts when choosing among bundled senses (see `_score_sense`).
WEIGHT_PRIOR, WEIGHT_COUNTRY, WEIGHT_WORDS, WEIGHT_PHRASE, WEIGHT_KIND = 1.0, 2.0, 1.5, 1.0, 0.25
WEIGHT_DOMAIN, WEIGHT_UNIT = 1.0, 1.5
#: Derived lists of the world's names (places, parties, agencies, units): one calibration feature for all.
WORLD_LISTS = frozenset({"factbook", "wordnet", "partyfacts", "federalregister", "cldr"})
#: The confidence of a learned meaning this article supports, and of one it does not (listed as possible only).
LEARNED_SUPPORTED, LEARNED_UNSUPPORTED = 0.8, 0.3
#: A sense whose score trails the best by this much still shows as an alternative; further ones are dropped.
MAX_ALTERNATIVES = 4
#: When the two best senses' shares of the context choice are closer than this and the runner-up is as likely a
#: meaning as the winner, the article has not decided between them (see `_close_call`).
CLOSE_CALL = 0.1
#: Senses with a prior below this come from the big derived jargon lists (FOLDOC, V.E.R.A., NetBSD) and need
#: support from the article before they are shown as the meaning (see `_plausible`).
JARGON_WEIGHT = 0.35
#: How many mentions of countries make an article's geography clear enough to rule out another country's
#: national body (one passing "European" does not rule out Britain's SNP).
MIN_COUNTRY_MENTIONS = 3


def _resolve_acronym(term, key, group, definition, user, senses, context, labels) -> GlossaryEntry:
    mentions = tuple(sorted(group.mentions, key=lambda m: m.start))
    ranked = _rank_senses(senses, context, labels)
    bundled_alternatives = [Alternative(s.expansion, "bundled", round(c, 3)) for s, c in ranked[:MAX_ALTERNATIVES]]

    if user is not None and getattr(user, "origin", "user") == "user":
        return GlossaryEntry(
            term, "acronym", user.expansion, user.description or _description_of(user.expansion, ranked),
            "user", 1.0, mentions, tuple(_without(bundled_alternatives, user.expansion)),
        )
    if definition is not None:
        long = _misspelt_known(_visible(definition.long), ranked)
        return GlossaryEntry(
            term, "acronym", long, _description_of(long, ranked), "text", 0.95, mentions,
            tuple(_without(bundled_alternatives, long)),
        )
    plausible = [(sense, confidence) for sense, confidence in ranked if _plausible(sense, context)]
    asserted, confidence = None, 0.0
    if ranked:
        best, share = (plausible or ranked)[0]
        confidence = calibration.likelihood(_evidence(best, share, senses, context, len(mentions)))
        if plausible and confidence >= calibration.ASSERT_AT and not _close_call(
            plausible, confidence, senses, context, mentions
        ):
            asserted = best
        # The possible meanings' confidences on the same scale as the chosen one's: the likelihood that some
        # built-in sense is meant, shared in proportion to the context choice (so "possibly X" never reads 100%).
        scale = min(1.0, confidence / share) if share else 0.0
        bundled_alternatives = [replace(a, confidence=round(a.confidence * scale, 3)) for a in bundled_alternatives]
    if user is not None:  # learned from an earlier article: a candidate, weighed against this article
        learned = _learned_entry(term, user, asserted, ranked, bundled_alternatives, context, mentions)
        if learned is not None:
            return learned
        bundled_alternatives = _without(bundled_alternatives, user.expansion) + [
            Alternative(user.expansion, "user", LEARNED_UNSUPPORTED)
        ]
        if asserted is not None:
            bundled_alternatives = _without(bundled_alternatives, asserted.expansion)
    if asserted is not None:
        # A name that is not short for anything (the newspaper Dawn) is an organisation, not an acronym.
        kind = "organisation" if name_key(asserted.short) == name_key(asserted.expansion) else "acronym"
        return GlossaryEntry(
            term, kind, asserted.expansion, asserted.description, "bundled", round(confidence, 3), mentions,
            tuple(a for a in bundled_alternatives if a.expansion != asserted.expansion),
        )
    # No meaning fits well enough: the possible ones stay visible as alternatives.
    return GlossaryEntry(term, "acronym", None, None, "text", 0.0, mentions, tuple(bundled_alternatives))


def _close_call(plausible, confidence, senses, context, mentions) -> bool:
    """Whether the article has not decided between the two best meanings: it chose between them by a hair
    (`CLOSE_CALL`), and the runner-up is at least as likely to be right as the winner ("PTI" in a story that
    names India and Pakistan alike: the Press Trust of India or Imran Khan's party). Then both are listed as
    possible meanings rather than one shown as the meaning."""
    if len(plausible) < 2 or plausible[0][1] - plausible[1][1] >= CLOSE_CALL:
        return False
    runner_up, share = plausible[1]
    return calibration.likelihood(_evidence(runner_up, share, senses, context, len(mentions))) >= confidence


def _learned_entry(term, user, asserted, ranked, alternatives, context, mentions) -> Optional[GlossaryEntry]:
    """The entry for a meaning learned from an earlier article, or None when it should not be the meaning here.

    A learned definition is evidence from another article, not a rule: it is the meaning only where this article
    supports it (see `_supports_learned`), and never over a built-in sense asserted here (when that sense says the
    same, the entry is the built-in one). A biomedical "PM (poor metabolizer)" stays out of political news.
    """
    if asserted is not None or not _supports_learned(user, context, alone=not ranked):
        return None
    description = user.description or _description_of(user.expansion, ranked)
    return GlossaryEntry(
        term, "acronym", user.expansion, description, "user", LEARNED_SUPPORTED, mentions,
        tuple(_without(alternatives, user.expansion)), learned_from=user.article or "an earlier article",
    )


def _supports_learned(user, context: "_Context", alone: bool = False) -> bool:
    """Whether this article is like the one a definition was learned from: its words near the acronym, one of
    its countries, or its field.

    A field is broad (biology and computing are both science and technology), so the field alone counts only
    when the built-in glossary knows no sense of the term (`alone`): then the learned one competes with nothing,
    and less is asked (one of its words nearby, or two articles that lean to the same field or to none)."""
    words = _distinctive_words(user.expansion or "")
    found = sum(w in context.nearby for w in words)
    if words and (found * 2 >= len(words) or (alone and found)):
        return True
    countries = [c for c in getattr(user, "countries", ()) if c != "international"]
    if countries and any(c in context.countries for c in countries):
        return True
    field = getattr(user, "field", None) or "general"
    return alone and field == (article_field(context.fields) or "general")


def _plausible(sense: Sense, context: "_Context") -> bool:
    """Whether a sense may be shown as the meaning. Jargon from the big derived lists (a low prior) must have
    support: the article is about its field, or the expansion's words are around the mentions. Otherwise a
    sports story's "RAC" would read "Random Access Channel"; better to show no meaning and list it as a possibility.
    """
    national = [c for c in sense.countries if c != "international"]
    if sense.kind in NATIONAL_KINDS and national and sum(context.countries.values()) >= MIN_COUNTRY_MENTIONS:
        if not any(c in context.countries for c in national) and not _spelled_nearby(sense, context):
            return False  # Uruguay's Frente Amplio is not the "FA" of a story set in Morocco
    if sense.weight >= JARGON_WEIGHT or sense.domain not in FIELDS or not context.fields:
        return True
    share = context.fields.get(sense.domain, 0.0)
    if share == max(context.fields.values()) and share >= 1.0 / len(FIELDS) + LEAN_MARGIN:
        return True  # the article leans to the sense's field
    return _spelled_nearby(sense, context)


def _evidence(sense: Sense, share: float, rivals: Sequence[Sense], context: "_Context", mentions: int) -> calibration.Evidence:
    """The features of the winning sense that say how likely it is to be right (see `calibration`)."""
    found, total = _word_evidence(sense, context)
    rivals = [s for s in rivals if s is sense or not _elsewhere(s, context)]
    national = [c for c in sense.countries if c != "international"]
    country = 0.0
    if national and context.countries:
        country = 1.0 if any(c in context.countries for c in national) else -1.0
    field, gap = 1.0, 0.0
    if context.fields and sense.domain in FIELDS and sense.kind not in PLACE_KINDS:
        best = max(context.fields.values())
        gap = context.fields.get(sense.domain, best) - best
        field = 1.0 if gap == 0.0 else 0.0
    off_field = 0.0
    if context.fields and sense.kind not in PLACE_KINDS and sense.kind != "unit":
        lean = max(context.fields, key=context.fields.get)
        if context.fields[lean] >= 1.0 / len(FIELDS) + LEAN_MARGIN and sense.domain != lean:
            off_field = 1.0
    unit = 0.0
    if sense.kind == "unit":
        unit = 1.0 if context.after_number >= 0.5 else -1.0
    return calibration.Evidence({
        "margin": share,
        "rivals": math.log1p(max(0, len(rivals) - 1)),
        "prior": sense.weight,
        "curated": 1.0 if sense.source == "precis" else 0.0,
        "words": found / total if total else 0.0,
        "phrase": 1.0 if len(sense.expansion) > 6 and " ".join(sense.expansion.lower().split()) in context.lowered
        else 0.0,
        "country": country,
        "field": field,
        "field_gap": gap,
        "unit": unit,
        "mentions": math.log(max(1, mentions)),
        "any_word": 1.0 if found else 0.0,
        "long_form": 1.0 if sum(ch.isalnum() for ch in sense.short) >= 4 else 0.0,
        "derived_list": 1.0 if sense.source in ("vera", "netbsd") else 0.0,
        "place_list": 1.0 if sense.source in WORLD_LISTS else 0.0,
        "off_field": off_field,
        "dominance": sense.weight - max((s.weight for s in rivals if s is not sense), default=0.0),
    })


def _elsewhere(sense: Sense, context: "_Context") -> bool:
    """A national body (party, agency, ...) of a country an article that names countries never names: no rival
    for the meaning here (Slovenia's SMS party in a story about Pakistan)."""
    national = [c for c in sense.countries if c != "international"]
    return (
        sense.kind in NATIONAL_KINDS and bool(national) and bool(context.countries)
        and not any(c in context.countries for c in national)
    )


def _spelled_nearby(sense: Sense, context: "_Context") -> bool:
    """Whether at least half the distinctive words of the expansion occur around the acronym's mentions."""
    found, total = _word_evidence(sense, context)
    return bool(total) and found * 2 >= total


def _without(alternatives: list[Alternative], expansion: Optional[str]) -> list[Alternative]:
    chosen = name_key(expansion or "")
    return [a for a in alternatives if name_key(a.expansion) != chosen]


def _description_of(expansion: Optional[str], ranked: list[tuple[Sense, float]]) -> Optional[str]:
    """The bundled description of the same expansion, when the text's or user's expansion is one we know."""
    wanted = name_key(expansion or "")
    return next((s.description for s, _ in ranked if name_key(s.expansion) == wanted), None)


def _rank_senses(senses: Sequence[Sense], context: _Context, labels: Counter) -> list[tuple[Sense, float]]:
    """Senses with a confidence each (summing to 1), best first; a softmax over `_score_sense`."""
    if not senses:
        return []
    scores = [_score_sense(sense, context, labels) for sense in senses]
    top = max(scores)
    exps = [math.exp(3.0 * (score - top)) for score in scores]
    total = sum(exps)
    ranked = sorted(zip(senses, (e / total for e in exps)), key=lambda item: -item[1])
    return ranked


def _distinctive_words(expansion: str) -> list[str]:
    return [w for w in (w.lower() for w in _WORD.findall(expansion)) if len(w) > 2 and w not in _common()]


def _evidence_words(sense: Sense) -> list[str]:
    """The expansion's distinctive words that can speak for a sense: not the short form's own words, which are
    beside every mention ("congress" of "Congress" would otherwise count for "Indian National Congress")."""
    own = {w.lower() for w in _WORD.findall(sense.short)}
    return [w for w in _distinctive_words(sense.expansion) if w not in own]


def _word_evidence(sense: Sense, context: _Context) -> tuple[int, int]:
    """How many of the expansion's distinctive words (`_evidence_words`) are around the mentions, out of how many.
    A country's name counts as written when its code is ("US" beside "Congress" for "United States Congress")."""
    words = _evidence_words(sense)
    named: set[str] = set()
    if context.near_countries:
        expansion = " " + " ".join(w.lower() for w in _WORD.findall(sense.expansion)) + " "
        for name in context.near_countries:
            if f" {name} " in expansion:
                named.update(name.split())
    return sum(w in context.nearby or w in named for w in words), len(words)


def _score_sense(sense: Sense, context: _Context, labels: Counter) -> float:
    """prior + country fit + share of the expansion's words in the article + agreement with spaCy's label."""
    score = WEIGHT_PRIOR * sense.weight
    total_country = sum(context.countries.values())
    countries = [c for c in sense.countries if c != "international"]
    if countries and total_country:  # an article that names no country says nothing about a sense's country
        # A sense tied to countries the article never mentions (a party in Uruguay, in an article about
        # Morocco) counts against; one tied to the article's main country counts for.
        share = max(context.countries.get(c, 0.0) for c in countries) / total_country
        score += WEIGHT_COUNTRY * (share - 0.25)
    # Words of the expansion in the article count only when they are distinctive: "people" and "party" occur
    # everywhere, "syndication" or "Pakhtunkhwa" do not.
    found, total = _word_evidence(sense, context)
    if total:
        score += WEIGHT_WORDS * found / total
    if len(sense.expansion) > 6 and " ".join(sense.expansion.lower().split()) in context.lowered:
        score += WEIGHT_PHRASE  # the article spells the whole expansion out somewhere
    if context.fields:
        # Senses of the article's main field, and general ones, lose nothing; those of other fields lose in
        # proportion to how far their field trails the main one.
        # Places fit any field: articles on every subject name countries and regions.
        best = max(context.fields.values())
        field = None if sense.kind in PLACE_KINDS else sense.domain
        if _field_unknown(sense):
            score += WEIGHT_DOMAIN * (sum(context.fields.values()) / len(context.fields) - best)
        else:
            score += WEIGHT_DOMAIN * (context.fields.get(field, best) - best)
    if sense.kind == "unit":  # "5 TB" is terabytes; "TB cases" is tuberculosis
        score += WEIGHT_UNIT * (context.after_number - 0.5)
    if labels:
        label = labels.most_common(1)[0][0]
        if (label == "ORG" and sense.kind in ORG_KINDS) or (label in ("GPE", "LOC") and sense.kind in PLACE_KINDS):
            score += WEIGHT_KIND
    return score


def _field_unknown(sense: Sense) -> bool:
    """A sense from a derived list of the world's abbreviations that says nothing of its field (WordNet's "Army
    Intelligence", "artificial insemination"): general because nobody said, not because it fits every article.
    It is weighed as of an average field, so it does not outrank the everyday meaning of another field ("AI" in
    a news article is artificial intelligence)."""
    return sense.domain == "general" and sense.source in WORLD_LISTS and sense.kind not in PLACE_KINDS | {"unit"}


#: A curated sense this usual can correct a one-word slip in the article's own long form (see `_misspelt_known`).
SPELLING_PRIOR = 0.8


def _misspelt_known(long_form: str, ranked: list[tuple[Sense, float]]) -> str:
    """The article's long form, or the curated expansion it misspells: "Shanghai Corporation Organisation (SCO)"
    is the Shanghai Cooperation Organisation. Only a slip counts: the same words but one, and that one a long
    word two letters away from the known one, so a different body's name ("National Conference") stays."""
    words = long_form.split()
    for sense, _ in ranked:
        if sense.source != "precis" or sense.weight < SPELLING_PRIOR:
            continue
        known = sense.expansion.split()
        if len(known) != len(words):
            continue
        differ = [(a, b) for a, b in zip(words, known) if a.casefold() != b.casefold()]
        if len(differ) == 1 and min(map(len, differ[0])) >= 6 and _edits(*differ[0]) <= 2:
            return sense.expansion
    return long_form


def _edits(a: str, b: str) -> int:
    """The Levenshtein distance between two words, case-folded."""
    a, b = a.casefold(), b.casefold()
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        previous, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (x != y))
    return row[-1]


def _visible(long_form: str) -> str:
    """A long form as a reader sees it: without the soft hyphens (U+00AD) that typesetting leaves inside words
    ("Int\u00adernational Monetary Fund"), which would otherwise reach the glossary, exports and comparisons."""
    return long_form.replace("\u00ad", "")
