"""Quotes and speakers: who says "we" in a quotation. A first-person pronoun inside quotation marks
stands for the country of the speaker the paragraph attributes the quote to ("... our naval
assets ...," said former US Ambassador James Story -> "our" is the United States)."""

from __future__ import annotations

import re

from .places import CountryMention, find_countries

_OPEN, _CLOSE = "“«", "”»"
_ATTRIBUTION = re.compile(r"\b(?:said|says|say|told|tells|added|adds|wrote|writes|stressed|declared|insisted|noted|"
                          r"warned|tweeted|posted|announced|explained|continued|according to)\b")
_QUOTE_MARK = re.compile(r'[“«”»"]')
_PRONOUN = re.compile(r"\b(?:we|We|our|Our|us|ours|WE|OUR)\b")


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
    for verb in _ATTRIBUTION.finditer(text):
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
