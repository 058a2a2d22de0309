"""questions-ask: do real authors' questions come back answered, with the answer they wrote?

For each public PR/FAQ, every FAQ question line is removed (the answers stay, as plain text),
and the authors' questions are asked of that document with `prfaq questions --ask` (offline
engine). A question counts when it comes back `answered` or `partly` with its evidence inside
that question's own answer (the text its authors wrote under it). Without the question lines the
tool cannot match question to question: it has to find the answer by meaning.

    python evals/questions_ask.py [FOLDER] [--half even|odd] [--show-misses] [--misses] [--json]

`--misses` prints each miss in full (question, status, the quote chosen, the author's answer)
with the stage that failed, and counts the misses by stage and by the question's opening word:
- `section`: a section heading was taken as the question's own pair and quoted outside the answer;
- `paragraph`: the ranker's top paragraph does not hold the author's answer;
- `sentence`: it does, but the quote was taken from another sentence;
- `silent`: it does, but the status is `unanswered`.

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


def top_paragraph_holds(doc: Document, asked: list[str], spans: list[tuple[int, int]]) -> list[bool]:
    """For each question, whether the paragraph ranker's top paragraph holds the author's answer
    (read as `ask_offline` reads the document)."""
    import numpy as np

    from assistant.questions.bank import load_bank
    from assistant.questions.meaning import Reading, mask
    from assistant.questions.select import product_name
    from assistant.safety import without_instructions

    clean = without_instructions(doc)
    product = product_name(clean, load_bank())
    reading = Reading(clean, product, retrieval=True)  # as ask_offline reads it
    reading.prepare(asked)
    reading.calibrate(asked)
    out = []
    for question, (start, end) in zip(asked, spans, strict=True):
        masked = mask(question, product)
        scores = reading.paragraph_scores(question, masked, reading.vector(masked))
        top = int(np.argmax(scores)) if scores else -1
        out.append(any(reading.paragraph_of[i] == top and start <= s.start < end
                       for i, s in enumerate(reading.sentences)))
    return out


def stage(case: dict[str, object]) -> str:
    """Which stage a miss failed at (see the module's docstring)."""
    if str(case["why"]).startswith("its section"):
        return "section"
    if not case["top_holds"]:
        return "paragraph"
    return "silent" if case["status"] == "unanswered" else "sentence"


def measure(folder: Path, half: str | None = None, *, diagnose: bool = False) -> dict[str, object]:
    from assistant import api
    from assistant.config import Settings

    settings = Settings(offline=True)
    cases = []
    for path, stripped, asked, spans in stripped_documents(folder, half):
        started = time.perf_counter()
        report = api.questions(stripped, ask=asked, settings=settings)
        ms = (time.perf_counter() - started) * 1000
        holds = top_paragraph_holds(stripped, asked, spans) if diagnose else [False] * len(asked)
        for question, (start, end), top_holds in zip(report.questions, spans, holds, strict=True):
            evidence = question.evidence
            inside = evidence is not None and start <= evidence.start < end
            assert evidence is None or stripped.text[evidence.start:evidence.end] == evidence.text
            cases.append({"file": path.name, "question": question.question, "status": question.status,
                          "inside": inside, "hit": question.status != "unanswered" and inside,
                          "evidence": evidence.text if evidence else None, "ms": ms,
                          "why": question.status_reason, "answer": stripped.text[start:end],
                          "top_holds": top_holds})
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


def render_misses(result: dict[str, object]) -> str:
    """Every miss in full, then the misses counted by stage and by the question's opening word."""
    from collections import Counter

    cases = [c for c in result["cases"] if not c["hit"]]  # type: ignore[attr-defined]
    lines = []
    for c in cases:
        lines += [f"[{stage(c)}] {c['file'][:40]}: {c['question']}",
                  f"    status: {c['status']} ({c['why']})",
                  f"    quote:  {str(c['evidence'] or '')[:160]!r}",
                  f"    answer: {str(c['answer']).strip()[:160]!r}"]
    by_stage = Counter(stage(c) for c in cases)
    by_word = Counter((str(c["question"]).split() or ["?"])[0].lower().strip("\"'*") for c in cases)
    lines += ["", f"misses by stage: {dict(by_stage.most_common())}",
              f"misses by opening word: {dict(by_word.most_common(12))}"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=None)
    parser.add_argument("--half", choices=["even", "odd"], help="only the documents at even or odd positions")
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--misses", action="store_true", help="each miss in full, with the stage that failed")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    folder = args.folder or DEFAULT_FOLDER
    if not folder.is_dir():
        print(f"questions-ask: skipped, no dataset at {folder} (set PRFAQ_SHARED_DIR or give a folder)",
              file=sys.stderr)
        return 0 if args.folder is None else 2
    result = measure(folder, args.half, diagnose=args.misses)
    print(json.dumps(result, indent=2) if args.json else render(result, args.show_misses))
    if args.misses:
        print("\n" + render_misses(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
