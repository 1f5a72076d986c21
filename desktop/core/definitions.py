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
* characters a word stands for: number words ("two-dimensional (2D)", "third generation (3G)"), amino acids by
  their one-letter codes ("arginine/serine (RS)", "Leu-169 to Phe (L169F)", "His46Cys (H46C)"), Greek letters
  ("α" and "a"); the first character may begin the stem after a chemical prefix ("ferricytochrome c (Cc)");
* more short-form variants: a member's Greek letter or Roman numeral left out ("eIF2alpha", "TTF-I"), a Greek
  letter moved ("polymerase beta (beta-Pol)"), an organism's prefix ("human ORC (HsORC)"), a bracketed allele
  ("E(spl)(D)"), either name of "BP180/BPAG2", "RNA pol II"; clipped forms ("topoisomerase (topo)") and single
  capitals ("the large (L) protein");
* long forms found whole: quoted names past the word bound ("named 'a b c d' (ABCD)"), names in capitals
  ("SHOOT MERISTEMLESS (STM)"), locants ("cAMP (3',5'-cyclic adenosine monophosphate)"), the long form after a
  naming verb inside the brackets ("eIF6 (originally named ... as eukaryotic initiation factor 6)"), an
  institution's out-of-order capital ("Swiss Institute for Experimental Cancer Research (ISREC)");
* conventions that abbreviate without spelling in order: "protein Sir2 (Sir2p)", "Myo3p and Myo5p (Myo3/5p)",
  "DNA-binding domain of Gal4 (GBD)", "Sm-like (Lsm)";
* ranking: a long form does not begin with a lone small letter ("c oxidase" for COX), and the head noun of a
  numbered name costs nothing ("coat protein complex II (COPII)");
* when a text defines one short form twice, a long form that spells it far worse than the other is dropped,
  unless words begin all its characters but one ("human flap endonuclease-1" beside "human FEN-1");
* the news patterns (", or", "short for", "known as", dashes, commas) demand that every content word of the long
  form begin with the next letter of the short form; the initials pattern is stricter still (see
  `_initials_definitions`);
* general text (technology, organisations, products, news): more cues ("abbreviated as", "shortened to", "which
  stood for", "meaning", ", i.e.", "from the initials of", "(the SF)", "(Long Form – SF)", "(Long Form, SF)"), the
  short form first in apposition ("SF, the Long Form,", "SF – the Long Form –"), glossary labels ("SF: Long Form",
  "SF = ...", "[SF] ..."), of which the long form with the most initials ("CNN: convolutional neural network");
  X for "ex"/"cross"/"trans" ("XML", "XSS"), digits for "to"/"for" ("P2P", "T4T"), a letter and its count
  ("W3C"), the links of foreign names ("für", "d'"), a naming participle ("named entity recognition"), an opening
  "the"/"a" when every word gives its first letter ("the Cancer Genome Atlas (TCGA)"), a plural short form after
  a singular name ("Point (PDPs)" defines PDP), a conference's year ("(WWW '16)"), a repeated head noun ("TOY clock
  (time-of-year clock)"), spaced hyphens of tokenised text ("( MI - FGSM )"); initials up to a connector
  ("National Football League for the ..."), without a sequel's numeral ("Grand Theft Auto IV"), or with a version
  number ("Creative Suite 3", "CS3"); and square brackets of news, which insert names ("'[Barrientos] said"),
  give no short form, nor does a capitalised word most of whose letters begin no word of the long form.
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
_LOWER_ROMAN = re.compile(r"[ivx]+")
_RANGE = re.compile(r"([A-Za-z]\d*)[-–]([A-Za-z]\d*)")
_YEAST_PROTEIN = re.compile(r"(.*[A-Za-z]\d+)p")
_TRAILING_NUMBER = re.compile(r"(.*[A-Za-z]{2})[-]?\d+[A-Za-z]?")
#: The two-letter prefix of a binomial ("Homo sapiens", "Arabidopsis thaliana") on a gene of that organism.
_SPECIES_PREFIX = re.compile(r"(At|Bs|Ce|Dm|Dr|Ec|Gm|Hs|Mm|Nt|Os|Pf|Rn|Sc|Sp|Tb|Xl|Zm)([A-Z]{2}.*)")
#: A member's mark around a family's name: "beta-Pol", "eIF2alpha", "TTF-I", "CATIII", "E(spl)(D)".
_GREEK_PREFIX = re.compile(r"(alpha|beta|gamma|delta|epsilon|kappa)-?([A-Za-z]\w+)")
_GREEK_SUFFIX = re.compile(r"(.*[^\W_])-?(?:alpha|beta|gamma|delta|epsilon|kappa|[α-ω])")
_ROMAN_SUFFIX = re.compile(r"(.+?[A-Za-z])(?:[- ](?:I|II|III|IV|V|VI)|II|III|IV|VI)")
_BRACKETED_SUFFIX = re.compile(r"(.*[\w)])\([A-Za-z0-9+-]{1,3}\)")


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
        qualities = [_spelling_quality(text, d) for d in group]
        best = max(score for score, _ in qualities)
        # A long form whose words begin all the short form's characters but one is no coincidence, however the
        # other spells it: "human flap endonuclease-1" and "human FEN-1" both define hFEN-1.
        kept.extend(d for d, (score, initials) in zip(group, qualities) if score >= best - 1 or initials)
    return kept


def _spelling_quality(text: str, definition: Definition) -> tuple[int, bool]:
    """How well a long form spells its short form: characters beginning words, capitals matched by capitals,
    minus words giving none; and whether words begin all its characters but one (and three at least)."""
    short = text[definition.short_start:definition.short_end]
    for variant in _short_form_variants(short):
        match = _match_long_form(variant, text, definition.long_start, definition.long_end, anchored=True)
        if match is not None:
            letters = [ch for ch in variant if ch.isalnum()]
            capitals = sum(ch.isupper() and text[p] == ch for ch, p in zip(letters, match.positions))
            initials = match.initials >= max(3, len(letters) - 1)
            return match.initials + capitals - _uncovered_words(text, match), initials
    return -len(definition.long.split()), False


def _make(text: str, short_span: tuple[int, int], long_span: tuple[int, int], pattern: str) -> Definition:
    return Definition(
        short=_strip_plural(text[short_span[0]:short_span[1]]), long=text[long_span[0]:long_span[1]],
        short_start=short_span[0], short_end=short_span[1], long_start=long_span[0], long_end=long_span[1],
        pattern=pattern,
    )


# ---- Short forms -----------------------------------------------------------------------------------------------

def _compact(short: str) -> str:
    """A short form as one word: tokenised text spaces its hyphens ("MI - FGSM" is "MI-FGSM")."""
    return _SPACED_HYPHEN.sub("-", short) if " - " in short else short


def _is_short_form_candidate(candidate: str) -> bool:
    """Schwartz & Hearst's test (at most two words, a letter, starting with a letter or digit; 2 to 12 characters
    where they allow 10, for "pol epsilon" and "8-bromo-cAMP"), minus what is plainly no abbreviation: "(ii)",
    "(i.e.)", "(D1-D5)", "(15 kDa)"."""
    candidate = _compact(candidate)
    if not 2 <= len(candidate) <= _MAX_SHORT_FORM_CHARS:
        return False
    words = candidate.split()
    if len(words) == 3 and (words[2] in _ROMAN_VALUES or words[2].isdigit()):
        words = words[:2]  # "RNA pol II": a name and its number
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
    candidate = _compact(candidate)
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
    ("Rap1p" -> "Rap1"), a subunit's or isoform's Greek letter ("eIF2alpha" -> "eIF2"), a Roman numeral ("TTF-I"
    -> "TTF"), a bracketed allele ("E(spl)(D)" -> "E(spl)"), an organism's prefix ("HsORC" -> "hORC", "ORC") or a
    trailing number ("Top1" -> "Top", "PhLOP1" -> "PhLOP"): writers name the family and leave the member's mark
    out of the long form. A Greek letter before the name may come last in it ("beta-Pol" -> "Polbeta")."""
    short = _compact(short)
    variants = [short, _strip_plural(short)]
    repeated = _repeated_letters(short)
    if repeated:
        variants.append(repeated)
    if not stems:
        return list(dict.fromkeys(variants))
    protein = _YEAST_PROTEIN.fullmatch(short)
    if protein:
        variants.append(protein.group(1))
        variants.append(re.sub(r"\d+p$", "p", short))  # "Mti1p" -> "Mtip": the p is for protein
    for pattern in (_GREEK_SUFFIX, _ROMAN_SUFFIX):
        member = pattern.fullmatch(short)
        if member and sum(ch.isalnum() for ch in member.group(1)) >= 2:
            variants.append(member.group(1))
    greek = _GREEK_PREFIX.fullmatch(short)
    if greek:  # "DNA polymerase beta (beta-Pol)": the Greek letter comes last in the long form
        variants.append(greek.group(2) + greek.group(1))
    allele = _BRACKETED_SUFFIX.fullmatch(short)
    if allele:  # "Enhancer of split [E(spl)(D)]": the bracketed allele is not spelled
        variants.append(allele.group(1))
    species = _SPECIES_PREFIX.fullmatch(short)
    if species:  # "human ORC (HsORC)", "Arabidopsis GDI (AtGDI1)", "calcineurin B-like proteins (AtCBLs)"
        gene = species.group(2)
        variants += [species.group(1)[0] + gene, gene, _strip_plural(gene)]
    for variant in list(variants):
        numbered = _TRAILING_NUMBER.fullmatch(variant)
        if numbered:
            variants.append(numbered.group(1))
    return list(dict.fromkeys(variants))


def _repeated_letters(short: str) -> str | None:
    """A letter with a small count after it may stand for as many words beginning with it: "World Wide Web
    Consortium (W3C)", "Find, Fix, Finish, Exploit, Assess (F3EA)". The long form must then begin a word with
    every character (see `_accept_long_form`)."""
    if not _REPEATED.search(short) or not short[:1].isalpha():
        return None
    return _REPEATED.sub(lambda m: m.group(1) * int(m.group(2)), short)


_REPEATED = re.compile(r"(?<![\d])([A-Z])([23])(?=[A-Z]|$)")


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


#: A Greek letter with its locant begins a chemical name: "Delta(24)-sterol methyl transferase (SMT)".
_GREEK_LOCANT = re.compile(r"(?i:alpha|beta|gamma|delta|epsilon|omega)\(?\d+(?:,\d+)*\)?-")
_SPACED_HYPHEN = re.compile(r"(?<=\w) - (?=\w)")

_NUMBER_WORDS = {
    1: ("one", "first", "single"), 2: ("two", "second", "double"), 3: ("three", "third", "triple"),
    4: ("four", "fourth"), 5: ("five", "fifth"), 6: ("six", "sixth"), 7: ("seven", "seventh"),
    8: ("eight", "eighth"), 9: ("nine", "ninth"), 10: ("ten", "tenth"),
}
#: Greek letters, as writers spell them in Latin short forms ("TNF-α" and "TNFa", "κB" and "kB").
_GREEK_TO_LATIN = dict(zip("αβγδεζηθικλμνξοπρστυφχψω", "abgdezhqiklmnxoprstufcyo"))
#: The amino acids, by their one-letter code, with their three-letter codes and names.
_AMINO_ACIDS = {
    "a": "ala alanine", "r": "arg arginine", "n": "asn asparagine", "d": "asp aspartate aspartic",
    "c": "cys cysteine", "q": "gln glutamine", "e": "glu glutamate glutamic", "g": "gly glycine",
    "h": "his histidine", "i": "ile isoleucine", "l": "leu leucine", "k": "lys lysine", "m": "met methionine",
    "f": "phe phenylalanine", "p": "pro proline", "s": "ser serine", "t": "thr threonine", "w": "trp tryptophan",
    "y": "tyr tyrosine", "v": "val valine",
}
_AMINO_CODE = {name: code for code, names in _AMINO_ACIDS.items() for name in names.split()}
#: Words standing for one character of a short form that they do not begin with: numbers ("two-dimensional
#: (2D)", "third generation (3G)"), amino acids, which short forms write in their one-letter code
#: ("arginine/serine (RS)", "Asp" for D), and the digits that sound like "to" and "for".
_ALIAS_WORDS = {
    **{word: str(number) for number, words in _NUMBER_WORDS.items() if number < 10 for word in words},
    **{name: code for name, code in _AMINO_CODE.items() if name[0] != code},
    "to": "2", "for": "4",  # read aloud: "peer-to-peer (P2P)", "device-to-device (D2D)"
}
_ALIAS_WORD = re.compile(r"(?<![^\W\d_])(" + "|".join(sorted(_ALIAS_WORDS, key=len, reverse=True)) + r")(?![^\W\d_])",
                         re.IGNORECASE)
#: A residue substitution written out before its short form: "His46Cys (H46C)", "Leu-169 to Phe (L169F)".
_THREE_LETTER = "|".join(name.capitalize() for name in _AMINO_CODE if len(name) == 3)
_SUBSTITUTION = re.compile(
    r"(?<![\w-])(" + _THREE_LETTER + r")-?(\d+)(?:\s*(?:to|→|->|-->|>)\s*|-)?(" + _THREE_LETTER + r")\s*$"
)


#: Chemical and biochemical prefixes a short form leaves out: "ferricytochrome c (Cc)", "1alpha,25-
#: dihydroxyvitamin D3 receptor (VDR)", "apolipoprotein E (LpE)".
_CHEMICAL_PREFIX = re.compile(
    r"(?<![^\W\d_])(?:ferri|ferro|apo|holo|iso|(?:di|tri|tetra)?hydro(?:xy)?|(?:di)?deoxy|phospho)(?=[a-z]{4})"
)


def _stem_starts(window: str) -> set[int]:
    """Offsets in `window` where a word's stem begins after a chemical prefix: the short form's first character
    may begin that stem as well as a word."""
    return {m.end() for m in _CHEMICAL_PREFIX.finditer(window)}


def _latin(ch: str) -> str:
    ch = ch.lower()
    return _GREEK_TO_LATIN.get(ch, ch)


def _word_aliases(window: str) -> dict[int, str]:
    """Offsets in `window` where a word standing for a character begins, and that character; and an X for a word
    beginning "ex", "cross" or "trans", as technical names write them ("eXtensible Markup Language (XML)",
    "cross-site scripting (XSS)")."""
    aliases = {m.start(): _ALIAS_WORDS[m.group().lower()] for m in _ALIAS_WORD.finditer(window)}
    for m in _X_WORD.finditer(window):
        aliases[m.start()] = aliases.get(m.start(), "") + "x"
    return aliases


_X_PREFIXES = ("ex", "cross", "trans")
_X_WORD = re.compile(r"(?<![^\W\d_])(?:ex|cross|trans)(?=[a-z]|-\w)", re.IGNORECASE)
#: Words of foreign names that give no letter, besides the English and transliterated ones of FUNCTION_WORDS:
#: "Gesellschaft für Internationale Zusammenarbeit (GIZ)", "Réseau ... et ...".
_LINK_WORDS = FUNCTION_WORDS | frozenset("für fur et les della dei degli delle au aux pour sur".split())
#: The elided article of French and Italian names: "Réseau d'Observatoires", "Ufficio dell'Ambiente".
_ELISION = re.compile(r"^(?:d|l|dell|all|nell)['’](?=\w)", re.IGNORECASE)


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




_ROMAN_VALUES = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def _number_of(short: str) -> int | None:
    """The short form's number: its last digits ("Hsp70"), or the Roman numeral it ends with ("TTF-I")."""
    numbers = re.findall(r"\d+", short)
    if numbers:
        return int(numbers[-1])
    roman = _ROMAN_SUFFIX.fullmatch(short)
    if roman:
        return _ROMAN_VALUES.index(short[len(roman.group(1)):].strip(" -")) + 1
    return None


def _numbers_in(long: str) -> set[int]:
    """The numbers a long form writes in digits or Roman numerals ("topoisomerase III" -> {3})."""
    found = {int(n) for n in re.findall(r"\d+", long)}
    for word in re.findall(r"[^\W\d_]+", long):
        if word in _ROMAN_VALUES:
            found.add(_ROMAN_VALUES.index(word) + 1)
    return found


def _number_before(text: str, start: int, number: int | None) -> int:
    """A short form's number written just before its long form belongs to it: "70-kD heat shock protein
    (Hsp70)", "type 1 protein phosphatase (PP1)", "first nucleotide binding domain (NBD1)", "type III
    hexokinase (HKIII)"."""
    if number is None:
        return start
    previous = re.search(r"(\S+)\s+$", text[max(0, start - 40):start])
    if not previous:
        return start
    word = previous.group(1)
    word_start = start - len(previous.group(0))
    if not _writes_number(word, number):
        return start
    before = re.search(r"(\S+)\s+$", text[max(0, word_start - 20):word_start])
    if (word.isdigit() or word in _ROMAN_VALUES) and before and before.group(1).lower() in _NUMBER_KINDS:
        return word_start - len(before.group(0))
    return word_start


_NUMBER_KINDS = frozenset({"type", "class", "group", "subtype"})


def _writes_number(word: str, number: int) -> bool:
    """Does `word` write `number`: in digits ("70-kD"), in letters ("first") or as a Roman numeral ("III")?"""
    roman = _ROMAN_VALUES[number - 1] if 1 <= number <= len(_ROMAN_VALUES) else None
    return str(number) in re.findall(r"\d+", word) or word.lower() in _NUMBER_WORDS.get(number, ()) or word == roman


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


# ---- Cue phrases: "LF, or SF", "SF, short for LF", "LF, known as SF", "LF — SF —", "LF, SF," -------------------

_ACRONYM_WORD = r"[^\W_][\w&./\-]*[^\W_.]"
_CUE_LONG_SHORT = re.compile(
    r"(?P<sep>,?\s+or\s+(?:simply\s+|just\s+)?|,?\s+(?:also\s+|commonly\s+|popularly\s+|better\s+|widely\s+|now\s+)?"
    r"(?:known|referred\s+to)\s+as\s+(?:the\s+)?|,?\s+(?:also\s+|commonly\s+)?called\s+(?:the\s+)?|"
    r",?\s+(?:often\s+|usually\s+|commonly\s+)?(?:abbreviated|shortened)(?:\s+(?:as|to))?\s+|\s+[—–]\s+|,\s+)"
    r"(?P<short>" + _ACRONYM_WORD + r")(?P<after>\s*[—–,;:.)]|\s+[a-z]|\s*$)"
)
#: "SF, short for Long Form", "SF, which stands for", "SF (meaning ...)", "SF, i.e. the", "SF, an acronym for",
#: "SF comes from the initials of": found by the cue (rare words), then the short form before it.
_SHORT_LONG_CUE = re.compile(
    r"\b(?:short\s+for|stands\s+for|stood\s+for|standing\s+for|meaning|i\.\s?e\.,?|"
    r"(?:an\s+)?(?:acronym|abbreviation|initialism)\s+(?:for|of)|"
    r"(?:named\s+|(?:comes|came|derives|derived|taken)\s+)?(?:from|after|for)\s+the\s+initials\s+of)\s+(?:the\s+)?"
)
_SHORT_BEFORE_CUE = re.compile(
    r"(?<![\w.])(?P<short>" + _ACRONYM_WORD + r")(?:['’]s)?,?\s+(?:which\s+|that\s+)?(?:is\s+|was\s+)?$"
)
#: "SF – the Long Form – ..." and "SF, the Long Form, ...": the long form in apposition after the short form,
#: between dashes or commas (or up to a bracket, a semicolon or the sentence's end).
_SHORT_DASH = re.compile(r"(?:[ \t]+[—–-]|[ \t]?,(?:[ \t]+or)?)[ \t]+(?:the\s+)?")
_SHORT_BEFORE_DASH = re.compile(r"(?<![\w.])(?P<short>" + _ACRONYM_WORD + r")[ \t]?$")
_APPOSITION_END = re.compile(r"[ \t]*(?:[—–);]|,\s|[ \t]-[ \t]|\.(?:\s|$)|$)")
#: A glossary's label: "SF: Long Form" or "SF = Long Form" at the start of a line, a sentence, a bracket or an
#: item of a list, "SF – Long Form" at the start of a line or a bracket, "[SF] Long Form" at the start of a line.
_CUE_LABEL = re.compile(
    r"(?:^|(?<=[\n(\[,;\].!?]))[ \t]*"
    r"(?:(?P<short>" + _ACRONYM_WORD + r")(?P<sep>[ \t]*[:=][ \t]+|[ \t]+[-–—][ \t]+)|"
    r"\[[ \t]*(?P<bracketed>" + _ACRONYM_WORD + r")[ \t]*\][ \t]+)",
    re.MULTILINE,
)


def _cue_definitions(text: str) -> Iterator[Definition]:
    for match in _CUE_LONG_SHORT.finditer(text):
        short_start, short_end = match.span("short")
        short = text[short_start:short_end]
        separator = match.group("sep").strip()
        dash = separator in ("—", "–")
        apposition = separator == ","
        if dash and not re.match(r"\s*[—–)]", match.group("after")):
            continue  # "Long Form — SF —", and in brackets "(Long Form – SF)"
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
        elif "abbreviated" in separator or "shortened" in separator:
            pattern = "abbreviated as"
        else:
            pattern = "long, or short"
        yield _make(text, (short_start, short_end), long_span, pattern)
    for cue in _SHORT_LONG_CUE.finditer(text):
        before = _SHORT_BEFORE_CUE.search(text, max(0, cue.start() - 60), cue.start())
        if before is None:
            continue
        short_start, short_end = before.span("short")
        short = text[short_start:short_end]
        if not _cue_short_ok(short):
            continue
        long_span = _long_form_after(text, short, cue.end())
        if long_span is not None:
            yield _make(text, (short_start, short_end), long_span, "short, short for long")
    yield from _apposition_definitions(text)
    yield from _label_definitions(text)


def _apposition_definitions(text: str) -> Iterator[Definition]:
    """"SF – the Long Form – said", "SF, the Long Form, said": a long form in apposition after its short form.
    The short form is in capitals, or it is a capitalised word and the long form has three capitalised words
    ("Nato, the North Atlantic Treaty Organisation,"); every word must give a letter, none may be a short form
    itself ("CcmC, CcmE and CcmF"), and the apposition must close."""
    for separator in _SHORT_DASH.finditer(text):
        if not text[separator.end():separator.end() + 1].isalnum():
            continue
        before = _SHORT_BEFORE_DASH.search(text, max(0, separator.start() - 40), separator.start())
        if before is None or before.group("short")[0].lower() != text[separator.end()].lower():
            continue  # the long form begins with the short form's first letter: a quick test, for speed
        short_start, short_end = before.span("short")
        short = text[short_start:short_end]
        acronym = _looks_like_acronym(short)
        if not _cue_short_ok(short) or not (acronym or text[separator.end()].isupper()):
            continue
        long_span = _long_form_after(text, short, separator.end())
        if long_span is None or not _APPOSITION_END.match(text, long_span[1]):
            continue
        words = text[long_span[0]:long_span[1]].split()
        if any(_looks_like_acronym(word) for word in words):
            continue
        if not acronym and sum(word[0].isupper() for word in words) < 3:
            continue
        pattern = "short, long," if "," in separator.group() else "short — long —"
        yield _make(text, (short_start, short_end), long_span, pattern)


def _label_definitions(text: str) -> Iterator[Definition]:
    """Glossaries and captions define by label: "SF: Long Form", "SF = Long Form", "SF – Long Form", "[SF] Long
    Form". Only where a label stands (see `_label_starts`), and every word of the long form must give a letter."""
    for match in _CUE_LABEL.finditer(text):
        name = "short" if match.group("short") else "bracketed"
        short_start, short_end = match.span(name)
        short = text[short_start:short_end]
        if not _cue_short_ok(short):
            continue
        if name == "short" and not _label_starts(text, short_start, match.group("sep").strip()):
            continue
        if name == "bracketed" and not (match.start() == 0 or text[match.start() - 1] == "\n"):
            continue
        long_span = _long_form_after(text, short, match.end())
        if long_span is not None:
            yield _make(text, (short_start, short_end), long_span, "short: long")


def _label_starts(text: str, start: int, separator: str) -> bool:
    """Does a label begin at `start`: at the start of a line or inside an opening bracket, or for ":" and "=",
    after a sentence's end, a closing bracket or the comma or semicolon of a list ("Conv: convolution, FC: fully
    connected")? Not "said:" or "as follows:" in running prose: the short form is the first word."""
    index = start
    while index > 0 and text[index - 1] in " \t":
        index -= 1
    if index == 0 or text[index - 1] in "\n([":
        return True
    if separator not in (":", "="):
        return False
    return text[index - 1] in ",;]" or (text[index - 1] in ".!?" and index < start)


def _cue_short_ok(short: str) -> bool:
    return _is_short_form_candidate(short) and len(short.split()) == 1 and (
        _looks_like_acronym(short) or (short[:1].isupper() and short[1:].islower() and len(short) >= 3)
    ) and short.lower() not in common_words()


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
    common: "Ovi Suite" and "OS"), or else two letters or more and the number that follows the name ("Creative
    Suite 3", "CS3"); it is not used before the name, and sits in running prose (not an address).
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
        for begin, stop in _name_spans(text, tokens, first, after_connectors):
            words = [text[s:e] for s, e in tokens[begin:stop]]
            if len(words) < 2 or words[0].lower() in _INITIALS_SKIP:
                continue
            if not all(_is_name_word(word) for word in words if word.lower() not in _INITIALS_SKIP):
                continue
            start, end = tokens[begin][0], tokens[stop - 1][1]
            if _POSSESSIVE.search(words[-1]):
                end -= 2
            for initials in _initials_options(words):
                if len(initials) >= 3:
                    names.setdefault(initials, (start, end))
        names.update({key: span for key, span in _numbered_names(text, tokens).items() if key not in names})
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
        if form in seen or form in defined:
            continue
        numbered = _NUMBERED_ACRONYM.fullmatch(form)
        if numbered:
            letters = numbered.group(1) + numbered.group(2)
        elif form.replace("-", "").replace("&", "").isalpha():
            letters = "".join(ch for ch in form if ch.isalpha())
        else:
            continue
        for key in dict.fromkeys((letters, letters.upper())):
            span = names.get(key)
            if span is None or first_use[form] < span[1] or not _in_prose(text, mention.start):
                continue
            if any(word.strip(".,").lower() == form.lower() for word in text[span[0]:span[1]].split()):
                continue
            seen.add(form)
            yield _make(text, (mention.start, mention.end), span, "initials")
            break


#: A version or edition number after a name, and an acronym of initials with that number: "Creative Suite 3",
#: "CS3". The number is evidence enough for two initials.
_VERSION = re.compile(r"[ \t]+(\d{1,4})(?![\w,.]\w)")
_NUMBERED_ACRONYM = re.compile(r"([A-Z]{2,})-?(\d{1,4})")


def _numbered_names(text: str, tokens: list[tuple[int, int]]) -> dict[str, tuple[int, int]]:
    """The names a capitalised run ends with when a version number follows it, by initials and number: "Adobe
    Creative Suite 3" gives "ACS3" and "CS3" for "Creative Suite 3". A brand before a product's name is not part
    of its acronym, so any last words of the run may be the name."""
    number = _VERSION.match(text, tokens[-1][1])
    if not number:
        return {}
    names = {}
    for begin in range(len(tokens) - 1):
        words = [text[s:e] for s, e in tokens[begin:]]
        if words[0].lower() in _INITIALS_SKIP or not all(
            _is_name_word(word) for word in words if word.lower() not in _INITIALS_SKIP
        ):
            continue
        for initials in _initials_options(words):
            names.setdefault(initials + number.group(1), (tokens[begin][0], number.end()))
    return names


def _name_spans(text: str, tokens: list[tuple[int, int]], first: int, after_connectors: list[int]):
    """The token ranges of a capitalised run that may be a name: the whole run, from its first word past any
    opening word, or from after a connector (see `_initials_definitions`); each of them also up to a connector
    other than "of", "and" and "&", which join the parts of one name ("National Football League" in "National
    Football League for the New York Jets"), and without a closing Roman numeral, which numbers a name's sequels
    ("Grand Theft Auto IV")."""
    ends = [len(tokens)]
    ends += [i for i in after_connectors if text[tokens[i - 1][0]:tokens[i - 1][1]].lower() not in ("of", "&", "and")]
    ends = [e - 1 if text[tokens[e - 1][0]:tokens[e - 1][1]].lower() in _INITIALS_SKIP else e for e in ends]
    last = text[tokens[-1][0]:tokens[-1][1]]
    if last in _ROMAN_VALUES:
        ends.append(len(tokens) - 1)
    spans = []
    for begin in dict.fromkeys([0, first, *after_connectors]):
        for end in ends:
            while end > begin and text[tokens[end - 1][0]:tokens[end - 1][1]].lower() in _INITIALS_SKIP:
                end -= 1
            if end - begin >= 2:
                spans.append((begin, end))
    return list(dict.fromkeys(spans))


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
