"""dashboard/reviews.py: reviewed values override extracted ones, both kept; rejected rows hidden."""

from __future__ import annotations

import csv
import io
import math
from contextlib import closing

import pandas as pd
import pytest

from dashboard.data import read_reviews, read_tables
from dashboard.exports import read_reviews_csv, records_csv, reviews_csv
from dashboard.filters import FilterState, apply_filters
from dashboard.reviews import apply_reviews, corrections_from, review_queue
from extract import store


def reviewed(fixture_store, *reviews: tuple) -> pd.DataFrame:
    """The fixture's records after saving ``reviews`` (target, target_id, verdict, corrections)."""
    with closing(store.connect(fixture_store.db)) as conn:
        for target, target_id, verdict, corrections in reviews:
            store.save_review(conn, target, target_id, verdict, corrections)
    return apply_reviews(read_tables(fixture_store.db).records, read_reviews(fixture_store.db))


def record(fixture_store, label: str, article_id: str | None = None):
    return next(r for r in fixture_store.records if r.label == label and (article_id is None or r.article_id == article_id))


def row_of(df: pd.DataFrame, record_id: str) -> pd.Series:
    return df[df["record_id"] == record_id].iloc[0]


def test_reviews_unreviewed_records_read_as_extracted(fixture_store):
    df = reviewed(fixture_store)
    assert set(df["review"]) == {"unreviewed"}
    assert (df["status"] == df["status_extracted"]).all()


def test_reviews_correction_overrides_and_keeps_the_extracted_value(fixture_store):
    t72 = record(fixture_store, "T-72")
    df = reviewed(fixture_store, ("record", t72.record_id, "corrected",
                                  {"status": "delivered", "date": "2024-10", "quantity": 30, "location": "Caracas"}))
    row = row_of(df, t72.record_id)
    assert (row["status"], row["status_extracted"], row["review"]) == ("delivered", "planned", "corrected")
    assert (row["date"], row["precision"], row["date_start"]) == ("2024-10", "month", pd.Timestamp("2024-10-01"))
    assert row["quantity"] == 30 and pd.isna(row["quantity_extracted"])
    assert (round(row["lat"], 1), round(row["lon"], 1)) == (10.5, -66.9)  # the gazetteer's Caracas
    assert row_of(df, record(fixture_store, "S-300VM").record_id)["review"] == "unreviewed"


def test_reviews_unknown_place_takes_the_record_off_the_map(fixture_store):
    t72 = record(fixture_store, "T-72")
    row = row_of(reviewed(fixture_store, ("record", t72.record_id, "corrected", {"location": "Nowhereville"})),
                 t72.record_id)
    assert math.isnan(row["lat"]) and math.isnan(row["lon"])


def test_reviews_fact_review_applies_to_its_records_and_a_record_review_wins(fixture_store):
    landing = record(fixture_store, "troops", "a01_caracas_2019")
    followup = record(fixture_store, "troops", "a02_caracas_2019_followup")
    assert landing.fact_id == followup.fact_id
    df = reviewed(fixture_store, ("fact", landing.fact_id, "corrected", {"certainty": "claimed"}),
                  ("record", followup.record_id, "confirmed", {}))
    assert (row_of(df, landing.record_id)["certainty"], row_of(df, landing.record_id)["review_of"]) == ("claimed", "fact")
    assert (row_of(df, followup.record_id)["certainty"], row_of(df, followup.record_id)["review"]) == ("confirmed",
                                                                                                        "confirmed")


def test_reviews_rejected_rows_are_hidden_unless_asked_for(fixture_store):
    shahed = record(fixture_store, "Shahed-136")
    df = reviewed(fixture_store, ("record", shahed.record_id, "rejected", {}))
    assert shahed.record_id not in apply_filters(df, FilterState())["record_id"].tolist()
    assert len(apply_filters(df, FilterState())) == len(df) - 1
    assert apply_filters(df, FilterState(review=("rejected",)))["record_id"].tolist() == [shahed.record_id]


@pytest.mark.parametrize(("values", "expected"), [
    ({"status": "planned", "label": "T-72 ", "quantity": None}, {}),
    ({"status": "delivered", "supplier": "RUS", "quantity": 12}, {"status": "delivered", "supplier": "RUS",
                                                                  "quantity": 12}),
])
def test_reviews_corrections_are_the_changed_fields(values, expected):
    extracted = {"label": "T-72", "status": "planned", "supplier": "BLR", "quantity": pd.NA}
    assert corrections_from(values, extracted) == expected


def test_reviews_queue_is_unreviewed_newest_first(fixture_store):
    newest = record(fixture_store, "T-72")
    df = reviewed(fixture_store, ("record", newest.record_id, "confirmed", {}))
    queue = review_queue(df, read_tables(fixture_store.db).articles)
    assert newest.record_id not in queue["record_id"].tolist()
    # articles by publication, newest first (a03 2024-11-05, a04 2024-09-12, ...); in one, the latest claim first
    assert list(dict.fromkeys(queue["article_id"])) == ["a03_kursk_2024", "a04_markup_and_formulas",
                                                        "a02_caracas_2019_followup", "a01_caracas_2019"]
    assert queue["date"].tolist()[:3] == ["2024-11", "2024-06-19", "2023"]
    assert len(queue) == len(df) - 1


def test_reviews_csv_exports_carry_review_and_extracted_columns(fixture_store):
    fath = record(fixture_store, "=Fath-360")
    df = reviewed(fixture_store, ("record", fath.record_id, "corrected", {"label": "=Fath-360 missile"}))
    rows = list(csv.DictReader(io.StringIO(records_csv(df).decode("utf-8"))))
    row = next(r for r in rows if r["record_id"] == fath.record_id)
    assert (row["label"], row["label_extracted"], row["review"]) == ("'=Fath-360 missile", "'=Fath-360", "corrected")
    assert {r["review"] for r in rows if r["record_id"] != fath.record_id} == {"unreviewed"}
    [review] = list(csv.DictReader(io.StringIO(reviews_csv(read_reviews(fixture_store.db)).decode("utf-8"))))
    assert (review["target_id"], review["verdict"], review["label"], review["status"]) == (
        fath.record_id, "corrected", "'=Fath-360 missile", "")


def test_reviews_csv_merges_into_another_store_newer_wins(fixture_store, tmp_path):
    from conftest import build_fixture_store

    fath, t72 = record(fixture_store, "=Fath-360"), record(fixture_store, "T-72")
    reviewed(fixture_store, ("record", fath.record_id, "corrected", {"label": "=Fath-360 missile", "quantity": 4}))
    exported = reviews_csv(read_reviews(fixture_store.db))
    other = build_fixture_store(tmp_path / "colleague")
    with closing(store.connect(other.db)) as conn:
        store.save_review(conn, "record", t72.record_id, "rejected")
        counts = store.merge_reviews(conn, read_reviews_csv(exported))
        assert counts == {"added": 1, "replaced": 0, "older": 0}
        assert store.merge_reviews(conn, read_reviews_csv(exported)) == {"added": 0, "replaced": 0, "older": 1}
    merged = read_reviews(other.db).set_index("target_id")
    assert merged.loc[fath.record_id, "label"] == "=Fath-360 missile"  # the apostrophe of the CSV is gone
    assert merged.loc[fath.record_id, "quantity"] == 4 and merged.loc[t72.record_id, "verdict"] == "rejected"


@pytest.mark.parametrize(("payload", "message"), [
    (b"label,status\nT-72,planned\n", "not a reviews CSV"),
    (b"target,target_id,verdict,reviewed_at,quantity\nrecord,x,confirmed,2026,many\n", "line 2: quantity"),
    (b"\xff\xfe\x00", "not a UTF-8 CSV"),
])
def test_reviews_csv_that_is_not_one_is_refused(payload, message):
    with pytest.raises(ValueError, match=message):
        read_reviews_csv(payload)


def test_reviews_merge_refuses_a_bad_verdict_and_merges_nothing(fixture_store):
    rows = [{"target": "record", "target_id": "a", "verdict": "confirmed", "reviewed_at": "2026-01-01"},
            {"target": "record", "target_id": "b", "verdict": "probably", "reviewed_at": "2026-01-01"}]
    with closing(store.connect(fixture_store.db)) as conn, pytest.raises(ValueError, match="verdict"):
        store.merge_reviews(conn, rows)
    assert read_reviews(fixture_store.db).empty
