"""The definitions a writer gives for short forms: "Long Form (LF)", "LF (Long Form)", "Long Form, or LF", ...

`find_definitions(text)` is a pure function, no spaCy and no Qt, linear in the length of the text.

The long form of a definition is found with the algorithm of Schwartz & Hearst (2003), "A simple algorithm for
identifying abbreviation definitions in biomedical text", written here from the paper's description: the short
form's letters and digits are found right to left, in order, in the words before it; its first character must
begin a word; the long form starts at the beginning of that word and has at most min(|SF| + 5, 2|SF|) words.
What we add, each measured with `precis eval acronyms` on Medstract and the BioText gold:

* the paper takes the shortest long form; we rank every long form the window allows by how well it spells the
  short form (characters that begin words, capitals matched by capitals, minus content words that give
  nothing), which finds "protein phosphatase 2A (PP2A)" and "mouse mammary tumor virus (MMTV)"; a long form
  after "and"/"or" beats one spanning the coordination ("Ah receptor and Ah nuclear translocator (Arnt)");
* the window never reaches into an unclosed bracket or past a bracketed aside ("(hREV1) and REV3 (hREV3)"), and
  brackets glued to a word ("TAF(II)") are part of a name;
* short forms: cue words in the brackets ("hereafter", "for", "i.e."), "(SF, 2015)", "(SF; ...)", subscripts
  ("PP1(C)"), families ("(uORF1 and uORF2)"), "SF family", the last part of "T3/GRIP1", plurals ("CDKs"), the
  yeast "p" and a trailing number ("Rap1p", "Top1" spelled by "topoisomerase I", "70-kD heat shock protein
  (Hsp70)"); not lists ("(IL-2, IL-4 and IL-6)"), enumerations ("(ii)"), ranges ("(D1-D5)"), quantities
  ("(15 kDa)"), Latin ("(i.e.)") or ordinary words ("(mice)");
* long forms: never a piece of clause ("protein is responsible"), never across a sentence end, never a name
  built on the short form ("Sir2p (Sir2)", "H-Ras (Ras)"), always with a real word ("Ntc90p" is a name), and at
  most three words for a two-character short form;
* when a text defines one short form twice, a long form that spells it far worse than the other is dropped;
* the news patterns (", or", "short for", "known as", dashes, commas) demand that every content word of the long
  form begin with the next letter of the short form; the initials pattern is stricter still (see
  `_initials_definitions`).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Iterator

from desktop.core.acronyms import (
    FUNCTION_WORDS,
    Definition,
    _POSSESSIVE,
    _ROMAN,
    _all_candidates,
    _roman_kind,
    _strip_plural,
    common_words,
)

__all__ = ["Definition", "find_definitions"]

# --------------------------------------------------------------------------------------------------------------
# Finding definitions

_MAX_SHORT_FORM_CHARS = 12
_CLOSE_OF = {"(": ")", "[": "]"}
_MAX_BRACKET_CHARS = 300
#: Words whose final dot does not end a sentence ("e.g. ", "Fig. 2", "et al. ").
_DOTTED_WORDS = frozenset("e.g eg i.e ie vs al fig figs ref refs no nos dr mr mrs ms st ca approx cf etc resp vol".split())
#: Words that begin a long form only by accident ("the cells (TC)"), unless capitalised as part of a name.
_NOT_LONG_FORM_START = frozenset("a an the and or of for to in on at by with from as is are was were".split())
#: Words of a clause, not of a name: a long form holding one ("protein is responsible") is a piece of sentence.
_CLAUSE_WORDS = frozenset(
    "is are was were be been being am which that who whom whose whereas while has have had can cannot could may "
    "might will would should must does did do not leaving including called named termed designated we our us it "
    "its they their these those there than then also very".split()
)
_LATIN = frozenset("ie eg cf etc vs viz al ca et".split())
_PREPOSITIONS = frozenset("from in of for with by at on to into within among between".split())
# Cue words inside brackets before a short form ("hereafter NAP") or before a long form ("for Pab1p-binding protein").
_SHORT_CUES = re.compile(
    r"(?:hereafter|hereinafter|henceforth|thereafter)(?:\s+(?:referred\s+to\s+as|called|the))?\s+|"
    r"(?:abbreviated|abbr\.|also\s+known\s+as|known\s+as|also\s+called|called|or|formerly|a\.k\.a\.|aka)"
    r"(?:\s+as)?[:,]?\s+",
    re.IGNORECASE,
)
_LONG_CUES = re.compile(
    r"(?:for|i\.\s?e\.,?|that\s+is,?|short\s+for|standing\s+for|which\s+stands\s+for|stands\s+for|"
    r"an?\s+(?:acronym|abbreviation)\s+(?:for|of)|(?:acronym|abbreviation)\s+(?:for|of)|also\s+known\s+as|"
    r"formerly(?:\s+known\s+as)?|known\s+as|or)\s+(?:the\s+|an?\s+)?|(?:the|an?)\s+",
    re.IGNORECASE,
)
_LOWER_ROMAN = re.compile(r"[ivx]+")
_RANGE = re.compile(r"([A-Za-z]\d*)[-–]([A-Za-z]\d*)")
_YEAST_PROTEIN = re.compile(r"(.*[A-Za-z]\d+)p")
_TRAILING_NUMBER = re.compile(r"(.*[A-Za-z]{2})[-]?\d+[A-Za-z]?")


def find_definitions(text: str) -> list[Definition]:
    """Every definition of a short form that `text` gives, in document order (by the first of its two halves)."""
    found: dict[tuple[int, int], Definition] = {}
    for definition in _bracket_definitions(text):
        found.setdefault((definition.short_start, definition.short_end), definition)
    for definition in _cue_definitions(text):
        found.setdefault((definition.short_start, definition.short_end), definition)
    defined = {d.short for d in found.values()}
    for definition in _initials_definitions(text, defined):
        found.setdefault((definition.short_start, definition.short_end), definition)
    definitions = _drop_weaker(text, list(found.values()))
    return sorted(definitions, key=lambda d: (min(d.short_start, d.long_start), d.short_start, d.long_start))


def _drop_weaker(text: str, definitions: list[Definition]) -> list[Definition]:
    """When a text defines one short form twice, differently, a long form that spells it much worse than the
    other is a coincidence: "cleavage and polyadenylation factor (CPF)" stands, "components of the yeast (CPF)"
    goes."""
    by_short: dict[str, list[Definition]] = {}
    for definition in definitions:
        by_short.setdefault(definition.short, []).append(definition)
    kept = []
    for group in by_short.values():
        if len({" ".join(d.long.lower().split()) for d in group}) == 1:
            kept.extend(group)
            continue
        scores = [_spelling_quality(text, d) for d in group]
        best = max(scores)
        kept.extend(d for d, score in zip(group, scores) if score >= best - 1)
    return kept


def _spelling_quality(text: str, definition: Definition) -> int:
    """How well a long form spells its short form: characters beginning words minus words giving none."""
    short = text[definition.short_start:definition.short_end]
    for variant in _short_form_variants(short):
        match = _match_long_form(variant, text, definition.long_start, definition.long_end, anchored=True)
        if match is not None:
            letters = [ch for ch in variant if ch.isalnum()]
            capitals = sum(ch.isupper() and text[p] == ch for ch, p in zip(letters, match.positions))
            return match.initials + capitals - _uncovered_words(text, match)
    return -len(definition.long.split())


def _make(text: str, short_span: tuple[int, int], long_span: tuple[int, int], pattern: str) -> Definition:
    return Definition(
        short=_strip_plural(text[short_span[0]:short_span[1]]), long=text[long_span[0]:long_span[1]],
        short_start=short_span[0], short_end=short_span[1], long_start=long_span[0], long_end=long_span[1],
        pattern=pattern,
    )


# ---- Short forms -----------------------------------------------------------------------------------------------

def _is_short_form_candidate(candidate: str) -> bool:
    """Schwartz & Hearst's test (at most two words, a letter, starting with a letter or digit; 2 to 12 characters
    where they allow 10, for "pol epsilon" and "8-bromo-cAMP"), minus what is plainly no abbreviation: "(ii)",
    "(i.e.)", "(D1-D5)", "(15 kDa)"."""
    if not 2 <= len(candidate) <= _MAX_SHORT_FORM_CHARS:
        return False
    words = candidate.split()
    if len(words) > 2 or not candidate[0].isalnum() or not any(ch.isalpha() for ch in candidate):
        return False
    if sum(ch.isalnum() for ch in candidate) < 2:
        return False
    if _LOWER_ROMAN.fullmatch(candidate) or candidate.replace(".", "") in _LATIN:
        return False
    if len(words) == 2 and any(ch.isdigit() for ch in words[0]) and not any(ch.isalpha() for ch in words[0]):
        return False
    ends = _RANGE.fullmatch(candidate)
    if ends and any(ch.isdigit() for ch in candidate) and _shape(ends.group(1)) == _shape(ends.group(2)):
        return False  # "D1-D5", "U6-U4": a range or a pair of names
    return True


def _shape(token: str) -> str:
    return "".join("A" if ch.isupper() else "a" if ch.isalpha() else "9" for ch in token)


def _looks_like_abbreviation(candidate: str) -> bool:
    """Capitals past the first letter, digits, inner punctuation, or short: rules out "(mice)", "(see below)"."""
    if any(ch.isupper() or ch.isdigit() for ch in candidate[1:]):
        return True
    if any(not ch.isalnum() and not ch.isspace() for ch in candidate):
        return len(candidate.split()) == 1
    if len(candidate.split()) == 2:
        return _looks_like_abbreviation(candidate.split()[0])
    if candidate.islower() and candidate in common_words():
        return False
    return len(candidate) <= 5 or candidate[0].isupper()


def _looks_like_acronym(short: str) -> bool:
    """A short form standing before its long form must look like one: two capitals, or a capital and a digit."""
    return sum(ch.isupper() for ch in short) >= 2 or (
        any(ch.isupper() for ch in short) and any(ch.isdigit() for ch in short)
    )


def _short_form_variants(short: str, stems: bool = True) -> list[str]:
    """What the long form may spell: the short form, then without a plural "s" ("CDKs"), a yeast protein's "p"
    ("Rap1p" -> "Rap1") or a trailing number ("Top1" -> "Top", "PhLOP1" -> "PhLOP")."""
    variants = [short, _strip_plural(short)]
    if not stems:
        return list(dict.fromkeys(variants))
    protein = _YEAST_PROTEIN.fullmatch(short)
    if protein:
        variants.append(protein.group(1))
        variants.append(re.sub(r"\d+p$", "p", short))  # "Mti1p" -> "Mtip": the p is for protein
    for variant in list(variants):
        numbered = _TRAILING_NUMBER.fullmatch(variant)
        if numbered:
            variants.append(numbered.group(1))
    return list(dict.fromkeys(variants))


# ---- Matching a long form (Schwartz & Hearst, choosing among their matches) -----------------------------------

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
    lowered_short = [ch.lower() for ch in characters]
    if not characters or end <= start:
        return []
    length = end - start
    window = text[start:end]
    lowered = [ch.lower() for ch in window]
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
            if lowered[k] == wanted and following[k + 1] >= 0:
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
    word_start = 0
    for k in range(length):
        if k == 0 or segmented[k - 1].isspace():
            word_start = k
            if anchored and k > 0:
                break
        if lowered[k] == lowered_short[0] and initial[k] and first_table[k + 1] >= 0:
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
                if lowered[j] == lowered_short[i] and after[j + 1] >= 0 and gain(i, j) + after[j + 1] == target:
                    positions.append(j)
                    break
        long_start = start + word_start
        prefix = text[long_start:start + k]
        if sum(ch.isupper() for ch in prefix) >= 2 or (
            any(ch.isdigit() for ch in prefix) and any(ch.isupper() for ch in prefix)
        ):
            long_start = start + k  # "HKIII-green fluorescent protein (GFP)" is about the green one
        absolute = tuple(start + p for p in positions)
        match = _Match(long_start, end, absolute, sum(initial[p] for p in positions))
        ranked.append((score - _uncovered_words(text, match), long_start, match))
    ranked.sort(key=lambda item: (-item[0], -item[1]))
    matches = [match for _, _, match in ranked]
    if matches:
        best = matches[0]
        coordinated = [
            m for m in matches
            if m.start > best.start and re.search(r"\b(?:and|or)\s+(?:the\s+|an?\s+)?$", text[best.start:m.start])
        ]
        matches = coordinated + [m for m in matches if m not in coordinated]
    return matches


_SPACED_HYPHEN = re.compile(r"(?<=\w) - (?=\w)")


def _match_long_form(short: str, text: str, start: int, end: int, anchored: bool = False) -> _Match | None:
    matches = _long_form_matches(short, text, start, end, anchored)
    return matches[0] if matches else None


def _uncovered_words(text: str, match: _Match) -> int:
    """Content words of the long form that give the short form no character ("cortical" in "cortical ER");
    function words, numbers, Roman numerals and single letters are not counted."""
    count = 0
    matched = set(match.positions)
    for word in re.finditer(r"[^\s\-/]+", text[match.start:match.end]):
        token = word.group().strip("(),.;:'\"[]")
        if len(token) < 2 or token.lower() in FUNCTION_WORDS or not token.isalpha() or _ROMAN.fullmatch(token):
            continue
        if not any(match.start + p in matched for p in range(word.start(), word.end())):
            count += 1
    return count


def _sentence_start(text: str, end: int, limit: int = 400) -> int:
    """Where the sentence holding position `end` begins, looking left at most `limit` characters."""
    floor = max(0, end - limit)
    index = end - 1
    while index >= floor:
        ch = text[index]
        if ch == "\n" or ch == ";":
            return index + 1
        if ch in ".!?:" and index + 1 < end and text[index + 1].isspace():
            if ch == ":":
                return index + 1
            after = index + 1
            while after < end and text[after].isspace():
                after += 1
            if after < end and (text[after].isupper() or text[after].isdigit() or text[after] in "\"“‘'([") and not (
                _dotted_word(text, index)
            ):
                return after
        if ch in "—–" and text[index - 1:index] == " " and text[index + 1:index + 2] == " ":
            return index + 1
        index -= 1
    return floor


def _dotted_word(text: str, dot: int) -> bool:
    """Does the dot at `dot` end an abbreviation ("e.g.", "Fig.", "S. cerevisiae") rather than a sentence?"""
    start = dot
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    word = text[start:dot].lower()
    return len(word) == 1 or word in _DOTTED_WORDS


def _long_form_window(text: str, end: int, max_words: int) -> int:
    """Where the long form before `end` may begin: at most `max_words` words back, in the same sentence, never
    inside an unclosed bracket and never before a bracketed aside ("(hREV1) and REV3 (hREV3)")."""
    floor = _sentence_start(text, end)
    index, words, in_word, depth, group_end = end, 0, False, 0, end
    while index > floor:
        ch = text[index - 1]
        if ch in ")]":
            if depth == 0:
                group_end = index
            depth += 1
        elif ch in "([":
            if depth == 0:
                return index
            depth -= 1
            if depth == 0:
                before = text[index - 2:index - 1]
                after = text[group_end:group_end + 1]
                if (before == "" or before.isspace()) and (after == "" or after.isspace() or after in ",;:."):
                    return group_end
        if ch.isspace():
            if in_word:
                words += 1
                if words == max_words:
                    return index
            in_word = False
        elif ch.isalnum():
            in_word = True  # a lone "-" or "," of tokenised text is no word
        index -= 1
    return floor


def _balanced(long: str) -> bool:
    depth = 0
    for ch in long:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def _contains_short_form(long: str, short: str) -> bool:
    """Is the long form a name built on the short form rather than its definition: a word (or part of a
    hyphenated word) that is the short form ("H-Ras" for Ras), or that begins with it when the short form has a
    digit ("Sir2p" for Sir2) or is in capitals ("TAFdep" for TAF), or when a capital, digit or sign follows
    ("HisRS-tRNA" for His). "ubiquitin (Ub)" and "Groucho (Gro)" are definitions."""
    shorts = {short, _strip_plural(short)}
    shorts |= {part for s in list(shorts) for part in re.split(r"[/+]", s) if len(part) >= 2}
    for word in re.split(r"[\s\-/]+", long):
        for candidate in shorts:
            if not word.lower().startswith(candidate.lower()):
                continue
            rest = word[len(candidate):]
            if not rest or any(ch.isdigit() for ch in candidate) or not rest[0].islower():
                return True
            if sum(ch.isupper() for ch in candidate) >= 2 and word.startswith(candidate):
                return True
    return False


_NUMBER_WORDS = {
    1: ("one", "first", "single"), 2: ("two", "second", "double"), 3: ("three", "third", "triple"),
    4: ("four", "fourth"), 5: ("five", "fifth"), 6: ("six", "sixth"), 7: ("seven", "seventh"),
    8: ("eight", "eighth"), 9: ("nine", "ninth"), 10: ("ten", "tenth"),
}


def _number_of(short: str) -> int | None:
    numbers = re.findall(r"\d+", short)
    return int(numbers[-1]) if numbers else None


def _numbers_in(long: str) -> set[int]:
    """The numbers a long form writes in digits or Roman numerals ("topoisomerase III" -> {3})."""
    found = {int(n) for n in re.findall(r"\d+", long)}
    for word in re.findall(r"[^\W\d_]+", long):
        if word in ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"):
            found.add(("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X").index(word) + 1)
    return found


def _number_before(text: str, start: int, number: int | None) -> int:
    """A short form's number written just before its long form belongs to it: "70-kD heat shock protein
    (Hsp70)", "type 1 protein phosphatase (PP1)", "first nucleotide binding domain (NBD1)"."""
    if number is None:
        return start
    previous = re.search(r"(\S+)\s+$", text[max(0, start - 40):start])
    if not previous:
        return start
    word = previous.group(1)
    word_start = start - len(previous.group(0))
    if str(number) in re.findall(r"\d+", word) or word.lower() in _NUMBER_WORDS.get(number, ()):
        before = re.search(r"(\S+)\s+$", text[max(0, word_start - 20):word_start])
        if word.isdigit() and before and before.group(1).lower() in ("type", "class", "group", "subtype"):
            return word_start - len(before.group(0))
        return word_start
    return start


def _has_plain_word(long: str) -> bool:
    """A long form has a word of three letters or more, not in capitals and not a function word: "Ntc90p",
    "RVS167, LAS17" and "Galpha-GTP" are names, not long forms."""
    for word in re.split(r"[\s\-/,;:()\[\]'\"]+", long):
        if len(word) >= 3 and word.isalpha() and not word.isupper() and word.lower() not in FUNCTION_WORDS:
            return True
    return False


def _inside_function_word(text: str, position: int) -> bool:
    start = position
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    end = position
    while end < len(text) and text[end].isalpha():
        end += 1
    return start < position and text[start:end].lower() in FUNCTION_WORDS


def _max_words(short: str) -> int:
    """Schwartz & Hearst's bound, min(|SF| + 5, 2|SF|) words, and three for a two-character short form (four
    words spelling two letters are a coincidence more often than a definition)."""
    return 3 if sum(ch.isalnum() for ch in short) <= 2 else min(len(short) + 5, 2 * len(short))


def _trim_long(text: str, start: int, end: int) -> tuple[int, int]:
    """Without surrounding spaces, quotes and commas, nor a final possessive ("the Fund's (IMF)")."""
    while start < end and (text[start].isspace() or text[start] in "\"“‘',;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:\"”’'"):
        end -= 1
    if end - start > 3 and text[end - 1] in "sS" and text[end - 2] in "'’" and text[end - 3].isalpha():
        end -= 2
    return start, end


def _accept_long_form(text: str, short: str, variant: str, match: _Match, strict: bool) -> tuple[int, int] | None:
    """The paper's checks, and ours, on a matched long form; its span, or None."""
    start, end = _trim_long(text, match.start, match.end)
    opening = text.find("(", start, match.positions[0])
    if opening >= 0 and text[opening + 1:match.positions[0] + 1].isalpha() and text[end - 1:end] == ")":
        start, end = opening + 1, end - 1  # "p40(phox) (PX)": the long form is inside the brackets
    locants = re.search(r"(?:\d+['’]?,\s)+$", text[max(0, start - 20):start])
    if locants and re.match(r"\d+['’]?-", text[start:end]):
        start -= len(locants.group())  # "1, 3-propanediol (Pr)": the locants belong to the name
    # Words after the last one spelling the short form, introduced by a preposition, are not part of it
    # ("phosphoglycerate kinase from yeast (PGK)").
    last = max(match.positions)
    tail = text[last:end]
    cut = re.search(r"\s+(\S+)", tail)
    if cut and cut.group(1).lower() in _PREPOSITIONS:
        end = last + cut.start()
    if start >= end:
        return None
    long = text[start:end]
    words = [word for word in long.split() if any(ch.isalnum() for ch in word)]
    if not words or len(long) <= len(variant) or len(words) > _max_words(short) or not _balanced(long):
        return None
    if words[0].lower() in _NOT_LONG_FORM_START and len(words) > 1 and not _in_capitals(words[0]) and not (
        words[0][0].isupper() and match.initials == len(match.positions)
    ):
        return None  # "the cells (TC)"; but "The Scripps Research Institute (TSRI)"
    if not any(ch.islower() for ch in long) and len(words) < 2:
        return None
    if _contains_short_form(long, short) or not _has_plain_word(long):
        return None
    if any(word in _CLAUSE_WORDS for word in re.findall(r"[a-z]+", long)) or "@" in long:
        return None
    if re.search(r"[.!?]\s+[A-Z]", long):
        return None  # across a sentence end
    if variant not in (short, _strip_plural(short)):
        # A short form without its number ("Top1p" read as "Top") must be spelled by nearly every word, its
        # stem must not be a word of the long form ("FHA domain" does not define FHA1), and any number in the
        # long form must be its number ("cytochrome P450" does not define CYP51; "topoisomerase I" does Top1p).
        gene = variant == short[:-1] and short.endswith("p") and len(words) > 1  # "HAL2 gene (Hal2p)"
        if _uncovered_words(text, match) > 1 or (_contains_short_form(long, variant) and not gene):
            return None
        if any(_inside_function_word(text, position) for position in match.positions):
            return None  # "subunits of the complex (Sec5)": the e of "the" is no evidence
        number = _number_of(short)
        numbers = _numbers_in(long)
        if numbers and numbers != {number}:
            return None
        if not numbers and not strict:
            start = _number_before(text, start, number)
            long = text[start:end]
    if variant.isalpha() and variant.islower() and len(variant) >= 4 and match.initials < 2:
        return None  # "iron (interactions)": a lower-case word needs at least two words to spell it
    if strict and not _every_word_spells(variant, long):
        return None
    return start, end


def _long_form_before(text: str, short: str, end: int, strict: bool = False) -> tuple[int, int] | None:
    """The long form ending at `end` for `short` (or one of its variants), or None."""
    while end > 0 and text[end - 1] in ",\"”’' \t":
        end -= 1
    window = _long_form_window(text, end, _max_words(short))
    for variant in _short_form_variants(short, stems=not strict):
        for match in _long_form_matches(variant, text, window, end):
            span = _accept_long_form(text, short, variant, match, strict)
            if span is not None:
                return span
    return None


# ---- Brackets: "long form (SF)" and "SF (long form)" -------------------------------------------------------------

def _bracket_pairs(text: str) -> dict[int, int]:
    """Each opening bracket's closing bracket (nested allowed, never across a line, at most _MAX_BRACKET_CHARS
    apart), found in one pass."""
    pairs: dict[int, int] = {}
    stack: list[int] = []
    for match in _BRACKET_OR_LINE.finditer(text):
        ch, index = match.group(), match.start()
        if ch == "\n":
            stack.clear()
        elif ch in "([":
            stack.append(index)
        elif stack:
            opening = stack.pop()
            if _CLOSE_OF[text[opening]] == ch and index - opening <= _MAX_BRACKET_CHARS:
                pairs[opening] = index
    return pairs


_BRACKET_OR_LINE = re.compile(r"[()\[\]\n]")


def _bracket_definitions(text: str) -> Iterator[Definition]:
    for open_index, close_index in sorted(_bracket_pairs(text).items()):
        if open_index > 0 and text[open_index - 1].isalnum():
            continue  # part of a name: "TAF(II)", "Su(fu)", "p40(phox)"
        definition = _long_then_short(text, open_index, close_index) or _short_then_long(
            text, open_index, close_index
        )
        if definition is not None:
            yield definition


def _inner_short_forms(text: str, open_index: int, close_index: int) -> list[tuple[int, int]]:
    """Candidate short forms inside brackets: "(NAP)", "(NAP, 2015)", "(NAP; see below)", "(hereafter NAP)",
    "(UAS(GAL1/10))" -> "UAS(GAL1/10)" then "UAS", "(SnRK1 family)" -> "SnRK1 family" then "SnRK1",
    "(uORF1 and uORF2)" -> "uORF1". A list ("(IL-2, IL-4 and IL-6)") gives none."""
    start, end = open_index + 1, close_index
    cue = _SHORT_CUES.match(text, start, end)
    if cue:
        start = cue.end()
    inner = text[start:end]
    items = re.split(r"[,;]\s|\s[=–—]\s|\s-\s", inner)
    if len(items) >= 3 or (len(items) == 2 and _is_listed_short_form(items[1])):
        return []
    family = re.fullmatch(r"(\S+)\s+(?:and|or|to)\s+(\S+)", items[0].strip())
    if family and os.path.commonprefix([family.group(1), family.group(2)])[:2] == family.group(1)[:2] and len(
        os.path.commonprefix([family.group(1), family.group(2)])
    ) >= 2:
        items = [family.group(1)]  # members of one family share the long form: "(PhLOP1 and PhLOP2)"
    end = start + len(items[0]) if not family else start + inner.index(items[0]) + len(items[0])
    start, end = _trim_long(text, start, end)
    spans = [(start, end)]
    candidate = text[start:end]
    if candidate.endswith(")") and "(" in candidate:
        spans.append((start, start + candidate.index("(")))
    words = candidate.split()
    if len(words) == 2 and words[1].isalpha() and words[1].islower():
        spans.append((start, start + len(words[0])))
    return [span for span in spans if _is_short_form_candidate(text[span[0]:span[1]])]


def _is_listed_short_form(item: str) -> bool:
    """"IL-4 and IL-6" after "IL-2, ": the brackets list short forms, they define none."""
    pieces = [piece for piece in re.split(r"\s+(?:and|or)\s+|^(?:and|or)\s+", item.strip()) if piece]
    return bool(pieces) and all(len(piece.split()) == 1 and _looks_like_acronym(piece) for piece in pieces)


def _long_then_short(text: str, open_index: int, close_index: int) -> Definition | None:
    """"long form (SF)": the short form is in the brackets, the long form just before them."""
    spans = _inner_short_forms(text, open_index, close_index)
    for short_span in spans:
        short = text[short_span[0]:short_span[1]]
        if not _looks_like_abbreviation(short):
            continue
        long_span = _long_form_before(text, short, open_index)
        if long_span is not None:
            reported = short_span
            if short_span != spans[0] and re.fullmatch(r"\(\S{1,2}\)", text[short_span[1]:spans[0][1]]):
                reported = spans[0]  # "PP1(C)": a bracketed subscript is part of the name
            return _make(text, reported, long_span, "long (short)")
    return None


def _short_then_long(text: str, open_index: int, close_index: int) -> Definition | None:
    """"SF (long form)": the short form is the word before the brackets, the long form fills them."""
    short_end = open_index
    while short_end > 0 and text[short_end - 1] in " \t\u00a0":
        short_end -= 1
    short_start, floor = short_end, max(0, short_end - 4 * _MAX_SHORT_FORM_CHARS)
    while short_start > floor and not text[short_start - 1].isspace():
        short_start -= 1
    if short_start == floor and floor > 0 and not text[floor - 1].isspace():
        return None  # a word far longer than any short form
    while short_start < short_end and not text[short_start].isalnum():
        short_start += 1
    while short_end > short_start and not text[short_end - 1].isalnum() and text[short_end - 1] != ")":
        short_end -= 1
    long_start = open_index + 1
    while True:  # "(for ...)", "(i.e. the ...)"
        cue = _LONG_CUES.match(text, long_start, close_index)
        if not cue or cue.end() == long_start:
            break
        long_start = cue.end()
    long_end = close_index
    cut = re.compile(r";\s|,\s(?:e\.g\.|i\.e\.|see|ref|reviewed)|\s[=–—]\s").search(text, long_start, close_index)
    if cut:
        long_end = cut.start()
    long_start, long_end = _trim_long(text, long_start, long_end)
    if long_start >= long_end:
        return None
    # The whole word ("C/EBP"), then its last part: "T3/GRIP1" -> "GRIP1", "alpha/beta-SNAP" -> "SNAP".
    parts = [short_start + m.end() for m in re.finditer(r"[/-]", text[short_start:short_end])]
    starts = [short_start] + parts[-1:]
    for start in starts:
        span = _long_form_inside(text, start, short_end, long_start, long_end)
        if span is not None:
            return _make(text, (start, short_end), span, "short (long)")
    return None


def _long_form_inside(text: str, short_start: int, short_end: int, long_start: int, long_end: int):
    """The long form filling text[long_start:long_end] for the short form before it, or None."""
    short = text[short_start:short_end]
    if not _is_short_form_candidate(short) or not _looks_like_abbreviation(short):
        return None
    if short.isalpha() and short[1:].islower() and (len(short) > 6 or short.lower() in common_words()):
        return None  # "Systems (...)": a word, not a short form
    for variant in _short_form_variants(short):
        match = _match_long_form(variant, text, long_start, long_end, anchored=True)
        if match is None or match.start != long_start:
            continue
        uncovered = _uncovered_words(text, match)
        strong = match.initials == len(match.positions) or (
            len(text[long_start:long_end].split()) >= 2 and (match.initials >= 3 and uncovered <= 1 or (
                match.initials >= 2 and not uncovered
            ))
        )
        if not (_looks_like_acronym(short) or strong):
            continue
        if variant not in (short, _strip_plural(short)) and len(text[long_start:long_end].split()) < 2:
            continue
        span = _accept_long_form(text, short, variant, match, strict=False)
        if span is not None and span == (long_start, long_end):
            return span
    return None


# ---- Cue phrases: "LF, or SF", "SF, short for LF", "LF, known as SF", "LF — SF —", "LF, SF," -------------------

_ACRONYM_WORD = r"[^\W_][\w&./\-]*[^\W_.]"
_CUE_LONG_SHORT = re.compile(
    r"(?P<sep>,?\s+or\s+(?:simply\s+)?|,?\s+(?:also\s+|commonly\s+|popularly\s+|better\s+|widely\s+|now\s+)?"
    r"(?:known|referred\s+to)\s+as\s+(?:the\s+)?|,?\s+(?:also\s+|commonly\s+)?called\s+(?:the\s+)?|\s+[—–]\s+|,\s+)"
    r"(?P<short>" + _ACRONYM_WORD + r")(?P<after>\s*[—–,;:.)]|\s+[a-z]|\s*$)"
)
_CUE_SHORT_LONG = re.compile(
    r"(?<![\w.])(?P<short>" + _ACRONYM_WORD + r")(?:['’]s)?,?\s+(?:which\s+|that\s+)?"
    r"(?:is\s+)?(?:short\s+for|stands\s+for|standing\s+for|an\s+acronym\s+for|an\s+abbreviation\s+(?:for|of)|"
    r"acronym\s+for|abbreviation\s+for)\s+(?:the\s+)?"
)


def _cue_definitions(text: str) -> Iterator[Definition]:
    for match in _CUE_LONG_SHORT.finditer(text):
        short_start, short_end = match.span("short")
        short = text[short_start:short_end]
        separator = match.group("sep").strip()
        dash = separator in ("—", "–")
        apposition = separator == ","
        if dash and not re.match(r"\s*[—–]", match.group("after")):
            continue
        if apposition and not (re.match(r"\s*[,)]", match.group("after")) and _looks_like_acronym(short)):
            continue
        if not _cue_short_ok(short):
            continue
        long_span = _long_form_before(text, short, match.start(), strict=True)
        if long_span is None:
            continue
        if dash:
            pattern = "long — short —"
        elif apposition:
            pattern = "long, short,"
        elif "known" in separator or "called" in separator or "referred" in separator:
            pattern = "known as"
        else:
            pattern = "long, or short"
        yield _make(text, (short_start, short_end), long_span, pattern)
    for match in _CUE_SHORT_LONG.finditer(text):
        short_start, short_end = match.span("short")
        short = text[short_start:short_end]
        if not _cue_short_ok(short):
            continue
        long_span = _long_form_after(text, short, match.end())
        if long_span is not None:
            yield _make(text, (short_start, short_end), long_span, "short, short for long")


def _cue_short_ok(short: str) -> bool:
    return _is_short_form_candidate(short) and len(short.split()) == 1 and (
        _looks_like_acronym(short) or (short[:1].isupper() and short[1:].islower() and len(short) >= 3)
    ) and short.lower() not in common_words()


def _long_form_after(text: str, short: str, start: int) -> tuple[int, int] | None:
    """"SF, short for Long Form": the shortest run of words after the cue that spells the short form."""
    limit = min(len(text), start + 300)
    stop = re.compile(r"[.,;:!?()\[\]\n—–]").search(text, start, limit)
    limit = stop.start() if stop else limit
    for word in list(re.finditer(r"\S+", text[start:limit]))[: _max_words(short)]:
        end = start + word.end()
        for variant in _short_form_variants(short, stems=False):
            match = _match_long_form(variant, text, start, end, anchored=True)
            if match is not None and match.start == start:
                span = _accept_long_form(text, short, variant, match, strict=True)
                if span is not None and span[1] == end:
                    return span
    return None


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
        result = all(word.lower() in FUNCTION_WORDS for word in words[w:])
    else:
        word = "".join(ch for ch in words[w].lower() if ch.isalnum())
        result = word in FUNCTION_WORDS and _spell(words, w + 1, letters, k, memo)
        if not result and word[:1] == letters[k]:
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


# ---- Initials: "the National Action Plan ... NAP 2.0" --------------------------------------------------------

_CAPITAL_WORD = r"[A-Z][\w'’]*(?:-[\w'’]+)*"
_CAPITAL_RUN = re.compile(_CAPITAL_WORD + r"(?:[ \t]+(?:(?:of|and|the|for|on|in|&)[ \t]+)*" + _CAPITAL_WORD + r")+")
_INITIALS_SKIP = frozenset({"of", "and", "the", "for", "on", "in", "&"})


def _initials_definitions(text: str, defined: set[str]) -> Iterator[Definition]:
    """A capitalised name whose initials spell an acronym the text uses later, when nothing else defines it.

    Strict, for precision: the long form is a whole run of capitalised words, or the part of one after "of",
    "and", "the"... ("Officials of the National Accountability Bureau"), never any other part; its words
    are words (letters, two or more) and only of/and/the/for/on/in may be lower-case, giving no letter (or their
    small letter, for "MoU"); a hyphenated word gives its first letter or its capitalised parts' ("Tehreek-e-
    Taliban" gives T or TT). The acronym has three letters or more and no digit (two-letter coincidences are too
    common: "Ovi Suite" and "OS"), is not used before the name, and sits in running prose (not an address).
    """
    names: dict[str, tuple[int, int]] = {}
    openers = common_words() | _INITIALS_SKIP
    for run in _CAPITAL_RUN.finditer(text):
        tokens = [(run.start() + m.start(), run.start() + m.end()) for m in re.finditer(r"\S+", run.group())]
        first = 0
        while first < len(tokens) - 1 and text[tokens[first][0]:tokens[first][1]].lower() in openers:
            first += 1
        # The whole run, without opening words ("The"), or what follows one of its connectors: "Officials of the
        # National Accountability Bureau" holds "National Accountability Bureau".
        after_connectors = [
            i + 1 for i in range(first, len(tokens) - 1)
            if text[tokens[i][0]:tokens[i][1]].lower() in _INITIALS_SKIP
            and text[tokens[i + 1][0]:tokens[i + 1][1]].lower() not in _INITIALS_SKIP
        ]
        for begin in dict.fromkeys([0, first, *after_connectors]):
            words = [text[s:e] for s, e in tokens[begin:]]
            if len(words) < 2 or words[0].lower() in _INITIALS_SKIP:
                continue
            if not all(_is_name_word(word) for word in words if word.lower() not in _INITIALS_SKIP):
                continue
            start, end = tokens[begin][0], tokens[-1][1]
            if _POSSESSIVE.search(words[-1]):
                end -= 2
            for initials in _initials_options(words):
                if len(initials) >= 3:
                    names.setdefault(initials, (start, end))
    if not names:
        return
    first_use: dict[str, int] = {}
    common = common_words()
    mentions = [  # acronyms in capitals, by the shape rules alone (the context rules are find_acronyms's job)
        candidate for candidate in _all_candidates(text, titles=False)
        if candidate.kind != "title" and candidate.form.lower() not in common and not _roman_kind(candidate.form)
    ]
    for mention in mentions:
        first_use.setdefault(mention.form, mention.start)
    seen: set[str] = set()
    for mention in mentions:
        form = mention.form
        if form in seen or form in defined or not form.replace("-", "").replace("&", "").isalpha():
            continue
        letters = "".join(ch for ch in form if ch.isalpha())
        for key in dict.fromkeys((letters, letters.upper())):
            span = names.get(key)
            if span is None or first_use[form] < span[1] or not _in_prose(text, mention.start):
                continue
            if any(word.strip(".,").lower() == form.lower() for word in text[span[0]:span[1]].split()):
                continue
            seen.add(form)
            yield _make(text, (mention.start, mention.end), span, "initials")
            break


def _is_name_word(word: str) -> bool:
    word = _POSSESSIVE.sub("", word)
    letters = word.replace("-", "").replace("'", "").replace("’", "")
    return len(letters) >= 2 and letters.isalpha()


def _in_prose(text: str, position: int) -> bool:
    """Is `position` in a sentence of running prose, with at least three lower-case words?"""
    start = _sentence_start(text, position, limit=300)
    stop = re.compile(r"[.!?;\n]\s").search(text, position, min(len(text), position + 300))
    end = stop.start() if stop else min(len(text), position + 300)
    lower = [w for w in re.findall(r"[^\W\d_]+", text[start:end]) if w.islower() and w not in FUNCTION_WORDS]
    return len(lower) >= 3


def _initials_options(words: list[str], limit: int = 16) -> set[str]:
    """The strings a run of capitalised words can abbreviate to: "National Action Plan" -> {"NAP"};
    "Memorandum of Understanding" -> {"MU", "MoU"}; "Tehreek-e-Taliban Pakistan" -> {"TP", "TTP"}."""
    options = {""}
    for word in words:
        lower = word.lower()
        if lower in _INITIALS_SKIP:
            if lower != "&":
                options |= {option + lower[0] for option in options}
        else:
            parts = [part for part in word.split("-") if part]
            capitals = "".join(part[0] for part in parts if part[0].isupper())
            choices = {word[0].upper(), capitals} if len(capitals) > 1 else {word[0].upper()}
            options = {option + choice for option in options for choice in choices}
        if len(options) > limit:
            return set()
    return options
