"""Benchmark the analysis core: model load, the sample article, a 20,000-word text, every algorithm.

    python -m desktop.bench [--runs 7] [--words 20000 100000] [--corpus ../shared/eval/cnndm_dev.jsonl]

Each scenario runs in a fresh Python process so that its peak memory (max RSS) is its own. Times are medians of
`--runs` repetitions after one warm-up; "ratio" divides Précis's analysis by a bare `nlp(text)` of the same text
with the full, untrimmed spaCy pipeline, the cost a plain spaCy user would pay for entities alone (measured up to
20,000 words; past that a bare `nlp()` needs gigabytes, which is the point of going paragraph by paragraph).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from desktop.bench.timing import median_seconds
from desktop.resources import resource_path

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "eval" / "cnndm_dev.jsonl"


def long_text(words: int, corpus: Path) -> str:
    """About `words` words of real news from the corpus, or the sample article repeated if there is none."""
    articles: list[str] = []
    if corpus.is_file():
        articles = [json.loads(line)["article"] for line in corpus.read_text(encoding="utf-8").splitlines() if line]
    if not articles:
        articles = [resource_path("sample-article.txt").read_text(encoding="utf-8")]
    parts, count, index = [], 0, 0
    while count < words:
        article = articles[index % len(articles)]
        parts.append(article)
        count += len(article.split())
        index += 1
    return "\n\n".join(parts)




def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def worker(scenario: str, runs: int, words: int, corpus: Path) -> dict:
    from desktop.core import nlp
    from desktop.core.pipeline import AnalysisOptions, analyze

    if scenario == "load":
        started = time.perf_counter()
        nlp.load_pipeline()
        return {"seconds": time.perf_counter() - started, "peak_mib": _peak_mib()}
    text = resource_path("sample-article.txt").read_text(encoding="utf-8") if scenario == "sample" else long_text(
        words, corpus
    )
    if scenario in ("sample", "long"):
        nlp.load_pipeline()
        if words > 20_000:
            runs = max(1, runs // 3)
        precis = median_seconds(lambda: analyze(text), runs)
        peak = _peak_mib()
        bare = None
        if scenario == "sample" or words <= 20_000:
            import spacy

            bare_nlp = spacy.load(nlp.choose_model_name())
            bare = median_seconds(lambda: bare_nlp(text), runs)
        return {"words": len(text.split()), "seconds": precis, "bare_seconds": bare, "peak_mib": peak}
    if scenario == "algorithms":
        from desktop.core.summarize import ALGORITHMS, summarize

        document = analyze(text, AnalysisOptions(algorithm="lead"))
        texts = [document.text[s.start:s.end] for s in document.sentences]
        times = {
            name: median_seconds(lambda name=name: summarize(document.sentences, texts, name), max(1, runs // 2))
            for name in ALGORITHMS
        }
        return {"words": len(text.split()), "sentences": len(texts), "seconds": times}
    raise ValueError(scenario)


def run_scenario(scenario: str, args: argparse.Namespace, words: int = 0) -> dict:
    command = [
        sys.executable, "-m", "desktop.bench", "--worker", scenario,
        "--runs", str(args.runs), "--words", str(words), "--corpus", str(args.corpus),
    ]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop.bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--words", type=int, nargs="+", default=[20_000, 100_000])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.runs, args.words[0], args.corpus)))
        return 0

    loads = [run_scenario("load", args) for _ in range(max(3, args.runs // 2))]
    print(f"model load           median {statistics.median(l['seconds'] for l in loads):7.3f} s   "
          f"peak {max(l['peak_mib'] for l in loads):6.0f} MiB   ({len(loads)} fresh processes)")
    scenarios = [("sample", "sample article", 0)] + [("long", f"{w:,}-word text", w) for w in args.words]
    for scenario, label, words in scenarios:
        r = run_scenario(scenario, args, words)
        if r["bare_seconds"]:
            bare = f"bare spaCy nlp() {r['bare_seconds'] * 1000:8.1f} ms  ratio {r['seconds'] / r['bare_seconds']:4.2f}"
        else:
            bare = f"{'(bare nlp() not run)':<39}"
        print(f"{label:<20} median {r['seconds'] * 1000:8.1f} ms  {bare}   peak {r['peak_mib']:6.0f} MiB"
              f"   ({r['words']:,} words)")
    r = run_scenario("algorithms", args, 20_000)
    print(f"summarizers on the {r['words']:,}-word text ({r['sentences']} sentences), median seconds:")
    for name, seconds in sorted(r["seconds"].items(), key=lambda item: item[1]):
        print(f"  {name:<10} {seconds:8.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
