"""dashboard/exports.py: CSV and GeoJSON of exactly the filtered rows."""

from __future__ import annotations

import csv
import io
import json

import pytest

from dashboard.exports import records_csv, records_geojson
from dashboard.filters import FilterState, apply_filters
from extract.records import COLUMNS


def read_csv(data: bytes) -> tuple[list[str], list[dict]]:
    reader = csv.DictReader(io.StringIO(data.decode("utf-8")))
    return list(reader.fieldnames or []), list(reader)


def test_exports_csv_has_contract_columns_first(records_df):
    header, _ = read_csv(records_csv(records_df))
    assert header == list(COLUMNS)


@pytest.mark.parametrize("state", [FilterState(), FilterState(supplier=("IRN",)), FilterState(kind=("agreement",)),
                                   FilterState(text="no such thing")])
def test_exports_csv_holds_exactly_the_filtered_rows(records_df, state):
    filtered = apply_filters(records_df, state)
    _, rows = read_csv(records_csv(filtered))
    assert [r["record_id"] for r in rows] == filtered["record_id"].tolist()


def test_exports_csv_neutralises_formulas(records_df):
    _, rows = read_csv(records_csv(records_df))
    fath = next(r for r in rows if "Fath-360" in r["label"])
    assert fath["label"] == "'=Fath-360"
    assert fath["sentence"].startswith("'=cmd|")


def test_exports_csv_writes_cells_as_the_contract_does(records_df):
    _, rows = read_csv(records_csv(records_df))
    troops = next(r for r in rows if r["label"] == "troops" and r["quantity"])
    specialists = next(r for r in rows if r["label"] == "military specialists")
    assert (troops["quantity"], troops["date_inferred"], troops["lat"]) == ("100", "0", "10.4806")
    assert (specialists["quantity"], specialists["date"]) == ("", "")
    assert "<script>alert(1)</script>" in next(r["sentence"] for r in rows if r["label"] == "T-72")


def test_exports_geojson_is_a_feature_collection_of_the_same_rows(records_df):
    filtered = apply_filters(records_df, FilterState(recipient=("RUS",)))
    collection = json.loads(records_geojson(filtered))
    assert collection["type"] == "FeatureCollection"
    assert [f["id"] for f in collection["features"]] == filtered["record_id"].tolist()
    for feature in collection["features"]:
        assert feature["type"] == "Feature"
        assert set(feature["properties"]) == set(COLUMNS)
        assert feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        assert (lat, lon) == (feature["properties"]["lat"], feature["properties"]["lon"])


def test_exports_geojson_keeps_a_row_without_coordinates(records_df):
    records_df.loc[0, ["lat", "lon"]] = float("nan")
    features = json.loads(records_geojson(records_df.head(2)))["features"]
    assert features[0]["geometry"] is None
    assert features[0]["properties"]["lat"] is None
    assert features[1]["geometry"]["type"] == "Point"


def test_exports_empty_selection_gives_header_and_empty_collection(records_df):
    empty = records_df.iloc[0:0]
    assert records_csv(empty).decode("utf-8").strip() == ",".join(COLUMNS)
    assert json.loads(records_geojson(empty)) == {"type": "FeatureCollection", "features": []}
