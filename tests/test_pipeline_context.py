"""Claims of one sentence the pipeline keeps apart or completes from the article's story (extract/pipeline.py)."""

from extract import pipeline


def test_pipeline_a_force_whose_sentence_names_one_side_of_the_story_takes_the_other(extract_text):
    text = ("Belarus sends troops to Laos\n\n"
            "VIENTIANE (Reuters) - Belarus has sent military instructors to Laos, the Lao defence ministry said on Monday.\n\n"
            "A cargo plane carrying 60 Belarusian soldiers landed on Sunday, officials said.\n\n"
            "A second group of 40 instructors arrived in Laos on Tuesday.\n")
    records = extract_text(text, "2024-04-10")
    soldiers = [(r.supplier, r.recipient) for r in records if r.kind == "deployment" and "60 Belarusian" in r.sentence]
    second = [(r.supplier, r.recipient) for r in records if r.kind == "deployment" and "second group" in r.sentence]
    assert soldiers == [("BLR", "LAO")]
    assert second == [("BLR", "LAO")]


def test_pipeline_a_force_of_a_country_outside_the_story_takes_no_role_from_it():
    assert pipeline.complete_from_pair("FRA", "", ("BLR", "LAO")) == ("FRA", "")
    assert pipeline.complete_from_pair("", "MLI", ("BLR", "LAO")) == ("", "MLI")
    assert pipeline.complete_from_pair("BLR", "", ("BLR", "LAO")) == ("BLR", "LAO")


def test_pipeline_two_batches_of_one_system_on_two_dates_are_two_records(extract_text):
    text = ("Ghana receives Chinese jets\n\n"
            "ACCRA (AP) - Ghana has received K-8 jets from China, the air force said on Monday.\n\n"
            "Four K-8 jets came in a first batch in March 2021; a second batch of K-8 jets landed in May 2023.\n")
    records = extract_text(text, "2023-06-05")
    dates = sorted(r.date for r in records if "second batch" in r.sentence and r.kind == "item")
    assert dates == ["2021-03", "2023-05"]


def test_items_a_deal_comprises_take_the_date_of_the_deal_just_before(extract_text):
    text = ("Madrid backs naval exports\n\n"
            "On 3 March 2024 Spain signed an arms deal with Peru for four patrol boats.\n\n"
            "The deal comprises radars, torpedoes and spare engines, a ministry official said.\n")
    records = extract_text(text)  # no publication date: only the text dates the claims
    parts = {(r.label, r.status, r.date) for r in records if "comprises" in r.sentence and r.kind == "item"}
    assert ("torpedoes", "agreed", "2024-03-03") in parts
    assert ("radars", "agreed", "2024-03-03") in parts


def test_context_an_escort_plane_takes_the_date_of_the_arrival_it_joined(extract_text):
    # the transport plane names no day: it arrived with the bombers, on Sunday; a speculative
    # claim about another system does not take that day (no event is said to have happened)
    text = ("Background\n\nAnalysis\n\nMore\n\nContext\n\n"
            "Two Russian Tu-22M3 bombers landed in Algeria on Sunday, the Russian defence ministry said.\n\n"
            "An An-124 transport plane accompanied the bombers to Algiers, the ministry added.\n\n"
            "The bombers could have delivered Russian missiles to Algeria.\n")
    records = extract_text(text, "2024-03-12")
    escort = [(r.supplier, r.recipient, r.status, r.date) for r in records if r.label == "An-124"]
    assert escort == [("RUS", "DZA", "delivered", "2024-03-10")]
    missiles = [(r.certainty, r.date) for r in records if r.label == "missiles"]
    assert missiles == [("speculative", "")]


def test_context_a_list_of_suppliers_is_a_summary_and_takes_no_carried_date(extract_text):
    # the four-supplier sentence sums up the war's drones; it does not repeat Iran's dated delivery
    text = ("Background\n\nAnalysis\n\nMore\n\nContext\n\n"
            "Iran delivered drones to Sudan in March 2023, officials said.\n\n"
            "Sudan's army has used drones from Iran, Turkey, the UAE and China.\n")
    records = extract_text(text, "2024-03-01")
    later = sorted((r.supplier, r.date) for r in records if r.sentence.startswith("Sudan's army"))
    assert later == [("ARE", ""), ("CHN", ""), ("IRN", ""), ("TUR", "")]


def test_context_a_list_of_makers_named_unlike_is_one_list(extract_text):
    # demonyms and an abbreviation in one list, up to its "and": each is a supplier
    text = ("Background\n\nAnalysis\n\nMore\n\nContext\n\n"
            "The Sudanese army has flown Turkish, Iranian, UAE and Chinese drones against the rebels.\n")
    records = extract_text(text, "2024-03-01")
    assert sorted(r.supplier for r in records if r.label == "drones") == ["ARE", "CHN", "IRN", "TUR"]


def test_context_a_hold_told_again_with_other_words_takes_its_date(extract_text):
    text = ("Background\n\nAnalysis\n\nMore\n\nContext\n\n"
            "In early May, Washington suspended a shipment of JDAM kits to Israel, officials said.\n\n"
            "The Pentagon later confirmed it had halted a delivery of bombs to Israel.\n")
    records = extract_text(text, "2024-06-20")
    bombs = [(r.supplier, r.recipient, r.status, r.date) for r in records if r.label == "bombs"]
    assert bombs == [("USA", "ISR", "ended", "2024-05")]


def test_context_a_planned_list_item_is_due_when_its_plan_is(extract_text):
    # the flotilla is due next month; its list names ships, each planned for then (not for the day
    # the article was written)
    text = ("Russian warships will arrive in Vietnam next month, the Russian navy said.\n\n"
            "The flotilla will include:\n\n"
            "→ Kilo-class submarine.\n\n"
            "→ Steregushchiy-class corvette.\n")
    records = extract_text(text, "2024-04-18")
    listed = sorted((r.supplier, r.recipient, r.status, r.date) for r in records if r.sentence.startswith("→"))
    assert listed == [("RUS", "VNM", "planned", "2024-05")] * 2


def test_context_a_repeat_is_near_by_the_gap_between_sentences_not_their_starts(extract_text):
    # the handover is dated in a long first sentence; the repeat comes about 300 characters after
    # that sentence ends (600 after it starts): it is nearby, and takes the date
    text = ("Mali gets helicopters\n\n"
            "BAMAKO — Two Russian Mi-171Sh transport helicopters were delivered to the Malian air force at Bamako-Senou "
            "airport on Saturday, in a handover ceremony attended by the defence minister, senior officers of the "
            "transitional government, the Russian ambassador and a delegation from the manufacturer.\n\n"
            "The minister thanked the crews and the technicians who had prepared the aircraft for the long flight.\n\n"
            "He said the army would use them to move troops and supplies to remote garrisons in the north and centre.\n\n"
            "The aircraft will be based in Sevare, officials said, and will be flown by Malian crews trained abroad.\n\n"
            "The Mi-171Sh helicopters were handed over to Mali with spare parts and a stock of ammunition.\n")
    # ("The aircraft will be based in Sevare" names the helicopters again too: a plan, not the repeat)
    records = [r for r in extract_text(text, "2024-11-20") if r.label == "Mi-171Sh" and "Mi-171Sh" in r.sentence]
    assert [(r.supplier, r.recipient, r.status, r.date) for r in records] == [
        ("RUS", "MLI", "delivered", "2024-11-16"), ("RUS", "MLI", "delivered", "2024-11-16")]


def test_context_a_repeat_dated_only_by_the_news_day_takes_the_date_given_before(extract_text):
    text = ("Belarus ships rockets to Sudan\n\n"
            "KHARTOUM (Reuters) - Belarus has shipped Polonez rocket launchers to Sudan, two diplomats said.\n\n"
            "The first Polonez systems were delivered to Sudan in late March, the diplomats said.\n\n"
            "The route of the Polonez systems varies, with some carried by sea to Port Sudan while others are flown in.\n\n"
            "Minsk denies that it delivers Polonez systems to Sudan.\n")
    records = extract_text(text, "2024-05-10")
    route = [(r.supplier, r.recipient, r.status, r.date) for r in records if "route" in r.sentence]
    denial = [(r.status, r.certainty, r.date) for r in records if "denies" in r.sentence]
    assert route == [("BLR", "SDN", "delivered", "2024-03")]
    # a denial said that day repeats no event: it keeps the day it was voiced
    assert denial == [("delivered", "denied", "2024-05-10")]


def test_context_a_force_said_to_stand_so_now_is_present_not_arrived_again(extract_text):
    text = ("Belarus sends instructors to Laos\n\n"
            "VIENTIANE (Reuters) - A first group of 80 Belarusian instructors arrived in Laos on Monday, the Lao defence ministry said.\n\n"
            "At present, the total number of Belarusian instructors in Laos is 240 people, the ministry added.\n\n"
            "Laos will also receive six Belarusian Polonez launchers next year.\n\n"
            "At the moment, the six Polonez launchers for Laos are at a plant near Minsk.\n")
    records = extract_text(text, "2024-05-10")
    now = [(r.supplier, r.recipient, r.status, r.date) for r in records if "240" in r.sentence]
    plan = [(r.status, r.date) for r in records if "plant near Minsk" in r.sentence]
    assert now == [("BLR", "LAO", "present", "2024-05-10")]
    # what is still ahead stays planned, however it stands today
    assert plan == [("planned", "2024-05-10")]


def test_context_a_contract_its_signer_signs_with_no_deal_named_before_is_an_arms_deal(extract_text):
    # "the contract" refers back to nothing: the article named no deal before it, so the signature is
    # the deal itself; the passive "the deal was signed" still needs a deal named before
    text = ("Peru gets British air defence\n\n"
            "LIMA (AP) - Peru has taken delivery of its first Sky Sabre air defence launchers from Britain, "
            "the army said on Tuesday.\n\n"
            "Lima signed the contract with MBDA in 2023, people close to the programme said.\n\n"
            "A second order was discussed last year.\n")
    records = extract_text(text, "2024-05-08")
    deals = [(r.category, r.supplier, r.recipient, r.status, r.date) for r in records if r.kind == "agreement"]
    assert deals == [("arms-deal", "GBR", "PER", "agreed", "2023")]


def test_context_ministers_who_agreed_on_the_transfer_made_a_deal(extract_text):
    # "agreed on the transfer": the noun of handing over is what both sides settled, an arms deal;
    # "agreed to send" stays a pledge of the items
    text = ("Lisbon to hand frigates to Ghana\n\n"
            "Portugal will hand over four used frigates to Ghana, officials said.\n\n"
            "Portugal's defence minister and his Ghanaian counterpart agreed on the transfer at a meeting "
            "in Accra on Friday, a ministry statement said.\n")
    records = extract_text(text, "2024-05-13")
    deals = [(r.category, r.supplier, r.recipient, r.status, r.date) for r in records if r.kind == "agreement"]
    assert deals == [("arms-deal", "PRT", "GHA", "agreed", "2024-05-10")]


def test_pipeline_deals_ordered_by_exporter_rank_do_not_outvote_a_transfer(extract_text):
    # the article's pair comes from the transfers the text orients; agreements whose sides only the
    # exporters' ranking ordered (Poland ranks above South Africa) break ties, they do not outvote it
    text = ("Warsaw picks armoured vehicles from Pretoria\n\n"
            "Poland will buy 40 RG-35 armoured vehicles from South Africa, the defence ministry in Warsaw said on Tuesday.\n\n"
            "The deal between Poland and South Africa is worth $300 million, and the agreement between Poland and "
            "South Africa also covers training.\n\n"
            "Officials from Poland and South Africa called the contract a milestone, and a second agreement between "
            "Poland and South Africa covers spare parts.\n\n"
            "A cooperation agreement between Poland and South Africa was signed in 2019.\n")
    records = extract_text(text, "2024-07-02")
    assert [(r.supplier, r.recipient, r.status, r.date) for r in records if r.category == "cooperation"] == [
        ("ZAF", "POL", "agreed", "2019")]
    assert [(r.supplier, r.recipient, r.quantity) for r in records if r.label == "RG-35"] == [("ZAF", "POL", 40)]
