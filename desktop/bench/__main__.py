"""Benchmark the analysis core: model load, the sample article, a 20,000-word text, every algorithm.

    python -m desktop.bench [--runs 7] [--words 20000 100000] [--corpus ../shared/eval/cnndm_dev.jsonl]

Each scenario runs in a fresh Python process so that its peak memory (max RSS) is its own (Précis's alone: it is
read before the second pipeline is loaded). Times are medians of `--runs` repetitions after one warm-up (a third
of them, at least two, past 20,000 words); "ratio" compares Précis's analysis with a bare spaCy pass over the
same text with the full, untrimmed pipeline, the cost a plain spaCy user would pay for entities alone: one
`nlp(text)` up to 20,000 words; past that, where one `nlp()` needs gigabytes (the point of going paragraph by
paragraph), `nlp.pipe` over the paragraphs Précis gives spaCy. The two are timed in alternation and the ratio is
the median of the runs' ratios, so a change in the machine's load between them does not tilt it; "cpu" is the
same ratio in processor time, steadier still on a shared machine.
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
            runs = max(2, runs // 3)
        analyze(text)  # warm-up: caches, lazy imports
        peak = _peak_mib()
        bare_pass, bare_kind = _bare_pass(text, whole=scenario == "sample" or words <= 20_000)
        bare_pass()
        pairs = [(_timed(lambda: analyze(text)), _timed(bare_pass)) for _ in range(max(1, runs))]
        return {
            "words": len(text.split()), "peak_mib": peak, "bare": bare_kind,
            "seconds": statistics.median(p[0] for p, _ in pairs),
            "bare_seconds": statistics.median(b[0] for _, b in pairs),
            "ratio": statistics.median(p[0] / b[0] for p, b in pairs),
            "cpu_ratio": statistics.median(p[1] / b[1] for p, b in pairs),
        }
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


def _timed(function) -> tuple[float, float]:
    """(wall seconds, processor seconds) of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    function()
    return time.perf_counter() - wall, time.process_time() - cpu


def _bare_pass(text: str, whole: bool):
    """A bare spaCy pass with the full pipeline, and what it is: one `nlp(text)`, or `nlp.pipe` over the
    paragraphs Précis gives spaCy (the same text, in pieces a plain spaCy user would also have to make)."""
    import spacy

    from desktop.core import nlp, textprep

    bare_nlp = spacy.load(nlp.choose_model_name())
    if whole:
        return (lambda: bare_nlp(text)), "nlp(text)"
    pieces = [p.nlp_text for p in textprep.paragraphs(textprep.normalise(text))]
    return (lambda: list(bare_nlp.pipe(pieces))), "nlp.pipe by paragraph"


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
        bare = (f"bare spaCy {r['bare']:<21} {r['bare_seconds'] * 1000:8.1f} ms  ratio {r['ratio']:4.2f}"
                f" (cpu {r['cpu_ratio']:4.2f})")
        print(f"{label:<20} median {r['seconds'] * 1000:8.1f} ms  {bare}   peak {r['peak_mib']:6.0f} MiB"
              f"   ({r['words']:,} words)")
    r = run_scenario("algorithms", args, 20_000)
    print(f"summarizers on the {r['words']:,}-word text ({r['sentences']} sentences), median seconds:")
    for name, seconds in sorted(r["seconds"].items(), key=lambda item: item[1]):
        print(f"  {name:<10} {seconds:8.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
