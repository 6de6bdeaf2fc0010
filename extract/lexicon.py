"""Loading the data files under data/ (lexicons, gazetteers, patterns): one cached function.

Every table is a CSV with a header row; a user extends the tracker by adding rows, not code.
Cells holding several values separate them with '|'.
"""

from __future__ import annotations

import csv
import hashlib
from functools import cache, lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@cache
def load_table(name: str) -> tuple[dict, ...]:
    """Rows of data/<name>.csv as dicts with stripped values; '#'-prefixed first cells are comments."""
    path = DATA_DIR / f"{name}.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = []
        for row in csv.DictReader(handle):
            clean = {k.strip(): (v or "").strip() for k, v in row.items() if k}
            first = next(iter(clean.values()), "")
            if first.startswith("#") or not any(clean.values()):
                continue
            rows.append(clean)
    return tuple(rows)


@lru_cache(maxsize=1)
def data_version() -> str:
    """A digest of every data file, the extractor's code and its version: when a lexicon row or a
    rule changes, every article is extracted again on the next run."""
    from .records import EXTRACTOR_VERSION

    digest = hashlib.sha256(EXTRACTOR_VERSION.encode())
    for path in sorted(DATA_DIR.glob("*.csv")) + sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def split_values(cell: str) -> list[str]:
    """The '|'-separated values of one cell, blanks dropped."""
    return [v.strip() for v in cell.split("|") if v.strip()]
