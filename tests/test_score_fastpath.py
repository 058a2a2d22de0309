"""`prfaq score` through its fast path (no typer) behaves exactly as through typer: the same
output, messages and exit codes for every format and option; anything the fast parser does not
take is left to typer; and the compiled-pattern cache changes nothing a user sees."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, WEAK_LAUNCH, Result, run_prfaq

from assistant.cli.common import ReportFormat
from assistant.cli.fast import parse_score_args

TYPER_ONLY = "import sys; sys.argv[0] = 'prfaq'; from assistant.cli import main; main(fast=False)"


def run_typer(*args: str, input: str | None = None, cwd: Path | None = None) -> Result:
    """The same command parsed by typer alone (the path every command but a plain score takes)."""
    proc = subprocess.run([sys.executable, "-c", TYPER_ONLY, *args], input=input, capture_output=True, text=True,
                          cwd=cwd, timeout=120)
    return Result(proc.returncode, proc.stdout, proc.stderr)


CASES = [
    ["weak.md"],
    ["launch.md", "--format", "json"],
    ["--format=json", "weak.md", "launch.md"],
    ["-f", "github", "weak.md", "launch.md"],
    ["weak.md", "-f", "sarif"],
    ["weak.md", "--fail-under", "99"],
    ["weak.md", "launch.md", "--fail-under=50.5", "--offline", "--no-cache"],
    ["launch.md", "--fail-under", "0"],
    ["missing.md"],
    ["weak.md", "missing.md", "--format", "json"],
    ["-", "--format", "json"],
    ["-", "-"],
    ["weak.md", "--model", "m", "--base-url", "http://127.0.0.1:9/v1", "--prompts-dir", "nowhere"],
    ["weak.md", "--judge", "--offline"],
    # Left to typer by the fast parser: the answers must still be typer's.
    ["--help"],
    ["weak.md", "-h"],
    [],
    ["weak.md", "--fail-under", "101"],
    ["weak.md", "--fail-under", "1e1"],
    ["weak.md", "--format", "xml"],
    ["weak.md", "--frobnicate"],
    ["weak.md", "--format"],
    ["--", "weak.md"],
    ["weak.md", "-fjson"],
]


@pytest.mark.parametrize("args", CASES, ids=[" ".join(case) or "(none)" for case in CASES])
def test_the_fast_path_answers_as_typer_does(score_docs: Path, args: list[str]) -> None:
    stdin = WEAK_LAUNCH if "-" in args else None
    fast = run_prfaq("score", *args, input=stdin, cwd=score_docs)
    typer_ = run_typer("score", *args, input=stdin, cwd=score_docs)
    assert (fast.code, fast.stdout, fast.stderr) == (typer_.code, typer_.stdout, typer_.stderr)
    assert "Traceback" not in fast.stderr


def test_the_cases_cover_every_exit_code(score_docs: Path) -> None:
    codes = {run_prfaq("score", *args, input=WEAK_LAUNCH if "-" in args else None, cwd=score_docs).code
             for args in CASES}
    assert codes == {0, 1, 2}


def test_a_plain_score_does_not_load_typer(score_docs: Path) -> None:
    probe = ("import sys; sys.argv = ['prfaq', 'score', 'weak.md']\n"
             "from assistant.cli import main\n"
             "try:\n    main(keep_process=True)\nexcept SystemExit:\n    pass\n"
             "print('typer' in sys.modules, file=sys.stderr)")
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=score_docs, timeout=120)
    assert proc.stdout.startswith("# Clarity score:")
    assert proc.stderr.strip().splitlines()[-1] == "False"


def test_the_parser_gives_the_commands_values() -> None:
    assert parse_score_args(["a.md", "-f", "json", "b.md", "--fail-under=70", "--judge", "-m", "x",
                             "--prompts-dir", "p"]) == {
        "docs": ["a.md", "b.md"], "format": ReportFormat.json, "fail_under": 70.0, "judge": True, "model": "x",
        "prompts_dir": Path("p")}
    assert parse_score_args(["-", "--offline", "--no-cache", "--base-url", "http://h/v1"]) == {
        "docs": ["-"], "offline": True, "no_cache": True, "base_url": "http://h/v1"}


@pytest.mark.parametrize("args", [[], ["--help"], ["a.md", "--fail-under", "-1"], ["a.md", "--model"],
                                  ["a.md", "--model", "--offline"], ["a.md", "-m=x"], ["a.md", "--judge=yes"],
                                  ["a.md", "--format", "JSON"], ["a.md", "--fail-under", "nan"]])
def test_the_parser_leaves_anything_else_to_typer(args: list[str]) -> None:
    assert parse_score_args(args) is None


def test_the_pattern_cache_changes_nothing_a_user_sees(score_docs: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    env = {"PRFAQ_CACHE_DIR": str(cache)}
    cold = run_prfaq("score", "weak.md", "launch.md", "--format", "json", cwd=score_docs, env=env)
    assert not list(cache.glob("patterns-score-*.marshal"))  # one run: its patterns are only pending
    again = run_prfaq("score", "weak.md", "launch.md", "--format", "json", cwd=score_docs, env=env)
    (table,) = cache.glob("patterns-score-*.marshal")  # two runs compiled them: kept
    warm = run_prfaq("score", "weak.md", "launch.md", "--format", "json", cwd=score_docs, env=env)
    table.write_bytes(b"\x00damaged")
    damaged = run_prfaq("score", "weak.md", "launch.md", "--format", "json", cwd=score_docs, env=env)
    off = run_prfaq("score", "weak.md", "launch.md", "--format", "json", cwd=score_docs,
                    env={**env, "PRFAQ_NO_PATTERN_CACHE": "1"})
    assert cold.code == again.code == warm.code == damaged.code == off.code == 0
    assert cold.stdout == again.stdout == warm.stdout == damaged.stdout == off.stdout
    assert table.stat().st_size > 1000  # rewritten whole after the damage


def test_patterns_from_the_cache_are_the_patterns_re_builds(tmp_path: Path) -> None:
    """Every pattern the score path compiles, served from the file, equals re's own build of it."""
    probe = f"""
import io, contextlib, marshal, re, _sre, sys
from assistant import patterncache
patterncache.install("score")
from assistant.cli.fast import run_fast
with contextlib.redirect_stdout(io.StringIO()):
    run_fast(['score', {str(REPO / "examples" / "docs" / "tally-prfaq.md")!r}])
patterncache.save()
path = patterncache._state['path']
patterncache.uninstall()
table = marshal.loads(path.read_bytes()) if path.exists() else dict()
text = open({str(REPO / "examples" / "docs" / "tally-prfaq.md")!r}, encoding='utf-8').read()
unit = patterncache._code_unit(_sre.CODESIZE)
for (pattern, flags), entry in table.items():
    cached = _sre.compile(pattern, *patterncache.engine_arguments(entry, unit))
    built = re._compiler.compile(pattern, flags)
    assert (cached.pattern, cached.flags, cached.groups, cached.groupindex) == \\
        (built.pattern, built.flags, built.groups, built.groupindex), pattern
    assert [m.span() for m in cached.finditer(text)] == [m.span() for m in built.finditer(text)], pattern
print(len(table))
"""
    env = {**os.environ, "PRFAQ_CACHE_DIR": str(tmp_path)}
    first = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, env=env)
    assert first.returncode == 0, first.stderr
    assert int(first.stdout) == 0  # compiled by one run: only its hash is remembered (pending)
    second = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, env=env)
    assert second.returncode == 0, second.stderr
    assert int(second.stdout) > 100  # compiled by two runs: kept, and each equals re's own build


@pytest.mark.parametrize(("given", "seen"), [(None, "__all__"), ("", ""), ("logfire", "logfire")])
def test_score_skips_pydantic_plugins_unless_the_user_chose(score_docs: Path, given: str | None, seen: str) -> None:
    """pydantic's plugin scan is turned off for `prfaq score` (start-up time); a value the user set,
    even empty (every plugin on), is what pydantic reads."""
    probe = ("import os, sys; sys.argv = ['prfaq', 'score', 'weak.md']\n"
             "from assistant.cli import main\n"
             "try:\n    main(keep_process=True)\nexcept SystemExit:\n    pass\n"
             "print(repr(os.environ.get('PYDANTIC_DISABLE_PLUGINS')), file=sys.stderr)")
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    if given is not None:
        env["PYDANTIC_DISABLE_PLUGINS"] = given
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=score_docs, env=env,
                          timeout=120)
    assert proc.stdout.startswith("# Clarity score:")
    assert proc.stderr.strip().splitlines()[-1] == repr(seen)


@pytest.mark.parametrize(("given", "stood_in"), [(None, True), ("true", True), ("", False), ("logfire", False)])
def test_pydantic_plugin_loader_is_stood_in_for_only_while_plugins_are_off(score_docs: Path, given: str | None,
                                                                           stood_in: bool) -> None:
    """With pydantic's plugins off, `prfaq score` spares importing its plugin loader (and
    importlib.metadata with it); the stand-in answers as pydantic's loader does, and goes to it for
    anything else or once plugins are turned back on. With plugins on, pydantic's loader is used."""
    probe = ("import os, sys; sys.argv = ['prfaq', 'score', 'weak.md']\n"
             "from assistant.cli import main\n"
             "try:\n    main(keep_process=True)\nexcept SystemExit:\n    pass\n"
             "loader = sys.modules['pydantic.plugin._loader']\n"
             "stood_in = not hasattr(loader, '__file__')\n"
             "print(stood_in, 'importlib.metadata' in sys.modules, list(loader.get_plugins()), file=sys.stderr)\n"
             "print(loader.PYDANTIC_ENTRY_POINT_GROUP, file=sys.stderr)\n"  # not stood in for: pydantic's
             "os.environ['PYDANTIC_DISABLE_PLUGINS'] = 'none-of-them'\n"
             "real = sys.modules['pydantic.plugin._loader']\n"
             "print(hasattr(real, '__file__'), type(loader.get_plugins()).__name__, file=sys.stderr)\n")
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    if given is not None:
        env["PYDANTIC_DISABLE_PLUGINS"] = given
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=score_docs, env=env,
                          timeout=120)
    assert proc.stdout.startswith("# Clarity score:"), proc.stderr
    *_, first, group, last = proc.stderr.strip().splitlines()
    assert first == (f"True False {[]}" if stood_in else f"False True {[]}")
    assert group == "pydantic"
    assert last == "True dict_values"  # plugins on again: pydantic's own loader scans for them


def test_collection_resumes_after_the_first_document(score_docs: Path) -> None:
    """`prfaq score` starts with the garbage collector off (start-up time); it is on again once a document
    is scored, so a pre-commit run over many files frees what each one leaves behind."""
    probe = ("import gc, sys; sys.argv = ['prfaq', 'score', 'missing.md', 'weak.md', 'launch.md']\n"
             "from assistant.cli import main\n"
             "try:\n    main(keep_process=True)\nexcept SystemExit as exc:\n    code = exc.code\n"
             "print(code, gc.isenabled(), gc.get_freeze_count() > 10000, file=sys.stderr)")
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=score_docs, timeout=120)
    assert proc.stdout.count("# Clarity score:") == 2
    assert proc.stderr.strip().splitlines()[-1] == "2 True True"


def test_patterns_built_from_one_documents_words_do_not_pile_up_in_the_cache(tmp_path: Path) -> None:
    """A pattern compiled by one run only (built from a document's own words) is remembered as a
    hash, not kept; the rules' patterns, compiled by every run, are kept from the second run on."""
    probe = """
import re, sys
from assistant import patterncache
patterncache.install("probe")
re.compile(r"rule pattern \\d+ (?:kept)")
re.compile(sys.argv[1] + r" \\w+")  # a document's word: new on every run
patterncache.save()
"""
    env = {**os.environ, "PRFAQ_CACHE_DIR": str(tmp_path)}
    for word in ("Tally", "Stoa", "noda"):
        proc = subprocess.run([sys.executable, "-c", probe, word], capture_output=True, text=True, timeout=60, env=env)
        assert proc.returncode == 0, proc.stderr
    (table_path,) = tmp_path.glob("patterns-probe-*.marshal")
    import marshal

    kept = {pattern for pattern, _ in marshal.loads(table_path.read_bytes())}
    assert kept == {r"rule pattern \d+ (?:kept)"}


END_PROBE = ("import atexit, sys\n"
             "mode = sys.argv[1]\n"  # then prfaq's arguments
             "sys.argv = ['prfaq', 'score', *sys.argv[2:]]\n"
             "if mode == 'handler':\n"
             "    atexit.register(lambda: print('handler ran', file=sys.stderr))\n"
             "from assistant.cli import main\n"
             "main(keep_process=mode == 'keep')\n"
             "print('went on', file=sys.stderr)\n")


def _run_ending(mode: str, *args: str, cwd: Path) -> Result:
    env = {**os.environ, "PRFAQ_CACHE_DIR": str(cwd / "cache")}
    proc = subprocess.run([sys.executable, "-c", END_PROBE, mode, *args], capture_output=True, text=True, cwd=cwd,
                          timeout=120, env=env)
    return Result(proc.returncode, proc.stdout, proc.stderr)


@pytest.mark.parametrize("args", [["weak.md"], ["weak.md", "launch.md", "--format", "json"], ["weak.md", "-f", "sarif"],
                                  ["weak.md", "--fail-under", "99"], ["missing.md"], ["weak.md", "missing.md"]])
def test_ending_the_process_at_once_changes_nothing_a_user_sees(score_docs: Path, args: list[str]) -> None:
    """A `prfaq score` run ends its process with os._exit once its output is out (start-up time):
    the output and exit status are those of a normal exit, and nothing after main() runs. (The
    normal run goes first: it keeps the document's words, so the quick one needs no word-frequency
    package, whose logging registers an exit handler and so keeps the normal exit.)"""
    normal = _run_ending("keep", *args, cwd=score_docs)
    quick = _run_ending("end", *args, cwd=score_docs)
    assert quick.stdout == normal.stdout
    assert quick.code == normal.code
    # A run that succeeds returns from main(keep_process=True), and the probe goes on; else both raise.
    assert quick.stderr + ("went on\n" if normal.code == 0 else "") == normal.stderr


def test_an_exit_handler_keeps_the_normal_exit(score_docs: Path) -> None:
    """Whatever someone registered to run at exit still runs: the run then exits the normal way."""
    result = _run_ending("handler", "weak.md", cwd=score_docs)
    assert result.stdout.startswith("# Clarity score:")
    assert (result.code, result.stderr) == (0, "went on\nhandler ran\n")
