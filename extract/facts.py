"""Consolidation: the same claim reported by several articles (the 2018 Tu-160 visit, say) is one
fact, with the articles that corroborate it.

A record's fact id is a digest of what makes two records the same claim, computed when the record is
made; the store groups records by it (store.rebuild_facts), so adding articles never rewrites the
records already stored.
"""

from __future__ import annotations

import hashlib

from .records import Record


def fact_key(record: Record) -> tuple[str, ...]:
    """What makes two records the same claim: kind, thing, parties, status and year."""
    return (record.kind, record.label.lower(), record.supplier, record.recipient, record.status, record.date[:4])


def fact_id(record: Record) -> str:
    """The id of the fact a record supports: equal for records that make the same claim.

    >>> from extract.records import Record
    >>> a = Record("r1", "a1", "item", "Tu-160", "aircraft", "RUS", "VEN", "delivered", "confirmed", 2, "2018",
    ...            "Venezuela", 6.4, -66.6, "s", 0, 1)
    >>> b = Record("r2", "a2", "item", "TU-160", "aircraft", "RUS", "VEN", "delivered", "claimed", None, "2018-12",
    ...            "Caracas", 10.5, -66.9, "t", 5, 9)
    >>> fact_id(a) == fact_id(b)
    True
    """
    return hashlib.sha1("\x1f".join(fact_key(record)).encode("utf-8")).hexdigest()[:12]
