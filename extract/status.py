"""The clause around a term, and the certainty (confirmed ... denied) of a claim from the cue words
of data/certainty_cues.csv in that clause. A claim's status is read from the parse (syntax.read_claim,
data/verb_cues.csv); ``Cue`` carries it with the word it was read from."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import load_table

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


@lru_cache(maxsize=1)
def _certainty_patterns() -> tuple[tuple[re.Pattern, str, str], ...]:
    return tuple((re.compile(r"(?<![\w-])(?:" + row["pattern"] + r")(?![\w-])", re.I), row["certainty"], row["scope"])
                 for row in load_table("certainty_cues"))


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


def resolve_certainty(text: str, start: int, end: int, context_claimed: bool = False) -> str:
    """confirmed, claimed, speculative or denied for the term at [start, end) of the sentence."""
    lo, hi = clause_bounds(text, start, end)
    found = set()
    for regex, certainty, scope in _certainty_patterns():
        window = text if scope == "sentence" else text[lo:hi]
        if regex.search(window):
            found.add(certainty)
    # a denial must touch the term: "has no nuclear arms", not a "no" anywhere in the clause
    if "denied" in found and not _denial_near(text, lo, start):
        found.discard("denied")
    for certainty in ("denied", "speculative", "claimed"):
        if certainty in found:
            return certainty
    return "claimed" if context_claimed else "confirmed"


def _denial_near(text: str, lo: int, start: int) -> bool:
    before = text[lo:start]
    for regex, certainty, _ in _certainty_patterns():
        if certainty == "denied":
            last = list(regex.finditer(before))
            if last and start - (lo + last[-1].end()) <= 40:
                return True
    return False


def is_attributed(text: str) -> bool:
    """Whether a sentence attributes what it says to someone else (reports, documents, sources)."""
    return any(regex.search(text) for regex, certainty, scope in _certainty_patterns() if certainty == "claimed")
