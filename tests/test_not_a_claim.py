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
