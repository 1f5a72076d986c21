"""How well the glossary explains acronyms an article uses without defining them.

Records carry `undefined_pairs`: [short form, the expansion human annotators gave], for acronyms the text uses
but never defines. For each pair we look up the analysis's glossary entry for that short form and count it
*correct* when its expansion matches the annotators' (case, punctuation, hyphens, plural endings and British or
American spelling aside),
*wrong* when it gives another expansion, and *unexplained* when it gives none or has no entry.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from desktop.core.errors import PrecisError
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
    exact: int = 0  # correct ones that match without the tolerances of `same_expansion` (only `normalise_expansion`)
    examples: list = field(default_factory=list)

    def share(self, count: int) -> float:
        return count / self.total if self.total else 0.0


def read_records(path: str | Path, gold: str | Path | None = None) -> list[dict]:
    """The records that have a `text` and `undefined_pairs`; others are skipped (a file may mix them).

    `gold` is a separate JSON file of pairs by record id (``{"pairs": {id: [[short, expansion], ...]}}``), for
    articles whose gold we wrote ourselves and may not store beside their text (Dawn's editorials)."""
    extra = _read_gold(gold) if gold else {}

    def problem(record: dict) -> str | None:
        if record.get("id") in extra:
            record["undefined_pairs"] = extra[record["id"]]
        usable = isinstance(record.get("text"), str) and isinstance(record.get("undefined_pairs"), list)
        return None if usable else "no 'text' and 'undefined_pairs'"

    return read_jsonl(path, problem, skip_unusable=True)


def _read_gold(path: str | Path) -> dict:
    import json

    try:
        pairs = json.loads(Path(path).read_text(encoding="utf-8"))["pairs"]
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as error:
        raise PrecisError(f"Cannot read the gold file '{path}': {error}.", 'Give JSON like {"pairs": {id: [[short, expansion]]}}.')
    if not isinstance(pairs, dict):
        raise PrecisError(f"'{path}' has no pairs by record id.", 'Give JSON like {"pairs": {id: [[short, expansion]]}}.')
    return pairs


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


#: Words that carry nothing in an expansion ("database as a service" is "database as service").
_FILLERS = frozenset("a an the of for and".split())
_NUMBERS = dict(zip("one two three four five six seven eight nine ten".split(), map(str, range(1, 11))))
_NUMBERS.update({"first": "1st", "second": "2nd", "third": "3rd", "fourth": "4th", "fifth": "5th"})


def _words(expansion: str) -> list[str]:
    """An expansion's words as compared: accents, fillers and number words aside, stemmed, one spelling."""
    plain = unicodedata.normalize("NFKD", expansion)
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    words = normalise_expansion(plain).split()
    words = [_american(_NUMBERS.get(w, w)) for w in words if w not in _FILLERS]
    return words


#: A bracketed note in an expansion, which says what the thing is rather than what the letters stand for.
_NOTE = re.compile(r"\s*\([^()]*\)")


def same_expansion(given: str, gold: str) -> bool:
    """Whether our expansion says what the annotators' does. Beyond `normalise_expansion`, it tolerates what a
    reader would not call a different meaning: accents (Comité, Comite), number words (version six, version 6),
    fillers (database as a service), a one-letter slip or a split word in a long expansion (immune deficiency,
    immunodeficiency; Hierachical), an acronym inside spelled out (Not Only SQL), and one extra word in an expansion of three words or more (GNU General
    Public License for "general public license")."""
    given, gold = given.replace("\u00ad", ""), gold.replace("\u00ad", "")  # soft hyphens are invisible
    if normalise_expansion(given) == normalise_expansion(gold):
        return True
    plain_gold = _NOTE.sub("", gold).strip()  # an annotator's note: "Eastern Time (US)", "Foreign Policy (magazine)"
    if plain_gold and plain_gold != gold and _NOTE.sub("", given).strip() != given.strip():
        return same_expansion(_NOTE.sub("", given).strip(), plain_gold)
    if plain_gold and plain_gold != gold:
        return same_expansion(given, plain_gold)
    ours, theirs = _words(given), _words(gold)
    if not ours or not theirs:
        return False
    if ours == theirs:
        return True
    short, long = sorted((ours, theirs), key=len)
    if len(short) >= 3 and len(long) - len(short) == 1 and any(long[:i] + long[i + 1:] == short for i in range(len(long))):
        return True
    if _inner_acronyms_match(given, gold):
        return True
    joined_ours, joined_theirs = "".join(ours), "".join(theirs)
    return min(len(joined_ours), len(joined_theirs)) >= 10 and _within_one_edit(joined_ours, joined_theirs)


def _inner_acronyms_match(given: str, gold: str) -> bool:
    """Whether the two match once an acronym inside one is spelled out with one of its built-in senses:
    "Not Only SQL" is "not only structured query language", "voice over IP" is "voice over Internet Protocol"."""
    bundled = load_bundled()
    for one, other in ((given, gold), (gold, given)):
        for word in re.findall(r"\b[A-Za-z]{2,5}\b", one):
            if not (word.isupper() or one.islower()):
                continue
            for sense in _senses_for(bundled, word)[:8]:
                spelled = re.sub(rf"\b{re.escape(word)}\b", sense.expansion, one)
                if _words(spelled) == _words(other):
                    return True
    return False


def _within_one_edit(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), len(a))
    return a[i + (len(a) == len(b)):] == b[i + 1:]


def acronym_entries(document) -> dict:
    """A document's acronym entries by their form key, as written and case-folded (how gold short forms are
    looked up: `_entry_for`)."""
    by_key = {}
    for entry in document.glossary:
        if entry.kind == "acronym":
            by_key.setdefault(form_key(entry.term), entry)
            by_key.setdefault(form_key(entry.term).casefold(), entry)
    return by_key


def evaluate(
    records: Sequence[dict], progress: Callable[[int, int], None] | None = None, user_glossary: bool = False
) -> GlossaryScore:
    """Score each record's glossary. The user's glossary is left out unless `user_glossary` (to measure a data
    folder that has learned from earlier articles); these records never teach it anything."""
    score = GlossaryScore()
    options = AnalysisOptions(algorithm="lead", user_glossary=user_glossary, learn=False)
    bundled = load_bundled()
    for number, record in enumerate(records, 1):
        document = analyze(record["text"], options, title=record.get("title"))
        by_key = acronym_entries(document)
        for short, gold in record["undefined_pairs"]:
            score.total += 1
            if any(same_expansion(s.expansion, gold) for s in _senses_for(bundled, short)):
                score.known += 1
            entry = _entry_for(by_key, short)
            given = entry.expansion if entry else None
            if not given:
                score.unexplained += 1
                outcome = "unexplained"
            elif same_expansion(given, gold):
                score.correct += 1
                score.exact += normalise_expansion(given) == normalise_expansion(gold)
                outcome = "correct"
            else:
                score.wrong += 1
                outcome = "wrong"
            score.examples.append((record.get("id"), short, gold, given, outcome, entry.confidence if given else None))
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
    lines.append(f"  ({score.exact} of the correct match word for word; the rest differ as `same_expansion` allows)")
    lines += reliability_table(score)
    if errors:
        lines.append("examples of wrong and unexplained (id, short form, annotators' expansion, ours):")
        misses = [e for e in score.examples if e[4] != "correct"][:errors]
        lines += [f"  {e[4]:<11} {e[0]}  {e[1]}  gold={e[2]!r}  ours={e[3]!r}  confidence={e[5]}" for e in misses]
    return "\n".join(lines)


#: Confidence buckets of the reliability table: (low, high), high excluded except for the last.
BUCKETS = ((0.0, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.0))


def reliability_table(score: GlossaryScore) -> list[str]:
    """For the meanings shown, the share right in each confidence bucket: a confidence of 0.8 should be right
    about 80% of the time."""
    lines = ["  reliability of the meanings shown (confidence: shown, right, share right):"]
    shown = [(e[5], e[4] == "correct") for e in score.examples if e[3] and e[5] is not None]
    for low, high in BUCKETS:
        inside = [right for confidence, right in shown if low <= confidence < high or (high == 1.0 and confidence == 1.0)]
        if inside:
            lines.append(f"    {low:.1f}-{high:.1f}  {len(inside):5d}  {sum(inside):5d}  {sum(inside) / len(inside):6.1%}")
    high = [right for confidence, right in shown if confidence >= 0.8]
    if high:
        lines.append(f"    at 0.8 or more: {sum(high)} of {len(high)} right ({sum(high) / len(high):.1%})")
    return lines
