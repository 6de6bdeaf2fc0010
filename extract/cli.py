"""Command line: ``python -m extract ARTICLES_DIR --out OUT_DIR [--db PATH] [--engine local|dask] [--budget S]``, and the
installed console script ``arms-tracker extract ARTICLES_DIR ...`` with the same arguments."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

from tqdm import tqdm

from . import lexicon, limits, runner, store

EXIT_OK, EXIT_SKIPPED, EXIT_ERROR = 0, 3, 2
DESCRIPTION = ("Extract military items, deployments and agreements from news articles into records.csv, "
               "facts.csv and the SQLite store the dashboard reads.")
EPILOG = "Exit status: 0 all articles read; 3 some files were skipped (see messages); 2 error."


def add_extract_arguments(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Give ``parser`` the extractor's arguments (one list for ``python -m extract`` and ``arms-tracker extract``)."""
    parser.add_argument("articles_dir", type=Path, help="folder of .txt, .md and .html articles (optional articles.csv beside them)")
    parser.add_argument("--out", type=Path, help="folder to write records.csv and facts.csv into")
    parser.add_argument("--db", type=Path, default=store.DEFAULT_DB, help=f"SQLite store (default {store.DEFAULT_DB})")
    parser.add_argument("--engine", choices=("local", "dask"), default="local", help="run here, or across a Dask cluster")
    parser.add_argument("--scheduler", help="address of an existing Dask scheduler (tcp://host:8786); default: a LocalCluster")
    parser.add_argument("--workers", type=int, help="workers of the LocalCluster (--engine dask without --scheduler)")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.add_argument("--budget", type=_seconds, default=limits.DEFAULT_BUDGET_SECONDS, metavar="SECONDS",
                        help=f"time allowed per article; one that takes longer is skipped with a message "
                             f"(default {limits.DEFAULT_BUDGET_SECONDS:g}; 0 for no limit)")
    return parser


def _seconds(value: str) -> float | None:
    seconds = float(value)
    if seconds < 0:
        raise argparse.ArgumentTypeError("must be 0 (no limit) or more")
    return seconds or None


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``python -m extract``, with help for every option."""
    return add_extract_arguments(argparse.ArgumentParser(prog="python -m extract", description=DESCRIPTION, epilog=EPILOG))


def build_console_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``arms-tracker`` console script: one subcommand per task, each with help."""
    parser = argparse.ArgumentParser(prog="arms-tracker", description="Who arms whom, from the news.")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    extract_parser = commands.add_parser("extract", help="extract records from a folder of articles",
                                         description=DESCRIPTION, epilog=EPILOG)
    add_extract_arguments(extract_parser).set_defaults(handler=run)
    return parser


def console(argv: list[str] | None = None) -> int:
    """Entry point of the ``arms-tracker`` console script; returns the exit status."""
    args = build_console_parser().parse_args(argv)
    return args.handler(args)


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``python -m extract``; returns the exit status."""
    return run(build_parser().parse_args(argv))


def find_setup_error(args: argparse.Namespace) -> str | None:
    """Why the extractor cannot start with these arguments on this installation, or None."""
    if not lexicon.DATA_DIR.is_dir():
        # A non-editable install copies extract/ alone into site-packages, away from data/ in the checkout.
        return f"the lexicons are not at {lexicon.DATA_DIR}: install the package from its checkout with `pip install -e .`"
    if not args.articles_dir.is_dir():
        return f"{args.articles_dir} is not a folder"
    return None


def run(args: argparse.Namespace) -> int:
    """Run the extractor with parsed arguments; returns the exit status."""
    if problem := find_setup_error(args):
        print(f"error: {problem}", file=sys.stderr)
        return EXIT_ERROR
    bar = None if args.quiet else tqdm(total=0, unit="article", desc="extracting", file=sys.stderr, leave=False)

    def progress(done: int, total: int) -> None:
        if bar is not None:
            bar.total = total
            bar.n = done
            bar.refresh()

    try:
        summary = runner.run(args.articles_dir, args.out, args.db, progress=progress, engine=args.engine,
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
