"""The glossary that ships with Précis: every known sense of a short form, ranked, looked up in microseconds.

The knowledge is written by hand (or derived from public lists) in `resources/glossary/*.tsv`, which people
review; `python -m desktop.core.glossary.compile` turns those files into one JSON index, which this module reads.
Reading the index rather than the TSVs keeps start-up fast (parsing, validation, merging of duplicate senses
and sorting all happen at compile time) and lets a test prove the committed index matches its sources.

Lookup is forgiving in the ways news text needs and strict where leniency would invent acronyms:

* dots never matter when the form has a capital letter: ``U.S.`` is ``US``, ``Ph.D.`` is ``PhD``;
  lower-case forms keep their dots, so ``am`` is not ``a.m.``;
* a form written in capitals also finds the title-case and mixed-case spellings: ``NACTA`` finds the house
  style ``Nacta``, ``PHD`` finds ``PhD``; the reverse is not true, so a sentence-initial ``Who`` or ``Nap`` is
  never taken for WHO or NAP (house-style spellings are therefore stored in title case);
* dashes are all the same dash: ``IS–K`` is ``IS-K``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Optional

from desktop.resources import resource_path

INDEX_NAME = "glossary/index.json"
INDEX_FORMAT = "precis.glossary-index/2"

#: The kinds a sense may have, in the order the README documents them.
KINDS: tuple[str, ...] = (
    "organisation", "agency", "party", "armed-group", "court", "region", "programme",
    "term", "unit", "currency", "event", "place", "other",
)

_DASHES = re.compile("[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u201c": '"', "\u201d": '"'})
_SPACES = re.compile(r"\s+")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Sense:
    """One meaning of a short form: what it stands for, what it is, where it matters, and how likely it is.

    `countries` holds ISO 3166 alpha-2 codes (plus ``EU`` and ``XK``), or ``("international",)``, or nothing
    for a general term; context can use them to choose between senses. `domain` is the field of the file the sense
    comes from (news, sci-tech, business, general). `weight` is a prior in [0, 1] for ranking
    the senses of one short form: curated news senses highest, computing and chat jargon lowest.
    """

    short: str
    expansion: str
    kind: str
    countries: tuple[str, ...]
    description: str
    source: str
    weight: float
    domain: str = "general"


def form_key(form: str) -> str:
    """The exact lookup key of a short form: trimmed, one kind of dash, no dots if it has a capital letter."""
    form = _SPACES.sub(" ", _DASHES.sub("-", unicodedata.normalize("NFC", form))).strip()
    if any(ch.isupper() for ch in form):
        form = form.replace(".", "")
    return form


def _unaccented(form: str) -> str:
    """`form` without combining accents: "RTÉ" -> "RTE"."""
    if form.isascii():
        return form
    return "".join(ch for ch in unicodedata.normalize("NFD", form) if not unicodedata.combining(ch))


def is_all_caps(form: str) -> bool:
    """True for ``NACTA``, ``IS-K``, ``G20``; false for ``Nacta``, ``PhD``, ``km`` and forms with no letters."""
    letters = [ch for ch in form if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


def name_key(name: str) -> str:
    """How full names are compared: case-folded, quotes and dashes unified, a leading "the" dropped."""
    name = unicodedata.normalize("NFC", name).translate(_QUOTES)
    name = _SPACES.sub(" ", _DASHES.sub("-", name)).strip().strip(".,;:")
    return _LEADING_THE.sub("", name).casefold()


class BundledGlossary:
    """The compiled index in memory: rows, plus two small dictionaries from keys to row numbers.

    Rows stay plain lists until asked for, so loading costs little more than parsing the JSON.
    """

    def __init__(self, index: dict) -> None:
        if index.get("format") != INDEX_FORMAT:
            raise ValueError(f"not a Précis glossary index (format {index.get('format')!r})")
        self._kinds: list[str] = index["kinds"]
        self._sources: list[str] = index["sources"]
        self._domains: list[str] = index["domains"]
        self._field_names: list[str] = index["fields"]
        self._field_counts: dict[str, list[int]] = index["field_words"]
        self._rows: list[list] = index["senses"]
        exact: dict[str, list[int]] = {}
        folded: dict[str, list[int]] = {}
        for number, row in enumerate(self._rows):
            key = form_key(row[0])
            exact.setdefault(key, []).append(number)
            if any(ch.isupper() for ch in key):
                folded.setdefault(key.casefold(), []).append(number)
        self._exact = exact
        self._folded = folded

    def __len__(self) -> int:
        return len(self._rows)

    def senses(self, form: str) -> list[Sense]:
        """Every sense of `form`, best weight first (exact spelling first among equal weights).

        The caller strips plurals and possessives ("NGOs", "TTP's") before asking. A form with accents that is
        not known as written is looked up without them ("RTÉ" as "RTE").
        """
        key = form_key(form)
        if key not in self._exact and key != _unaccented(key):
            key = _unaccented(key)
        exact = self._exact.get(key, [])
        variants: list[int] = []
        if is_all_caps(key):
            variants = [n for n in self._folded.get(key.casefold(), ()) if n not in exact]
        ranked = sorted(
            [(n, 0) for n in exact] + [(n, 1) for n in variants],
            key=lambda item: (-self._rows[item[0]][6], item[1], item[0]),
        )
        return [self._sense(n) for n, _ in ranked]

    def knows(self, form: str) -> bool:
        """Whether `form` has any sense; cheap enough to call for every capitalised word of an article."""
        key = form_key(form)
        if key in self._exact or (is_all_caps(key) and key.casefold() in self._folded):
            return True
        plain = _unaccented(key)
        return plain != key and (plain in self._exact or (is_all_caps(plain) and plain.casefold() in self._folded))

    def by_expansion(self, name: str) -> list[Sense]:
        """The senses whose expansion is `name` (case-insensitive, "the " ignored), best weight first.

        Variant spellings merged into a sense at compile time ("Tehrik-i-Taliban Pakistan") also match.
        """
        numbers = self._by_name.get(name_key(name), [])
        return [self._sense(n) for n in sorted(numbers, key=lambda n: (-self._rows[n][6], n))]

    @cached_property
    def field_words(self) -> dict[str, dict[str, float]]:
        """Words that lean to one field, with their share in each (see `desktop.core.glossary.fields`)."""
        fields = self._field_names
        return {
            word: {field: n / sum(counts) for field, n in zip(fields, counts) if n}
            for word, counts in self._field_counts.items()
        }

    def all_senses(self):
        """Every sense in index order; for tools and for models built from the glossary itself."""
        return (self._sense(number) for number in range(len(self._rows)))

    def short_forms(self) -> list[str]:
        """Every distinct short form as written in the sources, sorted; for checks and tools."""
        return sorted({row[0] for row in self._rows})

    @cached_property
    def _by_name(self) -> dict[str, list[int]]:
        """Built on first use: most callers look up short forms only, and start-up time matters."""
        names: dict[str, list[int]] = {}
        for number, row in enumerate(self._rows):
            keys = {name_key(row[1])} | {name_key(alias) for alias in (row[8] if len(row) > 8 else ())}
            for key in keys:
                names.setdefault(key, []).append(number)
        return names

    def _sense(self, number: int) -> Sense:
        short, expansion, kind, countries, description, source, weight, domain = self._rows[number][:8]
        return Sense(
            short=short,
            expansion=expansion,
            kind=self._kinds[kind],
            countries=tuple(countries.split(",")) if countries else (),
            description=description,
            source=self._sources[source],
            weight=weight,
            domain=self._domains[domain],
        )


def index_path() -> Path:
    return resource_path(INDEX_NAME)


def read_index(path: Optional[Path] = None) -> BundledGlossary:
    """Load an index file (the bundled one unless `path` is given); uncached, for tools and tests."""
    with open(path or index_path(), encoding="utf-8") as handle:
        return BundledGlossary(json.load(handle))


@lru_cache(maxsize=1)
def load_bundled() -> BundledGlossary:
    """The bundled glossary, loaded once per process."""
    return read_index()
