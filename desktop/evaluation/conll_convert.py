"""Convert a CoNLL-2003 file (eng.testa, eng.testb: one token a line, "-DOCSTART-" between documents) into the
JSONL that `precis eval entities` reads: one sentence a line, `doc` grouping a document's sentences, IOB2 tags.

Why a converter and not the data: the CoNLL-2003 English text is Reuters news, licensed for evaluation only, so
the project keeps the recipe and the reader keeps the data outside the repository, e.g.

    python -m desktop.evaluation.conll_convert eng.testb /work/data/conll2003_test.jsonl --name testb

The original files tag in IOB1 (a name starts with I- unless it follows a name of the same type); many copies
are already IOB2. Both are read, and `tags` is always IOB2 (`tags_iob1` keeps the file's own tags). A
"-DOCSTART-" line separates documents whether a copy puts it before each document (the original) or after.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Iterable, Iterator

from desktop.core.errors import PrecisError

DOCSTART = "-DOCSTART-"


def to_iob2(tags: list[str]) -> list[str]:
    """IOB1 or IOB2 tags as IOB2: an I- that does not continue a name of its own type begins one (B-)."""
    result, previous = [], "O"
    for tag in tags:
        if tag.startswith("I-") and previous[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        result.append(tag)
        previous = tag
    return result


def sentences(lines: Iterable[str]) -> Iterator[tuple[int, list[list[str]]]]:
    """(document number from 1, rows of one sentence), each row the line's columns; blank lines end sentences."""
    document, rows, seen_tokens = 1, [], False
    for number, line in enumerate(lines, 1):
        columns = line.split()
        if columns and columns[0] == DOCSTART:
            if rows:
                yield document, rows
                rows = []
            if seen_tokens:
                document += 1  # a separator before the first document starts nothing new
                seen_tokens = False
            continue
        if not columns:
            if rows:
                yield document, rows
                rows = []
            continue
        if len(columns) < 2:
            raise PrecisError(
                f"Line {number} has no tag: {line.strip()!r}.", "Give a CoNLL file: TOKEN ... TAG a line.")
        rows.append(columns)
        seen_tokens = True
    if rows:
        yield document, rows


def convert(lines: Iterable[str], name: str) -> Iterator[dict]:
    """The records of the JSONL file, ids "NAME-0", "NAME-1" ... and documents "NAME-doc1" ..."""
    for index, (document, rows) in enumerate(sentences(lines)):
        tags = [row[-1] for row in rows]
        record = {"id": f"{name}-{index}", "doc": f"{name}-doc{document}", "tokens": [row[0] for row in rows],
                  "tags": to_iob2(tags), "tags_iob1": tags}
        if all(len(row) >= 4 for row in rows):
            record["pos"] = [row[1] for row in rows]
            record["chunk"] = [row[2] for row in rows]
        yield record


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", help="a CoNLL-2003 file (eng.testa, eng.testb, ...)")
    parser.add_argument("output", help="the JSONL file to write (keep it outside the repository: Reuters text)")
    parser.add_argument("--name", required=True, help="prefix of sentence and document ids, e.g. testb")
    args = parser.parse_args(argv)
    try:
        lines = Path(args.source).read_text(encoding="utf-8").splitlines()
        records = list(convert(lines, args.name))
    except (OSError, UnicodeDecodeError) as error:
        print(f"error: cannot read '{args.source}': {error}", file=sys.stderr)
        return 2
    except PrecisError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    with open(args.output, "w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    documents = len({r["doc"] for r in records})
    print(f"{args.output}: {documents} documents, {len(records)} sentences")
    return 0


if __name__ == "__main__":
    sys.exit(main())
