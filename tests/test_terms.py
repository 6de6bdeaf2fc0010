import pytest

from extract.lexicon import load_table, split_values
from extract.matchers import find_terms


@pytest.mark.parametrize("table", ["generic_terms", "deployment_terms", "agreement_terms"])
def test_terms_every_phrase_of_a_table_is_found_as_written(table):
    # a row without context checks finds each of its phrases in a plain sentence, with its own label
    for row in load_table(table):
        if any(row.get(k) for k in ("qualifier", "followed_by", "not_followed_by", "not_preceded_by")):
            continue
        for phrase in split_values(row.get("phrases", "")):
            text = f"Officials said {phrase} were mentioned."
            spans = {(text[s:e], r.label) for s, e, r in find_terms(text, table)}
            assert (phrase, row["label"]) in {(p.lower(), label) for p, label in spans} | spans, (table, phrase)


def test_terms_a_partnership_agreement_between_states_is_strategic_not_a_trade_one():
    from extract.agreements import find_agreements
    found = [(t.label, t.category) for t in find_agreements("Minsk and Hanoi signed a partnership agreement on Friday.")]
    assert found == [("partnership agreement", "strategic")]
    assert find_agreements("The bloc signed an economic partnership agreement with Chile.") == []


def test_terms_an_order_placed_is_an_arms_deal(extract_text):
    records = extract_text("The helicopters belong to an order placed by Kenya with Turkey in 2021.", "2024-02-01")
    deals = [(r.category, r.supplier, r.recipient, r.status, r.date) for r in records if r.kind == "agreement"]
    assert ("arms-deal", "TUR", "KEN", "agreed", "2021") in deals


@pytest.mark.parametrize("text, expected", [
    ("Canada is pulling back its forces from Latvia.", ("deployment", "troops", "CAN", "LVA", "ended")),
    ("The last Dutch jets left in May, and the withdrawal of Dutch forces from Mali ended on Friday.",
     ("deployment", "troops", "NLD", "MLI", "ended")),
    ("Nairobi asked lawmakers to deploy the Kenyan military to Haiti.", ("deployment", "troops", "KEN", "HTI", None)),
    ("Two Russian cargo jets landed in Bangui on Friday with weapons and personnel.",
     ("deployment", "troops", "RUS", "CAF", "delivered")),
    ("The last Belgian forces completed their withdrawal from a camp near Gao in May 2022.",
     ("deployment", "troops", "BEL", "MLI", "ended")),
    ("Indian engineers are servicing the radars for Armenia's army.", ("deployment", "advisers", "IND", "ARM", None)),
])
def test_terms_a_states_forces_sent_or_withdrawn_are_a_deployment(extract_text, text, expected):
    found = [(r.kind, r.category, r.supplier, r.recipient, r.status) for r in extract_text(text, "2024-06-03")
             if r.kind == "deployment"]
    assert found and found[0][:4] == expected[:4]
    if expected[4]:
        assert found[0][4] == expected[4]


def test_terms_a_states_own_forces_at_war_are_no_deployment():
    from extract.deployments import find_deployments
    assert find_deployments("Ukrainian forces attacked Russian positions near Bakhmut.") == []
    assert find_deployments("The Turkish military said on Monday it had hit targets.") == []


def test_terms_a_defence_industry_agreement_is_an_arms_deal():
    from extract.agreements import find_agreements
    found = find_agreements("It is the largest defence-industry agreement Spain has signed with Peru.")
    assert [(t.label, t.category) for t in found] == [("arms deal", "arms-deal")]


def test_terms_a_training_mission_is_a_deployment_of_advisers(extract_text):
    records = extract_text("Egypt will send a military training mission to Somalia next month, the defence "
                           "ministry in Cairo said.", "2025-03-04")
    assert [(r.kind, r.category, r.supplier, r.recipient, r.status, r.date) for r in records] == [
        ("deployment", "advisers", "EGY", "SOM", "pledged", "2025-04")]


def test_terms_a_defence_agreement_between_states_is_cooperation_not_an_arms_deal(extract_text):
    # a defence or military agreement sells nothing by its name: the contract's cooperation category
    text = ("Italy keeps about 300 soldiers in Djibouti under a 2012 defence agreement.\n\n"
            "Chile and Peru signed a joint military agreement in 2018, officials in Lima said.\n")
    records = extract_text(text, "2024-06-03")
    deals = [(r.category, r.date) for r in records if r.kind == "agreement"]
    assert ("cooperation", "2018") in deals
    assert all(category == "cooperation" for category, _ in deals), deals


def test_terms_a_memorandum_of_understanding_is_cooperation_not_an_arms_deal(extract_text):
    # a memorandum sets out what two sides mean to study or do; it buys nothing by itself
    text = ("Turkey's Aselsan and Malaysia's defence ministry have concluded a memorandum of understanding to "
            "study local assembly of the Korkut air defence gun in Malaysia.\n")
    records = extract_text(text, "2025-05-06")
    deals = [(r.category, r.status) for r in records if r.kind == "agreement"]
    assert deals == [("cooperation", "agreed")]


def test_terms_a_possible_sale_is_no_deal_but_a_deal_valued_at_a_sum_is(extract_text):
    # a "possible sale" approved or discussed is the hardware's plan, not a contract either side signed
    text = ("Officials in Oslo said on Monday they were discussing with Lima a possible sale of six "
            "Skjold-class corvettes.\n\n"
            "Washington approved a possible sale of 12 MH-60R helicopters to Norway in 2023.\n")
    records = extract_text(text, "2025-02-03")
    assert [r for r in records if r.kind == "agreement"] == []
    assert [(r.label, r.supplier, r.recipient) for r in records if r.category == "helicopter"] == [
        ("MH-60R", "USA", "NOR")]
    records = extract_text("Peru ordered the radars from Spain in a deal valued at $90 million.", "2025-02-03")
    assert [(r.category, r.supplier, r.recipient) for r in records if r.kind == "agreement"] == [
        ("arms-deal", "ESP", "PER")]


def test_terms_a_word_of_an_institutions_name_is_no_item_or_force(extract_text):
    # "the Higher Missile Command School" is where officers learn, not missiles sent
    text = ("Under the accord, Indian instructors will be sent to the Kazakh Higher Missile Command School "
            "in Almaty in May to teach Kazakh officers.\n\n"
            "Two Kazakh cadets also graduated from the Academy of Missile Forces in Delhi.\n")
    records = extract_text(text, "2025-02-03")
    assert not [r for r in records if r.category == "missile"]
    assert [(r.kind, r.category, r.supplier, r.recipient) for r in records if r.kind == "deployment"] == [
        ("deployment", "advisers", "IND", "KAZ")]
    # a capitalised term outside a name is still read
    from extract.equipment import find_items
    assert [t.label for t in find_items("Tanks From Korea Arrive In Gdynia")] == ["tanks"]


def test_terms_jet_trainers_are_aircraft_not_instructors(extract_text):
    # "trainers" named with their airframe are planes; only people who train are a force sent
    text = ("Bolivia received six Hongdu K-8 aircraft from China on Monday, the air force said.\n\n"
            "The K-8 has two seats and a top speed of about 800 km per hour, and student pilots who master "
            "it usually move on to jet trainers.\n\n"
            "Chinese trainers will stay in Bolivia for a year to teach the pilots.\n")
    records = extract_text(text, "2025-03-05")
    assert [(r.category, r.supplier, r.recipient) for r in records if r.kind == "deployment"] == [
        ("advisers", "CHN", "BOL")]


def test_terms_in_order_to_is_a_purpose_not_an_order(extract_text):
    # "in order to expand its navy" says why; only an order placed is a deal
    text = ("Ghana raised its defence budget by a third in order to expand its coastal navy.\n\n"
            "Accra said it would cut other spending in order to buy patrol boats from abroad.\n")
    assert [r for r in extract_text(text, "2025-03-05") if r.kind == "agreement"] == []
    records = extract_text("Ghana placed an order to buy four patrol boats from Turkey in May.", "2025-03-05")
    assert [(r.category, r.recipient, r.status) for r in records if r.kind == "agreement"] == [
        ("arms-deal", "GHA", "agreed")]
