"""results.jsonl: the run's durable record, one line per finished document.

Durability comes from how each line is written: the whole line (JSON + newline) goes to the
file in one `write` on a descriptor opened with O_APPEND, and fsync follows (grouped: at most
every quarter second, and always at the end). A process
killed with SIGKILL can therefore leave at most one torn line at the very end; the next run
truncates it (back to the last newline) before reading. Nothing else ever edits the file in
place: when lines must go (a document is being redone), the file is rewritten to a temporary
file and renamed over the old one, and a copy is kept first whenever a finished result would be
dropped, so user data is never deleted silently.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from pydantic import ValidationError

from assistant.batch.models import DocResult
from assistant.errors import InputError

RESULTS_NAME = "results.jsonl"
LOCK_NAME = ".prfaq-critique.lock"
FSYNC_INTERVAL_S = 0.25


class JournalContents:
    """What a results.jsonl held: the parsed lines (last line per path wins) and what was wrong."""

    def __init__(self, results: list[DocResult], unreadable: int, duplicates: int, repaired: bool) -> None:
        self.results = results
        self.unreadable = unreadable
        self.duplicates = duplicates
        self.repaired = repaired


class Journal:
    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self.path = out_dir / RESULTS_NAME
        self._fd: int | None = None
        self._lock_fd: int | None = None
        self._synced = 0.0

    # -- opening and closing -------------------------------------------------------------
    def lock(self) -> None:
        """One writer per output folder: a second run on the same --out would interleave lines.

        The lock file is removed when the run ends (so it does not litter the user's folder).
        Removing it opens a race, handled the usual way: the holder unlinks it while still
        holding the lock, and whoever acquires a lock checks that the file it locked is still
        the one at the path; if not, it was removed in between, and it tries again."""
        import fcntl

        self.out_dir.mkdir(parents=True, exist_ok=True)
        path = self.out_dir / LOCK_NAME
        for _ in range(100):
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                os.close(fd)
                raise InputError(f"another prfaq critique is writing to {self.out_dir}; wait for it or choose "
                                 "another --out") from None
            if _same_file(fd, path):
                self._lock_fd = fd
                return
            os.close(fd)  # the previous holder removed the file after we opened it: take the new one
        raise InputError(f"cannot lock {path}: it keeps disappearing; is another program cleaning {self.out_dir}?")

    def open_for_append(self) -> None:
        self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    def close(self) -> None:
        if self._fd is not None:
            os.fsync(self._fd)
            os.close(self._fd)
            self._fd = None
        if self._lock_fd is not None:
            with contextlib.suppress(OSError):
                if _same_file(self._lock_fd, self.out_dir / LOCK_NAME):
                    os.unlink(self.out_dir / LOCK_NAME)  # still holding the lock: see `lock`
            os.close(self._lock_fd)  # closing releases the flock
            self._lock_fd = None

    # -- writing -------------------------------------------------------------------------
    def append(self, result: DocResult) -> None:
        """Append one line: a single write of the whole line, then (at most every FSYNC_INTERVAL_S) fsync.

        Once `write` returns, the line is in the kernel and survives the process being killed; the
        fsync is for power loss, and one per line costs 20 ms on some disks (more than critiquing
        a document offline), so it is grouped: at most the last quarter second is at risk."""
        if self._fd is None:
            raise RuntimeError("journal is not open")
        data = (result.model_dump_json() + "\n").encode("utf-8")
        written = os.write(self._fd, data)
        while written < len(data):  # only on a full disk or a signal; the tail repair covers a crash here
            written += os.write(self._fd, data[written:])
        now = time.monotonic()
        if now - self._synced >= FSYNC_INTERVAL_S:
            os.fsync(self._fd)
            self._synced = now

    def rewrite(self, results: Iterable[DocResult]) -> None:
        """Replace the file atomically with exactly these lines."""
        data = "".join(result.model_dump_json() + "\n" for result in results).encode("utf-8")
        write_atomically(self.path, data)

    def move_aside(self) -> Path | None:
        """Rename the current results.jsonl to results.<time>.jsonl (never over another file)."""
        if not self.path.exists():
            return None
        target = self._aside_name()
        os.replace(self.path, target)
        return target

    def copy_aside(self) -> Path | None:
        if not self.path.exists():
            return None
        target = self._aside_name()
        write_atomically(target, self.path.read_bytes())
        return target

    def _aside_name(self) -> Path:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        for counter in range(1000):
            suffix = f"-{counter}" if counter else ""
            candidate = self.out_dir / f"results.{stamp}{suffix}.jsonl"
            if not candidate.exists():
                return candidate
        raise InputError(f"{self.out_dir}: too many earlier results files; clean the folder up")

    # -- reading -------------------------------------------------------------------------
    def repair(self) -> bool:
        """Cut a torn last line (left by a kill mid-write) back to the last newline."""
        if not self.path.exists():
            return False
        with open(self.path, "rb+") as handle:
            size = handle.seek(0, os.SEEK_END)
            if size == 0:
                return False
            handle.seek(size - 1)
            if handle.read(1) == b"\n":
                return False
            keep = _last_newline_end(handle, size)
            handle.truncate(keep)
            handle.flush()
            os.fsync(handle.fileno())
        return True

    def read(self) -> JournalContents:
        """Repair the tail, then parse every line (the last line of a path wins)."""
        repaired = self.repair()
        contents = self._parse()
        contents.repaired = repaired
        return contents

    def peek(self) -> list[DocResult]:
        """The finished lines, read without changing the file (for --dry-run)."""
        return self._parse().results

    def _parse(self) -> JournalContents:
        if not self.path.exists():
            return JournalContents([], 0, 0, False)
        by_path: dict[str, DocResult] = {}
        unreadable = duplicates = 0
        with open(self.path, "rb") as handle:
            for raw in handle:
                if not raw.endswith(b"\n") or not raw.strip():
                    continue  # empty, or a torn last line not yet repaired
                try:
                    result = DocResult.model_validate_json(raw)
                except ValidationError:
                    unreadable += 1  # an older schema or a hand edit: the document is simply redone
                    continue
                if result.path in by_path:
                    duplicates += 1
                    del by_path[result.path]  # keep the order of the latest line
                by_path[result.path] = result
        return JournalContents(list(by_path.values()), unreadable, duplicates, False)


def _last_newline_end(handle: BinaryIO, size: int) -> int:
    """Offset just past the last b"\\n" in the file (0 if there is none), read backwards in blocks."""
    position = size
    block = 1 << 16
    while position > 0:
        start = max(0, position - block)
        handle.seek(start)
        chunk = handle.read(position - start)
        index = chunk.rfind(b"\n")
        if index >= 0:
            return start + index + 1
        position = start
    return 0


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary file in the same folder, fsync, rename into place, fsync the folder."""
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; the user's files get their usual mode
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
    _fsync_dir(path.parent)


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems do not fsync directories
    finally:
        os.close(fd)


def _same_file(fd: int, path: Path) -> bool:
    try:
        here, there = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)
