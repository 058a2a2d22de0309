"""answeredness: does `prfaq questions --ask` judge answered-ness as a careful human reader does?

20 fixed questions x 8 public PR/FAQs, labelled answered / partly / unanswered by reading each
document (evals/datasets/answeredness-labels.yaml, labelled before any tuning). Every document
is asked the 20 questions with `--ask` on the offline engine; the tool's status is compared with
the label:
- answered-or-not: right when both say "unanswered" or both say "answered"/"partly";
- exact: right when the three-way statuses agree.
The rules may be tuned on the four documents marked `tune`; the other four are held out, and
both halves are printed.

    python evals/answeredness.py [FOLDER] [--labels FILE] [--show-wrong] [--json]

FOLDER defaults to ../shared/datasets/prfaq-public/ (skipped with a note when missing).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from assistant.evaluation.suites import shared_dir  # noqa: E402
from assistant.yamlload import safe_load  # noqa: E402

DEFAULT_FOLDER = shared_dir() / "datasets" / "prfaq-public"
DEFAULT_LABELS = REPO / "evals" / "datasets" / "answeredness-labels.yaml"


def judge_all(folder: Path, labels_path: Path = DEFAULT_LABELS) -> list[dict[str, object]]:
    """One row per (document, question): the label, the tool's status and evidence."""
    from assistant import api
    from assistant.config import Settings

    labels = safe_load(labels_path.read_text(encoding="utf-8"))
    ids = list(labels["questions"])
    texts = [labels["questions"][q] for q in ids]
    settings = Settings(offline=True)
    rows: list[dict[str, object]] = []
    for entry in labels["documents"]:
        report = api.questions(folder / entry["file"], ask=texts, settings=settings)
        for qid, question in zip(ids, report.questions, strict=True):
            label, reason = entry["labels"][qid]
            rows.append({"file": entry["file"], "tune": bool(entry["tune"]), "id": qid, "question": question.question,
                         "label": label, "reason": reason, "tool": question.status,
                         "evidence": question.evidence.text if question.evidence else None,
                         "why": question.status_reason})
    return rows


def scores(rows: list[dict[str, object]]) -> dict[str, float]:
    if not rows:
        return {"n": 0, "binary": 0.0, "exact": 0.0}
    binary = sum((r["label"] == "unanswered") == (r["tool"] == "unanswered") for r in rows)
    exact = sum(r["label"] == r["tool"] for r in rows)
    return {"n": len(rows), "binary": round(binary / len(rows), 4), "exact": round(exact / len(rows), 4)}


def render(rows: list[dict[str, object]], seconds: float, show_wrong: bool) -> str:
    lines = [f"answeredness: {len({r['file'] for r in rows})} PR/FAQs x {len({r['id'] for r in rows})} questions, "
             f"hand-labelled ({seconds:.1f} s)", ""]
    lines.append(f"{'':12}{'n':>5}{'answered-or-not':>18}{'exact':>9}")
    for name, part in (("tuned on", [r for r in rows if r["tune"]]), ("held out", [r for r in rows if not r["tune"]]),
                       ("all", rows)):
        s = scores(part)
        lines.append(f"{name:12}{s['n']:>5}{s['binary']:>18.1%}{s['exact']:>9.1%}")
    confusion = Counter((r["label"], r["tool"]) for r in rows)
    lines.append("")
    lines.append("label \\ tool   answered   partly  unanswered")
    for label in ("answered", "partly", "unanswered"):
        lines.append(f"{label:14}" + "".join(f"{confusion[(label, tool)]:>9}" for tool in
                                             ("answered", "partly", "unanswered")))
    if show_wrong:
        lines.append("")
        for r in rows:
            if r["label"] != r["tool"]:
                evidence = str(r["evidence"] or "")[:100].replace("\n", " ")
                lines.append(f"{'T' if r['tune'] else 'H'} {str(r['file'])[:24]:25}{r['id']} label={r['label']:10} "
                             f"tool={r['tool']:10} {r['question']} | {evidence} | {r['why']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=None)
    parser.add_argument("--labels", type=Path, default=DEFAULT_LABELS)
    parser.add_argument("--show-wrong", action="store_true", help="list every disagreement with its evidence")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    folder = args.folder or DEFAULT_FOLDER
    if not folder.is_dir():
        print(f"answeredness: skipped, no dataset at {folder} (set PRFAQ_SHARED_DIR or give a folder)",
              file=sys.stderr)
        return 0 if args.folder is None else 2
    started = time.perf_counter()
    rows = judge_all(folder, args.labels)
    seconds = time.perf_counter() - started
    if args.json:
        print(json.dumps({"tuned_on": scores([r for r in rows if r["tune"]]),
                          "held_out": scores([r for r in rows if not r["tune"]]), "all": scores(rows), "rows": rows},
                         indent=2))
    else:
        print(render(rows, seconds, args.show_wrong))
    return 0


if __name__ == "__main__":
    sys.exit(main())
