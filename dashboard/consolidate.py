"""Facts first: the filtered records grouped into facts (one claim told by one or more sentences and
articles: the same item, force or agreement, pair, status and year, as ``extract.facts`` keys it),
so a claim repeated in a title, a headline and a body counts once. Pure functions: no Streamlit.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

# What a fact keeps of its representative record: what the figures, the facts table and the facts
# CSV read. Taking rows costs per column (strings are Arrow arrays), and a reviewed record has ~45.
FACT_SOURCE_COLUMNS = ("record_id", "article_id", "fact_id", "kind", "label", "category", "supplier", "recipient",
                       "status", "certainty", "quantity", "date", "location", "lat", "lon", "sentence", "date_start",
                       "date_end", "precision", "date_inferred", "review", "article_title")
FACTS_CSV_COLUMNS = ("fact_id", "kind", "label", "category", "supplier", "recipient", "status", "certainty", "date",
                     "quantity", "location", "lat", "lon", "review", "n_records", "n_articles", "article_ids",
                     "record_ids", "sentence")


def fact_keys(df: pd.DataFrame) -> pd.Series:
    """Each record's fact: its fact id, or its own id when it has none (then it is a fact alone)."""
    return df["fact_id"].where(df["fact_id"] != "", df["record_id"])


def consolidate(df: pd.DataFrame) -> pd.DataFrame:
    """One row per fact among ``df``: the report with the most precise date (then a place, then the
    shortest sentence; then the first) stands for it, as in the store's facts table, with how many
    records and articles tell it. Order: the facts' first appearance among the records. (The ids
    of its records and articles are joined only for an export: a join per fact costs a second at
    100,000 records.)"""
    if df.empty:
        return df.assign(n_records=pd.Series(dtype="int64"), n_articles=pd.Series(dtype="int64"))
    # Integer codes for facts (in order of first appearance) and articles; everything after works on
    # arrays of ints. Sorting the frame on five columns, strings among them, took 1.7 s at 100k.
    facts_code, first_seen = pd.factorize(fact_keys(df))
    articles_code, articles = pd.factorize(df["article_id"])
    rank = df["date"].str.len() * 100_000 + (df["location"] != "") * 10_000 - df["sentence"].str.len().clip(upper=9_999)
    order = np.lexsort((-rank.to_numpy(), facts_code))  # by fact, the best report first
    firsts = order[np.r_[True, facts_code[order][1:] != facts_code[order][:-1]]]
    best = np.empty(len(first_seen), dtype=np.int64)
    best[facts_code[firsts]] = firsts
    pairs = np.unique(facts_code.astype(np.int64) * max(len(articles), 1) + articles_code)
    kept = [c for c in FACT_SOURCE_COLUMNS if c in df.columns]
    facts = df[kept].iloc[best].assign(
        n_records=np.bincount(facts_code, minlength=len(first_seen)),
        n_articles=np.bincount(pairs // max(len(articles), 1), minlength=len(first_seen)))
    return facts.reset_index(drop=True)


def with_supporting_ids(facts: pd.DataFrame, df: pd.DataFrame) -> pd.DataFrame:
    """``facts`` with ``article_ids`` and ``record_ids`` ('|'-separated) of their records among ``df``."""
    keyed = df.assign(_fact=fact_keys(df))
    groups = keyed.groupby("_fact", sort=False)
    ids = pd.DataFrame({"article_ids": groups["article_id"].agg(lambda a: "|".join(sorted(set(a)))),
                        "record_ids": groups["record_id"].agg("|".join)})
    keys = fact_keys(facts)
    return facts.assign(article_ids=keys.map(ids["article_ids"]).fillna(""),
                        record_ids=keys.map(ids["record_ids"]).fillna(""))


def fact_records(df: pd.DataFrame, record_id: str) -> pd.DataFrame:
    """Every record of ``df`` that tells the same fact as ``record_id`` (itself first)."""
    keys = fact_keys(df)
    own = keys[df["record_id"] == record_id]
    if own.empty:
        return df.iloc[0:0]
    same = df[keys == own.iloc[0]]
    return pd.concat([same[same["record_id"] == record_id], same[same["record_id"] != record_id]])
