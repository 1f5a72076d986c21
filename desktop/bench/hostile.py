"""Hostile inputs: files shaped to make a parser or the analysis slow or greedy, and what they cost.

    python -m desktop.bench.hostile [--runs 3] [--scale 1.0] [--only NAME ...] [--probe] [--keep DIR]

Every shape is generated here (nothing is downloaded): bracket runs that make spaCy's tokenizer quadratic,
Markdown emphasis and bracket bombs, a PDF whose content stream inflates to a gigabyte, 200,000 lines of "A.",
a web page of 100,000 paragraphs, a 1.5 MB Markdown table and text dense with acronyms, next to ordinary prose.

The benchmark (default) opens and analyses each shape in this process and prints the median seconds per KB of
input after a warm-up, and its ratio to ordinary prose (the target is within 3x). `--probe` instead runs the
real command line, `python -m desktop analyze FILE` and `... export FILE -o OUT.pdf`, once per shape as a
child process and reports its exit status, its last line of standard error, its wall time against the limit
max(20 s, 50 ms per KB) and its peak memory (the child's own max RSS from wait4) against 1 GB.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from pathlib import Path

from desktop.bench.__main__ import DEFAULT_CORPUS, long_text

#: The limits of the issue's "Done when": wall time max(20 s, 50 ms per KB) and 1 GB of memory.
LIMIT_SECONDS, LIMIT_MS_PER_KB, LIMIT_MIB = 20.0, 50.0, 1024.0

_ACRONYMS = ("NATO", "WHO", "IMF", "UN", "EU", "FBI", "CIA", "NASA", "UNESCO", "OPEC", "WTO", "ECB", "PTI", "PML-N",
             "ISI", "FIA", "NAB", "ECP", "SBP", "PPP", "MQM", "IHC", "SC", "KP", "GDP", "CPI", "UNICEF", "FATF",
             "IAEA", "ASEAN", "BRICS", "G20", "OECD", "UNHCR", "ICC", "ICJ", "WFP", "FAO", "ILO", "IOC")


def brackets(scale: float) -> tuple[bytes, str]:
    """5,000 '[' then a word then 5,000 ']' (10 KB): quadratic in spaCy's tokenizer (27 s before the guard)."""
    n = int(5_000 * scale)
    return ("[" * n + " word " + "]" * n + "\n").encode(), "brackets.txt"


def markdown_emphasis(scale: float) -> tuple[bytes, str]:
    """`*a **b ` 50,000 times (350 KB): markdown-it's delimiter matching kept every run (2 GB before)."""
    return ("*a **b " * int(50_000 * scale)).encode(), "emphasis.md"


def markdown_brackets(scale: float) -> tuple[bytes, str]:
    """Nested link brackets `[a` ... `](b)`, 200 KB: link matching looked back over every open bracket."""
    n = int(40_000 * scale)
    return ("[a " * n + "](b) " * n).encode()[: int(200_000 * scale)], "brackets.md"


def pdf_bomb(scale: float) -> tuple[bytes, str]:
    """A PDF whose one page's content stream is 1 MB of Flate data that inflates to 1 GB of spaces."""
    inflated = int(1024 * 1024 * 1024 * scale)
    packer = zlib.compressobj(9)
    block = b" " * (1024 * 1024)
    parts = [packer.compress(block) for _ in range(inflated // len(block))]
    stream = b"".join(parts) + packer.flush()
    return make_pdf([b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream"]), \
        "bomb.pdf"


def make_pdf(content_objects: list[bytes]) -> bytes:
    """A minimal one-page PDF around the given content stream object(s), with a correct cross-reference table."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>", content_objects[0],
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def a_dot_lines(scale: float) -> tuple[bytes, str]:
    """200,000 lines of `A.` (600 KB): as many one-word paragraphs, sentences and 'acronyms'."""
    return ("A.\n" * int(200_000 * scale)).encode(), "a-dot.txt"


def html_paragraphs(scale: float) -> tuple[bytes, str]:
    """A web page of 100,000 short paragraphs."""
    body = "".join(f"<p>Paragraph {n} says a little.</p>\n" for n in range(int(100_000 * scale)))
    return f"<!DOCTYPE html><html><head><title>Many</title></head><body><article>{body}</article></body></html>" \
        .encode(), "paragraphs.html"


def markdown_table(scale: float) -> tuple[bytes, str]:
    """A 1.5 MB Markdown table of numbers and short words."""
    rows = ["| id | name | value | note |", "|---|---|---|---|"]
    size, n = 0, 0
    while size < 1_500_000 * scale:
        row = f"| {n} | item {n} | {n * 7 % 1000} | ok |"
        rows.append(row)
        size += len(row) + 1
        n += 1
    return "\n".join(rows).encode(), "table.md"


def acronym_dense(scale: float) -> tuple[bytes, str]:
    """60 KB of sentences made mostly of acronyms, some defined in the text, as a glossary-heavy export."""
    rng = random.Random(7)
    sentences, size = [], 0
    while size < 60_000 * scale:
        words = [rng.choice(_ACRONYMS) for _ in range(rng.randint(4, 12))]
        sentence = f"The {words[0]} met the {', the '.join(words[1:-1])} and the {words[-1]} on Monday."
        if rng.random() < 0.05:
            sentence += f" The Board of Example Affairs ({rng.choice(_ACRONYMS)}) agreed."
        sentences.append(sentence)
        size += len(sentence) + 1
    paragraphs = [" ".join(sentences[i:i + 5]) for i in range(0, len(sentences), 5)]
    return "\n\n".join(paragraphs).encode(), "acronyms.txt"


def nested_html(scale: float) -> tuple[bytes, str]:
    """100,000 nested `<div>`s around one sentence: recursion in every tree walker."""
    n = int(100_000 * scale)
    return (b"<html><body>" + b"<div>" * n + b"The council met on Monday." + b"</div>" * n + b"</body></html>",
            "nested.html")


def long_word(scale: float) -> tuple[bytes, str]:
    """One 'word' of a million letters and hyphens: no space anywhere."""
    return ("ab-" * int(333_333 * scale)).encode(), "long-word.txt"


def combining_marks(scale: float) -> tuple[bytes, str]:
    """'Zalgo' text: each letter under dozens of combining marks (300 KB)."""
    word = "".join(letter + "\u0301\u0316\u0340\u0353" * 8 for letter in "council") + " "
    return (word * int(2_500 * scale)).encode(), "zalgo.txt"


def prose(scale: float, corpus: Path = DEFAULT_CORPUS) -> tuple[bytes, str]:
    """Ordinary news prose (about 60 KB): the yardstick."""
    text = long_text(int(10_000 * scale), corpus)
    return text.encode(), "prose.txt"


SHAPES = {
    "prose": prose, "brackets": brackets, "md-emphasis": markdown_emphasis, "md-brackets": markdown_brackets,
    "pdf-bomb": pdf_bomb, "a-dot-lines": a_dot_lines, "html-paragraphs": html_paragraphs,
    "md-table": markdown_table, "acronyms": acronym_dense, "nested-html": nested_html, "long-word": long_word,
    "zalgo": combining_marks,
}


def _analyse_once(data: bytes, name: str) -> str:
    """Open and analyse as the CLI does; a PrecisError counts as an answer (its message is returned)."""
    from desktop.core.errors import PrecisError
    from desktop.core.pipeline import AnalysisOptions, analyze
    from desktop.importers import load_bytes

    try:
        source = load_bytes(data, name=name, origin=name)
        analyze(source.text, AnalysisOptions(user_glossary=False, learn=False), title=source.title)
    except PrecisError as error:
        return f"refused: {error.message}"
    return "analysed"


def benchmark(shapes: list[str], runs: int, scale: float) -> int:
    from desktop.core import nlp

    nlp.load_pipeline()
    print(f"open + analyse in-process, median of {runs} runs after a warm-up (ms per KB of input)")
    print(f"{'shape':<16} {'KB':>8} {'ms/KB':>8} {'x prose':>8}  outcome")
    baseline = None
    for name in ["prose"] + [s for s in shapes if s != "prose"]:
        data, file_name = SHAPES[name](scale)
        outcome = _analyse_once(data, file_name)
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            _analyse_once(data, file_name)
            times.append(time.perf_counter() - started)
        per_kb = statistics.median(times) * 1000 / (len(data) / 1024)
        baseline = baseline or per_kb
        print(f"{name:<16} {len(data) / 1024:>8.0f} {per_kb:>8.3f} {per_kb / baseline:>8.2f}  {outcome}", flush=True)
    return 0


def run_child(command: list[str], env: dict, kill_after: float) -> tuple[int, float, float, str]:
    """Run one command; return (exit status, seconds, peak MiB of that child alone, last line of stderr).

    A child still running after `kill_after` seconds is killed (its status is then -9)."""
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors, env=env)
        timer = threading.Timer(kill_after, child.kill)
        timer.start()
        _, status, usage = os.wait4(child.pid, 0)
        timer.cancel()
        seconds = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        lines = [line for line in errors.read().decode("utf-8", "replace").splitlines() if line.strip()]
    return child.returncode, seconds, usage.ru_maxrss / 1024, (lines[-1] if lines else "")


def probe(shapes: list[str], scale: float, keep: Path | None) -> int:
    folder = Path(keep or tempfile.mkdtemp(prefix="precis-hostile-"))
    folder.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "PRECIS_DATA_DIR": tempfile.mkdtemp(prefix="precis-hostile-data-")}
    print(f"{'shape':<16} {'command':<8} {'KB':>7} {'exit':>4} {'s':>7} {'limit':>6} {'MiB':>6}  last line")
    failures = 0
    for name in shapes:
        data, file_name = SHAPES[name](scale)
        path = folder / file_name
        path.write_bytes(data)
        kb = len(data) / 1024
        limit = max(LIMIT_SECONDS, LIMIT_MS_PER_KB * kb / 1000)
        for command in ("analyze", "export"):
            args = [sys.executable, "-m", "desktop", command, str(path)]
            if command == "export":
                args += ["-o", str(folder / f"{file_name}.pdf")]
            status, seconds, mib, last = run_child(args, env, 2 * limit)
            bad = status not in (0, 1) or "internal error" in last or seconds > limit or mib > LIMIT_MIB
            failures += bad
            print(f"{name:<16} {command:<8} {kb:>7.0f} {status:>4} {seconds:>7.1f} {limit:>6.0f} {mib:>6.0f}  "
                  f"{'FAIL ' if bad else ''}{last[:90]}", flush=True)
    print(f"{failures} over a limit" if failures else "all within the limits")
    return 1 if failures else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop.bench.hostile", description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every shape's size (default 1)")
    parser.add_argument("--only", nargs="+", choices=sorted(SHAPES), help="only these shapes")
    parser.add_argument("--probe", action="store_true", help="run the real command line in child processes")
    parser.add_argument("--keep", type=Path, help="write the generated files to this folder")
    args = parser.parse_args(argv)
    shapes = args.only or list(SHAPES)
    if args.probe:
        return probe(shapes, args.scale, args.keep)
    return benchmark(shapes, args.runs, args.scale)


if __name__ == "__main__":
    sys.exit(main())
