"""Build an article's glossary: every acronym and organisation in it, each with the meaning that fits the article.

Sources, in order of precedence:

1. **user**: what the user defined or corrected in their own glossary; always wins.
2. **text**: a definition the article itself gives ("the Regional Flood Authority (RFA)"), anywhere in it.
3. **learned**: a definition found in an article the user analysed before, kept with that article's field and
   countries. It is the meaning only where this article supports it and no built-in sense is asserted; otherwise
   it is one of the possible meanings (see `_learned_entry`).
4. **bundled**: Précis's built-in glossary. When a short form has several senses (PPP, KP, FO) the one that fits
   the article is chosen from the countries it mentions, the words of each expansion that occur in it, and the
   kind of entity spaCy saw; the others stay as alternatives with their confidence.

spaCy's ORG mentions become entries too, merged with the acronym they stand for when both occur, and known
glossary terms correct spaCy's labels (it takes "Nacta" for a person and "Dawn" for a place).
"""

from __future__ import annotations

import math
from bisect import bisect_left
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Callable, Iterable, Optional, Sequence

from desktop.core.acronyms import AcronymMention, common_words, find_acronyms
from desktop.core.definitions import Definition, find_definitions
from desktop.core.glossary import calibration, fields
from desktop.core.glossary import organisations as orgs
from desktop.core.glossary.numbered import numbered_senses
from desktop.core.glossary.bundled import BundledGlossary, Sense, form_key, name_key
from desktop.core.glossary.context import article_countries
from desktop.core.glossary.fields import FIELDS
from desktop.core.model import Alternative, Entity, GlossaryEntry, Mention

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
#: Senses with a prior below this come from the big derived jargon lists (FOLDOC, V.E.R.A., NetBSD) and need
#: support from the article before they are shown as the meaning (see `_plausible`).
JARGON_WEIGHT = 0.35
#: How many mentions of countries make an article's geography clear enough to rule out another country's
#: national body (one passing "European" does not rule out Britain's SNP).
MIN_COUNTRY_MENTIONS = 3
#: How far above an even split an article's share of a field must be for the article to lean to that field.
LEAN_MARGIN = 0.1
#: How far around a mention the words of an expansion count (about two sentences each way).
NEARBY_CHARS, MAX_NEARBY_MENTIONS = 400, 50

_WORD = re.compile(r"[^\W\d_]+")
_LEADING_THE = re.compile(r"^(?:the|The)\s+")
_FOREIGN_STOP = frozenset("de del der des di du e la le und van von y".split())


@lru_cache(maxsize=1)
def _common() -> frozenset[str]:
    return common_words() | _FOREIGN_STOP


@dataclass
class _Group:
    key: str
    surfaces: Counter
    mentions: list


def build_glossary(
    text: str,
    entities: Sequence[Entity],
    bundled: BundledGlossary,
    user_lookup: Optional[Callable[[str], object]] = None,
) -> tuple[tuple[GlossaryEntry, ...], tuple[Entity, ...], list[Definition]]:
    """Return (glossary entries, entities with corrected labels, the article's own definitions)."""
    definitions = find_definitions(text)
    defined: dict[str, Definition] = {}
    for definition in definitions:
        defined.setdefault(form_key(definition.short), definition)

    user_cache: dict[str, object] = {}

    def user_entry(term: str):
        if user_lookup is None:
            return None
        if term not in user_cache:
            user_cache[term] = user_lookup(term)
        return user_cache[term]

    def is_known(form: str) -> bool:
        return form_key(form) in defined or bundled.knows(form) or user_entry(form) is not None

    def is_unit(form: str) -> bool:
        return any(sense.kind == "unit" for sense in bundled.senses(form))

    initials = _initials_of_people(entities)
    mentions = [m for m in find_acronyms(text, is_known, is_unit) if m.start not in initials]
    groups = _group_mentions(mentions)
    for definition in definitions:  # a defined short form is a mention even where the finder doubted it
        group = groups.setdefault(form_key(definition.short), _Group(form_key(definition.short), Counter(), []))
        span = (definition.short_start, definition.short_end)
        if span not in {(m.start, m.end) for m in group.mentions}:
            group.mentions.append(Mention(*span))
            group.surfaces[definition.short] += 1

    context = _Context.of(text, entities)
    senses_of = {
        key: bundled.senses(group.surfaces.most_common(1)[0][0]) or bundled.senses(key)
        or numbered_senses(group.surfaces.most_common(1)[0][0], bundled)
        for key, group in groups.items()
    }
    votes = {
        key: fields.acronym_votes(senses_of[key], defined[key].long if key in defined else None) for key in groups
    }
    all_votes = fields.word_votes(context.words, bundled)
    for vote in votes.values():
        all_votes.update(vote)
    entries: dict[str, GlossaryEntry] = {}
    topic = _sport_word(text)
    for key, group in groups.items():
        term = group.surfaces.most_common(1)[0][0]
        labels = context.labels_at(group.mentions)
        others = Counter(all_votes)
        others.subtract(votes[key])  # an acronym's own vote does not decide its own sense
        group_context = replace(
            context, fields=fields.shares(others), after_number=_after_number(text, group.mentions),
            nearby=_words_near(text, group.mentions) | topic,
        )
        entries[key] = _resolve_acronym(
            term, key, group, defined.get(key), user_entry(term), senses_of[key], group_context, labels
        )

    entries = {
        k: e for k, e in entries.items()
        if e.meaning or not (orgs.is_place_or_heading(e.term, text, e.mentions) or is_designation(e.term))
    }
    entities = orgs.find_known_names(text, orgs.relabel_known(text, entities, bundled), bundled)
    entries, organisation_entries = _organisations(text, entities, entries, bundled, user_entry, context)
    ordered = sorted(
        list(entries.values()) + organisation_entries, key=lambda e: (e.mentions[0].start if e.mentions else 0, e.term)
    )
    return tuple(ordered), _corrected_labels(entities, ordered, bundled, text), definitions


# -- acronyms ------------------------------------------------------------------------------------------------


def _initials_of_people(entities: Sequence[Entity]) -> set[int]:
    """Where a person's name begins with initials ("AP McCoy", "C.S. Lewis"): capitals there are not acronyms.

    spaCy does not always call "AP McCoy" a person, so a name whose last word is the surname of a person named
    elsewhere in the article ("McCoy's trophy") counts too.
    """
    surnames = {e.text.split()[-1] for e in entities if e.label == "PERSON" and e.text.split()}
    starts = set()
    for entity in entities:
        first, _, rest = entity.text.partition(" ")
        letters = first.replace(".", "")
        if not (rest and 1 < len(letters) <= 3 and letters.isalpha() and letters.isupper()):
            continue
        if entity.label == "PERSON" or (len(rest.split()) == 1 and rest.strip("'’s") in surnames):
            starts.add(entity.start)
    return starts


def _group_mentions(mentions: Iterable[AcronymMention]) -> dict[str, _Group]:
    groups: dict[str, _Group] = {}
    for mention in mentions:
        key = form_key(mention.form)
        group = groups.setdefault(key, _Group(key, Counter(), []))
        group.surfaces[mention.form] += 1
        group.mentions.append(Mention(mention.start, mention.end))
    return groups


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
        long = _visible(definition.long)
        return GlossaryEntry(
            term, "acronym", long, _description_of(long, ranked), "text", 0.95, mentions,
            tuple(_without(bundled_alternatives, long)),
        )
    plausible = [(sense, confidence) for sense, confidence in ranked if _plausible(sense, context)]
    asserted, confidence = None, 0.0
    if ranked:
        best, share = (plausible or ranked)[0]
        confidence = calibration.likelihood(_evidence(best, share, senses, context, len(mentions)))
        if plausible and confidence >= calibration.ASSERT_AT:
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


def article_field(shares: Optional[dict]) -> Optional[str]:
    """The field an article leans to clearly (see `fields.shares`), or None when it leans to none."""
    if not shares:
        return None
    best = max(shares, key=shares.get)
    return best if shares[best] >= 1.0 / len(FIELDS) + LEAN_MARGIN else None


def article_profile(text: str, entities: Sequence[Entity], bundled: BundledGlossary) -> tuple[Optional[str], list[str]]:
    """What a learned definition remembers of its article: the field it leans to, and its main countries (those
    named at least a quarter as often as the most named one, at most three)."""
    context = _Context.of(text, entities)
    votes = fields.word_votes(context.words, bundled)
    field = article_field(fields.shares(votes))
    countries = context.countries
    top = max(countries.values(), default=0.0)
    main = [c for c, n in countries.most_common(3) if n >= top / 4 and c != "EU"]
    return field, main


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
    words = _distinctive_words(sense.expansion)
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
        "words": sum(w in context.nearby for w in words) / len(words) if words else 0.0,
        "phrase": 1.0 if len(sense.expansion) > 6 and " ".join(sense.expansion.lower().split()) in context.lowered
        else 0.0,
        "country": country,
        "field": field,
        "field_gap": gap,
        "unit": unit,
        "mentions": math.log(max(1, mentions)),
        "any_word": 1.0 if any(w in context.nearby for w in words) else 0.0,
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
    words = _distinctive_words(sense.expansion)
    return bool(words) and sum(w in context.nearby for w in words) * 2 >= len(words)


def _without(alternatives: list[Alternative], expansion: Optional[str]) -> list[Alternative]:
    chosen = name_key(expansion or "")
    return [a for a in alternatives if name_key(a.expansion) != chosen]


def _description_of(expansion: Optional[str], ranked: list[tuple[Sense, float]]) -> Optional[str]:
    """The bundled description of the same expansion, when the text's or user's expansion is one we know."""
    wanted = name_key(expansion or "")
    return next((s.description for s, _ in ranked if name_key(s.expansion) == wanted), None)


# -- choosing among bundled senses ---------------------------------------------------------------------------


def _sport_word(text: str) -> frozenset:
    """The name of the team sport a story is about ("cricket"), counted as if written beside every acronym: a
    match report says "bowlers" and "wicket" but seldom "cricket", and the ICC it names is the cricket council,
    not the criminal court."""
    from desktop.core.entities.sports import sport_of

    sport = sport_of(text)
    return frozenset({sport}) if sport else frozenset()


def _words_near(text: str, mentions: Sequence[Mention]) -> frozenset:
    """The words around an acronym's mentions: an expansion's words count as a clue only there, since common
    words ("access", "point") turn up somewhere in any long article."""
    words = set()
    for mention in mentions[:MAX_NEARBY_MENTIONS]:
        window = text[max(0, mention.start - NEARBY_CHARS):mention.end + NEARBY_CHARS]
        words.update(w.lower() for w in _WORD.findall(window))
    return frozenset(words)


def _after_number(text: str, mentions: Sequence[Mention]) -> float:
    """The share of mentions written right after a number ("710GB", "5 km"), where a unit is meant."""
    if not mentions:
        return 0.0
    def follows_number(start: int) -> bool:
        before = text[max(0, start - 2):start]
        return before[-1:].isdigit() or (before[-1:] in (" ", "\u00a0") and before[:1].isdigit())
    return sum(follows_number(m.start) for m in mentions) / len(mentions)


@dataclass(frozen=True)
class _Context:
    """What the article says about itself: the countries it mentions, its words, and spaCy's labels by span."""

    countries: Counter
    words: frozenset
    label_by_span: dict
    lowered: str
    fields: Optional[dict] = None
    after_number: float = 0.0
    nearby: frozenset = frozenset()

    @classmethod
    def of(cls, text: str, entities: Sequence[Entity]) -> "_Context":
        places = [e.text for e in entities if e.label in ("GPE", "NORP", "LOC")]
        return cls(
            countries=article_countries(places),
            words=frozenset(w.lower() for w in _WORD.findall(text)),
            label_by_span={(e.start, e.end): e.label for e in entities},
            lowered=" ".join(text.lower().split()),
        )

    def labels_at(self, mentions: Sequence[Mention]) -> Counter:
        return Counter(self.label_by_span[(m.start, m.end)] for m in mentions if (m.start, m.end) in self.label_by_span)


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
    words = _distinctive_words(sense.expansion)
    if words:
        score += WEIGHT_WORDS * sum(w in context.nearby for w in words) / len(words)
    if len(sense.expansion) > 6 and " ".join(sense.expansion.lower().split()) in context.lowered:
        score += WEIGHT_PHRASE  # the article spells the whole expansion out somewhere
    if context.fields:
        # Senses of the article's main field, and general ones, lose nothing; those of other fields lose in
        # proportion to how far their field trails the main one.
        # Places fit any field: articles on every subject name countries and regions.
        best = max(context.fields.values())
        field = None if sense.kind in PLACE_KINDS else sense.domain
        score += WEIGHT_DOMAIN * (context.fields.get(field, best) - best)
    if sense.kind == "unit":  # "5 TB" is terabytes; "TB cases" is tuberculosis
        score += WEIGHT_UNIT * (context.after_number - 0.5)
    if labels:
        label = labels.most_common(1)[0][0]
        if (label == "ORG" and sense.kind in ORG_KINDS) or (label in ("GPE", "LOC") and sense.kind in PLACE_KINDS):
            score += WEIGHT_KIND
    return score


# -- organisations -------------------------------------------------------------------------------------------


def _organisations(text, entities, acronym_entries, bundled, user_entry, context):
    """Turn spaCy's ORG mentions into entries, merging each full name into its acronym's entry when present.

    Names are cleaned and explained by `organisations`; a name nothing explains gets no entry (it stays a
    highlighted entity). A name whose initials are an acronym of the article is that acronym's entry.
    """
    acronym_spans = sorted((m.start, m.end, k) for k, e in acronym_entries.items() for m in e.mentions)
    span_starts = [s for s, _, _ in acronym_spans]
    longest = max((e - s for s, e, _ in acronym_spans), default=0)
    by_expansion: dict[str, str] = {}
    for key, entry in acronym_entries.items():
        if entry.expansion:
            by_expansion[name_key(entry.expansion)] = key
    rank = lambda senses: _named_senses(senses, context)  # noqa: E731
    extra_mentions: dict[str, list[Mention]] = defaultdict(list)
    name_spans: list[tuple[int, int]] = []  # names with an acronym in them ("AC Milan", "PTV News")
    named: dict[str, str] = {}  # acronym key -> a full name the article uses for it, where it gives none
    organisations: dict[str, dict] = {}
    for entity in entities:
        if entity.label != "ORG":
            continue
        inside = _acronyms_within(acronym_spans, span_starts, longest, entity.start, entity.end)
        start, end = orgs.clean_span(text, entity.start, entity.end)
        if inside and len(text[start:end].split()) >= 2:
            name_spans.append((start, end))
        if inside and len(text[start:end].split()) < 2:
            continue  # the acronym itself ("TTP's"): its entry covers it
        name, descriptor = orgs.split_descriptor(text[start:end])
        end = start + len(name)
        name = orgs.display_name(name)
        if not orgs.looks_like_name(name):
            continue
        key = name_key(name)
        mention = Mention(start, end)
        if key in by_expansion:
            extra_mentions[by_expansion[key]].append(mention)
            continue
        acronym = form_key(orgs.initials(name))
        if not inside and len(acronym) >= 2 and acronym in acronym_entries and len(name.split()) >= 2:
            extra_mentions[acronym].append(mention)
            named.setdefault(acronym, name)
            continue
        known = _named_senses(bundled.by_expansion(name), context)
        if known and form_key(known[0].short) in acronym_entries:
            extra_mentions[form_key(known[0].short)].append(mention)
            continue
        slot = organisations.setdefault(key, {"name": name, "mentions": [], "descriptor": descriptor, "inside": set()})
        slot["mentions"].append(mention)
        slot["inside"] |= inside
        slot["descriptor"] = slot["descriptor"] or descriptor

    merged = dict(acronym_entries)
    for key, mentions in extra_mentions.items():
        entry = merged[key]
        entry = replace(entry, mentions=tuple(sorted(entry.mentions + tuple(mentions), key=lambda m: m.start)))
        if key in named and not entry.meaning:  # "Pakistan Business Council ... the PBC": the name explains it
            found = orgs.meaning(named[key], text, [(m.start, m.end) for m in mentions], bundled, rank)
            entry = replace(entry, expansion=named[key], description=found.description if found else None,
                            source="text", confidence=0.8)
        merged[key] = entry

    entries = []
    for slot in organisations.values():
        name, mentions = slot["name"], tuple(slot["mentions"])
        user = user_entry(name)
        if user is not None:
            entries.append(GlossaryEntry(name, "organisation", user.expansion, user.description, "user", 1.0, mentions))
            continue
        found = orgs.meaning(name, text, [(m.start, m.end) for m in mentions], bundled, rank, slot["descriptor"])
        if found is not None:
            entries.append(GlossaryEntry(
                name, "organisation", found.expansion, found.description, found.source, found.confidence, mentions
            ))
            for key in slot["inside"]:  # "AKD" only ever inside "AKD Securities": the name's entry explains it
                acronym = merged.get(key)
                if acronym is not None and not acronym.meaning and all(
                    any(o.start <= m.start and m.end <= o.end for o in mentions) for m in acronym.mentions
                ):
                    del merged[key]
    for key in [k for k, e in merged.items() if orgs.only_part_of_names(e, name_spans, bundled, text)]:
        del merged[key]  # "AC" of "AC Milan" is no "air conditioning"
    return merged, entries


def _acronyms_within(spans, starts, longest, start, end) -> set[str]:
    """The keys of acronym mentions overlapping [start, end); `spans` sorted, `starts` their starts."""
    keys = set()
    index = bisect_left(starts, end) - 1
    while index >= 0 and spans[index][0] > start - longest:
        if spans[index][1] > start:
            keys.add(spans[index][2])
        index -= 1
    return keys


def _named_senses(senses: Sequence[Sense], context: "_Context") -> list[Sense]:
    """The senses a full name may have in this article, best first. A generic name belongs to a country
    ("Supreme Court": Pakistan's, India's, ...): in an article that names countries, only a sense of one of them
    fits, so a British story's Supreme Court is not described as Pakistan's."""
    if context.countries:
        senses = [
            s for s in senses
            if not [c for c in s.countries if c != "international"] or any(c in context.countries for c in s.countries)
        ]
    return [sense for sense, _ in _rank_senses(senses, context, Counter())]


def _corrected_labels(
    entities: Sequence[Entity], entries: Sequence[GlossaryEntry], bundled: BundledGlossary, text: str = ""
) -> tuple[Entity, ...]:
    """Relabel entities whose text the glossary knows better: Nacta is an ORG, not a PERSON; Dawn is an ORG."""
    kind_of: dict[str, str] = {}
    for entry in entries:
        if entry.source == "bundled" and entry.expansion:
            senses = [s for s in bundled.senses(entry.term) if s.expansion == entry.expansion]
            if senses:
                kind_of[form_key(entry.term)] = senses[0].kind
    corrected = []
    for entity in entities:
        key = form_key(entity.text)
        kind = kind_of.get(key)
        if kind is None and entity.label in ("PERSON", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "WORK_OF_ART"):
            senses = bundled.senses(entity.text) if entity.text[:1].isupper() else []
            exact = [s for s in senses if s.short == entity.text and s.weight >= 0.5]
            kind = exact[0].kind if exact else None
        label = entity.label
        if kind in ORG_KINDS:
            label = "ORG"
        elif kind == "region" and entity.label not in ("GPE", "LOC"):
            label = "GPE"
        elif kind == "place" and entity.label == "PERSON":
            label = "FAC"  # a building or site (Army Public School), never a person
        corrected.append(entity if label == entity.label else replace(entity, label=label))
    return tuple(_unlabelled_organisations(corrected, entries, kind_of, text))


def _unlabelled_organisations(entities: list[Entity], entries, kind_of: dict, text: str) -> list[Entity]:
    """Mentions of acronyms the glossary explains as organisations (KDP, Nacta) that spaCy did not label at all
    become ORG entities, so the text highlights what the glossary lists."""
    taken = sorted((e.start, e.end) for e in entities)
    starts = [s for s, _ in taken]
    added = []
    for entry in entries:
        if entry.kind != "acronym" or kind_of.get(form_key(entry.term)) not in ORG_KINDS:
            continue
        for mention in entry.mentions:
            index = bisect_left(starts, mention.end)
            if index and taken[index - 1][1] > mention.start:
                continue  # inside or across a name already labelled
            added.append(Entity(mention.start, mention.end, "ORG", text[mention.start:mention.end] or entry.term))
    if not added:
        return entities
    return sorted(entities + added, key=lambda e: (e.start, e.end))


def _visible(long_form: str) -> str:
    """A long form as a reader sees it: without the soft hyphens (U+00AD) that typesetting leaves inside words
    ("Int\u00adernational Monetary Fund"), which would otherwise reach the glossary, exports and comparisons."""
    return long_form.replace("\u00ad", "")


#: A model or road number: a letter or two and a number ("F-16C", "M-6", "S-400", "K-2", "PL15").
_DESIGNATION = re.compile(r"[A-Z]{1,3}-?\d{1,5}[A-Za-z]?")


def is_designation(term: str) -> bool:
    """Whether a term is a designation rather than an abbreviation. One the glossary cannot explain gets no entry:
    its letters stand for nothing a reader could look up, and "meaning unknown" would only cost attention."""
    return bool(_DESIGNATION.fullmatch(term))
