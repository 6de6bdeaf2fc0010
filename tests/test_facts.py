from extract import runner, store
from extract.facts import fact_id
from extract.records import Record


def rec(rid, article, date="2018", label="Tu-160", status="delivered"):
    return Record(rid, article, "item", label, "aircraft", "RUS", "VEN", status, "confirmed", 2, date,
                  "Venezuela", 6.4, -66.6, "s", 0, 1)


def test_facts_same_claim_same_id_other_claim_other_id():
    assert fact_id(rec("r1", "a1", "2018")) == fact_id(rec("r2", "a2", "2018-12"))
    assert fact_id(rec("r1", "a1")) != fact_id(rec("r3", "a1", status="planned"))
    assert fact_id(rec("r1", "a1")) != fact_id(rec("r4", "a1", label="Il-76"))


def test_facts_two_articles_corroborate_one_fact(tmp_path):
    folder = tmp_path / "arts"
    folder.mkdir()
    (folder / "a1.txt").write_text("Russia sent two Tu-160 bombers to Venezuela in 2018.", encoding="utf-8")
    (folder / "a2.txt").write_text("In December 2018, Russia sent a pair of Tu-160 bombers to Venezuela.", encoding="utf-8")
    (folder / "a3.txt").write_text("Russia delivered Il-76 planes to Venezuela in 2019.", encoding="utf-8")
    runner.run(folder, tmp_path / "out", tmp_path / "t.sqlite")
    facts = {f["label"]: f for f in store.load_facts(store.connect(tmp_path / "t.sqlite"))}
    assert facts["Tu-160"]["n_articles"] == 2 and facts["Tu-160"]["article_ids"] == "a1|a2"
    assert facts["Tu-160"]["date"] == "2018-12"  # the most precise report stands for the fact
    assert facts["Il-76"]["n_articles"] == 1
    assert (tmp_path / "out" / "facts.csv").read_text(encoding="utf-8").count("Tu-160") == 1
