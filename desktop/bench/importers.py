"""Benchmark opening articles: a long PDF, a large web page, a Word file and a wrapped text file.

    python -m desktop.bench.importers [--runs 5] [--pages 40] [--html-mb 2]

The documents are made here, from real news text (the corpus of `python -m desktop.bench`, else the sample
article repeated): the PDF is printed by Qt (QTextDocument on a QPdfWriter, with Qt's page numbers), the web page
wraps the article in navigation, adverts, related links and a long comment section. Each time is the median of
`--runs` calls of `load_bytes` after one warm-up (imports and first use excluded).
"""

from __future__ import annotations

import argparse
import html
import io
import os
import sys
import tempfile
import textwrap
from pathlib import Path

from desktop.bench.timing import median_seconds
from desktop.bench.__main__ import DEFAULT_CORPUS, long_text


def _paragraphs(words: int, corpus: Path) -> list[str]:
    return [p.strip() for p in long_text(words, corpus).split("\n\n") if p.strip()]


def make_pdf(pages: int, corpus: Path) -> bytes:
    """A Qt-printed A4 PDF of at least `pages` pages of 11-point text."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QFont, QGuiApplication, QPageSize, QPdfWriter, QTextDocument

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (Qt needs it alive)
    words = 500 * pages
    while True:
        paragraphs = _paragraphs(words, corpus)
        document = QTextDocument()
        document.setDefaultFont(QFont("Sans Serif", 11))
        document.setHtml("<h1>Benchmark report</h1>" + "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs))
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "bench.pdf"
            writer = QPdfWriter(str(path))
            writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
            document.print_(writer)
            del writer
            data = path.read_bytes()
        count = data.count(b"/Type /Page\n") or data.count(b"/Type/Page\n")
        if count >= pages or words > 2000 * pages:
            return data
        words = int(words * pages / max(1, count) * 1.05)


def make_web_page(megabytes: float, corpus: Path) -> bytes:
    """A news page of about `megabytes` MB: 70 % article, the rest navigation, adverts and comments."""
    target = int(megabytes * 1024 * 1024)
    paragraphs = _paragraphs(target // 8, corpus)
    nav = "".join(f'<li><a href="/section/{n}">Section {n}</a></li>' for n in range(300))
    parts = [f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Benchmark page</title>"
             f"<script>{'var x = 1;' * 2000}</script></head><body><header><nav><ul>{nav}</ul></nav></header>"
             "<div class='ad'>Advertisement</div><main><article><h1>Benchmark page</h1>"]
    size, index = sum(map(len, parts)), 0
    while size < 0.7 * target:
        paragraph = f"<p>{html.escape(paragraphs[index % len(paragraphs)])}</p>\n"
        if index % 12 == 0:
            paragraph = f"<h2>Part {index // 12 + 1}</h2>" + paragraph
        parts.append(paragraph)
        size += len(paragraph)
        index += 1
    parts.append("</article><aside><ul>" + "".join(f"<li><a href='/r/{n}'>Related {n}</a></li>" for n in range(50))
                 + "</ul></aside><section class='comments'>")
    while size < target:
        comment = (f"<div class='comment'><span class='user'>reader{index}</span><p>Comment {index}: "
                   f"{html.escape(paragraphs[index % len(paragraphs)][:200])}</p></div>")
        parts.append(comment)
        size += len(comment)
        index += 1
    parts.append("</section></main><footer>© Benchmark</footer></body></html>")
    return "".join(parts).encode("utf-8")


def make_docx(words: int, corpus: Path) -> bytes:
    import docx

    document = docx.Document()
    document.add_heading("Benchmark report", level=1)
    for paragraph in _paragraphs(words, corpus):
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_text(words: int, corpus: Path) -> bytes:
    paragraphs = _paragraphs(words, corpus)
    return "\n\n".join(textwrap.fill(p, 72) for p in paragraphs).encode("cp1252", errors="replace")




def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop.bench.importers", description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pages", type=int, default=40, help="pages of the PDF (default 40)")
    parser.add_argument("--html-mb", type=float, default=2.0, help="size of the web page in MB (default 2)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args(argv)

    from desktop.importers import load_bytes

    import pypdfium2

    pdf = make_pdf(args.pages, args.corpus)
    with pypdfium2.PdfDocument(pdf) as document:
        pages = len(document)
    cases = [
        (f"PDF, {pages} pages ({len(pdf) / 1024 / 1024:.1f} MB, Qt)", pdf, "bench.pdf"),
        (f"web page, {args.html_mb:g} MB", make_web_page(args.html_mb, args.corpus), "bench.html"),
        ("Word file, 20,000 words", make_docx(20_000, args.corpus), "bench.docx"),
        ("wrapped text (cp1252), 20,000 words", make_text(20_000, args.corpus), "bench.txt"),
    ]
    print(f"load_bytes, median of {args.runs} runs after a warm-up")
    print(f"{'document':<44} {'seconds':>8} {'words out':>10}")
    for label, data, name in cases:
        words = len(load_bytes(data, name=name).text.split())
        seconds = median_seconds(lambda: load_bytes(data, name=name), args.runs)
        print(f"{label:<44} {seconds:>8.3f} {words:>10,}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
