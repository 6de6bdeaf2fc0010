"""Consolidation: the same claim reported by several articles (the 2018 Tu-160 visit, say) becomes
one fact, with the articles that corroborate it."""

from __future__ import annotations

import hashlib
from collections import defaultdict

from .records import Record


def fact_key(record: Record) -> tuple:
    """What makes two records the same claim: kind, thing, parties, status and year."""
    return (record.kind, record.label.lower(), record.supplier, record.recipient, record.status, record.date[:4])


def consolidate(records: list[Record]) -> tuple[list[dict], dict[str, str]]:
    """Group records into facts; returns the facts and record_id -> fact_id."""
    groups: dict[tuple, list[Record]] = defaultdict(list)
    for record in records:
        groups[fact_key(record)].append(record)
    facts, fact_of = [], {}
    for key, members in sorted(groups.items()):
        fact_id = hashlib.sha1("\x1f".join(key).encode("utf-8")).hexdigest()[:12]
        # the most precise date and place among the reports stand for the fact
        best = max(members, key=lambda r: (len(r.date), r.location != "", -len(r.sentence)))
        articles = sorted({r.article_id for r in members})
        facts.append({
            "fact_id": fact_id, "kind": best.kind, "label": best.label, "category": best.category,
            "supplier": best.supplier, "recipient": best.recipient, "status": best.status, "date": best.date,
            "location": best.location, "lat": best.lat, "lon": best.lon, "n_articles": len(articles),
            "article_ids": "|".join(articles), "record_ids": "|".join(r.record_id for r in members),
        })
        for record in members:
            fact_of[record.record_id] = fact_id
    return facts, fact_of
