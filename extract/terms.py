"""A term: a span of a sentence that names a military item, a deployed force or an agreement.

The three finders (equipment, deployments, agreements) share this type and the generic loader of
regex term tables (data/generic_terms.csv, data/deployment_terms.csv, data/agreement_terms.csv).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .lexicon import load_table


@dataclass(frozen=True)
class Term:
    """A mention of something a record is about."""

    start: int
    end: int
    kind: str  # item | deployment | agreement
    label: str
    category: str
    origin: str = ""  # maker country of a designated system (ISO3), when the lexicon knows it
    needs_context: bool = False
    designation: bool = False


@dataclass(frozen=True)
class TermPattern:
    """One row of a term table, compiled."""

    regex: re.Pattern
    kind: str
    label: str
    category: str
    needs_context: bool
    qualifier: re.Pattern | None = None
    anchors: frozenset[str] = frozenset()  # literal words one of which any match contains


@cache
def load_term_patterns(table: str) -> tuple[TermPattern, ...]:
    """Compile data/<table>.csv rows into case-insensitive whole-word patterns."""
    patterns = []
    for row in load_table(table):
        qualifier = row.get("qualifier") or ""
        patterns.append(TermPattern(
            regex=re.compile(r"(?<![\w-])(?:" + row["term"] + r")(?![\w-])", re.I),
            kind=row.get("kind") or "agreement",
            label=row["label"],
            category=row["category"],
            needs_context=row.get("needs_context") == "1",
            qualifier=re.compile("(?:" + qualifier + r")$", re.I) if qualifier else None,
            anchors=literal_anchors(row["term"]),
        ))
    return tuple(patterns)


def literal_anchors(regex: str) -> frozenset[str]:
    """The literal letter runs (3+) of a term regex, lowercased: a cheap test that a sentence might
    match it. Every alternative of every term row holds such a word ("drone", "tank", "MRAP"), so a
    sentence containing none of them cannot match; rows without any are always tried.

    >>> sorted(literal_anchors(r"(?:armou?red )?vehicles?|APCs?"))
    ['apc', 'armo', 'red', 'vehicle']
    """
    stripped = re.sub(r"\\.|\[[^\]]*\]|\{[^}]*\}|[A-Za-z][?*]", " ", regex)  # escapes, classes, optional letters
    return frozenset(run.lower() for run in re.findall(r"[A-Za-z]{3,}", stripped))


@cache
def _all_anchors(table: str) -> tuple[str, ...]:
    return tuple(sorted({a for p in load_term_patterns(table) for a in p.anchors}))


def find_table_terms(text: str, table: str) -> list[Term]:
    """All matches of a term table in ``text``, longest first where they overlap."""
    found = []
    lower = text.lower()
    present = {a for a in _all_anchors(table) if a in lower}
    for pattern in load_term_patterns(table):
        if pattern.anchors and not pattern.anchors & present:
            continue
        for match in pattern.regex.finditer(text):
            if pattern.qualifier and not pattern.qualifier.search(text[max(0, match.start() - 60):match.start()]):
                continue
            found.append(Term(match.start(), match.end(), pattern.kind, pattern.label, pattern.category,
                              needs_context=pattern.needs_context))
    return drop_overlaps(found)


def drop_overlaps(terms: list[Term]) -> list[Term]:
    """Keep the longest of overlapping terms (designations before generic words of equal length)."""
    kept: list[Term] = []
    for term in sorted(terms, key=lambda t: (-(t.end - t.start), not t.designation, t.start)):
        if all(term.end <= k.start or term.start >= k.end for k in kept):
            kept.append(term)
    return sorted(kept, key=lambda t: t.start)
