"""Definitions in brackets: "Long Form (SF)" and "SF (Long Form)", the patterns of most written definitions.

Finds the bracket pairs of a text, the short forms a bracket may hold (after cue words, with a year, in a
family), and the long form on the other side, including the conventions that abbreviate without spelling in
order ("protein Sir2 (Sir2p)", "His46Cys (H46C)", "DNA-binding domain of Gal4 (GBD)").
"""

from __future__ import annotations

import os
import re
from typing import Iterator

from desktop.core.acronyms import FUNCTION_WORDS, Definition, _strip_plural, common_words
from desktop.core.definitions._text import _MAX_BRACKET_CHARS, _make
from desktop.core.definitions.conventions import _AMINO_CODE, _SUBSTITUTION, _stem_starts
from desktop.core.definitions.long_forms import _CLAUSE_WORDS, _accept_long_form, _long_form_before, _trim_long
from desktop.core.definitions.matching import _match_long_form, _uncovered_words
from desktop.core.definitions.short_forms import (
    _MAX_SHORT_FORM_CHARS, _TRAILING_NUMBER, _YEAST_PROTEIN, _is_short_form_candidate, _looks_like_abbreviation,
    _looks_like_acronym, _short_form_variants,
)

_CLOSE_OF = {"(": ")", "[": "]"}

# Cue words inside brackets before a short form ("hereafter NAP") or before a long form ("for Pab1p-binding protein").
_SHORT_CUES = re.compile(
    r"(?:hereafter|hereinafter|henceforth|thereafter)(?:\s+(?:referred\s+to\s+as|called|the))?\s+|the\s+(?=[A-Z]\S*$)|"
    r"(?:abbreviated|abbr\.|also\s+known\s+as|known\s+as|also\s+called|called|or|formerly|a\.k\.a\.|aka)"
    r"(?:\s+as)?[:,]?\s+",
    re.IGNORECASE,
)
_LONG_CUES = re.compile(
    r"(?:for|i\.\s?e\.,?|that\s+is,?|short\s+for|standing\s+for|which\s+stands\s+for|stands\s+for|meaning|"
    r"an?\s+(?:acronym|abbreviation)\s+(?:for|of)|(?:acronym|abbreviation)\s+(?:for|of)|also\s+known\s+as|"
    r"formerly(?:\s+known\s+as)?|known\s+as|or)\s+(?:the\s+|an?\s+)?|(?:the|an?)\s+",
    re.IGNORECASE,
)


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
_INNER_ITEM_BREAK = re.compile(r"[,;]\s|\s[=–—]\s|(?<![a-z])\s-\s|\s-\s(?![a-z])")
#: A short form whose hyphens tokenised text has spaced: "( MI - FGSM )", "( LTE - A )", "( ITV - L1 )".
_SPACED_HYPHEN_NAME = re.compile(r"[^\W_][\w.+/]*(?: - [\w.+/]*[A-Z\d][\w.+/]*)+")


def _bracket_definitions(text: str) -> Iterator[Definition]:
    for open_index, close_index in sorted(_bracket_pairs(text).items()):
        if open_index > 0 and text[open_index - 1].isalnum():
            continue  # part of a name: "TAF(II)", "Su(fu)", "p40(phox)"
        definition = _long_then_short(text, open_index, close_index) or _short_then_long(
            text, open_index, close_index
        ) or _letter_symbol(text, open_index, close_index)
        if definition is not None:
            yield definition


def _letter_symbol(text: str, open_index: int, close_index: int) -> Definition | None:
    """"the large (L), middle (M) and small (S) proteins", "the Origin (O)": a single capital in brackets after a
    word it begins (or whose stem it begins, "tetrahydrofuran (F)") names what that word names. Schwartz & Hearst
    leave one-letter short forms out; only the word right before the brackets is taken, and only an ordinary word
    (no name in capitals, no function word)."""
    inner = text[open_index + 1:close_index].strip()
    if len(inner) != 1 or not inner.isupper():
        return None
    word = re.search(r"(?<![\w\-])([^\W\d_]{3,})\s*$", text[max(0, open_index - 40):open_index])
    if not word or word.group(1).isupper():
        return None
    stems = {0} | _stem_starts(word.group(1))  # "tetrahydrofuran (F)"
    if not any(word.group(1)[k].upper() == inner for k in stems):
        return None
    if word.group(1).lower() in FUNCTION_WORDS or word.group(1).lower() in _CLAUSE_WORDS:
        return None
    short_start = text.index(inner, open_index)
    long_end = open_index - (len(word.group()) - len(word.group(1)))
    return _make(text, (short_start, short_start + 1), (long_end - len(word.group(1)), long_end), "long (short)")


def _inner_short_forms(text: str, open_index: int, close_index: int) -> list[tuple[int, int]]:
    """Candidate short forms inside brackets: "(NAP)", "(NAP, 2015)", "(NAP; see below)", "(hereafter NAP)",
    "(UAS(GAL1/10))" -> "UAS(GAL1/10)" then "UAS", "(SnRK1 family)" -> "SnRK1 family" then "SnRK1",
    "(uORF1 and uORF2)" -> "uORF1". A list ("(IL-2, IL-4 and IL-6)") gives none."""
    start, end = open_index + 1, close_index
    cue = _SHORT_CUES.match(text, start, end)
    if cue:
        start = cue.end()
    inner = text[start:end]
    # Items of a list; tokenised text spaces the hyphens of a name ("( MI - FGSM )") or a word ("pre - regulation").
    items = [inner] if _SPACED_HYPHEN_NAME.fullmatch(inner.strip()) else _INNER_ITEM_BREAK.split(inner)
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
    # "(SnRK1 family)", and a conference by its year: "(WWW '16)", "(AFL 2017)"
    if len(words) == 2 and words[1].isalpha() and words[1].islower() or _DATED_NAME.match(candidate):
        spans.append((start, start + len(words[0])))
    return [span for span in spans if _is_short_form_candidate(text[span[0]:span[1]])]


_DATED_NAME = re.compile(r"\S+\s+(?:['’]\s?\d{2}|(?:19|20)\d{2})\b")


def _plural_of_singular(short: str, long: str) -> bool:
    """A plural short form ("PDPs") after a singular long form ("Policy Decision Point"): the writer defines the
    singular, and names the plural in passing."""
    return len(short) >= 3 and short.endswith("s") and short[:-1].isupper() and long[-1:].isalpha() and (
        long[-1] not in "sS"
    )


def _is_name_shaped(word: str) -> bool:
    """A capital and small letters only ("Barrientos", "Obama"): in square brackets, the name an editor put in
    for a pronoun, not a short form, which needs another capital or a digit there."""
    return word.isalpha() and word[:1].isupper() and word[1:].islower()


def _is_listed_short_form(item: str) -> bool:
    """"IL-4 and IL-6" after "IL-2, ": the brackets list short forms, they define none."""
    pieces = [piece for piece in re.split(r"\s+(?:and|or)\s+|^(?:and|or)\s+", item.strip()) if piece]
    return bool(pieces) and all(len(piece.split()) == 1 and _looks_like_acronym(piece) for piece in pieces)


def _long_then_short(text: str, open_index: int, close_index: int) -> Definition | None:
    """"long form (SF)": the short form is in the brackets, the long form just before them."""
    spans = _inner_short_forms(text, open_index, close_index)
    for short_span in spans:
        short = text[short_span[0]:short_span[1]]
        if not _looks_like_abbreviation(short) or (text[open_index] == "[" and _is_name_shaped(short)):
            continue  # "said '[Barrientos] has...'": square brackets of news insert words, mostly names
        long_span = _long_form_before(text, short, open_index) or _long_form_of_either(text, short, open_index)
        if long_span is not None:
            reported = short_span
            if short_span != spans[0] and re.fullmatch(r"\(\S{1,2}\)", text[short_span[1]:spans[0][1]]):
                reported = spans[0]  # "PP1(C)": a bracketed subscript is part of the name
            elif _plural_of_singular(short, text[long_span[0]:long_span[1]]):
                reported = short_span[0], short_span[1] - 1  # "a Policy Decision Point (PDPs)" defines PDP
            return _make(text, reported, long_span, "long (short)")
    if spans:
        return _written_out(text, spans[0], open_index)
    return None


def _written_out(text: str, short_span: tuple[int, int], open_index: int) -> Definition | None:
    """Short forms that abbreviate by convention rather than by spelling: a residue substitution ("His46Cys
    (H46C)"), a yeast protein named after its gene ("protein Sir2 (Sir2p)"), a pair of numbered names ("Myo3p and
    Myo5p (Myo3/5p)"), a name inverted round "of" ("DNA-binding domain of Gal4 (GBD)") or round "-like" ("Sm-like
    (Lsm)")."""
    for convention in (_substitution, _yeast_protein, _numbered_pair, _inverted_of, _like_family):
        definition = convention(text, short_span, open_index)
        if definition is not None:
            return definition
    return None


def _yeast_protein(text: str, short_span: tuple[int, int], open_index: int) -> Definition | None:
    """"protein Sir2 (Sir2p)", "the Sir2 protein (Sir2p)": a yeast protein's "p" stands for "protein"."""
    short = text[short_span[0]:short_span[1]]
    if not _YEAST_PROTEIN.fullmatch(short):
        return None
    gene = re.escape(short[:-1])
    written = re.search(
        r"(?<!\S)(?:protein\s+" + gene + r"|" + gene + r"\s+protein)\s*$", text[max(0, open_index - 40):open_index],
        re.IGNORECASE,
    )
    if not written:
        return None
    start = open_index - len(written.group())
    return _make(text, short_span, _trim_long(text, start, open_index), "long (short)")


def _numbered_pair(text: str, short_span: tuple[int, int], open_index: int) -> Definition | None:
    """"Myo3p and Myo5p (Myo3/5p)": one short form for two members of a family, written out before it."""
    pair = re.fullmatch(r"([A-Za-z][A-Za-z-]*)(\d+)/(\d+)([A-Za-z]*)", text[short_span[0]:short_span[1]])
    if not pair:
        return None
    stem, first, second, suffix = pair.groups()
    names = [re.escape(stem + number + suffix) for number in (first, second)]
    written = re.search(r"(?<!\S)" + names[0] + r",?\s+(?:and|or)\s+" + names[1] + r"\s*$",
                        text[max(0, open_index - 60):open_index])
    if not written:
        return None
    start = open_index - len(written.group())
    return _make(text, short_span, _trim_long(text, start, open_index), "long (short)")


def _like_family(text: str, short_span: tuple[int, int], open_index: int) -> Definition | None:
    """"Sm-like (Lsm)": a family "like" another is named with an L before the other's name."""
    like = re.search(r"(?<!\S)\S+-like\s*$", text[max(0, open_index - 40):open_index])
    if not like or not _names_like(text[short_span[0]:short_span[1]], like.group().strip()):
        return None
    start = open_index - len(like.group())
    return _make(text, short_span, _trim_long(text, start, open_index), "long (short)")


def _names_like(short: str, long: str) -> bool:
    """Is `short` "L" and the name in "<name>-like" ("Lsm", "Sm-like")?"""
    return long.endswith("-like") and short[:1] in "Ll" and _strip_plural(short[1:]).lower() == long[:-5].lower()


def _inverted_of(text: str, short_span: tuple[int, int], open_index: int) -> Definition | None:
    """"DNA-binding domain of Gal4 (GBD)": the short form spells "Gal4 DNA-binding domain", the name after "of"
    first. Only for a name after "of" (a capital or a digit in it) that gives the short form its first letter."""
    short = text[short_span[0]:short_span[1]]
    rest = short[1:]
    named = re.search(r"\s+of\s+(?:the\s+)?([^\W_][\w-]*)\s*$", text[max(0, open_index - 40):open_index])
    if len(rest) < 2 or not _looks_like_acronym(short) or not named:
        return None
    name = named.group(1)
    if name[0].lower() != short[0].lower() or not any(ch.isupper() or ch.isdigit() for ch in name[1:]):
        return None
    of_start = open_index - len(named.group())
    span = _long_form_before(text, rest, of_start)
    if span is None:
        return None
    start = span[0]
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in "([":
        start -= 1  # the whole of "DNA-binding": in front of "of" no fusion protein is named
    return _make(text, short_span, _trim_long(text, start, open_index), "long (short)")


def _long_form_of_either(text: str, short: str, end: int) -> tuple[int, int] | None:
    """"bullous pemphigoid antigen (BP180/BPAG2)": a slash between two names of one thing (each with a capital
    and two characters or more) lets the long form spell either, if it spells the other but for its number too; a
    name written before that long form is part of it ("ISO Technical Specifications (ISO/TS)"). A long form with
    a slash of its own must spell both, and one with a comma is a list."""
    parts = short.split("/")
    if len(parts) != 2 or not all(sum(ch.isalnum() for ch in p) >= 2 and _looks_like_acronym(p) for p in parts):
        return None
    for part, other in (parts, parts[::-1]):
        span = _long_form_before(text, part, end)
        if span is None or re.search(r"/|,\s", text[span[0]:span[1]]):
            continue
        before = re.search(r"(\S+)\s+$", text[max(0, span[0] - 20):span[0]])
        if before and before.group(1) == other:
            span = span[0] - len(before.group()), span[1]
        # The other name must be one for the same thing: the long form spells it too, but for its number
        # ("bullous pemphigoid antigen" spells BPAG), unlike "Transport Layer Security (TLS/SSL)".
        stem = _TRAILING_NUMBER.fullmatch(other)
        if _match_long_form(stem.group(1) if stem else other, text, span[0], span[1]) is not None:
            return span
    return None


def _substitution(text: str, short_span: tuple[int, int], open_index: int) -> Definition | None:
    """"His46Cys (H46C)", "Leu-169 to Phe (L169F)": a residue substitution and its one-letter short form, which
    spells the residues by their codes, not by their letters."""
    short = re.fullmatch(r"([A-Z])(\d+)([A-Z])", text[short_span[0]:short_span[1]])
    written = _SUBSTITUTION.search(text, max(0, open_index - 40), open_index)
    if not short or not written:
        return None
    before, number, after = written.group(1).lower(), written.group(2), written.group(3).lower()
    if (_AMINO_CODE[before], number, _AMINO_CODE[after]) != (short.group(1).lower(), short.group(2),
                                                            short.group(3).lower()):
        return None
    return _make(text, short_span, (written.start(), written.end(3)), "long (short)")


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
    shared = _shared_head(text, short_start, short_end, long_start, long_end)
    if shared is not None:  # "the TOY clock (time-of-year clock)"
        (short_start, short_end), long_end = shared
    # The whole word ("C/EBP"), then its last part: "T3/GRIP1" -> "GRIP1", "alpha/beta-SNAP" -> "SNAP".
    parts = [short_start + m.end() for m in re.finditer(r"[/-]", text[short_start:short_end])]
    starts = [short_start] + parts[-1:]
    for start in starts:
        if _names_like(text[start:short_end], text[long_start:long_end]):  # "Lsm (Sm-like)"
            return _make(text, (start, short_end), (long_start, long_end), "short (long)")
        for spelled_from, reported_from in _long_starts(text, text[start:short_end], long_start, long_end):
            span = _long_form_inside(text, start, short_end, spelled_from, long_end)
            if span is not None:
                return _make(text, (start, short_end), (reported_from, span[1]), "short (long)")
    return None


def _shared_head(text: str, short_start: int, short_end: int, long_start: int, long_end: int):
    """"the TOY clock (time-of-year clock)": when the bracket repeats the head noun before it, the short form is
    the word before that noun and the long form ends before its repetition. Its span and the long form's end, or
    None."""
    head = text[short_start:short_end]
    if not head.isalpha() or not head.islower() or not text[long_start:long_end].endswith(" " + head):
        return None
    before = re.search(r"(?<!\S)(\S+)[ \t]+$", text[max(0, short_start - 30):short_start])
    if not before or not _looks_like_acronym(before.group(1)):
        return None
    start = short_start - len(before.group())
    return (start, start + len(before.group(1))), long_end - len(head) - 1


_LOCANTS = re.compile(r"(?:\d+['’]?,\s?)*\d+['’]?(?:-|\s+)(?=[^\W\d_])")
_NAMING = re.compile(r"\b(?:as|called|named|termed)\s+(?:the\s+)?")


def _long_starts(text: str, short: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where the long form filling text[start:end] may begin to spell the short form, and where it begins as
    reported: at `start`; after locants the short form does not spell, which belong to it ("cAMP (3',5'-cyclic
    adenosine monophosphate)"); after the last naming verb ("eIF6 (first named, in older terms, eukaryotic
    initiation factor 6)"), which does not."""
    starts = [(start, start)]
    locants = _LOCANTS.match(text, start, end)
    if locants and not any(ch.isdigit() for ch in short):
        starts.append((locants.end(), start))
    naming = list(_NAMING.finditer(text, start, end))
    if naming:
        starts.append((naming[-1].end(), naming[-1].end()))
    return starts


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
