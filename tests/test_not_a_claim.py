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


def test_pipeline_ships_a_navy_acquires_or_operates_are_no_force_sent(extract_text):
    text = ("Peru's navy commissioned two new corvettes into its fleet on Monday.\n\n"
            "Chile will spend $2 billion over eight years to acquire a fleet of patrol frigates.\n\n"
            "Russia has moved a naval task force to the Mediterranean.\n")
    records = extract_text(text, "2024-05-02")
    naval = [(r.kind, r.supplier, r.recipient) for r in records if r.category == "naval"]
    assert ("deployment", "PER", "") not in naval
    assert ("deployment", "CHL", "") not in naval
    # ships sent somewhere stay a deployment, with a sender and no host
    assert ("deployment", "RUS", "") in naval


def test_pipeline_an_aircraft_fleet_is_no_naval_force(extract_text):
    text = ("Colombia moved in 2023 to seek Black Hawks to retire an ageing Soviet-built helicopter fleet amid "
            "worries over Venezuela.\n")
    records = extract_text(text, "2024-05-02")
    assert [r for r in records if r.category == "naval"] == []
    assert any(r.category == "helicopter" and r.recipient == "COL" for r in records)


def test_claims_a_suppliers_own_fleet_and_a_line_of_business_are_no_claims(extract_text):
    text = ("Russia will deliver 12 Su-30 fighters to Algeria next year, the defence ministry said on Monday.\n\n"
            "Russia has upgraded its Su-30 fleet with new engines.\n\n"
            "Algeria hopes to excel in the field of drones and armoured vehicles.\n\n"
            "The deal will let the Algerian air force bolster its fleet of 40 Su-30s bought from Russia.\n")
    records = extract_text(text, "2024-05-08")
    assert [r for r in records if "upgraded" in r.sentence or "field of" in r.sentence] == []
    assert [(r.supplier, r.recipient) for r in records if "next year" in r.sentence] == [("RUS", "DZA")]
    # the buyer's fleet stays a claim
    assert [(r.supplier, r.recipient) for r in records if "bolster" in r.sentence and r.label == "Su-30"] == [("RUS", "DZA")]


def test_claims_a_relationship_only_described_is_no_agreement(extract_text):
    text = ("Spain agreed on Monday to sell six A400M transport aircraft to Peru, the defence ministry said.\n\n"
            "Officials in Madrid said the sale will deepen defence ties between Spain and Peru.\n\n"
            "Military ties between Lima and Madrid have grown quickly over the past decade.\n\n"
            "Peru and Spain will deepen their military cooperation, the two defence ministers pledged.\n")
    records = extract_text(text, "2024-05-08")
    agreements = [r for r in records if r.kind == "agreement" and r.category == "cooperation"]
    assert [r for r in agreements if "will deepen defence ties" in r.sentence or "have grown" in r.sentence] == []
    # two countries that commit to deepening it make a claim
    assert [r for r in agreements if "pledged" in r.sentence]


def test_claims_a_platform_described_by_its_fittings_or_its_ancestor_is_no_claim(extract_text):
    text = ("Italy delivered the first four M-346 jets to Peru on Monday, the ministry said.\n\n"
            "The M-346 comes armed with the IRIS-T missile, Peruvian officials said.\n\n"
            "The M-346 is a light fighter derived from the Yak-130 trainer.\n\n"
            "The M-346 can even be fitted with guided bombs and rockets.\n\n"
            "Peru was armed with IRIS-T missiles by Germany last year.\n")
    records = extract_text(text, "2024-05-08")
    assert [r.label for r in records if "comes armed" in r.sentence] == ["IRIS-T"]  # the jet only described
    assert [r for r in records if "can even be" in r.sentence] == []
    assert "Yak-130" not in [r.label for r in records]  # the design it derives from was not sold
    # a country armed with something received it
    assert [(r.supplier, r.recipient) for r in records if "was armed" in r.sentence] == [("DEU", "PER")]


def test_claims_a_countrys_own_weapons_used_in_combat_are_no_transfer(extract_text):
    text = ("Israel agreed on Monday to sell Hermes 900 drones to Morocco, the defence ministry said.\n\n"
            "Israel employed these drones during military operations over Gaza and Lebanon.\n\n"
            "Russia has used Iranian drones in its attacks on Ukrainian cities.\n")
    records = extract_text(text, "2024-05-08")
    assert [r for r in records if "military operations" in r.sentence] == []
    # a maker named with the weapons says where they came from
    assert [(r.supplier, r.recipient) for r in records if "Iranian drones" in r.sentence] == [("IRN", "RUS")]


def test_claims_only_weapons_are_targets_and_what_is_shielded_is_no_target(extract_text):
    text = ("Militias fired rockets that targeted U.S. troops stationed in Syria, the Pentagon said.\n\n"
            "Ukraine wants more air defences to protect the F-16 jets it received from Norway.\n")
    records = extract_text(text, "2024-05-08")
    assert ("USA", "SYR") in {(r.supplier, r.recipient) for r in records if r.kind == "deployment"}
    assert ("NOR", "UKR") in {(r.supplier, r.recipient) for r in records if r.label == "F-16"}


def test_claims_a_named_systems_program_and_a_deal_a_design_is_based_on_stay(extract_text):
    text = ("Turkey was removed from the F-35 program after it bought the S-400 from Russia.\n\n"
            "The new order is based on the 2019 Su-30 contract with Russia.\n")
    labels = {r.label for r in extract_text(text, "2024-05-08")}
    assert {"F-35", "Su-30", "S-400"} <= labels


def test_claims_an_institution_named_for_cooperation_is_no_agreement(extract_text):
    text = ("Speaking to reporters, the head of the Office of Defense Cooperation in Ankara said deliveries of "
            "the F-16 jets to Turkey had started.\n\n"
            "Turkey and the United States signed a defense cooperation agreement in 2023.\n")
    records = extract_text(text, "2024-05-08")
    assert [r for r in records if r.kind == "agreement" and "Office of" in r.sentence] == []
    assert [r for r in records if r.kind == "agreement" and "signed" in r.sentence]
    assert any(r.label == "F-16" for r in records)


def test_claims_a_payment_named_again_is_no_claim_of_the_sentence(extract_text):
    text = ("Belarus has sent artillery shells to Russia, officials said on Monday.\n\n"
            "In exchange for the shells, Russia reportedly provided Belarus with tanks.\n\n"
            "Iran sent drones to Russia in exchange for Su-35 jets.\n")
    records = extract_text(text, "2024-05-08")
    assert {r.label for r in records if "In exchange for the shells" in r.sentence} == {"tanks"}
    assert "Su-35" in {r.label for r in records}


def test_claims_regiment_sets_of_a_missile_system_are_no_troops(extract_text):
    text = "In 2019 Egypt signed a contract with Russia for four battalion sets of S-300VM missile systems.\n"
    records = extract_text(text, "2024-05-08")
    assert [r for r in records if r.kind == "deployment"] == []
    assert any(r.label.startswith("S-300") and r.recipient == "EGY" for r in records)


def test_pipeline_the_deal_named_again_to_frame_the_items_is_no_new_agreement(extract_text):
    text = ("Chile signed a contract with Spain on Monday to buy four A400M transport aircraft.\n\n"
            "Under the deal, Chile is set to receive the aircraft and spare parts by 2027, the ministry said.\n")
    records = extract_text(text, "2024-05-08")
    assert [r for r in records if r.kind == "agreement" and "Under the deal" in r.sentence] == []
    assert [r.kind for r in records if "signed a contract" in r.sentence].count("agreement") == 1


def test_claims_a_system_its_maker_is_said_to_have_is_no_transfer(extract_text):
    text = ("Russia will deliver 14 Su-35 fighters to Algeria next year, the defence ministry said on Monday.\n\n"
            "The heavy multirole fighter, Russia's Su-35, entered service in 2014.\n\n"
            "Russia's Su-35 jets arrived in Algeria in March, officials said.\n")
    records = extract_text(text, "2024-05-08")
    assert [r for r in records if "entered service" in r.sentence] == []
    assert [(r.supplier, r.recipient) for r in records if "arrived" in r.sentence] == [("RUS", "DZA")]


def test_claims_a_buyer_using_a_foreign_system_in_combat_is_still_its_supply(extract_text):
    text = ("The United States delivered HIMARS launchers to Ukraine last year.\n\n"
            "Ukraine has used the HIMARS in combat in the south.\n")
    records = extract_text(text, "2024-05-08")
    assert [(r.supplier, r.recipient) for r in records if "in combat" in r.sentence] == [("USA", "UKR")]


def test_claims_weapons_whose_sale_is_opposed_are_no_target(extract_text):
    records = extract_text("Greece has long campaigned against F-35 sales to Turkey.\n", "2024-05-08")
    assert [(r.label, r.recipient) for r in records] == [("F-35", "TUR")]


def test_claims_a_named_cooperation_agreement_needs_no_verb(extract_text):
    # "cooperation" alone needs a verb that commits a party; a named instrument (role=deal in
    # data/verb_cues.csv: agreement, pact, MoU...) is a claim in itself
    text = ("The defence cooperation agreement between Ghana and Brazil covers pilot training.\n\n"
            "Ghana's military cooperation agreement with Brazil dates from 2021.\n")
    records = extract_text(text, "2024-05-08")
    for cue in ("covers", "dates from"):
        pairs = {frozenset((r.supplier, r.recipient)) for r in records if r.kind == "agreement" and cue in r.sentence}
        assert pairs == {frozenset(("GHA", "BRA"))}, cue


def test_claims_what_a_platforms_part_is_capable_of_is_no_claim(extract_text):
    text = ("Ghana bought four patrol boats from Brazil, each with a deck capable of carrying two helicopters.\n")
    records = extract_text(text, "2024-05-08")
    assert [r for r in records if r.category == "helicopter"] == []
    assert [(r.supplier, r.recipient) for r in records if r.category == "naval"] == [("BRA", "GHA")]


def test_claims_a_base_a_preposition_introduces_is_a_place_not_a_supply(extract_text):
    # role=site in data/verb_cues.csv: "at", "from", "near"...
    text = ("China will build a naval base in Cambodia, officials in Beijing said on Monday.\n\n"
            "Chinese transport jets landed at the Ream naval base on Friday.\n\n"
            "Chinese instructors later withdrew from a drone base near Battambang.\n")
    records = extract_text(text, "2024-05-08")
    bases = [r for r in records if r.category == "facility"]
    assert [(r.supplier, r.recipient, r.status) for r in bases if "build" in r.sentence] == [("CHN", "KHM", "planned")]
    assert [r for r in bases if "landed" in r.sentence or "withdrew" in r.sentence] == []


def test_claims_a_payment_named_again_with_a_possessive_is_no_claim(extract_text):
    # role=payment in data/verb_cues.csv; a definite or possessive determiner says it was named before
    text = ("Laos has shipped artillery rounds to Russia, Western officials said on Monday.\n\n"
            "In return for its artillery rounds, Laos received Russian trucks.\n")
    records = extract_text(text, "2024-05-08")
    assert {r.label for r in records if "In return" in r.sentence} == {"military vehicles"}


def test_claims_a_union_that_only_describes_the_buyer_is_no_party(extract_text):
    # role=member in data/verb_cues.csv; the union is the second conjunct after "member of"
    text = ("Turkey signed a deal on Monday to sell 24 drones to Portugal, the ministry said.\n\n"
            "Erdogan said Turkey was proud to sell drones to a fellow member of NATO and the European Union.\n")
    records = extract_text(text, "2024-05-08")
    assert {(r.supplier, r.recipient) for r in records if "proud" in r.sentence} == {("TUR", "PRT")}


def test_claims_the_design_a_system_was_adapted_from_is_no_supply(extract_text):
    # role=lineage verbs in data/verb_cues.csv: "adapted from", "evolved from"
    text = ("Egypt signed a contract on Monday to buy K9 howitzers from South Korea.\n\n"
            "The K9 was adapted from the American M109 and evolved from an older British gun.\n")
    records = extract_text(text, "2024-05-08")
    assert "M109" not in {r.label for r in records}
    assert {(r.supplier, r.recipient) for r in records if r.kind == "item"} == {("KOR", "EGY")}


def test_claims_his_government_is_the_country_of_the_person_speaking(extract_text):
    # role=homeland nouns in data/verb_cues.csv: "his government", "her country"
    text = ("Kazakhstan's president Kassym-Jomart Tokayev said on Monday that his government had received "
            "four Su-30 fighters from Russia.\n")
    records = extract_text(text, "2024-05-08")
    assert [(r.supplier, r.recipient) for r in records if r.label == "Su-30"] == [("RUS", "KAZ")]


def test_pipeline_aircraft_on_patrol_or_leaving_are_a_force_aircraft_sold_an_item(extract_text):
    # data/context_cues.csv: exercise and leaving words make generic aircraft a deployment, a sale keeps them an item
    text = ("Four Italian fighter jets arrived in Romania on Monday for air policing.\n\n"
            "Italy later sold four fighter jets to Romania.\n\n"
            "The Spanish warplanes left Estonia in May.\n")
    records = extract_text(text, "2024-05-08")
    kinds = {r.sentence.split()[1]: r.kind for r in records if r.category == "aircraft"}
    assert kinds == {"Italian": "deployment", "later": "item", "Spanish": "deployment"}


def test_claims_weapons_aimed_at_a_target_are_no_transfer(extract_text):
    # role=employ verbs with a role=aim preposition ("fired ... at") or a purpose verb ("to strike")
    text = ("Sudan received 40 Grad rocket launchers from Russia last year, officials said on Monday.\n\n"
            "Sudan's army fired the rockets at rebel positions near Omdurman in May.\n\n"
            "The army also launched drones to strike rebel depots.\n")
    records = extract_text(text, "2024-05-08")
    assert [r for r in records if "fired" in r.sentence or "launched" in r.sentence] == []
    assert [(r.supplier, r.recipient) for r in records if "received" in r.sentence] == [("RUS", "SDN")]


def test_claims_weapons_a_verb_of_combat_acts_on_are_no_claim(extract_text):
    # context=combat rows of data/context_cues.csv: "destroyed", "shot down"...
    text = ("Iran has supplied Scud missiles to the Houthis, Saudi officials said on Monday.\n\n"
            "Saudi airstrikes destroyed most of the rebels' missiles in April.\n")
    records = extract_text(text, "2024-05-08")
    assert [r for r in records if "destroyed" in r.sentence] == []
    assert [(r.supplier, r.recipient) for r in records if "supplied" in r.sentence] == [("IRN", "YEM")]


def test_claims_a_deal_told_for_what_it_may_bring_is_no_new_claim(extract_text):
    text = ("Ghana signed a deal with Brazil for six Super Tucano aircraft on Monday. "
            "The deal to supply the Super Tucano aircraft is likely to help boost military exchanges, "
            "the ministry said. A defence cooperation pact signed on Monday is expected to strengthen ties.\n")
    records = extract_text(text, "2024-05-10")
    deals = [r.sentence.split()[1] for r in records if r.kind == "agreement"]
    # the deal signed, and the pact the sentence reports signed; not the deal told for its effect
    assert deals == ["signed", "defence"]


def test_claims_jets_that_shadow_an_intruder_and_an_incursion_are_no_claim(extract_text):
    # context=combat rows "shadowed", "crossed by": the escorting jets and the intruding weapons are
    # neither supplied to nor held by the country named with them
    text = ("Two Russian Tu-95 bombers landed in Nicaragua on Monday, the defence ministry said.\n\n"
            "Both Tupolevs were shadowed by Dutch F-35 fighter jets over the North Sea.\n\n"
            "Lithuania's airspace has been crossed by Belarusian drones and Russian helicopters in the past year.\n")
    records = extract_text(text, "2024-05-02")
    assert [r for r in records if "shadowed" in r.sentence or "crossed" in r.sentence] == []
    assert [(r.label, r.supplier, r.recipient, r.status) for r in records] == [("Tu-95", "RUS", "NIC", "delivered")]


def test_claims_units_a_verb_of_making_makes_are_hardware_not_a_force(extract_text):
    # role=making rows of data/verb_cues.csv: "units" built or assembled are ships, not troops sent
    text = ("Egypt ordered four MEKO frigates from Germany in 2019.\n\n"
            "The first two units were assembled in Kiel, while the last frigate is being built at a yard in Alexandria.\n\n"
            "The remaining units will be manufactured locally.\n\n"
            "Russia will send two army units to Mali.\n")
    records = extract_text(text, "2024-05-02")
    assert [r for r in records if r.kind == "deployment" and "units" in r.sentence and "Mali" not in r.sentence] == []
    # a force sent is still a deployment
    assert [(r.supplier, r.recipient, r.status) for r in records if r.kind == "deployment"] == [("RUS", "MLI", "pledged")]


def test_claims_shells_named_for_their_gun_are_one_item(extract_text):
    # "artillery ammunition" is ammunition (data/generic_terms.csv), not artillery and ammunition apart
    text = "Bulgaria sent artillery ammunition to Ukraine in May, the ministry said.\n"
    records = extract_text(text, "2024-07-02")
    assert [(r.category, r.supplier, r.recipient, r.status, r.date) for r in records] == [
        ("ammunition", "BGR", "UKR", "delivered", "2024-05")]


def test_claims_weapons_a_force_drills_with_are_no_transfer(extract_text):
    # role=drill rows of data/verb_cues.csv: what crews practise on, or fire during an exercise, is
    # their own; trainers sent to teach others on jets bought abroad still bring a claim
    text = ("Peru received drones from China in March, officials said.\n\n"
            "Sailors fired a Peruvian drone from a frigate in a naval drill off Callao.\n\n"
            "Peruvian crews finished training on the new howitzers at a range near Lima in June.\n\n"
            "A team of Chinese instructors arrived in Lima to train Peruvian crews on the eight K-8 jets "
            "Peru ordered from China in 2023.\n")
    records = extract_text(text, "2024-07-02")
    assert [r for r in records if r.kind == "item" and ("drill" in r.sentence or "howitzers" in r.sentence)] == []
    assert [(r.label, r.supplier, r.recipient) for r in records if r.kind == "item" and "K-8" in r.sentence] == [
        ("K-8", "CHN", "PER")]


def test_claims_weapons_troops_are_trained_to_operate_are_no_transfer(extract_text):
    # a role=drill verb with no object of its own, then "to operate X": what the trainees learn to
    # use, whatever a relative clause says about it ("which have a range of ...")
    text = ("Iran sent Fath-360 missiles to Russia, officials said.\n\n"
            "Dozens of Russian soldiers had been trained in Iran to operate the missiles, which have a range of 120 km.\n")
    records = extract_text(text, "2024-07-02")
    assert [r for r in records if r.kind == "item" and "trained" in r.sentence] == []
    assert [(r.label, r.supplier, r.recipient) for r in records if r.kind == "item"] == [("Fath-360", "IRN", "RUS")]


def test_claims_the_platform_a_verb_fits_out_is_no_claim(extract_text):
    # role=outfit rows of data/verb_cues.csv: the corvettes to be fitted with missiles are the buyer's
    # own ships, neither a warship sale nor a naval force; the missiles and the deal are the claims
    text = ("Peru signs for Swedish RBS-15 missiles to arm its corvette fleet\n\n"
            "LIMA: Peru has signed an agreement with Sweden's Saab to equip the Royal Navy of Peru's "
            "Ferre-class corvettes with RBS-15 missiles, the ministry said on Monday.\n")
    records = extract_text(text, "2024-07-02")
    assert [r for r in records if r.category == "naval"] == []
    assert {(r.kind, r.category) for r in records} == {("item", "missile"), ("agreement", "arms-deal")}


def test_claims_what_a_system_can_do_in_a_second_verb_is_no_claim(extract_text):
    # "can fly ... and carry X": the conjunct verb shares the capability of the first; a conjunct
    # with a subject of its own ("and Russia sold") is a clause, and a claim, of its own
    text = ("Chile bought six Hermes 900 drones from Israel in March.\n\n"
            "The drone can fly at high altitude and carry laser-guided bombs and anti-tank missiles.\n\n"
            "The Kh-55 can fly low and Russia sold 12 Kh-55 missiles to Iran in 2001.\n")
    records = extract_text(text, "2024-07-02")
    assert [r for r in records if "high altitude" in r.sentence] == []
    assert [(r.label, r.supplier, r.recipient, r.quantity) for r in records if "Kh-55" in r.sentence] == [
        ("Kh-55", "RUS", "IRN", 12)]


def test_claims_a_countrys_own_air_defences_are_no_system_supplied(extract_text):
    # role=branch rows of data/verb_cues.csv: "its air defenses" is the country's own arm; air
    # defences a verb gives or sends stay a claim
    text = ("Chile bought NASAMS air defence systems from Norway in 2023.\n\n"
            "Chile's air defences have long been built from whatever was for sale.\n\n"
            "It is the latest step in Santiago's effort to bolster its air defenses after the war.\n\n"
            "Norway delivered air defenses to Chile in May.\n")
    records = extract_text(text, "2024-07-02")
    assert [r for r in records if "whatever" in r.sentence or "bolster" in r.sentence] == []
    assert [(r.supplier, r.recipient, r.status, r.date) for r in records if "May" in r.sentence] == [
        ("NOR", "CHL", "delivered", "2024-05")]


def test_claims_a_question_a_speaker_leaves_open_claims_nothing(extract_text):
    # role=withhold rows of data/verb_cues.csv and a negated verb of saying over "whether", "which",
    # "how many": nothing is claimed; a claim confirmed beside the open question stays
    text = ("Russia sent two Tu-95 bombers to Nicaragua on Monday.\n\n"
            "The ministry did not say whether the Tupolevs carried cruise missiles.\n\n"
            "The general did not say which army had fired the drones.\n\n"
            "She declined to say how many missiles were in the shipment.\n\n"
            "The Kremlin confirmed that the first tanks had been sent but did not say how many had arrived.\n")
    records = extract_text(text, "2024-07-02")
    assert [r.sentence for r in records if "did not say whether" in r.sentence or "which" in r.sentence
            or "declined" in r.sentence] == []
    assert [(r.category, r.status) for r in records if "Kremlin" in r.sentence] == [("armor", "delivered")]


def test_claims_a_fleet_held_bought_or_served_is_no_naval_force(extract_text):
    # "fleet" (role=holding) is a naval force only when a verb sends, moves or withdraws it
    text = ("Russia sent its Pacific fleet to Cuba in June.\n\n"
            "Peru's fleet deploys Russian-made helicopters, according to the navy.\n\n"
            "Chile will pay 3 billion dollars to acquire a fleet of new frigates from Britain.\n\n"
            "France suspended maintenance support for the fleet after the coup, Peru said.\n\n"
            "France withdrew its fleet from Syria in May.\n")
    records = extract_text(text, "2024-07-02")
    forces = [(r.supplier, r.recipient, r.status) for r in records if r.kind == "deployment" and r.category == "naval"]
    assert forces == [("RUS", "CUB", "delivered"), ("FRA", "SYR", "ended")]
    # the frigates bought are still an item
    assert [(r.supplier, r.recipient) for r in records if "frigates" in r.sentence] == [("GBR", "CHL")]


def test_claims_aircraft_sent_into_an_airspace_and_nowhere_else_intrude(extract_text):
    # role=incursion rows of data/verb_cues.csv: jets sent into, or violating, an airspace are no
    # transfer; bombers bound for a named place through it still arrive there
    text = ("France sold 24 Rafale jets to Peru in March.\n\n"
            "Peru signed the contract in Lima while seeking talks with Chile, which has kept sending fighter jets "
            "into Peruvian airspace.\n\n"
            "Russian bombers violated Finnish airspace on Monday.\n\n"
            "Russia sent two Tu-95 bombers into Venezuelan airspace on Monday on their way to Caracas.\n")
    records = extract_text(text, "2024-07-02")
    # (the contract Peru signed is a deal of its own; the jets Chile sends are none)
    assert [r for r in records if r.kind != "agreement" and ("Chile" in r.sentence or "Finnish" in r.sentence)] == []
    assert [(r.label, r.supplier, r.recipient, r.quantity) for r in records if "Caracas" in r.sentence] == [
        ("Tu-95", "RUS", "VEN", 2)]


def test_claims_ships_a_foreign_maker_made_are_items_not_a_force_sent(extract_text):
    # "-made" is a context=acquisition cue (data/context_cues.csv): a navy's Russian-made ships are
    # items it received; warships that make port calls stay a naval force
    text = ("Peru's navy now fields Russian-made corvettes as well as submarines, the ministry said in a report.\n\n"
            "Iranian warships made port calls at Port Sudan in 2012.\n")
    records = extract_text(text, "2024-07-02")
    peru = {(r.kind, r.label, r.supplier, r.recipient) for r in records if "Peru" in r.sentence and r.category == "naval"}
    assert peru == {("item", "corvettes", "RUS", "PER"), ("item", "submarines", "RUS", "PER")}
    assert [r.kind for r in records if "port calls" in r.sentence] in ([], ["deployment"])


def test_claims_what_a_maker_makes_told_in_a_relative_clause_is_no_claim(extract_text):
    # role=maker verbs in the present, in a relative clause on the maker: its line of products;
    # a past "which built the frigates for Chile" still tells a transfer
    text = ("Chile took delivery of four T-50 jets from South Korea on Monday.\n\n"
            "Korea Aerospace Industries, which builds the T-50, did not reply to questions.\n\n"
            "The yard, which built the frigates for Chile in 2019, is in Busan.\n")
    records = extract_text(text, "2024-07-02")
    assert [r for r in records if "reply" in r.sentence] == []
    assert [(r.category, r.supplier, r.recipient, r.date) for r in records if "yard" in r.sentence] == [
        ("naval", "KOR", "CHL", "2019")]


def test_claims_ships_a_navy_receives_are_items_not_a_force_sent(extract_text):
    # "receive" is a context=acquisition cue (data/context_cues.csv)
    text = ("China handed two patrol ships to Peru in May.\n\n"
            "Peru is also expected to receive the two corvettes permanently once Peruvian crews finish "
            "their training, a navy officer said.\n")
    records = extract_text(text, "2024-07-02")
    assert [(r.kind, r.recipient, r.status, r.quantity) for r in records if "corvettes" in r.sentence] == [
        ("item", "PER", "planned", 2)]


def test_claims_a_drone_maintenance_centre_is_a_facility_not_drones(extract_text):
    # data/generic_terms.csv: "<system> maintenance centre" is one facility term, no drone record
    text = ("Under a memorandum signed in March, Turkish firms are to help Peru set up a drone maintenance "
            "centre in Cusco, officials said.\n")
    records = extract_text(text, "2024-07-02")
    assert [(r.kind, r.category, r.label, r.supplier, r.recipient) for r in records if r.kind == "item"] == [
        ("item", "facility", "maintenance centre", "TUR", "PER")]


def test_claims_a_deal_named_again_and_only_described_is_no_new_claim(extract_text):
    # "The deal is the latest ...": a copula describes the deal told before; a verb of its own
    # ("had been completed") tells something done with it
    text = ("Peru signed a deal with Spain for 12 radars on Monday.\n\n"
            "The deal is the latest in a series of Spanish sales to Lima since 2019.\n\n"
            "The deal had been completed on Monday as the Spanish king visited Lima.\n")
    records = extract_text(text, "2024-07-02")
    assert [r for r in records if "latest" in r.sentence] == []
    assert [(r.supplier, r.recipient, r.status, r.date) for r in records if "completed" in r.sentence] == [
        ("ESP", "PER", "agreed", "2024-07-01")]


def test_claims_a_system_a_copula_only_describes_is_no_claim(extract_text):
    # "X is the best aircraft": a noun that says what the system is; "is now in Turkey" places it,
    # and "are part of the package" puts it in a deal: both stay claims
    text = ("Peru signed for 12 Gripen jets on Monday.\n\n"
            "\"The Gripen is the best aircraft for our country,\" the minister said.\n\n"
            "The S-400 is now in Turkey.\n\n"
            "The Harpoon missiles are part of a package Washington approved for Peru in May.\n")
    records = extract_text(text, "2024-07-02")
    assert [r for r in records if "best aircraft" in r.sentence] == []
    assert [(r.label, r.recipient, r.status) for r in records if "now in" in r.sentence] == [("S-400", "TUR", "present")]
    assert [r.label for r in records if "part of" in r.sentence and r.kind == "item"] == ["Harpoon"]


def test_claims_a_missile_ship_type_is_one_ship_not_missiles(extract_text):
    # data/generic_terms.csv: "cruise missile attack submarine", "guided-missile destroyer" name ships
    text = ("The first step is under way with the USS Texas, a large cruise missile attack submarine, "
            "now visiting Darwin, Australia, officials said.\n\n"
            "Chile will buy two guided-missile destroyers from Spain.\n")
    records = extract_text(text, "2023-03-14")
    assert [r for r in records if r.category == "missile"] == []
    assert [(r.category, r.supplier, r.recipient, r.quantity) for r in records if "Chile" in r.sentence] == [
        ("naval", "ESP", "CHL", 2)]


def test_claims_arms_sent_to_no_country_named_are_no_claim(extract_text):
    # role=unnamed rows of data/verb_cues.csv: "to any country", "to third countries" name no
    # recipient; "to other countries ..., including Iran" names one
    text = ("Iran sent Fath-360 missiles to Russia last year, officials said.\n\n"
            "A senior Iranian official said Tehran has the right to sell arms to any country it wants.\n\n"
            "Germany bans arms exports to third countries.\n\n"
            "Russia sold Su-30 jets to other countries in the region, including Iran.\n")
    records = extract_text(text, "2024-07-02")
    assert [r for r in records if "any country" in r.sentence or "third" in r.sentence] == []
    assert [(r.label, r.supplier, r.recipient) for r in records if "including" in r.sentence] == [("Su-30", "RUS", "IRN")]


def test_claims_an_air_and_missile_defence_system_is_no_missile(extract_text):
    # data/generic_terms.csv: "air and missile defense system" is one air-defense term
    text = "In 2021, Peru ordered the Barak MX air and missile defense system from IAI in a contract worth 300 million dollars.\n"
    records = extract_text(text, "2024-07-02")
    assert [r for r in records if r.category == "missile"] == []
    assert [(r.label, r.supplier, r.recipient, r.date) for r in records if r.kind == "item"] == [
        ("Barak MX", "ISR", "PER", "2021")]


def test_pipeline_a_force_of_no_one_named_that_no_verb_moves_is_no_deployment(extract_text):
    # the article's pair (Israel, Cyprus) must not be lent to soldiers only described, while a force
    # a verb sends keeps the pair
    text = ("Israel delivered Harop loitering munitions to Cyprus in March, the ministry in Nicosia said.\n\n"
            "The Harop can loiter for hours before striking a truck or a column of soldiers.\n\n"
            "The munition is being praised, slowly, by several of the strongest air forces anywhere.\n\n"
            "A team of Israeli technicians arrived in Nicosia on Friday to train the crews.\n")
    records = extract_text(text, "2024-05-02")
    deployments = [(r.category, r.supplier, r.recipient) for r in records if r.kind == "deployment"]
    assert deployments == [("advisers", "ISR", "CYP")]


def test_claims_a_sale_only_offered_is_no_arms_deal(extract_text):
    # the offer is the jets' claim (pledged); no contract was made, so no deal record
    text = ("Peru chose the Gripen after a long contest, beating Russia, which had offered Su-35 fighters "
            "in a military sale backed by state credit.\n\n"
            "Moscow had also offered Lima an arms sale of Mi-35 helicopters last year.\n")
    records = extract_text(text, "2025-03-05")
    assert [r for r in records if r.kind == "agreement"] == []
    assert [(r.label, r.supplier, r.recipient, r.status) for r in records if r.label in ("Su-35", "Mi-35")] == [
        ("Su-35", "RUS", "PER", "pledged"), ("Mi-35", "RUS", "PER", "pledged")]
