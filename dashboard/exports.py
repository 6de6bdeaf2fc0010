"""Downloads of exactly the rows on screen: CSV in the record contract's columns, and GeoJSON."""

from __future__ import annotations

import json
import math

import pandas as pd

from extract.records import COLUMNS, rows_to_csv


def _plain(value: object) -> object:
    """A cell as the record contract writes it: missing is empty, booleans are 0/1, numbers plain."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool):
        return int(value)
    if hasattr(value, "item"):  # numpy scalars from a typed column
        return value.item()
    return value


def frame_rows(df: pd.DataFrame) -> list[dict]:
    """The records of ``df`` as plain dicts with the contract's columns (derived columns dropped)."""
    return [{c: _plain(v) for c, v in zip(COLUMNS, values, strict=True)} for values in df[list(COLUMNS)].itertuples(index=False)]


def records_csv(df: pd.DataFrame) -> bytes:
    """CSV bytes of the rows, contract columns first; cells a spreadsheet would run are neutralised."""
    return rows_to_csv(frame_rows(df), COLUMNS, neutralise=True).encode("utf-8")


def records_geojson(df: pd.DataFrame) -> bytes:
    """The same rows as a GeoJSON FeatureCollection: a Point where the record has coordinates, a null
    geometry (allowed by RFC 7946) where it has none, so no row is silently left out."""
    features = []
    for row in frame_rows(df):
        located = row["lat"] != "" and row["lon"] != ""
        geometry = {"type": "Point", "coordinates": [row["lon"], row["lat"]]} if located else None
        properties = {k: (None if v == "" else v) for k, v in row.items()}
        features.append({"type": "Feature", "id": row["record_id"], "geometry": geometry, "properties": properties})
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False).encode("utf-8")
