"""The fast path for `prfaq score`: a plain invocation runs without loading typer.

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

_FLAGS = {"--judge": "judge", "--offline": "offline", "--no-cache": "no_cache"}
_VALUED = {
    "--format": "format", "-f": "format",
    "--fail-under": "fail_under",
    "--base-url": "base_url",
    "--model": "model", "-m": "model",
    "--prompts-dir": "prompts_dir",
}
_SHORT = {"-f", "-m"}  # short options take their value as the next argument only (no -fjson, no -f=json)
_DECIMAL = re.compile(r"[0-9]+(?:\.[0-9]*)?|\.[0-9]+")


def parse_score_args(args: list[str]) -> dict[str, Any] | None:
    """The keyword arguments of `run_score` for `prfaq score ARGS`, or None to let typer parse them."""
    docs: list[str] = []
    values: dict[str, Any] = {}
    index = 0
    while index < len(args):
        token = args[index]
        index += 1
        if token == "-" or not token.startswith("-"):
            docs.append(token)
            continue
        if token in _FLAGS:
            values[_FLAGS[token]] = True
            continue
        name, has_value, value = token.partition("=")
        if name not in _VALUED or (has_value and name in _SHORT):
            return None  # --help, --, unknown options, -fjson, --judge=yes, ...
        if not has_value:
            if index >= len(args):
                return None
            value = args[index]
            index += 1
            if value.startswith("-"):
                return None
        key = _VALUED[name]
        if key == "format":
            if value not in ReportFormat._value2member_map_:
                return None
            values[key] = ReportFormat(value)
        elif key == "fail_under":
            if not _DECIMAL.fullmatch(value) or not 0 <= float(value) <= 100:
                return None
            values[key] = float(value)
        elif key == "prompts_dir":
            values[key] = Path(value)
        else:
            values[key] = value
    if not docs:
        return None
    return {"docs": docs, **values}


def run_fast(argv: list[str], *, ends_process: bool = False) -> int | None:
    """Run `prfaq score` from argv (without the program name) when it is a plain invocation;
    None when typer should handle argv.

    `ends_process`: the process ends once this run is done (the command line itself, not a caller
    that goes on). Then a Markdown, GitHub or SARIF report without --judge builds its models on the
    lite base (assistant.modelbase says why): nothing in it validates, prints JSON or asks a model."""
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
