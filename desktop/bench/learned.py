"""Benchmark the user's glossary when it has learned a lot: lookups with 100,000 learned entries.

    python -m desktop.bench.learned [--entries 100000] [--runs 5]

A data folder that has seen thousands of articles holds many learned definitions; every acronym of every later
article is looked up in it. This fills a glossary in a temporary folder with `--entries` learned definitions
(invented short forms, in batches as articles would give them), then times, as medians of `--runs`: one lookup
that finds an entry, one that finds none, and building the sample article's glossary with the user's glossary
consulted, against the same without it.
"""

from __future__ import annotations

import argparse
import random
import string
import tempfile
import time
from pathlib import Path

from desktop.bench.timing import median_seconds
from desktop.resources import resource_path

BATCH = 1_000
LOOKUPS = 1_000


def _terms(count: int, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    terms: set[str] = set()
    while len(terms) < count:
        terms.add("".join(rng.choice(string.ascii_uppercase) for _ in range(rng.randint(3, 6))) + "x")
    return sorted(terms)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop.bench.learned", description=__doc__.split("\n")[0])
    parser.add_argument("--entries", type=int, default=100_000, help="learned entries to fill in (default 100,000)")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per figure (default 5)")
    args = parser.parse_args(argv)

    from desktop.core.glossary.bundled import load_bundled
    from desktop.core.glossary.resolve import build_glossary
    from desktop.core.glossary.user_db import UserGlossary

    terms = _terms(args.entries)
    with tempfile.TemporaryDirectory() as folder, UserGlossary(Path(folder) / "glossary.sqlite3") as glossary:
        started = time.perf_counter()
        for first in range(0, len(terms), BATCH):
            batch = [(t, f"Learned Expansion {t}", "acronym") for t in terms[first:first + BATCH]]
            glossary.remember_many(batch, f"Article {first // BATCH}", "sci-tech", ["US"])
        filled = time.perf_counter() - started
        size = (Path(folder) / "glossary.sqlite3").stat().st_size / 2**20
        print(f"{len(glossary):,} learned entries written in {filled:.1f} s ({size:.1f} MiB)")

        rng = random.Random(5)
        hits = rng.sample(terms, LOOKUPS)
        misses = [t.lower() + "q" for t in hits]
        hit = median_seconds(lambda: [glossary.lookup(t) for t in hits], args.runs) / LOOKUPS
        miss = median_seconds(lambda: [glossary.lookup(t) for t in misses], args.runs) / LOOKUPS
        print(f"lookup: {hit * 1e6:.0f} µs when found, {miss * 1e6:.0f} µs when not (medians of {args.runs} x {LOOKUPS})")

        sample = resource_path("sample-article.txt").read_text(encoding="utf-8")
        bundled = load_bundled()
        alone = median_seconds(lambda: build_glossary(sample, [], bundled), args.runs)
        consulted = median_seconds(lambda: build_glossary(sample, [], bundled, glossary.lookup), args.runs)
        print(f"build_glossary on the sample article: {alone * 1000:.1f} ms without the user's glossary, "
              f"{consulted * 1000:.1f} ms with {len(glossary):,} learned entries")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
