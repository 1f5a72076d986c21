"""The `precis` command: analyse articles in the terminal, in batches, and measure quality.

    precis analyze PATH|- [--json] [--algorithm A] [--sentences N | --ratio R | --words W]
    precis analyze --batch IN.jsonl -o OUT.jsonl [same options]
    precis annotate IN.pdf -o OUT.pdf [same options] [--entities]
    precis eval summaries FILE.jsonl [--algorithm A ...] [--sentences N]
    precis eval acronyms FILE.jsonl [--limit N] [--errors K] [--case-sensitive]
    precis eval glossary FILE.jsonl [--limit N] [--errors K] [--gold FILE.json] [--use-my-glossary]
    precis eval entities FILE.jsonl [--limit N] [--errors K]
    precis eval entries GOLD.jsonl [--articles ARTICLES.jsonl] [--errors K]
    precis eval editorials GOLD.jsonl ARTICLES.jsonl [--algorithm A ...] [--sentences N] [--kind K]
    precis eval kinds [--argument FILE.jsonl ...] [--news FILE.jsonl ...]
    precis glossary list|define TERM EXPANSION [--description D]|forget TERM [--only user|learned]|export FILE.csv|import FILE.csv
    precis [PATH|URL]                opens the window (on the article, if given)

Exit status: 0 on success, 1 when the input cannot be analysed (one line with a hint, never a traceback) or
when any record of a batch failed (its error is on its line of OUT.jsonl) or the batch holds no records,
2 on a usage error.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Sequence, TextIO

from desktop import __version__, cli_eval
from desktop.cli_args import model_help, positive_int, ratio, size
from desktop.core.errors import PrecisError
from desktop.core.model import Document, SummaryLength
from desktop.core.algorithms import ALGORITHMS, DEFAULT_ALGORITHM

log = logging.getLogger("desktop.cli")

COMMANDS = ("open", "analyze", "export", "annotate", "eval", "glossary")
EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="precis", description="Summaries, named entities and an acronym glossary for articles, offline."
    )
    parser.add_argument("--version", action="version", version=f"precis {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what happens on standard error")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    # -v also works after the command or the file (`precis FILE -v`); SUPPRESS keeps a -v given before it.
    verbose = argparse.ArgumentParser(add_help=False)
    verbose.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)

    window = commands.add_parser("open", parents=[verbose], help="open the window (the default: `precis [PATH]`)")
    window.add_argument("path", nargs="?", help="an article to open: a file or a web address")
    window.add_argument("--theme", choices=("system", "light", "dark"), default="system", help="colour scheme")
    window.add_argument("--screenshot", metavar="PNG", help="save the window once the article is shown, then quit")
    window.add_argument("--select", metavar="TERM", help="select this glossary entry once the article is shown")
    window.add_argument("--timing", action="store_true", help="print the time to a visible window and to a result")
    window.add_argument("--size", type=size, metavar="WxH", help="open the window at this size, e.g. 900x600")

    analyze = commands.add_parser("analyze", parents=[verbose], help="analyse an article in the terminal (a file, or - for stdin)")
    analyze.add_argument("path", nargs="?", help="an article (text, Markdown, web page, PDF or Word file), an http(s) address, or - for stdin")
    analyze.add_argument("--json", action="store_true", help="print the analysis as JSON (schema precis.analysis/1)")
    analyze.add_argument("--batch", metavar="IN.jsonl", help="analyse every record of a JSONL file")
    analyze.add_argument("-o", "--output", metavar="OUT.jsonl", help="where --batch writes its results")
    analyze.add_argument(
        "--learn", action="store_true",
        help="with --batch: remember the definitions the records give in your glossary (a single file always does)",
    )
    _add_summary_options(analyze)

    exporter = commands.add_parser(
        "export", parents=[verbose], help="save an article's analysis as an annotated PDF, or as HTML, Markdown or JSON"
    )
    exporter.add_argument("path", metavar="INPUT", help="the article: a file, an http(s) address, or - for stdin")
    exporter.add_argument(
        "-o", "--output", required=True, metavar="OUT", help="the file to write: .pdf, .html, .md or .json"
    )
    exporter.add_argument(
        "--format", choices=("pdf", "html", "markdown", "md", "json"), help="the format (default: from OUT's extension)"
    )
    exporter.add_argument(
        "--page-size", default="A4", type=str.capitalize, choices=("A4", "Letter"), help="PDF paper (default A4)"
    )
    _add_summary_options(exporter)

    annotate = commands.add_parser(
        "annotate", parents=[verbose], help="a copy of a PDF, its pages untouched, with the glossary and summary as highlights and notes"
    )
    annotate.add_argument("path", metavar="IN.pdf", help="the PDF to annotate")
    annotate.add_argument("-o", "--output", required=True, metavar="OUT.pdf", help="the annotated copy to write")
    annotate.add_argument("--entities", action="store_true", help="also highlight named entities")
    _add_summary_options(annotate)

    own = commands.add_parser("glossary", parents=[verbose], help="your own glossary: list, define, forget, export, import")
    action = own.add_subparsers(dest="glossary_command", metavar="ACTION", required=True)
    action.add_parser("list", help="every entry: yours, and those learned from articles you analysed")
    define = action.add_parser("define", help="add or correct an entry; it takes precedence everywhere")
    define.add_argument("term")
    define.add_argument("expansion")
    define.add_argument("--description", help="one line saying what it is")
    define.add_argument("--organisation", action="store_true", help="the term is an organisation's name")
    forget = action.add_parser("forget", help="remove an entry (yours and the learned one, unless --only says which)")
    forget.add_argument("term")
    forget.add_argument(
        "--only", choices=("user", "learned"), help="forget only your own entry (user) or only the learned one"
    )
    export = action.add_parser("export", help="write every entry to a CSV file")
    export.add_argument("file")
    imports = action.add_parser("import", help="add the entries of a CSV file (all or nothing)")
    imports.add_argument("file")

    cli_eval.add_parser(commands, verbose)
    return parser


def _add_summary_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--algorithm", choices=list(ALGORITHMS), default=DEFAULT_ALGORITHM, metavar="NAME",
        help=f"summary algorithm: {', '.join(ALGORITHMS)} (default {DEFAULT_ALGORITHM})",
    )
    length = parser.add_mutually_exclusive_group()
    length.add_argument("--sentences", type=positive_int, metavar="N", help="summary of N sentences (default 3)")
    length.add_argument("--ratio", type=ratio, metavar="R", help="summary of this share of the sentences, 0 < R <= 1")
    length.add_argument("--words", type=positive_int, metavar="W", help="summary of at most W words")
    parser.add_argument("--model", help=model_help())
    parser.add_argument(
        "--kind", choices=("auto", "news", "argument"), default="auto",
        help="what kind of article it is, which decides what the default summary looks for "
        "(default: recognised from the text; argument = editorial, opinion, analysis)",
    )


def _length(args: argparse.Namespace) -> SummaryLength:
    if args.ratio is not None:
        return SummaryLength("ratio", args.ratio)
    if args.words is not None:
        return SummaryLength("words", args.words)
    return SummaryLength("sentences", args.sentences or 3)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(_with_command(argv, parser))
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING, format="precis: %(levelname)s: %(message)s"
    )
    try:
        if args.command == "open":
            return _run_window(args)
        if args.command == "analyze":
            return _run_analyze(parser, args)
        if args.command == "export":
            return _run_export(args)
        if args.command == "annotate":
            return _run_annotate(args)
        if args.command == "glossary":
            return _run_glossary(args)
        return cli_eval.run(args)
    except PrecisError as error:
        print(f"precis: error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("precis: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as error:  # a bug: log it in full, tell the user in one line
        log.debug("unexpected error", exc_info=True)
        print(f"precis: internal error: {type(error).__name__}: {error} (run with -v to log details)", file=sys.stderr)
        return EXIT_BAD_INPUT


def _with_command(argv: list[str], parser: argparse.ArgumentParser) -> list[str]:
    """`precis [OPTIONS] [PATH] [OPTIONS]` means `precis open ...`: window options may come before the file.

    The first word that is not an option or an option's value decides: a command is left alone, anything else (a
    file, an address) or nothing at all gets `open` put in front.
    """
    if any(arg in ("-h", "--help", "--version") for arg in argv[:1]):
        return argv
    takes_value = {
        option
        for action in _subparser(parser, "open")._actions
        if action.option_strings and action.nargs is None and action.const is None
        for option in action.option_strings
    }
    index = 0
    while index < len(argv):
        arg = argv[index]
        if arg == "-" or not arg.startswith("-"):
            return argv if arg in COMMANDS else ["open", *argv]
        index += 2 if arg in takes_value else 1
    return argv if any(arg in ("-h", "--help", "--version") for arg in argv) else ["open", *argv]


def _subparser(parser: argparse.ArgumentParser, name: str) -> argparse.ArgumentParser:
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return commands.choices[name]


def _run_window(args: argparse.Namespace) -> int:
    from desktop.ui.app import has_display, run
    from desktop.ui.system_libraries import missing_libraries

    if not has_display():
        raise PrecisError(
            "There is no display to open the window on.",
            "Run `precis analyze FILE` to analyse in the terminal, or start a desktop session.",
        )
    missing = missing_libraries()  # before Qt starts: without them it aborts the process
    if missing.sonames:
        print(f"precis: error: {missing.message()}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return run(args.path, theme=args.theme, screenshot=args.screenshot, timing=args.timing, select=args.select,
               size=args.size)


def _run_analyze(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    from desktop.core.pipeline import AnalysisOptions

    parser = _subparser(parser, "analyze")  # usage errors print analyze's usage, not the top-level one
    # A batch is usually an evaluation or someone else's corpus: it learns only when asked.
    learn = args.learn or not args.batch
    options = AnalysisOptions(
        algorithm=args.algorithm, length=_length(args), model=args.model, kind=args.kind, learn=learn
    )
    if args.batch:
        if args.path:
            parser.error("give either PATH or --batch, not both")
        if not args.output:
            parser.error("--batch needs -o OUT.jsonl")
        return _run_batch(Path(args.batch), Path(args.output), options)
    if args.output:
        parser.error("-o is only for --batch")
    if not args.path:
        parser.error("give a file to analyse, or - for standard input")

    from desktop.core.contract import document_to_dict
    from desktop.core.pipeline import analyze
    from desktop.importers import load, load_stream

    if args.path == "-":
        source = load_stream(sys.stdin.buffer, origin="standard input")
    else:
        source = load(args.path)  # a file, or an http(s) address
    document = analyze(source.text, options, title=source.title, author=source.author, date=source.date)
    if args.json:
        json.dump(document_to_dict(document), sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        _print_human(document, sys.stdout)
    return EXIT_OK


def _print_human(document: Document, out: TextIO) -> None:
    summary = document.summary
    if document.title:
        out.write(f"{document.title}\n\n")
    for warning in document.warnings:
        out.write(f"Warning: {warning}\n\n")
    kind = "an editorial or opinion piece" if summary.kind == "argument" else "a news report"
    how = "recognised" if summary.kind_source == "detected" else "as chosen"
    out.write(
        f"Summary ({ALGORITHMS[summary.algorithm].label}, {len(summary.sentences)} of "
        f"{len(document.sentences)} sentences, {document.word_count} words in the article; "
        f"read as {kind}, {how})\n"
    )
    if summary.whole_article:
        out.write(f"  The whole article fits in {summary.length.describe()}: read it in full, nothing is left out.\n")
    else:
        for number, text in enumerate(document.summary_texts(), 1):
            out.write(f"  {number}. {' '.join(text.split())}\n")
    by_label: dict[str, Counter] = defaultdict(Counter)
    for entity in document.entities:
        by_label[entity.label][" ".join(entity.text.split())] += 1
    out.write("\nEntities\n" if by_label else "\nEntities: none found\n")
    for label in sorted(by_label, key=lambda name: (-sum(by_label[name].values()), name)):
        names = ", ".join(f"{name} ×{count}" if count > 1 else name for name, count in by_label[label].most_common())
        out.write(f"  {label}: {names}\n")
    if document.glossary:
        out.write("\nGlossary\n")
        for entry in document.glossary:
            if entry.meaning:
                out.write(f"  {entry.term} — {entry.meaning} [{entry.origin}]\n")
            elif entry.alternatives:
                guesses = "; ".join(a.expansion for a in entry.alternatives[:3])
                out.write(f"  {entry.term} — no meaning fits for certain; possibly: {guesses}\n")
            else:
                out.write(f"  {entry.term} — meaning unknown (`precis glossary define` it)\n")


def _run_export(args: argparse.Namespace) -> int:
    """Analyse INPUT with the summary options of `analyze`, then write it with the window's exporters."""
    from desktop.core.pipeline import AnalysisOptions, analyze
    from desktop.exporters import export, format_for
    from desktop.exporters.atomic import check_target
    from desktop.importers import load, load_stream

    target = Path(args.output)
    check_target(target)  # a bad folder or format fails before the analysis, not after it
    format_name = format_for(target, args.format)
    options = AnalysisOptions(algorithm=args.algorithm, length=_length(args), model=args.model, kind=args.kind)
    if args.path == "-":
        source = load_stream(sys.stdin.buffer, origin="standard input")
    else:
        source = load(args.path)
    document = analyze(source.text, options, title=source.title, author=source.author, date=source.date)
    origin = source.origin if args.path != "-" else None
    if origin and "://" not in origin:
        origin = Path(origin).name
    export(document, target, format_name, page_size=args.page_size, source=origin)
    print(f"precis: wrote {target} ({format_name})", file=sys.stderr)
    return EXIT_OK


def _run_annotate(args: argparse.Namespace) -> int:
    """Annotate a copy of a PDF with the analysis `analyze` would give (see desktop/exporters/annotated_pdf.py)."""
    from desktop.core.pipeline import AnalysisOptions
    from desktop.exporters.annotated_pdf import annotate_pdf

    options = AnalysisOptions(algorithm=args.algorithm, length=_length(args), model=args.model, kind=args.kind)
    report = annotate_pdf(Path(args.path), Path(args.output), options, entities=args.entities)
    extra = f", {report.entities} entities" if args.entities else ""
    print(
        f"precis: wrote {args.output}: {report.highlighted} of {report.mentions} explained glossary mentions "
        f"highlighted, {report.summary_sentences} summary sentences{extra}",
        file=sys.stderr,
    )
    return EXIT_OK


def _run_batch(source: Path, target: Path, options) -> int:
    """Analyse each JSONL record in one process; a bad record gets an error line, the rest go on."""
    from desktop.core.contract import document_to_dict
    from desktop.core.errors import PrecisError as BadInput
    from desktop.core.pipeline import analyze

    try:
        lines = [line for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, UnicodeDecodeError) as error:
        raise PrecisError(f"Cannot read '{source}': {error}.", "Give a UTF-8 JSONL file.") from error
    if not lines:
        raise PrecisError(f"'{source}' holds no records.", 'Give one JSON object a line: {"id": ..., "text": ...}.')
    from desktop.exporters.atomic import replacing

    failures = 0
    with replacing(target) as out:  # checks the folder first; written whole, or not at all
        for number, line in enumerate(lines, 1):
            record_id = None
            try:
                record = json.loads(line)
                if not isinstance(record, dict):
                    raise BadInput("The record is not a JSON object.")
                record_id = record.get("id", number)
                text = record.get("text") if record.get("text") is not None else record.get("article")
                if not isinstance(text, str):
                    raise BadInput("The record has no 'text' or 'article' string.")
                document = analyze(text, options, title=record.get("title"), author=_optional_text(record, "author"),
                                   date=_optional_text(record, "date"))
                result = {"id": record_id, **document_to_dict(document)}
            except json.JSONDecodeError as error:
                result = {"id": number, "error": f"Line {number} is not JSON: {error.msg}."}
            except BadInput as error:
                result = {"id": record_id, "error": str(error)}
            if "error" in result:
                failures += 1
            out.write((json.dumps(result, ensure_ascii=False) + "\n").encode("utf-8"))
            print(f"[{number}/{len(lines)}] {result['id']}: {result.get('error', 'ok')}", file=sys.stderr)
    print(f"precis: {len(lines) - failures} analysed, {failures} failed -> {target}", file=sys.stderr)
    return EXIT_BAD_INPUT if failures else EXIT_OK


def _optional_text(record: dict, key: str) -> str | None:
    value = record.get(key)
    return value if isinstance(value, str) and value.strip() else None


def _learned_origin(entry) -> str:
    """"learned from ⟨article⟩ (field, countries, date)": where a learned entry came from, for `glossary list`."""
    details = [d for d in (entry.field, ",".join(entry.countries), entry.updated[:10]) if d]
    return f"learned from {entry.article or 'an article'}" + (f"; {', '.join(details)}" if details else "")


def _run_glossary(args: argparse.Namespace) -> int:
    from desktop.core.glossary.user_db import UserGlossary

    with UserGlossary() as glossary:
        if args.glossary_command == "list":
            for entry in glossary.entries():
                origin = "yours" if entry.origin == "user" else _learned_origin(entry)
                line = f"{entry.term}\t{entry.expansion or ''}\t{entry.description or ''}\t({origin})"
                print(line)
            print(f"{len(glossary)} entries in {glossary.path}", file=sys.stderr)
        elif args.glossary_command == "define":
            kind = "organisation" if args.organisation else "acronym"
            entry = glossary.define(args.term, args.expansion, args.description, kind)
            print(f"{entry.term} = {entry.expansion} (saved in {glossary.path})")
        elif args.glossary_command == "forget":
            if not glossary.forget(args.term, args.only):
                raise PrecisError(f"Your glossary has no entry '{args.term}'.", "See `precis glossary list`.")
            print(f"forgot {args.term}")
        elif args.glossary_command == "export":
            count = glossary.export_csv(Path(args.file))
            print(f"{count} entries written to {args.file}")
        elif args.glossary_command == "import":
            count = glossary.import_csv(Path(args.file))
            print(f"{count} entries imported from {args.file}")
    return EXIT_OK
