"""How fast is `prfaq score`? Documents per second for a one-page PR/FAQ, peak memory, and the
sentence splitter against pysbd (the reason we split with a regex).

    python bench/bench_score.py [--seconds 5]

Figures, not assertions: tests never time anything.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
import tracemalloc
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.clarity import score_document  # noqa: E402
from assistant.clarity.text import Prose  # noqa: E402
from assistant.documents import parse_document  # noqa: E402

ONE_PAGE = """# Shelf Restock lets store managers reorder stock in two taps

## Independent grocery managers refill an empty shelf by the next morning, without a phone call

SEATTLE, March 3, 2027 — Today Northwind Grocers launches Shelf Restock, an app that lets the manager of an
independent grocery store reorder any product in two taps and get it delivered by 6 a.m. the next day.

Today, a manager who runs out of milk on a Saturday calls the distributor, waits on hold, and fills in a paper
form. In our survey of 50 stores, this took 90 minutes per order, and 42 of the 50 stores ran out of at least one
product every weekend, losing about $310 in sales each time. Many managers significantly overstock instead, which
could arguably waste a lot of money on food that is thrown away.

With Shelf Restock, the manager taps the empty shelf in the app, checks the amount, and sends the order. The
distributor confirms within five minutes, and the truck arrives the next morning. The app learns what each store
sells on which day and suggests the order before the shelf is empty. Orders are tracked by the OMS and the WMS.

"Store managers told us they lose their Saturdays to the phone," said Dana Lee, general manager of Shelf Restock
at Northwind. "We built this so that they can spend that time with their customers instead of on hold."

Getting started takes three steps. First, download the app. Then, scan the barcode on your delivery note.
Finally, tap the shelf you want to refill. The app is very easy to use and works seamlessly on any phone.

"I used to spend Saturday mornings on hold. Now I reorder milk from the aisle in ten seconds," said Maria
Gonzalez, owner of Gonzalez Market in Tacoma.

Shelf Restock is available today in Washington and Oregon at $49 per store per month, with the first 30 days
free. Visit northwind.example/restock to sign up.

## External FAQ

**Q: How much does it cost?**

$49 per store per month, after 30 free days. There are no setup fees and no minimum order.

**Q: Which distributors does it work with?**

Northwind and two regional distributors at launch; we add a distributor when 50 stores ask for it.

**Q: Can I cancel at any time?**

Yes. You cancel in the app and pay nothing more from the next month.

**Q: What happens if the truck is late?**

The order is free, and the app tells you the new arrival time as soon as the distributor knows it.

## Internal FAQ

**Q: How many stores could use it?**

About 38,000 independent grocery stores in the US; we start with 1,200 in Washington and Oregon.

**Q: What does it cost us per store?**

About $11 per month for hosting and support, so each store contributes $38 per month.

**Q: What are the biggest risks?**

Distributors may not confirm orders within five minutes. We do not know yet how often this happens; the pilot
in April will measure it, and we stop if fewer than 9 in 10 orders are confirmed in time.

**Q: What will we not do?**

We will not build our own delivery fleet, and we will not sell to chains with more than 20 stores this year.
"""


def docs_per_second(seconds: float) -> tuple[float, float, int]:
    """(documents per wall-clock second, per CPU second, documents). CPU time is printed too
    because on a shared, busy machine wall time mostly measures the neighbours."""
    today = date(2026, 1, 15)
    score_document(parse_document(ONE_PAGE, path="bench.md"), today=today)  # warm caches and imports
    count = 0
    start, cpu_start = time.perf_counter(), time.process_time()
    while time.perf_counter() - start < seconds:
        # A fresh string each time, so no per-document cache can serve a repeat.
        score_document(parse_document(ONE_PAGE + f"\n<!-- {count} -->\n", path="bench.md"), today=today)
        count += 1
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    return count / wall, count / cpu, count


def peak_memory(runs: int = 50) -> int:
    tracemalloc.start()
    for i in range(runs):
        score_document(parse_document(ONE_PAGE + f"\n<!-- {i} -->\n", path="bench.md"), today=date(2026, 1, 15))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def splitter_speed(repeats: int = 50) -> tuple[float, float | None]:
    """Milliseconds per one-page document: our regex splitter vs pysbd (if installed)."""
    start = time.perf_counter()
    for i in range(repeats):
        _ = Prose(ONE_PAGE + " " * i).sentences
    ours = (time.perf_counter() - start) / repeats * 1000
    try:
        import pysbd
    except ImportError:
        return ours, None
    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)
    segmenter.segment(ONE_PAGE)
    start = time.perf_counter()
    for i in range(repeats // 5 or 1):
        segmenter.segment(ONE_PAGE + " " * i)
    theirs = (time.perf_counter() - start) / (repeats // 5 or 1) * 1000
    return ours, theirs


def main() -> int:
    parser = argparse.ArgumentParser(description="Benchmark prfaq score on a one-page PR/FAQ")
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()
    words = len(ONE_PAGE.split())
    rate, cpu_rate, count = docs_per_second(args.seconds)
    print(f"one-page PR/FAQ ({words} words): {rate:.1f} documents/second wall clock, "
          f"{cpu_rate:.1f} per CPU second ({count} documents, parse + clarity + rubric, one process)")
    print(f"load average while measuring: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    print(f"peak traced memory while scoring: {peak_memory() / 1e6:.1f} MB")
    max_rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"peak resident set size of the process: {max_rss_kb / 1024:.0f} MB")
    ours, theirs = splitter_speed()
    line = f"sentence splitting per document: regex {ours:.2f} ms"
    if theirs is not None:
        line += f", pysbd {theirs:.1f} ms ({theirs / ours:.0f}x slower)"
    print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
