"""Where one offline critique of a one-page PR/FAQ spends its CPU, step by step.

    .venv/bin/python bench/bench_steps.py [--docs 300] [--rounds 3]

Runs load, instruction check, score, questions and review in this process over the generated
one-page PR/FAQs of bench_critique.py, and prints the CPU milliseconds per document of each step
(process time, the best of --rounds rounds over different documents, so other work on a shared
machine counts less).
The first document is left out: it loads the word lists and compiles the rules (a one-off cost
of about half a second, shown separately). Figures, not assertions.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_critique import generate  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    from assistant.batch.job import _warnings
    from assistant.clarity import score_document
    from assistant.config import load_settings
    from assistant.documents import load_document
    from assistant.documents.models import Document
    from assistant.engines.offline import OfflineEngine

    engine = OfflineEngine(load_settings(offline=True))
    with tempfile.TemporaryDirectory(prefix="prfaq-steps-") as tmp:
        # Each round reads documents of its own: the caches keyed by text (sentences, concepts)
        # would make a second pass over the same files look faster than any real run.
        paths = generate(Path(tmp), args.docs * args.rounds + 1)
        started = time.process_time()
        first = load_document(paths[0])
        score_document(first), engine.questions(first), engine.review(first)
        print(f"first document (loads word lists, compiles rules): {(time.process_time() - started) * 1000:.0f} ms")
        steps: dict[str, Callable[[Document], object]] = {
            "score": score_document, "questions": engine.questions, "review": engine.review}
        best: dict[str, float] = {}
        for round_number in range(args.rounds):
            spent = dict.fromkeys(["load", "instruction check", *steps], 0.0)
            for path in paths[1 + round_number * args.docs : 1 + (round_number + 1) * args.docs]:
                started = time.process_time()
                doc = load_document(path)
                spent["load"] += time.process_time() - started
                started = time.process_time()
                _warnings(doc)
                spent["instruction check"] += time.process_time() - started
                for name, step in steps.items():
                    started = time.process_time()
                    step(doc)
                    spent[name] += time.process_time() - started
            for name, seconds in spent.items():
                best[name] = min(best.get(name, seconds), seconds)
    count = args.docs
    for name, seconds in best.items():
        print(f"{name:18s} {seconds / count * 1000:6.2f} ms per document")
    print(f"{'total':18s} {sum(best.values()) / count * 1000:6.2f} ms per document (one core)")


if __name__ == "__main__":
    main()
