"""Organisations a news reader meets by their full name, with what they are and where: universities, hospitals,
research institutes, think tanks, NGOs, companies and football clubs of the world.

The facts come from public registers (`build_directory` derives `resources/glossary/directory/organisations.tsv`);
every description is composed here from them, in our words: "A university in Lahore, Pakistan, founded in 1990."

A name is looked up only as the article writes it in full (spelling, accents and a leading "the" aside), never
by a part of it, and only where it is safe:

* a football club's name is a club only in a football story, or when the name itself says so ("... FC"):
  "Besiktas" in a match report, never "Independiente" or "United" in a story about something else;
* a name that several bodies share in different countries ("Ministry of Health", "National University") is
  only taken when the article names exactly one of those countries;
* names that are one everyday word, places or initialisms were left out when the file was built.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache
from typing import NamedTuple, Optional

from desktop.resources import resource_path

FILE_NAME = "glossary/directory/organisations.tsv"
#: A state body's country must be named at least this share as often as the article's most-named country.
MAIN_SHARE = 0.5
CLUB = "football club"
_FOLD = str.maketrans({"ı": "i", "ø": "o", "ł": "l", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "’": "'",
                       "‘": "'", "`": "'", "–": " ", "—": " ", "-": " ", ".": "", ",": " "})
_LEADING_THE = re.compile(r"^the\s+")
#: Words in a name that say it is a club, whatever the story ("Al Ahly SC", "Paris Saint-Germain FC").
_CLUB_MARKERS = re.compile(r"\b(?:FC|CF|AFC|SC|SK|JK|FK|Football Club|Fútbol Club|Calcio)\b")
#: The head noun of an educational or health body's name, as its description names it.
_HEADS = (
    ("university", "university"), ("universiti", "university"), ("universidad", "university"),
    ("college", "college"), ("polytechnic", "polytechnic"), ("academy", "academy"), ("school", "school"),
    ("institute", "institute"), ("hospital", "hospital"), ("clinic", "clinic"), ("medical center", "medical centre"),
    ("medical centre", "medical centre"), ("think tank", "think tank"),
)
_KINDS = {
    "education": "An educational institution", "healthcare": "A healthcare body", "company": "A company",
    "government": "A government body", "nonprofit": "A non-profit organisation", "facility": "A research facility",
    "archive": "An archive", "funder": "A funding body", "other": "An organisation", "university": "A university",
}


def lookup_key(name: str) -> str:
    """How names are matched: case, accents, dots, dashes and a leading "the" aside; "&" is "and"."""
    name = unicodedata.normalize("NFKD", name.casefold().translate(_FOLD))
    name = "".join(ch for ch in name if not unicodedata.combining(ch)).replace("&", " and ")
    return _LEADING_THE.sub("", " ".join(name.split()))


class Listed(NamedTuple):
    """One body in the directory: its name, kind, place ("Lahore, Pakistan"), country code and year founded."""

    name: str
    type: str
    place: str
    country: str
    founded: Optional[int]

    @property
    def is_club(self) -> bool:
        return self.type == CLUB


class Directory:
    """The directory file in memory: its lines, and the line numbers of each name's `lookup_key`. A line is
    split into a `Listed` only when a name asks for it, so loading stays a split of each line's ends."""

    def __init__(self, lines) -> None:
        self._lines: list[str] = []
        self._by_key: dict[str, list[int]] = {}
        by_key = self._by_key
        for line in lines:
            if line.startswith("#") or line.startswith("name\t"):
                continue
            name = line.split("\t", 1)[0]
            keys = line.rstrip("\n").rsplit("\t", 1)[-1]
            number = len(self._lines)
            self._lines.append(line)
            by_key.setdefault(name.casefold(), []).append(number)
            if keys:
                for key in keys.split("|"):
                    by_key.setdefault(key, []).append(number)

    def _listed(self, number: int) -> Listed:
        name, kind, place, country, founded = self._lines[number].rstrip("\n").split("\t")[:5]
        return Listed(name, kind, place, country, int(founded) if founded else None)

    def __len__(self) -> int:
        return len(self._by_key)

    def candidates(self, name: str) -> list[Listed]:
        return [self._listed(n) for n in dict.fromkeys(self._by_key.get(lookup_key(name), ()))]

    def find(self, name: str, text: str, sport: Optional[str]) -> Optional[Listed]:
        """The one body this name is in this article, or None when there is none or no way to tell which."""
        found = self.candidates(name)
        if not found:
            return None
        clubs = [f for f in found if f.is_club]
        if clubs and (sport == "football" or _CLUB_MARKERS.search(name)):
            found = clubs
            home = [f for f in clubs if lookup_key(f.place).startswith(lookup_key(name))]
            found = home or found  # "Barcelona": FC Barcelona of Barcelona, not Barcelona SC of Guayaquil
        else:
            found = [f for f in found if not f.is_club]
            if not found:
                return None
        generic = _generic(name)
        if len({f.country for f in found}) > 1 or generic:
            named = _article_countries(text)  # "Ministry of Health": whose? the article says
            found = [f for f in found if f.country in named]
        if any(f.type == "government" for f in found):
            # a state body is news in its own country's stories: "Ministry of Information and Broadcasting" in a
            # Pakistani story that mentions Punjab and Kashmir is Pakistan's, not India's; a US bureau in a story
            # about US aid to Pakistan is the US's
            named = _article_countries(text)
            top = max(named.values(), default=0)
            found = [f for f in found if f.type != "government" or (top and named[f.country] >= top * MAIN_SHARE)]
        if generic and found and found[0].place.split(", ")[0] not in text:
            # "Combined Military Hospital" has branches in many towns: the country is safe, the town only if named
            found = [Listed(f.name, f.type, _country_only(f.place), f.country, None) for f in found]
        if not found or len({(f.country, describe(f, place=False)) for f in found}) > 1:
            return None
        if len({f.place for f in found}) > 1:
            return Listed(found[0].name, found[0].type, _country_only(found[0].place), found[0].country, None)
        return found[0]


_THE = ("United ", "Netherlands", "Philippines", "Czech Republic", "Central African", "Dominican", "Gambia",
        "Bahamas", "Maldives", "Comoros", "Marshall Islands", "Solomon Islands", "Seychelles")


def _country_only(place: str) -> str:
    """"Medford, United States" -> "the United States": the country alone, as a sentence names it."""
    country = place.rsplit(", ", 1)[-1]
    return f"the {country}" if country.startswith(_THE) else country


def describe(listed: Listed, place: bool = True) -> str:
    """Our one-line description of a listed body, from its kind, its place and the year it was founded."""
    if listed.is_club:
        text = "A football club" + (f" from {listed.place}" if place else "")
    elif listed.type.startswith("company:"):
        _, industry, index = (listed.type.split(":") + ["", ""])[:3]
        text = f"A company in {industry}" if industry else "A company"
        if place:
            text += f", based in {listed.place}" + (f", founded in {listed.founded}" if listed.founded else "")
            return text + (f"; part of the {index} index." if index else ".")
    else:
        kind = _KINDS.get(listed.type, "An organisation")
        if listed.type in ("education", "university", "healthcare", "other", "nonprofit", "facility"):
            lower = listed.name.casefold()
            head = next((said for word, said in _HEADS if re.search(rf"\b{word}", lower)), None)
            if head:
                kind = ("An " if head[0] in "aeio" else "A ") + head  # "a university", "an institute"
        text = kind + (f" in {listed.place}" if place else "")
    if place and listed.founded:
        text += f", founded in {listed.founded}"
    return text + "."


@lru_cache(maxsize=1)
def load_directory() -> Directory:
    """The bundled directory, read once per process (only when a name is not explained otherwise)."""
    path = resource_path(FILE_NAME)
    if not path.is_file():
        return Directory([])
    with open(path, encoding="utf-8") as handle:
        return Directory(handle)


#: Words that say what kind of body a name is, not which one: a name made of them alone is shared by many.
_GENERIC_WORDS = frozenset("""
of and for the on in ministry department departments government general hospital hospitals combined military
national central federal state provincial regional district city municipal civil public children women womens
university college institute school academy council authority board commission office bureau agency directorate
health education finance interior defence defense foreign affairs medical centre center research science sciences
technology teaching services service trust foundation society association chamber commerce industry bank court
police army navy air force agriculture agricultural energy water power planning development environment
international world global united new royal people peoples social welfare justice labour labor trade
""".split())


def _generic(name: str) -> bool:
    """A name only of words that say a kind of body ("Ministry of Health", "Combined Military Hospital"), which
    bodies of many countries or towns could have."""
    words = re.findall(r"[^\W\d_]+", name.casefold())
    return bool(words) and all(w in _GENERIC_WORDS for w in words)


_CAPITALISED = re.compile(r"(?<![\w\-])[A-Z][\w\-]+(?:\s[A-Z][\w\-]+)?")


@lru_cache(maxsize=4)
def _article_countries(text: str) -> Counter:
    """The countries an article names (by a country, city or nationality), to choose among namesakes."""
    from desktop.core.glossary.context import countries_of

    counts: Counter = Counter()
    for match in _CAPITALISED.finditer(text[:30000]):
        run = match.group(0)
        for code in countries_of(run) or {c for word in run.split() for c in countries_of(word)}:
            counts[code] += 1
    return counts


def from_directory(name: str, text: str) -> Optional[str]:
    """A description of an organisation the article names in full, from the directory; None if it is not
    listed, or listed for several bodies the article does not choose between."""
    from desktop.core.entities.sports import sport_of

    from desktop.core.glossary.bundled import load_bundled

    if len(name) < 4 or load_bundled().by_expansion(name):
        return None  # the curated glossary has its say on "European Union", whatever kind it files it under
    directory = load_directory()
    if not directory.candidates(name):
        return None
    listed = directory.find(name, text, sport_of(text))
    return describe(listed) if listed else None


def is_city_state_club(name: str) -> bool:
    """Whether a country's name is also its one club's ("Monaco": AS Monaco, of the city-state, which plays in
    France's league), so that a football story's "Monaco" is the club, unlike "Spain" or "Andorra", whose clubs
    have other names."""
    key = lookup_key(name)
    return any(f.is_club and lookup_key(f.place) == key for f in load_directory().candidates(name))


def is_club_not_town(name: str) -> bool:
    """Whether a name is a football club's and not also its town's ("Besiktas", "Feyenoord"; not "Leverkusen",
    which is a town too): in a football story such a name is the club wherever it stands."""
    key = lookup_key(name)
    clubs = [f for f in load_directory().candidates(name) if f.is_club]
    return bool(clubs) and all(not lookup_key(f.place).startswith(key) for f in clubs)


def listed_body(name: str) -> bool:
    """Whether a name of two words or more is a listed body other than a club ("Shifa International Hospital",
    which spaCy may read as a building): then it is an organisation, wherever the article mentions it."""
    return len(name.split()) >= 2 and any(not f.is_club for f in load_directory().candidates(name))
