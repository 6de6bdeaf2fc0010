from datetime import date

import pytest

from extract.dates import find_time_expressions, format_range, infer_publication_date

PUB = date(2024, 3, 13)  # a Wednesday


def resolve(text, pub=PUB, anchor=None):
    return [t.value for t in find_time_expressions(text, pub, anchor)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("signed on March 19, 2015", ["2015-03-19"]),
        ("delivered in 2018", ["2018"]),
        ("cooperation since 2001", ["2001"]),
        ("the deal of 4 July 2022", ["2022-07-04"]),
        ("in September 2023", ["2023-09"]),
        ("announced on Wednesday", ["2024-03-13"]),
        ("announced on Monday", ["2024-03-11"]),
        ("last Wednesday", ["2024-03-06"]),
        ("last month", ["2024-02"]),
        ("last year", ["2023"]),
        ("next year", ["2025"]),
        ("earlier this year", ["2024"]),
        ("recently", ["2024"]),
        ("a few months ago", [""]),  # October to January: no single year holds it
        ("two days ago", ["2024-03-11"]),
        ("In January", ["2024-01"]),
        ("In October", ["2023-10"]),
        ("yesterday", ["2024-03-12"]),
        ("by the end of the year", ["2024-12"]),
        ("before the end of next year", ["2025-12"]),
    ],
)
def test_dates_resolve_against_publication(text, expected):
    assert resolve(text) == expected


def test_dates_weekday_fixes_the_year():
    # October 26 fell on a Sunday in 2025, not in 2024 or 2026
    assert resolve("on Sunday, October 26, a plane landed", pub=date(2026, 1, 10)) == ["2025-10-26"]


def test_dates_a_day_earlier_counts_from_the_anchor():
    assert resolve("A day earlier, Moscow approved it.", anchor=date(2025, 10, 26)) == ["2025-10-25"]


def test_dates_a_week_across_two_months_is_a_year():
    assert resolve("last week", pub=date(2019, 5, 6)) == ["2019"]
    assert resolve("this week", pub=date(2017, 10, 4)) == ["2017-10"]


def test_dates_a_weekend_is_its_saturday_and_sunday():
    # a Monday paper's "over the weekend" is the two days before; "next weekend" and a future verb's
    # weekend are ahead; one across two months dates only the year
    def days(text, pub):
        return [(t.first, t.last) for t in find_time_expressions(text, pub)]

    assert days("jets landed over the weekend", date(2024, 3, 18)) == [(date(2024, 3, 16), date(2024, 3, 17))]
    assert days("ministers will meet at the weekend", date(2024, 3, 13)) == [(date(2024, 3, 16), date(2024, 3, 17))]
    assert days("next weekend", date(2024, 3, 16)) == [(date(2024, 3, 23), date(2024, 3, 24))]
    assert days("last weekend", date(2024, 3, 17)) == [(date(2024, 3, 9), date(2024, 3, 10))]
    assert resolve("over the weekend", pub=date(2024, 3, 18)) == ["2024-03"]
    assert resolve("over the weekend", pub=date(2024, 9, 2)) == ["2024"]


def test_dates_a_month_after_applies_to_what_follows():
    found = find_time_expressions("The talks came about a month after Kim visited", date(2024, 2, 16))
    assert [(t.value, t.scope) for t in found] == [("2024-01", "following")]


def test_dates_a_designation_is_no_year():
    assert resolve("six FTC-2000G jets and a J-2010A drone arrived") == []


@pytest.mark.parametrize("text", ["2000 troops", "over the past 15 years", "drones with a 1,000 km range", "we may deliver", "a march"])
def test_dates_not_dates(text):
    assert resolve(text) == []


def test_dates_format_range_precision():
    assert format_range(date(2024, 1, 1), date(2024, 1, 1)) == "2024-01-01"
    assert format_range(date(2024, 1, 1), date(2024, 1, 31)) == "2024-01"
    assert format_range(date(2024, 1, 1), date(2024, 6, 1)) == "2024"
    assert format_range(date(2023, 12, 1), date(2024, 1, 5)) == ""


def test_dates_relative_expressions_need_a_publication_date():
    assert [t.value for t in find_time_expressions("last month, in 2019", None)] == ["2019"]


def test_dates_infer_publication_date_takes_latest_full_date():
    assert infer_publication_date("Signed on May 2, 2021. Delivered on June 30, 2022.") == date(2022, 6, 30)
    assert infer_publication_date("No dates here.") is None


def test_dates_infer_publication_date_from_a_weekday_or_a_month():
    # "Tuesday, June 18" falls on a Tuesday in 2019 alone of the years the text names
    text = "At the 2019 Paris show on Tuesday, June 18, Rafael said exports had doubled since 2015."
    assert infer_publication_date(text) == date(2019, 6, 18)
    # no full date: the last day of the latest month named with its year
    assert infer_publication_date("Talks began in May 2021; the first tanks came in March 2023.") == date(2023, 3, 31)


def test_dates_a_month_in_an_undated_article_resolves_against_its_latest_month(extract_text):
    text = ("Laos gets jets\n\n"
            "In June, Laos received four Yak-130 trainers from Russia, state media said.\n\n"
            "The first two Yak-130s had been handed over in December 2022, and two more followed in June 2023.\n")
    records = extract_text(text)
    assert [(r.supplier, r.recipient, r.date) for r in records if r.label == "Yak-130"][:1] == [
        ("RUS", "LAO", "2023-06")]


def test_dates_a_deadline_month_lies_ahead():
    (expression,) = find_time_expressions("by January", date(2024, 12, 9))
    assert expression.value == "2025-01"


def test_dates_a_deadline_dates_the_delivery_not_the_deal(extract_text):
    text = ("Background\n\nAnalysis\n\nMore\n\nContext\n\n"
            "Chile has signed a contract with Spain to supply four patrol boats by 2029.\n")
    records = extract_text(text, "2025-03-14")
    deal = [(r.kind, r.status, r.date) for r in records if r.kind == "agreement"]
    # "by 2029" is when the boats are due, not when the deal was made: the text does not say when
    assert deal == [("agreement", "agreed", "")]
    [deadline] = [t for t in find_time_expressions("to supply four boats by 2029", date(2025, 3, 14)) if t.scope == "deadline"]
    assert deadline.value == "2029"


def test_dates_a_time_in_a_clause_of_its_own_dates_that_clause(extract_text):
    # "after the insurgency flared up in March 2019" dates the insurgency, not the use of the drones;
    # "Approved by both cabinets on 4 June" dates the memorandum, not the frigate order it mentions
    text = ("Background\n\nAnalysis\n\nMore\n\nContext\n\n"
            "The Malian army has used Turkish drones after the insurgency flared up in March 2019.\n\n"
            "Approved by both cabinets on 4 June, a memorandum seeks to deepen ties built on Greece's "
            "continuing purchase of 18 Rafale jets from France.\n\n"
            "Peru received six Chinese drones in March 2019, its army said.\n")
    records = extract_text(text, "2024-06-10")
    drones = [(r.supplier, r.recipient, r.date) for r in records if r.label == "drones"]
    assert ("TUR", "MLI", "") in drones
    assert ("CHN", "PER", "2019-03") in drones  # a time on the claim's own verb still dates it
    rafale = [(r.supplier, r.recipient, r.date) for r in records if r.label == "Rafale"]
    assert rafale and all(d != "2024-06-04" for _, _, d in rafale)


def test_dates_a_sentence_with_a_tail_is_no_headline(extract_text):
    # the page's tail joins the last sentence; a past sale without a time expression stays undated
    # (a headline's verbs would date it at publication)
    text = ("Background\n\nAnalysis\n\nMore\n\nContext\n\n"
            "Turkey has previously sold the Bayraktar TB2 to Qatar and Nigeria. (story continues)-more-\n")
    records = extract_text(text, "2024-05-02")
    sales = sorted((r.recipient, r.status, r.date) for r in records if r.label == "Bayraktar TB2")
    assert sales == [("NGA", "delivered", ""), ("QAT", "delivered", "")]


def test_dates_a_where_clause_happens_on_the_visit_it_hangs_from(extract_text):
    # the pact was signed during the visit of early March, which the clause break alone would not see
    text = ("Background\n\nAnalysis\n\nMore\n\nContext\n\n"
            "In early March, Indian Prime Minister Narendra Modi visited Canberra, where he signed a defence "
            "cooperation agreement with Australian Prime Minister Anthony Albanese.\n")
    records = extract_text(text, "2024-05-20")
    assert [(r.kind, r.status, r.date) for r in records] == [("agreement", "agreed", "2024-03")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Minsk is expected to receive the launchers by around February", "2025-02"),  # a deadline ahead
    ("the launchers arrived around April", "2024-04"),
])
def test_dates_an_approximate_month(text, expected):
    (expression,) = find_time_expressions(text, date(2024, 11, 20))
    assert expression.value == expected


def test_dates_the_time_on_the_claims_own_action_wins_over_a_nearer_one(extract_text):
    # the delivery is planned for March 2026; the fair's year, nearer the ship, dates the launch
    text = ("Background\n\nAnalysis\n\nMore\n\nContext\n\n"
            "Earlier in May, at the IDEF 2023 fair in Istanbul, the second Turkish corvette for Pakistan, "
            "the Khaibar, was launched for a scheduled delivery in March 2026.\n")
    records = extract_text(text, "2023-06-10")
    assert [(r.supplier, r.recipient, r.status, r.date) for r in records] == [("TUR", "PAK", "planned", "2026-03")]


def test_dates_an_offset_after_counts_from_the_day_its_sentence_named():
    # the convoy left on Friday 2024-11-22; the handover came first, eight days before that Friday
    # (not eight days before publication)
    text = "The last convoy left the base on Friday, eight days after the hangars were handed over."
    friday, offset = find_time_expressions(text, date(2024, 11, 26))
    assert friday.value == "2024-11-22"
    assert (offset.value, offset.scope) == ("2024-11-14", "following")


@pytest.mark.parametrize(("text", "expected"), [
    ("Oslo wants the radars delivered by year-end", "2024-12"),
    ("deliveries should resume at year end", "2024-12"),
])
def test_dates_year_end_is_december(text, expected):
    (expression,) = find_time_expressions(text, date(2024, 3, 5))
    assert expression.value == expected


def test_dates_a_year_end_review_is_no_date():
    assert find_time_expressions("the ministry's year-end review", date(2024, 3, 5)) == []


def test_dates_a_coordinated_clause_without_a_time_shares_its_partners(extract_text):
    # the purchase was paid from the aid pledged last October: the clause break alone would leave it undated
    text = ("Background\n\nAnalysis\n\nMore\n\nContext\n\n"
            "Sweden last October pledged new military aid to Ukraine worth $300 million, "
            "and the bulk of it funded the purchase of two NASAMS units.\n")
    records = extract_text(text, "2023-02-01")
    nasams = [(r.supplier, r.recipient, r.status, r.date) for r in records if r.label == "NASAMS"]
    assert nasams == [("SWE", "UKR", "agreed", "2022-10")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # PUB is March 2024: a month with "last/next year" belongs to that year, not to the nearest April
        ("the lancers Lima agreed to buy in August last year", ["2023-08"]),
        ("the first group reached Accra in April last year", ["2023-04"]),
        ("deliveries should start in January next year", ["2025-01"]),
        ("talks resumed in February this year", ["2024-02"]),
    ],
)
def test_dates_month_with_relative_year(text, expected):
    assert resolve(text) == expected


def test_dates_before_the_year_is_out_is_this_years_end():
    # PUB is March 2024
    assert resolve("the guns will arrive before the year is out") == ["2024-12"]


@pytest.mark.parametrize("word", ["previously", "historically", "already"])
def test_dates_a_background_word_keeps_a_past_claim_off_the_news_day(extract_text, word):
    # context=background rows of data/context_cues.csv: the sentence speaks of the past, not the news
    text = ("Kenya has signed a deal with Turkey for six Bayraktar TB2 drones.\n\n"
            f"Turkey has {word} delivered Bayraktar TB2 drones to Kenya.\n")
    records = extract_text(text, "2024-05-23")
    background = [r for r in records if word in r.sentence and r.status == "delivered"]
    assert background and all(r.date == "" for r in background)


def test_dates_a_request_after_a_past_verb_is_not_dated_today(extract_text):
    # the parse tags the verb before the request noun as finite past (VBD): the request is past, its day unknown
    sentence = "Bolivia's president sent a letter to Beijing requesting K-8 jets and radars."
    records = [r for r in extract_text(sentence, "2024-05-23") if r.status == "requested"]
    assert records and all(r.date != "2024-05-23" for r in records)


def test_dates_a_decade_dates_its_clause_not_the_year_of_a_later_aside(extract_text):
    # "in the 1970s" spans ten years: no date finer than that, and not the 1995 of what followed
    text = ("Chile's old air defences\n\n"
            "SANTIAGO — In the 1970s the junta bought British Rapier batteries, most of which were scrapped in 1995.\n")
    records = extract_text(text, "2024-03-13")
    assert [r.date for r in records if r.label == "Rapier"] == [""]
    assert resolve("in the early 2030s") == [""]


def test_dates_a_number_inside_a_systems_name_is_no_year(extract_text):
    # "Mirage 2000" names a jet; the deal is dated by "in May"
    text = ("Peru buys French jets\n\n"
            "LIMA — The jets are the first of 12 Mirage 2000 aircraft that Peru agreed to buy from France in May.\n")
    records = extract_text(text, "2024-06-10")
    assert [r.date for r in records if r.label == "Mirage 2000"] == ["2024-05"]


@pytest.mark.parametrize("text, expected", [
    ("the drill, which is scheduled to begin on June 20 near the border", ["2024-06-20"]),
    ("the frigates will arrive on June 20", ["2024-06-20"]),
    ("talks slated for June 20", ["2024-06-20"]),
    ("the frigates arrived on June 20", ["2023-06-20"]),  # the past, as news mostly reports
])
def test_dates_a_month_day_said_to_be_ahead_is_the_coming_one(text, expected):
    assert resolve(text, date(2024, 5, 10)) == expected


def test_dates_a_planned_force_takes_the_time_of_the_exercise_it_joins(extract_text):
    # the troops' own verb has no time; the exercise's relative clause has
    text = ("Laos drills\n\n"
            "VIENTIANE — More than 400 personnel from the Thai army will take part in a joint exercise in Laos, "
            "which is scheduled to begin on June 3 in Savannakhet province.\n")
    records = extract_text(text, "2024-05-20")
    assert [(r.status, r.date) for r in records if r.kind == "deployment"] == [("planned", "2024-06-03")]


def test_dates_the_terms_own_relative_clause_dates_it_though_commas_set_it_apart(extract_text):
    # the perfect "has shipped" has no time; the howitzers' own clause ("which reached ... in
    # August") tells when they arrived; a clause telling something else ("which were unveiled in 2009")
    # does not date the claim
    text = ("Estonia arms Georgia\n\n"
            "TBILISI — Estonia has already shipped Georgia a Caesar howitzer battery, which reached the port "
            "of Poti in August, and has offered two more.\n\n"
            "Analysis\n\nMore\n\nContext\n\n"
            "Georgia already operates Israeli Hermes 450 drones, which were unveiled in 2009 and are cheap to run.\n")
    records = extract_text(text, "2024-11-20")
    assert [(r.supplier, r.recipient, r.status, r.date) for r in records if r.label == "Caesar"][:1] == [
        ("EST", "GEO", "delivered", "2024-08")]
    assert [(r.status, r.date) for r in records if r.label == "Hermes 450"] == [("present", "2024-11-20")]


@pytest.mark.parametrize("text, expected", [
    ("to hand over the launchers within two to five months", ["2023"]),
    ("more shipments are expected in the coming weeks", ["2023"]),
    ("will pay for the frigates over the next ten years", []),  # runs into other years: no date
    ("deliveries should begin within 18 months", []),
])
def test_dates_a_span_ahead_dates_the_year_it_stays_in(text, expected):
    assert resolve(text, date(2023, 3, 10)) == expected


def test_dates_a_later_act_in_another_tense_keeps_its_time_to_itself(extract_text):
    # "within weeks" times the stationing the conjunct tells, not the receipt; the receipt is the
    # news of the day the ministry named
    text = ("Belarus gets launchers\n\n"
            "MINSK — Belarus has received Iskander-M launchers from Russia and is likely to station them near "
            "the border within weeks, its defence ministry said on Tuesday.\n")
    records = extract_text(text, "2024-11-20")
    assert [(r.supplier, r.recipient, r.status, r.date) for r in records] == [("RUS", "BLR", "delivered", "2024-11-19")]


def test_dates_a_claim_told_in_a_conjunct_of_another_tense_is_not_dated_by_the_first_verb(extract_text):
    # "in March" dates the leaving; "says Russia never delivered" is told now, about no given time
    text = ("Tashkent and Moscow\n\n"
            "TASHKENT — Uzbekistan left the Russian-led drills in March and says Russia never delivered attack "
            "helicopters worth about $200 million that Tashkent had already paid for.\n")
    records = extract_text(text, "2024-11-20")
    assert [(r.supplier, r.recipient, r.certainty, r.date) for r in records] == [("RUS", "UZB", "denied", "")]


def test_dates_the_end_of_a_month_is_that_month_and_a_deadline_looks_ahead():
    # "March" and "May" are also words: after "the end of" they are months; a deadline written in
    # February for the end of April is this year's April, a past end of March the last one
    pub = date(2025, 2, 14)
    assert resolve("The jets are to be handed over before the end of April.", pub) == ["2025-04"]
    assert resolve("The batteries will be in place by the end of May.", pub) == ["2025-05"]
    assert resolve("The frigates sailed at the end of March.", pub) == ["2024-03"]
