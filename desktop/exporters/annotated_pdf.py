"""The annotated copy of a PDF: the reader's own file, its pages untouched, with Précis's notes added.

    annotate_pdf(Path("report.pdf"), Path("report-annotated.pdf"), AnalysisOptions())      # the command
    export_annotated_copy(document, Path("report.pdf"), Path("out.pdf"))                  # the window

The PDF is read once (`desktop.importers.pdf.extract` keeps each character's box as it reads), analysed, and the
offsets of the analysis are mapped back onto the characters (`desktop.importers.pdfmap`). The copy is the
original's bytes followed by an incremental update that adds annotations and rewrites only the page
dictionaries (their /Annots) and the objects pypdf must: every content stream, the metadata, the outline, forms,
links and earlier annotations stay as they were, and a viewer that ignores annotations shows the original.

- every explained glossary mention gets a highlight whose note reads "TERM: meaning. description (origin)";
- each summary sentence gets a highlight in its own colour, its note numbering it;
- with `entities`, named entities get highlights in the window's colours;
- page 1 gets a sticky note holding the summary.

Encrypted PDFs are refused: an increment to one must be encrypted with its key, and a copy that is not would
lose its protection silently.
"""

from __future__ import annotations

import io
import logging
import stat
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from desktop.core.errors import PrecisError
from desktop.core.model import Document
from desktop.exporters import palette
from desktop.exporters.atomic import check_target, write_atomic
from desktop.exporters.layout import squash
from desktop.importers.pdfmap import CharMap

log = logging.getLogger(__name__)

#: Summary sentences: a light green no highlighted entity label uses, so they are told apart from terms.
SUMMARY_COLOUR = "#c0eb75"
_NOT_ENCRYPTED_HINT = "Save a copy without protection (most viewers can print to PDF), then annotate that copy."


@dataclass(frozen=True)
class Report:
    """What was added: explained glossary mentions found, those highlighted, and all highlights."""

    mentions: int
    highlighted: int
    highlights: int
    summary_sentences: int
    entities: int
    unmapped_chars: int


@dataclass(frozen=True)
class Extracted:
    data: bytes
    label: str
    text: str
    title: str | None
    lines: list


def read_pdf(path: Path) -> Extracted:
    """Read and extract a PDF once, keeping its characters' boxes; PrecisError for anything that is not one."""
    from desktop.importers import MAX_FILE_BYTES, detect
    from desktop.importers import pdf as pdf_importer

    path = Path(path)
    label = detect.describe(str(path))
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            raise PrecisError(f"{label} is not a file.", "Give the path of a PDF file.")
        if path.stat().st_size > MAX_FILE_BYTES:
            raise PrecisError(f"{label} is larger than {MAX_FILE_BYTES // 1024 // 1024} MB.", "Split the PDF first.")
        data = path.read_bytes()
    except FileNotFoundError:
        raise PrecisError(f"There is no file {label}.", "Check the path and its spelling.") from None
    except OSError as error:
        raise PrecisError(f"{label} cannot be read: {error.strerror or error}.", "Check the file.") from None
    if detect.sniff(data, path.name, str(path)) != detect.PDF:
        raise PrecisError(f"{label} is not a PDF.", "`precis export` saves an analysis of other files as a new PDF.")
    _refuse_encrypted(data, label)
    lines: list = []
    text, title, _author, _date = pdf_importer.extract(data, label, lines=lines)
    return Extracted(data, label, text, title, lines)


def annotate_pdf(source: Path, target: Path, options=None, *, entities: bool = False) -> Report:
    """`precis annotate`: read `source`, analyse it, write its annotated copy to `target` (all or nothing)."""
    from desktop.core.pipeline import AnalysisOptions, analyze

    target = Path(target)
    check_target(target)
    _refuse_same_file(Path(source), target)
    extracted = read_pdf(source)
    document = analyze(extracted.text, options or AnalysisOptions(), title=extracted.title)
    return write_annotated(extracted, document, target, entities=entities)


def export_annotated_copy(document: Document, source: Path, target: Path, *, entities: bool = False) -> Report:
    """The window's export: annotate `source` with an analysis already made of it.

    The file is read again (the window does not keep the characters' boxes); if its text is no longer the text
    that was analysed, the file changed since it was opened and the offsets would land on the wrong words.
    """
    from desktop.core import textprep

    target = Path(target)
    check_target(target)
    _refuse_same_file(Path(source), target)
    extracted = read_pdf(source)
    if textprep.normalise(extracted.text) != document.text:
        raise PrecisError(f"The text analysed is no longer the text of {extracted.label}: it was edited, or the "
                          "file changed.", "Open the PDF again, then export its annotated copy.")
    return write_annotated(extracted, document, target, entities=entities)


def write_annotated(extracted: Extracted, document: Document, target: Path, *, entities: bool = False) -> Report:
    charmap = CharMap(document.text, extracted.lines)
    data, report = annotated_bytes(extracted.data, document, charmap, entities=entities)
    write_atomic(target, data)
    return report


def annotated_bytes(data: bytes, document: Document, charmap: CharMap, *, entities: bool = False):
    """The original bytes and an incremental update adding the annotations; and what was added."""
    from pypdf import PdfWriter

    from desktop.exporters.pdf_notes import Annotator

    output = io.BytesIO()
    with _quiet_pypdf():
        try:
            writer = PdfWriter(io.BytesIO(data), incremental=True)
            annotator = Annotator(writer)
            summary = _summary_highlights(annotator, document, charmap)
            named = _entity_highlights(annotator, document, charmap) if entities else 0
            mentions, highlighted = _glossary_highlights(annotator, document, charmap)
            _summary_note(annotator, document)
            writer.write(output)
        except Exception as error:  # pypdf meeting a structure PDFium could read around (a broken /Annots, ...)
            log.debug("pypdf cannot update the PDF", exc_info=True)
            raise PrecisError("The PDF's structure cannot be updated: it may be damaged.",
                              "Save it again from a PDF viewer (print to PDF), then annotate that copy.") from error
    report = Report(mentions, highlighted, annotator.highlights, summary, named, charmap.unmapped)
    log.info("annotated: %s", report)
    return output.getvalue(), report


def glossary_note(entry) -> str:
    """TERM: meaning. description (where the meaning came from)."""
    meaning = squash(entry.meaning or "")
    note = f"{entry.term}: {meaning}"
    description = squash(entry.description or "")
    if description and description.casefold() != meaning.casefold():
        note = f"{note.rstrip('.')}. {description}"
    return f"{note} ({entry.origin})"


def _by_page(pieces):
    pages = defaultdict(list)
    for piece in pieces:
        pages[piece.page].append(piece)
    return pages


def _glossary_highlights(annotator, document: Document, charmap: CharMap) -> tuple[int, int]:
    rgb = palette.ACRONYM.rgb
    mentions = highlighted = 0
    for number, entry in enumerate(document.glossary):
        if not entry.meaning:
            continue  # an entry that explains nothing is noise on the page
        note = glossary_note(entry)
        subject = f"{entry.kind.capitalize()}: {entry.term}"
        for mention_number, mention in enumerate(entry.mentions):
            mentions += 1
            pieces = charmap.rectangles(mention.start, mention.end)
            if not pieces:
                continue
            for page, on_page in _by_page(pieces).items():
                annotator.highlight(page, on_page, rgb, note, subject, f"precis-term-{number}-{mention_number}-{page}",
                                    popup=mention_number == 0)
            highlighted += 1
    return mentions, highlighted


def _summary_highlights(annotator, document: Document, charmap: CharMap) -> int:
    rgb = palette.Swatch("SUMMARY", "Summary", SUMMARY_COLOUR).rgb
    chosen = document.summary.sentences
    for number, index in enumerate(chosen, 1):
        sentence = document.sentences[index]
        note = f"Summary, sentence {number} of {len(chosen)}"
        for page, on_page in _by_page(charmap.rectangles(sentence.start, sentence.end)).items():
            annotator.highlight(page, on_page, rgb, note, "Summary", f"precis-summary-{number}-{page}")
    return len(chosen)


def _entity_highlights(annotator, document: Document, charmap: CharMap) -> int:
    terms = sorted((m.start, m.end) for entry in document.glossary if entry.meaning for m in entry.mentions)
    count = 0
    for number, entity in enumerate(document.entities):
        if not palette.is_highlighted(entity.label) or _overlaps(terms, entity.start, entity.end):
            continue
        swatch = palette.swatch(entity.label)
        note = f"{swatch.name}: {squash(entity.text)}"
        for page, on_page in _by_page(charmap.rectangles(entity.start, entity.end)).items():
            annotator.highlight(page, on_page, swatch.rgb, note, swatch.name, f"precis-entity-{number}-{page}")
        count += 1
    return count


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    import bisect

    at = bisect.bisect_left(spans, (end,))
    return any(s < end and start < e for s, e in spans[max(0, at - 3):at])


def _summary_note(annotator, document: Document) -> None:
    from desktop.core.algorithms import ALGORITHMS

    texts = [" ".join(text.split()) for text in document.summary_texts()]
    if not texts:
        return
    algorithm = ALGORITHMS.get(document.summary.algorithm)
    name = algorithm.label if algorithm is not None else document.summary.algorithm
    head = f"Précis summary ({name}, {len(texts)} of {len(document.sentences)} sentences)"
    body = "\n".join(f"{number}. {text}" for number, text in enumerate(texts, 1))
    annotator.note(0, f"{head}\n\n{body}", "Summary", "precis-summary-note")


def _refuse_encrypted(data: bytes, label: str) -> None:
    """An encrypted PDF, even one that opens without a password, is refused (see the module's docstring)."""
    from pypdf import PdfReader

    with _quiet_pypdf():
        try:
            encrypted = PdfReader(io.BytesIO(data)).is_encrypted
        except Exception:
            return  # PDFium, more forgiving, decides whether the file can be read at all
    if encrypted:
        raise PrecisError(f"{label} is encrypted; Précis cannot add notes to it.", _NOT_ENCRYPTED_HINT)


def _refuse_same_file(source: Path, target: Path) -> None:
    try:
        same = target.exists() and source.exists() and source.samefile(target)
    except OSError:
        same = False
    if same:
        raise PrecisError("The annotated copy would replace the original.", "Give another output file name.")


@contextmanager
def _quiet_pypdf():
    """pypdf logs every oddity it repairs in other people's PDFs as a warning; they are not the user's concern."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)
