"""End-to-end claims on passages written for these tests, in the style of wire reports, about
supplier-recipient pairs and weapon families other than the seed corpus."""

import pytest


def find(records, label=None, kind=None, **fields):
    out = [r for r in records if (label is None or r.label == label) and (kind is None or r.kind == kind)
           and all(getattr(r, k) == v for k, v in fields.items())]
    return out


KURSK = (
    "SEOUL, South Korea (AP) — North Korea has sent about 10,000 troops to Russia's Kursk region, "
    "South Korean intelligence officials said on Tuesday.\n\n"
    "Pyongyang also shipped millions of artillery shells and KN-23 ballistic missiles to Moscow last year, "
    "according to the officials.\n\n"
    "Russia and North Korea signed a comprehensive strategic partnership treaty in June."
)


@pytest.fixture
def kursk(extract_text):
    return extract_text(KURSK, "2024-10-30")


def test_claims_deployment_with_sender_host_size_and_place(kursk):
    troops = find(kursk, kind="deployment", label="troops")
    assert len(troops) == 1
    t = troops[0]
    assert (t.supplier, t.recipient, t.status, t.quantity) == ("PRK", "RUS", "delivered", 10000)
    assert t.location == "Kursk Oblast" and t.lat and t.lon


def test_claims_items_with_supplier_recipient_status_and_date(kursk):
    shells = find(kursk, label="ammunition")
    missiles = find(kursk, label="KN-23")
    assert [(r.supplier, r.recipient, r.status, r.certainty, r.date) for r in shells] == [("PRK", "RUS", "delivered", "claimed", "2023")]
    assert [(r.supplier, r.recipient, r.category, r.date) for r in missiles] == [("PRK", "RUS", "missile", "2023")]
    assert shells[0].quantity is None  # "millions of" is not a number


def test_claims_agreement_oriented_and_dated(kursk):
    treaty = find(kursk, kind="agreement")
    assert [(r.category, r.supplier, r.recipient, r.status, r.date) for r in treaty] == [("strategic", "RUS", "PRK", "agreed", "2024-06")]


def test_claims_request_addressed_to_a_supplier(extract_text):
    text = "Ukrainian President Volodymyr Zelensky asked Germany for more IRIS-T air defense systems on Monday."
    records = extract_text(text, "2023-10-11")
    assert [(r.label, r.supplier, r.recipient, r.status, r.date) for r in records] == [("IRIS-T SLM", "DEU", "UKR", "requested", "2023-10-09")]


def test_claims_pledge_by_supplier_takes_publication_date(extract_text):
    text = "Turkey pledged to deliver Bayraktar TB2 drones to Azerbaijan, the defense ministry said."
    records = extract_text(text, "2020-09-30")
    assert [(r.supplier, r.recipient, r.status, r.date) for r in records] == [("TUR", "AZE", "pledged", "2020-09-30")]


def test_claims_denial_and_hedge(extract_text):
    records = extract_text(
        "Beijing denied supplying lethal weapons to Russia. Iran could send Fath-360 missiles to Moscow, officials warned.",
        "2024-08-01")
    denied = find(records, label="military equipment")
    hedged = find(records, label="Fath-360")
    assert [(r.supplier, r.recipient, r.certainty) for r in denied] == [("CHN", "RUS", "denied")]
    assert [(r.supplier, r.recipient, r.status, r.certainty) for r in hedged] == [("IRN", "RUS", "planned", "speculative")]


def test_claims_withdrawal_is_ended(extract_text):
    records = extract_text("France withdrew its troops from Mali in August 2022.", "2023-01-05")
    assert [(r.kind, r.supplier, r.recipient, r.status, r.date) for r in records] == [("deployment", "FRA", "MLI", "ended", "2022-08")]


def test_claims_contract_for_tanks_is_an_arms_deal_and_an_item(extract_text):
    records = extract_text("Poland signed a contract with South Korea on Friday for 180 K2 tanks.", "2022-08-29")
    deal = find(records, kind="agreement")
    tanks = find(records, label="K2 Black Panther")
    assert [(r.category, r.supplier, r.recipient, r.status, r.date) for r in deal] == [("arms-deal", "KOR", "POL", "agreed", "2022-08-26")]
    assert [(r.supplier, r.recipient, r.quantity) for r in tanks] == [("KOR", "POL", 180)]


def test_claims_coordinated_recipients_each_get_a_record(extract_text):
    records = extract_text("Moscow may send warships to Cuba and Nicaragua, a Russian official said.", "2024-06-01")
    assert sorted((r.supplier, r.recipient, r.status) for r in records) == [("RUS", "CUB", "planned"), ("RUS", "NIC", "planned")]


def test_claims_past_event_without_time_stays_undated(extract_text):
    records = extract_text("Russia has previously sold Su-30MK2 jets to Venezuela.", "2019-05-06")
    assert [(r.label, r.supplier, r.recipient, r.status, r.date) for r in records] == [("Su-30MK2", "RUS", "VEN", "delivered", "")]


def test_claims_designation_variant_and_maker_as_supplier(extract_text):
    records = extract_text("Algeria received the first S-400 batteries, the ministry said.", "2015-03-01")
    assert [(r.label, r.category, r.supplier, r.recipient, r.status) for r in records] == [("S-400", "air-defense", "RUS", "DZA", "delivered")]


def test_claims_every_record_points_at_its_sentence(extract_text):
    text = KURSK
    for record in extract_text(text, "2024-10-30"):
        assert text[record.char_start:record.char_end] == record.sentence


def test_claims_no_record_without_a_military_thing(extract_text):
    assert extract_text("The two presidents discussed trade and tourism in Ankara on Monday.", "2024-01-01") == []


def test_claims_third_party_attribution_is_claimed(extract_text):
    records = extract_text("Iran has provided Moscow with Shahed-136 drones, the British foreign secretary said.", "2024-02-01")
    assert [(r.supplier, r.recipient, r.certainty) for r in records] == [("IRN", "RUS", "claimed")]


def test_claims_speaker_of_a_quote_is_we(extract_text):
    text = "“We will send our warships to the Red Sea,” the Indian defence minister, Rajnath Singh, said."
    records = extract_text(text, "2024-01-10")
    assert [(r.kind, r.supplier, r.location) for r in records] == [("deployment", "IND", "Red Sea")]


def test_claims_combat_use_is_not_a_transfer(extract_text):
    assert extract_text("Ukrainian air defences intercepted 20 Shahed drones overnight.", "2024-01-10") == []


def test_claims_relative_clause_binds_to_its_antecedent(extract_text):
    records = extract_text("Saudi forces fought the Houthis, who have received Iranian missiles.", "2015-04-21")
    assert [(r.supplier, r.recipient, r.status) for r in records] == [("IRN", "YEM", "delivered")]


def test_claims_the_two_countries_are_the_pair_named_before(extract_text):
    records = extract_text("Cuba and Russia held talks in Havana. The two countries signed a military cooperation agreement on Monday.",
                           "2024-05-08")
    assert [(r.supplier, r.recipient, r.status, r.date) for r in records] == [("RUS", "CUB", "agreed", "2024-05-06")]


def test_claims_priced_deal_in_the_passive(extract_text):
    records = extract_text("Egypt bought Rafale jets from France. The $2 billion deal was signed in March 2021, according to "
                           "the ministry.", "2022-01-01")
    deal = find(records, kind="agreement")
    assert [(r.category, r.supplier, r.recipient, r.status, r.date, r.quantity) for r in deal] == [
        ("arms-deal", "FRA", "EGY", "agreed", "2021-03", None)]


def test_claims_denied_holding_has_no_supplier(extract_text):
    records = extract_text("Officials in Caracas insist that Venezuela has no nuclear weapons.", "2020-01-01")
    assert [(r.supplier, r.recipient, r.certainty) for r in records] == [("", "VEN", "denied")]


def test_claims_appositive_subject_and_year_before_comma(extract_text):
    records = extract_text("Algeria, long Moscow's biggest customer in Africa, ordered 14 Su-57 fighters in 2019, but deliveries "
                           "were delayed.", "2024-03-11")
    assert [(r.label, r.supplier, r.recipient, r.status, r.date, r.quantity) for r in records] == [
        ("Su-57", "RUS", "DZA", "agreed", "2019", 14)]


def test_claims_parenthetical_keeps_its_own_time(extract_text):
    records = extract_text("French troops, who had fought jihadists in Mali since 2013, left the country in August 2022.",
                           "2023-01-05")
    assert [(r.supplier, r.recipient, r.status, r.date) for r in records] == [("FRA", "MLI", "ended", "2022-08")]


def test_claims_deal_partner_supplies_and_negotiation_plans(extract_text):
    records = extract_text("Kenya signed a deal with the United States in 2023 to buy 16 Bell helicopters. "
                           "Nigeria is negotiating the purchase of Wing Loong II drones from China.", "2024-03-11")
    helicopters, drones = find(records, label="helicopters"), find(records, label="Wing Loong II")
    assert [(r.supplier, r.recipient, r.status, r.date, r.quantity) for r in helicopters] == [("USA", "KEN", "agreed", "2023", 16)]
    assert [(r.supplier, r.recipient, r.status, r.date) for r in drones] == [("CHN", "NGA", "planned", "2024-03-11")]


def test_claims_headline_verbs_speak_of_publication_day(extract_text):
    records = extract_text("French Rafale jets land in Egypt\n\n"
                           "* First Caesar howitzers unloaded in Alexandria\n\n"
                           "CAIRO (Reuters) - The aircraft were bought from France in 2015.", "2021-05-04")
    headline = [r for r in records if r.sentence.startswith(("French", "First"))]
    assert {(r.label, r.supplier, r.recipient, r.status, r.date) for r in headline} == {
        ("Rafale", "FRA", "EGY", "delivered", "2021-05-04"), ("Caesar", "FRA", "EGY", "delivered", "2021-05-04")}


def test_claims_headline_future_is_a_pledge_or_a_plan(extract_text):
    records = extract_text("Sweden to send CV90 fighting vehicles to Ukraine\n\n"
                           "Romania is to receive its first F-35 jets in 2030, the ministry said.", "2023-01-19")
    assert [(r.label, r.supplier, r.recipient, r.status, r.date) for r in find(records, label="CV90")] == [
        ("CV90", "SWE", "UKR", "pledged", "2023-01-19")]
    assert [(r.status, r.date) for r in find(records, label="F-35")] == [("planned", "2030")]


def test_claims_refusal_to_supply_is_denied_and_only_planned(extract_text):
    records = extract_text("Israel has refused to provide Iron Dome batteries to Ukraine, officials said.", "2022-10-20")
    assert [(r.supplier, r.recipient, r.status, r.certainty) for r in find(records, label="Iron Dome")] == [
        ("ISR", "UKR", "planned", "denied")]


def test_claims_deal_dated_in_the_past_was_made_then(extract_text):
    records = extract_text("A contract for 12 Su-35 fighters from Russia followed in March, Egypt's ministry said.",
                           "2019-11-02")
    deals = find(records, kind="agreement")
    assert [(r.status, r.date) for r in deals] == [("agreed", "2019-03")]


def test_claims_forces_of_different_kinds_in_one_sentence_are_two(extract_text):
    records = extract_text("France sent military instructors and Rafale jets to Greece for joint exercises in May 2021.",
                           "2021-06-01")
    assert sorted((r.category, r.supplier, r.recipient, r.status, r.date) for r in find(records, kind="deployment")) == [
        ("advisers", "FRA", "GRC", "delivered", "2021-05"), ("aircraft", "FRA", "GRC", "delivered", "2021-05")]


def test_claims_weapons_used_on_a_target_are_not_a_transfer(extract_text):
    assert extract_text("Israel dropped guided bombs on Gaza City on Friday.", "2023-10-14") == []
    made = extract_text("Russia fired North Korean-made KN-23 missiles at Kharkiv on Tuesday.", "2024-01-03")
    assert [(r.label, r.supplier, r.recipient) for r in made] == [("KN-23", "PRK", "RUS")]


def test_claims_a_named_base_is_a_place_not_an_item(extract_text):
    records = extract_text("Egypt received its first Rafale jets at a ceremony at the Gebel El Basur air base.", "2021-05-04")
    assert [r.label for r in records] == ["Rafale"]
    planned = extract_text("Russia will build a naval base in Port Sudan, the Sudanese army said.", "2020-11-12")
    assert [(r.category, r.supplier, r.recipient, r.status) for r in planned] == [("facility", "RUS", "SDN", "planned")]


def test_claims_partner_after_with_is_not_the_buyer(extract_text):
    records = extract_text("Saudi Arabia is in talks with China to buy Wing Loong drones, while the United Arab "
                           "Emirates took delivery of 18 MQ-9B drones last year.", "2021-12-14")
    assert [(r.supplier, r.recipient, r.status) for r in find(records, label="Wing Loong")] == [("CHN", "SAU", "planned")]
    assert [(r.supplier, r.recipient, r.quantity) for r in find(records, label="MQ-9B")] == [("USA", "ARE", 18)]


def test_claims_lone_country_with_a_foreign_system_holds_it(extract_text):
    records = extract_text("Germany said the first Arrow 3 batteries would become operational by late 2025.", "2023-09-28")
    assert [(r.supplier, r.recipient, r.status, r.date) for r in records] == [("ISR", "DEU", "planned", "2025")]


def test_claims_units_of_a_system_are_not_troops(extract_text):
    records = extract_text("Russia delivered two S-300 units to Syria in 2018, the defence ministry said.", "2019-01-10")
    assert [(r.kind, r.label, r.quantity) for r in records] == [("item", "S-300", 2)]


def test_claims_the_deal_is_the_order_its_sentence_reports(extract_text):
    records = extract_text("Egypt ordered Su-35 fighter jets from Russia, but the deal was frozen under U.S. pressure. "
                           "Armenia will buy Indian Pinaka rocket launchers under a $250 million contract signed in September.", "2023-03-15")
    deals = [(r.supplier, r.recipient, r.status, r.date) for r in find(records, kind="agreement")]
    assert deals == [("RUS", "EGY", "ended", ""), ("IND", "ARM", "agreed", "2022-09")]


def test_claims_the_story_supplier_passes_on_what_others_make(extract_text):
    records = extract_text("Ukraine gets first F-16 jets from Denmark\n\n"
                           "KYIV (Reuters) - Ukraine has received its first F-16 fighter jets, officials said on Thursday.",
                           "2024-08-01")
    # the headline's claim is the body's, told once (extract/headlines.py): one record, in the body
    assert [(r.supplier, r.recipient, r.status, r.date, r.sentence[:4]) for r in find(records, label="F-16")] == [
        ("DNK", "UKR", "delivered", "2024-08-01", "KYIV")]


def test_claims_each_item_in_a_list_keeps_its_own_supplier(extract_text):
    records = extract_text("Mali took delivery of Bayraktar TB2 drones from Turkey and two Mi-171 helicopters from Russia "
                           "on Wednesday.", "2023-11-16")
    # a headline alone (one the body repeats is dropped as a repeat)
    records += extract_text("Mali receives Turkish drones and Russian helicopters", "2023-11-16")
    pairs = {(r.label, r.supplier, r.recipient) for r in records}
    assert {("Bayraktar TB2", "TUR", "MLI"), ("Mi-171", "RUS", "MLI"), ("drones", "TUR", "MLI"),
            ("helicopters", "RUS", "MLI")} <= pairs
    assert not {("Mi-171", "TUR", "MLI"), ("helicopters", "TUR", "MLI")} & pairs


def test_claims_expelled_forces_and_orders_to_leave_end_a_deployment(extract_text):
    records = extract_text("Mali's junta, which seized power in 2020, expelled French troops last year and turned to Moscow "
                           "for help. Niger's junta ordered U.S. troops to leave in March.", "2023-11-16")
    troops = [(r.supplier, r.recipient, r.status, r.date) for r in find(records, kind="deployment")]
    assert troops == [("FRA", "MLI", "ended", "2022"), ("USA", "NER", "ended", "2023-03")]


def test_claims_not_bought_is_denied(extract_text):
    records = extract_text("Ghana has not bought any Chinese armoured vehicles, its defence ministry said.", "2023-11-16")
    assert [(r.supplier, r.recipient, r.certainty) for r in records] == [("CHN", "GHA", "denied")]


def test_claims_future_deliveries_are_expected_and_future_giving_promised(extract_text):
    records = extract_text("The first K239 Chunmoo launchers will be delivered to Poland next year. "
                           "South Korea will also provide ammunition to Poland.", "2023-05-10")
    assert [(r.status, r.date) for r in find(records, label="K239 Chunmoo")] == [("planned", "2024")]
    assert [(r.supplier, r.recipient, r.status) for r in find(records, label="ammunition")] == [("KOR", "POL", "pledged")]


def test_claims_a_training_ship_hosted_abroad_is_a_naval_deployment(extract_text):
    records = extract_text("In 2023, Cuba hosted a Russian naval training ship in Havana.", "2024-04-16")
    assert [(r.kind, r.category, r.supplier, r.recipient, r.date) for r in records] == [
        ("deployment", "naval", "RUS", "CUB", "2023")]


def test_claims_a_future_withdrawal_is_planned_by_its_deadline(extract_text):
    records = extract_text("France will withdraw its 1,000 troops from Chad by January, the French army said.", "2024-12-09")
    assert [(r.supplier, r.recipient, r.status, r.date, r.quantity) for r in records] == [("FRA", "TCD", "planned", "2025-01", 1000)]


def test_claims_hosts_in_a_region_and_attribution_are_not_destinations(extract_text):
    records = extract_text("Turkey maintains several thousand soldiers in northern Syria. "
                           "Some 300 Cuban military advisers are in Venezuela, according to U.S. officials.", "2024-12-09")
    assert [(r.supplier, r.recipient) for r in find(records, kind="deployment")] == [("TUR", "SYR"), ("CUB", "VEN")]


def test_claims_a_long_list_of_recipients_each_get_a_record(extract_text):
    records = extract_text("South Korea has sold K9 howitzers to Poland, Norway, Finland and Egypt.", "2023-12-22")
    assert sorted((r.supplier, r.recipient) for r in records) == [("KOR", "EGY"), ("KOR", "FIN"), ("KOR", "NOR"), ("KOR", "POL")]


def test_claims_co_suppliers_and_each_maker_its_own_system(extract_text):
    joint = extract_text("France and Italy will deliver a SAMP/T air defence system to Ukraine.", "2023-01-30")
    assert sorted((r.supplier, r.recipient) for r in joint) == [("FRA", "UKR"), ("ITA", "UKR")]
    split = extract_text("Armenia has turned to India and France, buying Pinaka rocket launchers and GM 200 radars.", "2023-01-30")
    assert sorted((r.label, r.supplier) for r in split) == [("Ground Master 200", "FRA"), ("Pinaka", "IND")]


def test_agreements_named_for_the_weapon_they_buy(extract_text):
    records = extract_text("Azerbaijan and Israel signed a new drone deal on Thursday.", "2022-03-03")
    assert [(r.kind, r.category, r.status, r.date) for r in records] == [("agreement", "arms-deal", "agreed", "2022-03-03")]


@pytest.mark.parametrize("text, expected", [
    ("The talks praised the deepening defence ties of Chile and Peru.", []),
    ("Chile and Peru signed a military cooperation agreement on Monday.", ["agreed"]),
    ("Chile pledged military cooperation with Peru.", ["pledged"]),
])
def test_claims_cooperation_described_is_no_claim(extract_text, text, expected):
    records = extract_text(text, "2024-05-23")
    assert [r.status for r in records if r.kind == "agreement"] == expected


def test_claims_an_iris_t_air_defence_system_is_air_defence(extract_text):
    records = extract_text("In October 2022 Germany handed Kyiv one IRIS-T SLM battery.", "2023-01-10")
    assert [(r.category, r.supplier, r.recipient, r.date) for r in records] == [("air-defense", "DEU", "UKR", "2022-10")]


def test_claims_an_agreement_for_deliveries_is_agreed_not_delivered(extract_text):
    text = ("Peru's second frigate contract is worth $2 billion, following a first contract in 2019 for the delivery "
            "of four Spanish corvettes.")
    records = extract_text(text, "2024-03-14")
    deals = find(records, kind="agreement")
    assert deals and all(r.status == "agreed" for r in deals)


def test_claims_an_agreement_no_verb_qualifies_is_agreed(extract_text):
    text = "The agreement to sell Spanish corvettes to Peru is the largest naval deal in the region, the minister said."
    records = extract_text(text, "2024-03-14")
    deals = find(records, kind="agreement")
    assert deals and all(r.status == "agreed" for r in deals)



def test_claims_a_subject_beside_a_term_is_no_modifier_and_made_in_names_the_maker(extract_text):
    # "the Chileans use F-16s": the Chileans hold the jets; "built in the US" names their maker
    text = "Unlike their neighbours, the Chileans use fighter jets built in the US."
    records = extract_text(text, "2024-05-23")
    assert [(r.supplier, r.recipient) for r in records if r.kind == "item"] == [("USA", "CHL")]


def test_claims_a_maker_in_a_locative_is_not_a_host(extract_text):
    records = extract_text("Indonesia operates attack helicopters made in France.", "2024-05-23")
    assert [(r.supplier, r.recipient) for r in records if r.kind == "item"] == [("FRA", "IDN")]


def test_claims_a_makers_contract_stands_between_the_maker_and_the_buyer(extract_text):
    # the maker acts for its country; the deal is between the parties of the transfer it names,
    # not the country of an earlier order named first
    records = extract_text("Before the Polish order, Hanwha signed a contract in 2021 to deliver 18 K9 howitzers "
                           "to Estonia.", "2024-05-23")
    assert sorted((r.kind, r.supplier, r.recipient) for r in records) == [("agreement", "KOR", "EST"),
                                                                          ("item", "KOR", "EST")]


def test_claims_a_union_that_only_describes_the_buyer_leaves_it_to_the_context(extract_text):
    text = ("Sweden to sell jets to Hungary\n\n"
            "Sweden has agreed to sell four Gripen jets to Hungary, officials said.\n\n"
            "The minister said Sweden is about to export combat drones, a first, to another member "
            "of the EU and of NATO.\n")
    records = extract_text(text, "2024-05-23")
    assert {(r.supplier, r.recipient) for r in records if "member of" in r.sentence} == {("SWE", "HUN")}


def test_claims_the_design_a_system_is_a_version_of_casts_no_vote_for_the_pair():
    # role=lineage nouns in data/verb_cues.csv ("a version of", "a copy of"): the design descended from
    from extract.articles import Article
    from extract.pipeline import find_claims

    text = ("Peru will buy 20 FA-50 jets from South Korea.\n\n"
            "The FA-50 is a version of the American F-16, officials said.\n")
    claims = find_claims(Article(article_id="lineage", text=text, published="2024-05-08"))
    assert [(c.term.label, c.lineage) for c in claims if c.supplier == "USA"] == [("F-16", True)]
    assert not any(c.lineage for c in claims if c.term.label == "FA-50")


@pytest.mark.parametrize("text, place", [
    ("Russia delivered two Mi-35 helicopters to Mali last week; they were seen at an airfield outside Gao.", "Gao"),
    ("Russia delivered two Mi-35 helicopters to Mali last week, and they were flown to the northern Gao region.", "Gao"),
    ("Iran shipped Shahed drones to Russia across the Caspian Sea in May.", "Caspian Sea"),
])
def test_claims_a_place_a_locative_preposition_introduces_is_where_the_claim_happens(extract_text, text, place):
    # role=locative in data/verb_cues.csv: the parse reads the place as the object of the preposition,
    # itself or through the noun it modifies ("the northern Gao region")
    assert [r.location for r in extract_text(text, "2024-05-23")] == [place]


@pytest.mark.parametrize("text, label, status, date", [
    ("Peru has taken delivery of two Spanish C295 aircraft, the last of four bought under a 2021 contract, "
     "the air force said on Monday.",
     "C-295", "delivered", "2024-06-03"),
    ("Chile will receive three Norwegian NASAMS batteries under the 2022 agreement, the army said.",
     "NASAMS", "planned", "2024-06-05"),
])
def test_claims_a_year_on_a_deal_noun_dates_the_deal_not_the_transfer(extract_text, text, label, status, date):
    # "under a 2021 contract": the year belongs to the contract; the delivery is dated by the report
    records = extract_text(text, "2024-06-05")
    item = [r for r in records if r.kind == "item" and r.label == label]
    assert [(r.status, r.date) for r in item] == [(status, date)]


def test_claims_a_warship_calling_at_a_port_is_sent_there(extract_text):
    # "call at" is a verb with its preposition in data/verb_cues.csv: a port call moves the ship,
    # though "call" alone ("called on Kenya to") moves nothing
    text = ("Indian navy in East Africa\n\n"
            "NAIROBI (Reuters) - An Indian navy frigate will call at Mombasa next month for joint drills "
            "with the Kenyan navy, the Indian embassy said on Friday.\n")
    visit = find(extract_text(text, "2024-05-10"), kind="deployment", category="naval")
    assert [(r.supplier, r.recipient, r.status, r.location, r.date) for r in visit] == [
        ("IND", "KEN", "planned", "Mombasa", "2024-06")]


def test_claims_warships_a_navy_is_to_receive_are_an_item_not_a_visit(extract_text):
    # "receive" is an acquisition word of data/context_cues.csv: the corvettes change hands
    text = ("Ghana expands its fleet\n\n"
            "ACCRA (AP) - Ghana is expected to receive two corvettes from Portugal once its crews complete "
            "training, the navy said on Monday.\n")
    ships = [(r.kind, r.category, r.supplier, r.recipient, r.status, r.quantity)
             for r in extract_text(text, "2024-05-13") if r.category == "naval"]
    assert ships == [("item", "naval", "PRT", "GHA", "planned", 2)]


def test_claims_a_maintenance_centre_a_supplier_sets_up_is_a_facility_item(extract_text):
    # the pattern row of data/generic_terms.csv takes the system serviced with it: one facility,
    # not a drone as well
    text = ("Kenya and Turkey deepen ties\n\n"
            "NAIROBI (AP) - Turkish firms are to help set up a drone maintenance centre in Mombasa, "
            "Kenyan officials said on Monday.\n")
    records = extract_text(text, "2024-05-13")
    assert [(r.kind, r.category, r.supplier, r.recipient, r.status, r.location) for r in records] == [
        ("item", "facility", "TUR", "KEN", "planned", "Mombasa")]


def test_claims_a_buyer_that_commissions_a_shipyard_to_build_ships_made_a_deal(extract_text):
    # "commission" above the work it orders is a control row of data/verb_cues.csv whose subject
    # receives: an arms deal with the builder's country; commissioning a ship is its entry into service
    text = ("Chile renews its fleet\n\n"
            "In 2017, Chile commissioned German Naval Yards to build three more patrol ships for its coast guard.\n\n"
            "The navy commissioned two corvettes in May.\n")
    records = extract_text(text, "2024-06-10")
    deals = [(r.category, r.supplier, r.recipient, r.status, r.date) for r in records if r.kind == "agreement"]
    assert deals == [("arms-deal", "DEU", "CHL", "agreed", "2017")]


def test_claims_gunboats_a_navy_commissions_are_warships_it_received(extract_text):
    # "gunboat" is a naval word of data/generic_terms.csv; "Indian-built" names the supplier
    text = ("Hanoi expands its coastal fleet\n\n"
            "The Vietnamese Navy also commissioned two Indian-built patrol gunboats in February, officials said.\n")
    boats = [(r.kind, r.category, r.supplier, r.recipient, r.status, r.quantity, r.date)
             for r in extract_text(text, "2024-05-10")]
    assert boats == [("item", "naval", "IND", "VNM", "delivered", 2, "2024-02")]


def test_claims_soldiers_who_train_another_countrys_forces_are_advisers(extract_text):
    # "train" is a role=teach verb of data/verb_cues.csv: its subject force teaches, its object learns;
    # soldiers who trained somewhere, with no one taught, stay troops
    text = ("Ankara's footprint in the Horn\n\n"
            "Turkish soldiers train Somali army units in Mogadishu, the ministry said on Friday.\n\n"
            "Kenyan soldiers trained in Turkey last year.\n")
    records = extract_text(text, "2024-05-10")
    teachers = [(r.category, r.supplier, r.recipient) for r in records if r.kind == "deployment" and r.supplier == "TUR"]
    assert teachers == [("advisers", "TUR", "SOM")]
    learners = [r.category for r in records if r.kind == "deployment" and "Kenyan" in r.sentence]
    assert learners == ["troops"]


def test_claims_a_force_at_work_until_now_is_present_but_used_items_were_delivered(extract_text):
    # "have been training": a force still at work is there now; "has been using" drones tells of
    # drones delivered before, so the item keeps its delivery
    text = ("Kenya's coast\n\n"
            "British Royal Marines have been quietly training Kenyan forces on the coast for at least a year, "
            "two people familiar with the matter said.\n\n"
            "Kenya has been using Turkish drones against militants, officials said.\n")
    records = extract_text(text, "2024-05-10")
    marines = [(r.category, r.supplier, r.recipient, r.status) for r in records if r.kind == "deployment"]
    assert marines == [("advisers", "GBR", "KEN", "present")]
    drones = [(r.supplier, r.recipient, r.status) for r in records if r.kind == "item"]
    assert drones == [("TUR", "KEN", "delivered")]


def test_claims_a_state_training_another_states_forces_sends_trainers(extract_text):
    # no force is named: the verb of teaching (role=teach in data/verb_cues.csv) with a state as its
    # subject and another state's forces as its object names the trainers; its own pilots are no one's
    text = ("Britain on the Kenyan coast\n\n"
            "Additionally, Britain has been training Kenyan marines and police units.\n\n"
            "France has trained its own pilots in Cazaux for decades.\n")
    records = extract_text(text, "2024-05-10")
    trainers = [(r.category, r.supplier, r.recipient, r.status) for r in records if r.kind == "deployment"
                and r.category == "advisers"]
    assert trainers == [("advisers", "GBR", "KEN", "present")]
    assert not [r for r in records if "Cazaux" in r.sentence]


def test_claims_launchers_a_supplier_has_committed_are_pledged(extract_text):
    # "commit" is an action row of data/verb_cues.csv: committing the things themselves is a pledge
    text = ("Tallinn's rocket artillery\n\n"
            "Estonia has received HIMARS rocket launchers from the United States, officials said on Monday.\n\n"
            "So far the United States has committed 12 of the systems, the Pentagon said.\n")
    records = extract_text(text, "2024-05-10")
    pledged = [(r.label, r.supplier, r.recipient, r.status, r.quantity) for r in records if "committed" in r.sentence]
    assert pledged == [("HIMARS", "USA", "EST", "pledged", 12)]


def test_claims_the_time_of_a_report_does_not_date_the_past_event_it_tells(extract_text):
    # "said on March 3", "said in February that": the report is made then; the shipment it tells
    # happened before, at no time the sentence gives. A pledge told then is voiced then.
    text = ("Lithuania warns of convoys\n\n"
            "The Belarusian parliament met on Monday to debate the budget.\n\n"
            "The defence minister of Lithuania said in February that Belarus also sent dozens of Iskander "
            "missiles to Russia.\n\n"
            "Belarus shipped 40 T-72 tanks to Russia by rail, Lithuanian intelligence said on March 3.\n\n"
            "The Belarusian ministry said on Tuesday that it will send more BTR-80 vehicles to Russia.\n")
    records = extract_text(text, "2025-03-12")
    told = [(r.label, r.supplier, r.recipient, r.status, r.date) for r in records if r.kind == "item"]
    assert told == [("Iskander", "BLR", "RUS", "delivered", ""), ("T-72", "BLR", "RUS", "delivered", ""),
                    ("BTR-80", "BLR", "RUS", "pledged", "2025-03-11")]


def test_claims_a_weekend_the_next_sentence_pins_to_a_day_dates_the_arrival(extract_text):
    # "over the weekend", then "arrived on Saturday": the weekend's day; the report's Sunday is not it
    text = ("Minsk receives Russian troops\n\n"
            "Two Russian transport planes delivered troops to Belarus over the weekend, the state news "
            "agency said on Sunday.\n\n"
            "The first plane touched down near Minsk on Saturday evening, according to the agency.\n")
    records = extract_text(text, "2025-03-10")
    troops = [(r.supplier, r.recipient, r.status, r.date) for r in records if r.kind == "deployment"]
    assert troops == [("RUS", "BLR", "delivered", "2025-03-08")]


def test_claims_a_month_a_future_verb_names_is_the_next_one(extract_text):
    # written in November, "will be shipped in March" is next March; "were expected to arrive in
    # May" tells a past expectation, this year's May
    text = ("Ghana to get Korean howitzers\n\n"
            "Ghana signed a contract for 18 K9 howitzers from South Korea on Monday, the army said.\n\n"
            "The first six K9 howitzers will be shipped to Ghana in March, and a South Korean training team "
            "will arrive in Accra in February to prepare the crews.\n\n"
            "Ghana's KT-1 trainers from South Korea were expected to arrive in May but were delayed.\n")
    records = extract_text(text, "2025-11-19")
    planned = [(r.label, r.supplier, r.recipient, r.status, r.date) for r in records if r.status == "planned"]
    assert planned == [("K9 Thunder", "KOR", "GHA", "planned", "2026-03"),
                       ("military specialists", "KOR", "GHA", "planned", "2026-02"),
                       ("KT-1 Woongbi", "KOR", "GHA", "planned", "2025-05")]


def test_claims_installation_finished_over_last_summer_is_a_delivery_then(extract_text):
    # "finished installing" is the installer's delivery done; "over the summer" told in January is
    # last year's summer, and a verb that speaks ahead takes this year's spring
    text = ("Croatia's new radars\n\n"
            "Along the Dalmatian coast, France's Thales finished installing two Ground Master 400 radars near "
            "Split over the summer, giving Croatia a wider picture of its airspace.\n\n"
            "A third Ground Master 400 radar will be installed near Zadar in the spring.\n")
    records = extract_text(text, "2026-01-20")
    radars = [(r.supplier, r.recipient, r.status, r.date) for r in records if r.label == "Ground Master 400"]
    assert radars == [("FRA", "HRV", "delivered", "2025"), ("FRA", "HRV", "planned", "2026")]


def test_claims_a_relative_clause_hung_on_a_later_noun_tells_of_the_term(extract_text):
    # the parser hangs ", which ..." on the last noun of the phrases after the term; a clause whose
    # verb tells the term's own stage ("elevated" for a pact, "received" for ships) dates it
    text = ("Manila and Tokyo deepen ties\n\n"
            "At the meeting, the ministers praised the steady growth of the Strategic Partnership between the "
            "two countries, which was elevated in 2015.\n\n"
            "The minister thanked Japan for the two patrol ships built by a Japanese yard under a grant "
            "programme, which the Philippine Coast Guard received at Subic last week.\n")
    records = extract_text(text, "2026-02-12")
    told = [(r.kind, r.supplier, r.recipient, r.status, r.date) for r in records]
    assert told == [("agreement", "JPN", "PHL", "agreed", "2015"), ("item", "JPN", "PHL", "delivered", "2026-02")]


def test_claims_a_buyer_close_to_choosing_a_system_plans_it(extract_text):
    # "is close to choosing": a selection still ahead (close: a control row with status=planned), the
    # chooser its buyer; the decision's year dates it
    text = ("Air show notes\n\n"
            "Oman is close to choosing the South Korean KAI T-50 for its trainer requirement, with a decision "
            "expected next year, officials told reporters.\n")
    records = extract_text(text, "2025-11-18")
    assert [(r.label, r.supplier, r.recipient, r.status, r.date) for r in records] == [
        ("T-50", "KOR", "OMN", "planned", "2026")]


def test_claims_a_country_that_only_names_the_press_is_no_party(extract_text):
    # "reports in the Greek press": Greece is where the reports ran, not the troops' host
    text = ("Skopje and the drones\n\n"
            "North Macedonia bought six Bayraktar TB2 drones from Turkey in 2024.\n\n"
            "The defence ministry in Skopje has denied reports in the Greek press that Turkish soldiers will be "
            "stationed at Krivolak to operate the drones.\n")
    records = extract_text(text, "2025-12-02")
    troops = [(r.supplier, r.recipient, r.status, r.certainty) for r in records if r.kind == "deployment"]
    assert troops == [("TUR", "MKD", "planned", "denied")]


def test_claims_a_shipyard_maker_named_on_its_own_supplies_its_offer(extract_text):
    # Emgepron (data/makers.csv) acts for Brazil: its offer is not the German ships named before
    text = ("Navies shop for ships\n\n"
            "Uruguay's navy operates two German-built frigates.\n\n"
            "An industry source said that Emgepron had offered two patrol vessels to Uruguay last month.\n")
    records = extract_text(text, "2025-10-21")
    offers = [(r.supplier, r.recipient, r.status, r.date) for r in records if r.status == "pledged"]
    assert offers == [("BRA", "URY", "pledged", "2025-09")]
