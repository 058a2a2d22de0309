"""questions-ask: do real authors' questions come back answered, with the answer they wrote?

For each public PR/FAQ, every FAQ question line is removed (the answers stay, as plain text),
and the authors' questions are asked of that document with `prfaq questions --ask` (offline
engine). A question counts when it comes back `answered` or `partly` with its evidence inside
that question's own answer (the text its authors wrote under it). Without the question lines the
tool cannot match question to question: it has to find the answer by meaning.

    python evals/questions_ask.py [FOLDER] [--half even|odd] [--show-misses] [--json]

FOLDER defaults to ../shared/datasets/prfaq-public/ (skipped with a note when missing).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from assistant.evaluation.suites import shared_dir  # noqa: E402

if TYPE_CHECKING:
    from assistant.documents import Document

DEFAULT_FOLDER = shared_dir() / "datasets" / "prfaq-public"
SUFFIXES = (".md", ".markdown", ".txt")
_LABEL = re.compile(r"[ \t*_#>\-]*(?:\*\*|__)?\s*(?:Q\s*\d{0,3}\s*[:.)]|Question\s*[:.)])?\s*", re.IGNORECASE)


def without_questions(text: str, items: list[tuple[int, int, int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """`text` with each FAQ question line cut out, and each answer's (start, end) in the new text.

    `items` are (question start, question end, answer start, answer end). From the start of the
    question's line to the end of the question (and the markup after it), or to the answer's start
    when the answer shares the line ("Q: ...? A: ..."), is removed."""
    cuts = []
    for q_start, q_end, a_start, _ in items:
        line_start = text.rfind("\n", 0, q_start) + 1
        end = q_end
        while end < len(text) and text[end] in "*_?: \t":
            end += 1
        if end < len(text) and text[end] == "\n":
            end += 1
        cuts.append((line_start, min(end, a_start) if a_start >= line_start else end))
    cuts.sort()
    out, spans, cursor, removed = [], [], 0, []
    for start, end in cuts:
        if start < cursor:
            start = cursor
        out.append(text[cursor:start])
        removed.append((start, end))
        cursor = max(cursor, end)
    out.append(text[cursor:])

    def moved(offset: int) -> int:
        return offset - sum(min(end, offset) - start for start, end in removed if start < offset)

    spans = [(moved(a_start), moved(a_end)) for _, _, a_start, a_end in items]
    return "".join(out), spans


class Stripped(NamedTuple):
    path: Path
    doc: Document  # the PR/FAQ without its FAQ question lines
    asked: list[str]  # the authors' questions, in order
    spans: list[tuple[int, int]]  # each question's own answer, (start, end) in `doc.text`


def stripped_documents(folder: Path, half: str | None = None) -> Iterator[Stripped]:
    """Each PR/FAQ of `folder` (or of its even or odd half) that answers questions in an FAQ, with
    the question lines removed."""
    from assistant.documents import load_document, parse_document

    paths = sorted(p for p in folder.iterdir() if p.suffix.lower() in SUFFIXES)
    if half is not None:
        paths = paths[0 if half == "even" else 1 :: 2]
    for path in paths:
        doc = load_document(path)
        items = [(i.question.start, i.question.end, i.answer.start, i.answer.end, i.question.text)
                 for i in doc.faq if i.answer is not None and i.answer.text.strip()]
        if not items:
            continue
        text, spans = without_questions(doc.text, [item[:4] for item in items])
        yield Stripped(path, parse_document(text, path=str(path)), [" ".join(item[4].split()) for item in items],
                       spans)


def measure(folder: Path, half: str | None = None) -> dict[str, object]:
    from assistant import api
    from assistant.config import Settings

    settings = Settings(offline=True)
    cases = []
    for path, stripped, asked, spans in stripped_documents(folder, half):
        started = time.perf_counter()
        report = api.questions(stripped, ask=asked, settings=settings)
        ms = (time.perf_counter() - started) * 1000
        for question, (start, end) in zip(report.questions, spans, strict=True):
            evidence = question.evidence
            inside = evidence is not None and start <= evidence.start < end
            assert evidence is None or stripped.text[evidence.start:evidence.end] == evidence.text
            cases.append({"file": path.name, "question": question.question, "status": question.status,
                          "inside": inside, "hit": question.status != "unanswered" and inside,
                          "evidence": evidence.text if evidence else None, "ms": ms})
    hits = sum(c["hit"] for c in cases)
    return {"files": len({c["file"] for c in cases}), "questions": len(cases), "hits": hits,
            "rate": round(hits / len(cases), 4) if cases else 0.0,
            "answered_or_partly": sum(c["status"] != "unanswered" for c in cases), "cases": cases}


def render(result: dict[str, object], show_misses: bool) -> str:
    cases = result["cases"]
    assert isinstance(cases, list)
    lines = [f"questions-ask: {result['files']} PR/FAQs, {result['questions']} author questions asked of their own "
             "document with the FAQ question lines removed", "",
             f"answered or partly, evidence inside its own answer: {result['hits']}/{result['questions']} = "
             f"{result['rate']:.1%}",
             f"answered or partly at all:                        {result['answered_or_partly']}/{result['questions']}"]
    by_file: dict[str, list[dict[str, object]]] = {}
    for case in cases:
        by_file.setdefault(str(case["file"]), []).append(case)
    lines.append("")
    for name, group in by_file.items():
        lines.append(f"{name[:50]:52} {sum(bool(c['hit']) for c in group):>3}/{len(group):<3}")
        if show_misses:
            for c in group:
                if not c["hit"]:
                    quote = str(c["evidence"] or "")[:70].replace("\n", " ")
                    lines.append(f"    - [{c['status']}] {str(c['question'])[:70]} | {quote}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=None)
    parser.add_argument("--half", choices=["even", "odd"], help="only the documents at even or odd positions")
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    folder = args.folder or DEFAULT_FOLDER
    if not folder.is_dir():
        print(f"questions-ask: skipped, no dataset at {folder} (set PRFAQ_SHARED_DIR or give a folder)",
              file=sys.stderr)
        return 0 if args.folder is None else 2
    result = measure(folder, args.half)
    print(json.dumps(result, indent=2) if args.json else render(result, args.show_misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
