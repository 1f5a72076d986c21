"""Compile `resources/glossary/*.tsv` into the one index file Précis loads: `python -m desktop.core.glossary.compile`.

The TSV files are for people (one sense a line, reviewable in a diff); the index is for speed. Compiling
validates every row (so a typo fails here, not in the app), then merges senses that are the same thing said
twice: a derived row ("Tehrik-e-Taliban Pakistan", Factbook) that repeats a curated one ("Tehreek-e-Taliban
Pakistan") is dropped and its spelling kept as an alias, so that `by_expansion` still finds it. Two senses are
the same when their short forms match ignoring case and dots, their expansions match ignoring case and
punctuation (or nearly, by a 0.88 similarity), and their countries do not contradict each other; a party of the
same name in another country is another party.

The output is deterministic (sorted, one sense a line), so a test can prove the committed index is fresh.
`--check` exits 1 if it is not.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from pathlib import Path
from typing import Iterable, Optional

from desktop.core.glossary.bundled import (
    INDEX_FORMAT,
    KINDS,
    form_key,
    index_path,
    name_key,
)
from desktop.core.glossary.fields import FIELDS, word_field_counts
from desktop.resources import resource_path

COLUMNS = ("short_form", "expansion", "kind", "countries", "description", "source", "weight")
#: Sources in the order they win ties: our own writing first, computing jargon last.
SOURCES = (
    "precis", "factbook", "federalregister", "partyfacts", "cldr", "wordnet", "wiktionary", "foldoc", "vera", "jargon",
    "gcide", "netbsd",
)
SIMILAR = 0.88
#: The field each file's senses belong to (a "# field: NAME" line changes it for the rows below it). An article's other acronyms tell which field it is about, and
#: `resolve` prefers senses of that field ("SCO" in a piece about Unix is the Santa Cruz Operation).
DOMAINS = ("news", "sci-tech", "business", "general")
FILE_DOMAINS = {
    "news-south-asia": "news", "international": "news", "government-agencies": "news", "politics-world": "news",
    "regions": "news", "names": "news", "media-sport": "news", "transport-defence": "news", "parties": "news", "factbook": "news",
    "computing": "sci-tech", "netbsd": "sci-tech", "foldoc": "sci-tech", "vera": "sci-tech",
    "jargon": "sci-tech", "science-tech": "sci-tech", "science-medicine": "sci-tech", "economy": "business",
    "business-culture": "business", "general": "general", "wordnet": "general", "wiktionary": "general",
    "gcide": "general", "partyfacts": "news", "us-agencies": "news", "units": "general",
}

_COUNTRY = re.compile(r"^[A-Z]{2}$")
#: "# field: technology" gives the rows after it that field, for files that mix fields.
_FIELD_DIRECTIVE = re.compile(r"^#\s*field:\s*(\S+)\s*$")
_SQUASH = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class Row:
    """One sense as read from a TSV file, with where it came from (for error messages and merging)."""

    short: str
    expansion: str
    kind: str
    countries: tuple[str, ...]
    description: str
    source: str
    weight: float
    origin: str = ""
    aliases: tuple[str, ...] = ()
    domain: str = "general"


class GlossaryDataError(ValueError):
    """A row that cannot be compiled; the message names the file and line."""


def glossary_dir() -> Path:
    return resource_path("glossary")


def parse_countries(text: str, where: str) -> tuple[str, ...]:
    text = text.strip()
    if not text:
        return ()
    if text == "international":
        return ("international",)
    codes = tuple(code.strip() for code in text.split(","))
    bad = [code for code in codes if not _COUNTRY.match(code)]
    if bad:
        raise GlossaryDataError(f"{where}: countries must be ISO alpha-2 codes or 'international', not {bad}")
    if len(set(codes)) != len(codes):
        raise GlossaryDataError(f"{where}: a country is listed twice in {text!r}")
    return codes


def read_tsv(path: Path) -> list[Row]:
    """The rows of one glossary file; lines starting with '#' and blank lines are comments."""
    rows = []
    domain = FILE_DOMAINS.get(path.stem, "general")
    with open(path, encoding="utf-8", newline="") as handle:
        lines = handle.read().split("\n")
    if not lines or tuple(lines[0].rstrip("\r").split("\t")) != COLUMNS:
        raise GlossaryDataError(f"{path.name}:1: the header must be the columns {' / '.join(COLUMNS)} (tab-separated)")
    for number, line in enumerate(lines[1:], start=2):
        line = line.rstrip("\r")
        directive = _FIELD_DIRECTIVE.match(line)
        if directive:
            domain = directive.group(1)
            if domain not in DOMAINS:
                raise GlossaryDataError(f"{path.name}:{number}: field {domain!r} is not one of {', '.join(DOMAINS)}")
            continue
        if not line.strip() or line.startswith("#"):
            continue
        where = f"{path.name}:{number}"
        cells = line.split("\t")
        if len(cells) != len(COLUMNS):
            raise GlossaryDataError(f"{where}: {len(cells)} columns, expected {len(COLUMNS)} separated by tabs")
        short, expansion, kind, countries, description, source, weight = (cell.strip() for cell in cells)
        if not short or not expansion:
            raise GlossaryDataError(f"{where}: the short form and the expansion are required")
        if kind not in KINDS:
            raise GlossaryDataError(f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}")
        if source not in SOURCES:
            raise GlossaryDataError(f"{where}: source {source!r} is not one of {', '.join(SOURCES)}")
        if not description:
            raise GlossaryDataError(f"{where}: every sense needs a one-line description")
        try:
            value = float(weight)
        except ValueError:
            raise GlossaryDataError(f"{where}: weight {weight!r} is not a number") from None
        if not 0.0 <= value <= 1.0:
            raise GlossaryDataError(f"{where}: weight {value} is outside 0..1")
        rows.append(Row(short, expansion, kind, parse_countries(countries, where), description, source,
                        round(value, 3), where, domain=domain))
    return rows


def squash(name: str) -> str:
    """A name reduced to its letters and digits, case-folded: what two spellings of one name share."""
    return _SQUASH.sub("", name_key(name))


def same_name(a: str, b: str) -> bool:
    sa, sb = squash(a), squash(b)
    return sa == sb or SequenceMatcher(None, sa, sb, autojunk=False).ratio() >= SIMILAR


def _same_sense(kept: Row, row: Row) -> bool:
    """Same name, or `row` names what `kept` describes: WordNet's "e.g. = for example" is our "exempli gratia",
    whose description is "For example."."""
    if not countries_agree(kept, row):
        return False
    return same_name(kept.expansion, row.expansion) or squash(kept.description.rstrip(".")) == squash(row.expansion)


def countries_agree(a: Row, b: Row) -> bool:
    """Whether two rows may describe the same thing, as far as their countries tell.

    Factbook lists an armed group on the page of every country it operates in, so when either row is an
    armed group (or of a kind the source did not say) any countries agree; otherwise two disjoint sets of
    countries mean two different things, such as two parties of one name.
    """
    if not a.countries or not b.countries or "international" in a.countries + b.countries:
        return True
    if {"armed-group", "other"} & {a.kind, b.kind}:
        return True
    return bool(set(a.countries) & set(b.countries))


def _specific(row: Row) -> bool:
    return bool(row.countries) and row.countries != ("international",)


def rank(row: Row) -> tuple:
    """The order in which rows claim a sense: curated rows first (their wording and weight are final), then
    the rest by weight."""
    return (row.source != "precis", -row.weight, SOURCES.index(row.source))


def merge_rows(rows: Iterable[Row]) -> list[Row]:
    """Drop senses that repeat a better one (keeping their spellings as aliases); see the module docstring.

    Two curated rows that repeat each other with the same spelling are an editing mistake and raise, rather
    than vanish quietly; spellings that differ in case ("plc", "PLC") are both kept, since lookup tells them apart.
    """
    groups: dict[str, list[Row]] = {}
    for row in rows:
        groups.setdefault(form_key(row.short).casefold(), []).append(row)
    merged: list[Row] = []
    for group in groups.values():
        kept: list[Row] = []
        for row in sorted(group, key=rank):
            twin = next((k for k in kept if _same_sense(k, row)), None)
            if twin is None:
                kept.append(row)
                continue
            if twin.source == row.source == "precis":
                if form_key(twin.short) != form_key(row.short):
                    kept.append(row)  # a deliberate second spelling ("plc" and "PLC"): both are looked up
                    continue
                raise GlossaryDataError(
                    f"{row.origin}: {row.short} = {row.expansion} repeats {twin.origin}; merge the two lines"
                )
            merged_twin = twin
            if name_key(row.expansion) != name_key(twin.expansion) and row.expansion not in twin.aliases:
                merged_twin = replace(merged_twin, aliases=twin.aliases + (row.expansion,))
            if twin.source != "precis" and _specific(twin) and _specific(row):
                extra = tuple(c for c in row.countries if c not in twin.countries)
                merged_twin = replace(merged_twin, countries=twin.countries + extra)  # curated countries are final
            kept[kept.index(twin)] = merged_twin
        merged.extend(kept)
    return merged


def sort_key(row: Row) -> tuple:
    key = form_key(row.short)
    return (key.casefold(), -row.weight, key, SOURCES.index(row.source), row.expansion, row.countries)


def index_text(rows: list[Row]) -> str:
    """The index as JSON text: compact, one sense a line, identical for identical input."""
    lines = []
    for row in sorted(rows, key=sort_key):
        cells = [row.short, row.expansion, KINDS.index(row.kind), ",".join(row.countries), row.description,
                 SOURCES.index(row.source), row.weight, DOMAINS.index(row.domain)]
        if row.aliases:
            cells.append(sorted(row.aliases))
        lines.append(json.dumps(cells, ensure_ascii=False, separators=(",", ":")))
    field_words = word_field_counts(rows)
    head = json.dumps(
        {"format": INDEX_FORMAT, "kinds": list(KINDS), "sources": list(SOURCES), "domains": list(DOMAINS),
         "fields": list(FIELDS), "field_words": field_words},
        ensure_ascii=False, separators=(",", ":"),
    )
    return head[:-1] + ',"senses":[\n' + ",\n".join(lines) + "\n]}\n"


def read_sources(folder: Optional[Path] = None) -> list[Row]:
    folder = folder or glossary_dir()
    rows: list[Row] = []
    for path in sorted(folder.glob("*.tsv")):
        rows.extend(read_tsv(path))
    return rows


def compile_index(folder: Optional[Path] = None) -> str:
    """Read, validate and merge every TSV in `folder` (the bundled glossary folder by default)."""
    return index_text(merge_rows(read_sources(folder)))


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop.core.glossary.compile", description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="only check that the committed index is fresh")
    args = parser.parse_args(argv)
    try:
        text = compile_index()
    except GlossaryDataError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    target = index_path()
    if args.check:
        fresh = target.is_file() and target.read_text(encoding="utf-8") == text
        print(f"{target}: {'fresh' if fresh else 'STALE: run python -m desktop.core.glossary.compile'}")
        return 0 if fresh else 1
    target.write_text(text, encoding="utf-8", newline="\n")
    print(f"wrote {target} ({text.count(chr(10)) - 2} senses)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
