"""What the retrieval model costs `prfaq questions DOC --ask FILE` (figures, not assertions).

    .venv/bin/python bench/bench_ask.py [--doc DOC] [--ask FILE] [--runs 3]

Runs the command as a user would, as whole processes, with the retrieval model on and off
(`PRFAQ_RETRIEVAL`): cold (an empty cache dir, so every vector is computed) and warm (the same
document again: vectors come from the cache). Prints wall and CPU time (user + system of the
child process) for each, the median of `--runs`. Defaults: the longest shipped example PR/FAQ and
the 20 questions of the answered-ness eval.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def default_questions(folder: Path) -> Path:
    from assistant.yamlload import safe_load

    labels = safe_load((REPO / "evals" / "datasets" / "answeredness-labels.yaml").read_text(encoding="utf-8"))
    path = folder / "questions.txt"
    path.write_text("\n".join(labels["questions"].values()) + "\n", encoding="utf-8")
    return path


def run_once(doc: Path, asked: Path, cache: Path, retrieval: bool) -> tuple[float, float]:
    env = dict(os.environ, PRFAQ_CACHE_DIR=str(cache), PRFAQ_RETRIEVAL="on" if retrieval else "off")
    env.pop("OPENAI_BASE_URL", None)
    env.pop("OPENAI_API_KEY", None)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "assistant", "questions", str(doc), "--ask", str(asked), "--offline"],
                   capture_output=True, check=True, env=env, cwd=REPO)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv: list[str] | None = None) -> int:
    sys.path.insert(0, str(REPO))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--doc", type=Path, default=None)
    parser.add_argument("--ask", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    doc = args.doc or max((REPO / "examples" / "docs").glob("*.md"), key=lambda p: p.stat().st_size)
    with tempfile.TemporaryDirectory() as scratch:
        asked = args.ask or default_questions(Path(scratch))
        count = sum(1 for line in asked.read_text(encoding="utf-8").splitlines() if line.strip())
        print(f"prfaq questions {doc.name} ({doc.stat().st_size:,} bytes) --ask ({count} questions), "
              f"median of {args.runs}")
        for retrieval in (False, True):
            cold, warm = [], []
            for run in range(args.runs):
                cache = Path(scratch) / f"cache-{retrieval}-{run}"
                cold.append(run_once(doc, asked, cache, retrieval))
                warm.append(run_once(doc, asked, cache, retrieval))
            label = "retrieval on " if retrieval else "retrieval off"
            for name, samples in (("cold", cold), ("warm", warm)):
                wall = statistics.median(s[0] for s in samples)
                cpu = statistics.median(s[1] for s in samples)
                print(f"  {label} {name}: {wall:6.2f} s wall, {cpu:6.2f} s CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
