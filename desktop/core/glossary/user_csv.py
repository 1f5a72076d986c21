"""The user's glossary as a CSV file: export for a spreadsheet, import back, and the guard between the two.

A glossary CSV is meant to be opened in a spreadsheet, which runs any cell starting with ``=``, ``+``, ``-`` or
``@`` as a formula; an entry learned from an article could carry one. Export therefore neutralises such cells and
import restores them, so a round trip gives every cell back exactly. Import reads the whole file and checks every
row (with the same rules as a typed entry) before anything is written, so that the store can take all the rows in
one transaction or none. This module knows nothing of SQLite; `UserGlossary.export_csv`/`import_csv` use it.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from desktop.core.errors import PrecisError
from desktop.core.glossary.user_entry import UserEntry, _validated

CSV_COLUMNS: tuple[str, ...] = ("term", "expansion", "description", "kind", "origin", "article", "updated")
#: An import larger than this is surely not a glossary (and would be read into memory whole).
MAX_CSV_BYTES = 64 * 1024 * 1024


def _write_csv(path: Path, entries: list[UserEntry]) -> None:
    """Write `entries` to `path` (UTF-8 with a BOM, so spreadsheets read non-Latin text), whole or not at all."""
    from desktop.exporters.atomic import replacing  # Qt-free; the same atomic writer as every export

    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for e in entries:
        writer.writerow([
            _neutralised(cell)
            for cell in (e.term, e.expansion or "", e.description or "", e.kind, e.origin, e.article or "",
                         e.updated)
        ])
    with replacing(path) as out:
        out.write(buffer.getvalue().encode("utf-8-sig"))


#: A spreadsheet runs a cell that starts with one of these as a formula (`=HYPERLINK(...)`, `=cmd|...`, `@SUM`).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _neutralised(cell: str) -> str:
    """OWASP's advice against CSV injection: a quote before a cell a spreadsheet would run makes it plain text.

    A cell that already starts with a quote gets one more, so that `_restored` gives every cell back exactly.
    """
    return "'" + cell if cell.startswith(_FORMULA_STARTS) or cell.startswith("'") else cell


def _restored(cell: str) -> str:
    """Undo `_neutralised`: the quote Précis put before a would-be formula (or before a quote) goes again."""
    if cell.startswith("'") and cell[1:2] and (cell[1:].startswith(_FORMULA_STARTS) or cell[1] == "'"):
        return cell[1:]
    return cell


def _decode_csv(data: bytes, path: Path) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    else:
        encoding = "utf-8-sig"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise PrecisError(
            f"{path.name} is not UTF-8 text.", "Save it as 'CSV UTF-8' from your spreadsheet and import it again."
        ) from None


def _read_csv(path: Path) -> list[UserEntry]:
    """Parse and validate a whole CSV file; any problem is one PrecisError naming the rows at fault."""
    try:
        if path.stat().st_size > MAX_CSV_BYTES:
            raise PrecisError(f"{path.name} is too large to be a glossary.", "Split it into smaller files.")
        data = path.read_bytes()
    except OSError as exc:
        raise PrecisError(f"Précis could not read {path}: {exc.strerror or exc}.", "Check the file name.") from exc
    text = _decode_csv(data, path)
    first_line = text.split("\n", 1)[0]
    delimiter = ","
    if "," not in first_line:
        # Spreadsheets in many locales save semicolon-separated "CSV"; tab-separated text is common too.
        delimiter = next((d for d in (";", "\t") if d in first_line), ",")
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
    except csv.Error as exc:
        raise PrecisError(
            f"{path.name} is not a well-formed CSV file ({exc}).", "Check its quotes, or export it again."
        ) from exc
    if not records:
        raise PrecisError(f"{path.name} is empty.", "A glossary CSV starts with a header row: " + ",".join(CSV_COLUMNS))
    header = [name.strip().lower() for name in records[0]]
    if "term" not in header or not {"expansion", "description"} & set(header):
        raise PrecisError(
            f"{path.name} has no 'term' column, or neither 'expansion' nor 'description'.",
            "The first row must name the columns: " + ",".join(CSV_COLUMNS),
        )
    duplicates = sorted({name for name in header if name and header.count(name) > 1})
    if duplicates:
        raise PrecisError(
            f"{path.name} names the column(s) {', '.join(duplicates)} twice.", "Keep one column of each name."
        )
    position = {name: header.index(name) for name in CSV_COLUMNS if name in header}
    entries: list[UserEntry] = []
    problems: list[str] = []
    for number, record in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in record):
            continue
        if len(record) > len(header):
            problems.append(f"row {number} has {len(record)} cells but the header names {len(header)}")
            continue
        cells = {name: _restored(record[i] if i < len(record) else "") for name, i in position.items()}
        try:
            entries.append(
                _validated(*(cells.get(name) or None for name in CSV_COLUMNS))  # type: ignore[arg-type]
            )
        except PrecisError as exc:
            problems.append(f"row {number}: {exc.message}")
    if problems:
        shown = "; ".join(problem.rstrip(".") for problem in problems[:5]) + (f"; and {len(problems) - 5} more" if len(problems) > 5 else "")
        raise PrecisError(f"Nothing was imported from {path.name}: {shown}.", "Correct those rows and import again.")
    return entries
