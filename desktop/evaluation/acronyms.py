"""Precision and recall of the in-text definitions `find_definitions` finds, against gold (short, long) pairs.

Each record is a JSON object with a `text` and its gold `pairs` ([[short form, long form], ...]). Per document,
the found definitions and the gold pairs are compared as sets of unique pairs, then counts are summed over the
documents (micro-averaged): precision is the share of found pairs that are gold, recall the share of gold
pairs found.

How a found pair is compared with a gold one:

* gold pairs written the wrong way round (several words as the short form, one as the long) are swapped;
* the short form as written in the text (`text[short_start:short_end]`, so "CDKs" with its plural "s", which is
  how the gold spells it), case-sensitively;
* the long form with its whitespace normalised (runs of spaces and line breaks become one space, ends
  stripped) and case-insensitively: "Dynamic Frequency Selection" and "Dynamic frequency selection" name the
  same thing, a title or a sentence start capitalises words the body writes in small letters, and the Wikipedia
  gold comes from a lower-cased source. `case_sensitive=True` compares the long form exactly instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

from desktop.core.definitions import find_definitions
from desktop.evaluation.jsonl import read_jsonl

Pair = tuple[str, str]


@dataclass
class PairScore:
    """Counts over all documents, and examples of what went wrong (document id, short form, long form)."""

    documents: int = 0
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    missed: list[tuple[str, str, str]] = field(default_factory=list)
    spurious: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 0.0

    @property
    def recall(self) -> float:
        gold = self.true_positives + self.false_negatives
        return self.true_positives / gold if gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def normalise_long(long: str, case_sensitive: bool = False) -> str:
    long = " ".join(long.split())
    return long if case_sensitive else long.casefold()


def predicted_pairs(text: str, case_sensitive: bool = False) -> dict[Pair, Pair]:
    """The (short form as written, long form) pairs found in `text`: compared form -> as written."""
    pairs = {}
    for definition in find_definitions(text):
        written = (text[definition.short_start:definition.short_end], " ".join(definition.long.split()))
        pairs.setdefault((written[0], normalise_long(written[1], case_sensitive)), written)
    return pairs


def gold_pairs(record: dict, case_sensitive: bool = False) -> dict[Pair, Pair]:
    """The record's gold pairs: compared form -> as written.

    A pair written the wrong way round (a "short form" of several words beside a one-word "long form", as in
    two BioText records) is read the right way round: it is the annotation's slip, not a definition to miss.
    """
    pairs = {}
    for short, long in record.get("pairs") or []:
        if " " in short.strip() and " " not in long.strip() and len(short) > len(long):
            short, long = long, short
        pairs.setdefault((short, normalise_long(long, case_sensitive)), (short, " ".join(long.split())))
    return pairs


def _pairs_problem(record: dict) -> str | None:
    if not isinstance(record.get("text"), str):
        return "no 'text' string"
    pairs = record.get("pairs")
    if not isinstance(pairs, list) or not all(
        isinstance(p, (list, tuple)) and len(p) == 2 and all(isinstance(x, str) for x in p) for p in pairs
    ):
        return "no valid 'pairs' ([[short, long], ...])"
    return None


def read_records(path: str | Path) -> list[dict]:
    """JSONL records with a `text` and `pairs`; an unreadable file or a bad line is a PrecisError."""
    return read_jsonl(path, _pairs_problem)


def evaluate_pairs(
    records: Iterable[dict],
    predict: Callable[[str, bool], dict[Pair, Pair]] = predicted_pairs,
    case_sensitive: bool = False,
) -> PairScore:
    """Micro-averaged precision, recall and F1 of the found pairs against each record's gold `pairs`."""
    score = PairScore()
    for number, record in enumerate(records, 1):
        document = str(record.get("id", number))
        found = predict(record["text"], case_sensitive)
        gold = gold_pairs(record, case_sensitive)
        score.documents += 1
        score.true_positives += len(found.keys() & gold.keys())
        score.false_positives += len(found.keys() - gold.keys())
        score.false_negatives += len(gold.keys() - found.keys())
        score.spurious.extend((document, *found[key]) for key in sorted(found.keys() - gold.keys()))
        score.missed.extend((document, *gold[key]) for key in sorted(gold.keys() - found.keys()))
    return score


def format_report(score: PairScore, name: str = "", errors: int = 0) -> str:
    """P/R/F1 with the counts, and up to `errors` examples of misses and of false positives."""
    lines = [
        f"{name + ': ' if name else ''}{score.documents} documents, "
        f"{score.true_positives + score.false_negatives} gold pairs, "
        f"{score.true_positives + score.false_positives} found",
        f"precision {score.precision:.3f}  recall {score.recall:.3f}  F1 {score.f1:.3f}  "
        f"(TP {score.true_positives}, FP {score.false_positives}, FN {score.false_negatives})",
    ]
    if errors:
        lines.append(f"missed (first {min(errors, len(score.missed))} of {len(score.missed)}):")
        lines.extend(f"  [{doc}] {short} = {long}" for doc, short, long in score.missed[:errors])
        lines.append(f"false positives (first {min(errors, len(score.spurious))} of {len(score.spurious)}):")
        lines.extend(f"  [{doc}] {short} = {long}" for doc, short, long in score.spurious[:errors])
    return "\n".join(lines)


def evaluate_file(path: str | Path, limit: int | None = None, case_sensitive: bool = False) -> PairScore:
    records: Sequence[dict] = read_records(path)
    return evaluate_pairs(records[:limit] if limit else records, case_sensitive=case_sensitive)
