"""How well the glossary explains acronyms an article uses without defining them.

Records carry `undefined_pairs`: [short form, the expansion human annotators gave], for acronyms the text uses
but never defines. For each pair we look up the analysis's glossary entry for that short form and count it
*correct* when its expansion matches the annotators' (case, punctuation, hyphens, plural endings and British or
American spelling aside),
*wrong* when it gives another expansion, and *unexplained* when it gives none or has no entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from desktop.core.glossary.bundled import form_key, load_bundled
from desktop.core.pipeline import AnalysisOptions, analyze
from desktop.evaluation.jsonl import read_jsonl

_NON_WORD = re.compile(r"[^\w]+")


@dataclass
class GlossaryScore:
    total: int = 0
    correct: int = 0
    wrong: int = 0
    unexplained: int = 0
    known: int = 0  # pairs whose expansion is among the built-in glossary's senses for the short form: the ceiling
    examples: list = field(default_factory=list)

    def share(self, count: int) -> float:
        return count / self.total if self.total else 0.0


def read_records(path: str | Path) -> list[dict]:
    """The records that have a `text` and `undefined_pairs`; others are skipped (a file may mix them)."""

    def problem(record: dict) -> str | None:
        usable = isinstance(record.get("text"), str) and isinstance(record.get("undefined_pairs"), list)
        return None if usable else "no 'text' and 'undefined_pairs'"

    return read_jsonl(path, problem, skip_unusable=True)


#: British and American spellings of one word: "centimetre" and "centimeter", "organisation" and "organization".
_SPELLINGS = (
    (re.compile(r"(?<=\w{2})tre$"), "ter"),
    (re.compile(r"(?<=\w{2})([iy])s(e|ed|es|ing|ation|ations)$"), r"\1z\2"),
    (re.compile(r"(?<=\w{3})our$"), "or"),
    (re.compile(r"^(defen|licen|offen|preten)ce$"), r"\1se"),
    (re.compile(r"^disc$"), "disk"),
)


def normalise_expansion(expansion: str) -> str:
    """Compare expansions as stemmed words in one spelling: "communications technologies" matches
    "communication technology", "compact disk" matches "compact disc", "kilometre" matches "kilometer"."""
    from desktop.core.summarize import _stemmer

    stem = _stemmer()
    words = _NON_WORD.sub(" ", expansion.casefold().replace("’", "'").replace("'s", "")).split()
    return " ".join(stem(_american(w)) for w in words)


def _american(word: str) -> str:
    for pattern, replacement in _SPELLINGS:
        word = pattern.sub(replacement, word)
    return word


def evaluate(records: Sequence[dict], progress: Callable[[int, int], None] | None = None) -> GlossaryScore:
    score = GlossaryScore()
    options = AnalysisOptions(algorithm="lead", user_glossary=False, learn=False)
    bundled = load_bundled()
    for number, record in enumerate(records, 1):
        document = analyze(record["text"], options, title=record.get("title"))
        by_key = {}
        for entry in document.glossary:
            if entry.kind == "acronym":
                by_key.setdefault(form_key(entry.term), entry)
                by_key.setdefault(form_key(entry.term).casefold(), entry)
        for short, gold in record["undefined_pairs"]:
            score.total += 1
            if any(normalise_expansion(s.expansion) == normalise_expansion(gold) for s in _senses_for(bundled, short)):
                score.known += 1
            entry = _entry_for(by_key, short)
            given = entry.expansion if entry else None
            if not given:
                score.unexplained += 1
                outcome = "unexplained"
            elif normalise_expansion(given) == normalise_expansion(gold):
                score.correct += 1
                outcome = "correct"
            else:
                score.wrong += 1
                outcome = "wrong"
            score.examples.append((record.get("id"), short, gold, given, outcome))
        if progress:
            progress(number, len(records))
    return score


def _senses_for(bundled, short: str) -> list:
    """The built-in senses of a gold short form, as written, singular, or in capitals ("http" as HTTP)."""
    key = form_key(short)
    for candidate in (key, _singular(key), key.upper()):
        senses = bundled.senses(candidate)
        if senses:
            return senses
    return []


def _singular(key: str) -> str:
    return re.sub(r"(?<=[A-Z0-9])(?:'s|’s|s)$", "", key)


def _entry_for(by_key: dict, short: str):
    """The entry for a gold short form, as written or singular: the glossary keys "DVDs" and "TTP's" as DVD, TTP."""
    key = form_key(short)
    for candidate in (key, _singular(key)):
        entry = by_key.get(candidate) or by_key.get(candidate.casefold())
        if entry:
            return entry
    return None


def format_report(path: str, score: GlossaryScore, errors: int = 0) -> str:
    lines = [
        f"{path}: {score.total} acronyms used without a definition",
        f"  correct      {score.correct:5d}  {score.share(score.correct):6.1%}",
        f"  wrong        {score.wrong:5d}  {score.share(score.wrong):6.1%}",
        f"  unexplained  {score.unexplained:5d}  {score.share(score.unexplained):6.1%}",
        f"  the annotators' expansion is among the built-in glossary's senses for {score.known} "
        f"({score.share(score.known):.1%}), a ceiling for choosing among them",
    ]
    if errors:
        lines.append("examples of wrong and unexplained (id, short form, annotators' expansion, ours):")
        misses = [e for e in score.examples if e[4] != "correct"][:errors]
        lines += [f"  {e[4]:<11} {e[0]}  {e[1]}  gold={e[2]!r}  ours={e[3]!r}" for e in misses]
    return "\n".join(lines)
