"""What a name's structure says about an organisation when the article does not describe it: a body inside a
parent the article names ("KPT Board of Directors", "the Ministry of Commerce’s Tariff Policy Wing", "the State
Department’s Bureau of ...") or a company of a known group ("CNOOC International Trading").

The parent is the information the name itself lacks: "the board of directors of the Karachi Port Trust" tells a
reader what "KPT Board of Directors" is, where "a board" would only restate it. A parent is taken only when the
article or the built-in glossary knows it as a body (an acronym whose meaning is an institution, a name whose
head noun is one); a person's or a country's possessive ("Elon Musk’s ...", "Pakistan’s ...") is no parent.

Kept apart from `organisations` (which explains a name by itself) because it needs the article's acronyms.
"""

from __future__ import annotations

import re
from typing import Callable, Optional

#: Nouns for a part of a larger body: a name ending in one, after its parent's name, is that part of the parent.
SUB_BODIES = frozenset(
    "board directors committee subcommittee wing bureau office division secretariat council cell department "
    "directorate unit branch chapter panel desk senate syndicate".split()
)
#: Head nouns of a body that can be a parent ("the" goes before its name: "the Karachi Port Trust").
INSTITUTIONS = SUB_BODIES | frozenset(
    "trust federation corporation company ministry authority commission association bank agency organisation "
    "organization union party league court assembly institute university foundation fund service force army "
    "navy police guard group chamber society programme corps centre center forum alliance front movement club "
    "academy college school hospital senate council confederation administration holdings limited ltd".split()
)
#: Head nouns of a person's title: "Minister for Finance", "Secretary of State" name a person, not a body.
PERSON_TITLES = frozenset(
    "minister secretary chairman chairperson chairwoman president governor spokesman spokeswoman spokesperson "
    "adviser advisor ambassador envoy mayor senator premier justice judge commissioner".split()
)
_SMALL = frozenset("of and for the on in & de".split())
_OWNER_BEFORE = re.compile(
    r"(?<![\w’'\-])([A-Z][\w&\-]*(?:\s+(?:of|and|for|&|[A-Z][\w&\-]*)){0,6})['’]s\s+$"
)
_TITLE_WORD = re.compile(r"\s+([A-Z][a-z][\w\-]*)")
#: How many capitalised words a name cut short by spaCy may be extended by ("Ministry of Commerce’s Tariff").
MAX_EXTENSION = 3


def head_noun(name: str) -> str:
    """The noun a name is built on: the word before its first "of"/"for" ("Bureau of ..."), else its last word."""
    words = re.sub(r"\s*\([^)]*\)", "", name).split()  # "Pakistan Muslim League (Nawaz)": the league
    for i, word in enumerate(words[1:], 1):
        if word.lower() in ("of", "for"):
            return words[i - 1].lower().strip(".,")
    return words[-1].lower().strip(".,") if words else ""


def is_institution(name: str) -> bool:
    """Whether a full name is built on a head noun for a body ("Karachi Port Trust", "Ministry of Commerce")."""
    return len(name.split()) >= 2 and head_noun(name) in INSTITUTIONS


def owner_before(text: str, start: int) -> Optional[str]:
    """The name before a possessive right before a name ("the State Department’s Bureau of ..." -> "State
    Department"), or None."""
    match = _OWNER_BEFORE.search(text[max(0, start - 80):start])
    if not match:
        return None
    owner = match.group(1)
    words = owner.split()
    while words and words[0].lower() in _SMALL:
        words = words[1:]
    return " ".join(words) or None


def extend_to_head(text: str, start: int, end: int, heads) -> int:
    """The end of a name spaCy cut short before its head noun: "Ministry of Commerce’s Tariff" followed by
    "Policy Wing" ends after "Wing". Only capitalised words in the same sentence, ending in a head noun."""
    position, best = end, end
    for _ in range(MAX_EXTENSION):
        match = _TITLE_WORD.match(text, position)
        if not match or "\n" in match.group(0):
            break
        position = match.end()
        if match.group(1).lower() in heads:
            best = position
    return best


#: Heads after a proper name that take no "the": "Tufts University", "Tencent Holdings" (but "the Karachi Port
#: Trust", "the University of Karachi").
_NO_THE = frozenset("university college school hospital academy holdings limited ltd".split())


def _with_the(parent: str) -> str:
    head = head_noun(parent)
    if head not in INSTITUTIONS or (head in _NO_THE and parent.split()[-1].lower().strip(".") == head):
        return parent
    return f"the {parent}"


def from_parent(name: str, owner: Optional[str], parent_of: Callable[[str], Optional[str]],
                kind_of: Callable[[str], Optional[str]]) -> Optional[str]:
    """What a name is as a part of a parent body: its possessive owner, or its first word when that is an acronym
    of a body the article names ("KPT Board of Directors": the board of directors of the Karachi Port Trust) or
    begins another body's name in it ("Tufts Community Union Senate" beside "Tufts University").

    `parent_of(words)` gives the full name of a body the article or the built-in glossary knows by `words`, or
    None; `kind_of(name)` what kind of body a name's head noun says it is ("trading company"), or None.
    """
    words = name.split()
    if owner:
        parent = parent_of(owner)
        if parent:
            return _part(words, parent, kind_of, whole_name=True)
    if len(words) < 2:
        return None
    parent = parent_of(words[0])
    if parent and not words[0][:1].islower():  # a company of a group only after the group's acronym ("CNOOC")
        return _part(words[1:], parent, kind_of, whole_name=not words[0].isupper())
    return None


def _part(words: list[str], parent: str, kind_of, whole_name: bool) -> Optional[str]:
    """"The board of directors of the Karachi Port Trust", "A bureau of the State Department", "A trading company,
    part of the China National Offshore Oil Corporation"; None when the words say no kind of body."""
    rest = " ".join(words)
    head = head_noun(rest)
    if head in parent.lower().split():
        return None  # "INL Bureau" is the bureau itself, not a bureau of it
    if head in SUB_BODIES:
        if "of" in [w.lower() for w in words[1:]] and head != "board" or len(words) > 3:
            return f"A {head} of {_with_the(parent)}"  # "Bureau of International Narcotics and ...": its kind
        if all(w[:1].isupper() or w.lower() in _SMALL for w in words):
            return f"The {rest.lower()} of {_with_the(parent)}"
        return None
    if whole_name:
        return None  # no part of a body ("the Ministry’s Annual Report"), or after a word that is no acronym
    kind = kind_of(rest)
    if kind is None and words[-1].lower().strip(".") in ("ltd", "limited", "co", "inc", "plc", "llc"):
        kind = "company"
    if kind is None:
        return None
    if kind == "company":
        return f"Part of {_with_the(parent)}"
    article = "An" if kind[:1] in "aeiou" else "A"
    return f"{article} {kind}, part of {_with_the(parent)}"
