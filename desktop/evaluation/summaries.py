"""ROUGE of every summarizer (and Lead-N) against reference summaries, with Google's `rouge-score`.

Scores are F1, stemmed, ROUGE-1, ROUGE-2 and ROUGE-Lsum (summary-level LCS, sentences on separate lines),
averaged over the articles, times 100: the convention of the CNN/DailyMail literature. The default algorithm
runs as a user gets it, for the kind of article recognised from each text (desktop/core/kind.py).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

from desktop.evaluation.jsonl import read_jsonl
from desktop.core.kind import detect_kind
from desktop.core.model import SummaryLength
from desktop.core.pipeline import AnalysisOptions, analyze
from desktop.core.summarize import ALGORITHMS, summarize

ROUGE_TYPES = ("rouge1", "rouge2", "rougeLsum")


@dataclass
class AlgorithmScore:
    algorithm: str
    totals: dict[str, float] = field(default_factory=lambda: dict.fromkeys(ROUGE_TYPES, 0.0))
    articles: int = 0
    seconds: float = 0.0

    def mean(self, rouge_type: str) -> float:
        return 100 * self.totals[rouge_type] / self.articles if self.articles else 0.0


def read_records(path: str | Path) -> list[dict]:
    """JSONL records with an `article` (or `text`) and a `reference`; bad lines are a PrecisError."""

    def problem(record: dict) -> str | None:
        if not (record.get("article") or record.get("text")):
            return "no 'article' or 'text'"
        return None if record.get("reference") else "no 'reference' summary"

    return read_jsonl(path, problem)


def evaluate(
    records: Sequence[dict],
    algorithms: Iterable[str],
    sentences: int = 3,
    progress: Callable[[int, int], None] | None = None,
) -> list[AlgorithmScore]:
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=True)
    algorithms = list(dict.fromkeys(algorithms))
    results = {name: AlgorithmScore(name) for name in algorithms}
    length = SummaryLength("sentences", sentences)
    for number, record in enumerate(records, 1):
        options = AnalysisOptions(algorithm="lead", length=length, glossary=False, user_glossary=False, learn=False)
        document = analyze(record.get("article") or record["text"], options)
        texts = [document.text[s.start:s.end] for s in document.sentences]
        reference = _reference_lines(record)
        kind = detect_kind(document.text).kind  # as the user gets it: the default chooses by the kind it sees
        for name in algorithms:
            started = time.perf_counter()
            summary = summarize(document.sentences, texts, name, length, kind=kind)
            results[name].seconds += time.perf_counter() - started
            prediction = "\n".join(texts[i] for i in summary.sentences)
            scores = scorer.score(reference, prediction)
            for rouge_type in ROUGE_TYPES:
                results[name].totals[rouge_type] += scores[rouge_type].fmeasure
            results[name].articles += 1
        if progress:
            progress(number, len(records))
    return [results[name] for name in algorithms]


def _reference_lines(record: dict) -> str:
    sentences = record.get("reference_sentences")
    if isinstance(sentences, list) and sentences:
        return "\n".join(str(s).strip() for s in sentences)
    return str(record["reference"]).strip()


def format_table(scores: Sequence[AlgorithmScore], sentences: int) -> str:
    lines = [
        f"{'algorithm':<12} {'ROUGE-1':>8} {'ROUGE-2':>8} {'ROUGE-Lsum':>10} {'ms/article':>11}   ({sentences} sentences)",
    ]
    for score in sorted(scores, key=lambda s: -s.mean("rouge1")):
        label = ALGORITHMS[score.algorithm].label if score.algorithm != "lead" else f"Lead-{sentences}"
        per_article = 1000 * score.seconds / score.articles if score.articles else 0.0
        lines.append(
            f"{label:<12} {score.mean('rouge1'):8.2f} {score.mean('rouge2'):8.2f} "
            f"{score.mean('rougeLsum'):10.2f} {per_article:11.1f}"
        )
    return "\n".join(lines)
