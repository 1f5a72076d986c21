"""Matching a long form's letters to a short form: Schwartz & Hearst (2003), ranking their matches.

The short form's letters and digits are found right to left, in order, in the words before it; its first
character must begin a word. Where the paper takes the shortest long form, this ranks every match the window
allows by how well it spells the short form (characters that begin words, fewer content words that give
nothing). `_every_word_spells` is the stricter test that news cue phrases demand: every content word gives a
letter, in order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.core.acronyms import _ROMAN
from desktop.core.definitions.conventions import (
    _ELISION, _GREEK_LOCANT, _LINK_WORDS, _SPACED_HYPHEN, _X_PREFIXES, _latin, _stem_starts, _word_aliases,
)


@dataclass(frozen=True)
class _Match:
    start: int
    end: int
    positions: tuple[int, ...]  # where each letter or digit of the short form matched
    initials: int  # how many of them begin a word


def _long_form_matches(short: str, text: str, start: int, end: int, anchored: bool = False) -> list[_Match]:
    """The long forms for `short` ending at `end` inside text[start:end], the most likely first.

    Schwartz & Hearst: every letter and digit of the short form is found in the window, in order; the first one
    begins a word; the long form starts at the beginning of the whitespace-delimited word that holds it. They take
    the shortest such long form. We rank the long forms each possible first word gives by how well they spell
    the short form: characters that begin words ("protein phosphatase 2A" over "phosphatase 2A" for PP2A), capitals
    matched by capitals ("Reb1 protein" for Reb1p), minus content words that give no character; the shortest when
    tied. A long form after "and"/"or" comes before one spanning the coordination ("Ah receptor and Ah nuclear
    translocator (Arnt)"). `anchored` demands that the long form begin at `start` ("SF (long form)").
    """
    characters = [ch for ch in short if ch.isalnum()]
    lowered_short = [_latin(ch) for ch in characters]
    if not characters or end <= start:
        return []
    length = end - start
    window = text[start:end]
    # The characters each window position can give: its own, lower-cased, and at the start of a word standing
    # for a character, that one too ("two" gives a 2, "Asp" a D; see _word_aliases).
    lowered = [_latin(ch) for ch in window]
    for k, extra in _word_aliases(window).items():
        lowered[k] += extra
    initial = [k == 0 or not window[k - 1].isalnum() for k in range(length)]
    # tables[i][k]: the best score for characters[i:] using window offsets >= k (-1: impossible), where a
    # character scores 1 if it begins a word and 1 more if it is a capital matched by the same capital.
    count = len(characters)
    tables: list[list[int]] = [[]] * (count + 1)
    following = [0] * (length + 1)
    tables[count] = following
    for i in range(count - 1, 0, -1):
        wanted, capital = lowered_short[i], characters[i] if characters[i].isupper() else ""
        current = [-1] * (length + 1)
        best = -1
        for k in range(length - 1, -1, -1):
            if wanted in lowered[k] and following[k + 1] >= 0:
                value = initial[k] + (window[k] == capital) + following[k + 1]
                if value > best:
                    best = value
            current[k] = best
        tables[i] = following = current

    def gain(i: int, k: int) -> int:
        return initial[k] + (characters[i].isupper() and window[k] == characters[i])

    first_table = tables[1] if count > 1 else tables[count]
    per_word: dict[int, tuple[int, int]] = {}  # whitespace word start -> (score, offset of the first character)
    # Words are whitespace-delimited; "non - negative" (a hyphen between spaces, as in tokenised text) is one.
    segmented = _SPACED_HYPHEN.sub("---", window) if " - " in window else window
    stems = _stem_starts(window)
    word_start = 0
    for k in range(length):
        if k == 0 or segmented[k - 1].isspace():
            word_start = k
            if anchored and k > 0:
                break
        if lowered_short[0] in lowered[k] and (initial[k] or k in stems) and first_table[k + 1] >= 0:
            score = gain(0, k) + first_table[k + 1]
            if word_start not in per_word or score > per_word[word_start][0]:
                per_word[word_start] = (score, k)
    ranked: list[tuple[int, int, _Match]] = []
    for word_start, (score, k) in per_word.items():
        positions = [k]
        for i in range(1, count):
            target = tables[i][positions[-1] + 1]
            after = tables[i + 1]
            for j in range(positions[-1] + 1, length):
                if lowered_short[i] in lowered[j] and after[j + 1] >= 0 and gain(i, j) + after[j + 1] == target:
                    positions.append(j)
                    break
        long_start = start + word_start
        prefix = text[long_start:start + k]
        if (sum(ch.isupper() for ch in prefix) >= 2 or (
            any(ch.isdigit() for ch in prefix) and any(ch.isupper() for ch in prefix)
        )) and not _GREEK_LOCANT.fullmatch(prefix):
            long_start = start + k  # "HKIII-green fluorescent protein (GFP)" is about the green one
        absolute = tuple(start + p for p in positions)
        match = _Match(long_start, end, absolute, sum(initial[p] for p in positions))
        score -= _uncovered_words(text, match) + _starts_with_lone_letter(text, long_start)
        ranked.append((score, long_start, match))
    ranked.sort(key=lambda item: (-item[0], -item[1]))
    matches = [match for *_, match in ranked]
    if matches:
        best = matches[0]
        coordinated = [
            m for m in matches
            if m.start > best.start and re.search(r"\b(?:and|or)\s+(?:the\s+|an?\s+)?$", text[best.start:m.start])
        ]
        matches = coordinated + [m for m in matches if m not in coordinated]
    return matches


def _starts_with_lone_letter(text: str, start: int) -> bool:
    """A lone small letter ends the name before it ("cytochrome c", "vitamin k") rather than beginning one: "c
    oxidase (COX)" is read as "cytochrome c oxidase" when that spells the short form as well."""
    return text[start:start + 1].islower() and text[start:start + 1] != "a" and text[start + 1:start + 2].isspace()


def _match_long_form(short: str, text: str, start: int, end: int, anchored: bool = False) -> _Match | None:
    matches = _long_form_matches(short, text, start, end, anchored)
    return matches[0] if matches else None


def _uncovered_words(text: str, match: _Match) -> int:
    """Content words of the long form that give the short form no character ("cortical" in "cortical ER");
    function words, numbers, Roman numerals and single letters are not counted, nor the head noun of a numbered
    name, which short forms leave out ("coat protein complex II (COPII)")."""
    count = 0
    matched = set(match.positions)
    words = list(re.finditer(r"[^\s\-/]+", text[match.start:match.end]))
    for index, word in enumerate(words):
        token = word.group().strip("(),.;:'\"[]")
        if len(token) < 2 or token.lower() in _LINK_WORDS or not token.isalpha() or _ROMAN.fullmatch(token):
            continue
        if not any(match.start + p in matched for p in range(word.start(), word.end())):
            last = words[-1].group()
            if not (index == len(words) - 2 and (last.isdigit() or last.isupper() and _ROMAN.fullmatch(last))):
                count += 1
    return count


def _every_word_spells(short: str, long: str) -> bool:
    """The stricter test for cue phrases: each content word of the long form gives the short form a letter,
    in order, beginning with its first letter ("National Counter Terrorism Authority" spells "Nacta")."""
    words = [w for w in re.split(r"[\s\-/]+", long) if w and any(ch.isalnum() for ch in w)]
    letters = [ch.lower() for ch in short if ch.isalnum()]
    return bool(words) and _spell(words, 0, letters, 0, {})


def _spell(words: list[str], w: int, letters: list[str], k: int, memo: dict) -> bool:
    """Can words[w:] spell letters[k:]? A content word starts with its letter and may give more letters from
    inside it, in order; a function word gives none, or its first letter ("of" in MoU)."""
    key = (w, k)
    if key in memo:
        return memo[key]
    if w == len(words):
        result = k == len(letters)
    elif k == len(letters):
        result = all(word.lower() in _LINK_WORDS for word in words[w:])
    else:
        word = "".join(ch for ch in _ELISION.sub("", words[w]).lower() if ch.isalnum())
        result = word in _LINK_WORDS and _spell(words, w + 1, letters, k, memo)
        if not result and (word[:1] == letters[k] or letters[k] == "x" and word.startswith(_X_PREFIXES)):
            position, taken = 1, k + 1
            result = _spell(words, w + 1, letters, taken, memo)
            while not result and taken < len(letters):
                found = word.find(letters[taken], position)
                if found < 0:
                    break
                position, taken = found + 1, taken + 1
                result = _spell(words, w + 1, letters, taken, memo)
    memo[key] = result
    return result
