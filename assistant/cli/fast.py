"""The fast paths for `prfaq score` and `prfaq critique`: a plain invocation runs without loading typer.

`prfaq score` runs on every commit (pre-commit) and on every save (editors), so its start-up is
what users feel; typer and its adapters cost about as much as the scoring itself. This parser
accepts exactly the invocations whose meaning is unambiguous -- documents, and the options of
`prfaq score` spelled `--name value`, `--name=value` or `-f/-m value` -- and turns them into the
same values the typer command would pass. Anything else (help, an unknown or repeated-looking
option, a value out of range, `--`, a missing document) returns None and typer handles it, so
its messages and exit codes are unchanged.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from assistant.cli.common import ReportFormat

_FLAGS = {"--judge": ("judge", True), "--offline": ("offline", True), "--no-cache": ("no_cache", True)}
_VALUED = {
    "--format": "format", "-f": "format",
    "--fail-under": "fail_under",
    "--base-url": "base_url",
    "--model": "model", "-m": "model",
    "--prompts-dir": "prompts_dir",
}
_SHORT = {"-f", "-m"}  # short options take their value as the next argument only (no -fjson, no -f=json)
_DECIMAL = re.compile(r"[0-9]+(?:\.[0-9]*)?|\.[0-9]+")


def _scan(args: list[str], flags: dict[str, tuple[str, bool]], valued: dict[str, str], short: set[str], *,
          strict: bool) -> tuple[list[str], dict[str, Any], list[tuple[str, str]]] | None:
    """The positional arguments, the flags' values and each valued option's (key, raw text) in
    order, or None when an argument is not plain (help, `--`, an unknown option, `-fjson`, a value
    missing or starting with '-'). `strict` also refuses an option given twice and an empty or
    dashed `--name=value`; without it a repeated option's values are all checked, the last kept."""
    positional: list[str] = []
    set_flags: dict[str, Any] = {}
    raw: list[tuple[str, str]] = []
    index = 0
    while index < len(args):
        token = args[index]
        index += 1
        if token == "-" or not token.startswith("-"):
            positional.append(token)
            continue
        if token in flags:
            key, flag = flags[token]
            if strict and key in set_flags:
                return None
            set_flags[key] = flag
            continue
        name, has_value, value = token.partition("=")
        if name not in valued or (has_value and name in short):
            return None
        if not has_value:
            if index >= len(args):
                return None
            value = args[index]
            index += 1
            if value.startswith("-"):
                return None
        if strict and (not value or value.startswith("-") or any(key == valued[name] for key, _ in raw)):
            return None
        raw.append((valued[name], value))
    return positional, set_flags, raw


def _typed(key: str, value: str) -> Any:
    """An option's value as the command takes it, or None when typer should say what is wrong
    with it (a format it does not know, a --fail-under outside 0..100)."""
    if key == "format":
        return ReportFormat(value) if value in ReportFormat._value2member_map_ else None
    if key == "fail_under":
        return float(value) if _DECIMAL.fullmatch(value) and 0 <= float(value) <= 100 else None
    if key in ("out", "prompts_dir"):
        return Path(value)
    return value


def _parse(args: list[str], flags: dict[str, tuple[str, bool]], valued: dict[str, str], short: set[str], *,
           strict: bool, positional: str) -> dict[str, Any] | None:
    """The command's keyword arguments (its documents under `positional`), or None for typer."""
    scanned = _scan(args, flags, valued, short, strict=strict)
    if scanned is None or not scanned[0]:
        return None
    documents, values, raw = scanned
    for key, value in raw:
        values[key] = _typed(key, value)
        if values[key] is None:
            return None
    return {positional: documents, **values}


def parse_score_args(args: list[str]) -> dict[str, Any] | None:
    """The keyword arguments of `run_score` for `prfaq score ARGS`, or None to let typer parse them."""
    return _parse(args, _FLAGS, _VALUED, _SHORT, strict=False, positional="docs")


_CRITIQUE_FLAGS = {"--offline": ("offline", True), "--no-cache": ("no_cache", True), "--dry-run": ("dry_run", True),
                   "--resume": ("resume", True), "--no-resume": ("resume", False)}
_CRITIQUE_VALUED = {
    "--out": "out", "-o": "out",
    "--only": "only",
    "--format": "format", "-f": "format",
    "--base-url": "base_url",
    "--model": "model", "-m": "model",
    "--prompts-dir": "prompts_dir",
}
_CRITIQUE_SHORT = {"-o", "-f", "-m"}


def parse_critique_args(args: list[str]) -> dict[str, Any] | None:
    """The keyword arguments of `run_critique_command` for `prfaq critique ARGS`, or None to let
    typer parse them: documents and folders, and the options above spelled `--name value`,
    `--name=value` or `-o/-f/-m value`, each at most once. Anything else (help, --concurrency,
    --rpm, --provider-batch, an unknown option, a value that starts with '-' or is empty) goes
    to typer, whose messages and exit codes stay the only ones."""
    return _parse(args, _CRITIQUE_FLAGS, _CRITIQUE_VALUED, _CRITIQUE_SHORT, strict=True, positional="paths")


def run_fast(argv: list[str], *, ends_process: bool = False) -> int | None:
    """Run `prfaq score` from argv (without the program name) when it is a plain invocation;
    None when typer should handle argv.

    `ends_process`: the process ends once this run is done (the command line itself, not a caller
    that goes on). Then a Markdown, GitHub or SARIF report without --judge builds its models on the
    lite base (assistant.modelbase says why): nothing in it validates, prints JSON or asks a model."""
    if argv and argv[0] == "critique":
        critique_args = parse_critique_args(argv[1:])
        if critique_args is None:
            return None
        from assistant.cli.critique_run import run_critique_command

        return run_critique_command(**critique_args)
    if not argv or argv[0] != "score":
        return None
    parsed = parse_score_args(argv[1:])
    if parsed is None:
        return None
    if ends_process and parsed.get("format") is not ReportFormat.json and not parsed.get("judge"):
        from assistant import modelbase

        modelbase.use_lite()
    from assistant.cli.score_run import run_score

    return run_score(**parsed)
