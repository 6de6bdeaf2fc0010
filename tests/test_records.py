import csv
import io

from extract.records import (
    COLUMNS,
    CONTRACT_COLUMNS,
    Record,
    make_record_id,
    neutralise_formula,
    rows_to_csv,
    write_records_csv,
)

CONTRACT = ["record_id", "article_id", "kind", "label", "category", "supplier", "recipient", "status", "certainty",
            "quantity", "date", "location", "lat", "lon", "sentence", "char_start", "char_end"]


def test_records_columns_follow_the_contract():
    assert list(CONTRACT_COLUMNS) == CONTRACT
    assert list(COLUMNS[: len(CONTRACT)]) == CONTRACT


def test_records_ids_are_stable_and_distinct():
    a = make_record_id("a1", "item", "Tu-160", 10, "RUS", "VEN")
    assert a == make_record_id("a1", "item", "Tu-160", 10, "RUS", "VEN")
    assert a != make_record_id("a1", "item", "Tu-160", 11, "RUS", "VEN")


def test_records_formulas_are_neutralised_numbers_are_not():
    assert neutralise_formula("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")"
    assert neutralise_formula("@SUM(A1)") == "'@SUM(A1)"
    assert neutralise_formula(-66.9) == -66.9
    text = rows_to_csv([{"a": "+1+2", "b": "plain"}], ["a", "b"])
    assert list(csv.DictReader(io.StringIO(text))) == [{"a": "'+1+2", "b": "plain"}]


def test_records_csv_written_atomically(tmp_path):
    record = Record("id1", "a1", "item", "drones", "drone", "IRN", "RUS", "delivered", "claimed", 24, "2023",
                    "Russia", 61.5, 105.3, "Iran shipped 24 drones.", 0, 23)
    path = tmp_path / "out" / "records.csv"
    write_records_csv([record], path)
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert rows[0]["quantity"] == "24" and rows[0]["lat"] == "61.5" and rows[0]["supplier"] == "IRN"
    assert [p.name for p in path.parent.iterdir()] == ["records.csv"]  # no temp file left behind
