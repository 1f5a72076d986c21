"""How often the article-kind recogniser (desktop/core/kind.py) is right, per file and overall.

Each file is labelled by the caller as news or argument; every record's `article` or `text` is classified and
the confusion matrix is counted, with the recogniser's errors listed by id so they can be read.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.kind import KINDS, detect_kind
from desktop.evaluation.jsonl import read_jsonl


@dataclass
class KindReport:
    #: (file, expected kind) -> Counter of predicted kinds
    per_file: dict[tuple[str, str], Counter] = field(default_factory=dict)
    errors: list[tuple[str, str, str]] = field(default_factory=list)

    def confusion(self) -> Counter:
        total: Counter = Counter()
        for (_, expected), predicted in self.per_file.items():
            for kind, count in predicted.items():
                total[(expected, kind)] += count
        return total


def evaluate(files: dict[str, list[str | Path]]) -> KindReport:
    """`files` maps an expected kind ("news", "argument") to JSONL files of articles of that kind."""
    report = KindReport()
    for expected, paths in files.items():
        for path in paths:
            records = read_jsonl(path, lambda r: None if (r.get("article") or r.get("text")) else "no 'text'")
            predicted: Counter = Counter()
            for record in records:
                kind = detect_kind(record.get("article") or record["text"]).kind
                predicted[kind] += 1
                if kind != expected:
                    report.errors.append((str(path), str(record.get("id", "?")), kind))
            report.per_file[(str(path), expected)] = predicted
    return report


def format_report(report: KindReport) -> str:
    lines = [f"{'file':<48} {'expected':>9} {'right':>7} {'of':>4} {'accuracy':>9}"]
    for (path, expected), predicted in report.per_file.items():
        total = sum(predicted.values())
        right = predicted[expected]
        lines.append(f"{Path(path).name:<48} {expected:>9} {right:>7} {total:>4} {100 * right / total:8.1f}%")
    confusion = report.confusion()
    total = sum(confusion.values())
    right = sum(count for (expected, kind), count in confusion.items() if expected == kind)
    lines.append(f"overall accuracy {100 * right / total:.1f}% ({right} of {total})")
    lines.append("confusion (rows: expected, columns: recognised)")
    lines.append(f"{'':>10}" + "".join(f"{kind:>10}" for kind in KINDS))
    for expected in KINDS:
        lines.append(f"{expected:>10}" + "".join(f"{confusion[(expected, kind)]:>10}" for kind in KINDS))
    return "\n".join(lines)
