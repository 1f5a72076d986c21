"""More of what an article says about an organisation around its name, beyond the appositions and descriptor
nouns of `organisations.from_article`:

- what it makes, before the name: "drone maker Autel Robotics" (a drone maker), "oil major X" (a leading oil
  company), even inside a list ("chip maker A, B, drone maker C");
- what it operates or owns: "The Bell 206 chopper, operated by New York Helicopter Tours," (the operator of the
  Bell 206 chopper);
- what it is: "World Liberty Financial was a major platform doing ..." (a major platform);
- a participle after it saying what it does: "The Bureau of ..., focused on preventing the spread of nuclear
  weapons," (focused on preventing ...);
- where an institution is: "Shifa International Hospital in Islamabad" (a hospital in Islamabad), the place being
  what the name does not say;
- an adjective before it that says what kind of body it is: "the nonpartisan Committee for a Responsible Federal
  Budget" (a nonpartisan committee), "Karachi-based X".

Each is taken only in the words right next to a mention, so a phrase about something else is not read as the
name's description; where none fits, nothing is said.
"""

from __future__ import annotations

import re
from typing import Callable, Optional, Sequence

from desktop.core.glossary.context import countries_of

#: A phrase about a person ("X is a member of ..." is fine; "X was a spokesman" is about someone else).
_PERSON = re.compile(r"\b(?:spokes\w+|man|woman|member|mistake|step|move|blow|shock|surprise|reminder|sign)\b")

_MAKER = re.compile(
    r"(?:^|[\s(,])(?:((?:[a-z][a-z\-]*\s+)?[a-z][a-z\-]*)\s+"
    r"(maker|manufacturer|producer|supplier|developer|retailer|giant|major|leader)|"
    r"((?:chip|car|auto|drug|steel|phone|smartphone|plane|jet|toy|truck|tyre|tire|vaccine|battery|arms|game|"
    r"cement|paper|glass)maker|[A-Za-z]+-maker))\s+$"  # not "peacemaker", "playmaker", "lawmaker": people
)
_NOT_INDUSTRY = frozenset(
    "a an the and or of for to in on at by with its their his her included including also policy decision "
    "peace film movie law rule key deal trouble mischief money match news world play king home decision "
    "record music opposition party team squad house senate majority minority spiritual religious political "
    "militant rebel tribal community student union business group".split()
)
_LEADING = {"giant", "major", "leader"}
_COPULA = re.compile(
    r"^\s+(?:is|was)\s+((?:a|an)\s+[a-z][\w\-]*(?:\s+[a-z][\w\-]*){0,5}?)(?=[,.;]|\s+(?:that|which|who|doing|working)\b)"
)
_PARTICIPLE = re.compile(
    r"^,\s+((?:focused|focusing|dedicated|devoted|specialising|specializing|specialised|specialized|responsible|"
    r"tasked|charged|set\s+up\s+to|created\s+to|established\s+to|formed\s+to)\s+(?:on|to|in|for|with)?\s*"
    r"[a-z][^,.;:()\[\]\"“”]{4,110}?)(?=,|\.(?:\s|$)|;)"
)
_OPERATED_BY = re.compile(
    r"(?:^|\s)([Tt]he|[Aa]n?)\s+((?:[\w\-]+\s+){0,3}[a-z][\w\-]*),?\s+(operated|owned|managed|run)\s+by\s+(?:the\s+)?$"
)
_ROLES = {"operated": "operator", "owned": "owner", "managed": "manager", "run": "operator"}
_PLACE_AFTER = re.compile(r"^\s+in\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\b(?!\s*[A-Z])")
#: Bodies that are in one place, where "X in <city>" says where that is.
_SITED = {"hospital": "hospital", "university": "university", "college": "college", "school": "school",
          "academy": "academy", "club": "club", "institute": "institute", "clinic": "clinic",
          "museum": "museum", "library": "library", "madrassa": "seminary", "seminary": "seminary"}
_ADJECTIVE = re.compile(
    r"(?:^|\s)(?:the|a|an)\s+((?:[a-z]+\s+)?(?:nonpartisan|non-partisan|bipartisan|non-profit|nonprofit|"
    r"not-for-profit|non-governmental|state-run|state-owned|government-run|government-owned|privately[- ]owned|"
    r"private|independent|conservative|liberal|left-leaning|right-leaning|right-wing|left-wing|hardline|"
    r"banned|outlawed|proscribed|militant|separatist|[A-Z][a-z]+-based))\s+$"
)


def described_near(name: str, text: str, spans: Sequence[tuple[int, int]],
                   kind_of: Callable[[str], Optional[str]], head_noun: Callable[[str], str]) -> Optional[str]:
    """A description from the words right around a mention of `name`, or None. `kind_of(name)` is the kind of
    body a name's head noun says ("committee"), `head_noun(name)` that noun."""
    for start, end in spans:
        maker = _MAKER.search(text[max(0, start - 50):start])
        if maker and maker.group(3):
            return _a(maker.group(3).lower().replace("-maker", " maker"))  # "chipmaker X", "Lidar-maker X"
        industry = _industry(maker.group(1)) if maker else ""
        if industry:
            if maker.group(2) in _LEADING:
                return f"A leading {industry} company"
            return _a(f"{industry} {maker.group(2)}")
        copula = _COPULA.match(text[end:end + 90])
        if copula and not _PERSON.search(copula.group(1)):
            return copula.group(1)[:1].upper() + copula.group(1)[1:]
        operated = _OPERATED_BY.search(text[max(0, start - 60):start])
        if operated and not re.search(r"\b(?:is|was|are|were|be|been|said)\b", operated.group(2)):
            return f"The {_ROLES[operated.group(3)]} of {operated.group(1).lower()} {operated.group(2)}"
        participle = _PARTICIPLE.match(text[end:end + 140])
        if participle and not re.search(r"\b(?:said|says|told)\b|\d", participle.group(1)):
            phrase = " ".join(participle.group(1).split())
            return phrase[:1].upper() + phrase[1:] + "."
    sited = _SITED.get(head_noun(name)) if len(name.split()) >= 2 else None
    if sited:
        for start, end in spans:
            place = _PLACE_AFTER.match(text[end:end + 40])
            if place and countries_of(place.group(1)) and place.group(1) not in name:
                return _a(f"{sited} in {place.group(1)}")
    kind = kind_of(name)
    for start, end in spans if len(name.split()) >= 2 else ():  # "a hardline Muslim takeover": no "Muslim" body
        adjective = _ADJECTIVE.search(text[max(0, start - 40):start])
        if adjective:
            said = adjective.group(1)
            if said.split()[0] in ("the", "a", "an"):
                continue
            return _a(f"{said} {kind or 'organisation'}")
    return None


def _industry(words: str) -> str:
    """"social media" of "social media leader", "chip" of "included chip maker"; "" for "opposition leader"."""
    words = words.split()
    if len(words) == 2 and (words[0] in _NOT_INDUSTRY or words[0].endswith("ed")):
        words = words[1:]
    return "" if any(w in _NOT_INDUSTRY for w in words) else " ".join(words)


def makes_before(before: str) -> bool:
    """Whether the words before a name say what it makes ("drone maker ", "chipmaker ")."""
    maker = _MAKER.search(before)  # not "producer" or "developer": "music producer X" is a person
    return bool(maker) and (bool(maker.group(3)) or (
        bool(_industry(maker.group(1))) and maker.group(2) in ("maker", "manufacturer", "giant", "major")))


def _a(phrase: str) -> str:
    vowel = phrase[:1].lower() in "aeiou" and not phrase.lower().startswith(("uni", "use", "eu", "one"))
    return ("An " if vowel else "A ") + phrase
