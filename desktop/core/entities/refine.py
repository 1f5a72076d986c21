"""Correct spaCy's entities with what the document says about its own names.

spaCy labels each mention on its own, so one article calls "Mohammad Rizwan" a person and "Rizwan" a place,
"Lebed" a person in one sentence and nothing in the next. A reader expects one name to be one thing. In order:

1. **Trim**: a leading "the" and a trailing possessive are not part of a name ("the West Bank", "Reagan's").
2. **Places are places**: a name the gazetteer knows as a country, province, state or major city is a place,
   not an organisation or a person (`desktop.core.glossary.context`: ISO 3166 via pycountry, plus cities).
3. **Teams are organisations**: in a sports story, a city or county named as a side ("Somerset beat Kent",
   a results line "Derbyshire 114") is a club, as CoNLL and readers have it; a place one is *in* stays a place.
4. **Surnames follow full names**: a single word that is the last word of a person named in full is that person.
5. **One name, one label**: where a string gets different labels, the label most of its mentions have wins.
6. **Every mention counts**: a name labelled somewhere is labelled wherever else it occurs with a capital.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import replace
from functools import lru_cache
from typing import Sequence

from desktop.core.acronyms import common_words
from desktop.core.entities.rosters import clubs_of, people_in_lists
from desktop.core.entities.sports import in_team_context, individual_sport, sport_of, table_teams
from desktop.core.glossary.context import countries_of
from desktop.core.glossary.directory import is_city_state_club, is_club_not_town
from desktop.core.model import Entity
from desktop.core.wordlist import english_words

NAME_LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW")
#: Labels that name something (as opposed to dates, numbers and amounts) whose mentions should agree.
_CONSISTENT = ("PERSON", "ORG", "GPE", "LOC")
_LEADING_THE = re.compile(r"(?:the|The|THE)\s+")
_STRAY_AFTER = "([{\"“‘,;:–—-"
_STRAY_BEFORE = "([{\"“‘'’)]}-–—"
#: Scores, dates and figures after a name: "Goias 1", "AMSTERDAM 1996-12-06", "Vaughan 9-1-55-1", "CHARLOTTE 8 8 .500".
_TRAILING_SCORE = re.compile(r"(?:\s+(?:\d[\d.\-/]*|\.\d+))+$")
_POSSESSIVE = re.compile(r"\s?['’][sS]?$")
_SPORT_WORDS = frozenset(
    "cricket soccer football baseball basketball hockey rugby tennis golf innings wickets wicket batsman bowler "
    "goal goals scored striker midfielder halftime half-time league cup championship standings tournament match "
    "matches seed seeded semifinal semi-final quarter-final final title coach squad captain runs inning homer "
    "pitcher race lap stage olympic medal"
    .split()
)
MIN_SPORT_WORDS = 4
_LOCATIVE = frozenset("in at from near to outside inside around across into of".split())
_SCORE_AFTER = re.compile(r"^\s*(?:\d|beat\b|v\b|vs\b|drew\b|lost\b|won\b|defeated\b)")
_DATE_AFTER = re.compile(r"^\s*(?:\d{4}-\d{2}-\d{2}|\(|:)")
_WORD = re.compile(r"[^\W\d_]+")


def refine(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """The document's entities, trimmed, relabelled and completed as described above; sorted by position."""
    trimmed = [e for e in (_trim(text, part) for whole in entities for part in _split(text, whole)) if e is not None]
    sports = _is_sports_story(text)
    sport = sport_of(text) if sports else None
    placed = [_place_or_team(text, e, sports) for e in trimmed]
    placed = _teams(text, _unlabelled_teams(text, placed, sport), sport) if sport else placed
    team_sport = sport is not None or not individual_sport(text)
    placed = _table_teams(text, placed, team_sport) if sports else placed
    placed = _listed_people(text, placed, sport) if sports else placed
    datelines = _dateline_places(text)
    surnamed = _surnames(_company_names(_datelines(placed, datelines)))
    agreed = _agree(surnamed)
    return _datelines(_complete(text, agreed), datelines, text)  # again: most mentions of the name may be a team


#: A spaced dash or colon separates names: "CRICKET - LARA ENDURES", "Goalkeepers - Bogdan Stelea", "Syria - Nader".
_SEPARATOR = re.compile(r"\s+(?:-{1,2}|–|—|:)\s+")
#: What a player or official is, written before the name ("Defender Hassan Abbas"): no part of the name.
ROLE_WORDS = frozenset(
    "defender defenders midfielder midfielders striker strikers forward forwards goalkeeper goalkeepers keeper "
    "centre center winger wing fullback full-back flanker prop hooker lock captain skipper coach manager "
    "batsman bowler spinner opener pitcher quarterback goalie referee umpire veteran rookie substitute "
    "chairman spokesman spokeswoman".split()
)


def _split(text: str, entity: Entity) -> list[Entity]:
    """An entity across a spaced dash is two names or a heading and a name: the heading words (English words:
    "CRICKET", "RUGBY UNION", "Goalkeepers") go, a country keeps its own label, the rest keeps spaCy's."""
    if entity.label not in NAME_LABELS or not _SEPARATOR.search(entity.text):
        return [entity]
    parts, position = [], entity.start
    for piece in _SEPARATOR.split(entity.text):
        start = text.index(piece, position) if piece else position
        position = start + len(piece)
        words = _WORD.findall(piece)
        if not words or all(_everyday(word) for word in words):
            continue
        label = "GPE" if entity.label in ("ORG", "PERSON") and _is_country(piece) else entity.label
        parts.append(Entity(start, start + len(piece), label, piece))
    return parts


def _everyday(word: str) -> bool:
    lower = word.lower()
    return lower in english_words() or lower in common_words() or lower in ROLE_WORDS


def _trim(text: str, entity: Entity) -> Entity | None:
    start, end = entity.start, entity.end
    while end > start and (text[end - 1].isspace() or text[end - 1] in _STRAY_AFTER):
        end -= 1  # "Karachi Chamber of Commerce and Industry (": the bracket opens the acronym
    while start < end and (text[start].isspace() or text[start] in _STRAY_BEFORE):
        start += 1
    if entity.label in NAME_LABELS:
        article = _LEADING_THE.match(text, start, end)
        if article and end - start > len(article.group(0)):
            start += len(article.group(0))
        space = text.find(" ", start, end)
        if space > 0 and text[start:space].lower() in ROLE_WORDS and text[space + 1:space + 2].isupper():
            start = space + 1
        score = _TRAILING_SCORE.search(text, start, end) if text[end - 1].isdigit() else None
        if score and score.start() > start:
            end = score.start()
        possessive = _POSSESSIVE.search(text, start, end) if text[end - 1] in "'’sS" else None
        if possessive and possessive.start() > start and entity.label != "WORK_OF_ART":
            end = possessive.start()
    if start >= end:
        return None
    if entity.label in _CONSISTENT and text[start:end].islower():
        # "heifers", "south coast", "100pc": a person's or a place's name has a capital somewhere; a body in
        # small letters may be a way of writing it ("the commerce ministry")
        if entity.label != "ORG" or " " not in text[start:end]:
            return None
    return entity if (start, end) == (entity.start, entity.end) else Entity(start, end, entity.label, text[start:end])


def _is_sports_story(text: str) -> bool:
    words = Counter(w.lower() for w in _WORD.findall(text[:20000]))
    return sum(n for w, n in words.items() if w in _SPORT_WORDS) >= MIN_SPORT_WORDS


#: Countries in sport that ISO 3166 does not list on their own.
HOME_NATIONS = frozenset({"england", "scotland", "wales", "northern ireland", "west indies"})
#: Countries as English news names them where ISO 3166's name differs ("Iran, Islamic Republic of", "Türkiye").
_COUNTRY_SHORT_NAMES = frozenset(
    "russia,turkey,iran,syria,vietnam,laos,bolivia,venezuela,tanzania,moldova,south korea,north korea,korea,"
    "britain,great britain,america,holland,ivory coast,czech republic,macedonia,swaziland,burma,congo,taiwan,"
    "palestine,netherlands,vatican,micronesia,brunei".split(",")
)


@lru_cache(maxsize=4096)
def _is_country(name: str) -> bool:
    import pycountry

    if name.casefold() in HOME_NATIONS or name.casefold() in _COUNTRY_SHORT_NAMES:
        return True
    try:
        pycountry.countries.lookup(name)
        return True
    except LookupError:
        return False


#: Followers of a faith, which spaCy often takes for a body ("Moslem rebels"): a group of people, not an organisation.
RELIGIONS = frozenset(
    "muslim muslims moslem moslems christian christians jew jews jewish hindu hindus sikh sikhs buddhist buddhists "
    "catholic catholics protestant protestants sunni sunnis shia shias shi'ite shi'ites shiite shiites".split()
)


def _place_or_team(text: str, entity: Entity, sports: bool) -> Entity:
    if entity.label not in ("ORG", "PERSON", "GPE", "LOC", "NORP"):
        return entity
    if entity.text.lower() in RELIGIONS:
        return replace(entity, label="NORP") if entity.label != "NORP" else entity
    place = bool(countries_of(entity.text)) and entity.label != "NORP"
    if sports and (place or entity.label in ("GPE", "LOC")) and not _is_country(entity.text):
        before = text[max(0, entity.start - 20):entity.start].split()
        after = text[entity.end:entity.end + 20]
        locative = bool(before) and before[-1].lower() in _LOCATIVE
        if not locative and not _DATE_AFTER.match(after) and _SCORE_AFTER.match(after):
            return replace(entity, label="ORG")
    if place and entity.label in ("ORG", "PERSON"):
        return replace(entity, label="GPE")
    return entity


def _teams(text: str, entities: list[Entity], sport: str) -> list[Entity]:
    """In a team sport's story, a name that stands where a team does once is a club wherever it occurs (a
    country's side stays its country, as CoNLL annotates it)."""
    labels = ("PERSON", "GPE", "LOC", "FAC", "PRODUCT", "ORG")
    teams = {
        e.text for e in entities
        if e.label in labels and e.text[:1].isupper() and in_team_context(text, e.start, e.end, sport)
    }
    teams = {name for name in teams if not _is_country(name) or is_city_state_club(name)}
    if sport == "football":  # "a signing from Besiktas": a name only a club has is the club
        teams |= {e.text for e in entities if e.label in ("GPE", "LOC") and not countries_of(e.text)
                  and is_club_not_town(e.text)}
    # "face Aston Villa or Lille", "Atalanta and Monaco": a name listed with a team is a team too
    for left, right in zip(entities, entities[1:]):
        if text[left.end:right.start] in (" and ", " or ", ", ") and {left.text, right.text} & teams:
            teams |= {e.text for e in (left, right) if e.label in labels
                      and (not _is_country(e.text) or is_city_state_club(e.text))}
    return [replace(e, label="ORG") if e.text in teams and e.label in labels else e for e in entities]


def _table_teams(text: str, entities: list[Entity], team_sport: bool) -> list[Entity]:
    """The names in a results, fixtures or standings line are teams, replacing whatever spaCy saw there ("NY
    RANGERS 10 13 5" a place, "Goias 1 Gremio" one person). In a story about an individual sport (golf, tennis)
    such a line may list players: a name spaCy calls a person is left alone there."""
    spans = [(start, end) for start, end in table_teams(text) if not _is_country(text[start:end])]
    if not spans:
        return entities
    kept, added = list(entities), []
    for start, end in spans:
        overlapping = [e for e in kept if e.start < end and start < e.end]
        if not team_sport and any(e.label == "PERSON" for e in overlapping):
            continue
        if any(e.label == "ORG" and (e.start, e.end) == (start, end) for e in overlapping):
            continue
        kept = [e for e in kept if e not in overlapping]
        added.append(Entity(start, end, "ORG", text[start:end]))
    return sorted(kept + added, key=lambda e: (e.start, e.end))


def _listed_people(text: str, entities: list[Entity], sport: str | None) -> list[Entity]:
    """The players of a sports story's line-ups, scorer lists and scorecards are persons (see rosters.py); a
    country, a team already found in a table, or a run of everyday words is left as it is."""
    people = people_in_lists(text, sport)
    if not people:
        return entities
    kept, added = list(entities), []
    named = [(span, "PERSON") for span in people] + [(span, "ORG") for span in clubs_of(text, people)]
    for (start, end), label in named:
        name = text[start:end]
        if _is_country(name):
            if label == "PERSON":
                continue
            label = "GPE"  # a national side, or the player's country ("Wales", an everyday word too)
        elif not any(not _everyday(word) for word in _WORD.findall(name)):
            continue
        overlapping = [e for e in kept if e.start < end and start < e.end]
        if any(e.label in ("ORG", label) and (e.start, e.end) == (start, end) for e in overlapping):
            continue
        kept = [e for e in kept if e not in overlapping]
        added.append(Entity(start, end, label, name))
    return sorted(kept + added, key=lambda e: (e.start, e.end))


_NAME_RUN = re.compile(r"(?<![\w'’\-])[A-Z][\w'’\-]+(?:\s[A-Z][\w'’\-]+){0,2}")


def _unlabelled_teams(text: str, entities: list[Entity], sport: str) -> list[Entity]:
    """Clubs spaCy did not see at all ("a 2-1 defeat at Real Betis", "beat Getafe 1-0"): a capitalised name in a
    team's place, not an everyday word, a country or a part of a name already found."""
    covered = bytearray(len(text) + 1)
    for entity in entities:
        covered[entity.start:entity.end] = b"\x01" * (entity.end - entity.start)
    added = []
    for match in _NAME_RUN.finditer(text):
        start, end = match.span()
        name = match.group(0)
        if any(covered[start:end]) or _is_country(name) or not _distinctive(name):
            continue
        before = text[max(0, start - 2):start]
        if not before.strip(" ") or before.rstrip(" ").endswith((".", "\n", "“", "\"")):
            continue  # a sentence's first word may be anything
        if in_team_context(text, start, end, sport):
            added.append(Entity(start, end, "ORG", name))
    return sorted(entities + added, key=lambda e: (e.start, e.end)) if added else entities


def _surnames(entities: list[Entity]) -> list[Entity]:
    full_names = [e.text.split() for e in entities if e.label == "PERSON" and len(e.text.split()) >= 2]
    surnames = {words[-1] for words in full_names if words[-1][:1].isupper() and len(words[-1]) > 2}
    # a family name written first ("Wang Donghai" ... "Wang said") that spaCy takes for a body
    family_first = {  # not "Marala Barrage" or "Quectel Wireless", a place and a company spaCy took for people
        words[0] for words in full_names if len(words) == 2 and _distinctive(words[0]) and _distinctive(words[1])
    }
    family_first -= _company_words(entities)
    result = []
    for entity in entities:
        if entity.label in _CONSISTENT and entity.label != "PERSON" and (
            entity.text in surnames or (entity.label == "ORG" and entity.text in family_first)
        ):
            if not countries_of(entity.text):
                entity = replace(entity, label="PERSON")
        result.append(entity)
    return result


#: The last word of a company's registered name ("Barrick Gold Corp", "Bre-X Minerals Ltd").
COMPANY_DESIGNATORS = frozenset(
    "corp corp. corporation inc inc. ltd ltd. limited co co. plc sa s.a. ag nv n.v. bv spa s.p.a. gmbh ab asa "
    "bhd llc holdings".split()
)


def _company_names(entities: list[Entity]) -> list[Entity]:
    """A name ending in a company designator is a company ("Pirelli SpA", which spaCy may call a person). A
    company named in full once ("Bre-X Minerals Ltd") is usually named by its first word after that ("Bre-X
    said"), which spaCy reads as a person or a place: such a mention is the company too."""
    relabel = ("PERSON", "GPE", "LOC", "NORP", "FAC", "PRODUCT")
    people = {e.text for e in entities if e.label == "PERSON" and len(e.text.split()) >= 2}
    short, result = set(), []
    for entity in entities:
        words = entity.text.split()
        if entity.label in ("ORG", *relabel) and len(words) >= 2 and words[-1].lower() in COMPANY_DESIGNATORS:
            entity = replace(entity, label="ORG") if entity.label != "ORG" else entity
            if _distinctive(words[0]) and not countries_of(words[0]):
                short.add(words[0])
        result.append(entity)
    short = {name for name in short if not any(p.endswith(" " + name) for p in people if p.split()[-1] == name)}
    if not short:
        return result
    return [replace(e, label="ORG") if e.text in short and e.label in relabel else e for e in result]


def _company_words(entities: list[Entity]) -> set[str]:
    """The first words of the companies in `entities` (after _company_names): no person's family name."""
    return {e.text.split()[0] for e in entities if e.label == "ORG" and len(e.text.split()) >= 2
            and e.text.split()[-1].lower() in COMPANY_DESIGNATORS}


def _agree(entities: list[Entity]) -> list[Entity]:
    votes: dict[str, Counter] = defaultdict(Counter)
    for entity in entities:
        if entity.label in _CONSISTENT:
            votes[entity.text.casefold()][entity.label] += 1
    result = []
    for entity in entities:
        counts = votes.get(entity.text.casefold())
        if counts and len(counts) > 1:
            (best, n), (_, m) = counts.most_common(2)
            if n > m and best != entity.label:
                entity = replace(entity, label=best)
        result.append(entity)
    return result


_CAPITALISED = re.compile(r"(?<![\w'’\-])[A-Z][\w'’.\-&]*")


def _complete(text: str, entities: list[Entity]) -> list[Entity]:
    """Add the unlabelled mentions of names labelled elsewhere in the document.

    Names are looked up from each capitalised word by their first word (a dictionary, not one regular
    expression of every name), so a 100,000-word text costs little more than reading it once."""
    labels: dict[str, Counter] = defaultdict(Counter)
    for entity in entities:
        if entity.label in _CONSISTENT and _distinctive(entity.text):
            labels[entity.text][entity.label] += 1
            labels[entity.text.upper()][entity.label] += 1  # the same name in a headline in capitals
        words = entity.text.split()
        if entity.label == "PERSON" and len(words) >= 2 and _distinctive(words[-1]) and not countries_of(words[-1]):
            labels[words[-1]]["PERSON"] += 1  # "Alexander Lebed" ... "Lebed said"
            labels[words[-1].upper()]["PERSON"] += 1
    if not labels:
        return sorted(entities, key=lambda e: (e.start, e.end))
    by_first: dict[str, list[str]] = defaultdict(list)
    for name in sorted(labels, key=len, reverse=True):
        by_first[_CAPITALISED.match(name).group(0) if _CAPITALISED.match(name) else name].append(name)
    covered = bytearray(len(text) + 1)
    for entity in entities:
        covered[entity.start:entity.end] = b"\x01" * (entity.end - entity.start)
    added = []
    for word in _CAPITALISED.finditer(text):
        start = word.start()
        if covered[start]:
            continue
        for name in by_first.get(word.group(0), ()) or by_first.get(word.group(0).rstrip(".,'’"), ()):
            end = start + len(name)
            if text.startswith(name, start) and not (end < len(text) and (text[end].isalnum() or text[end] in "-_")):
                if not any(covered[start:end]):
                    added.append(Entity(start, end, labels[name].most_common(1)[0][0], name))
                    covered[start:end] = b"\x01" * (end - start)
                break
    return sorted(entities + added, key=lambda e: (e.start, e.end))


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?[ \t]+\d{1,2}\b"
#: A dateline: the place a story is filed from, then its date ("NEW YORK 1996-08-30", "LONDON, Dec 6 (Reuters) -").
_DATELINE = re.compile(
    rf"^[ \t]*(?P<place>[A-Z][\w'’.\-]*(?:[ \t]+[A-Z][\w'’.\-]*){{0,3}})"
    rf"(?:[ \t]*,[ \t]*(?P<region>[A-Z][\w'’.\-]*(?:[ \t]+[A-Z][\w'’.\-]*)?))?[ \t]*,?[ \t]+"
    rf"(?:\d{{4}}-\d{{2}}-\d{{2}}\b|{_MONTH})",
    re.MULTILINE,
)


def _dateline_places(text: str) -> set[tuple[int, int]]:
    places = set()
    for match in _DATELINE.finditer(text):
        words = _WORD.findall(match.group("place"))
        if match.group("place").upper() != "REUTERS" and not all(_everyday(word) for word in words):  # "On Jan 5"
            places.add(match.span("place"))
            if match.group("region"):
                places.add(match.span("region"))  # "SIALKOT , Pakistan", "ROCHESTER , N.H."
    return places


def _datelines(entities: list[Entity], places: set[tuple[int, int]], text: str = "") -> list[Entity]:
    """A dateline names a place, even where the same name is a team elsewhere in the story (NEW YORK). Given the
    text, a dateline place spaCy labelled nothing ("HARARE 1996-12-06") is added."""
    if not places:
        return entities
    result = [replace(e, label="GPE") if (e.start, e.end) in places and e.label in _CONSISTENT else e for e in entities]
    if text:
        taken = {(e.start, e.end) for e in entities}
        covered = [(e.start, e.end) for e in entities]
        for start, end in sorted(places - taken):
            if not any(s < end and start < e for s, e in covered):
                result.append(Entity(start, end, "GPE", text[start:end]))
        result.sort(key=lambda e: (e.start, e.end))
    return result


def _distinctive(name: str) -> bool:
    """A name worth finding again: capitalised, and not an everyday word that a sentence may begin with."""
    if len(name) < 3 or not name[:1].isupper():
        return False
    words = name.split()
    if len(words) == 1:
        lower = name.lower()
        return lower not in english_words() and lower not in common_words()
    return True
