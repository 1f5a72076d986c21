"""Which countries an article is about, from the places and peoples spaCy found in it.

This is the strongest clue for an ambiguous acronym: PPP is the Pakistan Peoples Party in an article about
Karachi and a public-private partnership elsewhere; KP is Khyber Pakhtunkhwa beside Peshawar. Country names,
provinces and states come from pycountry (ISO 3166, offline); demonyms and major cities, which ISO does not
list, from the small table below (facts, easy to extend).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache
from typing import Iterable

#: Demonyms and adjectives (spaCy's NORP) and cities (GPE) that point to one country.
EXTRA_PLACES: dict[str, tuple[str, ...]] = {
    # South Asia
    "pakistani": ("PK",), "pakistanis": ("PK",), "karachi": ("PK",), "lahore": ("PK",), "peshawar": ("PK",),
    "quetta": ("PK",), "rawalpindi": ("PK",), "multan": ("PK",), "faisalabad": ("PK",), "nowshera": ("PK",),
    "bajaur": ("PK",), "waziristan": ("PK",), "swat": ("PK",), "gilgit": ("PK",), "baloch": ("PK",),
    "balochistan": ("PK",), "sindh": ("PK",), "pashtun": ("PK", "AF"), "pakhtun": ("PK",),
    "indian": ("IN",), "indians": ("IN",), "delhi": ("IN",), "new delhi": ("IN",), "mumbai": ("IN",),
    "kolkata": ("IN",), "chennai": ("IN",), "bengaluru": ("IN",), "bangalore": ("IN",), "hyderabad": ("IN", "PK"),
    "kashmir": ("IN", "PK"), "kashmiri": ("IN", "PK"), "srinagar": ("IN",),
    "bangladeshi": ("BD",), "dhaka": ("BD",), "afghan": ("AF",), "afghans": ("AF",), "kabul": ("AF",),
    "kandahar": ("AF",), "taliban": ("AF", "PK"), "sri lankan": ("LK",), "colombo": ("LK",),
    "nepali": ("NP",), "nepalese": ("NP",), "kathmandu": ("NP",),
    # Middle East and Africa
    "iranian": ("IR",), "tehran": ("IR",), "iraqi": ("IQ",), "baghdad": ("IQ",), "saudi": ("SA",),
    "riyadh": ("SA",), "emirati": ("AE",), "dubai": ("AE",), "abu dhabi": ("AE",), "qatari": ("QA",),
    "doha": ("QA",), "israeli": ("IL",), "jerusalem": ("IL", "PS"), "tel aviv": ("IL",), "palestinian": ("PS",),
    "gaza": ("PS",), "syrian": ("SY",), "damascus": ("SY",), "turkish": ("TR",), "ankara": ("TR",),
    "istanbul": ("TR",), "egyptian": ("EG",), "cairo": ("EG",), "nigerian": ("NG",), "lagos": ("NG",),
    "abuja": ("NG",), "kenyan": ("KE",), "nairobi": ("KE",), "south african": ("ZA",), "johannesburg": ("ZA",),
    "ethiopian": ("ET",), "addis ababa": ("ET",), "somali": ("SO",), "mogadishu": ("SO",),
    # Europe
    "british": ("GB",), "briton": ("GB",), "britons": ("GB",), "britain": ("GB",), "great britain": ("GB",),
    "uk": ("GB",), "england": ("GB",), "english": ("GB",), "scotland": ("GB",), "scottish": ("GB",),
    "wales": ("GB",), "welsh": ("GB",), "london": ("GB",), "manchester": ("GB",), "westminster": ("GB",),
    "irish": ("IE",), "dublin": ("IE",), "french": ("FR",), "paris": ("FR",), "german": ("DE",),
    "germans": ("DE",), "berlin": ("DE",), "italian": ("IT",), "rome": ("IT",), "spanish": ("ES",),
    "madrid": ("ES",), "dutch": ("NL",), "amsterdam": ("NL",), "belgian": ("BE",), "brussels": ("BE",),
    "swiss": ("CH",), "geneva": ("CH",), "polish": ("PL",), "warsaw": ("PL",), "russian": ("RU",),
    "russians": ("RU",), "moscow": ("RU",), "kremlin": ("RU",), "ukrainian": ("UA",), "ukrainians": ("UA",),
    "kyiv": ("UA",), "kiev": ("UA",), "greek": ("GR",), "athens": ("GR",), "swedish": ("SE",),
    "norwegian": ("NO",), "danish": ("DK",), "finnish": ("FI",), "austrian": ("AT",), "vienna": ("AT",),
    "portuguese": ("PT",), "lisbon": ("PT",), "european": ("EU",),
    # Americas
    "american": ("US",), "americans": ("US",), "america": ("US",), "u.s.": ("US",), "usa": ("US",),
    "washington": ("US",), "new york": ("US",), "los angeles": ("US",), "chicago": ("US",),
    "texas": ("US",), "white house": ("US",), "democrat": ("US",), "democrats": ("US",), "republican": ("US",),
    "republicans": ("US",), "canadian": ("CA",), "ottawa": ("CA",), "toronto": ("CA",), "mexican": ("MX",),
    "mexico city": ("MX",), "brazilian": ("BR",), "brasilia": ("BR",), "sao paulo": ("BR",),
    "argentine": ("AR",), "argentinian": ("AR",), "buenos aires": ("AR",), "colombian": ("CO",),
    "bogota": ("CO",), "venezuelan": ("VE",), "caracas": ("VE",), "chilean": ("CL",), "peruvian": ("PE",),
    # East Asia and Oceania
    "chinese": ("CN",), "beijing": ("CN",), "shanghai": ("CN",), "hong kong": ("HK", "CN"), "xinjiang": ("CN",),
    "uyghur": ("CN",), "uighur": ("CN",), "japanese": ("JP",), "tokyo": ("JP",), "korean": ("KR", "KP"),
    "south korean": ("KR",), "seoul": ("KR",), "north korean": ("KP",), "pyongyang": ("KP",),
    "taiwanese": ("TW",), "taipei": ("TW",), "indonesian": ("ID",), "jakarta": ("ID",), "malaysian": ("MY",),
    "kuala lumpur": ("MY",), "filipino": ("PH",), "manila": ("PH",), "vietnamese": ("VN",), "hanoi": ("VN",),
    "thai": ("TH",), "bangkok": ("TH",), "australian": ("AU",), "australians": ("AU",), "sydney": ("AU",),
    "canberra": ("AU",), "melbourne": ("AU",), "new zealander": ("NZ",), "wellington": ("NZ",),
}

_ARTICLE = re.compile(r"^(?:the)\s+", re.IGNORECASE)


def _key(name: str) -> str:
    name = unicodedata.normalize("NFKD", name)
    name = "".join(ch for ch in name if not unicodedata.combining(ch))
    name = name.replace("’", "'").replace("'s", "").strip().lower()
    return _ARTICLE.sub("", name)


@lru_cache(maxsize=1)
def _place_index() -> dict[str, tuple[str, ...]]:
    import pycountry

    index: dict[str, set[str]] = {}

    def add(name: str | None, code: str) -> None:
        if name:
            index.setdefault(_key(name), set()).add(code)

    for country in pycountry.countries:
        for attribute in ("name", "official_name", "common_name"):
            add(getattr(country, attribute, None), country.alpha_2)
    for subdivision in pycountry.subdivisions:
        add(subdivision.name, subdivision.country_code)
    merged = {name: tuple(sorted(codes)) for name, codes in index.items()}
    merged.update({_key(k): v for k, v in EXTRA_PLACES.items()})
    return merged


#: Countries written as codes, recognised in capitals only ("us" is a pronoun).
_CODES_IN_CAPITALS = {"US": ("US",), "UAE": ("AE",)}


def countries_of(place: str) -> tuple[str, ...]:
    """ISO 3166 alpha-2 codes a place name, demonym or city points to ("EU" for European); () if unknown."""
    return _CODES_IN_CAPITALS.get(place.strip()) or _place_index().get(_key(place), ())


def article_countries(places: Iterable[str]) -> Counter:
    """How strongly each country figures in an article: a place pointing to k countries adds 1/k to each."""
    weights: Counter = Counter()
    for place in places:
        codes = countries_of(place)
        for code in codes:
            weights[code] += 1.0 / len(codes)
    return weights
