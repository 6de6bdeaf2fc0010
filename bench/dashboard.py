"""Dashboard benchmark: what the server does on a filter change, on a store of 100,000 records.

The store recombines the records the extractor finds in the seed articles (suppliers, recipients,
places, dates and designations varied) into synthetic articles that reuse the seed texts, so
evidence offsets stay true. The steps are the dashboard's own functions (dashboard/data.py,
filters.py, figures.py, exports.py), called without Streamlit's runtime: each step a page rerun
makes, timed on its own, plus the serialisation Streamlit does before sending a chart or a table.

    .venv/bin/python bench/dashboard.py
    .venv/bin/python bench/dashboard.py --records 20000 --repeat 1
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import signal
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import closing
from dataclasses import replace
from datetime import date
from pathlib import Path

REPO_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_DIR))  # run as a script: `extract` and `dashboard` sit beside bench/

from peak_memory import peak_mb, peak_memory_method, reset_peak  # noqa: E402  (bench/ is the script's folder)

from extract import facts, pipeline, places, runner, store  # noqa: E402
from extract.lexicon import load_table  # noqa: E402
from extract.records import Record, make_record_id  # noqa: E402

SEEDS_DIR = REPO_DIR / "seeds"
# Years the synthetic records are dated in: the span the seed and dev-set articles talk about.
YEARS = (1995, 2025)
# A typical narrowing: one supplier's records over the last decade (undated records kept, the default).
TYPICAL_SUPPLIER = "RUS"
TYPICAL_RANGE = (date(2015, 1, 1), date(2024, 12, 31))
# Share of records located at a gazetteer place of the recipient rather than at its centroid.
PLACE_SHARE = 0.6
# Share of the records an analyst team has reviewed (1,000 reviews at 100,000 records).
REVIEWED_SHARE = 0.01
# Seconds beyond which a step is timed once, not warmed up and repeated (some take minutes at 100k).
SLOW_CALL = 1.0


# --- the store -------------------------------------------------------------------------------------


def seed_results() -> list[tuple[dict, list[Record]]]:
    """The seed articles (as store rows) and the records the extractor finds in them."""
    summary = runner.RunSummary()
    articles = runner.load_folder(SEEDS_DIR, summary)
    return [(article.as_row(), records) for article, records in pipeline.extract_many(articles)]


class Recombiner:
    """Draws suppliers, recipients, places, dates and designations for synthetic records."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        # Suppliers weighted like the arms trade, where a few exporters make most transfers: the
        # SIPRI ranks of data/exporters.csv, weight 1/rank.
        exporters = load_table("exporters")
        self.suppliers = [row["iso3"] for row in exporters]
        self.weights = [1 / int(row["rank"]) for row in exporters]
        self.recipients = [row["iso3"] for row in load_table("countries")]
        self.places: dict[str, list[dict]] = {}
        for row in load_table("places"):
            self.places.setdefault(row["iso3"], []).append(row)
        self.labels: dict[str, list[str]] = {}
        for row in load_table("equipment"):
            self.labels.setdefault(row["category"], []).append(row["label"])

    def pair(self) -> tuple[str, str]:
        supplier = self.rng.choices(self.suppliers, self.weights)[0]
        recipient = self.rng.choice([c for c in self.recipients if c != supplier])
        return supplier, recipient

    def place(self, iso3: str) -> tuple[str, float | None, float | None]:
        options = self.places.get(iso3)
        if options and self.rng.random() < PLACE_SHARE:
            row = self.rng.choice(options)
            return row["name"], float(row["lat"]), float(row["lon"])
        centroid = places.country_place(iso3)
        return (centroid.name, centroid.lat, centroid.lon) if centroid else ("", None, None)

    def date_like(self, original: str) -> str:
        """A random date at the original's precision (YYYY, YYYY-MM, YYYY-MM-DD or none)."""
        if not original:
            return ""
        year = self.rng.randint(*YEARS)
        parts = [f"{year}", f"{self.rng.randint(1, 12):02d}", f"{self.rng.randint(1, 28):02d}"]
        return "-".join(parts[: len(original.split("-"))])

    def label(self, record: Record) -> str:
        pool = self.labels.get(record.category) if record.kind == "item" else None
        return self.rng.choice(pool) if pool else record.label


def vary(record: Record, article_id: str, pair: tuple[str, str], draw: Recombiner) -> Record:
    """The seed record moved into a synthetic article, about another pair, place, date and system."""
    supplier, recipient = (pair[0] if record.supplier else ""), (pair[1] if record.recipient else "")
    location, lat, lon = draw.place(recipient) if record.location else ("", None, None)
    label = draw.label(record)
    moved = replace(record, article_id=article_id, label=label, supplier=supplier, recipient=recipient,
                    date=draw.date_like(record.date), location=location, lat=lat, lon=lon,
                    record_id=make_record_id(article_id, record.kind, label, record.char_start, supplier, recipient))
    moved.fact_id = facts.fact_id(moved)
    return moved


def build_store(db: Path, n_records: int, seed: int) -> int:
    """A store of about ``n_records`` records (whole synthetic articles) with their facts; returns
    the number of records saved."""
    draw = Recombiner(random.Random(seed))
    seeds = seed_results()
    results, total = [], 0
    while total < n_records:
        row, records = seeds[len(results) % len(seeds)]
        article_id = f"synthetic_{len(results):06d}_{row['article_id']}"
        pair = draw.pair()
        varied = {r.record_id: r for r in (vary(rec, article_id, pair, draw) for rec in records)}
        results.append(({**row, "article_id": article_id, "path": ""}, list(varied.values())))
        total += len(varied)
    with closing(store.connect(db)) as conn:
        store.save_articles(conn, results)
        store.rebuild_facts(conn)
    return total


# --- measuring -------------------------------------------------------------------------------------


def timed(fn: Callable, repeat: int) -> tuple[float, object]:
    """Median seconds of ``repeat`` calls after one warm-up call (a rerun finds imports and caches
    warm), and the last result. A call slower than SLOW_CALL is timed once: warming up is lost in it."""
    start = time.perf_counter()
    result = fn()
    if time.perf_counter() - start > SLOW_CALL:
        return time.perf_counter() - start, result
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


# --- the steps of a rerun --------------------------------------------------------------------------


def load_dashboard():
    """The dashboard's modules, imported without starting Streamlit (importing is side-effect free)."""
    from dashboard import data, exports, figures, filters, panels

    return data, exports, figures, filters, panels


def read_store(data, db: Path):
    """The store as the app's DataFrames: ``read_tables``, or the cached loader's undecorated body."""
    if hasattr(data, "read_tables"):
        return data.read_tables(db)
    return data.load_tables.__wrapped__(str(db), "")


def arrow_bytes(df) -> bytes:
    """What st.dataframe sends: the frame as Arrow IPC bytes (Streamlit's own converter)."""
    from streamlit.dataframe_util import convert_pandas_df_to_arrow_bytes

    return convert_pandas_df_to_arrow_bytes(df)


def table_steps(filtered, state, exports, filters, panels) -> dict[str, Callable]:
    """The tables panel on a rerun: per tab (all, items, deployments, agreements) the Arrow table
    and the download file names. The files themselves are made when a button is clicked (timed
    apart, by download_steps)."""
    steps = {}
    for title, kind in panels.TABLE_TABS:
        rows = filtered if kind is None else filtered[filtered["kind"] == kind]
        tab_state = state if kind is None else replace(state, kind=(kind,))
        steps[f"table {title}: Arrow"] = lambda rows=rows, s=tab_state: (arrow_bytes(rows), filters.export_filename(s))
    return steps


def download_steps(filtered, exports) -> dict[str, Callable]:
    """What a click on the All records tab's buttons costs: the CSV and the GeoJSON of the rows."""
    return {"on click: CSV of the shown records": lambda: exports.records_csv(filtered),
            "on click: GeoJSON of the shown records": lambda: exports.records_geojson(filtered)}


def rerun_steps(tables, state, modules, outlines) -> list[tuple[str, Callable, str]]:
    """Every step of a rerun after a filter change, in page order: (label, zero-argument callable,
    the method of its result that Streamlit calls to send it, or ''). The reviewed tables are shared
    by st.cache_resource (no copy on a hit); the figures are drawn from the facts, as the page does."""
    data, exports, figures, filters, panels = modules
    from dashboard import consolidate

    df = tables.records
    filtered = filters.apply_filters(df, state)
    facts = consolidate.consolidate(filtered)
    steps = [
        ("sidebar: facet counts", lambda: filters.counts_under_other_facets(df, state), ""),
        ("apply_filters", lambda: filters.apply_filters(df, state), ""),
        ("consolidate into facts", lambda: consolidate.consolidate(filtered), ""),
        ("map: build_map_deck", lambda: figures.build_map_deck(facts, outlines), "to_json"),
        ("alliances: build_alliance_figure", lambda: figures.build_alliance_figure(facts), "to_json"),
        ("timeline: build_timeline_figure", lambda: figures.build_timeline_figure(facts), "to_json"),
        ("facts table: Arrow", lambda: arrow_bytes(facts), ""),
    ]
    return steps + [(label, fn, "") for label, fn in table_steps(filtered, state, exports, filters, panels).items()]


def add_reviews(db: Path, records, share: float, seed: int) -> int:
    """Review a share of the records as an analyst team would: mostly confirmed, some corrected or
    rejected, a tenth of them through their fact."""
    rng = random.Random(seed)
    chosen = records.sample(frac=share, random_state=seed)
    with closing(store.connect(db)) as conn:
        for record_id, fact_id in zip(chosen["record_id"], chosen["fact_id"], strict=True):
            verdict = rng.choices(("confirmed", "corrected", "rejected"), weights=(6, 3, 1))[0]
            corrections = {"status": rng.choice(("delivered", "planned", "agreed"))} if verdict == "corrected" else {}
            if rng.random() < 0.1 and fact_id:
                store.save_review(conn, "fact", fact_id, verdict, corrections)
            else:
                store.save_review(conn, "record", record_id, verdict, corrections)
    return len(chosen)


def reviewed(data, db: Path, tables):
    """What the app's reviewed_tables does on a miss: the reviews read and applied to the records."""
    from dashboard import reviews

    found = data.read_reviews(db)
    return data.Tables(reviews.apply_reviews(tables.records, found), tables.articles, tables.facts, found)


class StepTimeout(Exception):
    pass


def _alarm(signum, frame):
    raise StepTimeout


def capped(fn: Callable, repeat: int, limit: float) -> tuple[float | None, object]:
    """``timed``, stopped after ``limit`` seconds (None then): one slow step must not hold up the rest."""
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, limit)
    try:
        return timed(fn, repeat)
    except StepTimeout:
        return None, None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def bench_state(name: str, state, tables, modules, outlines, args: argparse.Namespace, method: str) -> None:
    """Time each step of a rerun under ``state``; print the steps and the server-side total."""
    shown = len(modules[3].apply_filters(tables.records, state))
    print(f"\n== filter change: {name} ({shown:,} of {len(tables.records):,} records shown)")
    reset_peak(method)
    total, stopped = 0.0, False
    for label, fn, send in rerun_steps(tables, state, modules, outlines):
        seconds, result = capped(fn, args.repeat, args.step_limit)
        report(label, seconds, args.step_limit)
        total += seconds or args.step_limit
        stopped |= seconds is None
        if send and result is not None:
            seconds, _ = capped(getattr(result, send), args.repeat, args.step_limit)
            report(f"{label.split(':')[0]}: {send} (what Streamlit sends)", seconds, args.step_limit)
            total += seconds or args.step_limit
    at_least = "at least " if stopped else ""
    print(f"  {'total server-side':<52} {at_least}{total:.3f} s   peak RSS during the rerun {peak_mb(method):,.0f} MB",
          flush=True)
    filtered = modules[3].apply_filters(tables.records, state)
    for label, fn in download_steps(filtered, modules[1]).items():
        seconds, _ = capped(fn, 1, args.step_limit)
        report(label, seconds, args.step_limit)


def report(label: str, seconds: float | None, limit: float) -> None:
    shown = f"{seconds:8.3f} s" if seconds is not None else f"> {limit:.0f} s (stopped)"
    print(f"  {label:<52} {shown}", flush=True)


# --- command line ----------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=100_000, help="records in the synthetic store (default 100000)")
    parser.add_argument("--repeat", type=int, default=3, help="timed repeats per step after a warm-up call; the median is shown (default 3)")
    parser.add_argument("--seed", type=int, default=2024, help="random seed of the store (the same seed gives the same store)")
    parser.add_argument("--step-limit", type=float, default=120, help="seconds after which a step is stopped and reported as slower (default 120)")
    parser.add_argument("--db", type=Path, help="keep the store at this path and reuse it when it exists (default: a temporary file)")
    return parser


def main(argv: list[str] | None = None) -> None:
    args = build_parser().parse_args(argv)
    method = peak_memory_method()
    work = Path(tempfile.mkdtemp(prefix="bench_dashboard_"))
    db = args.db or work / "store.sqlite"
    try:
        if not db.exists():
            start = time.perf_counter()
            n = build_store(db, args.records, args.seed)
            print(f"built a store of {n:,} records in {time.perf_counter() - start:.1f} s: {db}")
        modules = load_dashboard()
        data, _, figures, filters, _ = modules
        reset_peak(method)
        seconds, tables = timed(lambda: read_store(data, db), 1)
        print(f"load the store into DataFrames (read_tables): {seconds:.2f} s, {len(tables.records):,} records, "
              f"{len(tables.articles):,} articles, {len(tables.facts):,} facts; peak RSS {peak_mb(method):,.0f} MB", flush=True)
        n_reviews = add_reviews(db, tables.records, REVIEWED_SHARE, args.seed)
        reset_peak(method)
        seconds, tables = timed(lambda: reviewed(data, db, tables), 1)
        print(f"{n_reviews:,} reviews saved; read them and apply them to the records (once per review saved): "
              f"{seconds:.2f} s; peak RSS {peak_mb(method):,.0f} MB", flush=True)
        outlines = figures.prepare_outlines(places.load_country_outlines())
        typical = filters.FilterState(supplier=(TYPICAL_SUPPLIER,), date_from=TYPICAL_RANGE[0], date_to=TYPICAL_RANGE[1])
        for name, state in ((f"supplier {TYPICAL_SUPPLIER}, {TYPICAL_RANGE[0]} to {TYPICAL_RANGE[1]}", typical),
                            ("reset to all records", filters.FilterState())):
            bench_state(name, state, tables, modules, outlines, args, method)
        print(f"\npeak memory: {'VmHWM, reset before each phase' if method == 'VmHWM' else 'ru_maxrss, process lifetime'}; "
              f"process lifetime max {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
