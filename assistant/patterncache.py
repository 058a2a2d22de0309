"""Compiled regular expressions kept between runs of the command line.

The rules, the parser and the rubric compile about two hundred regular expressions, and Python's
`re` builds each one in pure Python on every start: about 0.1 s of a `prfaq score` run that a
pre-commit hook or an editor pays on every call. What `re` builds is a list of opcodes for its C
engine; this module keeps those lists in a file under the user cache dir and hands them straight
to the engine on the next start (the engine checks every opcode list it is given, so a damaged
file is rejected there and the pattern is compiled afresh).

`install(name)` hooks `re`'s compiler for this process (the CLI calls it first thing; the library
never does), and for the processes it forks (critique's workers); `save()` writes the table back
when the process compiled something new, merged with what the file holds by then.

A pattern joins the file only once two runs have compiled it. The rules' own patterns are the
same on every run; the ones built from a document's words (its product's name, its terms) are
new with every folder, and kept them all, `critique`'s file grew to 12 MB of patterns no later
run asked for, read and rewritten on every run. The patterns seen once wait in a small
`.pending` file of their hashes, read only when saving.
Each entry keeps its opcodes as the bytes of an array of the engine's code units, not as a list
of numbers: the file holds patterns this run will not ask for (those of a first run on new words,
say), and reading a list builds every number of every entry (about 1 ms of `prfaq score` for
its 80,000 opcodes), where bytes cost nothing until a pattern is asked for.
PRFAQ_NO_PATTERN_CACHE=1 leaves `re` alone. The file is
keyed by prfaq's version, its format, and the interpreter's exact version and regex-engine magic number.
Python 3.11-3.13 only (their `re._compiler.compile` has the shape reproduced here); elsewhere
both are no-ops.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
import types
from array import array
from pathlib import Path
from typing import Any

MAX_ENTRIES = 4000  # beyond this (patterns built from documents, say) the table restarts from this run's
MAX_PENDING = 50_000  # hashes of patterns seen once; beyond this, only this run's are kept

_FORMAT = "2"  # entries hold their opcodes as bytes (format 1: as a list of numbers)

_state: dict[str, Any] = {}


def _supported() -> bool:
    return (3, 11) <= sys.version_info[:2] <= (3, 13)


def _path(name: str) -> Path:
    import _sre

    from assistant import __version__
    from assistant.datacache import cache_dir

    python = "".join(c if c.isalnum() else "_" for c in sys.version.split()[0])
    return cache_dir() / f"patterns-{name}-{__version__}-f{_FORMAT}-py{python}-{_sre.MAGIC}-{_sre.CODESIZE}.marshal"


def _code_unit(codesize: int) -> str | None:
    """The array type code of the engine's code units (its CODESIZE bytes each), if there is one."""
    return next((code for code in "IL" if array(code).itemsize == codesize), None)


def install(name: str) -> None:
    """Serve compiled patterns from the cache file `name` (one per command: `prfaq score` reads
    only the patterns it uses) for the rest of this process."""
    if _state or not _supported() or os.environ.get("PRFAQ_NO_PATTERN_CACHE"):
        return
    import re

    compiler = re._compiler  # type: ignore[attr-defined]
    if not all(hasattr(compiler, name) for name in ("compile", "_code", "_parser", "_sre", "SRE_FLAG_DEBUG")):
        return
    unit = _code_unit(compiler._sre.CODESIZE)
    if unit is None:
        return
    path = _path("".join(c for c in name if c.isalnum()) or "cli")
    _state.update(path=path, table=_read(path), used=set(), added={}, original=compiler.compile, compiler=compiler,
                  unit=unit)
    compiler.compile = _compile


def _read(path: Path) -> dict[tuple[str, int], tuple[Any, ...]]:
    try:
        with open(path, "rb") as handle:
            loaded = marshal.loads(handle.read())  # marshal.load(handle) reads in tiny pieces: ~30x slower
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return loaded if isinstance(loaded, dict) else {}


def _compile(p: Any, flags: int = 0) -> Any:
    compiler, table = _state["compiler"], _state["table"]
    if type(p) is not str or flags & compiler.SRE_FLAG_DEBUG:
        return _state["original"](p, flags)
    key = (p, flags)
    entry = table.get(key)
    if entry is not None:
        try:
            compiled = compiler._sre.compile(p, *engine_arguments(entry, _state["unit"]))
        except Exception:  # a damaged or foreign entry: the engine refused it; build it afresh
            del table[key]
        else:
            _state["used"].add(key)
            return compiled
    # What re._compiler.compile does (3.11-3.13), keeping the engine's arguments.
    parsed = compiler._parser.parse(p, flags)
    code = compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    # The opcodes are int subclasses (named constants): plain ints for the file, same values for the engine.
    arguments = (int(flags | parsed.state.flags), [int(op) for op in code], int(parsed.state.groups - 1),
                 groupindex, tuple(indexgroup))
    compiled = compiler._sre.compile(p, *arguments)
    entry = (arguments[0], array(_state["unit"], arguments[1]).tobytes(), *arguments[2:])
    if not _from_tokenize():
        table[key] = entry
        _state["used"].add(key)
        _state["added"][key] = entry
    return compiled


def engine_arguments(entry: tuple[Any, ...], unit: str) -> tuple[Any, ...]:
    """The arguments of the engine's compile for a pattern, from its entry in the file (whose
    opcodes are bytes of `unit` code units; a damaged entry raises, or is refused by the engine)."""
    flags, code, groups, groupindex, indexgroup = entry
    return flags, array(unit, code).tolist(), groups, groupindex, indexgroup


def _from_tokenize() -> bool:
    """Whether the stdlib's tokenize asked (inspect.signature of a builtin does, inside pydantic): it
    builds its pattern from a set, so the text differs on every run and would only grow the file."""
    frame: types.FrameType | None = sys._getframe(2)
    while frame is not None and frame.f_globals.get("__name__") in ("re", "re._compiler", __name__):
        frame = frame.f_back
    return frame is not None and frame.f_globals.get("__name__") == "tokenize"


def save() -> None:
    """Write back the patterns this run compiled that an earlier run compiled too (see the module's
    docstring); remember the others' hashes for the next run."""
    if not _state or not _state["added"]:
        return
    path: Path = _state["path"]
    added: dict[tuple[str, int], tuple[Any, ...]] = _state["added"]
    pending_path = path.with_name(path.name + ".pending")
    pending: dict[Any, Any] = dict(_read(pending_path))  # pattern hash -> 1
    keep = {key: entry for key, entry in added.items() if _hash(key) in pending}
    waiting = {**pending, **{_hash(key): 1 for key in added if key not in keep}}
    if len(waiting) > MAX_PENDING:
        waiting = {_hash(key): 1 for key in added if key not in keep}
    _write(pending_path, waiting)
    if keep:
        table = {**_read(path), **keep}  # keep what other processes (the critique workers) added
        if len(table) > MAX_ENTRIES:
            table = {key: table[key] for key in _state["used"] if key in table}
        _write(path, table)
    _state["added"] = {}


def _hash(key: tuple[str, int]) -> bytes:
    import hashlib

    return hashlib.blake2b(f"{key[1]}:{key[0]}".encode("utf-8", "surrogatepass"), digest_size=8).digest()


def _write(path: Path, value: dict[Any, Any]) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as handle:
            marshal.dump(value, handle)
        os.replace(tmp, path)  # atomic: a concurrent run reads the old file or the whole new one
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def uninstall() -> None:
    """Put `re`'s own compiler back (tests)."""
    if _state:
        _state["compiler"].compile = _state["original"]
        _state.clear()
