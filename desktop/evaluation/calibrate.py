"""Fit the weights of `desktop.core.glossary.calibration` on development data, and say how well they hold.

    python -m desktop.evaluation.calibrate ../shared/eval/acro_wikipedia_dev.jsonl [more files...]

Every winning built-in sense of an acronym the article does not define is collected with its features and
whether it matches the annotators' expansion. A logistic regression (L2-regularised, fitted by Newton's method
with numpy) maps features to the probability of being right. To tell how it will do on articles it has not seen,
the script also fits it on four fifths of the articles and predicts the fifth, five times over, and prints right
and wrong at several thresholds from those held-out predictions. Paste the printed weights into
`calibration.WEIGHTS` and re-run `precis eval glossary` to check the reliability table.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from unittest import mock

import numpy as np

from desktop.core.glossary import acronym_meaning, calibration
from desktop.core.pipeline import AnalysisOptions, analyze
from desktop.evaluation.glossary import _entry_for, acronym_entries, read_records, same_expansion

L2 = 3.0
DAWN_GOLD = Path(__file__).parent / "gold" / "dawn_editorials_dev_acronyms.json"
FOLDS = 5


def collect(records) -> tuple[np.ndarray, np.ndarray, np.ndarray, int, list[str]]:
    """(features, right 0/1, article number) for each gold pair whose acronym got a built-in winning sense,
    the number of gold pairs in all, and a line naming each row (for --show)."""
    rows, outcomes, groups, total, names = [], [], [], 0, []
    options = AnalysisOptions(algorithm="lead", user_glossary=False, learn=False)
    real_evidence = acronym_meaning._evidence
    for number, record in enumerate(records):
        seen: dict[str, calibration.Evidence] = {}

        def recording(sense, *args, _seen=seen):
            evidence = real_evidence(sense, *args)
            _seen[sense.expansion] = evidence
            return evidence

        with mock.patch.object(acronym_meaning, "_evidence", recording), \
                mock.patch.object(calibration, "ASSERT_AT", 0.0):
            document = analyze(record["text"], options, title=record.get("title"))
        by_key = acronym_entries(document)
        for short, gold in record["undefined_pairs"]:
            total += 1
            entry = _entry_for(by_key, short)
            if entry is None or entry.source != "bundled" or entry.expansion not in seen:
                continue
            rows.append(seen[entry.expansion].vector())
            outcomes.append(1.0 if same_expansion(entry.expansion, gold) else 0.0)
            groups.append(number)
            names.append(f"{short} = {entry.expansion!r} (annotators: {gold!r})")
    return np.array(rows), np.array(outcomes), np.array(groups), total, names


def fit(x: np.ndarray, y: np.ndarray, l2: float = L2) -> np.ndarray:
    """Weights (intercept first) of an L2-regularised logistic regression, by Newton's method."""
    design = np.hstack([np.ones((len(x), 1)), x])
    weights = np.zeros(design.shape[1])
    penalty = np.eye(design.shape[1]) * l2
    penalty[0, 0] = 0.0  # the intercept is not shrunk
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-design @ weights))
        gradient = design.T @ (p - y) + penalty @ weights
        hessian = design.T @ (design * (p * (1 - p))[:, None]) + penalty
        step = np.linalg.solve(hessian, gradient)
        weights -= step
        if np.abs(step).max() < 1e-8:
            break
    return weights


def predict(weights: np.ndarray, x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(weights[0] + x @ weights[1:])))


def held_out(x, y, groups, l2=L2) -> np.ndarray:
    """Predictions for each row from a model fitted without its article's fold."""
    folds = groups % FOLDS
    out = np.zeros(len(y))
    for fold in range(FOLDS):
        test = folds == fold
        out[test] = predict(fit(x[~test], y[~test], l2), x[test])
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+")
    parser.add_argument("--show", type=int, default=0, help="print the N most confident wrong meanings")
    parser.add_argument("--dawn", metavar="FILE.jsonl", help="also Dawn's editorials, scored with our gold")
    parser.add_argument("--l2", type=float, default=L2, help="regularisation strength")
    args = parser.parse_args(argv)
    sets = [(path, read_records(path)) for path in args.files]
    if args.dawn:
        sets.append((args.dawn, read_records(args.dawn, DAWN_GOLD)))
    parts = [(path, *collect(records)) for path, records in sets]
    x = np.vstack([part[1] for part in parts])
    y = np.concatenate([part[2] for part in parts])
    offset, groups, source = 0, [], []
    for number, (path, _, _, g, _, _) in enumerate(parts):
        groups.append(g + offset)
        source += [number] * len(g)
        offset += int(g.max()) + 1 if len(g) else 0
    groups, source = np.concatenate(groups), np.array(source)
    names = [name for part in parts for name in part[5]]
    print(f"{sum(p[4] for p in parts)} gold pairs, {len(y)} with a built-in winning sense, {int(y.sum())} right")
    weights = fit(x, y, args.l2)
    print("WEIGHTS = (" + ", ".join(f"{w:.3f}" for w in weights) + ")")
    for name, w in zip(("intercept",) + calibration.FEATURES, weights):
        print(f"  {name:<12} {w:+.3f}")
    cross = held_out(x, y, groups, args.l2)
    for number, (path, _, _, _, total, _) in enumerate(parts):
        print(f"held-out (5-fold by article) on {path}: threshold, right, wrong (shares of its {total} gold pairs)")
        mine = source == number
        for threshold in (0.0, 0.5, 0.6, 0.65, 0.7, 0.72, 0.75, 0.8, 0.85):
            shown = mine & (cross >= threshold)
            right, wrong = int((y[shown] == 1).sum()), int((y[shown] == 0).sum())
            print(f"  {threshold:.2f}  right {right:4d} {right / total:6.1%}  wrong {wrong:4d} {wrong / total:6.1%}")
    if args.show:
        print("held-out predictions of the wrong ones, highest first:")
        for p, name in sorted(zip(cross[y == 0], np.array(names)[y == 0]), reverse=True)[: args.show]:
            print(f"  {p:.2f}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
