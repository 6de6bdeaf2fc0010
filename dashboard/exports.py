"""Downloads of exactly the rows on screen: CSV in the record contract's columns (then, when the
records carry reviews, the extracted values and the review), GeoJSON, and the reviews alone."""

from __future__ import annotations

import csv
import io
import json

import pandas as pd

from extract.records import COLUMNS, FORMULA_PREFIXES, table_to_csv

from .consolidate import FACTS_CSV_COLUMNS, with_supporting_ids
from .reviews import REVIEW_COLUMNS, REVIEWS_EXPORT_COLUMNS


def _plain_column(series: pd.Series) -> list:
    """A column as the record contract writes it: missing is empty, booleans 0/1, numbers plain
    Python values. Converted a column at a time: cell by cell took seconds at 100,000 rows."""
    if pd.api.types.is_bool_dtype(series):
        return series.astype(int).tolist()
    return series.astype(object).where(series.notna(), "").tolist()


def export_columns(df: pd.DataFrame) -> tuple[str, ...]:
    """The contract's columns, then the review columns when the records carry them."""
    return COLUMNS + tuple(c for c in REVIEW_COLUMNS if c in df.columns)


def frame_columns(df: pd.DataFrame) -> dict[str, list]:
    """The records of ``df`` column by column, in the export's columns (derived columns dropped)."""
    return {column: _plain_column(df[column]) for column in export_columns(df)}


def records_csv(df: pd.DataFrame) -> bytes:
    """CSV bytes of the rows, contract columns first; cells a spreadsheet would run are neutralised."""
    columns = frame_columns(df)
    return table_to_csv(list(columns), zip(*columns.values(), strict=True)).encode("utf-8")


def reviews_csv(reviews: pd.DataFrame) -> bytes:
    """The analysts' reviews alone, one row per review (blank: as extracted), for a team to merge work."""
    columns = {c: _plain_column(reviews[c]) for c in REVIEWS_EXPORT_COLUMNS}
    return table_to_csv(REVIEWS_EXPORT_COLUMNS, zip(*columns.values(), strict=True)).encode("utf-8")


def records_geojson(df: pd.DataFrame) -> bytes:
    """The same rows as a GeoJSON FeatureCollection: a Point where the record has coordinates, a null
    geometry (allowed by RFC 7946) where it has none, so no row is silently left out."""
    columns = frame_columns(df)
    features = []
    for values in zip(*columns.values(), strict=True):
        row = dict(zip(columns, values, strict=True))
        located = row["lat"] != "" and row["lon"] != ""
        geometry = {"type": "Point", "coordinates": [row["lon"], row["lat"]]} if located else None
        properties = {k: (None if v == "" else v) for k, v in row.items()}
        features.append({"type": "Feature", "id": row["record_id"], "geometry": geometry, "properties": properties})
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False).encode("utf-8")


def read_reviews_csv(data: bytes) -> list[dict]:
    """The rows of a reviews CSV (as ``reviews_csv`` writes it), with the apostrophe that neutralised
    a formula taken off again and quantities as numbers; ValueError says what is wrong with it."""
    try:
        reader = csv.DictReader(io.StringIO(data.decode("utf-8-sig")))
        rows = list(reader)
    except (UnicodeDecodeError, csv.Error) as err:
        raise ValueError(f"not a UTF-8 CSV file ({err})") from None
    missing = {"target", "target_id", "verdict", "reviewed_at"} - set(reader.fieldnames or ())
    if missing:
        raise ValueError(f"not a reviews CSV: no {', '.join(sorted(missing))} column")
    return [_review_row(row, line) for line, row in enumerate(rows, start=2)]


def _review_row(row: dict, line: int) -> dict:
    plain = {k: (v[1:] if isinstance(v, str) and v[:1] == "'" and v[1:2] in FORMULA_PREFIXES else v)
             for k, v in row.items() if k}
    quantity = (plain.get("quantity") or "").strip()
    if quantity and not quantity.isdigit():
        raise ValueError(f"line {line}: quantity {quantity!r} is not a whole number")
    return {**plain, "quantity": int(quantity) if quantity else None}


def facts_csv(facts: pd.DataFrame, records: pd.DataFrame) -> bytes:
    """One row per fact (its representative report's values, reviewed), with how many records and
    articles tell it and their ids; ``records`` are the rows the facts were made from."""
    facts = with_supporting_ids(facts, records)
    columns = {c: _plain_column(facts[c]) for c in FACTS_CSV_COLUMNS if c in facts.columns}
    return table_to_csv(list(columns), zip(*columns.values(), strict=True)).encode("utf-8")
