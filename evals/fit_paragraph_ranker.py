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

`--write` fits on every document and writes the weights, rescaled so that `cosine` weighs 1.0
(the scale of the sentence scores they are added to), to assistant/questions/ranker.yaml.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from assistant.evaluation.suites import shared_dir  # noqa: E402

if TYPE_CHECKING:
    import numpy as np

DEFAULT_FOLDER = shared_dir() / "datasets" / "prfaq-public"


@dataclass
class Case:
    file: str
    question: str
    features: np.ndarray  # one row per paragraph
    right: np.ndarray  # 1.0 where the paragraph holds the author's answer


def build_cases(folder: Path) -> list[Case]:
    import numpy as np

    from assistant.questions.bank import load_bank
    from assistant.questions.meaning import Reading, mask
    from assistant.questions.select import product_name
    from assistant.safety import without_instructions
    from evals.questions_ask import stripped_documents

    bank = load_bank()
    cases = []
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
                cases.append(Case(path.name, question,
                                  reading.paragraph_features(question, masked, reading.vector(masked)), right))
    return cases


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
    args = parser.parse_args(argv)
    folder = args.folder or DEFAULT_FOLDER
    if not folder.is_dir():
        print(f"fit-paragraph-ranker: no dataset at {folder} (set PRFAQ_SHARED_DIR or give a folder)",
              file=sys.stderr)
        return 2
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
        write(RANKER_PATH, weights, len(cases), len(files), args.l2)
        print(f"wrote {RANKER_PATH}")
    return 0


def write(path: Path, weights: np.ndarray, questions: int, files: int, l2: float) -> None:
    from assistant.questions.ranker import FEATURES

    lines = ['version: "1"',
             f'fitted_on: "evals/fit_paragraph_ranker.py --l2 {l2}: {questions} author questions in {files} public '
             'PR/FAQs (questions-ask setting)"',
             "weights:"]
    lines += [f"  {name}: {value:.4f}" for name, value in zip(FEATURES, weights, strict=True)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
