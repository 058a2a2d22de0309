"""The `prfaq` pre-commit hook, run the way pre-commit runs it: the hook's entry, its args, then
the staged file names that match its `files` pattern (no pre-commit, nothing downloaded)."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from test_rubric_elements import COMPLETE
from test_score_cli import WEAK

ROOT = Path(__file__).resolve().parent.parent


def hook() -> dict[str, Any]:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (found,) = [h for h in hooks if h["id"] == "prfaq"]
    return found


def run_hook(files: list[str], cwd: Path, args: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    """`entry args... files...`, with the `prfaq` console script standing for `python -m assistant`."""
    spec = hook()
    entry = shlex.split(spec["entry"])
    assert entry[0] == "prfaq"
    pattern = re.compile(spec["files"])
    staged = [f for f in files if pattern.search(f)] if spec["pass_filenames"] else []
    command = [sys.executable, "-m", "assistant", *entry[1:], *spec.get("args", []), *args, *staged]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=120)


def test_the_hook_is_declared_as_pre_commit_expects() -> None:
    spec = hook()
    assert spec["language"] == "python"
    assert spec["pass_filenames"] is True
    assert shlex.split(spec["entry"])[:3] == ["prfaq", "score", "--fail-under"]
    pattern = re.compile(spec["files"])
    assert pattern.search("docs/launch.md") and pattern.search("PR-FAQ v2.docx")
    assert not pattern.search("setup.py") and not pattern.search("notes.md.bak") and not pattern.search("a.txt")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / "weak.md").write_text(WEAK, encoding="utf-8")
    (tmp_path / "launch.md").write_text(COMPLETE, encoding="utf-8")
    (tmp_path / "tool.py").write_text("print('not a document')\n", encoding="utf-8")
    return tmp_path


def test_a_good_document_passes(repo: Path) -> None:
    result = run_hook(["launch.md", "tool.py"], repo)
    assert result.returncode == 0, result.stderr
    assert "launch.md" in result.stdout


def test_a_weak_document_stops_the_commit_and_says_which(repo: Path) -> None:
    result = run_hook(["launch.md", "weak.md", "tool.py"], repo)
    assert result.returncode == 1
    assert "weak.md: clarity score" in result.stderr and "below --fail-under 75" in result.stderr
    assert "launch.md" not in result.stderr


def test_user_args_override_the_threshold(repo: Path) -> None:
    assert run_hook(["weak.md"], repo, ("--fail-under", "0")).returncode == 0
    assert run_hook(["launch.md"], repo, ("--fail-under", "100")).returncode == 1


# -- the README's snippets, tried ----------------------------------------------------------------
def readme_yaml(key: str) -> dict[str, Any]:
    blocks = re.findall(r"```yaml\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)
    (found,) = [yaml.safe_load(block) for block in blocks if re.search(rf"^{key}:", block, re.M)]
    return found


def test_the_readme_pre_commit_config_uses_the_hook(repo: Path) -> None:
    (configured,) = readme_yaml("repos")["repos"][0]["hooks"]
    assert configured["id"] == hook()["id"]
    docs = repo / "docs"
    docs.mkdir()
    (repo / "weak.md").rename(docs / "weak.md")
    files = ["docs/weak.md", "launch.md", "tool.py"]  # launch.md is outside docs/: the override skips it
    staged = [f for f in files if re.search(configured["files"], f)]
    spec = hook()
    command = [sys.executable, "-m", "assistant", *shlex.split(spec["entry"])[1:], *configured["args"], *staged]
    result = subprocess.run(command, cwd=repo, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "docs/weak.md: clarity score" in result.stderr and "below --fail-under 80" in result.stderr
    assert "launch.md" not in result.stdout


def test_the_readme_workflow_steps_run(repo: Path) -> None:
    (job,) = readme_yaml("jobs")["jobs"].values()
    commands = [step["run"] for step in job["steps"] if step.get("run", "").startswith("prfaq ")]
    assert len(commands) == 2
    (repo / "docs").mkdir()
    (repo / "weak.md").rename(repo / "docs" / "weak.md")
    (repo / "launch.md").rename(repo / "docs" / "launch.md")
    prfaq = f"{shlex.quote(sys.executable)} -m assistant"
    gate = subprocess.run(prfaq + commands[0].removeprefix("prfaq"), shell=True, cwd=repo, capture_output=True,
                          text=True, timeout=120)
    assert gate.returncode == 1  # the weak document fails the check
    assert "::warning file=docs/weak.md,line=" in gate.stdout
    assert "::warning file=docs/launch.md" in gate.stdout
    sarif = subprocess.run(prfaq + commands[1].removeprefix("prfaq"), shell=True, cwd=repo, capture_output=True,
                           text=True, timeout=120)
    assert sarif.returncode == 0, sarif.stderr
    log = json.loads((repo / "prfaq.sarif").read_text(encoding="utf-8"))
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert uris == {"docs/weak.md", "docs/launch.md"}
