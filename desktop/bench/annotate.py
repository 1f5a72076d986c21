"""Measure `precis annotate` on PDFs: are the notes right, on the right words, with the pages untouched, and fast?

    python -m desktop.bench.annotate FILE.pdf [FILE.pdf ...] [--runs 3] [--keep DIR]
    python -m desktop.bench.annotate --make-book /tmp/book.pdf --runs 1     # a ~350-page book, then measure it

For each PDF it reports
- pages unchanged: the output begins with the original's bytes and every page's content streams are the same;
- notes: the share of explained glossary mentions (those the glossary gives a meaning) that carry a highlight
  whose note holds that meaning;
- on words: the share of those highlights under whose every quadrilateral PDFium reads the mention's text
  (spaces and line-end hyphens aside; the words of a quad that is cut by the line end are compared in order);
- time: the median of `--runs` annotations against the median of `--runs` of what `precis analyze` does (read the
  file, analyse it), in one process with the model loaded, and their ratio; and, less exposed to a shared
  machine's noise (the analysis of a long book takes long enough for other work to slow one run and not the
  other), the annotation's own work measured apart: the reading it does beyond the importer's (the characters'
  boxes), the map back onto the pages, the annotations and the write.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

_NOT_TEXT = re.compile(r"[\s\-\u00ad\u2010]+")


@dataclass
class Checks:
    pages_unchanged: bool
    prefix_kept: bool
    mentions: int
    with_note: int
    highlights: int
    on_words: int
    misplaced: list[tuple[str, str]]


def page_streams(data: bytes) -> list[bytes]:
    """Every page's content stream bytes, as stored (not decoded), one item a page."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    streams = []
    for page in reader.pages:
        contents = page.get("/Contents")
        contents = contents.get_object() if contents is not None else None
        if contents is None:
            streams.append(b"")
        elif hasattr(contents, "get_data"):
            streams.append(contents._data)
        else:
            streams.append(b"\0".join(item.get_object()._data for item in contents))
    return streams


def squeeze(text: str) -> str:
    return _NOT_TEXT.sub("", text.translate(_LIGATURES)).casefold()


_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl"})


def check(original: bytes, annotated: bytes, document) -> Checks:
    """Compare an annotated copy with its original and with the analysis it was made from."""
    import pypdfium2 as pdfium
    from pypdf import PdfReader

    unchanged = page_streams(original) == page_streams(annotated)
    reader = PdfReader(io.BytesIO(annotated))
    notes: dict[tuple[int, int], list[tuple[int, str, list[float]]]] = {}
    for page_number, page in enumerate(reader.pages):
        for reference in page.get("/Annots") or []:
            annotation = reference.get_object()
            match = re.match(r"precis-term-(\d+)-(\d+)-\d+$", str(annotation.get("/NM", "")))
            if annotation.get("/Subtype") == "/Highlight" and match:
                key = (int(match.group(1)), int(match.group(2)))
                quads = [float(value) for value in annotation["/QuadPoints"]]
                notes.setdefault(key, []).append((page_number, str(annotation.get("/Contents", "")), quads))
    pdf = pdfium.PdfDocument(annotated)
    textpages: dict[int, object] = {}
    mentions = with_note = highlights = on_words = 0
    misplaced: list[tuple[str, str]] = []
    try:
        for entry_number, entry in enumerate(document.glossary):
            if not entry.meaning:
                continue
            for mention_number, mention in enumerate(entry.mentions):
                mentions += 1
                found = notes.get((entry_number, mention_number))
                if not found:
                    continue
                if all(entry.meaning in contents for _, contents, _ in found):
                    with_note += 1
                highlights += 1
                under = ""
                for page_number, _, quads in found:
                    if page_number not in textpages:
                        textpages[page_number] = pdf[page_number].get_textpage()
                    for at in range(0, len(quads), 8):
                        xs, ys = quads[at:at + 8:2], quads[at + 1:at + 8:2]
                        under += textpages[page_number].get_text_bounded(min(xs), min(ys), max(xs), max(ys))
                wanted = document.text[mention.start:mention.end]
                if squeeze(under) == squeeze(wanted):
                    on_words += 1
                elif len(misplaced) < 20:
                    misplaced.append((wanted, under))
    finally:
        for textpage in textpages.values():
            textpage.close()
        pdf.close()
    return Checks(unchanged, annotated.startswith(original), mentions, with_note, highlights, on_words, misplaced)


def measure(path: Path, runs: int, keep: Path | None) -> str:
    from statistics import median

    from desktop.core import nlp
    from desktop.core.pipeline import AnalysisOptions, analyze
    from desktop.exporters.annotated_pdf import annotated_bytes, read_pdf
    from desktop.exporters.atomic import write_atomic
    from desktop.importers import load_path
    from desktop.importers.pdfmap import CharMap

    nlp.load_pipeline()
    options = AnalysisOptions(user_glossary=False, learn=False)
    analyze("The IMF met the WHO in Geneva on Monday.", options)  # a warm-up: the glossary loads on first use
    original = path.read_bytes()
    analyse_times: list[float] = []
    annotate_times: list[float] = []

    added_times: list[float] = []  # the annotation's own work: its reading beyond the importer's, map, write
    loads: list[float] = []

    def analyse_only() -> None:
        started = time.perf_counter()
        source = load_path(path)
        loads.append(time.perf_counter() - started)
        analyze(source.text, options, title=source.title)

    def annotate_and_write():
        started = time.perf_counter()
        extracted = read_pdf(path)
        read = time.perf_counter() - started
        document = analyze(extracted.text, options, title=extracted.title)
        started = time.perf_counter()
        charmap = CharMap(document.text, extracted.lines)
        annotated, _report = annotated_bytes(extracted.data, document, charmap)
        with tempfile.TemporaryDirectory() as folder:  # the write, as the command does it
            write_atomic(Path(folder) / "out.pdf", annotated)
        added_times.append(read - (loads[-1] if loads else 0.0) + time.perf_counter() - started)
        return annotated, document, charmap

    for run in range(runs):
        # alternate which goes first, so that a busy spell on a shared machine does not always hit the same one
        for which in ((0, 1) if run % 2 == 0 else (1, 0)):
            started = time.perf_counter()
            if which == 0:
                analyse_only()
            else:
                annotated, document, charmap = annotate_and_write()
            (analyse_times if which == 0 else annotate_times).append(time.perf_counter() - started)
    if keep:
        (keep / f"{path.stem}-annotated.pdf").write_bytes(annotated)
    result = check(original, annotated, document)
    lines = [
        f"{path.name}: {len(page_streams(original))} pages, {len(document.text.split()):,} words",
        f"  pages unchanged: {'yes' if result.pages_unchanged else 'NO'}; original bytes kept as the prefix: "
        f"{'yes' if result.prefix_kept else 'NO'}; {charmap.unmapped} characters of the text not found on a page",
        f"  explained glossary mentions with a highlight whose note has the meaning: {result.with_note}/"
        f"{result.mentions} = {_share(result.with_note, result.mentions)}",
        f"  highlights lying on their words: {result.on_words}/{result.highlights} = "
        f"{_share(result.on_words, result.highlights)}",
        f"  time (median of {runs}): analyze {median(analyse_times):.2f} s, annotate {median(annotate_times):.2f} s, "
        f"ratio {median(annotate_times) / median(analyse_times):.2f}",
        f"  annotation's own work (reading the boxes, map, annotations, write): {median(added_times):.2f} s; "
        f"analyze + that = {(median(analyse_times) + median(added_times)) / median(analyse_times):.2f} x analyze",
        f"  size: {len(original):,} -> {len(annotated):,} bytes",
    ]
    lines += [f"    misplaced: {wanted!r} under {under!r}" for wanted, under in result.misplaced[:5]]
    return "\n".join(lines)


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "n/a"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop.bench.annotate", description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="a folder to save the annotated copies in")
    parser.add_argument("--make-book", action="store_true",
                        help="first write a ~350-page book from the news corpus to the first FILE")
    args = parser.parse_args(argv)
    if args.make_book:
        make_book(args.files[0])
    for path in args.files:
        print(measure(path, args.runs, args.keep), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())


def make_book(path: Path, pages: int = 350, corpus: Path | None = None) -> None:
    """A book of about `pages` pages (reportlab, a test dependency) from the news corpus: running headers, page
    numbers, chapters of articles. Kept out of the repository: the articles are not ours to publish."""
    from reportlab.lib.pagesizes import A5
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    from desktop.bench.__main__ import DEFAULT_CORPUS, long_text

    styles = getSampleStyleSheet()
    text = long_text(pages * 350, corpus or DEFAULT_CORPUS)
    story = []
    for number, paragraph in enumerate(p for p in text.split("\n") if p.strip()):
        if number % 60 == 0:
            if story:
                story.append(PageBreak())
            story.append(Paragraph(f"Chapter {number // 60 + 1}", styles["Heading1"]))
        story.append(Paragraph(paragraph.replace("&", "&amp;").replace("<", "&lt;"), styles["BodyText"]))

    def decorate(canvas, document) -> None:
        canvas.saveState()
        canvas.setFont("Times-Italic", 8)
        canvas.drawString(40, A5[1] - 30, "A Long Book of News — benchmark edition")
        canvas.drawCentredString(A5[0] / 2, 20, str(document.page))
        canvas.restoreState()

    SimpleDocTemplate(str(path), pagesize=A5, title="A Long Book of News").build(
        story, onFirstPage=decorate, onLaterPages=decorate)
