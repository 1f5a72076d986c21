"""What an organisation named in an article is, in a line a reader can use; or nothing, and then no entry.

spaCy finds organisation names; this module cleans them and explains them. Where a meaning comes from, in order
(the user's own glossary is consulted first, by `resolve`):

1. **the article**: an apposition ("Topline Securities, a Karachi brokerage,"), a descriptor right before the
   name ("Bangladeshi newspaper Prothom Alo", "state news agency Xinhua") or right after it ("Xinhua news agency");
2. **the built-in glossary, by name**: its expansions are full names (World Bank, Jamaat-e-Islami), found here
   by spelling-tolerant keys ("Jamaat-i-Islami", "al-Qaeda" / "Al Qaeda") and without a leading nationality
   ("the Afghan Taliban" is the Taliban);
3. **the name itself**: a name built on a head noun says what kind of body it is ("Ministry of Commerce",
   "Punjab Assembly", "Port Qasim Authority", "AKD Securities"): a description from the kind and the place.

A name none of these explains is no entry: it stays a highlighted entity in the text. A name that is a part of
a body the article names is explained by `organisation_structure`, more of what the article says around a name
by `organisation_descriptors`; `organisation_labels` holds the hooks that correct spaCy's labels.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional, Sequence

from desktop.core.glossary import organisation_structure as structure
from desktop.core.glossary.organisation_descriptors import described_near
from desktop.core.glossary.bundled import BundledGlossary, Sense, name_key
from desktop.core.glossary.context import countries_of
from desktop.core.glossary.directory import from_directory
from desktop.core.glossary.name_heads import heads_before, is_common_word_name, occurrences, senses_fitting_names
from desktop.core.wordlist import english_words

#: Kinds of built-in sense that are organisations a glossary may explain by name.
NAMED_KINDS = {"organisation", "agency", "party", "armed-group", "court"}
_SOFT_HYPHEN = "\u00ad"
_LEADING = re.compile(
    r"^(?:[•·\-–—*(\[\"'“‘]\s*)+|^(?:the|The|THE)\s+|^[A-Z]{3,}(?:\s[A-Z]{3,})?:\s+|^[A-Z][\w.]*-based\s+"
)
_TRAILING = re.compile(r"(?:\s*[(\[\"'”’,;:–—\-]+\s*)+$|\s*['’]s?$")
#: Lower-case words spaCy leaves on the end of a name that say what it is ("Xinhua news agency").
_DESCRIPTOR_WORDS = (
    "news agency", "news website", "news channel", "newspaper", "daily", "party", "think tank", "brokerage",
    "group", "agency", "broadcaster", "channel", "website", "magazine", "club",
)
_DESCRIPTOR = "|".join(re.escape(d) for d in sorted(_DESCRIPTOR_WORDS, key=len, reverse=True))
_TRAILING_DESCRIPTOR = re.compile(rf"\s+({_DESCRIPTOR})$")
_NOUN_BEFORE = re.compile(
    rf"(?:^|[\s(,])((?:[A-Za-z][\w’'\-]*\s+){{0,3}}(?:{_DESCRIPTOR}|outlet|firm|company|lender|insurer|airline|"
    rf"carmaker|regulator|watchdog|bank|union|charity|organisation|organization|network|publication|portal))\s+$"
)
_NOUN_AFTER = re.compile(rf"^\s+((?:[a-z]+\s+)?(?:{_DESCRIPTOR}))\b")
#: "the Islamabad Carriage Factory, which locally produces locomotives and coaches,"
_WHICH = re.compile(r"^,\s+which\s+(?:is\s+|was\s+)?([a-z][^,.;:()\[\]\"“”]{8,100}?)(?=,|\.(?:\s|$)|;)")
_APPOSITION = re.compile(
    r"^(?:,|\s+[—–]|\s+-)\s+((?:a|an|the)\s+[^,.;:()\[\]\"“”]{3,70}?)(?=,|\)| which | that |\.(?:\s|$))"
)
#: An apposition about a person ("Agustin Escobar, an executive at Siemens,"): the name is no organisation.
_PERSON_ROLES = re.compile(
    r"\b(?:executive|expert|minister|spokes(?:man|woman|person)|chief|head|director|analyst|official|leader|"
    r"president|chairman|chairperson|secretary|professor|researcher|economist|member|founder|lawmaker|senator|"
    r"adviser|advisor|ambassador|envoy|judge|lawyer|journalist|editor|player|coach|captain|son|daughter|wife|"
    r"husband|brother|sister|father|mother|resident|activist|commander|officer|governor|mayor|expat|citizen|"
    r"national|man|woman|boy|girl|student|teacher|doctor|worker|farmer|driver|victim|singer|actor|actress|"
    r"writer|author|poet|artist|cricketer|footballer|athlete|businessman|businesswoman|entrepreneur|character|"
    r"entertainer|comedian|rapper|musician|celebrity|star)s?\b"
)
_NOT_DESCRIPTIVE = re.compile(r"\b(?:said|says|told|added|was|were|is|are|has|had|will|would)\b|\d")
_WORD = re.compile(r"[^\W\d_]+")
_FUNCTION_WORDS = frozenset(
    "a an the by at to from of for in on with and or as told says said according like such including via".split()
)
_SMALL_WORDS = {"of", "and", "for", "the", "on", "in", "&", "de", "la", "al", "el", "e", "i", "o", "ul", "a"}


_LEADING_STOP_WORDS = frozenset(
    "no not a an and but or so if as at by in on of to for with from quoting according meanwhile however also "
    "while when after before since unlike like under over yes".split()
)
_PLACE_AND = re.compile(r"^[A-Z][\w\-]*\s+and\s+(?=[A-Z][\w\-]*\s+[A-Z][\w\-]*\s+[A-Z])")
_OWNER = re.compile(r"^.*?['’]s\s+(?=[A-Z])")


def clean_span(text: str, start: int, end: int) -> tuple[int, int]:
    """A name's span without a leading "The", bullets, quotes or brackets, a trailing possessive or bracket, or
    an owner before a possessive ("the State Department’s Bureau of ..." is the Bureau)."""
    while True:
        name = text[start:end]
        owner = _OWNER.match(name)
        if owner:
            start += owner.end()
            continue
        lead = _LEADING.match(name)
        trail = _TRAILING.search(name)
        first = name.split(" ", 1)[0]
        if lead and lead.end() < len(name):
            start += lead.end()
        elif " " in name and first.lower() in _LEADING_STOP_WORDS:
            start += len(first) + 1  # "No National Guard": a sentence's first word, not the name's
        elif _PLACE_AND.match(name) and countries_of(first) and not countries_of(" ".join(name.split()[:3])):
            start += _PLACE_AND.match(name).end()  # "China and Gulf Cooperation Council": the council
        elif trail and trail.start() > 0:
            end = start + trail.start()
        else:
            return start, end


def looks_like_name(name: str) -> bool:
    """Whether spaCy's span is a name at all: it begins with a capital letter ("Rs11.9tr", "100pc" do not)."""
    return len(name) > 1 and (name[:1].isupper() or bool(re.match(r"[a-z][A-Z]", name))) and not re.search(
        r"\d", name.split()[0])  # "iVerify" is a name too


def display_name(name: str) -> str:
    """The name as an entry shows it: no soft hyphens (a print edition's line breaks), single spaces."""
    return " ".join(name.replace(_SOFT_HYPHEN, "").split())


def split_descriptor(name: str) -> tuple[str, Optional[str]]:
    """("Xinhua", "news agency") for "Xinhua news agency"; the name unchanged when it ends in no descriptor."""
    match = _TRAILING_DESCRIPTOR.search(name)
    if match and match.start() > 0 and name[:match.start()].strip()[:1].isupper():
        return name[:match.start()].strip(), match.group(1)
    return name, None


def initials(name: str) -> str:
    """The capitals a name's acronym would have: "Karachi Chamber of Commerce and Industry" -> "KCCI"."""
    words = [w for w in re.split(r"[\s\-]+", display_name(name)) if w]
    return "".join(w[0].upper() for w in words if w.lower() not in _SMALL_WORDS and w[:1].isalpha())


@lru_cache(maxsize=65536)
def skeleton(name: str) -> str:
    """A spelling-tolerant key: each word's first letter and its consonants, connectors and articles dropped.
    "Jamaat-i-Islami" and "Jamaat-e-Islami" meet; so do "Tehreek" and "Tehrik", "Qaeda" and "Qaida", and a plural
    and its singular in a name of three words or more ("Chamber of Commerce and Industries")."""
    name = unicodedata.normalize("NFKD", display_name(name).replace("&", " and "))
    name = "".join(ch for ch in name if not unicodedata.combining(ch)).casefold()
    keys = []
    words = [word for word in _WORD.findall(name) if word not in _SMALL_WORDS]
    for word in words:
        if len(words) < 3:
            pass  # a short name's plural is too often another name's spelling ("Reuters", "Rotor")
        elif len(word) > 4 and word.endswith("ies"):
            word = word[:-3] + "y"  # "Industries" is "Industry"
        elif len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        squeezed = word[0] + re.sub(r"[aeiouy]", "", word[1:])
        keys.append(re.sub(r"(.)\1+", r"\1", squeezed))
    return " ".join(keys)


@dataclass(frozen=True)
class Meaning:
    expansion: Optional[str]
    description: str
    source: str  # "text" or "bundled"
    confidence: float
    sense: Optional[Sense] = None


# -- 1. what the article says ---------------------------------------------------------------------------------


def from_article(text: str, spans: Sequence[tuple[int, int]], descriptor: Optional[str] = None) -> Optional[str]:
    """A description the article gives: an apposition after a mention, or a descriptor noun around one."""
    if descriptor:
        return _sentence_case(_with_article(descriptor))
    for start, end in spans:
        apposition = _APPOSITION.match(text[end:end + 120])
        if apposition:
            phrase = apposition.group(1).strip()
            words = phrase.split()
            if (not _NOT_DESCRIPTIVE.search(phrase) and any(w.islower() for w in words[1:]) and len(words) <= 9
                    and " the " not in f" {' '.join(words[1:])} " and not re.search(r"\b\w+ed\s+(?:the|a|an)\b", phrase)
                    and not _PERSON_ROLES.search(phrase.lower())):
                return _sentence_case(phrase)
        after = _NOUN_AFTER.match(text[end:end + 40])
        if after and not _NOT_DESCRIPTIVE.search(after.group(1)) and after.group(1).split()[0] not in _FUNCTION_WORDS:
            return _sentence_case(_with_article(after.group(1)))
        which = _WHICH.match(text[end:end + 130])
        if which and not re.search(r"\b(?:said|says|told|added)\b|\d", which.group(1)) and _starts_with_verb(which.group(1)):
            clause = which.group(1).strip()
            return _sentence_case(clause if clause.split()[0] in ("a", "an", "the") else f"It {clause}") + "."
        before = _NOUN_BEFORE.search(text[max(0, start - 60):start])
        if before:
            words = before.group(1).split()
            cuts = [i for i, w in enumerate(words[:-1]) if w.lower() in _FUNCTION_WORDS]
            words = words[cuts[-1] + 1:] if cuts else words  # "bulletin by Indian outlet": the outlet
            while len(words) > 1 and (
                _NOT_DESCRIPTIVE.search(words[0]) or words[0].lower() in _FUNCTION_WORDS
                or (words[0][:1].isupper() and not countries_of(words[0]) and not re.search(r"['’]s$", words[0])
                    and not (words[0].isupper() and len(words[0]) <= 4))  # "AI firm", "US lender": a modifier
            ):
                words = words[1:]
            if not _NOT_DESCRIPTIVE.search(" ".join(words)):
                return _sentence_case(_with_article(" ".join(words)))
    return None


def _starts_with_verb(clause: str) -> bool:
    """"locally produces ...", "makes ...", "oversees ...", "a ..." (after "is"): a clause about the name itself."""
    words = clause.split()
    if words[0] in ("a", "an", "the"):
        return True
    if words[0].endswith("ly") and len(words) > 1:
        words = words[1:]
    if len(words) > 1 and words[1] in ("have", "has", "had", "are", "were", "say", "said", "claim"):
        return False  # "which lawmakers have alleged ...": the clause is about someone else
    return words[0].endswith("s") and not words[0].endswith("ss")


def _with_article(phrase: str) -> str:
    first = phrase.split()[0]
    if first.lower() in ("a", "an", "the") or re.search(r"['’]s$", first):
        return phrase
    if first.endswith("est"):
        return "The " + phrase
    return ("An " if phrase[:1].lower() in "aeiou" else "A ") + phrase


def _sentence_case(phrase: str) -> str:
    return phrase[:1].upper() + phrase[1:]


# -- 2. the built-in glossary, by name ------------------------------------------------------------------------


#: How many names `NameIndex.senses` remembers before it starts afresh (a bound on memory, not a tuning knob).
MAX_REMEMBERED = 50_000


class NameIndex:
    """The built-in organisations by spelling-tolerant name (`skeleton`), built once from the bundled index."""

    def __init__(self, bundled: BundledGlossary) -> None:
        self._bundled = bundled
        self._remembered: dict[str, list[Sense]] = {}
        self._by_skeleton: dict[str, list[Sense]] = {}
        self._by_short_name: dict[str, list[Sense]] = {}  # a national body's name without "of <country>"
        self._by_and_prefix: dict[str, list[Sense]] = {}  # a name without its last "and ..."
        for sense in bundled.all_senses():
            if sense.kind in NAMED_KINDS:
                key = skeleton(sense.expansion)
                if len(key.replace(" ", "")) >= 2 and sum(ch.isalpha() for ch in sense.expansion) >= 5:
                    self._by_skeleton.setdefault(key, []).append(sense)
            country = _COUNTRY_TAIL.search(sense.expansion)
            if sense.kind in NAMED_KINDS and country and countries_of(country.group(1)):
                short_name = name_key(sense.expansion[:country.start()])
                if len(short_name.split()) >= 2:  # "State Bank" (of Pakistan), not "Bank" (of England)
                    self._by_short_name.setdefault(short_name, []).append(sense)
            shortened = _AND_TAIL.search(sense.expansion) if sense.kind in NAMED_KINDS else None
            if shortened and len(sense.expansion[:shortened.start()].split()) >= 3:
                # "Karachi Chamber of Commerce" for the "... and Industry": a name cut before its last "and"
                self._by_and_prefix.setdefault(skeleton(sense.expansion[:shortened.start()]), []).append(sense)
        for senses in [*self._by_skeleton.values(), *self._by_short_name.values(), *self._by_and_prefix.values()]:
            senses.sort(key=lambda s: -s.weight)
        self.first_words = {
            _first_key(name) for sense in bundled.all_senses() if sense.kind in NAMED_KINDS
            for name in (sense.expansion, sense.short)
        }

    def senses(self, name: str) -> list[Sense]:
        """Built-in organisations this name may be, best weight first: by exact name, by a title-case short form
        that is a name (Dawn, Nacta), by spelling-tolerant key, and the same without a leading nationality.
        Remembered per name: an article asks about the same capitalised runs again and again."""
        found = self._remembered.get(name)
        if found is None:
            if len(self._remembered) > MAX_REMEMBERED:
                self._remembered.clear()
            found = self._remembered[name] = self._look_up(name)
        return list(found)

    def _look_up(self, name: str) -> list[Sense]:
        if structure.head_noun(name) in structure.PERSON_TITLES:
            return []  # "Minister for Finance" is a person's title, not the Ministry of Finance
        for candidate in _name_variants(name):
            if _first_key(candidate) not in self.first_words:
                continue  # no built-in name begins so: most capitalised words of an article
            found = [s for s in self._bundled.by_expansion(candidate) if s.kind in NAMED_KINDS]
            if not candidate.isupper():  # "State Department": the curated name as well as the Federal Register's
                found += [s for s in self._bundled.senses(candidate)
                          if s.kind in NAMED_KINDS and s.short == candidate and s not in found]
            if not found:
                found = [s for s in self._by_skeleton.get(skeleton(candidate), ()) if _close_in_length(candidate, s.expansion)]
            if not found:
                found = list(self._by_short_name.get(name_key(candidate), ()))
            if not found and len(candidate.split()) >= 3:
                found = [s for s in self._by_and_prefix.get(skeleton(candidate), ()) if s.expansion != candidate]
            if candidate != name:
                found = _of_nation(name, found)
            if found:
                return found
        return []

    def exact(self, name: str) -> list[Sense]:
        """Built-in organisations whose full name is exactly `name` (case and a leading "the" aside)."""
        return [s for s in self._bundled.by_expansion(name) if s.kind in NAMED_KINDS]


def _close_in_length(name: str, known: str) -> bool:
    """Whether two names of one skeleton are spellings of each other ("Tehreek"/"Tehrik", "Qaeda"/"Qaida") and not
    a short word inside a longer one: "Arab" and "Al Arabiya" share the skeleton "arb" but not their length."""
    def letters(text: str) -> int:
        return sum(len(word) for word in _WORD.findall(text.casefold()) if word not in _SMALL_WORDS)

    mine, theirs = letters(name), letters(known)
    if len(_WORD.findall(name)) == 1:
        return abs(mine - theirs) <= 1  # one word: "Garden" is not "Guardian", though both are "grdn"
    return abs(mine - theirs) <= max(2, min(mine, theirs) // 5)


@lru_cache(maxsize=65536)
def _first_key(name: str) -> str:
    """The first word's spelling-tolerant key: the cheap test that a name may be in the index at all."""
    for word in re.split(r"[\s\-]+", name):
        if word and word.casefold() not in _SMALL_WORDS:
            return skeleton(word)
    return ""


def _name_variants(name: str) -> list[str]:
    variants = [name]
    words = name.split()
    if len(words) > 1 and words[1].lower() not in _SMALL_WORDS and (countries_of(words[0]) or words[0].replace(".", "") in ("US", "UK", "UN", "EU")) and words[0][:1].isupper():
        variants.append(" ".join(words[1:]))  # "Afghan Taliban" -> "Taliban"
    return variants


def _of_nation(name: str, senses: list[Sense]) -> list[Sense]:
    """The senses of a name found without its leading nationality that belong to that nation: "Afghan Taliban" is
    the Taliban (Afghanistan's), "US Coast Guard" the Coast Guard (America's), but "Saudi Ministry of Finance" is
    not Pakistan's Ministry of Finance."""
    nation = set(countries_of(name.split()[0]))
    if not nation:
        return senses  # "UN", "EU": no one country to hold the sense to
    return [s for s in senses if nation & set(s.countries) or "international" in s.countries]


@lru_cache(maxsize=2)
def name_index(bundled: BundledGlossary) -> NameIndex:
    return NameIndex(bundled)


# -- 3. the name itself ---------------------------------------------------------------------------------------

#: Head nouns that say what kind of body a name is, and how to say it. "{remit}" takes the words after "of"/"on".
HEADS: dict[str, str] = {
    "ministry": "government ministry", "division": "government division", "department": "government department",
    "directorate": "government directorate", "secretariat": "secretariat", "authority": "public authority",
    "commission": "commission", "committee": "committee", "council": "council", "assembly": "legislative assembly",
"parliament": "parliament", "board": "board", "bureau": "bureau",
    "agency": "agency", "office": "office", "bank": "bank", "securities": "securities brokerage",
    "exchange": "exchange", "fund": "fund", "trust": "trust", "foundation": "foundation",
    "institute": "institute", "institution": "institution", "university": "university", "college": "college",
    "school": "school", "academy": "academy", "hospital": "hospital", "society": "society",
    "association": "association", "federation": "federation", "union": "union", "chamber": "business chamber",
    "corporation": "corporation", "company": "company", "limited": "company", "ltd": "company", "co": "company",
    "inc": "company", "group": "group of companies", "technologies": "technology company",
    "technology": "technology company", "robotics": "robotics company", "motors": "carmaker", "motor": "carmaker",
    "airlines": "airline", "airways": "airline", "railways": "railway operator", "factory": "factory",
    "mills": "mill company", "industries": "industrial company", "party": "political party",
    "movement": "movement", "front": "political front", "alliance": "alliance", "army": "army", "navy": "navy",
    "force": "force", "police": "police force", "guard": "guard force", "court": "court", "tribunal": "tribunal",
    "club": "club", "news": "news outlet", "times": "newspaper", "tribune": "newspaper", "post": "newspaper",
    "telegraph": "newspaper", "herald": "newspaper", "gazette": "newspaper", 
    "daily": "newspaper", "television": "television channel", "tv": "television channel",
    "radio": "radio station", "holdings": "holding company", "tech": "technology company",
    "trading": "trading company", "financial": "financial company", "capital": "investment firm",
    "directors": "board of directors", "shipping": "shipping company", "energy": "energy company",
    "petroleum": "petroleum company", "pharmaceuticals": "pharmaceutical company", "media": "media company",
    "insurance": "insurer", "textiles": "textile company", "cement": "cement company", "centre": "centre", "center": "centre", "cell": "unit", "network": "network",
}
_AND_TAIL = re.compile(r"\s+(?:and|&)\s+[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)?$")
_COUNTRY_TAIL = re.compile(r"\s+of\s+(?:the\s+)?([A-Z][\w\s]+)$")
_COMPANY_SUFFIXES = {"limited", "ltd", "co", "inc", "pvt", "plc", "llc"}
_REMIT = re.compile(r"\b(?:of|on|for)\s+(.+)$", re.IGNORECASE)


def from_name(name: str) -> Optional[str]:
    """A description from the name's head noun and the place it names ("Punjab Assembly": the legislative
    assembly of Punjab); None when the name has no head noun we know, or is one word ("Senate" alone is
    explained by the built-in glossary or not at all)."""
    words = display_name(name).split()
    while len(words) > 2 and words[-1].lower().strip(".") in _COMPANY_SUFFIXES:
        words = words[:-1]  # "... Corporation Limited": the corporation is the head
    name = " ".join(words)
    if len(words) < 2 or any(w.islower() and w not in _SMALL_WORDS for w in words):
        return None
    remit_match = _REMIT.search(display_name(name))
    head_part = display_name(name)[:remit_match.start()].split() if remit_match else words
    if not head_part:
        return None
    head = head_part[-1].lower().strip(".,")
    kind = HEADS.get(head)
    if kind is None and words[0].lower() == "daily" and not remit_match:
        return "A newspaper"
    if kind is None:
        return None
    modifiers = head_part[:-1]
    places = [w for w in modifiers
              if countries_of(w.strip("’'s")) and w[:1].isupper() and (not _plain_word(w) or w.isupper())]
    topic = [w for w in modifiers if w not in places]
    if any(not _plain_word(w) for w in topic):
        topic = []  # a proper name in it ("Port Qasim Authority"): the kind alone is safer than mangling it
    remit = remit_match.group(1) if remit_match else ""
    if remit and any(not _plain_word(w) for w in remit.replace("&", "and").split() if w.lower() not in _SMALL_WORDS):
        remit_places = [w for w in remit.split() if countries_of(w)]
        remit = ""
        places = places or remit_places
    if kind.startswith("government ") and topic and not remit and all(len(w) > 3 for w in topic):
        remit = " ".join(topic)  # "Finance Division": the government division for finance
    trade = _trade_body(head, topic, places)
    if trade:
        return trade
    if kind == head or _restates(kind, words):
        return None  # "Supreme Court", "Tencent Holdings": "a holding company" says nothing the name does not
    if kind.startswith("government "):
        return None  # "Ministry of Maritime Affairs": "a government ministry for maritime affairs" is the name again
    # The other words of a name are a name ("Fox News", "Chase Securities"), not a description: the kind says it.
    described = _with_article(kind)
    if remit:
        described += f" for {remit.lower()}"
    if places:
        described += f" ({' '.join(places)})"
    return _sentence_case(described)


#: Words of a kind that add nothing to a name built on the kind's other words ("Hesai Technologies").
_FILLER = frozenset("company companies firm of".split())


def _restates(kind: str, words: list[str]) -> bool:
    """Whether a kind only repeats words of the name: "technology company" for "Origincell Technology",
    "holding company" for "Tencent Holdings" (but not "carmaker" for "Ford Motor", "airline" for "... Airways")."""
    stems = {_stem(w) for w in words}
    return all(_stem(w) in stems for w in kind.split() if w not in _FILLER)


def _stem(word: str) -> str:
    word = word.lower().strip(".,")
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        word = word[:-1]
    return word[:-3] if word.endswith("ing") and len(word) > 5 else word


#: Who a trade body's members are, and the industries one is named after ("Pakistan Textile Council").
_TRADE_HEADS = {"association", "council", "federation", "chamber", "forum", "alliance", "union"}
_TRADE_MEMBERS = frozenset(
    "exporters importers manufacturers traders producers dealers growers millers ginners retailers builders "
    "industrialists merchants mills industries companies businesses transporters shippers spinners weavers "
    "wholesalers distributors contractors".split()
)
_INDUSTRIES = frozenset(
    "textile cotton sugar cement steel rice tea leather pharmaceutical petroleum oil auto automotive garments "
    "apparel fertiliser fertilizer flour poultry tobacco jute hosiery knitwear towel".split()
)


def _trade_body(head: str, topic: list[str], places: list[str]) -> Optional[str]:
    """"Pakistan Textile Exporters Association": a trade body of textile exporters (Pakistan). What the name does not
    say is that its members are businesses lobbying together; said only when its words name them or their trade."""
    if head not in _TRADE_HEADS or not topic:
        return None
    words = [w.lower() for w in topic]
    if words[-1] in _TRADE_MEMBERS:
        described = f"A trade body of {' '.join(words)}"
    elif head in ("association", "council") and all(w in _INDUSTRIES for w in words):
        described = f"A trade body of the {' '.join(words)} industry"
    else:
        return None
    return described + (f" ({' '.join(places)})" if places else "")


def kind_of(name: str) -> Optional[str]:
    """The kind of body a name's head noun says it is ("International Trading": a trading company), or None."""
    return HEADS.get(structure.head_noun(name)) if name.split() else None


def _plain_word(word: str) -> bool:
    word = word.strip(",.").lower()
    return word in _SMALL_WORDS or word in english_words() or (word.endswith("s") and word[:-1] in english_words())


def from_sport(name: str, text: str, spans: Sequence[tuple[int, int]]) -> Optional[str]:
    """"A football club or team" for a name a team sport's story uses as a team ("side Benfica", "Osasuna 3-3",
    "face Aston Villa or Lille")."""
    from desktop.core.entities.sports import in_team_context, sport_of

    sport = sport_of(text)
    if not sport:
        return None
    for start, end in spans:
        if in_team_context(text, start, end, sport):
            return f"A {sport} club or team"
        window = max(0, start - 60)
        listed = _LISTED_WITH.search(text[window:start])
        if listed and in_team_context(text, window + listed.start(1), window + listed.end(1), sport):
            return f"A {sport} club or team"
    return None


_LISTED_WITH = re.compile(r"([A-Z][\w’'\-]*(?:\s[A-Z][\w’'\-]*){0,2})(?:\s(?:and|or)\s|,\s)$")


# -- all together ---------------------------------------------------------------------------------------------

#: Derived rows describe an acronym's sense by a template that says nothing about a name written in full.
_EMPTY_DESCRIPTION = re.compile(r"known by its initials\.$")

#: How many mentions of a name are read for what the article says about it (the first ones introduce it).
MAX_MENTIONS_READ = 8


def meaning(name: str, text: str, spans: Sequence[tuple[int, int]], bundled: BundledGlossary,
            rank, descriptor: Optional[str] = None, parent_of=None, owner: Optional[str] = None) -> Optional[Meaning]:
    """The best meaning of an organisation's name in this article, or None. `rank(senses)` orders built-in
    senses by fit with the article (country, words), as `resolve` does for acronyms; `parent_of` names the
    bodies of the article a name may be part of (see `organisation_structure.from_parent`), `owner` the
    possessive before the name ("the State Department’s ...")."""
    spans = list(spans)[:MAX_MENTIONS_READ]
    said = from_article(text, spans, descriptor) or described_near(name, text, spans, kind_of, structure.head_noun)
    for variant in _name_variants(name):  # "US Coast Guard" known only as the Cook Islands': the Coast Guard
        known = [s for s in name_index(bundled).senses(variant) if not _EMPTY_DESCRIPTION.search(s.description or "")]
        if variant != name:
            known = _of_nation(name, known)
        if known and is_common_word_name(variant):  # "the PFF Extraordinary Congress" is not India's Congress party
            known = senses_fitting_names(known, heads_before(text, occurrences(text, variant)))
        best = rank(known) if known else []
        best.sort(key=lambda sense: sense.source != "precis")  # a curated description before a list's generic one
        if best:
            sense = best[0]
            description = sense.description
            # "Judicial Commission" is the Judicial Commission of Pakistan, "PTI" Pakistan Tehreek-e-Insaf: say the
            # full name too; "Afghan Taliban" is the Taliban, and "Jamaat-i-Islami" only another spelling.
            if skeleton(sense.expansion) != skeleton(name) and not skeleton(name).endswith(skeleton(sense.expansion)):
                description = f"{sense.expansion}: {description[:1].lower()}{description[1:]}" if description else None
            return Meaning(None, description or sense.expansion, "bundled", 0.9, sense)
    if said:
        return Meaning(None, said, "text", 0.8)
    listed = from_directory(name, text)  # universities, hospitals, companies, clubs ... by full name
    if listed:
        return Meaning(None, listed, "bundled", 0.7)
    part = structure.from_parent(name, owner, parent_of, kind_of) if parent_of else None
    if part:
        return Meaning(None, part, "text", 0.7)
    team = from_sport(name, text, spans)
    if team:
        return Meaning(None, team, "text", 0.6)
    typed = from_name(name)
    if typed:
        return Meaning(None, typed, "bundled", 0.5)
    return None
