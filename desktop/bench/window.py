"""Benchmark the window: time from launch to a visible window, and to a finished analysis on screen.

    python -m desktop.bench.window [--runs 5] [ARTICLE]

Each run is a fresh process (`precis open ARTICLE --timing --screenshot …`), so model loading counts as a user
would feel it. Needs a display: run under Xvfb (`xvfb-run -a python -m desktop.bench.window`) or with
QT_QPA_PLATFORM=offscreen.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

from desktop.resources import resource_path


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop.bench.window")
    parser.add_argument("article", nargs="?", default=str(resource_path("sample-article.txt")))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    visible, shown, total = [], [], []
    with tempfile.TemporaryDirectory() as scratch:
        env = {**os.environ, "XDG_CONFIG_HOME": scratch, "PRECIS_DATA_DIR": scratch}
        for run in range(args.runs):
            started, launched = time.perf_counter(), time.time()
            output = subprocess.run(
                [sys.executable, "-m", "desktop", "open", args.article, "--timing", "--screenshot",
                 os.path.join(scratch, f"shot{run}.png")],
                capture_output=True, text=True, env=env, timeout=120, check=True,
            ).stdout
            total.append(time.perf_counter() - started)
            visible.append(float(re.search(r"window visible after .* \(at ([\d.]+)\)", output).group(1)) - launched)
            shown.append(float(re.search(r"analysis shown after .* \(at ([\d.]+)\)", output).group(1)) - launched)
    print(f"{args.article}: {args.runs} fresh launches, medians")
    print(f"  launch to a visible window         {statistics.median(visible):6.3f} s")
    print(f"  launch to the analysis on screen   {statistics.median(shown):6.3f} s   (model load included)")
    print(f"  launch to exit (0.4 s screenshot)  {statistics.median(total):6.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
