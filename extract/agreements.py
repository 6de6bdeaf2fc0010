"""Agreements: cooperation agreements, treaties, strategic partnerships, arms deals, found with the
patterns in data/agreement_terms.csv (generic words such as "agreement" need a military qualifier)."""

from __future__ import annotations

from .terms import Term, find_table_terms

# When two agreement terms overlap or touch ("military cooperation agreement"), the more telling
# category names the merged span.
_CATEGORY_RANK = {"strategic": 3, "arms-deal": 2, "cooperation": 1, "other": 0}


def find_agreements(text: str) -> list[Term]:
    """Agreements named in ``text``, adjacent terms merged into one."""
    merged: list[Term] = []
    for term in find_table_terms(text, "agreement_terms"):
        if merged and term.start - merged[-1].end <= 1:
            last = merged.pop()
            best = max((last, term), key=lambda t: _CATEGORY_RANK.get(t.category, 0))
            term = Term(last.start, term.end, "agreement", best.label, best.category)
        merged.append(term)
    return merged
