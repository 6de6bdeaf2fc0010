"""The dependency tree's reading of a claim: status from the governing verb and what controls it,
roles from the verb's subject, goal and source, certainty from modals and negation.
Passages are written for these tests in the styles of wire copy."""

import pytest

from extract import syntax
from extract.nlp import load_nlp

COUNTRIES = {"Egypt": "EGY", "South Korea": "KOR", "Kazakhstan": "KAZ", "Germany": "DEU", "Ukraine": "UKR",
             "Brazil": "BRA", "Chile": "CHL", "Belarus": "BLR", "Russia": "RUS", "Peru": "PER", "Tokyo": "JPN",
             "Norway": "NOR", "Indonesia": "IDN", "France": "FRA", "Vietnam": "VNM", "Argentina": "ARG",
             "Denmark": "DNK", "Niger": "NER", "Mongolia": "MNG", "Spain": "ESP"}


def read(sentence: str, term: str, kind: str = "item") -> syntax.Reading:
    doc = load_nlp()(sentence)
    mentions = []
    for name, iso3 in COUNTRIES.items():
        start = sentence.find(name)
        if start >= 0:
            mentions.append((start, start + len(name), iso3))
    start = sentence.index(term)
    return syntax.read_claim(doc, start, start + len(term), kind, mentions)


@pytest.mark.parametrize("sentence, term, expected", [
    ("Egypt took delivery of the first batch of K9 howitzers from South Korea last month.", "K9 howitzers", "delivered"),
    ("Kazakhstan is set to receive four Su-30 fighters before the year is out.", "Su-30 fighters", "planned"),
    ("The missiles are due to reach Minsk next week, a defence official said.", "missiles", "planned"),
    ("Germany has begun supplying Leopard tanks to Ukraine, the ministry said on Tuesday.", "Leopard tanks", "delivered"),
    ("Brazil is considering selling armoured vehicles to Chile.", "armoured vehicles", "planned"),
    ("The jets will be delivered by the end of 2027.", "jets", "planned"),
    ("Peru signed a deal to buy 40 K2 tanks from South Korea.", "K2 tanks", "agreed"),
    ("Argentina has asked Denmark to sell it F-16 fighters.", "F-16 fighters", "requested"),
    ("Spain halted the delivery of the corvettes in May.", "corvettes", "ended"),
    ("Norway made public its intention to buy six submarines.", "submarines", "planned"),
])
def test_syntax_status_from_the_governing_verb(sentence, term, expected):
    assert read(sentence, term).status == expected


@pytest.mark.parametrize("sentence, term, expected", [
    ("Germany will send 20 Marder vehicles to Ukraine.", "Marder vehicles", "pledged"),
    ("Germany to send Marder vehicles to Ukraine", "Marder vehicles", "pledged"),
    ("Vietnam will buy a dozen Yak-130 trainers from Russia.", "Yak-130 trainers", "planned"),
    ("France said it would send more Caesar howitzers to Ukraine.", "Caesar howitzers", "pledged"),
    ("Mongolia may request more radars from Russia.", "radars", "planned"),
])
def test_syntax_modals_make_pledges_and_plans(sentence, term, expected):
    assert read(sentence, term).status == expected


@pytest.mark.parametrize("sentence, term, supplier, recipient", [
    ("Belarus sent Russia hundreds of artillery shells in March.", "artillery shells", "BLR", "RUS"),
    ("Egypt took delivery of the first batch of K9 howitzers from South Korea last month.", "K9 howitzers", "KOR", "EGY"),
    ("Chile bought six frigates from Norway in 2019.", "frigates", "NOR", "CHL"),
    ("Indonesia received the first two Rafale jets from France on Friday.", "Rafale jets", "FRA", "IDN"),
    ("The tanks were delivered to Ukraine by Germany.", "tanks", "DEU", "UKR"),
    ("Germany has begun supplying Leopard tanks to Ukraine.", "Leopard tanks", "DEU", "UKR"),
    ("Kazakhstan is set to receive four Su-30 fighters from Russia.", "Su-30 fighters", "RUS", "KAZ"),
])
def test_syntax_roles_from_subject_goal_and_source(sentence, term, supplier, recipient):
    reading = read(sentence, term)
    assert (reading.supplier, reading.recipient) == (supplier, recipient)


def test_syntax_a_clause_of_its_own_is_not_controlled_by_the_main_verb():
    # "took" of "took delivery of" reverses roles; "took a new turn as ..." must not
    reading = read("Ties between the two neighbours took a new turn as Belarus handed Russia 90 howitzers.",
                   "howitzers")
    assert (reading.supplier, reading.recipient, reading.status) == ("BLR", "RUS", "delivered")


def test_syntax_an_infinitive_of_purpose_acts_through_the_subject_it_serves():
    reading = read("Peru will spend $2 billion over five years to acquire a fleet of Korean frigates.", "frigates")
    assert reading.recipient == "PER"
    # an infinitive with a subject of its own keeps it
    reading = read("Chile paid millions for Peru to acquire the frigates.", "frigates")
    assert reading.recipient != "CHL"
    # an adverbial participle: "Norway has become a big donor, sending Leopard tanks to Ukraine"
    reading = read("Norway has become a leading donor, sending 80 Soviet-built tanks to Ukraine since May.", "tanks")
    assert (reading.supplier, reading.recipient) == ("NOR", "UKR")
    # "trained X to operate": the object operates, not the trainer
    reading = read("Russia has trained Indonesian crews to operate the Su-35 jets.", "Su-35 jets")
    assert reading.recipient != "RUS"


def test_syntax_a_re_transfer_passed_on_goes_to_its_new_recipient():
    reading = read("Spain denied reports that tanks it sold to Chile might be passed on to Peru.", "tanks")
    assert (reading.recipient, reading.status) == ("PER", "planned")


def test_syntax_who_asks_for_weapons_would_receive_them():
    reading = read("Peru's president is expected to ask for more air defence systems during a visit to Spain.",
                   "air defence systems")
    assert (reading.recipient, reading.status) == ("PER", "planned")  # an expected request: planned


def test_syntax_who_announces_a_nominal_act_performs_it():
    reading = read("Chile announced the allocation of 40 tanks to Peru last week.", "tanks")
    assert (reading.supplier, reading.recipient, reading.status) == ("CHL", "PER", "pledged")
    # unless the noun names its own agent
    reading = read("Chile announced plans by Spain to send tanks to Peru.", "tanks")
    assert reading.supplier != "CHL"


def test_syntax_who_asks_permission_to_send_would_send():
    reading = read("Chile formally asked Spain for permission to send 12 of its Spanish-made tanks to Peru.", "tanks")
    assert (reading.supplier, reading.recipient) == ("CHL", "PER")


def test_syntax_a_force_that_moves_is_not_its_own_sender():
    reading = read("More than 3,000 Russian troops moved into Niger last week.", "troops", "deployment")
    assert (reading.status, reading.recipient) == ("delivered", "NER")


def test_syntax_another_verbs_subject_does_not_ship():
    # the minister organised a shipment; he did not supply it
    reading = read("Peru's defence minister coordinated the shipment of Russian drones.", "drones")
    assert (reading.status, reading.supplier) == ("delivered", "")


@pytest.mark.parametrize("sentence, term, expected", [
    ("Tokyo ruled out sending warships to the strait.", "warships", "denied"),
    ("Egypt did not receive any K9 howitzers in 2023.", "K9 howitzers", "denied"),
    ("Russia could have sent the drones through Belarus.", "drones", "speculative"),
])
def test_syntax_certainty_from_modals_and_negation(sentence, term, expected):
    # who says it (reporters, "according to") is read by extract/certainty.py (tests/test_certainty.py)
    assert read(sentence, term).certainty == expected


def test_syntax_a_participle_is_the_terms_own_verb():
    reading = read("Vietnam will buy the trainers under a contract signed in September.", "contract", "agreement")
    assert reading.status == "agreed"


def test_syntax_object_control_reads_the_infinitive():
    reading = read("Niger's junta ordered the troops to leave in March.", "troops", "deployment")
    assert reading.status == "ended"


def find_deals(sentence: str) -> list[tuple[str, str]]:
    doc = load_nlp()(sentence)
    return [(sentence[s:e], category) for s, e, category in syntax.find_signed_agreements(doc, [])]


@pytest.mark.parametrize("sentence, expected", [
    ("Chile and Spain signed a ten-year agreement to supply the navy with leased corvettes.",
     [("agreement", "arms-deal")]),
    ("On Monday, Peru and Brazil signed a defence memorandum of understanding at a ceremony in Lima.", [("memorandum", "cooperation")]),
    ("Norway agreed to buy four submarines from Germany in 2017.", [("agreed", "arms-deal")]),
    ("Norway agreed to send more trainers to Ukraine.", []),
    ("The two leaders discussed a possible deal.", []),
])
def test_syntax_deals_the_lexicon_misses_are_read_from_the_tree(sentence, expected):
    assert find_deals(sentence) == expected


def test_syntax_an_agreement_read_from_its_verb_is_agreed():
    sentence = "Norway agreed to buy four submarines from Germany in 2017."
    start = sentence.index("agreed")
    reading = syntax.read_claim(load_nlp()(sentence), start, start + 6, "agreement", [])
    assert (reading.status, reading.tense) == ("agreed", "past")


@pytest.mark.parametrize("sentence, term", [
    ("The Tu-22 can carry cruise missiles over long distances.", "cruise missiles"),
    ("The jet is capable of reaching Mach 2 at altitude.", "jet"),
    ("The system was designed to destroy drones and aircraft.", "drones"),
    # the capability adjective on the platform, not on the sentence's verb
    ("The destroyers carry launchers capable of firing anti-ship missiles.", "anti-ship missiles"),
    ("The frigate has cells able to fire cruise missiles.", "cruise missiles"),
])
def test_syntax_capability_descriptions_are_no_claims(sentence, term):
    start = sentence.index(term)
    assert syntax.describes_capability(load_nlp()(sentence), start, start + len(term))


def test_syntax_a_delivery_is_no_capability():
    sentence = "Russia delivered cruise missiles to Belarus."
    start = sentence.index("cruise missiles")
    assert not syntax.describes_capability(load_nlp()(sentence), start, start + 15)


@pytest.mark.parametrize("sentence, term, kind, expected", [
    ("Officials insisted that the troops would remain in Niger.", "troops", "deployment", "present"),
    ("The United States has nine warships in the region.", "warships", "deployment", "present"),
    ("Two Russian warships were steaming toward Cuba on Monday.", "warships", "deployment", "delivered"),
])
def test_syntax_forces_held_and_moving(sentence, term, kind, expected):
    assert read(sentence, term, kind).status == expected


def test_syntax_the_other_party_of_a_deal_receives_what_is_given():
    reading = read("A Korean maker signed an agreement with Indonesia to supply 12 jets.", "jets")
    assert reading.recipient == "IDN"


@pytest.mark.parametrize("sentence, expected", [
    ("Shipments began after the finalisation of the contract between the two armies.", [("contract", "arms-deal")]),
    ("The signing of the contract for the tanks took place in Lima.", [("contract", "arms-deal")]),
])
def test_syntax_a_deal_signed_in_a_noun(sentence, expected):
    assert find_deals(sentence) == expected


@pytest.mark.parametrize("sentence, term, expected", [
    ("The Pentagon will send Kyiv missiles armed with cluster munitions next month.", "cluster munitions", "pledged"),
    ("The first K2 tanks ordered by Peru from South Korea arrived on Tuesday.", "K2 tanks", "delivered"),
    ("Putin said Russia would deploy nuclear weapons to Belarus.", "nuclear weapons", "planned"),
])
def test_syntax_a_describing_participle_does_not_govern(sentence, term, expected):
    assert read(sentence, term).status == expected


@pytest.mark.parametrize("sentence, term, expected", [
    ("The deal would also see Chile acquire another nine F-16 fighters.", "F-16 fighters", "planned"),
    ("Norway is prepared to begin the process of buying six submarines.", "submarines", "planned"),
    ("Peru plans to expand its order of K2 tanks by a third.", "K2 tanks", "planned"),
])
def test_syntax_light_words_pass_the_plan_through(sentence, term, expected):
    assert read(sentence, term).status == expected


@pytest.mark.parametrize("sentence, expected", [
    ("On Thursday, Peru and Spain signed a defence memorandum of understanding at a ceremony in Lima.", [("memorandum", "cooperation")]),
    ("Peru and Spain agreed to Lima's purchase of the corvettes in April.", [("agreed", "arms-deal")]),
])
def test_syntax_more_deals_the_lexicon_misses(sentence, expected):
    assert find_deals(sentence) == expected


def test_syntax_pulling_back_forces_ends_a_deployment():
    assert read("The army is pulling its troops back from the border region.", "troops", "deployment").status == "ended"


@pytest.mark.parametrize("sentence, term, expected", [
    ("The contract comprises forty armoured vehicles and a training package.", "armoured vehicles", "agreed"),
    ("The shipment includes two hundred anti-tank rockets, officials said.", "anti-tank rockets", "delivered"),
    ("The sale covers nine items, including coastal radars and torpedoes.", "torpedoes", "agreed"),
    ("Peru dispatched crates to Chile that may contain rifles, a report said.", "rifles", "delivered"),
])
def test_syntax_a_part_stands_where_the_whole_stands(sentence, term, expected):
    assert read(sentence, term).status == expected


@pytest.mark.parametrize("sentence, term, expected", [
    ("Chile uses Brazilian Super Tucano aircraft for border patrols.", "Super Tucano aircraft", "present"),
    ("The K9 howitzers are used by both armies.", "K9 howitzers", "present"),
    ("The Egyptian navy deploys Spanish-built corvettes and French frigates.", "corvettes", "present"),
    ("Peru used the rockets against rebel camps in 2019.", "rockets", "delivered"),
    ("Russia deploys Iskander missiles to the border with Norway, the ministry said.", "Iskander missiles", "delivered"),
    ("Russia has used Iranian drones since the autumn.", "drones", "delivered"),
])
def test_syntax_a_weapon_in_use_now_is_present(sentence, term, expected):
    assert read(sentence, term).status == expected


@pytest.mark.parametrize("sentence, term, expected", [
    ("Mongolia will be the third country to operate the trainer jet.", "trainer jet", "planned"),
    ("Chile will modernise its navy with six frigates built in Spain, the minister said.", "frigates", "planned"),
    ("The programme would end with the joint production of a new class of tanker aircraft.", "tanker aircraft", "planned"),
    ("The treaty will let Egypt expand its current fleet of 20 Rafale jets.", "Rafale jets", "present"),
    ("Chile retired its old corvettes, with the first Spanish frigate to be at sea by 2031.", "Spanish frigate", "planned"),
])
def test_syntax_future_and_held_things_without_a_verb_of_transfer(sentence, term, expected):
    assert read(sentence, term).status == expected


def test_syntax_a_past_verb_without_a_transfer_says_nothing():
    assert read("Chile modernised its navy with six frigates last year.", "frigates").status == ""


@pytest.mark.parametrize("sentence, term, kind, expected", [
    ("Washington paused a shipment of artillery rounds to Kyiv last week.", "artillery rounds", "item", "ended"),
    ("Peru asked Spain for permission to send eight howitzers to Ukraine.", "howitzers", "item", "requested"),
    ("The chancellor rejected calls to send cruise missiles to Ukraine.", "cruise missiles", "item", "planned"),
    ("Norway announced the allocation of air defence systems to Ukraine.", "air defence systems", "item", "pledged"),
    ("Turkey opened its largest military base abroad in the capital in 2017.", "military base", "item", "delivered"),
    ("The contingent will continue under the command of the defence ministry.", "contingent", "deployment", "present"),
])
def test_syntax_more_verbs_and_nouns_of_status(sentence, term, kind, expected):
    assert read(sentence, term, kind).status == expected


@pytest.mark.parametrize("sentence, expected", [
    ("The accord will also see Spanish troops deployed in Peru to train local pilots.", "planned"),
    ("The accord saw Spanish troops deployed in Peru last year.", "delivered"),
    ("Peru will see within days how many Spanish troops were deployed in Lima.", "delivered"),
])
def test_syntax_a_participle_keeps_the_verbs_above_it(sentence, expected):
    assert read(sentence, "Spanish troops", "deployment").status == expected


def test_syntax_a_deal_being_finalised_is_agreed():
    sentence = "The deliveries started in March after the finalisation of a contract between Peru and Spain."
    assert read(sentence, "contract", "agreement").status == "agreed"


@pytest.mark.parametrize("sentence, term, kind, expected", [
    ("Officials denied that some of the howitzers sold to Peru might be passed on to Ukraine.", "howitzers", "item", "planned"),
    ("Lawmakers in Madrid fast-tracked a bill to allow Spanish troops to be deployed in Peru.", "Spanish troops", "deployment", "agreed"),
    ("Spain will have to ship two more frigates to Peru within two years.", "frigates", "item", "planned"),
])
def test_syntax_handing_on_permission_and_obligation(sentence, term, kind, expected):
    assert read(sentence, term, kind).status == expected


def test_syntax_having_a_thing_deployed_is_no_obligation():
    assert read("Spain has frigates deployed in the Baltic.", "frigates").status != "planned"


@pytest.mark.parametrize("sentence, term, expected", [
    ("Madrid put the transfer of the rifles on hold last month.", "rifles", "ended"),
    ("In March the minister opted to put on hold a shipment of rifles that was due to go to Peru.", "rifles", "ended"),
    ("A newspaper said the minister had put on hold a shipment that was due to go to Peru.", "shipment", "ended"),
    ("Madrid chose to put on hold an arms shipment that was meant to go to Peru.", "arms shipment", "ended"),
    ("The minister decided to halt the transfer of the howitzers.", "howitzers", "ended"),
    ("The White House lifted the hold on a shipment of rockets to Peru.", "rockets", "planned"),
    ("Spain imposed a ban on exports of drones to Peru.", "drones", "ended"),
])
def test_syntax_holds_and_their_lifting(sentence, term, expected):
    assert read(sentence, term).status == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Ten K9 howitzers, which have so far been exported only to Egypt, are wanted by Peru.", "delivered"),
    ("Ten K9 howitzers, which Peru admires, will be sold to Chile.", "planned"),
])
def test_syntax_a_relative_clause_of_transfer_is_the_terms_own_claim(sentence, expected):
    assert read(sentence, "K9 howitzers").status == expected


@pytest.mark.parametrize("sentence, term, expected", [
    ("The expected delivery of the K9 howitzers to Egypt has slipped to 2026.", "K9 howitzers", "planned"),
    ("The suspended shipment of rifles to Peru angered officials in Lima.", "rifles", "ended"),
    ("The delivery of the K9 howitzers to Egypt was completed in May.", "K9 howitzers", "delivered"),
])
def test_syntax_a_participle_in_front_of_the_action_qualifies_it(sentence, term, expected):
    assert read(sentence, term).status == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Dozens of Spanish instructors had been trained in Peru to fly the new jets.", "delivered"),
    ("Spanish instructors train Peruvian pilots at the base near Lima.", "present"),
    ("Spanish instructors are training Peruvian pilots at the base near Lima.", "present"),
])
def test_syntax_training_done_and_training_now(sentence, expected):
    assert read(sentence, "Spanish instructors", "deployment").status == expected


def test_syntax_a_relative_clause_of_holding_a_property_is_no_claim():
    reading = read("The exhibition includes Spanish missiles, which have a range of 300 kilometres.", "Spanish missiles")
    assert reading.status == "" and reading.action is None


@pytest.mark.parametrize("sentence, term, expected", [
    ("There are enough funds to deliver 300,000 shells to Moldova by December.", "shells", "planned"),
    ("Peru has the money to buy twelve F-16 fighters from Denmark.", "F-16 fighters", "planned"),
    ("Chile became the first country to receive the K2 tanks.", "K2 tanks", "delivered"),
])
def test_syntax_the_means_to_act_is_not_the_act(sentence, term, expected):
    assert read(sentence, term).status == expected


@pytest.mark.parametrize("sentence, expected", [
    ("The third corvette was launched in Vigo for an expected delivery to Peru in 2026.", "planned"),
    ("The third corvette was refitted in Vigo for delivery to Peru.", "delivered"),
    ("The third corvette was refitted in Vigo last year.", ""),
])
def test_syntax_what_a_verb_is_for_moves_the_thing(sentence, expected):
    assert read(sentence, "third corvette").status == expected


@pytest.mark.parametrize("sentence, term, expected", [
    # a purchase "under discussion" is talked about, not made; "under a deal" names the deal, not a state
    ("The ministry said a purchase of Hermes drones was under discussion with Tel Aviv.", "Hermes drones", "planned"),
    ("Officials said the sale of the corvettes remains under consideration.", "corvettes", "planned"),
    ("Chile ordered the frigates under an agreement signed with Spain.", "frigates", "agreed"),
    # a deal noun whose verb puts it ahead: not signed yet
    ("A contract for 20 K9 howitzers could follow next year, an analyst said.", "K9 howitzers", "planned"),
    ("A deal for six submarines may come before the election.", "submarines", "planned"),
    ("A contract for 20 K9 howitzers followed in March.", "K9 howitzers", "agreed"),
])
def test_syntax_a_deal_talked_about_or_ahead_is_planned(sentence, term, expected):
    assert read(sentence, term).status == expected


@pytest.mark.parametrize("sentence, term, expected", [
    # an attempt to buy is no purchase
    ("Earlier attempts to buy Gripen fighters from Sweden collapsed.", "Gripen fighters", "planned"),
    ("Peru tried to buy K2 tanks from South Korea in 2019.", "K2 tanks", "planned"),
])
def test_syntax_an_attempt_to_buy_is_planned(sentence, term, expected):
    assert read(sentence, term).status == expected


def test_syntax_courting_a_seller_for_a_system_is_a_request():
    reading = read("Mongolia has courted Russia for the S-300 for years.", "S-300")
    assert (reading.status, reading.recipient) == ("requested", "MNG")


@pytest.mark.parametrize("sentence, term, expected", [
    ("Mongolia has purchased 18 Su-30 fighters from Russia, the ministry said.", "Su-30 fighters", "agreed"),
    ("Vietnam has bought four K9 howitzers from South Korea.", "K9 howitzers", "agreed"),
    # a habit of buying over a span of time: the goods came
    ("Egypt has bought Chinese drones for more than a decade.", "drones", "delivered"),
    ("Vietnam has bought Yak-130 trainers since 2019.", "Yak-130 trainers", "delivered"),
    # a past perfect tells what happened before: an arrival
    ("Chile had purchased six frigates from Spain in 2019.", "frigates", "delivered"),
])
def test_syntax_a_purchase_in_the_present_perfect_is_a_deal(sentence, term, expected):
    assert read(sentence, term).status == expected


@pytest.mark.parametrize("sentence, expected", [
    # a clause told as a fact under a noun of planning: done, not planned
    ("It was as part of that plan that 300 advisers arrived in Niger last month.", "delivered"),
    # the plan's own content stays planned
    ("Russia announced a plan to send 300 advisers to Niger.", "planned"),
])
def test_syntax_a_clause_told_as_a_fact_is_not_controlled_by_a_noun_of_planning(sentence, expected):
    assert read(sentence, "advisers", "deployment").status == expected


@pytest.mark.parametrize("sentence, term, expected", [
    # sent back where it came from: the transfer ends; where it returns to supplied it
    ("Russia shipped some of its tanks back from Belarus to Moscow in May.", "tanks", ("ended", "RUS", "BLR")),
    ("Some air defence systems are being shipped back to Russia from Niger, a source said.", "air defence systems",
     ("ended", "RUS", "NER")),
    ("Germany sent the Leopard tanks back to Spain for repairs.", "Leopard tanks", ("ended", "ESP", "DEU")),
    # no "back": a plain delivery
    ("Russia shipped some of its tanks from Moscow to Belarus in May.", "tanks", ("delivered", "RUS", "BLR")),
])
def test_syntax_a_thing_sent_back_ends_its_transfer(sentence, term, expected):
    reading = read(sentence, term)
    assert (reading.status, reading.supplier, reading.recipient) == expected


def test_syntax_a_maker_participle_read_as_a_small_clause_describes_the_thing():
    # "the Danes use frigates built in Germany" as the parser sometimes reads it: "frigates" the subject
    # of "built", "built" the complement of "use" (tagged a noun); "built" only names the maker
    from spacy.tokens import Doc
    words = ["the", "Danes", "use", "frigates", "built", "in", "Germany"]
    doc = Doc(load_nlp().vocab, words=words, heads=[1, 2, 2, 4, 2, 4, 5],
              deps=["det", "nsubj", "ROOT", "nsubj", "xcomp", "prep", "pobj"],
              tags=["DT", "NNPS", "NN", "NNS", "VBN", "IN", "NNP"],
              pos=["DET", "PROPN", "NOUN", "NOUN", "VERB", "ADP", "PROPN"],
              lemmas=["the", "Danes", "use", "frigate", "build", "in", "Germany"])
    start = doc.text.index("frigates")
    reading = syntax.read_claim(doc, start, start + len("frigates"), "item", [])
    assert reading.action is None and reading.status != "delivered"


@pytest.mark.parametrize("sentence", [
    "The package includes 40 Spanish missiles, which have a range of 90 kilometres, along with 25 radar trucks.",
    "The package includes 40 Spanish missiles and 25 radar trucks, the agency said.",
])
def test_syntax_what_a_package_includes_is_agreed(sentence):
    assert read(sentence, "radar trucks").status == "agreed"


@pytest.mark.parametrize("sentence, term, supplier, recipient", [
    ("Peru's neighbour Chile received four frigates from Norway last spring.", "frigates", "NOR", "CHL"),
    ("Mongolia's partner Kazakhstan has bought two Su-30 fighters from Russia.", "Su-30 fighters", "RUS", "KAZ"),
    ("Russia's ally Belarus sent 40 howitzers to Vietnam in May.", "howitzers", "BLR", "VNM"),
])
def test_syntax_a_possessor_of_the_subject_is_not_the_party(sentence, term, supplier, recipient):
    # "Peru's neighbour Chile": the phrase names its own party; the possessor only relates it to another
    reading = read(sentence, term)
    assert (reading.supplier, reading.recipient) == (supplier, recipient)
