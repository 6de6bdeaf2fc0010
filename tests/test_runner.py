"""Runs over a folder and uploads: the store, the CSVs, ids, budgets, bad input (extract/runner.py)."""

import csv
import shutil
import sqlite3
import time

import pytest

from extract import limits, pipeline, runner, store
from extract.articles import ArticleError


def test_runner_seeds_end_to_end(seed_copy, tmp_path):
    summary = runner.run(seed_copy, tmp_path / "out", tmp_path / "t.sqlite")
    assert summary.articles == 5 and summary.extracted == 5 and not summary.skipped
    rows = read_rows(tmp_path / "out" / "records.csv")
    texts = {p.stem: p.read_text(encoding="utf-8") for p in seed_copy.glob("*.txt")}
    assert {r["kind"] for r in rows} == {"item", "deployment", "agreement"}
    for row in rows:
        assert texts[row["article_id"]][int(row["char_start"]):int(row["char_end"])] == row["sentence"]
        assert row["location"] == "" or (row["lat"] and row["lon"])
    il76 = [r for r in rows if r["label"] == "Il-76"]
    assert [(r["supplier"], r["recipient"], r["status"], r["date"], r["location"]) for r in il76] == [
        ("RUS", "VEN", "delivered", "2025-10-26", "Caracas")]
    assert (tmp_path / "out" / "facts.csv").exists()


def test_runner_rerun_gives_same_ids_and_no_duplicates(seed_copy, tmp_path):
    runner.run(seed_copy, tmp_path / "o1", tmp_path / "t.sqlite")
    first = read_rows(tmp_path / "o1" / "records.csv")
    summary = runner.run(seed_copy, tmp_path / "o2", tmp_path / "t.sqlite")
    second = read_rows(tmp_path / "o2" / "records.csv")
    assert summary.extracted == 0 and summary.unchanged == 5
    assert [r["record_id"] for r in first] == [r["record_id"] for r in second]
    assert len({r["record_id"] for r in second}) == len(second)


def test_runner_run_that_changes_nothing_rewrites_nothing(seed_copy, tmp_path):
    db, out = tmp_path / "t.sqlite", tmp_path / "out"
    runner.run(seed_copy, out, db)
    stamps = {p.name: p.stat().st_mtime_ns for p in (db, out / "records.csv", out / "facts.csv")}
    summary = runner.run(seed_copy, out, db)
    assert {p.name: p.stat().st_mtime_ns for p in (db, out / "records.csv", out / "facts.csv")} == stamps
    assert summary.records_by_kind and summary.extracted == 0
    (out / "facts.csv").unlink()  # an output gone missing is written again
    runner.run(seed_copy, out, db)
    assert (out / "facts.csv").exists() and (out / "records.csv").stat().st_mtime_ns > stamps["records.csv"]


def test_runner_only_new_or_changed_articles_are_extracted(seed_copy, tmp_path):
    db = tmp_path / "t.sqlite"
    runner.run(seed_copy, None, db)
    (seed_copy / "900_new.txt").write_text("Iran shipped Shahed-136 drones to Russia last month.", encoding="utf-8")
    changed = next(seed_copy.glob("004_*.txt"))
    changed.write_text(changed.read_text(encoding="utf-8") + "\nRussia sent two Tu-95 bombers to Venezuela.", encoding="utf-8")
    summary = runner.run(seed_copy, None, db)
    assert (summary.extracted, summary.unchanged) == (2, 4)


def test_runner_bad_files_are_skipped_and_the_rest_extracted(seed_copy, tmp_path):
    (seed_copy / "empty.txt").write_bytes(b"")
    (seed_copy / "binary.md").write_bytes(b"\x00\xff\x00\xfe" * 50)
    summary = runner.run(seed_copy, tmp_path / "out", tmp_path / "t.sqlite")
    assert summary.extracted == 5
    assert sorted(s.split(":")[0] for s in summary.skipped) == ["binary.md", "empty.txt"]


def test_runner_failed_write_leaves_the_store_intact(seed_copy, tmp_path, monkeypatch):
    db = tmp_path / "t.sqlite"
    runner.run(seed_copy, None, db)
    conn = sqlite3.connect(db)
    before = {table: conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall() for table in ("articles", "records", "facts")}
    (seed_copy / "900_new.txt").write_text("Russia delivered S-400 systems to India in 2021.", encoding="utf-8")

    def failing(*args, **kwargs):  # fail at the end of the batch, after the records were written
        raise sqlite3.OperationalError("disk full")

    monkeypatch.setattr(runner.store, "update_facts", failing)
    with pytest.raises(sqlite3.OperationalError):
        runner.run(seed_copy, None, db)
    after = {table: conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall() for table in ("articles", "records", "facts")}
    assert after == before  # the new article and its records were rolled back with the facts


def test_runner_adding_articles_updates_facts_as_a_full_rebuild_would(seed_copy, tmp_path):
    db = tmp_path / "t.sqlite"
    runner.run(seed_copy, None, db)
    (seed_copy / "901_followup.txt").write_text(
        "Russia sends bombers to Venezuela\n\nTwo Russian Tu-160 bombers landed in Caracas on December 10, 2018.",
        encoding="utf-8")
    changed = seed_copy / "003_edc9eed815163c45.txt"  # an edited article is extracted again
    changed.write_text(changed.read_text(encoding="utf-8") + "\n\nRussia has sent S-300 systems to Venezuela.\n",
                       encoding="utf-8")
    runner.run(seed_copy, None, db)
    conn = sqlite3.connect(db)
    incremental = conn.execute("SELECT * FROM facts ORDER BY fact_id").fetchall()
    store.rebuild_facts(conn)
    assert conn.execute("SELECT * FROM facts ORDER BY fact_id").fetchall() == incremental
    assert any(row[11] > 1 for row in incremental)  # the 2018 Tu-160 visit, corroborated


def test_runner_ingest_text_refuses_bad_uploads_and_changes_nothing(tmp_path):
    db = tmp_path / "t.sqlite"
    runner.ingest_text("good.txt", b"Russia sent Su-35 jets to Iran in 2024.", db)
    before = store.load_records(store.connect(db))
    for name, data in [("empty.txt", b""), ("bin.txt", b"\x00\x01\x02" * 100), ("latin.txt", "Bogot\u00e1".encode("latin-1")),
                       ("page.pdf", b"%PDF-1.4")]:
        with pytest.raises(ArticleError) as err:
            runner.ingest_text(name, data, db)
        assert name in str(err.value)
    assert store.load_records(store.connect(db)) == before


def test_runner_ingest_html_upload(tmp_path):
    db = tmp_path / "t.sqlite"
    html = b"<html><body><p>Iran delivered Shahed-136 drones to Russia in 2022.</p><script>x()</script></body></html>"
    runner.ingest_text("report.html", html, db, {"title": "Drones", "published": "2022-12-01", "source": "AP"})
    records = store.load_records(store.connect(db))
    assert [(r.label, r.supplier, r.recipient, r.date) for r in records] == [("Shahed-136", "IRN", "RUS", "2022")]


def test_runner_article_without_publication_date_is_marked_inferred(tmp_path):
    folder = tmp_path / "arts"
    folder.mkdir()
    (folder / "x.txt").write_text("On March 3, 2021, Russia delivered Pantsir systems to Serbia. It has more.", encoding="utf-8")
    runner.run(folder, tmp_path / "out", tmp_path / "t.sqlite")
    conn = store.connect(tmp_path / "t.sqlite")
    article = store.load_articles(conn)[0]
    assert article["published"] == "2021-03-03" and article["published_inferred"] == 1


def test_runner_needs_extraction(seed_copy, tmp_path):
    db = tmp_path / "t.sqlite"
    assert runner.needs_extraction(seed_copy, db)
    runner.run(seed_copy, None, db)
    assert not runner.needs_extraction(seed_copy, db)
    shutil.copy(next(seed_copy.glob("000_*.txt")), seed_copy / "999_copy.txt")
    assert runner.needs_extraction(seed_copy, db)


def test_runner_a_store_extracted_by_other_rules_needs_extraction(seed_copy, tmp_path):
    # the dashboard asks this at start: after an upgrade it must not show the old rules' records
    db = tmp_path / "t.sqlite"
    runner.run(seed_copy, None, db)
    conn = store.connect(db)
    store.set_extractor_digest(conn, "digest of an older extractor")
    conn.close()
    assert runner.needs_extraction(seed_copy, db)
    runner.run(seed_copy, None, db)
    assert not runner.needs_extraction(seed_copy, db)


@pytest.mark.parametrize("budget", [0.3])
def test_runner_article_over_its_budget_is_skipped_by_name_and_the_run_goes_on(seed_copy, tmp_path, monkeypatch, budget):
    (seed_copy / "stuck.txt").write_text("Russia sent tanks to Syria.", encoding="utf-8")
    stall_on("stuck", monkeypatch)
    summary = runner.run(seed_copy, tmp_path / "out", tmp_path / "t.sqlite", budget=budget)
    assert summary.extracted == 5
    assert summary.skipped == [f"stuck.txt: took longer than the {budget:g} s time budget per article; skipped"]
    assert "stuck" not in {row["article_id"] for row in read_rows(tmp_path / "out" / "records.csv")}


@pytest.mark.parametrize("words", [3000])
def test_runner_cuts_are_said_in_the_run_warnings(tmp_path, words):
    folder = tmp_path / "arts"
    folder.mkdir()
    (folder / "dump.txt").write_text(" ".join(["Russia delivered tanks"] * (words // 3)), encoding="utf-8")
    summary = runner.run(folder, None, tmp_path / "t.sqlite")
    assert any(w.startswith("dump.txt: a sentence of") and "cut" in w for w in summary.warnings), summary.warnings


def test_runner_files_sharing_a_stem_get_distinct_stable_ids(tmp_path):
    folder = tmp_path / "arts"
    folder.mkdir()
    (folder / "x.txt").write_text("Russia delivered S-400 systems to India in 2021.", encoding="utf-8")
    (folder / "x.md").write_text("Iran shipped Shahed-136 drones to Russia in 2022.", encoding="utf-8")
    (folder / "y.txt").write_text("China sold Wing Loong drones to Serbia in 2020.", encoding="utf-8")
    first = runner.run(folder, tmp_path / "out", tmp_path / "t.sqlite")
    ids = {row["article_id"] for row in read_rows(tmp_path / "out" / "records.csv")}
    assert ids == {"x.txt", "x.md", "y"}
    assert sorted(w.split(":")[0] for w in first.warnings) == ["x.md", "x.txt"]
    again = runner.run(folder, tmp_path / "out", tmp_path / "t.sqlite")
    assert (again.extracted, again.unchanged) == (0, 3)  # records.csv settles


def test_runner_upload_never_silently_replaces_a_stored_article(tmp_path):
    db = tmp_path / "t.sqlite"
    first, other = b"Russia sent Su-35 jets to Iran in 2024.", b"China sold J-10 jets to Pakistan in 2022."
    runner.ingest_text("x.txt", first, db)
    renamed = runner.ingest_text("x.txt", other, db)
    texts = stored_texts(db)
    assert texts["x"] == first.decode() and len(texts) == 2
    [new_id] = set(texts) - {"x"}
    assert new_id.startswith("x-") and any(repr(new_id) in w for w in renamed.warnings)
    again = runner.ingest_text("x.txt", first, db)
    assert (again.extracted, again.unchanged) == (0, 1) and stored_texts(db) == texts
    runner.ingest_text("x y.txt", b"Iran sent drones to Russia.", db)  # cleans to x_y
    runner.ingest_text("x_y.txt", b"Turkey sold TB2 drones to Ukraine.", db)
    assert len(stored_texts(db)) == 4


def test_runner_upload_over_its_budget_is_refused_and_changes_nothing(tmp_path):
    db = tmp_path / "t.sqlite"
    runner.ingest_text("good.txt", b"Russia sent Su-35 jets to Iran in 2024.", db)
    before = stored_texts(db)
    with pytest.raises(ArticleError, match="slow.txt: took longer than"):
        runner.ingest_text("slow.txt", b"Russia sent tanks to Syria. " * 50, db, budget=1e-9)
    assert stored_texts(db) == before


def test_runner_folder_run_never_replaces_an_upload(tmp_path):
    db, folder = tmp_path / "t.sqlite", tmp_path / "arts"
    folder.mkdir()
    runner.ingest_text("report.txt", b"Russia sent Su-35 jets to Iran in 2024.", db)
    (folder / "report.txt").write_text("China sold J-10 jets to Pakistan in 2022.", encoding="utf-8")
    summary = runner.run(folder, None, db)
    texts = stored_texts(db)
    assert texts["report"] == "Russia sent Su-35 jets to Iran in 2024."
    assert texts["report.txt"] == "China sold J-10 jets to Pakistan in 2022."
    assert any(w.startswith("report.txt: an uploaded article holds the id 'report'") for w in summary.warnings)
    assert runner.run(folder, None, db).extracted == 0  # and it settles


def read_rows(path):
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def stall_on(article_id: str, monkeypatch) -> None:
    """Make one article's reading (the first step of every way of extracting it) run until its
    budget stops it, as a hostile input would."""
    real = pipeline.read_article

    def read(article):
        while article.article_id == article_id:
            limits.check()
            time.sleep(0.01)
        return real(article)

    monkeypatch.setattr(pipeline, "read_article", read)


def stored_texts(db) -> dict[str, str]:
    return {a["article_id"]: a["text"] for a in store.load_articles(store.connect(db))}
