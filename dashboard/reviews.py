"""Reviews over records: what an analyst confirmed, corrected or rejected overrides what the extractor
found, in every view and export, with the extracted values kept beside it. Pure functions: no
Streamlit here; the store holds the reviews (``extract.store.save_review``).
"""

from __future__ import annotations

import math

import pandas as pd

from extract import places, store

from .filters import date_span

REVIEW_FIELDS = store.REVIEW_FIELDS
UNREVIEWED = "unreviewed"
# The review column's values, in the order the sidebar lists them.
REVIEW_STATES = (UNREVIEWED, *store.REVIEW_VERDICTS)
EXTRACTED_COLUMNS = tuple(f"{f}_extracted" for f in REVIEW_FIELDS)
# Columns the exports add after the record contract's: the extracted values, then the review.
REVIEW_COLUMNS = (*EXTRACTED_COLUMNS, "review", "review_of", "review_note", "reviewed_at", "source_changed")
REVIEWS_EXPORT_COLUMNS = (*store.REVIEW_COLUMNS, "source")


def reviews_frame(reviews: list[dict]) -> pd.DataFrame:
    """The store's reviews as a DataFrame (empty, with its columns, when there are none)."""
    df = pd.DataFrame(reviews, columns=list(REVIEWS_EXPORT_COLUMNS))
    df["quantity"] = df["quantity"].astype("Int64")  # a whole number or blank, never 3.0
    return df


def _unreviewed(records: pd.DataFrame) -> pd.DataFrame:
    """Records with the review columns added and nothing reviewed."""
    df = records.copy()
    for field, column in zip(REVIEW_FIELDS, EXTRACTED_COLUMNS, strict=True):
        df[column] = df[field]
    df["review"] = UNREVIEWED
    df["review_of"] = ""
    df["review_note"] = ""
    df["reviewed_at"] = ""
    df["source_changed"] = False
    return df


def _chosen_reviews(df: pd.DataFrame, reviews: pd.DataFrame) -> pd.DataFrame:
    """Per reviewed row of ``df`` (same index), the review that applies: the record's own, else its fact's."""
    by_record = reviews[reviews["target"] == "record"].drop_duplicates("target_id").set_index("target_id")
    by_fact = reviews[reviews["target"] == "fact"].drop_duplicates("target_id").set_index("target_id")
    own = df["record_id"].isin(by_record.index)
    via_fact = ~own & df["fact_id"].isin(by_fact.index)
    parts = [by_record.loc[df.loc[own, "record_id"]].set_axis(df.index[own]),
             by_fact.loc[df.loc[via_fact, "fact_id"]].set_axis(df.index[via_fact])]
    return pd.concat([p for p in parts if not p.empty]) if any(not p.empty for p in parts) else by_record.iloc[0:0]


def apply_reviews(records: pd.DataFrame, reviews: pd.DataFrame) -> pd.DataFrame:
    """Records as reviewed: corrected fields replace the extracted ones (kept in ``*_extracted``),
    ``review`` says unreviewed / confirmed / corrected / rejected, ``review_of`` whether the record's
    own review or its fact's applies, ``source_changed`` whether the reviewed sentence reads otherwise
    now. A record's own review wins over its fact's."""
    df = _unreviewed(records)
    if reviews.empty or df.empty:
        return df
    chosen = _chosen_reviews(df, reviews)
    if chosen.empty:
        return df
    rows = chosen.index
    for field in REVIEW_FIELDS:
        values = chosen[field]
        set_rows = values.index[values.notna()]
        if field == "quantity":
            df.loc[set_rows, field] = pd.array(values.loc[set_rows].astype("int64"), dtype="Int64")
        else:
            df.loc[set_rows, field] = values.loc[set_rows].astype(str)
    df.loc[rows, "review"] = chosen["verdict"]
    df.loc[rows, "review_of"] = chosen["target"]
    df.loc[rows, "review_note"] = chosen["note"].fillna("")
    df.loc[rows, "reviewed_at"] = chosen["reviewed_at"].fillna("")
    df.loc[rows, "source_changed"] = (chosen["source"] == store.SOURCE_CHANGED).to_numpy()
    _respan_dates(df, chosen.index[chosen["date"].notna()])
    _relocate(df, chosen.index[chosen["location"].notna()])
    return df


def _respan_dates(df: pd.DataFrame, rows: pd.Index) -> None:
    """A corrected date gets its span and precision again, so the timeline and the date filter follow it."""
    for row in rows:
        start, end, precision = date_span(df.at[row, "date"])
        df.at[row, "date_start"], df.at[row, "date_end"], df.at[row, "precision"] = start, end, precision


def _relocate(df: pd.DataFrame, rows: pd.Index) -> None:
    """A corrected place moves the record to the gazetteer's coordinates; a place the gazetteer does
    not know leaves the record off the map rather than at the place it was wrongly put."""
    for row in rows:
        place = places.lookup_place(df.at[row, "location"]) if df.at[row, "location"] else None
        df.at[row, "lat"], df.at[row, "lon"] = (place.lat, place.lon) if place else (math.nan, math.nan)


def hide_rejected(df: pd.DataFrame, chosen_states: tuple[str, ...]) -> pd.DataFrame:
    """Rejected records are hidden unless the reader chose to see them in the Review filter."""
    if "rejected" in chosen_states:
        return df
    return df[df["review"] != "rejected"]


def review_queue(df: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """The unreviewed records of ``df``, newest first: by the article's publication date, then the
    record's own date, then its place in the article; undated ones last."""
    published = articles.set_index("article_id")["published"] if not articles.empty else pd.Series(dtype=object)
    todo = df[df["review"] == UNREVIEWED].assign(_published=lambda d: d["article_id"].map(published).fillna(""))
    return todo.sort_values(["_published", "date_start", "article_id", "char_start"],
                            ascending=[False, False, True, True], na_position="last", kind="stable"
                            ).drop(columns="_published")


def corrections_from(values: dict, extracted: dict) -> dict:
    """The fields an analyst changed: values that differ from the extracted ones (blank text is
    a blank value, a quantity of None leaves the extracted one)."""
    changed = {}
    for field in REVIEW_FIELDS:
        value, before = values.get(field), extracted.get(field)
        if field == "quantity":
            before = None if before is None or pd.isna(before) else int(before)
            if value is not None and value != before:
                changed[field] = int(value)
        elif value is not None and str(value).strip() != str(before or ""):
            changed[field] = str(value).strip()
    return changed
