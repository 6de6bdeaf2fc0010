"""A term: a span of a sentence that names a military item, a deployed force or an agreement.

The three finders (equipment, deployments, agreements) share this type and the term tables
(data/generic_terms.csv, data/deployment_terms.csv, data/agreement_terms.csv), matched with spaCy's
matchers (extract/matchers.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from .matchers import Tokens, find_terms


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


def find_table_terms(text: str | Tokens, table: str) -> list[Term]:
    """All matches of a term table in a sentence (its text or its tokens), longest first where they overlap."""
    return drop_overlaps([Term(start, end, row.kind, row.label, row.category, needs_context=row.needs_context)
                          for start, end, row in find_terms(text, table)])


def drop_overlaps(terms: list[Term]) -> list[Term]:
    """Keep the longest of overlapping terms (designations before generic words of equal length)."""
    kept: list[Term] = []
    for term in sorted(terms, key=lambda t: (-(t.end - t.start), not t.designation, t.start)):
        if all(term.end <= k.start or term.start >= k.end for k in kept):
            kept.append(term)
    return sorted(kept, key=lambda t: t.start)
