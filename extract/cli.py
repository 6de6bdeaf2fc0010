"""Command line: python -m extract ARTICLES_DIR --out OUT_DIR [--db PATH] [--engine local|dask] [--budget S]."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

from tqdm import tqdm

from . import limits, pipeline, store

EXIT_OK, EXIT_SKIPPED, EXIT_ERROR = 0, 3, 2


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, with help for every option."""
    parser = argparse.ArgumentParser(
        prog="python -m extract",
        description="Extract military items, deployments and agreements from news articles into "
                    "records.csv, facts.csv and the SQLite store the dashboard reads.",
        epilog="Exit status: 0 all articles read; 3 some files were skipped (see messages); 2 error.",
    )
    parser.add_argument("articles_dir", type=Path, help="folder of .txt, .md and .html articles (optional articles.csv beside them)")
    parser.add_argument("--out", type=Path, help="folder to write records.csv and facts.csv into")
    parser.add_argument("--db", type=Path, default=store.DEFAULT_DB, help=f"SQLite store (default {store.DEFAULT_DB})")
    parser.add_argument("--engine", choices=("local", "dask"), default="local", help="run here, or across a Dask cluster")
    parser.add_argument("--scheduler", help="address of an existing Dask scheduler (tcp://host:8786); default: a LocalCluster")
    parser.add_argument("--workers", type=int, help="workers of the LocalCluster (--engine dask without --scheduler)")
    parser.add_argument("--budget", type=_seconds, default=limits.DEFAULT_BUDGET_SECONDS, metavar="SECONDS",
                        help=f"time allowed per article; one that takes longer is skipped with a message "
                             f"(default {limits.DEFAULT_BUDGET_SECONDS:g}; 0 for no limit)")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    return parser


def _seconds(value: str) -> float | None:
    seconds = float(value)
    if seconds < 0:
        raise argparse.ArgumentTypeError("must be 0 (no limit) or more")
    return seconds or None


def main(argv: list[str] | None = None) -> int:
    """Run the extractor; returns the exit status."""
    args = build_parser().parse_args(argv)
    if not args.articles_dir.is_dir():
        print(f"error: {args.articles_dir} is not a folder", file=sys.stderr)
        return EXIT_ERROR
    bar = None if args.quiet else tqdm(total=0, unit="article", desc="extracting", file=sys.stderr, leave=False)

    def progress(done: int, total: int) -> None:
        if bar is not None:
            bar.total = total
            bar.n = done
            bar.refresh()

    try:
        summary = pipeline.run(args.articles_dir, args.out, args.db, progress=progress, engine=args.engine,
                               scheduler=args.scheduler, workers=args.workers, budget=args.budget)
    except sqlite3.Error as err:
        print(f"error: the store {args.db}: {err}", file=sys.stderr)
        return EXIT_ERROR
    except Exception as err:  # a clean message, never a traceback, for a user's bad input or setup
        print(f"error: {err}", file=sys.stderr)
        return EXIT_ERROR
    finally:
        if bar is not None:
            bar.close()
    for message in summary.warnings:
        print(f"warning: {message}", file=sys.stderr)
    for message in summary.skipped:
        print(f"skipped: {message}", file=sys.stderr)
    print(summary.line())
    return EXIT_SKIPPED if summary.skipped else EXIT_OK
