"""How fast is `prfaq insights` offline on a big ticket export, and are its themes still right?

    python bench/bench_insights.py [--rows 10000] [--unique] [--embed-every] [--progress]

Generates a ticket export (evals/make_insights_corpus.py --rows) in a temporary folder, then runs
the offline insights pass over it (streamed, in batches) and reports wall time, CPU time (this
process and its embedding workers), peak resident memory and the top themes. It then checks that
the planted themes come out as at 90 sources: the three biggest first, in order, each matching
its planted rows (Jaccard overlap >= 0.6), and no two planted themes merged into one; it exits 1
when they do not. Time is a figure, not an assertion (tests never time anything).

`--unique` stamps every sentence with a different "(name at site N, ticket M)": the rows differ,
but once that stamp is cleaned out (assistant/insights/clean.py) their words repeat and the
embedding memo skips most of them. `--embed-every` embeds every statement all the same, with no
memo and no disk cache: the cost of an export whose every sentence is worded differently.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.config import Settings  # noqa: E402
from assistant.insights import insights  # noqa: E402
from assistant.insights.models import InsightsReport  # noqa: E402
from evals.make_insights_corpus import build_big, truth_path  # noqa: E402

MIN_OVERLAP = 0.6


def _cpu() -> tuple[float, float]:
    """CPU seconds of this process, and of its (finished) embedding workers."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def recovery(report: InsightsReport, planted: dict[str, list[str]], order: list[str]) -> list[str]:
    """What is wrong with the themes found, against the rows each theme was planted in ([] if nothing)."""
    problems: list[str] = []
    truth = {name: set(rows) for name, rows in planted.items()}
    best: dict[str, tuple[float, int]] = {}
    for index, theme in enumerate(report.themes):
        found = set(theme.sources)
        overlaps = {name: len(found & rows) / len(found | rows) for name, rows in truth.items()}
        name = max(overlaps, key=lambda n: overlaps[n])
        share = {n: len(found & rows) / len(rows) for n, rows in truth.items()}
        merged = [n for n, s in share.items() if s >= 0.5]
        if len(merged) > 1:
            problems.append(f"theme {index + 1} ({theme.count}) merges {', '.join(merged)}")
        if overlaps[name] > best.get(name, (0.0, -1))[0]:
            best[name] = (overlaps[name], index)
    for rank, name in enumerate(order):
        overlap, index = best.get(name, (0.0, -1))
        print(f"  planted {name:18s} {len(truth[name]):6d} rows: best theme #{index + 1}, overlap {overlap:.2f}")
        if rank < 3 and (index != rank or overlap < MIN_OVERLAP):
            problems.append(f"{name} should be theme {rank + 1} with overlap >= {MIN_OVERLAP}: "
                            f"theme {index + 1}, overlap {overlap:.2f}")
    return problems


def _embed_every() -> None:
    """Make `assistant.semantic.encode` run the model on every text it is given (the workers,
    forked later, inherit this)."""
    import numpy as np

    import assistant.semantic as semantic

    def encode(texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, semantic.DIMENSIONS), dtype=np.float32)
        vectors = np.asarray(semantic._load().encode([t[:semantic.MAX_CHARS] for t in texts]), dtype=np.float32)
        return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)

    semantic.encode = encode  # type: ignore[assignment]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--unique", action="store_true",
                        help="make every sentence different (no help from the embedding memo)")
    parser.add_argument("--embed-every", action="store_true",
                        help="embed every statement, even one worded as another (no memo, no disk cache)")
    parser.add_argument("--progress", action="store_true", help="show the progress bar (stderr)")
    args = parser.parse_args()
    if args.embed_every:
        _embed_every()
    with tempfile.TemporaryDirectory() as folder:
        export = build_big(args.rows, 3, Path(folder), unique=args.unique)
        planted = json.loads(truth_path(export).read_text(encoding="utf-8"))
        size = export.stat().st_size
        from assistant.semantic import warm_up

        started = time.perf_counter()
        warm_up()
        loaded = time.perf_counter()
        own, workers = _cpu()
        limit = max(Settings().max_input_bytes, size)  # as with PRFAQ_MAX_BYTES raised for a big export
        report = insights([export], settings=Settings(max_input_bytes=limit), progress=args.progress)
        wall = time.perf_counter() - loaded
        own, workers = _cpu()[0] - own, _cpu()[1] - workers
        cpu = own + workers
    peak_mb = max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)) / 1024
    load = os.getloadavg()[0]
    print(f"rows: {len(report.sources)} ({size / 1e6:.1f} MB export)")
    print(f"model load: {loaded - started:.1f} s; insights: {wall:.1f} s wall, {cpu:.1f} s CPU ({own:.1f} s in this "
          f"process, {workers:.1f} s in workers; {len(report.sources) / wall:.0f} rows/s)")
    print(f"peak RSS {peak_mb:.0f} MB (largest process); load average {load:.1f} on {os.cpu_count()} cores")
    for note in [*report.notes, *(f"skipped {s.path}: {s.reason}" for s in report.skipped)]:
        print(f"note: {note}")
    for theme in report.themes[:6]:
        print(f"  {theme.count:6d}  {theme.title[:90]}")
    problems = recovery(report, planted["truth"], planted["order"])
    for problem in problems:
        print(f"FAILED: {problem}")
    if not problems:
        print("themes: the planted themes come out first, in order, unmerged")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
