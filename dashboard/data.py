"""Loading the store into DataFrames (cached on the store's last change), and the two ways data gets
into it from the dashboard: extracting the articles folder, and adding an uploaded or pasted article.
The dashboard never reads article text itself; ``extract`` does, and this module reads the store.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import tempfile
import threading
from collections.abc import Callable
from contextlib import closing
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pandas as pd
import streamlit as st

from extract import places, runner, store
from extract.articles import HTML_SUFFIXES, ArticleError, decode_article_bytes, html_to_text
from extract.records import COLUMNS, Record

from . import reviews
from .figures import prepare_outlines
from .filters import date_span, facet_options

REPO_DIR = Path(__file__).resolve().parent.parent
DEFAULT_ARTICLES = REPO_DIR / "seeds"
SCORES_DIR = REPO_DIR / "data"
# The measured scores, most telling first: text the rules were never written on comes before text
# written for the project, and the seeds (a mirror of the rules) come last.
SCORE_SETS = {
    "real": "Real-text dev set: news articles as published, hand-coded",
    "devset": "Invented dev set: twelve wire-style articles written for the project",
    "fresh": "Fresh set: six invented articles in other outlets' styles",
    "fresh2": "Second fresh set: six more, written the same way",
    "fresh3": "Third fresh set: five more, written the same way",
    "fresh4": "Fourth fresh set: six more, written the same way",
    "seed": "Seed articles: the demo corpus the first rules were written on",
}
EMPTY_OUTLINES: dict = {"type": "FeatureCollection", "features": []}

_TEXT_COLUMNS = [c for c in COLUMNS if c not in ("quantity", "lat", "lon", "char_start", "char_end", "date_inferred")]


@dataclass
class Tables:
    """What the store holds, as DataFrames: records (with date spans), articles, facts, and reviews."""

    records: pd.DataFrame
    articles: pd.DataFrame
    facts: pd.DataFrame
    reviews: pd.DataFrame = field(default_factory=lambda: reviews.reviews_frame([]))
    # Each facet's values over the whole store: made once with the tables, not on every rerun.
    facet_options: dict[str, list[str]] = field(init=False)

    def __post_init__(self) -> None:
        self.facet_options = facet_options(self.records)
        # every review state is offered, even one no record has yet (rejected (0))
        self.facet_options["review"] = list(reviews.REVIEW_STATES)


@dataclass
class UploadOutcome:
    """What became of one uploaded or pasted article."""

    name: str
    ok: bool
    message: str


def db_path() -> Path:
    """The store the app reads: ``TRACKER_DB``, else the project's default store."""
    return Path(os.environ.get("TRACKER_DB") or store.DEFAULT_DB)


SESSION_STORE_KEY = "_session_store"


def readonly() -> bool:
    """``TRACKER_READONLY=1``: a public demo, where a visitor's uploads and reviews stay in their session."""
    return os.environ.get("TRACKER_READONLY", "").strip().lower() in ("1", "true", "yes")


def current_store(shared: Path) -> Path:
    """The store this session reads: its own copy once it has written in read-only mode, else ``shared``."""
    copy = st.session_state.get(SESSION_STORE_KEY)
    return Path(copy) if readonly() and copy else shared


def writable_store(path: Path) -> Path:
    """Where this session may write. In read-only mode, never the shared store: the first write of
    a session copies it (SQLite's backup, consistent while others read it) to a private temporary
    file that the session reads and writes from then on; it is gone with the machine's temp files."""
    if not readonly():
        return path
    copy = st.session_state.get(SESSION_STORE_KEY)
    if copy:
        return Path(copy)
    target = Path(tempfile.mkdtemp(prefix="tracker-session-")) / "store.sqlite"
    with closing(sqlite3.connect(path)) as source, closing(sqlite3.connect(target)) as private:
        source.backup(private)
    st.session_state[SESSION_STORE_KEY] = str(target)
    return target


def articles_dir() -> Path:
    """The articles folder the app extracts: ``TRACKER_ARTICLES``, else the seed corpus."""
    return Path(os.environ.get("TRACKER_ARTICLES") or DEFAULT_ARTICLES)


def records_frame(records: list[Record]) -> pd.DataFrame:
    """Records as a typed DataFrame in contract column order, plus each date's span and precision."""
    df = pd.DataFrame([asdict(r) for r in records], columns=list(COLUMNS))
    for column in _TEXT_COLUMNS:
        df[column] = df[column].fillna("").astype(str)
    df["quantity"] = df["quantity"].astype("Int64")
    df["lat"] = df["lat"].astype("float64")
    df["lon"] = df["lon"].astype("float64")
    df["char_start"] = df["char_start"].astype("int64")
    df["char_end"] = df["char_end"].astype("int64")
    df["date_inferred"] = df["date_inferred"].astype(bool)
    spans = [date_span(d) for d in df["date"]]
    df["date_start"] = pd.to_datetime(pd.Series([s[0] for s in spans], index=df.index, dtype="object"))
    df["date_end"] = pd.to_datetime(pd.Series([s[1] for s in spans], index=df.index, dtype="object"))
    df["precision"] = [s[2] for s in spans]
    return df


def read_tables(path: Path) -> Tables:
    """Read the whole store (the corpus is small: hundreds of articles, thousands of records)."""
    with closing(store.connect(path)) as conn:
        records = store.load_records(conn)
        articles = pd.DataFrame(store.load_articles(conn), columns=list(store.ARTICLE_COLUMNS))
        facts = pd.DataFrame(store.load_facts(conn), columns=list(store.FACT_COLUMNS))
    articles = articles.fillna("")
    frame = records_frame(records)
    # the tables name an article by its title, not its file name (the id stays in the exports)
    titles = articles.set_index("article_id")["title"]
    frame["article_title"] = frame["article_id"].map(titles).fillna("").where(lambda t: t != "", frame["article_id"])
    return Tables(frame, articles, facts)


def store_version(path: Path) -> str:
    """A key that changes whenever the store's articles or records do (not its reviews): the stamp
    the store keeps to the microsecond; a store written before it had one falls back to its update
    time (one-second resolution) plus the file's modification time."""
    stamp = store.updated_at(path, "records_version")
    if stamp:
        return stamp
    return f"{store.updated_at(path)}|{path.stat().st_mtime_ns if path.exists() else 0}"


def reviews_version(path: Path) -> str:
    """A key that changes whenever a review is saved or withdrawn."""
    return store.updated_at(path, "reviews_version")


@st.cache_data(show_spinner="Reading the store…", max_entries=4)
def load_tables(path: str, version: str) -> Tables:
    """The store's tables; ``version`` (see store_version) is only the cache key."""
    return read_tables(Path(path))


def read_reviews(path: Path) -> pd.DataFrame:
    """The analysts' reviews, with whether each one's evidence changed since."""
    if not path.exists():
        return reviews.reviews_frame([])
    with closing(store.connect(path)) as conn:
        return reviews.reviews_frame(store.load_reviews(conn))


@st.cache_data(show_spinner=False, max_entries=4)
def load_reviews(path: str, version: str, records_version: str) -> pd.DataFrame:
    """The reviews; both versions are only the cache key (a re-extraction can change "source changed")."""
    return read_reviews(Path(path))


# Shared, read-only tables (cache_resource hands out the object itself, not a copy): unpickling
# 100,000 reviewed records on every rerun would cost a tenth of a second. Callers filter them, which
# makes new frames; nothing writes into them.
@st.cache_resource(show_spinner="Applying the reviews…", max_entries=2)
def reviewed_tables(path: str, version: str, reviews_key: str) -> Tables:
    """The store's tables with the reviews applied to the records (``reviews.apply_reviews``);
    the arguments are only the cache key."""
    tables = load_tables(path, version)
    found = load_reviews(path, reviews_key, version)
    return Tables(reviews.apply_reviews(tables.records, found), tables.articles, tables.facts, found)


def save_review(path: Path, target: str, target_id: str, verdict: str, corrections: dict | None = None,
                note: str = "") -> None:
    """Store one review (the store checks its values); in read-only mode, in the session's copy."""
    with closing(store.connect(writable_store(path))) as conn:
        store.save_review(conn, target, target_id, verdict, corrections, note)


def merge_reviews(path: Path, rows: list[dict]) -> dict[str, int]:
    """Merge reviews read from a team-mate's CSV (newer wins); in read-only mode, into the session's copy."""
    with closing(store.connect(writable_store(path))) as conn:
        return store.merge_reviews(conn, rows)


def withdraw_review(path: Path, target: str, target_id: str) -> None:
    with closing(store.connect(writable_store(path))) as conn:
        store.delete_review(conn, target, target_id)


@st.cache_resource(show_spinner=False)
def load_outlines() -> dict:
    """Country outlines for the offline map, lightened (an empty collection when the file is missing)."""
    try:
        return prepare_outlines(places.load_country_outlines())
    except FileNotFoundError:
        return EMPTY_OUTLINES  # the map still shows points and arcs, only without the coastlines


def country_label(iso3: str) -> str:
    """``RUS · Russia`` for a facet option (the bare code when the gazetteer does not know it)."""
    name = places.country_name(iso3)
    return iso3 if not name or name == iso3 else f"{iso3} · {name}"


@dataclass
class Score:
    """One measured score file (``eval/score.py --json``): which set, its figures, when and by what."""

    name: str
    title: str
    figures: dict
    measured: str
    extractor_version: str


def read_scores(folder: Path | None = None) -> list[Score]:
    """Every ``*_score.json`` of ``folder`` (default data/), in SCORE_SETS order, then any others;
    a file that is not a score (unreadable, no F1) is left out."""
    folder = folder or SCORES_DIR
    scores = []
    for path in folder.glob("*_score.json"):
        try:
            figures = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            continue
        if not isinstance(figures, dict) or "f1" not in figures:
            continue
        name = path.name.removesuffix("_score.json")
        scores.append(Score(name, SCORE_SETS.get(name, name), figures,
                            str(figures.get("measured") or committed_on(path) or "date not recorded"),
                            str(figures.get("extractor_version") or "not recorded")))
    rank = {name: i for i, name in enumerate(SCORE_SETS)}
    return sorted(scores, key=lambda s: (rank.get(s.name, len(rank)), s.name))


# A score file dropped into data/ shows within a minute, without a restart.
@st.cache_data(show_spinner=False, ttl=60)
def load_scores(folder: str) -> list[Score]:
    return read_scores(Path(folder))


def committed_on(path: Path) -> str:
    """The day the file was last committed (its measurement, for a score the Makefile writes), or ''
    outside a git checkout: a file's modification time would be the day it was cloned."""
    try:
        done = subprocess.run(["git", "log", "-1", "--format=%cs", "--", path.name], cwd=path.parent,
                              capture_output=True, text=True, timeout=5, check=False)
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


@st.cache_resource(show_spinner=False)
def extraction_lock() -> threading.Lock:
    """One lock per server process: two readers opening a fresh app must not both extract the seeds."""
    return threading.Lock()


def needs_extraction(folder: Path, path: Path) -> bool:
    """True when the store is missing, empty or older than the articles in ``folder``."""
    return folder.is_dir() and runner.needs_extraction(folder, path)


def extract_articles(folder: Path, path: Path, progress: Callable[[int, int], None] | None = None
                     ) -> runner.RunSummary:
    """Extract new or changed articles of ``folder`` into the store; returns the pipeline's summary."""
    return runner.run(folder, None, path, progress=progress)


def ingest_uploads(files: list[tuple[str, bytes]], path: Path, meta: dict | None = None) -> list[UploadOutcome]:
    """Add each uploaded file to the store; a file that is not an article is refused and changes nothing."""
    outcomes = []
    for name, data in files:
        stored = stored_copy(name, data, path)
        if stored:
            known = stored["title"] or stored["article_id"]
            outcomes.append(UploadOutcome(name, True, f"{name}: already stored, nothing new (as “{known}”; "
                                                      "its title, source and date are kept)"))
            continue
        try:
            summary = runner.ingest_text(name, data, writable_store(path), meta=meta)
        except ArticleError as err:
            outcomes.append(UploadOutcome(name, False, str(err)))
            continue
        outcomes.append(UploadOutcome(name, True, describe_summary(name, summary)))
    return outcomes


def stored_copy(name: str, data: bytes, path: Path) -> dict | None:
    """The stored article whose text this upload would give, if any: adding it again would only
    replace the metadata entered the first time. (The text is made by ``extract``, as for a new one.)"""
    try:
        text = decode_article_bytes(data, name)
        if Path(name).suffix.lower() in HTML_SUFFIXES:
            text = html_to_text(text)[0]
    except ArticleError:
        return None  # not an article: ingest says why
    if not text.strip() or not path.exists():
        return None
    with closing(store.connect(path)) as conn:
        return store.find_article_by_text(conn, text)


def remove_article(path: Path, article_id: str) -> int:
    """Remove an article and its records (in read-only mode, from the session's copy)."""
    with closing(store.connect(writable_store(path))) as conn:
        return store.delete_article(conn, article_id)


def pasted_name(text: str) -> str:
    """A stable file name for pasted text: pasting the same text twice replaces, never duplicates."""
    return f"pasted-{hashlib.sha1(text.encode('utf-8')).hexdigest()[:12]}.txt"


def describe_summary(name: str, summary: runner.RunSummary) -> str:
    """``name: added; the store now holds 14 records (9 items, 3 deployments, 2 agreements)``, or
    ``name: already stored; nothing changed``; then what the extractor noted (a new id, a cut)."""
    if summary.unchanged:
        text = f"{name}: already stored; nothing changed"
    else:
        by_kind = {k: n for k, n in summary.records_by_kind.items() if n}
        total = sum(by_kind.values())
        detail = ", ".join(f"{n} {kind}{'s' if n != 1 else ''}" for kind, n in by_kind.items())
        text = f"{name}: added; the store now holds {total} record{'s' if total != 1 else ''}"
        text += f" ({detail})" if detail else ""
    notes = [w.removeprefix(f"{name}: ") for w in summary.warnings]
    return text + "".join(f"; {note}" for note in notes)
