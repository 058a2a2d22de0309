"""Read the sources of `prfaq insights`: folders and files of notes, and CSV/JSONL exports.

One source per file (.md, .txt, .docx), one source per row of a .csv or .jsonl export. Rows are
streamed: a 10,000-row export is never held in memory at once. The text column of an export is
found automatically (a column named like text/body/description/review/comment, else the column
with the longest values), or named with `--text-column`.

Bad input is reported, one line per file, and skipped: one bad file never stops the rest.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from assistant.errors import InputError

FILE_SUFFIXES = {".md", ".markdown", ".txt", ".text", ".docx"}
ROW_SUFFIXES = {".csv", ".jsonl", ".ndjson"}
_TEXT_NAMES = re.compile(r"^(?:text|body|description|desc|review|review_?text|comments?|message|content|feedback|"
                         r"answer|response|details|notes?|verbatim|complaint|ticket_?(?:body|text)|problem)$", re.I)
_SEGMENT_NAMES = re.compile(r"^(?:role|segment|persona|plan|tier|customer_?type|user_?type|customer_?segment|"
                            r"job_?title|title)$", re.I)
_ROLE_LINE = re.compile(r"^\s*(?:[-*]\s*)?(?:\*\*)?(?P<label>role|segment|persona|job title|title|customer type)"
                        r"(?:\*\*)?\s*:\s*(?P<value>[^\n]{2,80}?)\s*$", re.I | re.M)
_SNIFF_ROWS = 50


@dataclass
class SourceText:
    """One source's text: a file's whole text, or one row's text."""

    id: str
    path: str
    kind: str  # "file" | "row"
    group: str  # what the counts are "of": "interviews", "tickets"
    text: str
    segments: list[str] = field(default_factory=list)


@dataclass
class Reading:
    """What was read: the sources (streamed by `iter_sources`), what was skipped and why."""

    skipped: list[tuple[str, str]] = field(default_factory=list)
    totals: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def expand(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, and the readable files inside folders named (sorted, hidden ones left out)."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not any(p.startswith(".") for p in child.relative_to(path).parts) \
                        and child.suffix.lower() in FILE_SUFFIXES | ROW_SUFFIXES:
                    found.append(child)
        else:
            found.append(path)
    return found


def _size_check(path: Path, max_bytes: int) -> None:
    from assistant.documents.loader import _too_big

    try:
        size = os.stat(path).st_size
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot access it ({exc.strerror or exc})") from None
    if size > max_bytes:
        raise _too_big(str(path), size, max_bytes)
    if size == 0:
        raise InputError(f"{path} is empty (0 bytes)")


def _decode_lines(handle: io.BufferedReader, name: str, reading: Reading) -> Iterator[str]:
    """Lines of a byte stream, each decoded as UTF-8, else Windows-1252 (a mixed-encoding export)."""
    bad = 0
    first = True
    for raw in handle:
        if first:
            first = False
            if raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if b"\x00" in raw:
                raise InputError(f"{name}: looks like a binary file (it contains NUL bytes), not a text export")
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError:
            bad += 1
            yield raw.decode("cp1252", errors="replace")
    if bad:
        reading.warnings.append(f"{name}: {bad} line(s) were not UTF-8 and were read as Windows-1252 (mixed "
                                "encoding); re-save the export as UTF-8")


def _group_of(path: Path, kind: str) -> str:
    if kind == "row":
        return path.stem
    parent = path.parent.name
    return parent if parent and parent not in {".", ""} else "files"


def pick_text_column(names: list[str], sample: list[dict[str, str]], given: str | None, name: str) -> str:
    """The column holding the customer's words: the one given, one with a telling name, else the
    column with the longest values (in the first rows), if those look like sentences."""
    if given:
        if given not in names:
            raise InputError(f"{name}: no column named {given!r} (columns: {', '.join(names)})")
        return given
    named = [n for n in names if _TEXT_NAMES.match(n.strip())]
    if named:
        return named[0]

    def mean_len(column: str) -> float:
        values = [str(row.get(column) or "") for row in sample]
        return sum(len(v) for v in values) / max(1, len(values))

    scored = sorted(names, key=mean_len, reverse=True)
    best = scored[0] if scored else None
    if best is None or mean_len(best) < 20 or not any(" " in str(row.get(best) or "") for row in sample):
        raise InputError(f"{name}: no text column found (no column of sentences among {', '.join(names) or 'none'});"
                         " name it with --text-column COL")
    return best


def _segment_columns(names: list[str]) -> list[str]:
    return [n for n in names if _SEGMENT_NAMES.match(n.strip())]


def _row_sources(path: Path, rows: Iterator[dict[str, object]], names: list[str], text_column: str | None,
                 reading: Reading) -> Iterator[SourceText]:
    name = str(path)
    sample: list[dict[str, object]] = []
    for row in rows:
        sample.append(row)
        if len(sample) >= _SNIFF_ROWS:
            break
    if not sample:
        raise InputError(f"{name}: the export has no rows")
    column = pick_text_column(names, [{k: str(v) for k, v in r.items()} for r in sample], text_column, name)
    id_column = next((n for n in names if n.strip().lower() == "id"), None)
    segments = _segment_columns(names)
    group = _group_of(path, "row")

    def chain() -> Iterator[dict[str, object]]:
        yield from sample
        yield from rows

    count = 0
    for number, row in enumerate(chain(), start=1):
        value = row.get(column)
        text = "" if value is None else str(value)
        if not text.strip():
            continue
        ident = str(row.get(id_column) or "").strip() if id_column else ""
        count += 1
        yield SourceText(id=f"{name}#{ident or number}", path=name, kind="row", group=group, text=text,
                         segments=[str(row[c]).strip() for c in segments if str(row.get(c) or "").strip()])
    if count == 0:
        raise InputError(f"{name}: the text column {column!r} is empty in every row")


def _csv_sources(path: Path, text_column: str | None, reading: Reading) -> Iterator[SourceText]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    with open(path, "rb") as handle:
        lines = _decode_lines(handle, str(path), reading)
        try:
            reader = csv.DictReader(lines)
            names = [n for n in (reader.fieldnames or []) if n is not None]
            if not names:
                raise InputError(f"{path}: the export is empty (no header row)")
            rows: Iterator[dict[str, object]] = ({k: v for k, v in r.items() if k is not None} for r in reader)
            yield from _row_sources(path, rows, names, text_column, reading)
        except csv.Error as exc:
            raise InputError(f"{path}: not a readable CSV file ({exc})") from None


def _jsonl_sources(path: Path, text_column: str | None, reading: Reading) -> Iterator[SourceText]:
    with open(path, "rb") as handle:
        lines = _decode_lines(handle, str(path), reading)
        names: list[str] = []

        def rows() -> Iterator[dict[str, object]]:
            for number, line in enumerate(lines, start=1):
                if not line.strip():
                    continue
                try:
                    item = json.loads(line)
                except json.JSONDecodeError:
                    raise InputError(f"{path}: line {number} is not JSON (a .jsonl file has one object a line)"
                                     ) from None
                if isinstance(item, dict):
                    for key in item:
                        if key not in names:
                            names.append(key)
                    yield item

        stream = rows()
        first = next(stream, None)
        if first is None:
            raise InputError(f"{path}: the export has no rows")

        def again() -> Iterator[dict[str, object]]:
            yield first
            yield from stream

        yield from _row_sources(path, again(), names, text_column, reading)


def _file_source(path: Path, max_bytes: int) -> SourceText:
    from assistant.documents import load_document

    doc = load_document(path, max_bytes=max_bytes)
    segments = [m.group("value").strip() for m in _ROLE_LINE.finditer(doc.text[:4000])]
    return SourceText(id=str(path), path=str(path), kind="file", group=_group_of(path, "file"), text=doc.text,
                      segments=segments)


def iter_sources(paths: Iterable[str | Path], reading: Reading, *, max_bytes: int, text_column: str | None = None,
                 on_skip: Callable[[str, str], None] | None = None) -> Iterator[SourceText]:
    """Every source, streamed; a file that cannot be used is recorded in `reading.skipped` and skipped."""
    paths = list(paths)
    files = expand(paths)
    if not files:
        folders = [str(p) for p in paths if Path(p).is_dir()]
        if folders:
            raise InputError(f"{folders[0]} is a directory with no .md, .txt, .docx, .csv or .jsonl file in it")
        raise InputError("no sources given (name files or folders of .md, .txt, .docx, .csv or .jsonl)")
    for path in files:
        name = str(path)
        try:
            suffix = path.suffix.lower()
            if not path.exists():
                raise InputError(f"{name}: no such file or folder")
            _size_check(path, max_bytes)
            if suffix in ROW_SUFFIXES:
                reader = _csv_sources if suffix == ".csv" else _jsonl_sources
                group = _group_of(path, "row")
                for source in reader(path, text_column, reading):
                    reading.totals[group] = reading.totals.get(group, 0) + 1
                    yield source
            else:
                source = _file_source(path, max_bytes)
                reading.totals[source.group] = reading.totals.get(source.group, 0) + 1
                yield source
        except InputError as exc:
            reading.skipped.append((name, str(exc)))
            if on_skip is not None:
                on_skip(name, str(exc))
