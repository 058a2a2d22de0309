"""`prfaq critique` through its fast path (no typer) behaves exactly as through typer: the same
output, messages, files and exit codes; anything the fast parser does not take is left to typer."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import Result, run_prfaq

from assistant.cli.common import ReportFormat
from assistant.cli.fast import parse_critique_args

TYPER_ONLY = "import sys; sys.argv[0] = 'prfaq'; from assistant.cli import main; main(fast=False)"


def run_typer(*args: str, cwd: Path) -> Result:
    proc = subprocess.run([sys.executable, "-c", TYPER_ONLY, *args], capture_output=True, text=True, cwd=cwd,
                          timeout=300)
    return Result(proc.returncode, proc.stdout, proc.stderr)


def _timeless(text: str) -> str:
    """Run times differ from run to run; nothing else may."""
    text = re.sub(r"\bin [0-9]+\.[0-9] s\b", "in X s", text)
    text = re.sub(r'"seconds": ?[0-9.]+', '"seconds": X', text)
    return re.sub(r"· [0-9.]+ s<", "· X s<", text)


@pytest.fixture
def critique_docs(score_docs: Path) -> Path:
    (score_docs / "folder").mkdir()
    for name in ("weak.md", "launch.md"):
        shutil.copy(score_docs / name, score_docs / "folder" / name)
    return score_docs


CASES = [
    ["weak.md", "--offline"],
    ["launch.md", "--offline", "--format", "json", "--only", "score,questions"],
    ["--offline", "-f", "github", "weak.md"],
    ["folder", "--offline", "-o", "out", "--only=score,review"],
    ["folder", "--out=out", "--offline", "--no-resume", "--format", "json"],
    ["folder", "launch.md", "--offline", "--dry-run", "-o", "out"],
    ["missing.md", "--offline"],
    ["weak.md", "--offline", "--only", "nothing"],
    # Left to typer by the fast parser: the answers must still be typer's.
    ["--help"],
    [],
    ["weak.md", "--offline", "--concurrency", "2", "--only", "score"],
    ["weak.md", "--offline", "--frobnicate"],
    ["weak.md", "--offline", "--only"],
    ["weak.md", "--offline", "--format", "xml"],
    ["weak.md", "--offline", "-fjson"],
    ["--", "weak.md"],
]


@pytest.mark.parametrize("args", CASES, ids=[" ".join(case) or "(none)" for case in CASES])
def test_the_fast_path_answers_as_typer_does(critique_docs: Path, args: list[str]) -> None:
    fast = run_prfaq("critique", *args, cwd=critique_docs, timeout=300)
    fast_files = _outputs(critique_docs / "out")
    shutil.rmtree(critique_docs / "out", ignore_errors=True)
    typer_ = run_typer("critique", *args, cwd=critique_docs)
    typer_files = _outputs(critique_docs / "out")
    assert (fast.code, _timeless(fast.stdout), _timeless(fast.stderr)) == \
        (typer_.code, _timeless(typer_.stdout), _timeless(typer_.stderr))
    assert fast_files == typer_files
    assert "Traceback" not in fast.stderr


def _outputs(folder: Path) -> dict[str, list[str]]:
    """The files a run wrote, without run times, lines in order (documents finish in any order)."""
    if not folder.is_dir():
        return {}
    return {path.name: sorted(_timeless(_undated(path.read_text())).splitlines())
            for path in sorted(folder.iterdir()) if path.is_file()}


def _undated(text: str) -> str:
    return re.sub(r"Generated [0-9: -]+\.", "Generated X.", text)


def test_the_parser_takes_only_plain_invocations() -> None:
    assert parse_critique_args(["docs", "--offline", "-o", "out", "--only", "score"]) == {
        "paths": ["docs"], "offline": True, "out": Path("out"), "only": "score"}
    assert parse_critique_args(["a.md", "-", "--format=sarif", "--no-resume"]) == {
        "paths": ["a.md", "-"], "format": ReportFormat.sarif, "resume": False}
    for args in (["a.md", "--offline", "--offline"], ["a.md", "-o", "x", "--out", "y"], ["a.md", "--out", "-x"],
                 ["a.md", "--out="], ["a.md", "-o=x"], ["a.md", "-j", "4"], ["a.md", "--rpm", "60"], ["--offline"],
                 ["a.md", "--provider-batch"], ["a.md", "--version"]):
        assert parse_critique_args(args) is None, args


def test_a_plain_critique_does_not_load_typer(critique_docs: Path) -> None:
    probe = ("import sys; sys.argv = ['prfaq', 'critique', 'weak.md', '--offline', '--only', 'score']\n"
             "from assistant.cli import main\n"
             "try:\n    main(keep_process=True)\nexcept SystemExit:\n    pass\n"
             "print('typer' in sys.modules, file=sys.stderr)")
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=critique_docs,
                          timeout=300)
    assert "Clarity" in proc.stdout or "score" in proc.stdout.lower()
    assert proc.stderr.strip().splitlines()[-1] == "False"
