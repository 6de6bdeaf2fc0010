"""A term: a span of a sentence that names a military item, a deployed force or an agreement.

The three finders (equipment, deployments, agreements) share this type and the term tables
(data/generic_terms.csv, data/deployment_terms.csv, data/agreement_terms.csv), matched with spaCy's
matchers (extract/matchers.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import load_table
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
    plain = text if isinstance(text, str) else text.text
    return drop_overlaps([Term(start, end, row.kind, row.label, row.category, needs_context=row.needs_context)
                          for start, end, row in find_terms(text, table)
                          if not in_an_institutions_name(plain, start, end)])


# A run of capitalised words (joined by "of", "for", "and", "the") on either side of a term.
# Institutions' names are short: the words read on each side stop at NAME_WINDOW characters.
NAME_WINDOW = 120
_NAME_AFTER = re.compile(r"(?:\s+(?:(?:of|for|and|the)\s+)*[A-Z][\w’'-]*)*")
_NAME_BEFORE = re.compile(r"(?:[A-Z][\w’'-]*\s+(?:(?:of|for|and|the)\s+)*)*$")


@lru_cache(maxsize=1)
def _institution_words() -> re.Pattern:
    """The nouns that end or open the name of a school, an academy or a museum: context=institution
    rows of data/context_cues.csv."""
    words = [row["pattern"] for row in load_table("context_cues") if row.get("context") == "institution"]
    return re.compile("(?:" + ("|".join(words) or "(?!)") + ")", re.I)


def in_an_institutions_name(text: str, start: int, end: int) -> bool:
    """Whether a capitalised term is a word of an institution's name ("the Higher Tank Command
    School", "the Academy of Missile Forces"): it names the school, not a tank or a force."""
    if not text[start:start + 1].isupper():
        return False
    # A name is read within NAME_WINDOW characters of the term: "$" makes the search try every start
    # of what it is given, so an unbounded one costs the square of a long run of capitalised words.
    after = _NAME_AFTER.match(text[end:end + NAME_WINDOW]).group(0)
    before = _NAME_BEFORE.search(text[max(0, start - NAME_WINDOW):start]).group(0)
    return any(word[0].isupper() and _institution_words().fullmatch(word)
               for word in re.findall(r"[\w’'-]+", before + " " + after))


def drop_overlaps(terms: list[Term]) -> list[Term]:
    """Keep the longest of overlapping terms (designations before generic words of equal length)."""
    kept: list[Term] = []
    for term in sorted(terms, key=lambda t: (-(t.end - t.start), not t.designation, t.start)):
        if all(term.end <= k.start or term.start >= k.end for k in kept):
            kept.append(term)
    return sorted(kept, key=lambda t: t.start)
