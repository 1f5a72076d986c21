"""Benchmark the exporters: the time to write each format for the sample article and for a 20,000-word text.

    python -m desktop.bench.exporters [--runs 5] [--words 20000] [--corpus ../shared/eval/cnndm_dev.jsonl]

The analysis is done once per text and not timed; each figure is the median of `--runs` exports to a temporary
folder, after one warm-up (the first PDF export of a process also starts Qt, timed apart as "Qt start").
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from desktop.bench.__main__ import DEFAULT_CORPUS, long_text
from desktop.bench.timing import median_seconds
from desktop.resources import resource_path

FORMATS = (("pdf", "pdf"), ("html", "html"), ("markdown", "md"), ("json", "json"))




def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop.bench.exporters", description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="timed exports per format and text (default 5)")
    parser.add_argument("--words", type=int, default=20_000, help="size of the long text (default 20,000)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="news articles for the long text")
    args = parser.parse_args(argv)

    from desktop.core.pipeline import AnalysisOptions, analyze
    from desktop.exporters import export
    from desktop.exporters.pdf import ensure_gui_application

    options = AnalysisOptions(user_glossary=False, learn=False)
    texts = [
        ("sample article", resource_path("sample-article.txt").read_text(encoding="utf-8")),
        (f"{args.words:,}-word text", long_text(args.words, args.corpus)),
    ]
    started = time.perf_counter()
    ensure_gui_application()
    print(f"Qt start (once per process): {(time.perf_counter() - started) * 1000:.0f} ms")
    print(f"medians of {args.runs} runs, seconds\n")
    print("| text | words | glossary mentions | pages | " + " | ".join(name.upper() for name, _ in FORMATS) + " |")
    print("|---|---:|---:|---:|" + "---:|" * len(FORMATS))
    with tempfile.TemporaryDirectory(prefix="precis-bench-") as folder:
        for label, text in texts:
            document = analyze(text, options)
            mentions = sum(len(entry.mentions) for entry in document.glossary)
            cells = []
            pages = "?"
            for name, suffix in FORMATS:
                target = Path(folder) / f"out.{suffix}"
                seconds = median_seconds(lambda: export(document, target, name), args.runs)
                cells.append(f"{seconds:.3f}")
                if name == "pdf":
                    pages = str(_count_pages(target))
            print(f"| {label} | {document.word_count:,} | {mentions:,} | {pages} | " + " | ".join(cells) + " |")
    return 0


def _count_pages(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(path).pages)


if __name__ == "__main__":
    raise SystemExit(main())
