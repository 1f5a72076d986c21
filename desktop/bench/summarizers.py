"""Benchmark every summarizer at growing sentence counts, ours against sumy's originals.

    python -m desktop.bench.summarizers [--sizes 100 400 1600 6400] [--sumy-limit 60] [--corpus FILE.jsonl]

Documents are the first N sentences of real news (the corpus's articles one after another, repeated if needed).
Each time is the median of three runs (one run past 1,600 sentences). sumy's original is skipped at a size
where its previous time, scaled by the square of the growth, would pass --sumy-limit seconds.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sumy.summarizers.edmundson import EdmundsonSummarizer
from sumy.summarizers.kl import KLSummarizer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.reduction import ReductionSummarizer
from sumy.summarizers.sum_basic import SumBasicSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer

from desktop.bench.__main__ import DEFAULT_CORPUS, long_text
from desktop.bench.timing import median_seconds
from desktop.core import summarize as summarize_module
from desktop.core.pipeline import AnalysisOptions, analyze

SUMY_ORIGINALS = {
    "lexrank": LexRankSummarizer, "textrank": TextRankSummarizer, "lsa": LsaSummarizer, "luhn": LuhnSummarizer,
    "edmundson": EdmundsonSummarizer, "kl": KLSummarizer, "sumbasic": SumBasicSummarizer,
    "reduction": ReductionSummarizer,
}




def _run(cls, name, document, count):
    summarizer = summarize_module._recording(cls)(summarize_module._stemmer())
    if name == "edmundson":
        summarizer.bonus_words = summarize_module.EDMUNDSON_BONUS_WORDS
        summarizer.stigma_words = summarize_module.EDMUNDSON_STIGMA_WORDS
        summarizer.null_words = summarize_module._stop_words()
    else:
        summarizer.stop_words = summarize_module._stop_words()
    summarizer(document, count)


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop.bench.summarizers")
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 400, 1600, 6400])
    parser.add_argument("--sumy-limit", type=float, default=60.0)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()

    largest = max(args.sizes)
    text = long_text(largest * 30, args.corpus)
    base = analyze(text, AnalysisOptions(algorithm="lead"))
    while len(base.sentences) < largest:
        text = text + "\n\n" + text
        base = analyze(text, AnalysisOptions(algorithm="lead"))
    texts = [base.text[s.start:s.end] for s in base.sentences]

    print(f"{'algorithm':<10} {'sentences':>9} {'ours (s)':>9} {'sumy (s)':>9} {'sumy/ours':>9}")
    previous_sumy: dict[str, tuple[int, float]] = {}
    for size in sorted(args.sizes):
        sentences, sentence_texts = base.sentences[:size], texts[:size]
        document = summarize_module._sumy_document(sentences, sentence_texts, None)
        runs = 3 if size <= 1600 else 1
        # the default summarizer as it runs for news and (as "argument") for editorials and opinion
        classes = {**summarize_module.SUMMARIZER_CLASSES, "argument": summarize_module.ArgumentSummarizer}
        for name, cls in classes.items():
            ours = median_seconds(lambda: _run(cls, name, document, size), runs, warm_up=False)
            original = None
            if name in SUMY_ORIGINALS:
                last = previous_sumy.get(name)
                predicted = last[1] * (size / last[0]) ** 2 if last else 0.0
                if predicted <= args.sumy_limit:
                    original = median_seconds(lambda: _run(SUMY_ORIGINALS[name], name, document, size), 1 if size > 400 else runs, warm_up=False)
                    previous_sumy[name] = (size, original)
            sumy_text = f"{original:9.3f}" if original is not None else ("        —" if name not in SUMY_ORIGINALS else "  skipped")
            ratio = f"{original / ours:9.1f}" if original is not None and ours > 0 else "         "
            print(f"{name:<10} {size:9d} {ours:9.3f} {sumy_text} {ratio}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
