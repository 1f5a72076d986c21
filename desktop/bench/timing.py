"""The one way every benchmark times a piece of work: the median of several runs, after an optional warm-up."""

from __future__ import annotations

import statistics
import time
from typing import Callable


def median_seconds(function: Callable[[], object], runs: int, warm_up: bool = True) -> float:
    """Median wall time of `runs` calls; the warm-up call (caches, lazy imports) is not counted."""
    if warm_up:
        function()
    times = []
    for _ in range(max(1, runs)):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times)
