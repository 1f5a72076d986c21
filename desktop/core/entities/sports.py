"""Sports stories name teams by their town or club: "Valencia snatched a 3-3 draw at Osasuna", "Portuguese side
Benfica". spaCy reads these as places or people; a reader, and CoNLL's annotators, read them as organisations.

`sport_of(text)` says which team sport a story is about (from its vocabulary), and `in_team_context` whether a
name stands where a team does: after "side", "champions", "beat", "a draw at", "defeat to", "face", or before
"won", "drew", "lost", a score or a league position. `table_teams` finds the teams of results, fixtures and
standings lines, and `individual_sport` tells a golf or tennis story (whose tables list people) from the rest.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Optional

#: Words that mark each team sport (facts about the sports; a story needs several of them).
SPORT_WORDS: dict[str, frozenset] = {
    "football": frozenset(
        "football soccer goal goals striker midfielder defender goalkeeper penalty halftime half-time league "
        "cup fifa uefa premier liga serie bundesliga equaliser equalizer header dribble offside".split()
    ),
    "cricket": frozenset(
        "cricket innings wicket wickets batsman batter batters bowler bowlers bowled over overs odi t20 test "
        "runs century fifty pcb icc psl all-rounder spinner pacer".split()
    ),
    "hockey": frozenset("hockey puck nhl penalty-corner goalkeeper stick".split()),
    "basketball": frozenset("basketball nba rebounds dunk three-pointer".split()),
    "rugby": frozenset("rugby try tries scrum lineout fly-half".split()),
    "baseball": frozenset("baseball inning innings pitcher homer mlb runs".split()),
}
MIN_SPORT_WORDS = 5
#: Words of sports played one against one or against the clock, whose tables list people, not teams.
INDIVIDUAL_SPORT_WORDS = frozenset(
    "golf golfer tennis birdie birdies bogey slalom downhill skiing skier athletics marathon boxing boxer "
    "heavyweight cycling cyclist squash badminton swimming swimmer judo wrestling skating skater".split()
)
_WORD = re.compile(r"[\w\-]+")
_SCORE = r"(?:\s+\d{1,3}-\d{1,3})?"
_BEFORE = re.compile(
    rf"(?:\bside|\bchampions|\bclub|\bteam|\bhosts|\bvisitors|\bbeat|\bbeats|\bbeating|\bdefeated|\bface|\bfaces"
    rf"|\bfacing|\bagainst|\bv|\bvs\.?|\bversus"
    rf"|\b(?:draw|drew|win|won|victory|defeat|loss|lost|lose|losing){_SCORE}\s+(?:to|against|with|over|by))"
    rf"\s+(?:\d+-man\s+|the\s+|either\s+)?$",
    re.IGNORECASE,
)
#: Football names the home side's ground by the club ("a 3-3 draw at Osasuna"); cricket's "at Hamilton" is a venue.
_AT_HOME_SIDE = re.compile(
    rf"\b(?:draw|drew|win|won|victory|defeat|loss|lost|lose|losing){_SCORE}\s+at\s+(?:\d+-man\s+)?$", re.IGNORECASE
)
_AFTER = re.compile(
    r"^(?:\s+(?:who\s+)?(?:won|beat|beats|drew|lost|were beaten|are|were)\s+\d{1,3}-\d{1,3}\b|\s+\d{1,3}-\d{1,3}\b(?!-)|,?\s+(?:are\s+|were\s+)?\d+(?:st|nd|rd|th)\b"
    r"|\s+(?:won|beat|drew|lost|thrashed|edged|stunned|snatched|clinched|sealed|scraped)\b"
    r"(?!\s+(?:the\s+|his\s+|her\s+)?(?:goalkeeper|keeper|defender|marker|bowler|batter|batsman|fielder)\b)"
    r"|\s+(?:coach|manager|defender|forward|striker|midfielder|goalkeeper|keeper|players?|fans|supporters)\b)"
)


@lru_cache(maxsize=4)
def sport_of(text: str) -> Optional[str]:
    """The team sport a story is about, or None (a story about something else, or an individual sport)."""
    words = Counter(w.lower() for w in _WORD.findall(text[:30000]))
    counts = {sport: sum(words[w] for w in vocabulary) for sport, vocabulary in SPORT_WORDS.items()}
    sport, count = max(counts.items(), key=lambda item: item[1])
    return sport if count >= MIN_SPORT_WORDS else None


def individual_sport(text: str) -> bool:
    """Whether a story is about a sport of individuals (golf, tennis, skiing ...), from its vocabulary."""
    words = Counter(w.lower() for w in _WORD.findall(text[:30000]))
    return sum(words[w] for w in INDIVIDUAL_SPORT_WORDS) >= 2


def in_team_context(text: str, start: int, end: int, sport: Optional[str] = None) -> bool:
    before = text[max(0, start - 40):start]
    if sport == "football" and _AT_HOME_SIDE.search(before):
        return True
    return bool(_BEFORE.search(before) or _AFTER.match(text[end:end + 30]))


# Results and standings tables, one team a line (Reuters' and most papers' format):
#   "Plymouth 4 Exeter 1", "Werder Bremen 1 ( Bode 85th ) 1860 Munich 1", "TORONTO AT NY RANGERS",
#   "Barcelona ( Spain ) 9 4 5 13", "BUFFALO 13 12 1 77 76 27", "CHARLOTTE 8 8 .500 8", "x-DENVER 12 1 0".
_TEAM = r"(?P<{0}>(?:\d{{4}}[ \t]+)?[A-Z][\w'’.&\-]*(?:[ \t]+[A-Z][\w'’.&\-]*)*)"
_NOTE = r"(?:[ \t]+\([^()\n]{1,80}\))?"
_RESULT_ROW = re.compile(
    rf"^[ \t]*{_TEAM.format('home')}{_NOTE}[ \t]+\d{{1,3}}{_NOTE}[ \t]+"
    rf"{_TEAM.format('away')}{_NOTE}[ \t]+\d{{1,3}}{_NOTE}[ \t]*\.?[ \t]*$",
    re.MULTILINE,
)
_FIXTURE_ROW = re.compile(rf"^[ \t]*{_TEAM.format('home')}[ \t]+(?:v|vs\.?)[ \t]+{_TEAM.format('away')}[ \t]*$",
                          re.MULTILINE)
#: "CHICAGO AT TORONTO": the visitors, and the place they play at (a venue, as in "a 3-3 draw at Osasuna").
_AWAY_ROW = re.compile(rf"^[ \t]*{_TEAM.format('home')}[ \t]+(?:AT|at)[ \t]+[A-Z][\w'’.&\- \t]*$", re.MULTILINE)
_STANDINGS_ROW = re.compile(
    rf"^[ \t]*(?:[a-zA-Z*]-)?{_TEAM.format('home')}{_NOTE}(?:[ \t]+(?:\d{{1,4}}|\d*\.\d{{3}})){{3,}}[ \t]*$",
    re.MULTILINE,
)


def table_teams(text: str) -> list[tuple[int, int]]:
    """(start, end) of the teams named in a results, fixtures or standings line of a sports story.

    A line that is only names and scores is a table, whatever spaCy makes of its capitals ("NY RANGERS" a
    place, "Goias 1 Gremio" a person). The caller decides whether the story is about a team sport."""
    spans = []
    for pattern, groups in ((_RESULT_ROW, ("home", "away")), (_FIXTURE_ROW, ("home", "away")), (_AWAY_ROW, ("home",)),
                            (_STANDINGS_ROW, ("home",))):
        for match in pattern.finditer(text):
            spans.extend(match.span(group) for group in groups)
    return sorted(set(spans))
