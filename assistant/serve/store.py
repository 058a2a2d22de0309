"""The writer's documents, kept locally with every saved version and its score.

One SQLite file in the user directory (`$PRFAQ_HOME/documents.db`), beside the call log. Named
migrations, applied in order and recorded, so a later version of prfaq can change the tables
without losing a writer's work.
"""

from __future__ import annotations

import sqlite3
import threading
import uuid
from datetime import datetime, timezone
from pathlib import Path

from pydantic import BaseModel

MIGRATIONS: list[tuple[str, str]] = [
    ("001_documents_and_versions", """
        CREATE TABLE documents (id TEXT PRIMARY KEY, title TEXT NOT NULL, created TEXT NOT NULL);
        CREATE TABLE versions (
            document_id TEXT NOT NULL REFERENCES documents(id),
            number INTEGER NOT NULL,
            text TEXT NOT NULL,
            score REAL,
            saved TEXT NOT NULL,
            PRIMARY KEY (document_id, number)
        );
    """),
]


class VersionInfo(BaseModel):
    number: int
    score: float | None
    saved: str


class StoredDocument(BaseModel):
    id: str
    title: str
    text: str
    versions: list[VersionInfo]


class DocumentSummary(BaseModel):
    id: str
    title: str
    versions: int
    latest_score: float | None


class DocumentStore:
    """Thread-safe: the server answers requests on a thread pool."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, check_same_thread=False)
        self._lock = threading.Lock()
        with self._lock, self._db:
            self._db.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied TEXT NOT NULL)")
            done = {row[0] for row in self._db.execute("SELECT name FROM migrations")}
            for name, sql in MIGRATIONS:
                if name not in done:
                    self._db.executescript(sql)
                    self._db.execute("INSERT INTO migrations VALUES (?, ?)", (name, _now()))

    def save(self, text: str, score: float | None, *, document_id: str | None = None,
             title: str = "") -> StoredDocument:
        """A new version of a document (a new document when `document_id` is None or unknown)."""
        with self._lock, self._db:
            known = document_id and self._db.execute("SELECT 1 FROM documents WHERE id = ?", (document_id,)).fetchone()
            if not known:
                document_id = uuid.uuid4().hex[:12]
                self._db.execute("INSERT INTO documents VALUES (?, ?, ?)",
                                 (document_id, title.strip()[:200] or _title_of(text), _now()))
            elif title.strip():
                self._db.execute("UPDATE documents SET title = ? WHERE id = ?", (title.strip()[:200], document_id))
            (last,) = self._db.execute("SELECT COALESCE(MAX(number), 0) FROM versions WHERE document_id = ?",
                                       (document_id,)).fetchone()
            self._db.execute("INSERT INTO versions VALUES (?, ?, ?, ?, ?)",
                             (document_id, last + 1, text, score, _now()))
        assert document_id is not None
        found = self.get(document_id)
        assert found is not None
        return found

    def get(self, document_id: str) -> StoredDocument | None:
        with self._lock:
            row = self._db.execute("SELECT title FROM documents WHERE id = ?", (document_id,)).fetchone()
            if row is None:
                return None
            versions = self._db.execute(
                "SELECT number, score, saved, text FROM versions WHERE document_id = ? ORDER BY number",
                (document_id,)).fetchall()
        return StoredDocument(id=document_id, title=row[0], text=versions[-1][3] if versions else "",
                              versions=[VersionInfo(number=n, score=s, saved=t) for n, s, t, _ in versions])

    def list(self) -> list[DocumentSummary]:
        with self._lock:
            rows = self._db.execute("""
                SELECT d.id, d.title, COUNT(v.number),
                       (SELECT score FROM versions WHERE document_id = d.id ORDER BY number DESC LIMIT 1)
                FROM documents d LEFT JOIN versions v ON v.document_id = d.id
                GROUP BY d.id ORDER BY d.created DESC""").fetchall()
        return [DocumentSummary(id=i, title=t, versions=n, latest_score=s) for i, t, n, s in rows]

    def close(self) -> None:
        with self._lock:
            self._db.close()


def _title_of(text: str) -> str:
    first = next((line.strip("# *\t") for line in text.splitlines() if line.strip("# *\t")), "")
    return first[:80] or "Untitled"


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
