"""Splitting article text into sentences with their offsets.

Lines are hard boundaries (titles, captions, bullets and datelines sit on their own lines in news
text); inside a line a sentence ends at . ! ? or … (with any closing quotes and brackets) followed by
space and a capital, a digit or an opening quote, unless the word before is a known abbreviation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import limits

# Abbreviations that end with a full stop inside a sentence: titles, months, initials of places.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sen rep gov gen lt col maj capt cmdr adm sgt cpl pvt st sr jr rev hon pres
    amb sec dept est inc ltd corp co no nos vol fig approx vs etc jan feb mar apr jun jul aug sep sept
    oct nov dec mon tue tues wed thu thurs fri sat sun mt ft u.s u.k u.n e.u u.s.a d.c n.y la calif
    fla tex ariz mass wash pa va ga ala ill mich minn mo okla ore tenn wis no. a.m p.m i.e e.g""".split()
)
# A sign right before a digit is part of a number ("+1 more", "-5 degrees"), not a bullet.
_BULLET = re.compile(r"^(?:[\s•·▪●◦‣∙*=@>]|[+\-–—](?!\d))*")
# Possessive runs, and no match starting inside a run of stops: a long "!!!!" or "))))" costs its
# length once, not its square.
_END = re.compile(r"""(?<![.!?])(?:[.!?]++|…)[”"’'»)\]]*+(?=\s+[“"‘'«(\[]?[A-Z0-9À-ÖØ-Þ])"""
                  # a copy that lost the space after a stop ("the agency.The deal"): a word of two
                  # small letters, the stop, a capitalised word ("News.Az" is a name, not two sentences)
                  r"""|(?<=[a-z][a-z])[.!?][”"’']*+(?=[A-Z][a-z]{2,}\b)""")
_WORD_BEFORE = re.compile(r"([A-Za-z](?:[A-Za-z.]*[A-Za-z])?)\.?$")
# Characters before a full stop in which to look for an abbreviation: longer than any abbreviation,
# and short, so that a line of "U.S. U.S. ..." is not searched from its start at every stop.
_ABBREVIATION_WINDOW = 40


@dataclass(frozen=True)
class Sentence:
    """A sentence: its text and its [start, end) offsets in the article text."""

    start: int
    end: int
    text: str
    line: int  # index of the line (paragraph) it sits on, to keep context within a paragraph


def _is_abbreviation(chunk: str) -> bool:
    """Whether the text before a full stop ends with an abbreviation or a single initial."""
    match = _WORD_BEFORE.search(chunk)
    if not match:
        return False
    word = match.group(1).lower()
    return word in ABBREVIATIONS or len(word) == 1 or re.fullmatch(r"(?:[a-z]\.)+[a-z]", word) is not None


def _split_line(line: str, offset: int, line_no: int) -> list[Sentence]:
    """Sentences inside one line of text."""
    out, start = [], 0
    for match in _END.finditer(line):
        end = match.end()
        before = line[max(start, match.start() - _ABBREVIATION_WINDOW):match.start()]
        if line[match.start()] == "." and _is_abbreviation(before):
            continue
        out.append((start, end))
        start = end
    out.append((start, len(line)))
    sentences = []
    for s, e in (piece for span in out for piece in _cut_long(line, *span)):
        piece = line[s:e]
        lead = len(piece) - len(piece.lstrip())
        s += lead
        e = s + len(line[s:e].rstrip())
        if e > s and any(ch.isalnum() for ch in line[s:e]):
            sentences.append(Sentence(offset + s, offset + e, line[s:e], line_no))
    return sentences


def _cut_long(line: str, start: int, end: int) -> list[tuple[int, int]]:
    """A span longer than MAX_SENTENCE_CHARS cut into pieces at spaces (said in a note): the cost of
    reading a sentence grows faster than its length."""
    limit = limits.MAX_SENTENCE_CHARS
    if end - start <= limit:
        return [(start, end)]
    limits.note(f"a sentence of {end - start:,} characters was cut into pieces of at most {limit:,}")
    pieces = []
    while end - start > limit:
        cut = line.rfind(" ", start + limit // 2, start + limit)
        cut = cut if cut > start else start + limit
        pieces.append((start, cut))
        start = cut
    return pieces + [(start, end)]


def split_sentences(text: str) -> list[Sentence]:
    """All sentences of ``text`` in order, each with offsets such that text[start:end] == sentence."""
    sentences: list[Sentence] = []
    pos = 0
    for line_no, line in enumerate(text.splitlines(keepends=True)):
        limits.check()
        body = line.rstrip("\r\n")
        bullet = _BULLET.match(body).end()
        # a leading dash or bullet is list markup, not part of the sentence (and would read as a formula)
        if body[bullet:].strip():
            sentences.extend(_split_line(body[bullet:], pos + bullet, line_no))
        pos += len(line)
    return sentences
