"""Back-references: the words that name the article's system again become claims about it."""

import pytest

from extract.nlp import load_nlp
from extract.references import Focus, find_references
from extract.terms import Term


def focus_on(*systems: tuple[str, str]) -> Focus:
    focus = Focus()
    for label, category in systems:
        focus.add([Term(0, 1, "item", label, category, designation=True)])
    return focus


@pytest.mark.parametrize("sentence, expected", [
    ("A first batch of four jets was delivered in May.", [("A first batch", "Su-35")]),
    ("Earlier this month, Egypt received the first batch.", [("the first batch", "Su-35")]),
    ("The deliveries have started on schedule, he said.", [("The deliveries", "Su-35")]),
])
def test_references_name_the_system_in_focus(sentence, expected):
    doc = load_nlp()(sentence)
    found = find_references(doc, [], focus_on(("Su-35", "aircraft")))
    assert [(sentence[t.start:t.end], t.label) for t in found] == expected


@pytest.mark.parametrize("sentence", [
    "The first batch of Egyptian troops arrived in May.",  # the batch says what it holds
    "The jets are among the fastest in the world.",  # no claim governs them
    "The submarines were delivered in May.",  # a naval word does not name an aircraft
])
def test_references_that_point_elsewhere_are_not_claims(sentence):
    assert find_references(load_nlp()(sentence), [], focus_on(("Su-35", "aircraft"))) == []


def test_references_the_most_named_system_wins_and_ties_go_to_the_first():
    focus = focus_on(("K9", "artillery"), ("K2", "armor"), ("K2", "armor"))
    assert focus.system()[0] == "K2"
    assert focus_on(("FK-3", "air-defense"), ("Rafale", "aircraft")).system()[0] == "FK-3"


def test_references_it_shipped_is_the_system_in_focus():
    sentence = "It has been shipped to four countries so far, including Peru and Chile."
    found = find_references(load_nlp()(sentence), [], focus_on(("K9", "artillery")))
    assert [(sentence[t.start:t.end], t.label) for t in found] == [("It", "K9")]


def test_references_each_listed_buyer_is_a_record(extract_text):
    text = ("South Korea's K9 howitzer wins another order\n\n"
            "The K9 is a self-propelled howitzer made by Hanwha.\n\n"
            "It has been shipped to four countries so far, including Peru and Chile.\n")
    records = extract_text(text, "2024-05-23")
    buyers = sorted(r.recipient for r in records if r.label.startswith("K9") and "shipped" in r.sentence)
    assert buyers == ["CHL", "PER"]


def test_references_a_count_without_its_noun_names_the_system_its_sentence_named(extract_text):
    records = extract_text("Norway has already delivered a NASAMS air defense system to Ukraine, which arrived in May, "
                           "and has promised three more.", "2023-07-03")
    nasams = sorted((r.status, r.quantity) for r in records if r.label == "NASAMS")
    assert nasams == [("delivered", 1), ("pledged", 3)]


def test_references_a_count_with_no_system_named_before_it_is_nothing(extract_text):
    records = extract_text("Kenya bought another 12 last year, officials said.", "2023-07-03")
    assert records == []


def test_references_another_ship_is_one_more_of_the_system_in_focus(extract_text):
    # "another ... ship" names the article's frigate again, in a sentence that holds no lexicon term
    text = ("Background\n\nAnalysis\n\nMore\n\nContext\n\n"
            "Italy handed over a FREMM frigate to Indonesia in May.\n\n"
            "Another Italian-built ship was delivered to the Indonesian Navy on Monday, the shipyard said.\n")
    records = extract_text(text, "2024-10-10")
    ships = [(r.label, r.supplier, r.recipient, r.status, r.date) for r in records if r.label == "FREMM"]
    assert ("FREMM", "ITA", "IDN", "delivered", "2024-10-07") in ships


def test_references_a_share_of_an_order_is_a_delivery_of_its_own(extract_text):
    # "eight of which landed in Cairo in January": eight of the ordered jets were delivered then; the order keeps
    # its own date
    text = ("Background\n\nAnalysis\n\nMore\n\nContext\n\n"
            "In March 2022, Egypt agreed to buy 30 Rafale jets from France, eight of which landed in Cairo in January.\n")
    records = extract_text(text, "2023-02-15")
    rafale = sorted((r.supplier, r.recipient, r.status, r.quantity, r.date) for r in records if r.label == "Rafale")
    assert rafale == [("FRA", "EGY", "agreed", 30, "2022-03"), ("FRA", "EGY", "delivered", 8, "2023-01")]


@pytest.mark.parametrize("sentence", [
    # what something else is for, or serves: the system does not move
    "Egypt also bought spare engines and radars for the jets last year.",
    "Russia will train Egyptian crews in the upkeep of the jets.",
])
def test_references_a_system_served_by_something_else_is_not_a_claim(sentence):
    assert find_references(load_nlp()(sentence), [], focus_on(("Su-35", "aircraft"))) == []


def test_references_a_system_moved_is_still_a_claim():
    found = find_references(load_nlp()("Egypt bought the jets for its air force."), [], focus_on(("Su-35", "aircraft")))
    assert [t.label for t in found] == ["Su-35"]


def test_references_aircraft_names_a_helicopter_or_a_drone_again_but_jets_only_a_jet(extract_text):
    # data/reference_terms.csv lets "aircraft" name several categories; "jets" still names only a jet
    text = ("Ghana receives Italian helicopters\n\n"
            "ACCRA (AP) - Ghana has received two AW139 helicopters from Italy, the air force said on Monday.\n\n"
            "The remaining three aircraft will arrive before the end of June, a spokesman said.\n\n"
            "The jets will follow later.\n")
    records = extract_text(text, "2024-05-13")
    rest = [(r.label, r.category, r.supplier, r.recipient, r.status, r.date) for r in records
            if "remaining" in r.sentence]
    assert rest == [("AW139", "helicopter", "ITA", "GHA", "planned", "2024-06")]
    assert not [r for r in records if "jets will" in r.sentence]
    assert focus_on(("Bayraktar TB2", "drone"), ("AW139", "helicopter")).system(frozenset({"drone"}))[0] == "Bayraktar TB2"


def test_references_the_first_of_a_counted_set_names_the_system_in_focus():
    sentence = "The second of four batteries reached the coast in June."
    found = find_references(load_nlp()(sentence), [], focus_on(("Sky Sabre", "air-defense")))
    assert [(sentence[t.start:t.end], t.label) for t in found] == [("four batteries", "Sky Sabre")]
    # "of" after a word that does not count through a set says what the thing holds
    assert find_references(load_nlp()("A crate of spare batteries reached the coast."), [],
                           focus_on(("Sky Sabre", "air-defense"))) == []


def test_references_any_deliveries_an_official_has_not_seen_are_of_the_system_in_focus(extract_text):
    # "any deliveries" points back like "the deliveries": the sentence names no system, so it is
    # parsed only because "any" is one of the pointing words; no delivery seen is a denial
    text = ("Pyongyang readies missiles for Minsk\n\n"
            "North Korea is preparing to send KN-23 missiles to Belarus, officials said on Monday.\n\n"
            "A British official said London was aware of the negotiations but had so far detected no sign "
            "that any deliveries had begun.\n")
    records = extract_text(text, "2024-05-10")
    seen = [(r.label, r.supplier, r.recipient, r.certainty) for r in records if "no sign" in r.sentence]
    assert seen == [("KN-23", "PRK", "BLR", "denied")]


def test_references_a_bare_count_with_its_own_clause_is_an_earlier_batch(extract_text):
    # "the 12 it bought in 2016" is the system its sentence named, told by its own relative clause,
    # not by the verb of the new order above it
    text = ("Chile expands its air force\n\n"
            "Chile has turned to Sweden again, ordering 10 more Gripen jets in 2023 on top of the 12 it bought in 2016.\n")
    records = extract_text(text, "2024-05-10")
    gripens = sorted((r.status, r.date, r.supplier, r.recipient) for r in records if r.label == "Gripen")
    assert gripens == [("agreed", "2023", "SWE", "CHL"), ("delivered", "2016", "SWE", "CHL")]
