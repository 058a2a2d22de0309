"""revise-winback: does offline `prfaq revise` undo damage done to real PR/FAQs?

Each real PR/FAQ gets three degraded twins (hedged, jargon-laden, run-on: `degrade(text, kind)`
below, deterministic). For every twin the offline reviser runs on a file written to a temporary
folder, and the eval checks what issue 19 asks:

- the clarity score rises (revised twin > twin);
- the win-back: (revised - twin) / (original - twin), averaged over the twins the damage cost points;
- every figure is kept and none is added (the draft's claim finder, on twin and revision);
- the input file is untouched (its bytes, before and after);
- idempotence: revising the revision changes nothing;
- `prfaq revise` exits 2 on an existing -o without --force (one run of the real command).

    python evals/revise_winback.py [FOLDER] [--rules default|all] [--json]

`--rules default` runs what `prfaq revise` runs by default (the rules that edit the writer's
sentences); `all` (`--fix all`) also adds FAQ entries and rubric placeholders, whose `[TBD: ...]`
the clarity score counts as leftover placeholders, so it lowers the score by design.
FOLDER defaults to ../shared/datasets/prfaq-public/.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

sys.path.insert(0, str(REPO / "evals"))

from twins import degrade as _degrade  # noqa: E402

from assistant.evaluation.suites import shared_dir  # noqa: E402

DEFAULT_FOLDER = shared_dir() / "datasets" / "prfaq-public"
KINDS = ("hedges", "jargon", "runons")  # the damage `prfaq revise` promises to undo, as evals/twins.py makes it
TODAY = date(2026, 1, 1)


def degrade(text: str, kind: str) -> str:
    """The twin of `text` with one kind of damage (evals/twins.py: the same twins the score is
    checked on); the text itself when it has nothing to damage that way."""
    if kind not in KINDS:
        raise ValueError(f"unknown damage {kind!r}; choose from {', '.join(KINDS)}")
    return _degrade(text, kind) or text


# --- the measurement --------------------------------------------------------------------------------
_LIST_NUMBER = re.compile(r"^(\s*)\d{1,3}(?=[.)]\s)", re.M)


def figures(text: str) -> Counter[str]:
    """The figures of a text (the draft's claim finder), list numbering ("5. Why ...?") aside."""
    from assistant.draft.claims import number_claims

    unnumbered = _LIST_NUMBER.sub(lambda m: m.group(1) + "#", text)
    return Counter(" ".join(c.text.split()) for c in number_claims(unnumbered))


_SLIPS = re.compile(r"(?<=\S)  (?=\S)| [,.;:](?=\s|$)|,[,.]"
                    r"|\b[Aa] (?=[aeio][a-z]{2,}\b)|\b[Aa]n (?=[bcdfgjklmnpqrstvwxz][a-z]+\b)")


def grammar_slips(before: str, after: str) -> int:
    """New double spaces, space before punctuation, doubled commas, "a" before a vowel and "an"
    before a consonant: how many more the revision has than its input (0 is right)."""
    return max(0, len(_SLIPS.findall(after)) - len(_SLIPS.findall(before)))


def measure(folder: Path, rules: list[str] | None, *, limit: int | None = None) -> dict[str, object]:
    from assistant.clarity import score_document
    from assistant.documents import load_document, parse_document
    from assistant.revision import revise_offline

    def score(text: str) -> float:
        return score_document(parse_document(text), today=TODAY).clarity.score

    twins = []
    with tempfile.TemporaryDirectory() as tmp:
        for path in sorted(folder.glob("*.md"))[:limit]:
            original = path.read_text(encoding="utf-8")
            s0 = score(original)
            for kind in KINDS:
                damaged = degrade(original, kind)
                twin_path = Path(tmp) / f"{path.stem}.{kind}.md"
                twin_path.write_text(damaged, encoding="utf-8")
                before_bytes = hashlib.sha256(twin_path.read_bytes()).hexdigest()
                report = revise_offline(load_document(twin_path), rules=rules, today=TODAY)
                s1, s2 = score(damaged), report.score_after
                again = revise_offline(parse_document(report.text, path=str(twin_path)), rules=rules, today=TODAY)
                twins.append({
                    "doc": path.stem, "kind": kind, "original": s0, "damaged": s1, "revised": s2,
                    "damage": round(s0 - s1, 2), "winback": round((s2 - s1) / (s0 - s1), 3) if s0 - s1 > 0 else None,
                    "raised": s2 > s1, "figures_kept": figures(damaged) == figures(report.text),
                    "input_untouched": hashlib.sha256(twin_path.read_bytes()).hexdigest() == before_bytes,
                    "idempotent": again.text == report.text and not again.fixes, "fixes": len(report.fixes),
                    "grammar_slips": grammar_slips(damaged, report.text),
                })
        exit_code = _exit_on_existing(Path(tmp))
    damaged_twins = [t for t in twins if t["winback"] is not None]
    winbacks = [float(t["winback"]) for t in damaged_twins]  # type: ignore[arg-type]
    per_kind = {k: round(sum(float(t["winback"]) for t in damaged_twins if t["kind"] == k)  # type: ignore[arg-type]
                         / max(1, sum(t["kind"] == k for t in damaged_twins)), 3) for k in KINDS}
    return {
        "rules": rules or "default", "documents": len(twins) // len(KINDS), "twins": len(twins),
        "twins_damaged": len(damaged_twins),
        "mean_winback": round(sum(winbacks) / len(winbacks), 3) if winbacks else None,
        # The same with each twin's win-back capped at 1: only the damage undone counts, not the
        # document's own problems fixed on the way (which push the plain mean above 1).
        "mean_winback_capped": round(sum(min(1.0, w) for w in winbacks) / len(winbacks), 3) if winbacks else None,
        "pooled_winback": round(sum(float(t["revised"]) - float(t["damaged"]) for t in damaged_twins)  # type: ignore[arg-type]
                                / sum(float(t["damage"]) for t in damaged_twins), 3) if damaged_twins else None,  # type: ignore[arg-type]
        "winback_by_kind": per_kind,
        "raised_every_time": all(t["raised"] for t in damaged_twins),
        "not_raised": [f"{t['doc']}:{t['kind']}" for t in damaged_twins if not t["raised"]],
        "figures_kept_every_time": all(t["figures_kept"] for t in twins),
        "input_untouched_every_time": all(t["input_untouched"] for t in twins),
        "idempotent_every_time": all(t["idempotent"] for t in twins),
        "grammar_slips": sum(int(t["grammar_slips"]) for t in twins),  # type: ignore[call-overload]
        "exit_code_on_existing_output": exit_code,
        "details": twins,
    }


def _exit_on_existing(tmp: Path) -> int:
    doc = tmp / "exists.md"
    doc.write_text("# A headline\n\nA short paragraph.\n", encoding="utf-8")
    out = tmp / "exists.revised.md"
    out.write_text("already here\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "assistant", "revise", str(doc), "-o", str(out)],
                          capture_output=True, cwd=REPO, env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"})
    return proc.returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--rules", choices=("default", "all"), default="default")
    parser.add_argument("--json", action="store_true", help="print the whole result, every twin included")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        print(f"revise-winback: skipped: {args.folder} is missing (the public PR/FAQ dataset)", file=sys.stderr)
        return 0
    result = measure(args.folder, ["all"] if args.rules == "all" else None)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        summary = {k: v for k, v in result.items() if k != "details"}
        print(json.dumps(summary, indent=2))
    ok = (result["raised_every_time"] and result["figures_kept_every_time"] and result["input_untouched_every_time"]
          and result["idempotent_every_time"] and result["exit_code_on_existing_output"] == 2
          and (result["mean_winback_capped"] or 0) >= 0.5)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
