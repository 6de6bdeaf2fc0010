"""The clause around a term. A claim's status is read from the parse (syntax.read_claim,
data/verb_cues.csv), and ``Cue`` carries it with the word it was read from; its certainty is read
from the attribution chain in extract/certainty.py."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .syntax import verb_cues

# Clauses end at these marks: a word in another clause speaks of something else
# ("... sending intelligence officers, and working with ... agents"). The words that open a clause
# of their own are rows of data/verb_cues.csv: role=clause-and, a past verb after "and" ("and then
# signed"); role=clause-comma, a word of saying after a comma (", noting").


@lru_cache(maxsize=1)
def _clause_break() -> re.Pattern:
    def words(role: str) -> str:
        return "|".join(sorted(re.escape(lemma) for lemma, r in verb_cues() if r == role))

    return re.compile(r";|—|–\s|\s+and,\s|\s+and\s+(?=(?:then\s+|later\s+|also\s+)?(?:" + words("clause-and") + r")\b)"
                      r"|,\s+(?:although|though)\b(?![^,;]{0,40},)|,\s+(?:who|which)\b(?![^,;]{0,70},)"
                      r"|,\s+(?:and|but|while|whereas|as(?! well as)|where|when|" + words("clause-comma") + r")\b|\bwhile\b|\bbut\b")


@dataclass(frozen=True)
class Cue:
    """The status of a claim and the word it was read from (the action word of syntax.read_claim)."""

    start: int
    end: int
    status: str
    tense: str  # past | perfect | present | future | noun


@lru_cache(maxsize=4096)
def _clause_breaks(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(m.span() for m in _clause_break().finditer(text))


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The [start, end) of the clause around the span [start, end) of ``text``."""
    lo, hi = 0, len(text)
    for b_start, b_end in _clause_breaks(text):
        if b_end <= start:
            lo = b_end
        elif b_start >= end:
            hi = b_start
            break
    return lo, hi
