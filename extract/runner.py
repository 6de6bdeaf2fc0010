"""Runs over a folder of articles: read and check the files, extract the new or changed ones (here or
on a Dask cluster), store them in one transaction, and write records.csv and facts.csv atomically;
and one uploaded or pasted article into the store.

A run extracts only articles whose content hash changed; what the article pipeline does with one
article is extract/pipeline.py's.
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from . import limits, store
from .articles import (
    ARTICLE_SUFFIXES,
    Article,
    ArticleError,
    article_from_bytes,
    assign_article_ids,
    find_article_files,
    read_article,
    read_metadata,
    scan_folder,
)
from .lexicon import data_version
from .pipeline import Progress, extract_many, extract_within_budget
from .records import COLUMNS, table_to_csv, write_atomic


@dataclass
class RunSummary:
    """What a run did: articles read, extracted and unchanged, records by kind, files skipped."""

    articles: int = 0
    extracted: int = 0
    unchanged: int = 0
    records_by_kind: dict[str, int] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def line(self) -> str:
        """The one-line summary every run ends with."""
        kinds = ", ".join(f"{n} {k}s" for k, n in sorted(self.records_by_kind.items())) or "no records"
        return (f"{self.articles} articles ({self.extracted} extracted, {self.unchanged} unchanged), "
                f"records: {kinds}; skipped files: {len(self.skipped)}")


def load_folder(folder: Path, summary: RunSummary) -> list[Article]:
    """Read every article of a folder; unreadable files, links out of the folder and bad rows of
    articles.csv are skipped with a reason in the summary."""
    meta, problems = read_metadata(folder)
    summary.skipped.extend(problems)
    paths, refused = scan_folder(folder)
    summary.skipped.extend(refused)
    ids, clashes = assign_article_ids(paths)
    summary.warnings.extend(clashes)
    articles = []
    for path in paths:
        try:
            article = read_article(path, meta.get(ids[path], meta.get(path.stem)), ids[path])
        except (ArticleError, OSError) as err:
            summary.skipped.append(str(err) if isinstance(err, ArticleError) else f"{path.name}: {err.strerror}")
            continue
        articles.append(article)
    return articles


def run(articles_dir: Path, out_dir: Path | None = None, db_path: Path = store.DEFAULT_DB,
        progress: Progress | None = None, engine: str = "local", scheduler: str | None = None,
        workers: int | None = None, budget: float | None = limits.DEFAULT_BUDGET_SECONDS) -> RunSummary:
    """Extract new or changed articles of a folder into the store, each within ``budget`` seconds
    (one over it is skipped); write the CSVs when asked."""
    summary = RunSummary()
    articles = load_folder(Path(articles_dir), summary)
    summary.articles = len(articles)
    check_writable(out_dir)  # before the store changes: a run either writes both, or neither
    conn = store.connect(db_path)
    try:
        keep_uploads(articles, store.uploaded_ids(conn), summary)
        known = store.known_hashes(conn)
        todo = [a for a in articles if known.get(a.article_id) != a.content_hash]
        summary.unchanged = len(articles) - len(todo)
        if engine == "dask":
            from .engine import extract_with_dask
            results = extract_with_dask(todo, scheduler=scheduler, workers=workers, progress=progress,
                                        budget=budget, skipped=summary.skipped)
        else:
            results = extract_many(todo, progress, budget, summary.skipped)
        done = {a.article_id: a for a, _ in results}
        summary.warnings.extend(w for a in articles for w in done.get(a.article_id, a).warnings)
        summary.extracted = store.save_articles(conn, ((a.as_row(), recs) for a, recs in results))
        if store.extractor_digest(conn) != data_version():  # written once per upgrade: a run that changes nothing touches nothing
            store.set_extractor_digest(conn, data_version())
        if summary.extracted or not outputs_current(out_dir, Path(db_path)):
            write_outputs_after_store(conn, out_dir, summary, Path(db_path))
        else:
            summary.records_by_kind = store.count_by_kind(conn)
    finally:
        conn.close()
    return summary


def keep_uploads(articles: list[Article], uploaded: set[str], summary: RunSummary) -> None:
    """A file whose id an uploaded article already holds takes its whole file name as its id (with a
    warning), as two files sharing a stem do: a folder run never replaces an upload."""
    for article in articles:
        if article.article_id in uploaded:
            name = Path(article.path).name
            summary.warnings.append(f"{name}: an uploaded article holds the id {article.article_id!r}; "
                                    f"this file's article id is {name!r}")
            article.article_id = name


class OutputError(Exception):
    """OUT_DIR cannot be written; the message says whether the store was changed."""


def check_writable(out_dir: Path | None) -> None:
    """Raise OutputError when records.csv and facts.csv could not be written into ``out_dir``."""
    if out_dir is None:
        return
    try:
        Path(out_dir).mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=out_dir):
            pass
    except OSError as err:
        raise OutputError(f"cannot write to {out_dir} ({err.strerror or err}); nothing was changed") from None


def write_outputs_after_store(conn, out_dir: Path | None, summary: RunSummary, db_path: Path) -> None:
    """write_outputs, saying that the store was written when the CSVs then fail."""
    try:
        write_outputs(conn, out_dir, summary)
    except OSError as err:
        raise OutputError(f"the store {db_path} was updated, but records.csv and facts.csv could not be "
                          f"written to {out_dir} ({err.strerror or err})") from None


def outputs_current(out_dir: Path | None, db_path: Path) -> bool:
    """Whether records.csv and facts.csv were written after the store last changed: a run that
    extracts nothing then need not rewrite 200,000 rows."""
    if out_dir is None:
        return True
    paths = [Path(out_dir) / "records.csv", Path(out_dir) / "facts.csv"]
    return all(p.exists() for p in paths) and min(p.stat().st_mtime_ns for p in paths) >= db_path.stat().st_mtime_ns


def write_outputs(conn, out_dir: Path | None, summary: RunSummary) -> None:
    """records.csv and facts.csv of the whole store; the summary counts records by kind."""
    summary.records_by_kind = store.count_by_kind(conn)
    if out_dir is None:
        return
    out_dir = Path(out_dir)
    write_atomic(out_dir / "records.csv", table_to_csv(COLUMNS, store.iter_record_rows(conn), neutralise=False))
    write_atomic(out_dir / "facts.csv", table_to_csv(store.FACT_COLUMNS, store.iter_fact_rows(conn), neutralise=False))


def ingest_text(name: str, data: bytes, db_path: Path = store.DEFAULT_DB, meta: dict | None = None,
                budget: float | None = limits.DEFAULT_BUDGET_SECONDS) -> RunSummary:
    """Extract one uploaded or pasted article into the store; ArticleError (and no change) when it
    cannot be taken. Its id is its cleaned name; when an article of that id with other text is
    stored, it gets a new id (said in a warning), never replaces it; the same text again is
    "unchanged" (re-extracted only when its metadata or the extractor changed)."""
    meta = {k: v for k, v in (meta or {}).items() if v}
    path = Path(name)
    if path.suffix.lower() not in ARTICLE_SUFFIXES:
        raise ArticleError(name, f"unsupported file type {path.suffix or '(none)'}; use .txt, .md or .html")
    if meta.get("published"):
        try:
            date.fromisoformat(meta["published"])
        except ValueError:
            raise ArticleError(name, f"publication date {meta['published']!r} is not YYYY-MM-DD") from None
    article = article_from_bytes(name, data, "", meta, path=f"upload:{name}")
    conn = store.connect(db_path)
    try:
        summary = RunSummary(articles=1, warnings=list(article.warnings))
        article.article_id, stored = upload_id(conn, path.stem, article.text)
        if article.article_id != _safe_id(path.stem, article.text):
            summary.warnings.append(f"{name}: an article with the same name and other text is already stored; "
                                    f"this one is stored as {article.article_id!r}")
        if stored and stored["content_hash"] == article.content_hash:
            summary.unchanged = 1
        else:
            records = extract_within_budget(article, budget)
            summary.warnings.extend(w for w in article.warnings if w not in summary.warnings)
            summary.extracted = store.save_articles(conn, [(article.as_row(), records)])
        write_outputs(conn, None, summary)
    finally:
        conn.close()
    return summary


def upload_id(conn, stem: str, text: str) -> tuple[str, dict | None]:
    """An upload's article id, and the stored article of that id if it holds the same text: its
    cleaned name, else that name with a digest of its text (never another text's id)."""
    base = _safe_id(stem, text)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    for candidate in (base, f"{base}-{digest[:8]}", f"{base}-{digest}"):
        stored = store.stored_article(conn, candidate)
        if stored is None or stored["text"] == text:
            return candidate, stored
    raise ArticleError(stem, "its name and the digest of its text are taken by other articles")  # never seen: a SHA-256 clash


def _safe_id(stem: str, text: str) -> str:
    """A file-name-safe article id for an upload: its name, or a content hash when it has none."""
    clean = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in stem).strip("_")[:80]
    return clean or "upload_" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def needs_extraction(articles_dir: Path, db_path: Path) -> bool:
    """True when the store is missing or empty, was extracted by other rules or lexicons, or is older
    than an article or the metadata file."""
    db_path = Path(db_path)
    if not db_path.exists():
        return True
    conn = store.connect(db_path)
    try:
        if not store.known_hashes(conn) or store.extractor_digest(conn) != data_version():
            return True  # an upgraded extractor re-reads every stored article, as their hashes say
    finally:
        conn.close()
    stamp = db_path.stat().st_mtime
    files: Iterable[Path] = list(find_article_files(Path(articles_dir))) + [Path(articles_dir) / "articles.csv"]
    return any(p.exists() and p.stat().st_mtime > stamp for p in files)
