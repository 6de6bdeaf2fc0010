"""A claim a headline states and the body repeats is one record (extract/headlines.py): the passages
are invented."""

from extract.headlines import dates_compatible


def test_headline_repeated_in_the_body_gives_one_record_kept_in_the_body(extract_text):
    text = ("Peru receives first Korean FA-50 jets as coastal tensions rise\n\n"
            "LIMA -- Peru took delivery of its first two FA-50 light combat jets from South Korea on Monday, "
            "the air force said.\n\n"
            "Peru also plans to buy Spanish radars next year, officials said.\n")
    records = extract_text(text, "2026-02-10")
    jets = [(r.supplier, r.recipient, r.status, r.date, r.sentence[:4]) for r in records if r.label == "FA-50"]
    assert jets == [("KOR", "PER", "delivered", "2026-02-09", "LIMA")]


def test_headline_claim_the_body_does_not_repeat_stays(extract_text):
    text = ("Peru orders Spanish radars and Korean FA-50 jets\n\n"
            "Peru signed a contract for four Spanish radars on Monday, the ministry said.\n")
    records = extract_text(text, "2026-02-10")
    assert [(r.label, r.supplier, r.recipient) for r in records if r.category == "aircraft"] == [("FA-50", "KOR", "PER")]
    assert [r.sentence[:10] for r in records if r.category == "radar"] == ["Peru signe"]


def test_dates_of_one_event_are_close_or_nested():
    assert dates_compatible("2026-02-10", "2026-02-09")
    assert dates_compatible("2026-02", "2026-02-09")
    assert dates_compatible("", "2019")
    assert not dates_compatible("2016-11-14", "2017-03-12")
    assert not dates_compatible("2026-02-10", "2026-01-20")
