import pytest

from extract.equipment import find_items
from extract.lexicon import load_table
from extract.records import ITEM_CATEGORIES


def labels(text):
    return [(t.label, t.category) for t in find_items(text)]


def test_equipment_lexicon_is_broad_and_valid():
    rows = load_table("equipment")
    assert len(rows) >= 300
    assert all(r["category"] in ITEM_CATEGORIES for r in rows)
    origins = {r["origin"] for r in rows}
    assert {"RUS", "CHN", "IRN", "PRK", "USA", "DEU", "FRA", "ISR", "TUR"} <= origins


@pytest.mark.parametrize(
    "text, expected",
    [
        ("two Tu-160 bombers", [("Tu-160", "aircraft")]),
        ("a Russian Il-76 military transport plane", [("Il-76", "aircraft")]),
        ("Su-30MK2 fighters", [("Su-30MK2", "aircraft")]),
        ("the S-300VM system", [("S-300VM", "air-defense")]),
        ("Mi-17V-5 helicopters", [("Mi-17V-5", "helicopter")]),
        ("T-72B1 tanks", [("T-72B1", "armor")]),
        ("HIMARS launchers", [("HIMARS", "artillery")]),
        ("Leopard 2 tanks", [("Leopard 2", "armor")]),
        ("Hwasong-11 missiles", [("Hwasong-11", "missile")]),
        ("Mohajer-6 drones", [("Mohajer-6", "drone")]),
    ],
)
def test_equipment_designations(text, expected):
    assert labels(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("tanks and thousands of surface-to-air weapons", [("tanks", "armor"), ("surface-to-air weapons", "air-defense")]),
        ("GPS scramblers", [("electronic warfare equipment", "electronic-warfare")]),
        ("a Kalashnikov ammunition plant", [("ammunition plant", "facility")]),
        ("radar detection systems", [("radars", "radar")]),
        ("artillery shells", [("ammunition", "ammunition")]),
    ],
)
def test_equipment_generic_terms(text, expected):
    assert labels(text) == expected


def test_equipment_unknown_designation_vouched_by_a_noun():
    assert labels("new Zx-77 cruise missiles") == [("Zx-77", "missile")]
    assert labels("the COVID-19 vaccines") == []


def test_equipment_title_case_spellings_of_acronyms():
    labels = [t.label for t in find_items("Berlin sent Mars II rocket launchers, Iris-T SLM systems and Himars.")]
    assert labels == ["MARS II", "IRIS-T SLM", "HIMARS"]


@pytest.mark.parametrize("text, label", [("Russia launched dozens of Shahed drones.", "Shahed"),
                                         ("Berlin approved Leopard tanks for Kyiv.", "Leopard"),
                                         ("Pyongyang tested Hwasong missiles.", "Hwasong")])
def test_equipment_family_names_used_bare(text, label):
    assert [t.label for t in find_items(text)] == [label]


def test_equipment_a_known_designation_does_not_hide_the_generic_items_listed_with_it():
    # "SM-6 missiles" read again by its shape would claim the missile category and drop the others
    found = labels("The package lists naval mines, anti-ship missiles and spare parts for SM-6 missiles.")
    assert ("missiles", "missile") in found and ("SM-6", "air-defense") in found


@pytest.mark.parametrize(
    "text, expected",
    [
        ("forty heavyweight torpedoes", [("torpedoes", "ammunition")]),
        ("two ground control stations", [("ground control stations", "other")]),
        ("a multiple launch rocket system", [("artillery", "artillery")]),
        ("200 tactical vehicles", [("military vehicles", "armor")]),
    ],
)
def test_equipment_generic_terms_of_lists_in_arms_packages(text, expected):
    assert labels(text) == expected


def test_pipeline_each_item_of_a_package_is_a_record(extract_text):
    records = extract_text("Under the contract, Chile will receive 12 drones with their data terminals and "
                           "three ground control stations from Israel, the ministry said on Monday.", "2024-03-06")
    items = {(r.label, r.supplier, r.recipient) for r in records if r.kind == "item"}
    assert {("ground control stations", "ISR", "CHL"), ("data terminals", "ISR", "CHL")} <= items


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Two cargo jets brought soldiers and equipment to Bamako.", [("aircraft", "aircraft"), ("military equipment", "other")]),
        ("the aircraft unloaded 20 tonnes of equipment", [("military equipment", "other")]),
        ("it sent equipment, spare parts and fuel", [("military equipment", "other")]),
        ("Some equipment was flown back to Minsk.", [("military equipment", "other")]),
        ("the mission needs better equipment for its staff", []),
        ("France has halted shipments of Belgian weapons to the region", [("weapons", "other")]),
        ("boats carrying arms for the militia", [("weapons", "other")]),
        ("rifles and other arms destined for Sudan", [("small arms", "small-arms"), ("weapons", "other")]),
        ("the weapons were old", []),
        ("China is now the main arms supplier to Laos", [("weapons", "other")]),
        ("Seoul sold Vietnam frigates and aircraft", [("warships", "naval"), ("aircraft", "aircraft")]),
        ("the air force flies Swedish-built planes", [("aircraft", "aircraft")]),
        ("the aircraft landed in Minsk", []),
    ],
)
def test_equipment_bare_words_count_only_where_the_sentence_makes_them_arms(text, expected):
    assert labels(text) == expected


def test_claims_a_warship_under_construction_at_a_shipyard_is_an_item_not_a_deployment():
    from extract.claims import naval_as_deployment
    from extract.equipment import find_items
    text = "The third corvette is under construction at a shipyard in Gdansk."
    (term,) = find_items(text)
    assert naval_as_deployment(text, term).kind == "item"
    text = "Two corvettes sailed into the port of Gdansk."
    (term,) = find_items(text)
    assert naval_as_deployment(text, term).kind == "deployment"


def test_claims_a_ship_class_written_in_title_case_is_named():
    from extract.equipment import find_items
    assert [t.label for t in find_items("Algeria operates two Meko frigates.")] == ["MEKO"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("eight combat training aircraft", [("aircraft", "aircraft")]),
        ("two surface combatants", [("warships", "naval")]),
    ],
)
def test_equipment_trainer_jets_and_surface_ships(text, expected):
    assert labels(text) == expected


def test_equipment_a_warship_inaugurated_by_its_new_owner_is_an_item():
    from extract.claims import naval_as_deployment
    text = "The president inaugurated the two corvettes at a ceremony on Sunday."
    (term,) = find_items(text)
    assert naval_as_deployment(text, term).kind == "item"


def test_equipment_attack_submarines_are_a_kind_of_ship_not_an_attack(extract_text):
    records = extract_text("Paris unveiled a plan to offer Brazil two nuclear-powered attack submarines.", "2024-03-04")
    assert [(r.kind, r.category, r.supplier, r.recipient) for r in records] == [("item", "naval", "FRA", "BRA")]


def test_equipment_unnamed_warplanes_that_left_a_country_are_a_force_withdrawn():
    from extract.claims import naval_as_deployment
    text = "Italian troops began leaving Niger a week after Italian warplanes left."
    term = [t for t in find_items(text) if t.category == "aircraft"][0]
    assert naval_as_deployment(text, term).kind == "deployment"
    text = "Two Su-25 jets left Minsk for Hanoi on Monday."
    term = [t for t in find_items(text) if t.category == "aircraft"][0]
    assert naval_as_deployment(text, term).kind == "item"  # a named airframe stays an item


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Warsaw ordered more Homar-K launchers while Lagos took delivery of Pilatus PC-7 trainers.",
         [("Homar-K", "artillery", "POL"), ("Pilatus PC-7", "aircraft", "CHE")]),
        ("Buenos Aires once weighed second-hand Kfir fighters and Roland missiles for its air force.",
         [("IAI Kfir", "aircraft", "ISR"), ("Roland SAM", "air-defense", "FRA")]),
        ("Seoul will ship KUH-1 Surion helicopters; Ankara pitched the Kaplan MT to Jakarta.",
         [("KUH-1 Surion", "helicopter", "KOR"), ("Kaplan MT", "armor", "TUR")]),
    ],
)
def test_equipment_systems_of_smaller_exporters_are_named_with_their_origin(text, expected):
    assert [(t.label, t.category, t.origin) for t in find_items(text)] == expected


def test_equipment_a_bare_first_name_is_not_a_weapon():
    # "Roland" and "Kfir" are people's names too: only the multiword spellings are systems.
    assert [t.label for t in find_items("Roland and Kfir met the minister in Tel Aviv.")] == []


def test_equipment_a_skyhawk_variant_and_the_bare_mirage_family_are_named():
    text = "Lima flew A-4M Skyhawks alongside Mirage jets and two Mirage 2000 fighters."
    assert [(t.label, t.category, t.origin) for t in find_items(text)] == [
        ("A-4M", "aircraft", "USA"), ("Mirage", "aircraft", "FRA"), ("Mirage 2000", "aircraft", "FRA")]


def test_equipment_a_think_tank_is_no_tank():
    # not_preceded_by of the "tank" row in data/generic_terms.csv
    text = "A Stockholm think tank said Oman bought eight tanks."
    assert [(t.label, text[t.start:t.end]) for t in find_items(text)] == [("tanks", "tanks")]


def test_equipment_a_fleet_named_by_other_makers_stands_beside_a_designation():
    # the C-130s are American; the air force's French-built jets are another fleet, not the C-130 named again
    text = "Turkish technicians are refitting C-130 transports for an air force that mostly flies French-built jets."
    assert labels(text) == [("C-130", "aircraft"), ("aircraft", "aircraft")]


def test_equipment_a_generic_noun_named_by_the_designations_maker_is_that_system():
    # "Turkish-made drones ... Bayraktar TB2": one system, named twice
    text = "Kenya will buy Turkish-made armed drones, the Bayraktar TB2, the ministry said."
    assert labels(text) == [("Bayraktar TB2", "drone")]


def test_equipment_a_ship_named_for_its_weapon_is_a_ship_not_the_weapon(extract_text):
    # "missile corvette", "torpedo boats": the weapon word says what kind of ship; no missile is sold
    text = ("In 2019 Russia gifted an in-service missile corvette and four torpedo boats to Laos, "
            "the ministry in Vientiane said.\n")
    records = extract_text(text, "2024-04-02")
    found = {(r.kind, r.category, r.supplier, r.recipient, r.status, r.date) for r in records}
    assert ("item", "naval", "RUS", "LAO", "delivered", "2019") in found
    assert not [r for r in records if r.category in ("missile", "ammunition")]


def test_equipment_a_name_given_in_an_opening_phrase_names_the_noun_the_clause_is_about(extract_text):
    # "Code-named Flanker, the warplane ...": the claim is read on "the warplane"; what it can do is no claim
    text = ("Russia delivered four Su-27 fighters to Laos on Monday, the ministry in Vientiane said.\n\n"
            "Code-named Flanker in the West, the big twin-engine warplane can reach Mach 2.35 at altitude.\n")
    records = extract_text(text, "2025-03-05")
    assert [(r.label, r.supplier, r.recipient, r.status) for r in records] == [("Su-27", "RUS", "LAO", "delivered")]
    from extract.equipment import find_items
    found = find_items("Nicknamed Flanker by NATO, the fighter jet landed in Vientiane.")
    assert [(t.label, t.designation) for t in found] == [("Su-27", True)]
