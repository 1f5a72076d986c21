"""Long forms: where one may lie beside its short form, and whether a letter match really is one.

A match of letters is not yet a definition: it must not be a piece of a clause ("protein is responsible"),
cross a sentence end or an unclosed bracket, be a name built on the short form ("Sir2p (Sir2)"), or lack a real
word. These rules, and the windows before and after a short form, are shared by every finder, so they live
here rather than in any one of them.
"""

from __future__ import annotations

import re

from desktop.core.acronyms import FUNCTION_WORDS, _strip_plural, common_words
from desktop.core.definitions._text import _MAX_BRACKET_CHARS, _sentence_start
from desktop.core.definitions.conventions import _LINK_WORDS, _X_PREFIXES, _number_before, _number_of, _numbers_in
from desktop.core.definitions.matching import (
    _Match, _every_word_spells, _long_form_matches, _match_long_form, _uncovered_words,
)
from desktop.core.definitions.short_forms import _compact, _repeated_letters, _short_form_variants

#: Words that begin a long form only by accident ("the cells (TC)"), unless capitalised as part of a name.
_NOT_LONG_FORM_START = frozenset("a an the and or of for to in on at by with from as is are was were".split())
#: Words of a clause, not of a name: a long form holding one ("protein is responsible") is a piece of sentence.
_CLAUSE_WORDS = frozenset(
    "is are was were be been being am which that who whom whose whereas while has have had can cannot could may "
    "might will would should must does did do not leaving including called named termed designated we our us it "
    "its they their these those there than then also very".split()
)

_PREPOSITIONS = frozenset("from in of for with by at on to into within among between".split())


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


def _in_capitals(word: str) -> bool:
    """"WAS" in "WAS protein (WASP)" is a name in capitals, not the verb "was"."""
    return len(word) > 1 and word.isupper()


def _has_plain_word(long: str) -> bool:
    """A long form has a word of three letters or more, not in capitals (nor a plural of capitals) and not a
    function word: "Ntc90p", "RVS167, LAS17", "Galpha-GTP" and "CNNs, RNNs" are names, not long forms. A name
    written all in capitals, as plant genes
    are ("SHOOT MERISTEMLESS"), has two words of five letters or more, with vowels."""
    words = re.split(r"[\s\-–/,;:()\[\]'\"]+", long)
    for word in words:
        if len(word) >= 3 and word.isalpha() and not (word.isupper() or word[:-1].isupper() and word[-1] == "s") and (
            word.lower() not in FUNCTION_WORDS
        ):
            return True
    if not any(ch.islower() for ch in long):
        spelled = [w for w in words if len(w.rstrip("0123456789")) >= 5 and re.search("[AEIOUY]", w)]
        return len(spelled) >= 2 and all(w.rstrip("0123456789").isalpha() for w in spelled)
    return False


def _clipped(short: str, long: str) -> bool:
    """Is the short form the start of the long form's one word, clipped ("topoisomerase (topo)")?"""
    return " " not in long and long.lower().startswith(short.lower()) and len(long) >= len(short) + 3


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
    short = _compact(short)
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
    ) and not _one_letter_per_word(text, match, start, end):
        return None  # "the cells (TC)"; but "The Scripps Research Institute (TSRI)", "a priori estimate (APE)"
    if not any(ch.islower() for ch in long) and len(re.split(r"[\s-]+", long.strip())) < 2:
        return None
    if _contains_short_form(long, short) or not _has_plain_word(long):
        return None
    if _has_clause_word(text, match, start, end) or "@" in long:
        return None
    if re.search(r"[.!?]\s+[A-Z]", long):
        return None  # across a sentence end
    compact = _compact(short)
    if variant == _repeated_letters(compact):
        if match.initials != len(match.positions):
            return None  # "W3C" is three words beginning with W, and a C
    elif variant not in (compact, _strip_plural(compact)):
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
    if variant.isalpha() and variant.islower() and len(variant) >= 4 and match.initials < 2 and not _clipped(
        variant, long
    ):
        return None  # "iron (interactions)": a lower-case word needs at least two words to spell it
    if _scattered_name(variant, match) and not _clipped(variant, long):
        return None  # "... told the New York Times (Barrientos)": a name, not a short form
    if strict and not _every_word_spells(variant, long):
        return None
    if not strict:
        start = _initial_out_of_order(text, variant, match, start)
    return start, end


#: Participles that name things as well as verbs do: "named entity recognition (NER)", "called party (CP)".
_NAMING_PARTICIPLES = frozenset("named called termed designated".split())


def _has_clause_word(text: str, match: _Match, start: int, end: int) -> bool:
    """Does the long form hold a word of a clause ("protein is responsible")? A naming participle is not one
    when it begins a word giving the short form a letter: "named entity recognition (NER)"."""
    initials = {p for p in match.positions if p == 0 or not text[p - 1].isalnum()}
    for word in re.finditer(r"[a-z]+", text[start:end]):
        if word.group() not in _CLAUSE_WORDS:
            continue
        if word.group() in _NAMING_PARTICIPLES and start + word.start() in initials:
            continue
        return True
    return False


def _one_letter_per_word(text: str, match: _Match, start: int, end: int) -> bool:
    """Does every word of the long form, three at least, give the short form exactly its first letter? Then an
    opening "the" or "a" is part of the name: "the Cancer Genome Atlas (TCGA)", "a posteriori probability
    (APP)". Two words ("the cells (TC)") are too often a coincidence."""
    words = [w for w in re.finditer(r"[^\s\-/]+", text[start:end])]
    if len(words) < 3 or len(words) != len(match.positions):
        return False
    return all(start + w.start() == p for w, p in zip(words, match.positions))


def _scattered_name(short: str, match: _Match) -> bool:
    """A capitalised word of five letters or more ("Barrientos") is a short form ("Nacta", "Anzac", "Unicef")
    only when most of its letters begin words of the long form; else the brackets hold a name."""
    return len(short) >= 5 and short.isalpha() and short[0].isupper() and short[1:].islower() and (
        2 * match.initials < len(short)
    ) and not _GREEK_NAME.search(short)  # "Gbetagamma" spells its Greek letters inside words


_GREEK_NAME = re.compile(r"alpha|beta|gamma|delta|epsilon|kappa|zeta|theta|lambda|sigma|omega")


def _initial_out_of_order(text: str, short: str, match: _Match, start: int) -> int:
    """Names of institutions may take a capital out of order ("Swiss Institute for Experimental Cancer Research
    (ISREC)"): when a name in capitals follows a capitalised word that begins with a capital of the short form the
    name only finds as a small letter inside a word, that word belongs to the name."""
    previous = re.search(r"(?<!\S)([A-Z][a-z]{2,})[ \t]+$", text[max(0, start - 40):start])
    if not previous or not text[start:start + 1].isupper() or previous.group(1).lower() in common_words():
        return start
    letters = [ch for ch in short if ch.isalnum()]
    inside = {ch for ch, p in zip(letters, match.positions) if ch.isupper() and text[p].islower() and p > start
              and text[p - 1].isalnum()}
    return start - len(previous.group()) if previous.group(1)[0] in inside else start


def _long_form_before(text: str, short: str, end: int, strict: bool = False) -> tuple[int, int] | None:
    """The long form ending at `end` for `short` (or one of its variants), or None."""
    while end > 0 and text[end - 1] in " \t":
        end -= 1
    quoted = _quoted_phrase(text, end)
    while end > 0 and text[end - 1] in ",\"”’' \t":
        end -= 1
    window = _long_form_window(text, end, _max_words(short))
    for variant in _short_form_variants(short, stems=not strict):
        if quoted and not strict:  # "named 'regulator of the ATPase of vacuolar membranes' (RAVE)"
            match = _match_long_form(variant, text, quoted, end, anchored=True)
            if match is not None and match.start == quoted and match.initials == len(match.positions):
                return _trim_long(text, quoted, end)
        for match in _long_form_matches(variant, text, window, end):
            span = _accept_long_form(text, short, variant, match, strict)
            if span is not None:
                return span
    return None


def _quoted_phrase(text: str, end: int) -> int | None:
    """Where the quoted phrase ending at `end` begins ("named 'quoted phrase'"), if one does, within a sentence.
    Quotation marks set a name off whole, so its words may outnumber Schwartz & Hearst's bound; every character
    of the short form must then begin a word of it."""
    if end == 0 or text[end - 1] not in "\"”’'":
        return None
    opening = {"”": "“", "’": "‘"}.get(text[end - 1], text[end - 1])
    start = text.rfind(opening, max(0, end - _MAX_BRACKET_CHARS), end - 1)
    if start < 0 or (start > 0 and text[start - 1].isalnum()) or re.search(r"[.!?;]\s", text[start:end]):
        return None
    return start + 1


_LONG_AFTER_STOP = re.compile(r"[.,;:!?()\[\]\n—–]")


def _long_form_after(text: str, short: str, start: int) -> tuple[int, int] | None:
    """"SF, short for Long Form", "SF: Long Form": the run of words after the cue that spells the short form
    with the most characters beginning words, the shortest of those: "CNN: convolutional neural network", not
    "convolutional" (whose inner n's spell it too); "BS: batch size of 32" stops at "size"."""
    first = re.match(r"[^\W_]+", text[start:start + 40])
    letter = next((ch.lower() for ch in short if ch.isalnum()), "")
    if not first or not (first.group()[0].lower() == letter or first.group().lower() in _LINK_WORDS or (
        letter == "x" and first.group().lower().startswith(_X_PREFIXES)
    )):
        return None  # every word must spell, so the first gives the first letter: a quick test, for speed
    limit = min(len(text), start + 300)
    stop = _LONG_AFTER_STOP.search(text, start, limit)
    limit = stop.start() if stop else limit
    best, best_initials = None, -1
    for word in list(re.finditer(r"\S+", text[start:limit]))[: _max_words(short)]:
        end = start + word.end()
        for variant in _short_form_variants(short, stems=False):
            match = _match_long_form(variant, text, start, end, anchored=True)
            if match is not None and match.start == start and match.initials > best_initials:
                span = _accept_long_form(text, short, variant, match, strict=True)
                if span is not None and span[1] == end:
                    best, best_initials = span, match.initials
                    break
    return best
