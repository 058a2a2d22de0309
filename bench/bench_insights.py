"""How fast is `prfaq insights` offline on a big ticket export? Rows per second and peak memory.

    python bench/bench_insights.py [--rows 10000] [--unique] [--progress]

Generates a ticket export (evals/make_insights_corpus.py --rows) in a temporary folder, then runs
the offline insights pass over it (streamed, in batches) and reports wall time, CPU time, peak
resident memory and the top themes. Figures, not assertions: tests never time anything.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.config import Settings  # noqa: E402
from assistant.insights import insights  # noqa: E402
from evals.make_insights_corpus import build_big  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--unique", action="store_true",
                        help="make every sentence different (no help from the embedding memo)")
    parser.add_argument("--progress", action="store_true", help="show the progress bar (stderr)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        export = build_big(args.rows, 3, Path(folder), unique=args.unique)
        size = export.stat().st_size
        from assistant.semantic import warm_up

        started = time.perf_counter()
        warm_up()
        loaded = time.perf_counter()
        cpu = time.process_time()
        report = insights([export], settings=Settings(), progress=args.progress)
        wall = time.perf_counter() - loaded
        cpu = time.process_time() - cpu
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    load = os.getloadavg()[0]
    print(f"rows: {len(report.sources)} ({size / 1e6:.1f} MB export)")
    print(f"model load: {loaded - started:.1f} s; insights: {wall:.1f} s wall, {cpu:.1f} s CPU "
          f"({len(report.sources) / wall:.0f} rows/s); peak RSS {peak_mb:.0f} MB; load average {load:.1f} "
          f"on {os.cpu_count()} cores")
    for theme in report.themes[:5]:
        print(f"  {theme.count:6d}  {theme.title[:90]}")


if __name__ == "__main__":
    main()
