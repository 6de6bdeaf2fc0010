"""Loading the data files under data/ (lexicons, gazetteers, patterns): one cached function.

Every table is a CSV with a header row; a user extends the tracker by adding rows, not code.
Cells holding several values separate them with '|'.
"""

from __future__ import annotations

import csv
import hashlib
import re
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


def _char_pattern(ch: str) -> str:
    if ch == " ":
        return r"\s+"
    if ch in "-‐‑–":
        return r"[-‐‑–\s]?"
    if ch in "'’":
        return r"['’]"
    return re.escape(ch)


def phrase_pattern(phrase: str) -> str:
    """A regex for a lexicon phrase: spaces match any run of spaces, hyphens also a space or dash.

    >>> bool(re.fullmatch(phrase_pattern("Tu-160"), "Tu 160"))
    True
    """
    return "".join(_char_pattern(ch) for ch in phrase)


def alternation(phrases: list[str]) -> str:
    """One regex matching any of the phrases, the longest where several match.

    Built as a prefix trie ("Su-2(?:4|5|7)..."), not a flat list: with thousands of names a flat
    alternation makes the regex engine try every name at every position; a trie branches on the
    next character, which is what makes matching the lexicons cheap.

    >>> alternation(["Mi24", "Mi28", "Mi"])
    'Mi(?:2(?:4|8))?'
    """
    trie: dict = {}
    for phrase in set(phrases):
        node = trie
        for ch in phrase:
            node = node.setdefault(_char_pattern(ch), {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict) -> str:
    terminal = "" in node
    branches = [fragment + _trie_pattern(child) for fragment, child in sorted(node.items()) if fragment]
    if not branches:
        return ""
    if len(branches) == 1 and not terminal:
        return branches[0]
    # greedy "?" tries the longer names first; a terminal node may also stop here
    return "(?:" + "|".join(branches) + ")" + ("?" if terminal else "")
