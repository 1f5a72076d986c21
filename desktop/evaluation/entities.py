"""Named-entity quality on CoNLL-2003-format data, document by document.

Each document is rebuilt from its sentences' tokens (tokens joined by spaces, one sentence a paragraph), analysed
by the whole pipeline (glossary corrections included, the user's glossary left out), and its entities are
compared with the gold spans by exact character offsets. spaCy's labels are mapped to CoNLL's: PERSON -> PER,
ORG -> ORG, GPE and LOC -> LOC; every other label (NORP, FAC, DATE, ...) is outside the three scored types.
Scored: precision, recall and F1 for PER, ORG, LOC and the three together (micro-averaged), as in CoNLL.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from desktop.evaluation.jsonl import read_jsonl

SCORED = ("PER", "ORG", "LOC")
#: spaCy (OntoNotes) label -> CoNLL label; anything else is not scored.
TO_CONLL = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}


@dataclass
class EntityScore:
    true_positive: Counter = field(default_factory=Counter)
    predicted: Counter = field(default_factory=Counter)
    gold: Counter = field(default_factory=Counter)
    documents: int = 0
    errors: list = field(default_factory=list)

    def prf(self, label: Optional[str] = None) -> tuple[float, float, float]:
        labels = [label] if label else list(SCORED)
        tp = sum(self.true_positive[x] for x in labels)
        predicted = sum(self.predicted[x] for x in labels)
        gold = sum(self.gold[x] for x in labels)
        precision = tp / predicted if predicted else 0.0
        recall = tp / gold if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


def read_documents(path: str | Path) -> list[tuple[str, list[list[str]], list[list[str]]]]:
    """(document id, its sentences' tokens, their IOB2 tags), in file order."""

    def problem(record: dict) -> str | None:
        ok = isinstance(record.get("tokens"), list) and isinstance(record.get("tags"), list)
        return None if ok and len(record["tokens"]) == len(record["tags"]) else "no matching 'tokens' and 'tags'"

    documents: dict[str, tuple[list, list]] = {}
    for record in read_jsonl(path, problem):
        tokens, tags = documents.setdefault(str(record.get("doc", record.get("id"))), ([], []))
        tokens.append(record["tokens"])
        tags.append(record["tags"])
    return [(doc_id, tokens, tags) for doc_id, (tokens, tags) in documents.items()]


def rebuild(sentences: list[list[str]], tags: list[list[str]]) -> tuple[str, set[tuple[int, int, str]]]:
    """The document's text and its gold spans (start, end, label) as character offsets into it."""
    parts: list[str] = []
    spans: set[tuple[int, int, str]] = set()
    position = 0
    for number, (tokens, labels) in enumerate(zip(sentences, tags)):
        if number:
            parts.append("\n\n")
            position += 2
        current: Optional[list] = None
        for index, (token, tag) in enumerate(zip(tokens, labels)):
            if index:
                parts.append(" ")
                position += 1
            start, end = position, position + len(token)
            parts.append(token)
            position = end
            kind = tag[2:] if tag != "O" else None
            if current and (tag.startswith("I-") and kind == current[2]):
                current[1] = end
                continue
            if current:
                spans.add(tuple(current))
            current = [start, end, kind] if kind else None
        if current:
            spans.add(tuple(current))
    return "".join(parts), {s for s in spans if s[2] in SCORED}


def evaluate(path: str | Path, limit: Optional[int] = None, progress: Callable[[int, int], None] | None = None,
             model: Optional[str] = None) -> EntityScore:
    from desktop.core.errors import PrecisError
    from desktop.core.pipeline import AnalysisOptions, analyze

    documents = read_documents(path)[:limit]
    options = AnalysisOptions(user_glossary=False, learn=False, model=model)
    score = EntityScore()
    for number, (doc_id, sentences, tags) in enumerate(documents, 1):
        text, gold = rebuild(sentences, tags)
        try:
            document = analyze(text, options)
            analysed = document.text
            found = {(e.start, e.end, TO_CONLL[e.label]) for e in document.entities if e.label in TO_CONLL}
        except PrecisError:
            analysed, found = text, set()
        if analysed != text:  # normalisation changed the text: compare by the strings instead of offsets
            found = _realign(analysed, text, found)
        _count(score, doc_id, text, gold, found)
        if progress:
            progress(number, len(documents))
    score.documents = len(documents)
    return score


def _realign(analysed: str, original: str, spans: set) -> set:
    """Map spans from the normalised text back onto the original by searching each string in order."""
    result, cursor = set(), 0
    for start, end, label in sorted(spans):
        found = original.find(analysed[start:end], max(0, cursor - 50))
        if found >= 0:
            result.add((found, found + end - start, label))
            cursor = found + end - start
    return result


def _count(score: EntityScore, doc_id: str, text: str, gold: set, found: set) -> None:
    for _, _, label in gold:
        score.gold[label] += 1
    for _, _, label in found:
        score.predicted[label] += 1
    for span in gold & found:
        score.true_positive[span[2]] += 1
    gold_by_span = {(s, e): label for s, e, label in gold}
    for start, end, label in sorted(found - gold):
        truth = gold_by_span.get((start, end), "-")
        score.errors.append((doc_id, text[start:end], label, truth))
    found_by_span = {(s, e) for s, e, _ in found}
    for start, end, label in sorted(gold - found):
        if (start, end) not in found_by_span:
            score.errors.append((doc_id, text[start:end], "-", label))


def format_report(name: str, score: EntityScore, errors: int = 0) -> str:
    lines = [f"{name}: {score.documents} documents, exact spans, document by document"]
    lines.append(f"{'type':6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}")
    for label in (*SCORED, None):
        p, r, f = score.prf(label)
        gold = score.gold[label] if label else sum(score.gold[x] for x in SCORED)
        lines.append(f"{label or 'all':6} {p:6.3f} {r:6.3f} {f:6.3f} {gold:6d}")
    if errors:
        kinds = Counter((found, truth) for _, _, found, truth in score.errors)
        lines.append("errors (predicted -> gold): " + ", ".join(f"{a}->{b} {n}" for (a, b), n in kinds.most_common()))
        by_pair = defaultdict(Counter)
        for _, text, found, truth in score.errors:
            by_pair[(found, truth)][text] += 1
        for (found, truth), texts in sorted(by_pair.items(), key=lambda kv: -sum(kv[1].values())):
            sample = ", ".join(f"{t}" + (f" x{n}" if n > 1 else "") for t, n in texts.most_common(errors))
            lines.append(f"  {found}->{truth}: {sample}")
    return "\n".join(lines)
