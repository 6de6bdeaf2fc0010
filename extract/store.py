"""The store the dashboard reads: an embedded SQLite database with articles, records and facts.

Every write happens inside one transaction, so a failed run leaves what was stored before intact.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from contextlib import closing
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

from .records import COLUMNS, Record

DEFAULT_DB = Path(__file__).resolve().parent.parent / "data" / "tracker.sqlite"

ARTICLE_COLUMNS = (
    "article_id", "title", "published", "published_inferred", "source", "url", "path",
    "content_hash", "text", "extracted_at", "extractor_version",
)
FACT_COLUMNS = (
    "fact_id", "kind", "label", "category", "supplier", "recipient", "status", "date",
    "location", "lat", "lon", "n_articles", "article_ids", "record_ids",
)

_RECORD_TYPES = {"quantity": "INTEGER", "lat": "REAL", "lon": "REAL", "char_start": "INTEGER",
                 "char_end": "INTEGER", "date_inferred": "INTEGER"}
SCHEMA = f"""
CREATE TABLE IF NOT EXISTS articles (
    article_id TEXT PRIMARY KEY, title TEXT, published TEXT, published_inferred INTEGER,
    source TEXT, url TEXT, path TEXT, content_hash TEXT NOT NULL, text TEXT NOT NULL,
    extracted_at TEXT, extractor_version TEXT
);
CREATE TABLE IF NOT EXISTS records (
    {", ".join(f"{c} {_RECORD_TYPES.get(c, 'TEXT')}" for c in COLUMNS)},
    PRIMARY KEY (record_id)
);
CREATE INDEX IF NOT EXISTS records_article ON records(article_id);
CREATE TABLE IF NOT EXISTS facts (
    fact_id TEXT PRIMARY KEY, kind TEXT, label TEXT, category TEXT, supplier TEXT, recipient TEXT,
    status TEXT, date TEXT, location TEXT, lat REAL, lon REAL, n_articles INTEGER,
    article_ids TEXT, record_ids TEXT
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
"""


def connect(path: Path | str = DEFAULT_DB) -> sqlite3.Connection:
    """Open (and if need be create) the store at ``path``."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    conn.executescript(SCHEMA)
    return conn


def known_hashes(conn: sqlite3.Connection) -> dict[str, str]:
    """article_id -> content hash of what is stored, to extract only new or changed articles."""
    return {row["article_id"]: row["content_hash"] for row in conn.execute("SELECT article_id, content_hash FROM articles")}


def save_articles(conn: sqlite3.Connection, results: Iterable[tuple[dict, list[Record]]]) -> int:
    """Replace each given article and its records in one transaction; returns how many were saved."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    saved = 0
    with conn:  # one transaction: all of it lands, or none of it does
        for article, records in results:
            row = {**{c: article.get(c) for c in ARTICLE_COLUMNS}, "extracted_at": now}
            conn.execute("DELETE FROM records WHERE article_id = ?", (row["article_id"],))
            conn.execute(
                f"INSERT OR REPLACE INTO articles ({', '.join(ARTICLE_COLUMNS)}) "
                f"VALUES ({', '.join('?' * len(ARTICLE_COLUMNS))})",
                [row[c] for c in ARTICLE_COLUMNS],
            )
            conn.executemany(
                f"INSERT OR REPLACE INTO records ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})",
                [[asdict(r)[c] for c in COLUMNS] for r in records],
            )
            saved += 1
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('updated_at', ?)", (now,))
    return saved


def save_facts(conn: sqlite3.Connection, facts: list[dict], fact_of_record: dict[str, str]) -> None:
    """Replace the consolidated facts table and each record's fact_id, in one transaction."""
    with conn:
        conn.execute("DELETE FROM facts")
        conn.executemany(
            f"INSERT INTO facts ({', '.join(FACT_COLUMNS)}) VALUES ({', '.join('?' * len(FACT_COLUMNS))})",
            [[fact[c] for c in FACT_COLUMNS] for fact in facts],
        )
        conn.executemany("UPDATE records SET fact_id = ? WHERE record_id = ?",
                         [(fid, rid) for rid, fid in fact_of_record.items()])


def load_records(conn: sqlite3.Connection) -> list[Record]:
    """All stored records, ordered by article and position in the text."""
    rows = conn.execute(f"SELECT {', '.join(COLUMNS)} FROM records ORDER BY article_id, char_start, record_id")
    return [Record(**{**dict(row), "date_inferred": bool(row["date_inferred"])}) for row in rows]


def load_articles(conn: sqlite3.Connection) -> list[dict]:
    """All stored articles as dicts (text included)."""
    return [dict(row) for row in conn.execute(f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles ORDER BY article_id")]


def load_facts(conn: sqlite3.Connection) -> list[dict]:
    """The consolidated facts: one claim corroborated by one or more articles."""
    return [dict(row) for row in conn.execute(f"SELECT {', '.join(FACT_COLUMNS)} FROM facts ORDER BY fact_id")]


def updated_at(path: Path | str) -> str:
    """When the store at ``path`` last changed ('' when there is none): a cache key for readers."""
    if not Path(path).exists():
        return ""
    with closing(sqlite3.connect(path)) as conn:
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'updated_at'").fetchone()
        except sqlite3.OperationalError:
            return ""
    return row[0] if row else ""
