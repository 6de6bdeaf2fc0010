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

from .records import COLUMNS, Record, neutralised_sql

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
CREATE INDEX IF NOT EXISTS records_fact ON records(fact_id);
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


def stored_article(conn: sqlite3.Connection, article_id: str) -> dict | None:
    """The stored text and content hash of one article, or None when no article has that id."""
    row = conn.execute("SELECT text, content_hash FROM articles WHERE article_id = ?", (article_id,)).fetchone()
    return dict(row) if row else None


def uploaded_ids(conn: sqlite3.Connection) -> set[str]:
    """The ids of articles added by upload or paste (their path is ``upload:NAME``)."""
    return {row["article_id"] for row in conn.execute("SELECT article_id FROM articles WHERE path LIKE 'upload:%'")}


def save_articles(conn: sqlite3.Connection, results: Iterable[tuple[dict, list[Record]]]) -> int:
    """Replace each given article and its records, and the facts they touch, in one transaction;
    returns how many were saved."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    saved = 0
    touched: set[str] = set()
    with conn:  # one transaction: all of it lands, or none of it does
        for article, records in results:
            row = {**{c: article.get(c) for c in ARTICLE_COLUMNS}, "extracted_at": now}
            touched.update(f for (f,) in conn.execute("SELECT fact_id FROM records WHERE article_id = ?",
                                                       (row["article_id"],)) if f)
            touched.update(r.fact_id for r in records if r.fact_id)
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
        if saved:  # a run that changes nothing leaves the store, and the caches keyed on it, alone
            update_facts(conn, touched)
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('updated_at', ?)", (now,))
    return saved


# One fact per fact_id: the report with the most precise date (then a place, then the shortest
# sentence) stands for it; the articles and records that support it are listed.
FACTS_SQL = """
INSERT INTO facts (fact_id, kind, label, category, supplier, recipient, status, date, location, lat, lon,
                   n_articles, article_ids, record_ids)
SELECT best.fact_id, best.kind, best.label, best.category, best.supplier, best.recipient, best.status, best.date,
       best.location, best.lat, best.lon, support.n_articles, support.article_ids, support.record_ids
FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY fact_id ORDER BY length(date) DESC, location != '' DESC,
                                   length(sentence), record_id) AS rank
      FROM records {scope}) AS best
JOIN (SELECT fact_id, COUNT(DISTINCT article_id) AS n_articles,
             (SELECT group_concat(article_id, '|') FROM (SELECT DISTINCT r2.article_id FROM records r2
                                                          WHERE r2.fact_id = r.fact_id ORDER BY r2.article_id)) AS article_ids,
             group_concat(record_id, '|') AS record_ids
      FROM records r {scope} GROUP BY fact_id) AS support ON support.fact_id = best.fact_id
WHERE best.rank = 1
"""


def rebuild_facts(conn: sqlite3.Connection) -> None:
    """Rebuild the whole consolidated facts table from the records, in one transaction."""
    with conn:
        conn.execute("DELETE FROM facts")
        conn.execute(FACTS_SQL.format(scope=""))


def update_facts(conn: sqlite3.Connection, fact_ids: Iterable[str]) -> None:
    """Rebuild only the given facts (inside the caller's transaction): adding 100 articles to a
    store of 10,000 regroups the few facts they touch, not all of them."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS touched_facts (fact_id TEXT PRIMARY KEY)")
    conn.execute("DELETE FROM touched_facts")
    conn.executemany("INSERT OR IGNORE INTO touched_facts VALUES (?)", ((f,) for f in fact_ids))
    conn.execute("DELETE FROM facts WHERE fact_id IN (SELECT fact_id FROM touched_facts)")
    conn.execute(FACTS_SQL.format(scope="WHERE fact_id IN (SELECT fact_id FROM temp.touched_facts)"))


def iter_record_rows(conn: sqlite3.Connection):
    """Every stored record as a row in the CSV's column order, its text cells neutralised for a
    spreadsheet (records.neutralised_sql), without building Record objects."""
    columns = ", ".join(neutralised_sql(c) if _RECORD_TYPES.get(c, "TEXT") == "TEXT" else c for c in COLUMNS)
    return conn.execute(f"SELECT {columns} FROM records ORDER BY article_id, char_start, record_id")


def iter_fact_rows(conn: sqlite3.Connection):
    """Every consolidated fact as a row in FACT_COLUMNS order, text cells neutralised."""
    columns = ", ".join(c if c in ("lat", "lon", "n_articles") else neutralised_sql(c) for c in FACT_COLUMNS)
    return conn.execute(f"SELECT {columns} FROM facts ORDER BY fact_id")


def count_by_kind(conn: sqlite3.Connection) -> dict[str, int]:
    """How many records of each kind the store holds."""
    return dict(conn.execute("SELECT kind, COUNT(*) FROM records GROUP BY kind ORDER BY kind").fetchall())


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
