"""Facts first: the filtered records grouped into facts (one claim told by one or more sentences and
articles: the same item, force or agreement, pair, status and year, as ``extract.facts`` keys it),
so a claim repeated in a title, a headline and a body counts once. Pure functions: no Streamlit.
"""

from __future__ import annotations

import pandas as pd

# The columns a fact adds to its representative record.
FACT_COUNT_COLUMNS = ("n_records", "n_articles")
FACTS_CSV_COLUMNS = ("fact_id", "kind", "label", "category", "supplier", "recipient", "status", "certainty", "date",
                     "quantity", "location", "lat", "lon", "review", "n_records", "n_articles", "article_ids",
                     "record_ids", "sentence")


def fact_keys(df: pd.DataFrame) -> pd.Series:
    """Each record's fact: its fact id, or its own id when it has none (then it is a fact alone)."""
    return df["fact_id"].where(df["fact_id"] != "", df["record_id"])


def consolidate(df: pd.DataFrame) -> pd.DataFrame:
    """One row per fact among ``df``: the report with the most precise date (then a place, then the
    shortest sentence) stands for it, as in the store's facts table, with how many records and
    articles tell it. Order: the records' order of first appearance. (The ids of its records and
    articles are joined only for an export: a join per fact costs a second at 100,000 records.)"""
    if df.empty:
        return df.assign(n_records=pd.Series(dtype="int64"), n_articles=pd.Series(dtype="int64"))
    keyed = df.assign(_fact=fact_keys(df), _precision=df["date"].str.len(), _placed=df["location"] != "",
                      _length=df["sentence"].str.len(), _order=range(len(df)))
    best = keyed.sort_values(["_fact", "_precision", "_placed", "_length", "record_id"],
                             ascending=[True, False, False, True, True], kind="stable").drop_duplicates("_fact")
    groups = keyed.groupby("_fact", sort=False)
    support = pd.DataFrame({
        "n_records": groups.size(),
        "n_articles": groups["article_id"].nunique(),
        "_first": groups["_order"].min(),
    })
    facts = best.set_index("_fact").join(support).sort_values("_first", kind="stable")
    return facts.drop(columns=["_precision", "_placed", "_length", "_order", "_first"]).reset_index(drop=True)


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
