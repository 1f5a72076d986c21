"""People named in a sports story's lists, which spaCy reads poorly because they are not sentences.

Agency sports pages (and newspapers' scoreboards) name players in a few fixed layouts:

- squads and line-ups: "Goalkeepers - Bogdan Stelea , Florin Prunea .", "Japan : 1 - Kenichi Shimokawa , 2 - ...",
  "West Indies - Sherwin Campbell , Robert Samuels , Brian Lara";
- scorers with the minute or the runs: "( Bode 85th )", "Scorers : Shkvyrin Igor 78 , Shatskikh Oleg 90",
  "( Shivnarine Chanderpaul 54 )";
- a cricket scorecard: "Ijaz Ahmad c Spearman b Vaughan 59", "Vaughan 9-1-55-1".

`people_in_lists(text, sport)` gives the (start, end) of each such name; the caller makes them persons.
`clubs_of(text, people)` gives the club (or country) in the bracket after each: "Vitor Baia ( Barcelona , Spain )".
"""

from __future__ import annotations

import re
from typing import Optional

#: A person's name in a list: capitalised words and initials, with the particles of many languages.
_NAME = (
    r"(?:[A-Z]\.[ \t]?)*[A-Z][\w'’\-]*[a-z][\w'’\-]*"
    r"(?:[ \t]+(?:(?:van|von|der|de|da|do|dos|di|du|le|la|al|bin|ben|el)[ \t]+)*"
    r"(?:[A-Z]\.[ \t]?)*[A-Z][\w'’\-]+){0,3}"
)
#: The end of a list item: a separator, a bracket, the end of the line or sentence.
_ITEM_END = r"(?=[ \t]*(?:[,;()]|\.?[ \t]*$|\.[ \t]|[ \t]{2}))"
#: "4 - Masami Ihara" in a numbered line-up.
_NUMBERED = re.compile(
    rf"(?<![\w\-])\d{{1,2}}[ \t]+-[ \t]+(?P<name>{_NAME})(?:[ \t]+\d{{1,3}}(?:st|nd|rd|th)?)?{_ITEM_END}", re.MULTILINE
)
#: A scorer with the minute or the runs: "Bode 85th", "Hassan Abbas 84 own goal", "Boon 106 not out", and in
#: cricket a bowler's wickets for runs ("P. Simmons 4-38"); found inside brackets and in a scorers line.
_SCORER = re.compile(
    rf"(?:^[ \t]*|[,;:][ \t]*|[ \t]-[ \t]+)(?P<name>{_NAME})[ \t]+\d{{1,3}}(?:st|nd|rd|th|-\d{{1,3}})?"
    rf"(?:[ \t]+(?:pen|penalty|own[ \t]+goal|not[ \t]+out))?(?=[ \t]*(?:[,;]|and[ \t]+\d|\.?[ \t]*$))",
)
#: What a bracket holds, also when the bracket opened on the line before ("Kanchelskis 28 ) .").
_NOTES = re.compile(r"(?<=\()[^()\n]+(?=\))|^[^()\n]+(?=\))", re.MULTILINE)
_SCORERS_LINE = re.compile(
    r"^[ \t]*(?:(?:Goal)?[Ss]corers?[ \t]*:|[A-Z][\w'’.]*(?:[ \t]+[A-Z][\w'’.]*)*[ \t]+-[ \t])[^\n]*$", re.MULTILINE
)
#: A heading and a list of at least two names: "Goalkeepers - A , B", "Syria : A , B", "West Indies - A , B , C".
_LIST_LINE = re.compile(r"^[ \t]*[A-Z][^\n:]{0,40}?[ \t]+[-:][ \t]+(?P<items>[^\n]*[,;][^\n]*)$", re.MULTILINE)
_BRACKETED = re.compile(r"\([^()\n]*\)")
_LIST_ITEM = re.compile(rf"(?:^|[,;][ \t]*)(?:\d{{1,2}}[ \t]+-[ \t]+)?(?P<name>{_NAME}){_ITEM_END}")
#: Cricket: the fielder or bowler after a dismissal, the batsman before it, a bowler before his figures.
_DISMISSAL = re.compile(rf"(?<![\w'’])(?:c|b|st|lbw|c[ \t]+&[ \t]+b)[ \t]+(?P<name>{_NAME})(?=[ \t]+(?:b[ \t]|\d|$))",
                        re.MULTILINE)
_BATSMAN = re.compile(rf"^[ \t]*(?P<name>{_NAME})[ \t]+(?:c|b|st|lbw|run[ \t]+out|not[ \t]+out|retired)[ \t]",
                      re.MULTILINE)
_BOWLER = re.compile(rf"(?:^|,)[ \t]*(?P<name>{_NAME})[ \t]+\d{{1,2}}(?:\.\d)?-\d{{1,2}}-\d{{1,3}}-\d{{1,2}}\b",
                     re.MULTILINE)


def people_in_lists(text: str, sport: Optional[str]) -> list[tuple[int, int]]:
    """(start, end) of the people named in line-ups, scorer lists and (in cricket) scorecards, in order.

    Only lines that look like lists or tables are read (few words in small letters, and a dash, colon or
    bracket), so the patterns cost little on a long text of prose."""
    spans = set()
    position = 0
    for line in text.split("\n"):
        offset, position = position, position + len(line) + 1
        if _is_list_like(line, sport):
            spans.update((offset + start, offset + end) for start, end in _people_in_line(line, sport))
    return sorted(span for span in spans if text[span[0]:span[1]].split()[0].lower() not in _CALENDAR)


def _is_list_like(line: str, sport: Optional[str]) -> bool:
    if not (" - " in line or ":" in line or "(" in line or ")" in line or sport == "cricket"):
        return False
    head = line[:240]  # enough words to tell a list from prose
    return 2 * len(_LOWER_WORD.findall(head)) <= head.count(" ") + 1


_LOWER_WORD = re.compile(r"(?<!\S)[a-z]")


def _people_in_line(line: str, sport: Optional[str]) -> set[tuple[int, int]]:
    spans = {match.span("name") for match in _NUMBERED.finditer(line)}
    for part in (*_NOTES.finditer(line), *_SCORERS_LINE.finditer(line)):
        offset, inner = part.start(), part.group(0)
        spans.update((offset + m.start("name"), offset + m.end("name")) for m in _SCORER.finditer(inner))
    for listing in _LIST_LINE.finditer(line):
        # a bracket holds a club or country ("Vitor Baia ( Barcelona , Spain )"): blanked, offsets kept
        bare = _BRACKETED.sub(lambda m: " " * len(m.group(0)), listing.group("items"))
        items = [m for m in _LIST_ITEM.finditer(bare)]
        chunks = [chunk for chunk in re.split(r"[,;]", bare) if chunk.strip(" \t.:")]
        if len(items) >= 2 and 3 * len(items) >= 2 * len(chunks):  # a list of names, not of places and years
            offset = listing.start("items")
            spans.update((offset + m.start("name"), offset + m.end("name")) for m in items)
    if sport == "cricket":
        for pattern in (_DISMISSAL, _BATSMAN, _BOWLER):
            spans.update(match.span("name") for match in pattern.finditer(line))
    return spans


#: The bracket after a listed player: his club, or his country ("Vitor Baia ( Barcelona , Spain )").
#: A bracket with a number in it is a substitute and the minute ("( Wayne Fyvie , 75 )"), not a club.
_CLUB_AFTER = re.compile(
    r"[ \t]*\([ \t]*(?P<club>[A-Z][\w'’.&\-]*(?:[ \t]+[A-Z][\w'’.&\-]*)*)[ \t]*(?:,[^()\d\n]*)?\)"
)


def clubs_of(text: str, people: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of the club or country named in the bracket right after each of `people`."""
    found = (_CLUB_AFTER.match(text, end) for _, end in people)
    return [match.span("club") for match in found if match]


_CALENDAR = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
