"""`precis eval ...`: measure quality on data with gold answers (summaries, editorials, article kinds, in-text
acronym definitions, undefined acronyms, entities, glossary entries). Kept apart from `desktop.cli` because the
measures are a job of their own, with their own options; each `desktop.evaluation` module does the scoring.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from desktop.cli_args import model_help, positive_int
from desktop.core.algorithms import ALGORITHMS
from desktop.core.errors import PrecisError

EXIT_OK = 0


def add_parser(commands, verbose: argparse.ArgumentParser) -> None:
    """The `eval` subcommand and its measures, on `commands` (the top-level subparsers)."""
    evaluate = commands.add_parser("eval", parents=[verbose], help="measure quality on data with gold answers")
    what = evaluate.add_subparsers(dest="eval_command", metavar="WHAT", required=True)
    summaries = what.add_parser("summaries", help="ROUGE of summaries against references ({article, reference} JSONL)")
    summaries.add_argument("file", help="JSONL with 'article' (or 'text') and 'reference' fields")
    summaries.add_argument(
        "--algorithm", action="append", choices=list(ALGORITHMS), metavar="NAME",
        help=f"an algorithm to score (repeatable; default: all of {', '.join(ALGORITHMS)})",
    )
    summaries.add_argument("--sentences", type=positive_int, default=3, help="summary length (default 3)")
    summaries.add_argument("--limit", type=positive_int, help="score only the first N records")
    summaries.add_argument("--model", help=model_help())
    editorials = what.add_parser(
        "editorials", help="thesis share and ROUGE-1 of summaries against a reader's gold for editorials"
    )
    editorials.add_argument("gold", help="JSONL gold: {id, summary_sentences, abstract, thesis}")
    editorials.add_argument("articles", help="JSONL of the articles the gold was written for ({id, text})")
    editorials.add_argument(
        "--algorithm", action="append", choices=list(ALGORITHMS), metavar="NAME",
        help="an algorithm to score (repeatable; default: all)",
    )
    editorials.add_argument("--sentences", type=positive_int, default=3, help="summary length (default 3)")
    editorials.add_argument(
        "--kind", choices=("auto", "news", "argument"), default="auto",
        help="the kind the default algorithm assumes (default: recognised from each text)",
    )
    kinds = what.add_parser("kinds", help="how often the article-kind recogniser is right (news vs argument)")
    kinds.add_argument("--argument", action="append", default=[], metavar="FILE", help="JSONL of arguments")
    kinds.add_argument("--news", action="append", default=[], metavar="FILE", help="JSONL of news reports")
    acronyms = what.add_parser(
        "acronyms", help="precision and recall of in-text acronym definitions ({text, pairs} JSONL)"
    )
    acronyms.add_argument("file", help="JSONL with 'text' and gold 'pairs' ([[short form, long form], ...])")
    acronyms.add_argument("--limit", type=positive_int, help="score only the first N records")
    acronyms.add_argument(
        "--errors", type=positive_int, metavar="K", help="also print K missed pairs and K false positives"
    )
    acronyms.add_argument(
        "--case-sensitive", action="store_true", help="compare long forms case-sensitively (default: ignore case)"
    )
    glossary = what.add_parser(
        "glossary", help="how often acronyms used without a definition get the right meaning ({text, undefined_pairs})"
    )
    glossary.add_argument("file", help="JSONL with 'text' and 'undefined_pairs' ([[short form, expansion], ...])")
    glossary.add_argument("--limit", type=positive_int, help="score only the first N records")
    glossary.add_argument("--errors", type=positive_int, metavar="K", help="also print K wrong or unexplained")
    glossary.add_argument("--gold", metavar="FILE.json", help="pairs by record id, for a file without undefined_pairs")
    glossary.add_argument(
        "--use-my-glossary", action="store_true",
        help="consult the glossary of the data folder (what it learned before); the records teach it nothing",
    )
    entities = what.add_parser("entities", help="PER/ORG/LOC F1 on CoNLL-2003-format JSONL, document by document")
    entities.add_argument("file", help="JSONL with 'doc', 'tokens' and IOB2 'tags', one sentence a line")
    entities.add_argument("--limit", type=positive_int, help="score only the first N documents")
    entities.add_argument("--errors", type=positive_int, metavar="K", help="also print K examples of each error")
    entities.add_argument("--model", help=model_help())
    entries = what.add_parser(
        "entries", help="glossary entries against gold for articles (meanings, non-organisations, explained)"
    )
    entries.add_argument("gold", help="gold JSONL: {id, organisations, not_organisations, acronyms} per article")
    entries.add_argument(
        "--articles", default=None,
        help="JSONL with the articles' 'id' and 'text' (default: the gold's articles file named in its HOWTO, "
        "../shared/eval/dawn_dev.jsonl)",
    )
    entries.add_argument("--errors", type=positive_int, metavar="K", help="also print K examples of each failure")


def run(args: argparse.Namespace) -> int:
    """Run `precis eval WHAT ...`; each measure prints its report on standard output, progress on standard error."""
    if args.eval_command == "acronyms":
        return _run_eval_acronyms(args)
    if args.eval_command == "glossary":
        return _run_eval_glossary(args)
    if args.eval_command == "editorials":
        return _run_eval_editorials(args)
    if args.eval_command == "kinds":
        return _run_eval_kinds(args)
    if args.eval_command == "entities":
        return _run_eval_entities(args)
    if args.eval_command == "entries":
        return _run_eval_entries(args)

    from desktop.core import nlp
    from desktop.evaluation import summaries

    if args.model:
        os.environ[nlp.ENV_VARIABLE] = args.model
    records = summaries.read_records(args.file)[: args.limit]
    algorithms = list(args.algorithm or ALGORITHMS)
    if "lead" not in algorithms:
        algorithms.append("lead")

    def progress(done: int, total: int) -> None:
        print(f"\r[{done}/{total}] articles scored", end="" if done < total else "\n", file=sys.stderr)

    results = summaries.evaluate(records, algorithms, args.sentences, progress)
    print(f"{args.file}: {len(records)} articles, F1 x 100, stemmed (Google rouge-score)")
    print(summaries.format_table(results, args.sentences))
    return EXIT_OK


def _run_eval_editorials(args: argparse.Namespace) -> int:
    from desktop.evaluation import editorials

    records = editorials.read_gold(args.gold, args.articles)
    algorithms = list(args.algorithm or ALGORITHMS)
    if "lead" not in algorithms:
        algorithms.append("lead")

    def progress(done: int, total: int) -> None:
        print(f"\r[{done}/{total}] editorials scored", end="" if done < total else "\n", file=sys.stderr)

    results = editorials.evaluate(records, algorithms, args.sentences, progress, kind=args.kind)
    print(f"{args.gold}: {len(records)} editorials with a thesis; ROUGE-1 F1 x 100, stemmed")
    print(editorials.format_table(results, args.sentences))
    for reader_kind, read_as in editorials.recognised_kinds(args.gold, args.articles).items():
        shares = ", ".join(f"{count} as {kind}" for kind, count in read_as.most_common())
        print(f"kind recogniser on the reader's '{reader_kind}' pieces: {shares}")
    return EXIT_OK


def _run_eval_kinds(args: argparse.Namespace) -> int:
    from desktop.evaluation import kinds

    if not args.argument and not args.news:
        raise PrecisError("No files to measure.", "Give --argument FILE and/or --news FILE (JSONL).")
    print(kinds.format_report(kinds.evaluate({"argument": args.argument, "news": args.news})))
    return EXIT_OK


def _run_eval_acronyms(args: argparse.Namespace) -> int:
    from desktop.evaluation import acronyms

    score = acronyms.evaluate_file(args.file, limit=args.limit, case_sensitive=args.case_sensitive)
    print(acronyms.format_report(score, name=str(args.file), errors=args.errors or 0))
    return EXIT_OK


def _run_eval_glossary(args: argparse.Namespace) -> int:
    from desktop.evaluation import glossary

    records = glossary.read_records(args.file, args.gold)[: args.limit]

    def progress(done: int, total: int) -> None:
        print(f"\r[{done}/{total}] articles analysed", end="" if done < total else "\n", file=sys.stderr)

    score = glossary.evaluate(records, progress, user_glossary=args.use_my_glossary)
    print(glossary.format_report(str(args.file), score, args.errors or 0))
    return EXIT_OK


def _run_eval_entities(args: argparse.Namespace) -> int:
    from desktop.evaluation import entities

    def progress(done: int, total: int) -> None:
        print(f"\r[{done}/{total}] documents analysed", end="" if done < total else "\n", file=sys.stderr)

    score = entities.evaluate(args.file, args.limit, progress, args.model)
    print(entities.format_report(str(args.file), score, args.errors or 0))
    return EXIT_OK


def _run_eval_entries(args: argparse.Namespace) -> int:
    from desktop.evaluation import entries

    articles = args.articles or str(Path(__file__).resolve().parents[2] / "shared" / "eval" / "dawn_dev.jsonl")

    def progress(done: int, total: int) -> None:
        print(f"\r[{done}/{total}] articles analysed", end="" if done < total else "\n", file=sys.stderr)

    score = entries.evaluate(args.gold, articles, progress)
    print(entries.format_report(str(args.gold), score, args.errors or 0))
    return EXIT_OK
