"""extract/store.py: the reviews table, which no extraction step touches."""

from __future__ import annotations

import csv
import io
import sqlite3
from contextlib import closing
from dataclasses import replace

import pytest
from conftest import build_article

from extract import store
from extract.cli import main


def review_rows(db) -> list[tuple]:
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute("SELECT * FROM reviews ORDER BY target, target_id").fetchall()


def test_store_review_is_saved_replaced_and_withdrawn(fixture_store):
    record = fixture_store.records[0]
    with closing(store.connect(fixture_store.db)) as conn:
        store.save_review(conn, "record", record.record_id, "confirmed", note="seen in Reuters too")
        store.save_review(conn, "record", record.record_id, "corrected", {"status": "planned", "quantity": 3})
        [review] = store.load_reviews(conn)
        assert (review["verdict"], review["status"], review["quantity"], review["label"]) == ("corrected", "planned", 3, None)
        assert review["source"] == store.SOURCE_UNCHANGED
        store.delete_review(conn, "record", record.record_id)
        assert store.load_reviews(conn) == []


@pytest.mark.parametrize(("target", "verdict", "corrections", "message"), [
    ("article", "confirmed", {}, "record or a fact"),
    ("record", "maybe", {}, "verdict"),
    ("record", "corrected", {"sentence": "x"}, "cannot correct sentence"),
    ("record", "corrected", {"status": "sold"}, "status 'sold'"),
    ("record", "corrected", {"certainty": "sure"}, "certainty 'sure'"),
])
def test_store_review_refuses_what_the_contract_does_not_allow(fixture_store, target, verdict, corrections, message):
    with closing(store.connect(fixture_store.db)) as conn, pytest.raises(ValueError, match=message):
        store.save_review(conn, target, fixture_store.records[0].record_id, verdict, corrections)
    assert review_rows(fixture_store.db) == []


def test_store_review_flags_a_changed_sentence_and_a_vanished_record(fixture_store):
    first, second = fixture_store.records[:2]
    with closing(store.connect(fixture_store.db)) as conn:
        store.save_review(conn, "record", first.record_id, "confirmed")
        store.save_review(conn, "record", second.record_id, "rejected")
        store.save_review(conn, "fact", first.fact_id, "confirmed")
        article, records = build_article("a01_caracas_2019", "Russian troops land in Caracas", "2019-03-25", "", "", [])
        kept = replace(first, sentence=first.sentence.replace("about 100", "about 150"))
        store.save_articles(conn, [(article.as_row(), [kept])])  # the article now holds the first record only
        sources = {(r["target"], r["target_id"]): r["source"] for r in store.load_reviews(conn)}
    assert sources[("record", first.record_id)] == store.SOURCE_CHANGED
    assert sources[("record", second.record_id)] == store.SOURCE_MISSING
    assert sources[("fact", first.fact_id)] == store.SOURCE_CHANGED


def test_store_reviews_survive_python_m_extract(seed_copy, tmp_path, capsys):
    db, out = tmp_path / "t.sqlite", tmp_path / "out"
    assert main([str(seed_copy), "--out", str(out), "--db", str(db), "--quiet"]) == 0
    with closing(store.connect(db)) as conn:
        record = store.load_records(conn)[0]
        store.save_review(conn, "record", record.record_id, "corrected", {"status": "ended"}, note="checked")
    article = next(seed_copy.glob(f"{record.article_id}.*"))
    article.write_text(article.read_text(encoding="utf-8") + "\n\nUpdated at 10:00 GMT.\n", encoding="utf-8")
    records_before = (out / "records.csv").read_text(encoding="utf-8")
    capsys.readouterr()
    assert main([str(seed_copy), "--out", str(out), "--db", str(db), "--quiet"]) == 0
    assert "(1 extracted, 4 unchanged)" in capsys.readouterr().out
    with closing(store.connect(db)) as conn:
        [review] = store.load_reviews(conn)
        assert record.record_id in {r.record_id for r in store.load_records(conn)}  # re-extracted, same id
    assert (review["target_id"], review["status"], review["note"]) == (record.record_id, "ended", "checked")
    assert review["source"] == store.SOURCE_UNCHANGED
    # the extractor's own output stays the extractor's: no review columns, the record as extracted
    header = next(csv.reader(io.StringIO(records_before)))
    assert next(csv.reader(io.StringIO((out / "records.csv").read_text(encoding="utf-8")))) == header
