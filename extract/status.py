"""Status (requested ... ended) of a claim, from the cue words in data/status_cues.csv nearest the
term in its clause. Certainty is read from the tree in extract/certainty.py."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import load_table

# Clauses end at these marks: a cue in another clause speaks of something else
# ("... sending intelligence officers, and working with ... agents").
_CLAUSE_BREAK = re.compile(r";|—|–\s|\s+and,\s|\s+and\s+(?=(?:then\s+|later\s+|also\s+)?(?:turned|signed|sent|agreed|ordered|expelled|asked|requested|began|started|announced|approved|promised|pledged|vowed|deployed|supplied|withdrew|received|bought|purchased)\b)|,\s+(?:although|though)\b(?![^,;]{0,40},)|,\s+(?:who|which)\b(?![^,;]{0,70},)|,\s+(?:and|but|while|whereas|as|where|when|noting|saying|adding|citing|warning|arguing|insisting)\b|\bwhile\b|\bbut\b")
_MODAL = re.compile(r"\b(?:(?-i:may)|might|could|would|possib(?:le|ility|ly)|talk of|prospect of|consider(?:s|ed|ing)?|"
                    r"plan(?:s|ned|ning)? to|whether|expect(?:s|ed)? to|intend(?:s|ed)? to|aim(?:s|ed)? to|hop(?:e|es|ed) to|"
                    r"(?:is|are|was|were) (?:set|due|scheduled|slated) to|seek(?:s|ing)? to|want(?:s|ed)? to|rul(?:e|ed|ing) out|"
                    r"decid(?:e|es|ed|ing) to|decision to|(?:goal|aim|plan|intention) (?:is|was) to)\b[^.;]{0,50}$", re.I)
# "vowed to supply", "urged partners to send", "negotiating the purchase": the first verb governs.
_INFINITIVE_GAP = re.compile(r"\s+(?:(?:[\w’'-]+\s+){0,3}to|the|a|an|its|their|for\s+the|of\s+the)\s+", re.I)
_BY_PARTICIPLE = re.compile(r"\s+by\b")
_IRREGULAR_PAST = {"sent", "sought", "gave", "sold", "bought", "brought", "left", "froze", "flown", "flew", "inked",
                   "withdrew", "withdrawn", "began", "told", "made", "took", "had", "was", "were", "did", "met"}
# "Germany to send tanks", "Poland is to receive jets": a newsroom's future, announced, not done.
_ANNOUNCED = re.compile(r"(?:^|\b[A-Z][\w.’'-]*\s+|\b(?:is|are)\s+)to\s+$")
_WILL = re.compile(r"\b(?:will|shall|(?:is|are) going to)\s+(?:(?:be|soon|also|then|start|begin|finally)\s+){0,2}$", re.I)
_GIVING = re.compile(r"(?:send|supply|deliver|provide|give|transfer|donate|sell|ship|hand|deploy|dispatch)\b", re.I)
_STATUS_ORDER = ("ended", "delivered", "agreed", "requested", "pledged", "planned", "present")


@dataclass(frozen=True)
class Cue:
    """A status cue found in a sentence."""

    start: int
    end: int
    status: str
    tense: str  # past | perfect | present | future | noun


@lru_cache(maxsize=1)
def _status_patterns() -> tuple[tuple[re.Pattern, str], ...]:
    return tuple((re.compile(r"(?<![\w-])(?:" + row["pattern"] + r")(?![\w-])", re.I), row["status"])
                 for row in load_table("status_cues"))


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


def _tense(text: str, start: int, word: str) -> str:
    before = text[max(0, start - 25):start].lower()
    if re.search(r"\b(?:will|shall|would|going to|to)\s+(?:\w+\s+)?$", before):
        return "future"
    if re.search(r"\b(?:has|have)\s+(?:\w+\s+)?$", before) or re.search(r"\b(?:has|have) been\s+$", before):
        return "perfect"
    first = word.lower().split()[0]
    if re.search(r"\b(?:had)\s+(?:\w+\s+)?$", before) or first.endswith("ed") or first in _IRREGULAR_PAST:
        return "past"
    if first.endswith("ing"):
        if re.search(r"\b(?:is|are|was|were|am)\s+(?:\w+ly\s+|now\s+|still\s+)?$", before):
            return "present"  # "said it was withdrawing": under way as reported
        return "noun"  # a participle ("a letter requesting ...") takes the tense of its sentence
    if re.fullmatch(r"\w+s", first) or first in {"has", "have", "need", "ask", "plan"}:
        return "present"
    return "noun"


def find_cues(text: str) -> list[Cue]:
    """All status cues in a sentence, longest first where they overlap."""
    found = []
    for regex, status in _status_patterns():
        for match in regex.finditer(text):
            found.append(Cue(match.start(), match.end(), status, _tense(text, match.start(), match.group(0))))
    kept: list[Cue] = []
    for cue in sorted(found, key=lambda c: (-(c.end - c.start), _STATUS_ORDER.index(c.status))):
        if all(cue.end <= k.start or cue.start >= k.end for k in kept):
            kept.append(cue)
    return sorted(kept, key=lambda c: c.start)


def resolve_status(text: str, start: int, end: int, cues: list[Cue], default: str) -> Cue | None:
    """The cue that governs the term at [start, end): nearest before it in its clause, else after it.

    Returns None when the clause has no cue (the caller applies the kind's default status).
    """
    lo, hi = clause_bounds(text, start, end)
    # "tanks ordered by Poland arrived": a participle with "by" describes the noun; the verb governs
    described = [c for c in cues if _BY_PARTICIPLE.match(text, c.end)]
    if any(c not in described and lo <= c.start < hi for c in cues):
        cues = [c for c in cues if c not in described]
    before = [c for c in cues if lo <= c.start and c.end <= start]
    after = [c for c in cues if c.start >= end and c.end <= hi]
    # "ordered U.S. troops to leave": a cue phrase around the term governs it
    around = [c for c in cues if lo <= c.start < start and c.end >= end]
    cue = around[0] if around else before[-1] if before else (after[0] if after else None)
    if cue is None:
        return None
    # "vowed to supply", "agreed to sell", "asked to buy": the first verb governs the infinitive
    earlier = [c for c in cues if lo <= c.start and c.end <= cue.start and _INFINITIVE_GAP.fullmatch(text, c.end, cue.start)]
    if earlier and earlier[-1].status != "present":
        cue = earlier[-1]
    # "will also provide ammunition", "Germany to send tanks": a promise; "will be delivered",
    # "will withdraw", "Poland is to receive jets": expected
    will = _WILL.search(text[max(lo, cue.start - 30):cue.start]) if cue.status in ("delivered", "agreed", "ended") else None
    if will or (cue.status == "delivered" and _ANNOUNCED.search(text[max(lo, cue.start - 40):cue.start])):
        giving = _GIVING.match(text, cue.start) and not (will and will.group(0).rstrip().endswith("be"))
        return Cue(cue.start, cue.end, "pledged" if giving else "planned", "future")
    # "may request", "the possibility of Russia sending": an action only considered is planned
    if cue.status not in ("planned", "present", "ended") and _MODAL.search(text[lo:cue.start]):
        return Cue(cue.start, cue.end, "planned", "future")
    return cue
