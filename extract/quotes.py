"""Quotes and speakers: who says "we" in a quotation. A first-person pronoun inside quotation marks
stands for the country of the speaker the paragraph attributes the quote to ("... our naval
assets ...," said former US Ambassador James Story -> "our" is the United States)."""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import load_table
from .places import CountryMention, find_countries
from .syntax import verb_cues

_OPEN, _CLOSE = "“«", "”»"
_QUOTE_MARK = re.compile(r'[“«”»"]')
_PRONOUN = re.compile(r"\b(?:we|We|our|Our|us|ours|WE|OUR)\b")


@lru_cache(maxsize=1)
def _attribution_words() -> frozenset[str]:
    """The words that attribute a quote to a speaker, read before the parse: the verbs of saying
    (role=report in data/verb_cues.csv, with their -s and -ed forms; irregular pasts are rows of their
    own) and the sources of data/attribution_cues.csv ("according to")."""
    verbs = [lemma for lemma, role in verb_cues() if role == "report"]
    forms = [v + e for v in verbs for e in ("", "s", "es", "d", "ed")]
    sources = [row["word"].lower() for row in load_table("attribution_cues") if row["role"] == "source"]
    return frozenset(forms + sources)


def _attributions(text: str) -> list[re.Match]:
    return [m for m in re.finditer(r"[A-Za-z]+", text) if m.group(0).lower() in _attribution_words()]


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) spans of text between quotation marks (curly, guillemets or straight)."""
    spans, start = [], None
    for mark in _QUOTE_MARK.finditer(text):  # visit only the quote marks, not every character
        i, ch = mark.start(), mark.group(0)
        if ch in _OPEN or (ch == '"' and start is None):
            start = i + 1 if start is None else start
        elif (ch in _CLOSE or ch == '"') and start is not None:
            spans.append((start, i))
            start = None
    if start is not None:
        spans.append((start, len(text)))  # a quote running on to the paragraph's end
    return spans


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= position < e for s, e in spans)


def find_speaker(text: str, spans: list[tuple[int, int]], mentions: list[CountryMention] | None = None) -> str:
    """ISO3 of the speaker a paragraph attributes its quotes to, or '' when it names none."""
    outside: list[CountryMention] | None = None
    for verb in _attributions(text):
        if _inside(verb.start(), spans):
            continue
        if outside is None:  # found once a verb of saying is there (most paragraphs have none)
            outside = [m for m in (find_countries(text) if mentions is None else mentions) if not _inside(m.start, spans)]
        near = [m for m in outside if abs(m.start - verb.end()) < 80 or abs(verb.start() - m.end) < 80]
        if near:
            return min(near, key=lambda m: min(abs(m.start - verb.end()), abs(verb.start() - m.end))).iso3
    return ""


def pronoun_mentions(text: str, spans: list[tuple[int, int]], speaker: str, offset: int = 0,
                     length: int | None = None) -> list[CountryMention]:
    """First-person pronouns inside quotes, as mentions of the speaker's country; offsets are
    relative to ``offset`` (a sentence's start inside the paragraph)."""
    if not speaker:
        return []
    end = len(text) if length is None else offset + length
    out = []
    for match in _PRONOUN.finditer(text, offset, end):
        if _inside(match.start(), spans):
            out.append(CountryMention(match.start() - offset, match.end() - offset, speaker, "pronoun", match.group(0)))
    return out
