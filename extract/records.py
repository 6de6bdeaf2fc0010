"""The record: one claim (item, deployment or agreement) stated in one sentence of one article.

The CSV columns of ``records.csv`` are derived from the :class:`Record` dataclass, in the order the
record contract (``records.md``) gives, so the contract is written down once, here.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, fields
from pathlib import Path

KINDS = ("item", "deployment", "agreement")
ITEM_CATEGORIES = (
    "aircraft", "helicopter", "air-defense", "missile", "radar", "drone", "electronic-warfare",
    "armor", "artillery", "small-arms", "ammunition", "naval", "nuclear", "facility", "other",
)
DEPLOYMENT_CATEGORIES = ("troops", "advisers", "contractors", "aircraft", "naval", "other")
AGREEMENT_CATEGORIES = ("cooperation", "strategic", "arms-deal", "other")
CATEGORIES = {"item": ITEM_CATEGORIES, "deployment": DEPLOYMENT_CATEGORIES, "agreement": AGREEMENT_CATEGORIES}
STATUSES = ("requested", "pledged", "agreed", "planned", "delivered", "present", "ended")
CERTAINTIES = ("confirmed", "claimed", "speculative", "denied")

# 2: claims read from spaCy's dependency tree (extract/syntax.py, extract/components.py).
EXTRACTOR_VERSION = "2.3.0"


@dataclass
class Record:
    """One extracted claim; field order is the column order of records.csv."""

    record_id: str
    article_id: str
    kind: str
    label: str
    category: str
    supplier: str
    recipient: str
    status: str
    certainty: str
    quantity: int | None
    date: str
    location: str
    lat: float | None
    lon: float | None
    sentence: str
    char_start: int
    char_end: int
    # Extra columns, allowed after the contract's own.
    fact_id: str = ""
    date_inferred: bool = False
    extractor_version: str = EXTRACTOR_VERSION


COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(Record))
CONTRACT_COLUMNS: tuple[str, ...] = COLUMNS[: COLUMNS.index("char_end") + 1]


def make_record_id(article_id: str, kind: str, label: str, char_start: int, supplier: str, recipient: str) -> str:
    """A stable id: the same article text always yields the same ids (no counters, no clocks)."""
    key = "\x1f".join((article_id, kind, label.lower(), str(char_start), supplier, recipient))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


# A spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV injection").
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value: object) -> object:
    """Prefix a text cell a spreadsheet would evaluate with an apostrophe; numbers pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def record_row(record: Record) -> dict:
    """The record as a CSV row: None becomes an empty cell, booleans 0/1."""
    row = asdict(record)
    for key, value in row.items():
        if value is None:
            row[key] = ""
        elif isinstance(value, bool):
            row[key] = int(value)
    return row


def neutralised_sql(column: str) -> str:
    """An SQL expression of a text column with the same neutralisation as ``neutralise_formula``,
    so that whole tables are made safe while SQLite reads them, not cell by cell in Python."""
    prefixes = ", ".join(f"char({ord(p)})" for p in FORMULA_PREFIXES)
    return f"CASE WHEN substr({column}, 1, 1) IN ({prefixes}) THEN '''' || {column} ELSE {column} END"


def table_to_csv(columns: Sequence[str], rows: Iterable[Sequence], neutralise: bool = True) -> str:
    """Serialise rows given as sequences in ``columns`` order (None is empty); formulas are
    neutralised unless the rows come neutralised already (``neutralised_sql``)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(([neutralise_formula(value) for value in row] for row in rows) if neutralise else rows)
    return buffer.getvalue()


def rows_to_csv(rows: Iterable[dict], columns: Iterable[str], neutralise: bool = True) -> str:
    """Serialise dict rows to CSV text (keys outside ``columns`` ignored, missing ones empty)."""
    columns = list(columns)
    return table_to_csv(columns, ([row.get(c) for c in columns] for row in rows), neutralise)


def write_atomic(path: Path, text: str) -> None:
    """Write a file by temp-file-and-rename, so a crash never leaves half a file behind."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_records_csv(records: Iterable[Record], path: Path) -> None:
    """Write records.csv atomically with the contract's columns first."""
    write_atomic(path, rows_to_csv((record_row(r) for r in records), COLUMNS))
