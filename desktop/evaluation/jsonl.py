"""Reading the JSONL files that gold data comes in, with one clear error for whatever is wrong with them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable, Optional

from desktop.core.errors import PrecisError

#: check(record) -> None if the record is usable, else what is missing (e.g. "no 'text' string").
RecordCheck = Callable[[dict], Optional[str]]


def read_jsonl(path: str | Path, check: RecordCheck, *, skip_unusable: bool = False) -> list[dict]:
    """Every record of a UTF-8 JSONL file that passes `check`; blank lines are ignored.

    A line that is not JSON, or (unless `skip_unusable`) a record that fails `check`, is a PrecisError naming the
    line; so is a file with no usable record at all.
    """
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise PrecisError(f"Cannot read '{path}': {error}.", "Give a UTF-8 JSONL file.") from error
    records = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise PrecisError(f"Line {number} of '{path}' is not JSON: {error.msg}.", "Fix or remove that line.")
        problem = check(record) if isinstance(record, dict) else "no JSON object"
        if problem is None:
            records.append(record)
        elif not skip_unusable:
            raise PrecisError(f"Line {number} of '{path}' has {problem}.", "Fix or remove that line.")
    if not records:
        raise PrecisError(f"'{path}' holds no records it can use.", "Give a JSONL file with one record per line.")
    return records
