"""Finding acronyms in a text, and the definitions a writer gives for them, with plain string rules.

Two pure functions, no spaCy and no Qt, linear in the length of the text (a 1,000-word article takes a few
milliseconds, a 100,000-word book well under a second):

* `find_acronyms(text, is_known)` lists every acronym mention ("TTP", "IS-K", "PML-N", "G20", "R&D", "U.S.",
  "COVID-19", "MoU", "PhD", "mRNA", "SOPs", "TTP's") and leaves out what only looks like one: a word set in
  capitals at the start of an article ("CONSIDERING the relentless wave..."), headlines and lines in capitals,
  Roman numerals ("World War II"), single letters, and ordinary words a writer shouts ("it was VERY bad").
* `find_definitions(text)`, in `desktop.core.definitions`, lists every definition the text itself gives: "Long Form (LF)", "LF (Long Form)",
  "Long Form, or LF", "LF, short for Long Form", "Long Form, known as LF", "Long Form — LF —", "Long Form, LF,",
  and a capitalised name whose initials spell an acronym used later ("the National Action Plan ... NAP 2.0").
  Linking a definition to mentions elsewhere is the caller's job: definitions come with both spans.

Decisions about ambiguous capitals (the integrator relies on them):

* A form that is also a common English word (sumy's stop words and a short list of frequent words: "WHO",
  "IT", "ACT", "NOT") is an acronym only when the glossary knows it (`is_known`), and not where capitals mean
  emphasis: a headline, a run of three or more words in capitals, or the first word of the article followed by
  small letters ("IT is a pity that..."; so an article opening "WHO warned..." loses that one mention). "US" is
  the exception: in capitals it is the country far more often than a shouted "us".
* An unknown form in capitals whose small-letter spelling the text uses elsewhere ("NEVER" and "never") is that
  word, shouted; at a sentence start, in a headline or a run of capitals, a capitalised spelling counts too
  ("IRAN has..." with "Iran" elsewhere).
* In headlines and runs of capitals, a form counts only when the glossary knows it or the text uses it as an
  acronym elsewhere (in prose, or alone in brackets: "(NACTA)").
* An unknown word in capitals of five or more letters opening a sentence and followed by small letters, or
  before a dateline mark ("PESHAWAR: The..."), or of seven or more letters anywhere before small letters, is a
  word in capitals unless the text uses it as an acronym elsewhere: acronyms that long are known to a glossary
  or defined in the text.
* Title-case forms ("Nacta", "Nato", "Unesco", "Fifa", "Covid-19") are acronyms only when `is_known` says so, and
  not at a sentence start when they are also a common word ("Act now" against "the Act").
* Roman numerals of I, V and X ("II", "XIV") are not acronyms; a known one ("IV") is, unless a capitalised word
  precedes it ("Henry IV", "Phase IV"). Short ones with L, C, D or M are acronyms ("CD", "DC", "MD", "CV"), and
  ones of four letters or more ("MMXXIV") are not, unless known.
* Mixed case counts when at least two letters are capitals, capitals are at least as many as small letters and
  no three small letters follow each other: "MoU", "PhD", "mRNA", "IoT", "SaaS", "PwC" are acronyms;
  "McDonald", "iPhone", "YouTube", "OpenAI" are not.
* A digit and a capital ("5G", "3D") is an acronym, a number with a unit ("100MW") is not; a capital with digits
  ("G20", "F-16", "MI6") is.
* Dotted initials followed by a capitalised word ("J.K. Rowling") are a person's initials unless the form is
  known or used elsewhere without a name after it ("the U.S. said").
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Callable, Iterator

from desktop.core.wordlist import english_words

__all__ = ["AcronymMention", "Definition", "find_acronyms", "common_words"]


@dataclass(frozen=True)
class AcronymMention:
    """One acronym in the text: `text[start:end]` is the acronym with a plural "s" but without a possessive "'s".

    `form` is the canonical short form the glossary is keyed on: "SOPs" -> "SOP", "MoUs" -> "MoU",
    "TTP's" -> "TTP"; dots, hyphens and digits stay ("U.S.", "IS-K", "COVID-19").
    """

    start: int
    end: int
    form: str


@dataclass(frozen=True)
class Definition:
    """A definition the text gives for a short form, with the spans of both halves.

    `short` is canonical like `AcronymMention.form` (a plural "s" dropped); `text[short_start:short_end]` is the
    short form as written (with that "s"), and `text[long_start:long_end] == long`. `pattern` names how it was
    found: "long (short)", "short (long)", "long, or short", "short, short for long", "known as",
    "long — short —", "long, short," or "initials".
    """

    short: str
    long: str
    short_start: int
    short_end: int
    long_start: int
    long_end: int
    pattern: str


# --------------------------------------------------------------------------------------------------------------
# Word lists

#: Words that may sit inside a long form without giving it a letter ("Memorandum of Understanding").
FUNCTION_WORDS = frozenset(
    "a an and as at by de del der des di du e el for from in into la le of on or per the to und van von with"
    # the connectors of transliterated and foreign names: "Tehreek-i-Taliban", "Lashkar-e-Taiba", "Jamaat-ud-Dawa"
    " i ul al ud ur y da do das dos zu".split()
)

#: Common English words a writer may set in capitals for emphasis, or that newspapers print in capitals at the
#: start of an article, added to sumy's English stop words. Frequent words only; names and acronyms never.
_EXTRA_COMMON_WORDS = """
about act add after again age ago agree ahead aid aim air alert all alone also amid angry answer any apart
appeal area arm army art ask attack away back bad ban bank base battle bear beat become bed begin behind best
better big bill black blame blast blood blow board body bomb book border born boss both box boy break breaking
brief bring broke build burn business busy buy call calm came camp can car card care case cash cast catch
caught cause chance change charge cheap check chief child choice city claim class clean clear close club cold
come comment cost could count country court cover crash crime crisis cross crowd cry cup cut damn danger dare
day days dead deal dear death debate decide deep defeat delay deny die dirty done door double down draw dream
drive drop drug dry due during duty early earth east easy eat edge editor editorial effort else end enemy enough
enter entire equal error even event ever every evil exactly exclusive eye face fact fail fair faith fall false
fame far farm fast fat fear feel few field fight file final finally find fine fire firm first fit fix flag
flat flee flight floor fly focus follow food fool foot force forget form free fresh friend front full fun
fund game gas gave get gift girl give glad glory go goal god gold gone good got great green ground group grow
guard guess gun guy half hand happy hard harm hate head health hear heart heat hell help hero hide high hit
hold hole home hope horror hot hour house huge human hunt hurt idea ill image impact inside issue job join
joke jump just justice keep key kid kill killed kind king know lack land large last late later law lay lead
leader leave left less let lie life lift light like line list live lives local long look lord lose loss lost
lot love low luck mad made main major make man many map march mark mass matter mean meet men mind miss moment
money more most move much music must name nation near need never new news next nice night none normal not note
nothing now number off offer office old once only open opinion order other our out over own page pain paper
part party pass past path pay peace people per photo pick picture place plan play please plus point police
poor post power press price prime pro proof protest proud public pull push put quick quiet quit race raid
rain raise rally rare rate read ready real really reason record red rent report rest result return rich ride
right rise risk road rock role room rule run rush safe said sale same save say says scandal school score sea
seat second secret see seek seen sell send sense set shame share she shock shoot shop short shot show shut
sick side sign silence simple since sing sir sit size slow small smart so soft sold some son soon sorry soul
south speak special speed spend stand star start state stay step still stock stop story street strike strong
study stupid such sure table take talk tax team tear tell term terror test than thank that the then there
they thing think this those though threat three through time today told tomorrow too top total touch tough town
trade trial trip true trust truth try turn two under union unit until up update updated urgent use used very
victory view voice vote wait walk wall want war warning was watch water way weak wealth week weeks well went
were west what when where which while white who whole why wide wife will win wind wise with woman women won
word words work world worse worst worth would wow wrong year years yes yesterday yet young
"""

#: "US" in capitals is the country, not a shouted "us"; the rest are abbreviations in sumy's stop-word list.
_COMMON_WORDS_NOT_ACRONYMS = frozenset(
    "us un co com edu inc ltd nd rd th uucp qv sup sub que et etc viz vs eg ie ex non".split()
)


@functools.lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """sumy's English stop words plus the common words above, lower-cased; read once."""
    words = set(_EXTRA_COMMON_WORDS.split())
    try:
        stop_words = resources.files("sumy").joinpath("data", "stopwords", "english.txt").read_text("utf-8")
        words.update(line.strip().lower() for line in stop_words.splitlines() if line.strip())
    except (OSError, ModuleNotFoundError):  # sumy is a dependency; the extra list alone still works
        pass
    return frozenset(words - _COMMON_WORDS_NOT_ACRONYMS)


# --------------------------------------------------------------------------------------------------------------
# Finding acronyms

# A word: letters/digits joined by hyphens, ampersands, apostrophes and slashes (dots are handled on their own).
_TOKEN = re.compile(r"[^\W_](?:[\w&'’/\-]*[^\W_])?")
# Dotted initials: "U.S.", "U.K.", "U.S.A." (and "U.S" without its last dot).
_DOTTED = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,}(?![\w])|(?<![\w.])(?:[A-Z]\.)+[A-Z](?![\w.])")
_POSSESSIVE = re.compile(r"['’][sS]$")
_ROMAN = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_SMALL_RUN = re.compile(r"[a-z]{3,}")
_WORD_LETTERS = re.compile(r"[^\W\d_]+")
_SENTENCE_END_CHARS = ".!?"
#: Words that may precede an article's first sentence on its line: " date 2026-02-27 CONSIDERING the...".
_METADATA_WORDS = frozenset("date dated by posted updated published".split())
_OPENERS = "\"“‘'([«"


def _letters(form: str) -> str:
    return "".join(ch for ch in form if ch.isalpha())


def _is_capital_part(part: str) -> bool:
    """A piece of an all-capital form: capitals, digits and ampersands ("IS", "K", "19", "R&D", "AT&T")."""
    core = part.replace("&", "")
    return bool(core) and all(ch.isdigit() or (ch.isalpha() and ch.isupper()) for ch in core) and not (
        part.startswith("&") or part.endswith("&")
    )


def _is_mixed_part(part: str) -> bool:
    """"MoU", "PhD", "mRNA", "IoT", "SaaS", "CoV": mostly capitals, never three small letters in a row."""
    upper = sum(ch.isupper() for ch in part)
    lower = sum(ch.islower() for ch in part)
    return (
        upper >= 2 and lower >= 1 and upper >= lower and part.isalnum()
        and not _SMALL_RUN.search(part) and part[0].isalnum()
    )


def _strip_plural(part: str) -> str:
    """"SOPs" -> "SOP", "MoUs" -> "MoU", "E2s" -> "E2"; "SaaS" and "IS" are not plurals."""
    if len(part) >= 3 and part.endswith("s") and (part[-2].isupper() or part[-2].isdigit()):
        return part[:-1]
    return part


def _shape_ok(form: str) -> bool:
    """Enough capitals to be an acronym: two capital letters, or one with a digit ("G20", "F-16", "5G")."""
    upper = sum(ch.isupper() for ch in form)
    digits = sum(ch.isdigit() for ch in form)
    if form[0].isdigit():  # "5G", "3D", "4K" are names; "100MW", "10KM" are quantities
        return len(form) == 2 and upper == 1
    return upper >= 2 or (upper == 1 and digits > 0)


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    form: str
    kind: str  # "caps" (capitals, digits, dots), "mixed" (MoU) or "title" (Nato, only if known)
    plural: bool = False


def _candidates_in_token(text: str, start: int, end: int) -> Iterator[_Candidate]:
    """The acronym-shaped pieces of one word: "US-led" -> "US", "HIV/AIDS" -> "HIV", "AIDS"."""
    token = text[start:end]
    possessive = _POSSESSIVE.search(token)
    if possessive and len(token) > 2:
        end -= 2
        token = token[:-2]
    offset = start
    for piece in token.split("/"):
        if piece and "'" not in piece and "’" not in piece:
            yield from _candidates_in_piece(piece, offset)
        offset += len(piece) + 1


def _candidates_in_piece(piece: str, start: int) -> Iterator[_Candidate]:
    if piece.isalpha() and piece.istitle():  # the common case, fast: "The", "Pakistan", "Nacta"
        if len(piece) >= 3:
            yield _Candidate(start, start + len(piece), piece, "title")
        return
    parts = piece.split("-")
    positions = []
    position = start
    for part in parts:
        positions.append(position)
        position += len(part) + 1
    index = 0
    while index < len(parts):
        part = parts[index]
        if not part:
            index += 1
            continue
        if _is_capital_part(part) or _is_mixed_part(part) or _is_mixed_part(_strip_plural(part)) or (
            _is_capital_part(_strip_plural(part))
        ):
            # A run of acronym-like parts, with digit parts after the first: "IS-K", "PML-N", "COVID-19".
            if part.isdigit():
                index += 1
                continue
            last = index
            while last + 1 < len(parts) and parts[last + 1] and (
                _is_capital_part(parts[last + 1]) or _is_mixed_part(_strip_plural(parts[last + 1]))
                or _is_capital_part(_strip_plural(parts[last + 1]))
            ):
                last += 1
            run_start = positions[index]
            run_end = positions[last] + len(parts[last])
            written = "-".join(parts[index:last + 1])
            form = written[: -len(parts[last])] + _strip_plural(parts[last])
            plural = form != written
            if _shape_ok(form) and (plural or not form.isdigit()):
                kind = "caps" if all(_is_capital_part(p) for p in form.split("-")) else "mixed"
                yield _Candidate(run_start, run_end, form, kind, plural)
            index = last + 1
            continue
        if part[0].isupper() and part[1:].islower() and len(part) >= 3 and part.isalpha():
            # Title case ("Nacta", "Covid-19"): a candidate the glossary must confirm.
            last = index
            while last + 1 < len(parts) and parts[last + 1].isdigit():
                last += 1
            run_end = positions[last] + len(parts[last])
            yield _Candidate(positions[index], run_end, "-".join(parts[index:last + 1]), "title")
            if last > index:
                yield _Candidate(positions[index], positions[index] + len(part), part, "title")
        index += 1


class _Text:
    """Facts about the whole text that the rules consult: its lines and the ordinary words it uses."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self._line_is_headline: dict[int, bool] = {}
        self.article_lead = -1
        self.words = {word for word in _WORD_LETTERS.findall(text) if not word.isupper()}

    def line_of(self, position: int) -> int:
        return bisect.bisect_right(self.line_starts, position) - 1

    def line_is_headline(self, line: int) -> bool:
        """A line in capitals: no small letters, and either a common word or four words in capitals."""
        if line not in self._line_is_headline:
            start = self.line_starts[line]
            end = self.line_starts[line + 1] - 1 if line + 1 < len(self.line_starts) else len(self.text)
            words = _WORD_LETTERS.findall(self.text, start, end)
            capital_words = [w for w in words if w.isupper() and len(w) >= 2]
            common = common_words()
            self._line_is_headline[line] = bool(words) and all(not w.islower() and w.isupper() for w in words) and (
                len(capital_words) >= 4 or any(w.lower() in common for w in capital_words)
            ) and len(capital_words) >= 2
        return self._line_is_headline[line]

    def used_as_word(self, form: str, capitalised_too: bool) -> bool:
        letters = form.replace("-", "")
        if not letters.isalpha():
            return False
        return letters.lower() in self.words or (capitalised_too and letters.capitalize() in self.words)


def _is_sentence_start(text: str, position: int) -> bool:
    index = position - 1
    while index >= 0 and (text[index] in " \t\u00a0" or text[index] in _OPENERS):
        index -= 1
    return index < 0 or text[index] == "\n" or text[index] in _SENTENCE_END_CHARS


def _next_word_is_lower(text: str, end: int) -> bool:
    index = end
    while index < len(text) and text[index] in " \t\u00a0\"“”'’,":
        if text[index] == "," and index > end:
            break
        index += 1
    return index < len(text) and text[index].islower()


def _next_is_dateline_mark(text: str, end: int) -> bool:
    rest = text[end:end + 3].lstrip(" \t")
    return rest[:1] in (":", "—", "–", "(") or rest.startswith("- ")


def _previous_word_capitalised(text: str, start: int) -> bool:
    index = start - 1
    while index >= 0 and text[index] in " \t\u00a0":
        index -= 1
    if index < 0 or not text[index].isalpha():
        return False
    word_start = index
    while word_start > 0 and text[word_start - 1].isalpha():
        word_start -= 1
    word = text[word_start:index + 1]
    return word[0].isupper() and not (_is_sentence_start(text, word_start) and word.lower() in common_words())


def _roman_kind(form: str) -> str | None:
    """"ivx" for II/XIV (never acronyms unless known), "long" for MMXXIV, None when not a Roman numeral."""
    if not form or not _ROMAN.fullmatch(form):
        return None
    if set(form) <= set("IVX"):
        return "ivx"
    return "long" if len(form) >= 4 else None


def find_acronyms(
    text: str, is_known: Callable[[str], bool] | None = None, is_unit: Callable[[str], bool] | None = None
) -> list[AcronymMention]:
    """Every acronym mention in `text`, in document order (see the module docstring for what counts).

    `is_known(form)` says whether a glossary knows a form; it decides title-case forms ("Nato") and forms that
    are also common words ("WHO"). It is called at most once per distinct form. `is_unit(form)` says whether a
    form is a unit of measure: only those count right after a number ("710GB", but not the "ER" of "777-300ER").
    """
    known_cache: dict[str, bool] = {}

    def known(form: str) -> bool:
        if is_known is None:
            return False
        if form not in known_cache:
            known_cache[form] = bool(is_known(form))
        return known_cache[form]

    facts = _Text(text)
    candidates = list(_all_candidates(text, titles=is_known is not None))
    contexts = _contexts(text, facts, candidates)
    facts.article_lead = _article_lead(text, facts, candidates)
    common = common_words()

    # Forms the text itself uses as acronyms: in normal prose by rules that need no confirmation, or alone in
    # brackets ("(NACTA)").
    confirmed: set[str] = set()
    bracketed_forms: set[str] = set()
    for candidate, context in zip(candidates, contexts):
        if candidate.kind == "title":
            continue
        form = candidate.form
        bracketed = text[candidate.start - 1:candidate.start] in "([" and text[candidate.end:candidate.end + 1] in ")]"
        if candidate.start > 0 and bracketed and form.lower() not in common:
            confirmed.add(form)
            bracketed_forms.add(form)
        elif context == "normal" and form.lower() not in common and not _roman_kind(form) and not (
            facts.used_as_word(form, False) or _looks_like_shouted_word(text, candidate, lead=False)
        ) and not _is_initials_of_name(text, candidate):
            confirmed.add(form)

    mentions = []
    for candidate, context in zip(candidates, contexts):
        if _WEB_DOMAIN_AFTER.match(text, candidate.end) or _in_address(text, candidate.start, candidate.end):
            continue  # "KSL.com", "Jo.Amos-INTERNET@bbc.co.uk": part of an address, not an acronym
        if _is_english_word(candidate, known, bracketed_forms):
            continue  # "a TOTAL DISASTER", "the CORAL reef": a word in capitals, unless the glossary knows it
        if _accept(text, facts, candidate, context, known, confirmed, common):
            mentions.append(_known_head(candidate, known) if is_known is not None else
                            AcronymMention(candidate.start, candidate.end, candidate.form))
    if is_known is not None:
        whole = list(_known_whole_tokens(text, known))
        if whole:  # "CP/M" and "Wi-Fi" as the glossary writes them, rather than their pieces
            spans = [(m.start, m.end) for m in whole]
            mentions = sorted([m for m in mentions if not _overlaps(spans, m)] + whole, key=lambda m: m.start)
        taken = [(m.start, m.end) for m in mentions]
        extra = [m for m in _small_letter_abbreviations(text, known, is_unit or known, common) if not _overlaps(taken, m)]
        if extra:
            mentions = sorted(mentions + extra, key=lambda m: m.start)
    return mentions


#: A token joined by slashes or hyphens, or beginning with a digit: "CP/M", "I/O", "Wi-Fi", "2B1Q", "4GL".
_JOINED_TOKEN = re.compile(r"(?<![\w/&-])(?:[\w&]+(?:[/-][\w&]+)+|\d+[A-Za-z][\w]*)(?![\w/&-])")


def _known_whole_tokens(text: str, known: Callable[[str], bool]) -> Iterator[AcronymMention]:
    """Whole tokens the glossary knows as written, which the capital-letter rules would cut into pieces or skip:
    "CP/M" is not "CP" and "M", "Wi-Fi" is not two title-case words, "4GL" is not a number and a unit."""
    for match in _JOINED_TOKEN.finditer(text):
        form = match.group()
        if len(form) <= _MAX_JOINED_CHARS and any(ch.isupper() for ch in form) and known(form):
            yield AcronymMention(match.start(), match.end(), form)


_MAX_JOINED_CHARS = 12


#: An identifier made of an acronym and numbers: "CVE-2012-4929", "SHA-256", "ISO-9001".
_NUMBERED_IDENTIFIER = re.compile(r"([A-Z][A-Z&]+)(?:-\d+)+[A-Za-z]?")


#: Shorter words in capitals are too often real acronyms the glossary lacks (NAP, SOP, AIDS) to be ruled out.
MIN_SHOUTED_WORD = 5


def _is_english_word(candidate: _Candidate, known: Callable[[str], bool], bracketed: set[str]) -> bool:
    """Whether a form in capitals is an English word the glossary does not know and the text never sets alone in
    brackets: "DISASTER", "SHOPKEEPER", "CURRENT" (five letters or more). Known acronyms that are words (NATO, RADAR, WHO) stay acronyms,
    and so does "(CLEAR)", which the writer presents as a name."""
    form = candidate.form
    if candidate.kind != "caps" or len(form) < MIN_SHOUTED_WORD or not form.isalpha() or form in bracketed:
        return False
    return form.lower() in english_words() and not known(form)


def _known_head(candidate: _Candidate, known: Callable[[str], bool]) -> AcronymMention:
    """The mention of a candidate; for a numbered identifier the glossary does not know as a whole, its known
    acronym: in "CVE-2012-4929" the reader wants CVE explained, and the number is not part of it."""
    match = _NUMBERED_IDENTIFIER.fullmatch(candidate.form)
    if match and not known(candidate.form) and known(match.group(1)):
        return AcronymMention(candidate.start, candidate.start + len(match.group(1)), match.group(1))
    return AcronymMention(candidate.start, candidate.end, candidate.form)


_WEB_DOMAIN_AFTER = re.compile(r"\.(?:com|org|net|gov|edu|int|io|co|uk|pk|in|info|tv)\b", re.IGNORECASE)
_SPACE = re.compile(r"\s")


def _in_address(text: str, start: int, end: int) -> bool:
    """Whether a span lies inside an e-mail or web address (the run of text between spaces around it)."""
    if "@" not in text[max(0, start - 80):end + 80] and "/" not in text[max(0, start - 80):end + 80]:
        return False  # the common case, decided without looking for the run's ends
    left = start
    while left > 0 and not text[left - 1].isspace() and start - left < 200:
        left -= 1
    match = _SPACE.search(text, end, min(len(text), end + 200))
    run = text[left:match.start() if match else min(len(text), end + 200)]
    return "@" in run or "://" in run or run.lower().startswith("www.")


#: Abbreviations in small letters with dots: "e.g.", "i.e.", "a.k.a.", "etc.", "vs." (the dot may end a sentence).
_SMALL_DOTTED = re.compile(r"(?<![\w.])(?:[a-z]{1,3}\.){2,}|(?<![\w.])[a-z]{2,6}\.(?=\s|$|[,;:)])")
#: A unit right after a number: "5 mm", "710GB", "10 dB", "3.5 µm", "54 Mbit/s".
_UNIT_AFTER_NUMBER = re.compile(r"(?<=\d)\s?([A-Za-zµ]{2,5}(?:/[a-z]{1,3})?)(?![\w/])")


def _small_letter_abbreviations(
    text: str, known: Callable[[str], bool], is_unit: Callable[[str], bool], common: frozenset
) -> Iterator[AcronymMention]:
    """Known abbreviations the capital-letter rules cannot see: Latin and everyday ones written in small letters
    with dots, and units after a number. Only glossary forms count, and never a common word ("in", "am"), so a
    sentence's last word is not taken for an abbreviation by its full stop."""
    for match in _SMALL_DOTTED.finditer(text):
        form = match.group()
        if form.count(".") == 1 and (form[:-1] in common or not known(form)):
            continue
        if known(form):
            yield AcronymMention(match.start(), match.end(), form)
    for match in _UNIT_AFTER_NUMBER.finditer(text):
        form = match.group(1)
        if form.lower() not in common and is_unit(form):
            yield AcronymMention(match.start(1), match.end(1), form)


def _overlaps(spans: list[tuple[int, int]], mention: AcronymMention) -> bool:
    index = bisect.bisect_right(spans, (mention.start, float("inf")))
    before = spans[index - 1] if index else None
    after = spans[index] if index < len(spans) else None
    return bool(before and before[1] > mention.start) or bool(after and after[0] < mention.end)


def _article_lead(text: str, facts: _Text, candidates: list[_Candidate]) -> int:
    """Where a word in capitals opens the article's first line of prose and small letters follow it
    ("CONSIDERING the relentless wave...", "IT is a pity..."), or -1."""
    for candidate in candidates:
        if candidate.kind == "title" or facts.line_is_headline(facts.line_of(candidate.start)):
            continue
        line = facts.line_of(candidate.start)
        line_start = facts.line_starts[line]
        before = text[line_start:candidate.start]
        if any(not word.isupper() and word.lower() not in _METADATA_WORDS for word in _WORD_LETTERS.findall(before)):
            return -1  # the line had begun with prose
        return candidate.start if _next_word_is_lower(text, candidate.end) else -1
    return -1


def _all_candidates(text: str, titles: bool) -> Iterator[_Candidate]:
    """Every acronym-shaped piece of the text, in order; title-case words ("Nato") only when `titles`."""
    dotted = [(m.start(), m.end()) for m in _DOTTED.finditer(text)]
    dotted_index = 0
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token.islower() or token.isdigit():
            continue  # most words: nothing in capitals
        start, end = match.span()
        while dotted_index < len(dotted) and dotted[dotted_index][0] < start:
            dotted_start, dotted_end = dotted[dotted_index]
            yield _Candidate(dotted_start, dotted_end, text[dotted_start:dotted_end], "caps")
            dotted_index += 1
        if dotted_index < len(dotted) and dotted[dotted_index][0] <= start < dotted[dotted_index][1]:
            continue  # a letter of a dotted form
        for candidate in _candidates_in_token(text, start, end):
            if titles or candidate.kind != "title":
                yield candidate
    for dotted_start, dotted_end in dotted[dotted_index:]:
        yield _Candidate(dotted_start, dotted_end, text[dotted_start:dotted_end], "caps")


def _contexts(text: str, facts: _Text, candidates: list[_Candidate]) -> list[str]:
    """"headline", "shouted" (three or more words in capitals in a row), "lead" (capitals opening a sentence)
    or "normal", for each candidate."""
    contexts = ["normal"] * len(candidates)
    common = common_words()
    index = 0
    while index < len(candidates):
        candidate = candidates[index]
        if candidate.kind == "title":
            index += 1
            continue
        # A run of capital words separated by spaces only.
        last = index
        while last + 1 < len(candidates) and candidates[last + 1].kind != "title" and _only_spaces_between(
            text, candidates[last].end, candidates[last + 1].start
        ):
            last += 1
        run = candidates[index:last + 1]
        headline = facts.line_is_headline(facts.line_of(candidate.start))
        shouted = len(run) >= 3 and any(c.form.lower() in common for c in run)
        lead = _is_sentence_start(text, candidate.start)
        for position in range(index, last + 1):
            if headline:
                contexts[position] = "headline"
            elif shouted:
                contexts[position] = "shouted"
            elif lead:
                contexts[position] = "lead"
        index = last + 1
    return contexts


def _only_spaces_between(text: str, end: int, start: int) -> bool:
    gap = text[end:start]
    return gap != "" and len(gap) <= 3 and all(ch in " \t\u00a0" for ch in gap)


def _looks_like_shouted_word(text: str, candidate: _Candidate, lead: bool) -> bool:
    """A long unknown word in capitals followed by small letters: "CONSIDERING the ...", "PESHAWAR: The ..."."""
    letters = len(_letters(candidate.form))
    if candidate.kind != "caps" or "." in candidate.form:
        return False
    if lead and (letters >= 5 and _next_word_is_lower(text, candidate.end) or _next_is_dateline_mark(text, candidate.end)):
        return True
    return letters >= 7 and _next_word_is_lower(text, candidate.end)


def _is_initials_of_name(text: str, candidate: _Candidate) -> bool:
    """"J.K. Rowling": dotted initials followed by a capitalised word."""
    if "." not in candidate.form:
        return False
    rest = text[candidate.end:candidate.end + 40]
    match = re.match(r"\s+([A-Z][a-z]+)", rest)
    return bool(match)


def _accept(text, facts, candidate, context, known, confirmed, common) -> bool:
    form = candidate.form
    if candidate.kind == "title":
        if not known(form):
            return False
        return not (form.lower() in common and _is_sentence_start(text, candidate.start))
    roman = _roman_kind(form)
    if roman == "ivx":
        return known(form) and not _previous_word_capitalised(text, candidate.start) and context == "normal"
    if roman == "long" and not known(form):
        return False
    is_common = form.lower() in common
    if context in ("headline", "shouted"):
        return not is_common and (form in confirmed or known(form))
    if is_common:
        # "WHO warned..." may open a sentence, but "IT is a pity..." opening an article is a newspaper's lead-in.
        if candidate.start == facts.article_lead:
            return False
        return context in ("normal", "lead") and known(form)
    if known(form):
        return True
    if _is_initials_of_name(text, candidate) and form not in confirmed:
        return False
    if facts.used_as_word(form, capitalised_too=context == "lead"):
        return False
    if _looks_like_shouted_word(text, candidate, lead=context == "lead"):
        return form in confirmed
    return True
