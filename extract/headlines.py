"""A title repeats its story: the claim a headline (or a line cut off without a full stop) states again
in the body is one claim, kept where the body states it. The real sets' annotators make headline rows
optional, so a headline record only counts when it adds a claim the body does not make."""

from __future__ import annotations

from datetime import date

from .claims import Claim, is_headline

# A headline speaks on the publication day of an event the body dates a few days before.
_CLOSE_DAYS = 3


def drop_headline_repeats(claims: list[Claim]) -> list[Claim]:
    """The claims without those of a headline that the body repeats: the same kind of claim about the
    same thing (its label, or its category between the same parties), on a compatible date."""
    body = [c for c in claims if not is_headline(c.sentence)]
    return [c for c in claims if not (is_headline(c.sentence) and any(_repeats(c, b) for b in body))]


def _repeats(title: Claim, body: Claim) -> bool:
    if title.term.kind != body.term.kind:
        return False
    same_thing = title.term.label == body.term.label or (
        title.term.category == body.term.category
        and (title.supplier, title.recipient) == (body.supplier, body.recipient))
    return same_thing and dates_compatible(title.date, body.date)


def dates_compatible(a: str, b: str) -> bool:
    """Whether two dates may name one event: either unknown, one inside the other ("2025-11" and
    "2025-11-10"), or days at most a few apart (a headline dated the day it was published)."""
    if not a or not b or a.startswith(b) or b.startswith(a):
        return True
    if len(a) == len(b) == 10:
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days) <= _CLOSE_DAYS
    return False
