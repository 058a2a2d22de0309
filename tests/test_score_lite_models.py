"""A plain `prfaq score` process builds its models on the lite base (assistant.modelbase), without
pydantic, and what a user sees is what the pydantic models give: the same objects, the same reports,
the same settings and the same errors. Everything else, and the Python API, keeps pydantic."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pydantic
import pytest
from conftest import REPO, Result, run_prfaq

# `prfaq score` as the command line runs it (the process ends with the run), with pydantic made
# unimportable: a run that needed it would fail.
NO_PYDANTIC = ("import sys; sys.modules['pydantic'] = None; sys.argv = ['prfaq', *sys.argv[1:]]\n"
               "from assistant.cli import main\n"
               "main()\n")


def run_without_pydantic(*args: str, cwd: Path, env: dict[str, str] | None = None) -> Result:
    proc = subprocess.run([sys.executable, "-c", NO_PYDANTIC, *args], capture_output=True, text=True, cwd=cwd,
                          timeout=120, env={**os.environ, **(env or {})})
    return Result(proc.returncode, proc.stdout, proc.stderr)


def run_in_process(*args: str, cwd: Path, env: dict[str, str] | None = None) -> Result:
    """The same run through main(keep_process=True): a caller that goes on, so pydantic's models."""
    probe = ("import sys; sys.argv = ['prfaq', *sys.argv[1:]]\n"
             "from assistant.cli import main\n"
             "try:\n    main(keep_process=True)\nexcept SystemExit as exc:\n    sys.exit(exc.code)\n")
    proc = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True, cwd=cwd,
                          timeout=120, env={**os.environ, **(env or {})})
    return Result(proc.returncode, proc.stdout, proc.stderr)


@pytest.mark.parametrize("args", [["weak.md"], ["weak.md", "launch.md", "-f", "github"],
                                  ["launch.md", "--format", "sarif", "--fail-under", "99"]])
def test_a_plain_score_runs_without_pydantic(score_docs: Path, args: list[str]) -> None:
    lite = run_without_pydantic("score", *args, cwd=score_docs)
    normal = run_in_process("score", *args, cwd=score_docs)
    assert (lite.code, lite.stdout, lite.stderr) == (normal.code, normal.stdout, normal.stderr)
    assert lite.stdout.strip()


DUMP = """
def dump(value):
    # A model as plain data, field by field, whichever base it was built on.
    fields = getattr(type(value), "model_fields", None)
    if fields is not None:
        return {"__class__": type(value).__name__, **{name: dump(getattr(value, name)) for name in fields}}
    if isinstance(value, list | tuple):
        return [dump(item) for item in value]
    return value
"""

DUMP_PROBE = DUMP + """
import json, sys
from assistant import modelbase
assert modelbase.use_lite()
from assistant import api
out = []
for path in sys.argv[1:]:
    doc = api.load(path)
    report = api.score(doc)
    assert type(doc).__mro__[-2].__module__ == "assistant.litemodel", type(doc).__mro__
    out.append(json.dumps([dump(doc), dump(report)]))
assert "pydantic" not in sys.modules
print("\\n".join(out))
"""


def test_the_lite_models_hold_what_pydantics_hold() -> None:
    """Every fixture document and its score report, built on the lite base in a process of their
    own, hold field for field the values (and types: 1.0 is not 1 in JSON) pydantic's models hold."""
    from assistant import api

    paths = sorted(str(p) for p in (REPO / "tests" / "fixtures").rglob("*")
                   if p.suffix in (".md", ".txt") and p.is_file())
    assert len(paths) > 100
    proc = subprocess.run([sys.executable, "-c", DUMP_PROBE, *paths], capture_output=True,
                          text=True, timeout=600, cwd=REPO)
    assert proc.returncode == 0, proc.stderr
    lite = proc.stdout.splitlines()
    scope: dict[str, Any] = {}
    exec(DUMP, scope)  # the same dump, here on pydantic's models
    dump = scope["dump"]
    assert len(lite) == len(paths)
    for path, line in zip(paths, lite, strict=True):
        doc = api.load(path)
        assert isinstance(doc, pydantic.BaseModel)
        assert line == json.dumps([dump(doc), dump(api.score(doc))]), path


@pytest.mark.parametrize(("config", "env", "plain"), [
    ('timeout_s = "soon"\n', {}, False),  # wrong: pydantic's message
    ('max_input_bytes = "40"\n', {}, False),  # a number as text: pydantic reads 40, too small for the document
    ("max_input_bytes = 40.0\n", {}, False),
    ("", {"PRFAQ_STRUCTURED_MODE": "yaml"}, False),
    ("", {"PRFAQ_MAX_BYTES": "60"}, True),
    ('model = "m"\noffline = true\ntimeout_s = 3\n', {"OPENAI_API_KEY": "sk-x", "PRFAQ_STRUCTURED_MODE": "prompt"},
     True),
])
def test_settings_are_read_and_refused_as_pydantic_does(score_docs: Path, isolated_home: Path, config: str,
                                                        env: dict[str, str], plain: bool) -> None:
    """Settings whose values have their fields' types are read without pydantic; any other form
    (text for a number, a wrong value) goes to pydantic, which reads or refuses it as always."""
    (isolated_home / "config.toml").write_text(config, encoding="utf-8")
    normal = run_in_process("score", "weak.md", cwd=score_docs, env=env)
    ended = run_prfaq("score", "weak.md", cwd=score_docs, env=env)
    assert (ended.code, ended.stdout, ended.stderr) == (normal.code, normal.stdout, normal.stderr)
    if plain:
        lite = run_without_pydantic("score", "weak.md", cwd=score_docs, env=env)
        assert (lite.code, lite.stdout, lite.stderr) == (normal.code, normal.stdout, normal.stderr)


def test_the_api_and_a_caller_that_goes_on_keep_pydantic(score_docs: Path) -> None:
    probe = ("import sys; sys.argv = ['prfaq', 'score', 'weak.md']\n"
             "import pydantic\n"
             "from assistant.cli import main\n"
             "try:\n    main(keep_process=True)\nexcept SystemExit:\n    pass\n"
             "from assistant import modelbase, score\n"
             "from assistant.clarity.models import ScoreReport\n"
             "from assistant.config import Settings\n"
             "from assistant.documents.models import Document\n"
             "print(all(issubclass(c, pydantic.BaseModel) for c in (ScoreReport, Settings, Document)),"
             " isinstance(score('weak.md'), pydantic.BaseModel), modelbase.use_lite(), file=sys.stderr)\n")
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=score_docs, timeout=120)
    assert proc.stdout.startswith("# Clarity score:")
    assert proc.stderr.strip().splitlines()[-1] == "True True False"
