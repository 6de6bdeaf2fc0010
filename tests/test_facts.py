from extract.facts import consolidate
from extract.records import Record


def rec(rid, article, date="2018", label="Tu-160"):
    return Record(rid, article, "item", label, "aircraft", "RUS", "VEN", "delivered", "confirmed", 2, date,
                  "Venezuela", 6.4, -66.6, "s", 0, 1)


def test_facts_same_claim_in_two_articles_is_one_fact():
    facts, fact_of = consolidate([rec("r1", "a1", "2018"), rec("r2", "a2", "2018-12"), rec("r3", "a2", "2019", "Il-76")])
    tu = [f for f in facts if f["label"] == "Tu-160"]
    assert len(facts) == 2 and tu[0]["n_articles"] == 2 and tu[0]["article_ids"] == "a1|a2"
    assert tu[0]["date"] == "2018-12"  # the most precise report stands for the fact
    assert fact_of["r1"] == fact_of["r2"] != fact_of["r3"]
