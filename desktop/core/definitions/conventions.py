"""Spelling conventions: words that stand for a character of a short form they do not begin with.

A long form spells its short form mostly by the first letters of its words, but writers also abbreviate by sound
and by convention: number words and Roman numerals ("two-dimensional (2D)", "TTF-I"), Greek letters ("TNF-α" and
"TNFa"), amino acids by their one-letter codes ("arginine/serine (RS)"), X for "ex"/"cross"/"trans" ("XML"), the
digits 2 and 4 for "to" and "for" ("P2P"), and chemical prefixes a short form leaves out ("ferricytochrome c
(Cc)"). These tables have no rules of their own; the matcher and the finders read them.
"""

from __future__ import annotations

import re

from desktop.core.acronyms import FUNCTION_WORDS

_ROMAN_SUFFIX = re.compile(r"(.+?[A-Za-z])(?:[- ](?:I|II|III|IV|V|VI)|II|III|IV|VI)")

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
