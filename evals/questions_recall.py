"""questions-recall: does `prfaq questions` anticipate what real PR/FAQ authors chose to answer?

Give the offline engine only the press release of each real PR/FAQ, and count how many of the
FAQ questions its authors wrote are matched by one of the first K generated questions
(K = 10, 15 and 20). The baseline is the fixed list of generic questions below, which any writer
could paste into any FAQ; the tool has to beat it by reading the document.

The judge masks the product's own name on both sides ("What is Foo?" must not match "How do I
install Foo?"): see `assistant.questions.recall.anticipates`.

    python evals/questions_recall.py [FOLDER] [--k 10 --k 15 --k 20] [--half even|odd] [--rates FILE]
                                     [--json] [--show-misses]

FOLDER defaults to ../shared/datasets/prfaq-public/ next to the repository (skipped with a
note when it is missing). The dataset is read where it lies; nothing is copied into the repo.
`--half even|odd` keeps the documents at even or odd positions (sorted by name): tune the bank and
the ranking on one half and report the other, so that a gain is not a fit to these documents.
Cross-fitted: `fit_asked_rates.py --half even --out R.yaml`, then `--half odd --rates R.yaml`.
Matching rules and the report model live in assistant/questions/recall.py.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Literal

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from assistant.evaluation.suites import shared_dir  # noqa: E402
from assistant.questions.bank import AskedRates, load_asked_rates  # noqa: E402
from assistant.questions.rank import Order  # noqa: E402
from assistant.questions.recall import SUFFIXES, RecallReport, measure_recall  # noqa: E402

DEFAULT_FOLDER = shared_dir() / "datasets" / "prfaq-public"

# The generic FAQ every template suggests, most commonly cited first: the customer questions from
# the Working Backwards write-ups ("How much does it cost?", "How do I get started?", "What kind
# of support is available?", "Is it easy to use?"), then the internal ones ("What are the technical
# challenges?", "What is the go-to-market strategy?", "What are the financial projections?").
BASELINE_QUESTIONS: list[str] = [
    "What is it?",
    "Who is the customer?",
    "What problem does it solve?",
    "How much does it cost?",
    "How do I get started?",
    "How is it different from the alternatives?",
    "Is it easy to use?",
    "What kind of support is available?",
    "Is my data secure and private?",
    "What are the technical challenges?",
    "What is the go-to-market strategy?",
    "What are the financial projections?",
    "When will it be available?",
    "What are the biggest risks?",
    "How big is the market?",
    "What does it depend on?",
    "What will we not do?",
    "How will we measure success?",
    "Why now?",
    "What is on the roadmap?",
    # Ten more, so that K=30 compares like with like: the usual template's second page.
    "How do I install it?",
    "What are the system requirements?",
    "Is it open source?",
    "Does it work with the tools I already use?",
    "Where is my data stored?",
    "How does it scale?",
    "How is it tested?",
    "Who maintains it?",
    "What happens when it fails?",
    "Can I customise it?",
]


Half = Literal["even", "odd"]


def documents(folder: Path, half: Half | None = None) -> list[Path]:
    """The PR/FAQs in a folder, sorted by name; `half` keeps those at even (0, 2, ...) or odd positions."""
    paths = sorted(p for p in folder.iterdir() if p.suffix.lower() in SUFFIXES)
    if half is None:
        return paths
    return paths[0 if half == "even" else 1 :: 2]


def questions_recall(folder: Path = DEFAULT_FOLDER, ks: tuple[int, ...] = (10, 15, 20),
                     baseline: list[str] | None = None, order: Order = "asked", half: Half | None = None,
                     rates: AskedRates | None = None) -> RecallReport:
    """Recall@K of `prfaq questions` (offline) and of the generic baseline over a folder of PR/FAQs."""
    return measure_recall(documents(folder, half), baseline or BASELINE_QUESTIONS, ks, order, rates)


def render(report: RecallReport, show_misses: bool = False) -> str:
    lines = [f"questions-recall: {report.files} PR/FAQs, {report.author_questions} author FAQ questions "
             f"(tool order: {report.order})", ""]
    lines.append(f"{'':22}" + "".join(f"{'recall@' + str(k):>12}" for k in report.ks))
    lines.append(f"{'prfaq questions':22}" + "".join(f"{report.tool_recall[k]:>12.1%}" for k in report.ks))
    lines.append(f"{'generic baseline':22}" + "".join(f"{report.baseline_recall[k]:>12.1%}" for k in report.ks))
    lines.append(f"{'  (per-document mean)':22}" + "".join(
        f"{report.tool_macro[k]:>6.1%} /{report.baseline_macro[k]:>5.1%}" for k in report.ks))
    lines.append("")
    k = max(report.ks)
    for case in report.cases:
        lines.append(f"{Path(case.path).name[:48]:50} n={case.author_questions:<3} tool@{k}={case.tool_hits[k]:<3}"
                     f" baseline@{k}={case.baseline_hits[k]}")
        if show_misses:
            for match in case.matches:
                mark = "+" if match.tool[k] else "-"
                found = f"  <- {match.tool[k]}" if match.tool[k] else ""
                lines.append(f"    {mark} {match.author_question[:90]}{found}")
    for note in report.skipped:
        lines.append(f"skipped: {note}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=None,
                        help=f"a folder of PR/FAQs (default: {DEFAULT_FOLDER}, from PRFAQ_SHARED_DIR)")
    parser.add_argument("--k", type=int, action="append", help="K for recall@K (repeatable; default 10, 15 and 20)")
    parser.add_argument("--order", choices=["asked", "threat"], default="asked",
                        help="asked: by priority whatever the release answers (default); threat: the CLI's order")
    parser.add_argument("--half", choices=["even", "odd"],
                        help="only the documents at even or odd positions, by name (tune on one, report the other)")
    parser.add_argument("--rates", type=Path,
                        help="asked rates to rank with instead of the shipped ones (evals/fit_asked_rates.py --out): "
                             "fit on one half, measure the other")
    parser.add_argument("--json", action="store_true", help="print the full report as JSON")
    parser.add_argument("--show-misses", action="store_true", help="list every author question, matched or not")
    args = parser.parse_args(argv)
    if args.folder is not None and not args.folder.is_dir():
        print(f"questions-recall: no folder at {args.folder}", file=sys.stderr)
        return 2
    if args.folder is None and not DEFAULT_FOLDER.is_dir():
        print(f"questions-recall: skipped, no dataset at {DEFAULT_FOLDER} (the project's shared data, beside the "
              "repository as ../shared; set PRFAQ_SHARED_DIR or give a folder of PR/FAQs)", file=sys.stderr)
        return 0
    args.folder = args.folder or DEFAULT_FOLDER
    if args.rates is not None and not args.rates.is_file():
        print(f"questions-recall: no rates file at {args.rates}", file=sys.stderr)
        return 2
    rates = load_asked_rates(args.rates) if args.rates is not None else None
    report = questions_recall(args.folder, tuple(sorted(set(args.k or [10, 15, 20]))), order=args.order,
                               half=args.half, rates=rates)
    try:
        print(report.model_dump_json(indent=2) if args.json else render(report, args.show_misses))
    except BrokenPipeError:  # piped into head: the reader has what it wanted
        sys.stderr.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
