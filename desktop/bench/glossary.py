"""Benchmark the glossary: loading the bundled index, finding acronyms and definitions, and building a glossary.

    python -m desktop.bench.glossary [--runs 5] [--corpus ../shared/eval/cnndm_dev.jsonl]

Each figure is the median of `--runs` runs after one warm-up. The finders are timed on news text of 1,000,
10,000 and 100,000 words; "per 1k words" shows whether the time grows linearly (it should stay flat).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.bench.__main__ import DEFAULT_CORPUS, long_text
from desktop.bench.timing import median_seconds
from desktop.resources import resource_path

SIZES = (1_000, 10_000, 100_000)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop.bench.glossary", description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per figure (default 5)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="news articles for the long texts")
    args = parser.parse_args(argv)

    from desktop.core.acronyms import find_acronyms
    from desktop.core.definitions import find_definitions
    from desktop.core.glossary.bundled import index_path, load_bundled, read_index
    from desktop.core.glossary.resolve import build_glossary

    load = median_seconds(read_index, args.runs, warm_up=False)
    size = index_path().stat().st_size / 2**20
    bundled = load_bundled()
    print(f"bundled index: {len(bundled):,} senses, {size:.1f} MiB, loads in {load * 1000:.0f} ms")

    print(f"{'text':>16} {'find_acronyms':>14} {'find_definitions':>17} {'per 1k words':>13}")
    for words in SIZES:
        text = long_text(words, args.corpus)
        acronyms = median_seconds(lambda: find_acronyms(text, bundled.knows), args.runs)
        definitions = median_seconds(lambda: find_definitions(text), args.runs)
        per_thousand = (acronyms + definitions) / (words / 1000)
        print(f"{words:>10,} words {acronyms * 1000:>11.1f} ms {definitions * 1000:>14.1f} ms "
              f"{per_thousand * 1000:>10.2f} ms")

    sample = resource_path("sample-article.txt").read_text(encoding="utf-8")
    built = median_seconds(lambda: build_glossary(sample, [], bundled), args.runs)
    print(f"build_glossary on the sample article (no entities): {built * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
