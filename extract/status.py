"""The clause around a term. A claim's status is read from the parse (syntax.read_claim,
data/verb_cues.csv), and ``Cue`` carries it with the word it was read from; its certainty is read
from the attribution chain in extract/certainty.py."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Clauses end at these marks: a word in another clause speaks of something else
# ("... sending intelligence officers, and working with ... agents").
_CLAUSE_BREAK = re.compile(r";|—|–\s|\s+and,\s|\s+and\s+(?=(?:then\s+|later\s+|also\s+)?(?:turned|signed|sent|agreed|ordered|expelled|asked|requested|began|started|announced|approved|promised|pledged|vowed|deployed|supplied|withdrew|received|bought|purchased)\b)|,\s+(?:although|though)\b(?![^,;]{0,40},)|,\s+(?:who|which)\b(?![^,;]{0,70},)|,\s+(?:and|but|while|whereas|as|where|when|noting|saying|adding|citing|warning|arguing|insisting)\b|\bwhile\b|\bbut\b")


@dataclass(frozen=True)
class Cue:
    """The status of a claim and the word it was read from (the action word of syntax.read_claim)."""

    start: int
    end: int
    status: str
    tense: str  # past | perfect | present | future | noun


@lru_cache(maxsize=4096)
def _clause_breaks(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(m.span() for m in _CLAUSE_BREAK.finditer(text))


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
