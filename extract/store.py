"""The store the dashboard reads: an embedded SQLite database with articles, records, facts and
the analysts' reviews.

Every write happens inside one transaction, so a failed run leaves what was stored before intact.
Reviews are keyed by record id or fact id, which are stable across re-extraction, and no extraction
step writes or deletes them: a re-run keeps every check a person made.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable, Mapping
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from .records import CERTAINTIES, COLUMNS, STATUSES, Record, neutralised_sql

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
CREATE TABLE IF NOT EXISTS reviews (
    target TEXT NOT NULL CHECK (target IN ('record', 'fact')), target_id TEXT NOT NULL,
    verdict TEXT NOT NULL CHECK (verdict IN ('confirmed', 'corrected', 'rejected')),
    label TEXT, supplier TEXT, recipient TEXT, status TEXT, certainty TEXT, date TEXT, quantity INTEGER,
    location TEXT, note TEXT NOT NULL DEFAULT '', evidence_digest TEXT NOT NULL DEFAULT '',
    reviewed_at TEXT NOT NULL,
    PRIMARY KEY (target, target_id)
);
"""
# What a review may correct; NULL in a review's column means "as extracted".
REVIEW_FIELDS = ("label", "supplier", "recipient", "status", "certainty", "date", "quantity", "location")
REVIEW_VERDICTS = ("confirmed", "corrected", "rejected")
REVIEW_TARGETS = ("record", "fact")
REVIEW_COLUMNS = ("target", "target_id", "verdict", *REVIEW_FIELDS, "note", "evidence_digest", "reviewed_at")
# When the reviewed sentence (a fact's: its records' sentences) no longer reads as it did.
SOURCE_UNCHANGED, SOURCE_CHANGED, SOURCE_MISSING = "unchanged", "changed", "missing"


def connect(path: Path | str = DEFAULT_DB) -> sqlite3.Connection:
    """Open (and if need be create) the store at ``path``."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    conn.executescript(SCHEMA)
    return conn


def extractor_digest(conn: sqlite3.Connection) -> str:
    """The digest of the rules and lexicons (lexicon.data_version) the store was last extracted with."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'extractor_digest'").fetchone()
    return row[0] if row else ""


def set_extractor_digest(conn: sqlite3.Connection, digest: str) -> None:
    with conn:
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('extractor_digest', ?)", (digest,))


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
                # getattr per column: asdict() deep-copies the whole record, once per column it was asked for
                [[getattr(r, c) for c in COLUMNS] for r in records],
            )
            saved += 1
        if saved:  # a run that changes nothing leaves the store, and the caches keyed on it, alone
            update_facts(conn, touched)
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('updated_at', ?)", (now,))
            _stamp(conn, "records_version")
    return saved


def delete_article(conn: sqlite3.Connection, article_id: str) -> int:
    """Remove an article, its records and what they contributed to facts, in one transaction; returns
    how many records went with it. Reviews stay (flagged 'missing'), should the article come back."""
    with conn:
        touched = {f for (f,) in conn.execute("SELECT fact_id FROM records WHERE article_id = ?", (article_id,)) if f}
        removed = conn.execute("DELETE FROM records WHERE article_id = ?", (article_id,)).rowcount
        if not conn.execute("DELETE FROM articles WHERE article_id = ?", (article_id,)).rowcount:
            return 0
        update_facts(conn, touched)
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('updated_at', ?)",
                     (datetime.now(UTC).isoformat(timespec="seconds"),))
        _stamp(conn, "records_version")
    return removed


def find_article_by_text(conn: sqlite3.Connection, text: str) -> dict | None:
    """The stored article whose text is exactly ``text`` (its id and title), or None."""
    row = conn.execute("SELECT article_id, title FROM articles WHERE text = ? LIMIT 1", (text,)).fetchone()
    return dict(row) if row else None


def _stamp(conn: sqlite3.Connection, key: str) -> None:
    """Record when part of the store changed, to the microsecond: a reader's cache key. Records and
    reviews have their own, so saving a review does not make a reader reload 100,000 records."""
    conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, datetime.now(UTC).isoformat(timespec="microseconds")))


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


def updated_at(path: Path | str, key: str = "updated_at") -> str:
    """When the store at ``path`` last changed ('' when there is none): a cache key for readers.
    ``key`` 'records_version' or 'reviews_version' names one part's microsecond stamp instead."""
    if not Path(path).exists():
        return ""
    with closing(sqlite3.connect(path)) as conn:
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        except sqlite3.OperationalError:
            return ""
    return row[0] if row else ""


# --- reviews -----------------------------------------------------------------------------------------


def _digest(sentences: Iterable[str]) -> str:
    return hashlib.sha1("\x1f".join(sorted(sentences)).encode("utf-8")).hexdigest()[:16]


def evidence_digest(conn: sqlite3.Connection, target: str, target_id: str) -> str:
    """A digest of the text a review was made on: the record's sentence, or a fact's records'
    sentences ('' when the target is not in the store)."""
    column = "record_id" if target == "record" else "fact_id"
    sentences = [row[0] for row in conn.execute(f"SELECT sentence FROM records WHERE {column} = ?", (target_id,))]
    return _digest(sentences) if sentences else ""


def _check_review(target: str, verdict: str, corrections: Mapping[str, object]) -> None:
    if target not in REVIEW_TARGETS:
        raise ValueError(f"a review is of a record or a fact, not {target!r}")
    if verdict not in REVIEW_VERDICTS:
        raise ValueError(f"verdict {verdict!r} is not one of {', '.join(REVIEW_VERDICTS)}")
    unknown = set(corrections) - set(REVIEW_FIELDS)
    if unknown:
        raise ValueError(f"a review cannot correct {', '.join(sorted(unknown))}")
    if corrections.get("status") not in (None, *STATUSES):
        raise ValueError(f"status {corrections['status']!r} is not one of {', '.join(STATUSES)}")
    if corrections.get("certainty") not in (None, *CERTAINTIES):
        raise ValueError(f"certainty {corrections['certainty']!r} is not one of {', '.join(CERTAINTIES)}")


def save_review(conn: sqlite3.Connection, target: str, target_id: str, verdict: str,
                corrections: Mapping[str, object] | None = None, note: str = "") -> None:
    """Confirm, correct or reject a record or a fact (replacing its earlier review), in one transaction.

    ``corrections`` maps a field of REVIEW_FIELDS to its reviewed value; fields left out stay as
    extracted. The digest of the evidence is kept, so a later change of the text is flagged.
    """
    corrections = {k: v for k, v in (corrections or {}).items() if v is not None}
    _check_review(target, verdict, corrections)
    row = {**dict.fromkeys(REVIEW_FIELDS), **corrections, "target": target, "target_id": target_id,
           "verdict": verdict, "note": note.strip(), "reviewed_at": datetime.now(UTC).isoformat(timespec="seconds")}
    with conn:
        row["evidence_digest"] = evidence_digest(conn, target, target_id)
        conn.execute(f"INSERT OR REPLACE INTO reviews ({', '.join(REVIEW_COLUMNS)}) "
                     f"VALUES ({', '.join('?' * len(REVIEW_COLUMNS))})", [row[c] for c in REVIEW_COLUMNS])
        _stamp(conn, "reviews_version")


def merge_reviews(conn: sqlite3.Connection, reviews: Iterable[Mapping[str, object]]) -> dict[str, int]:
    """Merge another analyst's reviews (rows with REVIEW_COLUMNS) in one transaction: a review of a
    target not reviewed here is added, a newer one replaces ours, an older or equal one is kept out.
    Returns how many were added, replaced and kept out; a malformed row raises ValueError (nothing
    is merged then)."""
    counts = {"added": 0, "replaced": 0, "older": 0}
    with conn:
        for review in reviews:
            target, target_id, verdict = (str(review.get(k) or "") for k in ("target", "target_id", "verdict"))
            corrections = {f: review.get(f) for f in REVIEW_FIELDS if review.get(f) not in (None, "")}
            _check_review(target, verdict, corrections)
            when = str(review.get("reviewed_at") or "")
            ours = conn.execute("SELECT reviewed_at FROM reviews WHERE target = ? AND target_id = ?",
                                (target, target_id)).fetchone()
            if ours and ours[0] >= when:
                counts["older"] += 1
                continue
            row = {**dict.fromkeys(REVIEW_FIELDS), **corrections, "target": target, "target_id": target_id,
                   "verdict": verdict, "note": str(review.get("note") or ""), "reviewed_at": when,
                   "evidence_digest": str(review.get("evidence_digest") or "")}
            conn.execute(f"INSERT OR REPLACE INTO reviews ({', '.join(REVIEW_COLUMNS)}) "
                         f"VALUES ({', '.join('?' * len(REVIEW_COLUMNS))})", [row[c] for c in REVIEW_COLUMNS])
            counts["replaced" if ours else "added"] += 1
        if counts["added"] or counts["replaced"]:
            _stamp(conn, "reviews_version")
    return counts


def delete_review(conn: sqlite3.Connection, target: str, target_id: str) -> None:
    """Withdraw a review: the record or fact reads as extracted again."""
    with conn:
        conn.execute("DELETE FROM reviews WHERE target = ? AND target_id = ?", (target, target_id))
        _stamp(conn, "reviews_version")


def load_reviews(conn: sqlite3.Connection) -> list[dict]:
    """Every review, with ``source``: 'unchanged', 'changed' (the reviewed sentence reads otherwise
    now) or 'missing' (no record or fact has that id any more), newest first."""
    reviews = [dict(row) for row in conn.execute(
        f"SELECT {', '.join(REVIEW_COLUMNS)} FROM reviews ORDER BY reviewed_at DESC, target, target_id")]
    for review in reviews:
        now = evidence_digest(conn, review["target"], review["target_id"])
        review["source"] = (SOURCE_MISSING if not now else
                            SOURCE_UNCHANGED if now == review["evidence_digest"] else SOURCE_CHANGED)
    return reviews
