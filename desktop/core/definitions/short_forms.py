"""Short forms: what may be one, and the variants of one that a long form may spell.

A bracket or a cue phrase holds many things that are not short forms: lists, enumerations ("(ii)"), ranges
("(D1-D5)"), quantities, Latin ("(i.e.)") and ordinary words. The tests here decide what is a candidate; the
variants ("Rap1p" without its yeast "p", "eIF2alpha" without its Greek letter, "HsORC" without its organism's
prefix, "CDKs" without its plural) give the matcher the forms writers actually spell out.
"""

from __future__ import annotations

import re

from desktop.core.acronyms import _strip_plural, common_words
from desktop.core.definitions.conventions import _ROMAN_SUFFIX, _ROMAN_VALUES, _SPACED_HYPHEN

_MAX_SHORT_FORM_CHARS = 12

_LATIN = frozenset("ie eg cf etc vs viz al ca et".split())

_LOWER_ROMAN = re.compile(r"[ivx]+")
_RANGE = re.compile(r"([A-Za-z]\d*)[-–]([A-Za-z]\d*)")
_YEAST_PROTEIN = re.compile(r"(.*[A-Za-z]\d+)p")
_TRAILING_NUMBER = re.compile(r"(.*[A-Za-z]{2})[-]?\d+[A-Za-z]?")
#: The two-letter prefix of a binomial ("Homo sapiens", "Arabidopsis thaliana") on a gene of that organism.
_SPECIES_PREFIX = re.compile(r"(At|Bs|Ce|Dm|Dr|Ec|Gm|Hs|Mm|Nt|Os|Pf|Rn|Sc|Sp|Tb|Xl|Zm)([A-Z]{2}.*)")
#: A member's mark around a family's name: "beta-Pol", "eIF2alpha", "TTF-I", "CATIII", "E(spl)(D)".
_GREEK_PREFIX = re.compile(r"(alpha|beta|gamma|delta|epsilon|kappa)-?([A-Za-z]\w+)")
_GREEK_SUFFIX = re.compile(r"(.*[^\W_])-?(?:alpha|beta|gamma|delta|epsilon|kappa|[α-ω])")

_BRACKETED_SUFFIX = re.compile(r"(.*[\w)])\([A-Za-z0-9+-]{1,3}\)")


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

#: The shape of a short form in cue phrases, appositions and labels: a word of letters, digits and "&./-".
_ACRONYM_WORD = r"[^\W_][\w&./\-]*[^\W_.]"


def _cue_short_ok(short: str) -> bool:
    return _is_short_form_candidate(short) and len(short.split()) == 1 and (
        _looks_like_acronym(short) or (short[:1].isupper() and short[1:].islower() and len(short) >= 3)
    ) and short.lower() not in common_words()
