"""How well summaries carry an editorial's argument, against a reader's gold.

Gold (one JSON a line): {"id", "summary_sentences": [three sentences copied from the text], "abstract": "two or
three sentences in the reader's words", "thesis": "the one sentence that states the position", "kind"}. The
articles come from a second JSONL with the same ids ({"id", "text"}), so the gold holds no article text.

For every algorithm (and Lead-N), at N sentences:
- **thesis share**: how often the summary holds the thesis sentence. The gold's sentence is found among ours
  by word overlap after normalising case, quotes, dashes, soft hyphens and spaces (our sentence boundaries
  may differ a little from the reader's);
- **ROUGE-1** F1 (stemmed) against the reader's three sentences, and against the reader's abstract.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

from desktop.core.errors import PrecisError
from desktop.core.model import SummaryLength
from desktop.core.pipeline import AnalysisOptions, analyze
from desktop.core.summarize import ALGORITHMS, summarize
from desktop.evaluation.jsonl import read_jsonl

_TOKEN = re.compile(r"\w+")
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\ufeff"), None)
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


@dataclass
class EditorialScore:
    algorithm: str
    thesis_hits: int = 0
    articles: int = 0
    totals: dict[str, float] = field(default_factory=lambda: {"sentences": 0.0, "abstract": 0.0})

    def share(self) -> float:
        return 100 * self.thesis_hits / self.articles if self.articles else 0.0

    def mean(self, reference: str) -> float:
        return 100 * self.totals[reference] / self.articles if self.articles else 0.0


def normalise(text: str) -> list[str]:
    """Lower-cased word tokens, with soft hyphens, curly quotes, dashes and odd spaces made plain."""
    text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE).translate(_QUOTES).lower()
    return _TOKEN.findall(text)


def best_match(target: str, candidates: Sequence[str]) -> tuple[int, float]:
    """The candidate that best matches `target` by word overlap (F1 of the token multisets), with the score."""
    wanted = _bag(normalise(target))
    best, best_score = -1, 0.0
    for index, candidate in enumerate(candidates):
        have = _bag(normalise(candidate))
        common = sum(min(count, have.get(word, 0)) for word, count in wanted.items())
        if not common:
            continue
        precision = common / sum(have.values())
        recall = common / sum(wanted.values())
        score = 2 * precision * recall / (precision + recall)
        if score > best_score:
            best, best_score = index, score
    return best, best_score


def _bag(tokens: Iterable[str]) -> dict[str, int]:
    bag: dict[str, int] = {}
    for token in tokens:
        bag[token] = bag.get(token, 0) + 1
    return bag


def read_gold(gold_path: str | Path, articles_path: str | Path) -> list[dict]:
    """Gold records joined with their article texts by id; a gold id with no article is a PrecisError.

    Records the reader marked as no editorial ("kind": "other", no thesis) are left out."""
    gold = read_jsonl(
        gold_path, lambda r: None if r.get("id") and r.get("thesis") else "no 'id' or 'thesis'", skip_unusable=True
    )
    texts = {r["id"]: r.get("text") or r.get("article") for r in read_jsonl(articles_path, lambda r: None)}
    missing = [g["id"] for g in gold if not texts.get(g["id"])]
    if missing:
        raise PrecisError(
            f"{len(missing)} gold records have no article in {articles_path} (first: {missing[0]}).",
            "Give the JSONL of the articles the gold was written for.",
        )
    return [dict(g, text=texts[g["id"]]) for g in gold]


def recognised_kinds(gold_path: str | Path, articles_path: str | Path) -> dict[str, Counter]:
    """For each kind the reader gave ("editorial", "other"), how the recogniser read the articles."""
    from desktop.core.kind import detect_kind

    gold = read_jsonl(gold_path, lambda r: None if r.get("id") else "no 'id'")
    texts = {r["id"]: r.get("text") or r.get("article") for r in read_jsonl(articles_path, lambda r: None)}
    result: dict[str, Counter] = {}
    for record in gold:
        if texts.get(record["id"]):
            result.setdefault(record.get("kind", "editorial"), Counter())[detect_kind(texts[record["id"]]).kind] += 1
    return result


def evaluate(
    records: Sequence[dict],
    algorithms: Iterable[str],
    sentences: int = 3,
    progress: Callable[[int, int], None] | None = None,
    kind: str = "auto",
) -> list[EditorialScore]:
    from rouge_score import rouge_scorer

    from desktop.core.kind import detect_kind

    scorer = rouge_scorer.RougeScorer(["rouge1"], use_stemmer=True)
    algorithms = list(dict.fromkeys(algorithms))
    results = {name: EditorialScore(name) for name in algorithms}
    length = SummaryLength("sentences", sentences)
    for number, record in enumerate(records, 1):
        options = AnalysisOptions(algorithm="lead", length=length, glossary=False, user_glossary=False, learn=False)
        document = analyze(record["text"], options)
        texts = [document.text[s.start:s.end] for s in document.sentences]
        article_kind = detect_kind(document.text).kind if kind == "auto" else kind
        thesis, _ = best_match(record["thesis"], texts)
        reader = "\n".join(record.get("summary_sentences") or [])
        for name in algorithms:
            summary = summarize(document.sentences, texts, name, length, kind=article_kind)
            chosen = [texts[i] for i in summary.sentences]
            prediction = "\n".join(chosen)
            results[name].thesis_hits += thesis in summary.sentences
            results[name].totals["sentences"] += scorer.score(reader, prediction)["rouge1"].fmeasure
            results[name].totals["abstract"] += scorer.score(record.get("abstract", ""), prediction)["rouge1"].fmeasure
            results[name].articles += 1
        if progress:
            progress(number, len(records))
    return [results[name] for name in algorithms]


def format_table(scores: Sequence[EditorialScore], sentences: int) -> str:
    lines = [
        f"{'algorithm':<12} {'thesis in summary':>18} {'R-1 vs reader':>14} {'R-1 vs abstract':>16}"
        f"   ({sentences} sentences)"
    ]
    for score in sorted(scores, key=lambda s: -s.share()):
        label = ALGORITHMS[score.algorithm].label if score.algorithm != "lead" else f"Lead-{sentences}"
        hits = f"{score.thesis_hits}/{score.articles} ({score.share():.0f}%)"
        lines.append(f"{label:<12} {hits:>18} {score.mean('sentences'):14.2f} {score.mean('abstract'):16.2f}")
    return "\n".join(lines)
