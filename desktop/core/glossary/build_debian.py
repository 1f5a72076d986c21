"""Derive computing acronyms for the bundled glossary from two free dictionaries that Debian packages.

    python -m desktop.core.glossary.build_debian [--download] [--cache FOLDER]
    python -m desktop.core.glossary.compile

writes `resources/glossary/foldoc.tsv` (the Free On-line Dictionary of Computing, Debian package `dict-foldoc`)
and `vera.tsv` (GNU V.E.R.A., "Virtual Entity of Relevant Acronyms", Debian package `vera`). Both are under
the GNU Free Documentation License; we take only facts from them: a short form, what it stands for, the kind of
thing it is and, for V.E.R.A., the country its tags name. Every description is one of our template sentences,
built from FOLDOC's subject labels (`<networking>`) or V.E.R.A.'s reference tags (`(org., Germany)`), never
from the dictionaries' own wording. The files are read where the packages install them
(`/usr/share/dictd/foldoc.dict.dz`, `/usr/share/info/vera.info.gz`) or, with `--download`, fetched with
`apt-get download` and unpacked into a cache folder, so no package (nor the dictd server that `dict-foldoc`
depends on) needs installing.

What the script decides, and why:

* FOLDOC has two kinds of acronym entry, both taken. An entry headed by the acronym whose senses are only a
  link to the full name ("MTA: 1. <messaging> {Message Transfer Agent}. 2. ...") gives one row a sense, in
  FOLDOC's order; one whose first sentence is the expansion in plain words ("DFA: Deterministic Finite-state
  Automaton. See ...") gives one row when the words spell the acronym strictly (see below). An entry headed
  by the full name whose text opens with the acronym in brackets ("Point-to-Point Tunneling Protocol:
  <communications, protocol> (PPTP) A tunneling protocol ...") gives the pair the other way round.
* V.E.R.A. is one expansion a line. Its conventions (its own "Format" node) are followed: words in square
  brackets are explanations and are dropped at the ends of an expansion (kept, unbracketed, inside it), the
  tags in parentheses say where the acronym is used (`(org., USA)`: an organisation in the US), the spelling in
  quotes at the end is the usual one ("ASN1" is written "ASN.1"), alternatives are separated by slashes
  ("Application Entity / Environment": two expansions), and "???" marks a guess, which we skip.
* Both dictionaries capitalise the letters an acronym takes ("Synchronous Optical NETwork", "eXtended File
  System"); a run of capitals that is part of the short form is undone ("Network", "Extended").
* Junk is filtered by rules, not by hand: an expansion must spell its short form (Schwartz and Hearst's test:
  the letters of the short form appear in order in the expansion, the first at the start of a word; for
  plain-text first sentences every content word must give a letter, so a definition is not taken for an
  expansion), must be a name-sized phrase (at most 12 words, no sentence or question inside, no link), must not
  be a cross-reference ("Do you mean ...", "See ...", "Or ..."); short forms must look like acronyms (two
  capitals, or a capital and a digit): a title-case or lower-case short form ("Unix", "grep") would make the
  app read an ordinary capitalised word as an acronym, and an all-capital short form that is a common English
  word ("AND", "THE") would expand a shouted headline; so would a long English word ("SCROLL DOWN FOR VIDEO"),
  so all-capital short forms of six letters or more that are in Debian's `wamerican` word list are dropped
  (shorter ones, often real acronyms such as BASIC or DOS, stay). Short forms with spaces ("AD DS") are never
  looked up and are skipped.
* V.E.R.A. fills the gaps FOLDOC leaves, and only where it is nearly unambiguous: a short form FOLDOC knows
  gets nothing from V.E.R.A., and one with more than two V.E.R.A. expansions is skipped. V.E.R.A. lists every
  expansion anyone has used, unordered ("PC": thirteen, from "Priority Control" to "Protocol Control"), and
  the obscure ones, made of everyday words, look apt in any technical article and crowd out the usual sense.
  Repeats of curated rows are left to the compiler, which keeps the curated sense and records the other
  spelling as an alias.
* Weights are low priors, below every curated sense and below WordNet (0.4), so that news senses win and these
  fill gaps: FOLDOC's first sense 0.3, each later sense 0.02 less (never below 0.2), a full-name entry not
  listed under its acronym 0.26; V.E.R.A. 0.25 for the first alternative (0.24 for the second), and 0.15 for
  chat shorthand (`(slang, Usenet, IRC)`).
* Not used: GCIDE (`dict-gcide`, GPL; Webster's 1913 has next to no acronyms), the Jargon File (`dict-jargon`;
  FOLDOC already includes it), and no package carries Wiktionary's English abbreviations.
"""

from __future__ import annotations

import argparse
import gzip
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

from desktop.core.glossary.build_sources import write_tsv
from desktop.core.glossary.bundled import form_key
from desktop.core.glossary.compile import Row, glossary_dir, squash
from desktop.core.glossary.spelling import (
    _alnum, _clean, decapitalise, looks_like_acronym, name_sized, spells, spells_strictly,
)

GENERATED = "# Generated by `python -m desktop.core.glossary.build_debian` from Debian {package} {version}; do not edit."
DEFAULT_CACHE = Path.home() / ".cache" / "precis" / "glossary-debian"

#: Where each package installs the file we read, relative to the root it is unpacked in.
FOLDOC_DICT = Path("usr/share/dictd/foldoc.dict.dz")
FOLDOC_INDEX = Path("usr/share/dictd/foldoc.index")
VERA_INFO = Path("usr/share/info/vera.info.gz")
WORDS = Path("usr/share/dict/american-english")
BRITISH_WORDS = Path("usr/share/dict/british-english")
PACKAGES = {"dict-foldoc": FOLDOC_DICT, "vera": VERA_INFO, "wamerican": WORDS, "wbritish": BRITISH_WORDS}
#: The English word list the acronym finder reads (see `write_word_list`), beside the glossary folder.
WORD_LIST = "english-words.txt"

#: A short form with more V.E.R.A. expansions than this is too ambiguous to take from it (see `fill_gaps`).
MOST_VERA_SENSES = 2
#: An all-capital short form this long that is an English word ("SCROLL", "DOMAIN") is dropped (see `not_words`).
LONG_WORD = 6


# -- FOLDOC -----------------------------------------------------------------------------------------------------

_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def _b64(text: str) -> int:
    value = 0
    for char in text:
        value = value * 64 + _B64.index(char)
    return value


@dataclass(frozen=True)
class FoldocEntry:
    heads: tuple[str, ...]  # the headwords as written ("Point-to-Point Tunneling Protocol", "PPTP")
    body: str  # the text, one paragraph a line, whitespace squeezed


def read_dictd(dict_path: Path, index_path: Path) -> list[FoldocEntry]:
    """The entries of a dictd dictionary in index order; an entry with several headwords is read once."""
    data = _read_maybe_gzip(dict_path)
    seen: set[tuple[int, int]] = set()
    entries = []
    for line in index_path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) != 3:
            continue
        span = (_b64(parts[1]), _b64(parts[2]))
        if span in seen:
            continue
        seen.add(span)
        text = data[span[0]:span[0] + span[1]].decode("utf-8", "replace")
        lines = text.split("\n")
        heads = []
        while lines and lines[0].strip() and not lines[0][:1].isspace():
            heads.append(lines.pop(0).strip())
        paragraphs = [_clean(p) for p in re.split(r"\n\s*\n", "\n".join(lines))]
        if heads and not heads[0].startswith("00-database"):
            entries.append(FoldocEntry(tuple(heads), "\n".join(p for p in paragraphs if p)))
    return entries


def _read_maybe_gzip(path: Path) -> bytes:
    raw = path.read_bytes()
    return gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw  # dictzip (.dz) is gzip too


_CATEGORY = re.compile(r"^<([^<>{}]{1,80})[>}]\s*")
_PRONUNCIATION = re.compile(r"^/[^/]{1,40}/(?:,? or /[^/]{1,40}/)?\s*")
_NUMBERED = re.compile(r"^(\d{1,2})\.\s+")


def _strip_front(text: str) -> tuple[str, tuple[str, ...]]:
    """Take the pronunciation and the subject labels off the front of a sense: ("{Message ...}", ("messaging",))."""
    categories: list[str] = []
    while True:
        match = _PRONUNCIATION.match(text) or _CATEGORY.match(text)
        if not match:
            return text, tuple(categories)
        if match.re is _CATEGORY:
            categories.extend(c.strip() for c in match.group(1).split(",") if c.strip())
        text = text[match.end():]


def foldoc_senses(body: str) -> list[tuple[str, tuple[str, ...]]]:
    """The senses of an entry as (text, subject labels): numbered paragraphs "1. ...", "2. ...", or the first
    paragraph. Labels before "1." apply to every sense."""
    paragraphs = body.split("\n")
    if not paragraphs:
        return []
    head, shared = _strip_front(paragraphs[0])
    if not _NUMBERED.match(head):
        return [(head, shared)]
    senses = []
    expected = 1
    texts = [head] + paragraphs[1:]
    for paragraph in texts:
        match = _NUMBERED.match(paragraph)
        if not match or int(match.group(1)) != expected:
            continue
        # a paragraph may hold several numbered senses: "1. {A}. 2. {B}."
        pieces = re.split(r"(?:(?<=\s)|^)(\d{1,2})\.\s+", paragraph)
        number = None
        for piece in pieces:
            if re.fullmatch(r"\d{1,2}", piece):
                number = int(piece)
                continue
            if number == expected:
                text, categories = _strip_front(piece.strip())
                senses.append((text, categories or shared))
                expected += 1
            number = None
    return senses


_LINK_ONLY = re.compile(r"^\{([^{}]+)\}\s*\.?\s*(?:\((?:[^(){}]|\{[^{}]*\})*\)\.?)?\s*(?:\(\d{4}-\d\d-\d\d\))?$")
_FIRST_SENTENCE = re.compile(r"^([A-Z][^.{}()\[\]\"<>:;]*?)\.(?:\s|$)")
_LEADING_BRACKET = re.compile(r"^\(([^(){}]+)\)\s")


def _kind_and_description(categories: tuple[str, ...]) -> tuple[str, str]:
    labels = [c.casefold() for c in categories]
    if "company" in labels:
        return "organisation", "A company in the computing industry."
    if "body" in labels:
        return "organisation", "An organisation or standards body in computing."
    if "person" in labels:
        return "other", "A person in the history of computing, known by initials."
    if "project" in labels:
        return "programme", "A computing project."
    if {"jargon", "chat", "humour", "abuse"} & set(labels):
        return "term", "A piece of computing jargon or chat shorthand."
    subjects = [c for c in labels if c not in ("acronym", "abbreviation")]
    if subjects:
        return "term", f"A computing term ({', '.join(subjects[:3])})."
    return "term", "A computing term."


def foldoc_rows(entries: Iterable[FoldocEntry]) -> list[Row]:
    entries = list(entries)
    by_name: dict[str, FoldocEntry] = {}
    for entry in entries:
        for head in entry.heads:
            by_name.setdefault(head.casefold(), entry)

    def categories_of(name: str) -> tuple[str, ...]:
        target = by_name.get(name.casefold())
        if target is None:
            return ()
        senses = foldoc_senses(target.body)
        return senses[0][1] if senses else ()

    listed: list[Row] = []
    named: list[Row] = []
    for entry in entries:
        title = entry.heads[0]
        senses = foldoc_senses(entry.body)
        if looks_like_acronym(title):
            for number, (text, categories) in enumerate(senses):
                expansion = None
                link = _LINK_ONLY.match(text)
                if link:
                    candidate = _clean(link.group(1))
                    if spells(title, candidate):
                        expansion = candidate
                        categories = categories or categories_of(candidate)
                else:
                    plain = _FIRST_SENTENCE.match(text) or _LEADING_BRACKET.match(text)
                    if plain and spells_strictly(title, plain.group(1)):
                        expansion = _clean(plain.group(1))
                if expansion and name_sized(expansion) and _alnum(expansion) != _alnum(title):
                    expansion = decapitalise(title, expansion)
                    kind, description = _kind_and_description(categories)
                    weight = max(0.3 - 0.02 * number, 0.2)
                    listed.append(Row(title, expansion, kind, (), description, "foldoc", round(weight, 3),
                                      origin=f"foldoc:{title}"))
        elif senses:
            text, categories = senses[0]
            bracket = re.match(r"^\(([^(){}\s,]+)\)", text)
            if not bracket:
                continue
            short = bracket.group(1)
            if looks_like_acronym(short) and spells(short, title) and name_sized(title) and not looks_like_acronym(title):
                kind, description = _kind_and_description(categories)
                named.append(Row(short, decapitalise(short, title), kind, (), description, "foldoc", 0.26, origin=f"foldoc:{title}"))
    return _unique(listed + named)


# -- V.E.R.A. ---------------------------------------------------------------------------------------------------

#: Countries named in V.E.R.A.'s tags, mapped to ISO 3166 alpha-2 (EU for the European Union).
VERA_COUNTRIES = {
    "usa": "US", "u.s.": "US", "us": "US", "germany": "DE", "france": "FR", "uk": "GB", "gb": "GB", "japan": "JP",
    "spain": "ES", "italy": "IT", "austria": "AT", "switzerland": "CH", "netherlands": "NL", "canada": "CA",
    "australia": "AU", "sweden": "SE", "norway": "NO", "finland": "FI", "denmark": "DK", "belgium": "BE",
    "china": "CN", "india": "IN", "korea": "KR", "russia": "RU", "poland": "PL", "israel": "IL", "ireland": "IE",
    "europe": "EU", "eu": "EU", "brazil": "BR", "taiwan": "TW", "singapore": "SG", "new zealand": "NZ",
}
_VERA_ORG = frozenset("org. org manufacturer company corp. firm association".split())
_VERA_CHAT = frozenset("slang usenet irc chat".split())
_VERA_ENTRY = re.compile(r"^([0-9A-Za-z][0-9A-Za-z]*)\n((?: {5}.*\n?)+)", re.MULTILINE)


def read_vera(path: Path) -> list[tuple[str, str]]:
    """(acronym, raw expansion line) in file order, from the letter nodes "0" and "A" to "Z" of vera.info."""
    text = _read_maybe_gzip(path).decode("utf-8", "replace").replace("\r", "")
    pairs = []
    for node in text.split("\x1f"):
        header = re.search(r"Node: ([^,\n]+)", node)
        if not header or not re.fullmatch(r"[0A-Z]", header.group(1).strip()):
            continue
        for match in _VERA_ENTRY.finditer(node):
            pairs.append((match.group(1), _clean(match.group(2))))
    return pairs


def alternatives(expansion: str) -> list[str]:
    """V.E.R.A.'s slash alternatives: "Application Entity / Environment" -> both readings; the word before and
    after each " / " are the alternatives, the rest is shared."""
    parts = [p.strip() for p in expansion.split(" / ")]
    if len(parts) == 1 or not all(parts):
        return [expansion]
    first = parts[0].split()
    last = parts[-1].split()
    middles = [first[-1]] + [p for p in parts[1:-1]] + [last[0]]
    prefix, suffix = " ".join(first[:-1]), " ".join(last[1:])
    return [" ".join(w for w in (prefix, middle, suffix) if w) for middle in middles]


def parse_vera_line(acronym: str, line: str) -> tuple[str, list[str], list[str]]:
    """(short form, expansions, tags) of one V.E.R.A. line; no expansions if it is uncertain or not a name."""
    short = acronym
    quoted = re.search(r',?\s*"([^"]+)"\s*$', line)
    if quoted:
        line = line[:quoted.start()]
        if _alnum(quoted.group(1)) == _alnum(acronym):
            short = quoted.group(1).strip()
    if "???" in line:
        return short, [], []
    tags: list[str] = []
    tag_match = re.search(r"\(([^()]*)\)\s*$", line)
    if tag_match:
        tags = [t.strip() for t in tag_match.group(1).split(",") if t.strip()]
        line = line[:tag_match.start()]
    line = re.sub(r"^\s*\[[^\]]*\]\s*|\s*\[[^\]]*\]\s*$", " ", line)  # explanations at either end
    line = re.sub(r"^\s*\[[^\]]*\]\s*|\s*\[[^\]]*\]\s*$", " ", line)
    line = re.sub(r"\[([^\]]*)\]", r"\1", line)
    line = re.sub(r"(?<=[a-z])\(([a-z]{1,4})\)(?=\W|$)", r"\1", line)  # "Connect(ion)": the longer reading
    line = _clean(line)
    for tag in list(tags):
        if tag.casefold() in VERA_COUNTRIES and line.endswith(" " + tag):
            line = line[: -len(tag) - 1]
    readings = alternatives(line)
    if not all(spells(short, r) for r in readings):  # not alternatives but one name with a slash in it
        readings = [line] if spells(short, line) else []
    return short, [decapitalise(short, r) for r in readings if name_sized(r)], tags


def _vera_kind(tags: list[str]) -> tuple[str, tuple[str, ...], str]:
    """Kind, countries and our description from V.E.R.A.'s tags: "org., USA" is an organisation in the US."""
    countries = tuple(dict.fromkeys(VERA_COUNTRIES[t.casefold()] for t in tags if t.casefold() in VERA_COUNTRIES))
    words = {t.casefold().strip(".") for t in tags}
    if words & {w.strip(".") for w in _VERA_ORG}:
        where = f" in {_COUNTRY_NAMES.get(countries[0], countries[0])}" if len(countries) == 1 else ""
        return "organisation", countries, f"An organisation or company in computing or telecommunications{where}."
    if words & _VERA_CHAT:
        return "term", (), "Shorthand from internet chat, email or Usenet."
    context = [t for t in tags if t.casefold() not in VERA_COUNTRIES and len(t.split()) <= 3 and len(t) <= 24]
    if context:
        return "term", (), f"A computing or telecommunications term (used with {', '.join(context[:3])})."
    return "term", (), "A computing or telecommunications term."


_COUNTRY_NAMES = {
    "US": "the United States", "DE": "Germany", "FR": "France", "GB": "the United Kingdom", "JP": "Japan",
    "ES": "Spain", "IT": "Italy", "AT": "Austria", "CH": "Switzerland", "NL": "the Netherlands", "CA": "Canada",
    "AU": "Australia", "SE": "Sweden", "NO": "Norway", "FI": "Finland", "DK": "Denmark", "BE": "Belgium",
    "CN": "China", "IN": "India", "KR": "South Korea", "RU": "Russia", "PL": "Poland", "IL": "Israel",
    "IE": "Ireland", "EU": "the European Union", "BR": "Brazil", "TW": "Taiwan", "SG": "Singapore",
    "NZ": "New Zealand",
}


def vera_rows(pairs: Iterable[tuple[str, str]]) -> list[Row]:
    rows = []
    for acronym, line in pairs:
        short, readings, tags = parse_vera_line(acronym, line)
        if not readings or not looks_like_acronym(short):
            continue
        kind, countries, description = _vera_kind(tags)
        chat = description.startswith("Shorthand")
        for number, expansion in enumerate(readings):
            if _alnum(expansion) == _alnum(short):
                continue
            weight = 0.15 if chat else max(0.25 - 0.01 * number, 0.2)
            rows.append(Row(short, expansion, kind, countries, description, "vera", weight, origin=f"vera:{acronym}"))
    return _unique(rows)


# -- merging and writing ----------------------------------------------------------------------------------------

def _unique(rows: Iterable[Row]) -> list[Row]:
    """One row per short form and name (equal up to case and punctuation); the first, best-weighted, wins."""
    kept: dict[tuple[str, str], Row] = {}
    for row in rows:
        key = (row.short, squash(row.expansion))
        if key not in kept or row.weight > kept[key].weight:
            kept[key] = row
    return list(kept.values())


def read_words(path: Path) -> frozenset[str]:
    """The lower-case words of a word list, one a line (Debian's wamerican: SCOWL's American English words)."""
    return frozenset(line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip().islower())


def not_words(rows: Iterable[Row], words: frozenset[str], shortest: int = LONG_WORD) -> list[Row]:
    """Drop rows whose short form is a long English word in capitals ("SCROLL": String and Character Recording
    Oriented Logogrammatic Language). Such backronyms are rarely meant, and a newspaper's shouted "SCROLL DOWN"
    would otherwise be read as one; shorter ones ("BASIC", "BASH", "DOS") are kept, being often real acronyms."""
    return [r for r in rows if not (len(r.short) >= shortest and r.short.isalpha() and r.short.isupper()
                                    and r.short.lower() in words)]


def fill_gaps(rows: Iterable[Row], better: Iterable[Row], most: int = MOST_VERA_SENSES) -> list[Row]:
    """The rows of a short form that `better` does not know and that has at most `most` expansions here.

    V.E.R.A. lists every expansion anyone has used, unordered: "PC" has thirteen ("Priority Control",
    "Protocol Control", ...). Where it lists many we cannot tell the usual one from the obscure ones, and their
    everyday words ("control", "change") make the obscure ones look apt in any technical article; so it is
    used where it is nearly unambiguous and FOLDOC, which orders its senses, is silent.
    """
    known = {form_key(r.short).casefold() for r in better}
    rows = [r for r in rows if form_key(r.short).casefold() not in known]
    counts = Counter(form_key(r.short).casefold() for r in rows)
    return [r for r in rows if counts[form_key(r.short).casefold()] <= most]


def _version(root: Path, package: str) -> str:
    for path in sorted(root.glob(f"{package}_*.deb")):
        return path.name.split("_")[1]
    try:
        result = subprocess.run(["dpkg-query", "-W", "-f=${Version}", package], capture_output=True, text=True, check=False)
        return result.stdout.strip() or "(unknown version)"
    except OSError:
        return "(unknown version)"


def download(cache: Path) -> None:
    """Fetch the packages with `apt-get download` and unpack them into `cache` (nothing is installed)."""
    cache.mkdir(parents=True, exist_ok=True)
    for package in PACKAGES:
        for old in cache.glob(f"{package}_*.deb"):
            old.unlink()
        with tempfile.TemporaryDirectory() as work:
            subprocess.run(["apt-get", "download", package], cwd=work, check=True)
            for deb in Path(work).glob("*.deb"):
                subprocess.run(["dpkg-deb", "-x", str(deb), str(cache)], check=True)
                shutil.copy(deb, cache / deb.name)


def locate(cache: Path) -> Optional[Path]:
    """The root under which both packages' files are: the cache if it has them, else the installed system."""
    for root in (cache, Path("/")):
        if all((root / path).is_file() for path in (FOLDOC_DICT, FOLDOC_INDEX, VERA_INFO, WORDS)):
            return root
    return None


def build(root: Path, target: Optional[Path] = None) -> dict[str, int]:
    """Write foldoc.tsv and vera.tsv into `target` (the bundled glossary folder) from the packages under `root`
    (dict-foldoc, vera, and wamerican's word list for `not_words`)."""
    target = target or glossary_dir()
    words = read_words(root / WORDS)
    lists = [root / WORDS] + ([root / BRITISH_WORDS] if (root / BRITISH_WORDS).is_file() else [])
    foldoc = not_words(foldoc_rows(read_dictd(root / FOLDOC_DICT, root / FOLDOC_INDEX)), words)
    vera = fill_gaps(not_words(vera_rows(read_vera(root / VERA_INFO)), words), foldoc)
    return {
        "foldoc.tsv": _write(target / "foldoc.tsv", foldoc, "dict-foldoc", _version(root, "dict-foldoc")),
        "vera.tsv": _write(target / "vera.tsv", vera, "vera", _version(root, "vera")),
        WORD_LIST: write_word_list(lists, target.parent / WORD_LIST),
    }


def write_word_list(sources: list[Path], path: Path) -> int:
    """Write the small-letter words of three letters or more from SCOWL's American and British lists (Debian's
    wamerican and wbritish), one a line, sorted. The acronym finder reads it to tell a shouted word
    ("DISASTER", "ITALICISE") from an acronym; words in capitals in the lists (NATO, AIDS) are left out."""
    words = set()
    for source in sources:
        words |= {w for w in read_words(source) if len(w) >= 3 and w.isalpha() and w.isascii()}
    header = (
        "# English words for telling a shouted word from an acronym; generated by\n"
        "# `python -m desktop.core.glossary.build_debian` from SCOWL (Debian wamerican and wbritish); do not edit.\n"
        "# SCOWL: Copyright 2000-2011 by Kevin Atkinson; see resources/glossary/NOTICE.\n"
    )
    path.write_text(header + "\n".join(sorted(words)) + "\n", encoding="utf-8", newline="\n")
    return len(words)


def _write(path: Path, rows: list[Row], package: str, version: str) -> int:
    count = write_tsv(path, rows)
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[1] = GENERATED.format(package=package, version=version)
    path.write_text("\n".join(lines), encoding="utf-8", newline="\n")
    return count


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop.core.glossary.build_debian",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--download", action="store_true",
                        help="fetch dict-foldoc, vera and wamerican with apt-get download")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help=f"where to unpack them ({DEFAULT_CACHE})")
    args = parser.parse_args(argv)
    if args.download:
        download(args.cache)
    root = locate(args.cache)
    if root is None:
        print("error: dict-foldoc, vera and wamerican are not all installed nor in the cache; run with --download",
              file=sys.stderr)
        return 1
    for name, count in build(root).items():
        print(f"{name}: {count} senses")
    print("now run: python -m desktop.core.glossary.compile")
    return 0


if __name__ == "__main__":
    sys.exit(main())
