"""Start-up and document-loading benchmark (figures, not assertions: machines here are noisy).

    .venv/bin/python bench/bench_startup.py [--runs 20] [--score-only] [--file DOC]

Reports `prfaq score DOC` against `proselint check DOC` as whole processes, run in turns, each
with its wall time (min and median) and CPU time (user + system, which a busy machine inflates
less), and their ratio (prfaq / proselint: at most 1.0 is the goal); then `prfaq --help`, `python
-c "import openai"` for comparison, and how fast documents load and parse. The score runs use
the user cache dir and bytecode as an installed prfaq would, after one warm-up run that fills
them (PYTHONDONTWRITEBYTECODE is dropped for these runs). The warm-up also fills the memo of the
document's words (syllables, frequencies: `assistant.datacache.memo`), as the previous save of
the same file does for an editor or a pre-commit hook; a last line scores the document with
that memo emptied before each run, as the first run on a new document is.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def time_process(argv: list[str], runs: int) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(argv, capture_output=True, check=False)
        samples.append(time.perf_counter() - started)
    return min(samples), statistics.median(samples)


def time_in_turns(commands: dict[str, list[str]], runs: int, env: dict[str, str] | None = None,
                  prepare: dict[str, Callable[[], None]] | None = None) -> dict[str, tuple[list[float], list[float]]]:
    """Each command `runs` times, in turns (a load spike hits both): wall and CPU seconds per run.
    `prepare[name]`, if given, runs (untimed) before each run of that command."""
    samples: dict[str, tuple[list[float], list[float]]] = {name: ([], []) for name in commands}
    for _ in range(runs):
        for name, argv in commands.items():
            if prepare and name in prepare:
                prepare[name]()
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            subprocess.run(argv, capture_output=True, check=False, env=env)
            wall = time.perf_counter() - started
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            samples[name][0].append(wall)
            samples[name][1].append(cpu)
    return samples


def bench_score_vs_proselint(doc: Path, runs: int) -> None:
    bindir = Path(sys.executable).parent
    prfaq = shutil.which("prfaq", path=str(bindir))
    proselint = shutil.which("proselint", path=str(bindir)) or shutil.which("proselint")
    if proselint is None:
        print("proselint is not installed: pip install proselint (a test dependency)")
        return
    score = [prfaq, "score", str(doc)] if prfaq else [sys.executable, "-m", "assistant", "score", str(doc)]
    lint = [proselint, "check", str(doc)]
    # As installed by pip, both have their bytecode: a checkout run with PYTHONDONTWRITEBYTECODE
    # would compile prfaq's modules from source on every start while proselint's are compiled.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(score, capture_output=True, check=False, env=env)  # warm-up: user cache dir, bytecode
    with tempfile.TemporaryDirectory() as cache:
        # The same run with a cache dir of its own whose memo of words is emptied before each run:
        # a document of words never scored before (the first run on a new document).
        fresh_env = {**env, "PRFAQ_CACHE_DIR": cache}
        subprocess.run(score, capture_output=True, check=False, env=fresh_env)

        def forget_words() -> None:
            for memo in Path(cache).glob("memo-*"):
                memo.unlink()

        samples = time_in_turns({"prfaq score": score, "proselint check": lint}, runs, env)
        fresh = time_in_turns({"prfaq score, new words": score}, runs, fresh_env,
                              prepare={"prfaq score, new words": forget_words})
    print(f"{doc.name}, {runs} runs each, in turns (load average {os.getloadavg()[0]:.1f}):")
    for name, (walls, cpus) in samples.items():
        print(f"  {name:<16} wall min {min(walls) * 1000:5.0f} ms, median {statistics.median(walls) * 1000:5.0f} ms;"
              f" CPU min {min(cpus) * 1000:5.0f} ms, median {statistics.median(cpus) * 1000:5.0f} ms")
    (s_wall, s_cpu), (p_wall, p_cpu) = samples["prfaq score"], samples["proselint check"]
    (f_wall, f_cpu) = fresh["prfaq score, new words"]
    print(f"  {'prfaq score, new words':<16} wall min {min(f_wall) * 1000:5.0f} ms, median "
          f"{statistics.median(f_wall) * 1000:5.0f} ms; CPU min {min(f_cpu) * 1000:5.0f} ms, median "
          f"{statistics.median(f_cpu) * 1000:5.0f} ms  (run after the others; the ratio is of the first line)")
    print(f"  ratio prfaq/proselint: wall min {min(s_wall) / min(p_wall):.2f}, "
          f"median {statistics.median(s_wall) / statistics.median(p_wall):.2f}; "
          f"CPU min {min(s_cpu) / min(p_cpu):.2f}, median {statistics.median(s_cpu) / statistics.median(p_cpu):.2f}"
          "  (goal: <= 1.00)")


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
    parser.add_argument("--file", type=Path, default=REPO / "examples" / "docs" / "tally-prfaq.md")
    parser.add_argument("--score-only", action="store_true", help="only prfaq score against proselint")
    args = parser.parse_args()
    bench_score_vs_proselint(args.file, args.runs)
    if args.score_only:
        return
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
