"""Candidates that are not claims, and one claim not split into several records (extract/claims.py,
extract/pipeline.py, extract/roles.py): the passages are invented."""


def test_claims_a_comma_between_two_clauses_lists_no_countries(extract_text):
    # "built in the US, Algeria fields ...": the comma closes one clause, it does not list Algeria with
    # the US; and the pair that opens the sentence is not listed with the user of the second clause
    text = ("Algeria and China have long been close, and this shows in the hardware they field: while the "
            "Moroccans field F-16s built in the US, Algeria fields Su-30s made in Russia.\n")
    records = extract_text(text, "2024-03-01")
    for label in ("F-16", "Su-30"):
        recipients = [r.recipient for r in records if r.label == label]
        assert len(recipients) == 1, (label, recipients)
        assert recipients[0] not in ("CHN", "USA")

def test_claims_countries_listed_together_share_the_claim(extract_text):
    text = "Russia delivered T-90 tanks to Algeria, Egypt and Syria last year.\n"
    records = extract_text(text, "2024-03-01")
    assert {r.recipient for r in records if r.label.startswith("T-90")} == {"DZA", "EGY", "SYR"}


def test_claims_what_a_weapon_acts_on_is_no_claim(extract_text):
    text = ("Chile received the NASAMS air defence system from Norway in March.\n\n"
            "The system was built to destroy helicopters, cruise missiles and drones.\n\n"
            "Officials said it would protect Santiago from Chinese drones and leave it less vulnerable to "
            "hostile cruise missiles.\n\n"
            "Chile also bought Spanish drones for its navy.\n")
    records = extract_text(text, "2024-05-02")
    targets = [r.label for r in records if r.label != "NASAMS" and ("destroy" in r.sentence or "vulnerable" in r.sentence)]
    assert targets == []
    # a drone bought is still a claim
    assert [(r.supplier, r.recipient) for r in records if r.category == "drone"] == [("ESP", "CHL")]
    assert any(r.label == "NASAMS" and r.supplier == "NOR" and r.recipient == "CHL" for r in records)
