"""Start-up and document-loading benchmark (figures, not assertions: machines here are noisy).

    .venv/bin/python bench/bench_startup.py [--runs 20]

Reports `prfaq --help` wall time as a whole process (min and median over runs), the same for
`python -c "import openai"` for comparison, and how fast documents load and parse.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def time_process(argv: list[str], runs: int) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(argv, capture_output=True, check=False)
        samples.append(time.perf_counter() - started)
    return min(samples), statistics.median(samples)


def bench_loading(rounds: int) -> None:
    from assistant.documents import load_document

    sample = REPO / "examples" / "docs" / "tally-prfaq.md"
    started = time.perf_counter()
    for _ in range(rounds):
        load_document(sample)
    elapsed = time.perf_counter() - started
    print(f"load+parse one-page PR/FAQ: {rounds / elapsed:,.0f} docs/s ({elapsed / rounds * 1000:.2f} ms each)")
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "big.md"
        text = sample.read_text(encoding="utf-8")
        big.write_text(text * (4_500_000 // len(text)), encoding="utf-8")
        size_mb = big.stat().st_size / 1e6
        started = time.perf_counter()
        load_document(big, max_bytes=10_000_000)
        elapsed = time.perf_counter() - started
        print(f"load+parse {size_mb:.1f} MB document: {elapsed:.2f} s ({size_mb / elapsed:.1f} MB/s)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    prfaq = shutil.which("prfaq", path=str(Path(sys.executable).parent)) or "prfaq"
    low, mid = time_process([prfaq, "--help"], args.runs)
    print(f"prfaq --help: min {low * 1000:.0f} ms, median {mid * 1000:.0f} ms over {args.runs} runs")
    low, mid = time_process([sys.executable, "-c", "import openai"], max(5, args.runs // 4))
    print(f"python -c 'import openai' (for comparison): min {low * 1000:.0f} ms, median {mid * 1000:.0f} ms")
    low, mid = time_process([sys.executable, "-c", "pass"], max(5, args.runs // 4))
    print(f"python -c 'pass' (interpreter floor): min {low * 1000:.0f} ms, median {mid * 1000:.0f} ms")
    bench_loading(200)


if __name__ == "__main__":
    main()
