"""One article through the pipeline (extract/pipeline.py)."""


import pytest

from extract import pipeline
from extract.articles import Article, ArticleError


def test_pipeline_an_undated_news_event_in_the_lead_takes_the_news_day(extract_text):
    text = ("Peru signs deal for Korean tanks\n\n"
            "LIMA (Reuters) - Peru has signed a contract to buy 40 K2 tanks from South Korea, the defence ministry said.\n\n"
            "The contract was signed on Tuesday in Lima.\n\n"
            "Officials said the talks took two years.\n\n"
            "Analysts noted the army wanted more armour.\n\n"
            "Peru has previously bought T-55 tanks from Russia.\n")
    records = extract_text(text, "2024-05-23")  # a Thursday: Tuesday is 2024-05-21
    k2 = [(r.status, r.date) for r in records if r.label.startswith("K2") and "has signed" in r.sentence]
    assert k2 == [("agreed", "2024-05-21")]
    # background further down keeps no date of its own
    assert [r.date for r in records if r.label == "T-55"] == [""]


def test_pipeline_a_sale_announced_in_the_lead_is_dated_by_the_verb_it_hangs_from(extract_text):
    # "the sale" has no tense of its own: "has announced" makes it this article's news
    text = ("Washington clears rocket sale to Kenya\n\n"
            "The United States has announced the sale of 12 HIMARS launchers to Kenya, a Pentagon agency said.\n\n"
            "The package won State Department approval on Monday.\n")
    records = extract_text(text, "2024-03-06")  # a Wednesday: Monday is 2024-03-04
    himars = [(r.supplier, r.recipient, r.status, r.date) for r in records if r.label == "HIMARS"]
    assert himars == [("USA", "KEN", "agreed", "2024-03-04")]


def test_pipeline_a_long_range_system_is_not_background(extract_text):
    # "long-range" describes the weapon; only "long" as an adverb ("long supplied") marks history
    text = ("ATHENS (AP) — Israel and Greece have signed a contract for Athens to buy the long-range PULS rocket "
            "launcher, built to strike targets far behind a front.\n\n"
            "The two ministers signed the document on Tuesday.\n")
    records = extract_text(text, "2024-12-19")  # a Thursday: Tuesday is 2024-12-17
    assert {(r.kind, r.date) for r in records} >= {("item", "2024-12-17"), ("agreement", "2024-12-17")}


def test_pipeline_an_undated_repeat_of_an_event_dated_just_before_takes_its_date(extract_text):
    text = ("Two Chinese Y-20 transports landed in Belgrade on 3 May 2024 with air-defence equipment for Serbia.\n\n"
            "Officials said the Y-20 transports were unloaded at the military side of the airport.\n\n"
            "China has previously delivered Y-20 transports to Egypt.\n")
    records = extract_text(text)  # no publication date: only the text dates the claims
    dated = [(r.recipient, r.date) for r in records if r.label == "Y-20"]
    # the repeat in the next paragraph happened the same day; the background sale keeps no date
    assert dated == [("SRB", "2024-05-03"), ("SRB", "2024-05-03"), ("EGY", "")]


def test_pipeline_a_system_no_verb_qualifies_stands_where_the_article_put_it(extract_text):
    text = ("Russian warships to visit Cuba\n\n"
            "MOSCOW (Reuters) - Russia will send a Gorshkov-class frigate and a Yasen-class submarine to Havana next week, "
            "the defence ministry said.\n\n"
            "The Yasen-class submarine, 130 metres long, with a crew of 100.\n")
    records = extract_text(text, "2024-06-07")
    yasen = [r.status for r in records if "130 metres" in r.sentence]
    assert yasen and set(yasen) <= {"pledged", "planned"}


@pytest.mark.parametrize("sentences", [50])
def test_pipeline_the_extractor_checks_the_budget_between_sentences(sentences):
    text = "Russia sent T-72 tanks to Syria. " * sentences
    article = Article("many", text, path="/articles/many.txt")
    with pytest.raises(ArticleError, match="many.txt: took longer than"):
        pipeline.extract_within_budget(article, 1e-9)
    assert pipeline.extract_within_budget(Article("many", text), None)  # no budget: all of it




def test_pipeline_a_sentence_naming_only_a_memorandum_is_read(extract_text):
    records = extract_text("On Thursday, Peru and Spain signed a defence memorandum of understanding at a ceremony in Lima.", "2024-05-23")
    assert [(r.kind, r.status, r.date) for r in records] == [("agreement", "agreed", "2024-05-23")]


@pytest.mark.parametrize("intro, expected", [
    ("The squadron heading to La Guaira will include:", "planned"),
    ("The squadron that docked in La Guaira included:", "present"),
])
def test_pipeline_a_list_item_stands_where_its_introduction_puts_it(extract_text, intro, expected):
    text = ("Russian ships in Venezuela\n\n"
            "Russia has dispatched warships to Venezuela for joint drills. They are expected in La Guaira within days.\n\n"
            f"{intro}\n\n"
            "• Admiral Grigorovich-class frigate. Air defence escort.\n\n"
            "• Steregushchiy-class corvette.\n")
    records = extract_text(text, "2024-06-07")
    listed = [r.status for r in records if r.kind == "item"]
    assert listed and set(listed) == {expected}



def test_pipeline_a_deal_the_exporters_ranking_orders_follows_the_articles_transfers(extract_text):
    # Russia is the larger exporter, but here Belarus supplies: a deal "between Belarusian and Russian
    # officials" and a later sentence naming no party follow the article's transfers, not the ranking
    text = ("Belarus ships shells to Russia\n\n"
            "MINSK - Belarus has sent 200,000 artillery shells to Russia, officials said.\n\n"
            "Military cooperation between Belarus and Russia has deepened this year. "
            "The shipments followed a deal finalised last autumn in talks between Belarusian and Russian defence officials. "
            "A Belarusian officer said three shipments of shells had left so far.\n")
    records = extract_text(text, "2024-05-23")
    deal = [(r.supplier, r.recipient) for r in records if r.kind == "agreement" and "finalised" in r.sentence]
    assert deal == [("BLR", "RUS")]
    later = [(r.supplier, r.recipient) for r in records if r.kind == "item" and "three shipments" in r.sentence]
    assert later == [("BLR", "RUS")]


def test_pipeline_guessed_agreement_sides_vote_less_for_the_articles_pair():
    from types import SimpleNamespace as Claim
    # three agreements whose sides are guesses (a lone party, the exporters' ranking) against two
    # claims whose roles the text gives
    claims = [Claim(supplier="", recipient="ESP", guessed_direction=True, lineage=False),
              Claim(supplier="CHL", recipient="ESP", guessed_direction=True, lineage=False),
              Claim(supplier="CHL", recipient="ESP", guessed_direction=True, lineage=False),
              Claim(supplier="ESP", recipient="CHL", guessed_direction=False, lineage=False),
              Claim(supplier="", recipient="CHL", guessed_direction=False, lineage=False)]
    assert pipeline.main_pair(claims) == ("ESP", "CHL")


def test_pipeline_a_design_named_as_an_ancestor_does_not_vote_for_the_articles_pair():
    from types import SimpleNamespace as Claim
    # "adapted from Italy's ...": two designs a system descends from outvote nothing; the one
    # transfer the text gives leads the article
    claims = [Claim(supplier="ITA", recipient="", guessed_direction=False, lineage=True),
              Claim(supplier="ITA", recipient="", guessed_direction=False, lineage=True),
              Claim(supplier="KOR", recipient="PER", guessed_direction=False, lineage=False)]
    assert pipeline.main_pair(claims) == ("KOR", "PER")


def test_pipeline_a_system_only_described_stands_where_the_article_put_it(extract_text):
    text = ("WASHINGTON (Reuters) - The United States has approved the sale of Harpoon missiles to Chile, officials said on Monday.\n\n"
            "The package includes 200 Harpoon missiles, which have a range of about 120 kilometres, and spare parts.\n")
    records = extract_text(text, "2024-06-07")
    described = [r.status for r in records if r.sentence.startswith("The package")]
    assert described == ["agreed"]


def test_pipeline_a_claim_whose_recipient_came_from_context_does_not_lead_its_paragraph(extract_text):
    # the escort's recipient is only the article's: it does not hand its supplier to the next sentence
    text = ("Russian bombers land in Nicaragua\n\n"
            "MOSCOW — Two Russian Tu-95 bombers arrived in Nicaragua on Monday, the Russian defence ministry said.\n\n"
            "The ministry said Russia had sent the bombers to Managua for joint drills.\n\n"
            "According to the ministry, Colombian Kfir jets escorted the bombers over the Caribbean. "
            "It added that an Il-76 transport jet flew with the two bombers to Managua.\n")
    records = extract_text(text, "2024-05-23")
    assert [(r.supplier, r.recipient) for r in records if r.label == "Il-76"] == [("RUS", "NIC")]


def test_pipeline_the_one_who_reports_a_shipment_is_not_its_recipient(extract_text):
    text = ("Belarus ships drones to Russia\n\n"
            "MINSK - Belarus has sent Orlan drones to Russia, officials in Kyiv said.\n\n"
            "The Pentagon has said that Belarus shipped the drones by rail to Smolensk.\n")
    records = extract_text(text, "2024-05-23")
    assert [(r.supplier, r.recipient) for r in records if "Pentagon" in r.sentence] == [("BLR", "RUS")]


def test_pipeline_a_force_deployed_at_a_named_place_is_hosted_by_its_country(extract_text):
    # Poland is named, but with no cue of receiving: the place the troops go to gives the host
    records = extract_text("He said Poland will see within days how many Belarusian troops end up deployed "
                           "in Kaliningrad.", "2024-05-23")
    assert [(r.supplier, r.recipient) for r in records if r.kind == "deployment"] == [("BLR", "RUS")]
    # a capital named for its government is no such place
    records = extract_text("Sudan's junta expelled Turkish troops and turned to Moscow for help.", "2024-05-23")
    assert [(r.supplier, r.recipient) for r in records if r.kind == "deployment"] == [("TUR", "SDN")]


def test_pipeline_a_design_a_system_descends_from_does_not_lead_its_paragraph(extract_text):
    # the M109 is named as the K9's ancestor: its maker does not supply the drones named after it
    text = ("Korea to sell howitzers to Peru\n\n"
            "South Korea will sell K9 howitzers to Peru, officials said.\n\n"
            "Lima wants to buy the K9 howitzer, which was adapted from the American M109 design, "
            "and also 20 drones, the report said.\n")
    records = extract_text(text, "2024-05-23")
    assert [(r.supplier, r.recipient) for r in records if r.label == "drones"] == [("KOR", "PER")]


def test_pipeline_the_seller_of_one_item_is_not_the_buyer_of_the_next(extract_text):
    # "It" is the buyer of both; each "from" names a seller, never the other item's recipient
    text = ("Kenya expands its air arm\n\n"
            "NAIROBI - Kenya's air force has bought Chinese drones for its border units, officials said.\n\n"
            "It received four Mi-17 helicopters from Russia in 2019 and took delivery of six "
            "AT-802 planes from the United States the same year.\n")
    records = extract_text(text, "2024-05-23")
    pairs = {r.label: (r.supplier, r.recipient) for r in records if "Mi-17" in r.sentence}
    assert pairs.get("Mi-17") == ("RUS", "KEN")
    assert all(recipient != supplier and recipient not in ("RUS", "USA") for supplier, recipient in pairs.values())


def test_pipeline_his_country_is_the_country_of_the_official_named_with_it(extract_text):
    records = extract_text("Benin's defence minister denied reports that his country would host Turkish troops.",
                           "2024-05-23")
    assert [(r.supplier, r.recipient, r.certainty) for r in records if r.kind == "deployment"] == [("TUR", "BEN", "denied")]


def test_pipeline_a_force_pulled_out_of_a_country_was_hosted_there(extract_text):
    text = ("Spain sends trainers to Mauritania\n\n"
            "MADRID - Spain has sent 40 military trainers to Mauritania, the ministry said on Monday.\n\n"
            "After talks with Guatemala, Britain pulled its last troops out of Belize in March.\n")
    records = extract_text(text, "2024-05-23")
    assert [(r.supplier, r.recipient, r.status) for r in records if "Belize" in r.sentence] == [("GBR", "BLZ", "ended")]


def test_pipeline_a_country_that_says_it_received_is_the_recipient(extract_text):
    # "Chad's government said it had received": "it" is Chad, not the article's main recipient
    text = ("Spain sends trainers to Mauritania\n\n"
            "MADRID - Spain has sent 40 military trainers to Mauritania, the ministry said on Monday.\n\n"
            "Separately, Chad's government said it had received two Hurkus trainer aircraft from Turkey.\n")
    records = extract_text(text, "2024-05-23")
    assert [(r.supplier, r.recipient) for r in records if "Chad" in r.sentence] == [("TUR", "TCD")]


def test_pipeline_a_force_staying_in_the_country_is_hosted_by_its_paragraphs_story(extract_text):
    # the article is mostly about Russia and Mali; the paragraph about Italy and Niger says who hosts
    text = ("Russia sends more instructors to Mali\n\n"
            "BAMAKO - Russia has sent 200 military instructors to Mali, the junta said on Monday. "
            "Russian instructors also arrived in Mali in May, and Moscow has shipped drones to Mali.\n\n"
            "Italy has handed over its air base in Niamey to Niger's army. "
            "About 60 Italian soldiers will remain in the country under a training accord.\n")
    records = extract_text(text, "2024-05-23")
    assert [(r.supplier, r.recipient) for r in records if r.kind == "deployment" and "60 Italian" in r.sentence] \
        == [("ITA", "NER")]


def test_pipeline_a_force_that_will_leave_is_hosted_by_the_country_it_leaves(extract_text):
    text = ("Russia sends more instructors to Mali\n\n"
            "BAMAKO - Russia has sent 200 military instructors to Mali, the junta said on Monday. "
            "Russian instructors also arrived in Mali in May.\n\n"
            "Gabon's president says all French troops will leave the country next year.\n")
    records = extract_text(text, "2024-05-23")
    assert [(r.supplier, r.recipient) for r in records if r.kind == "deployment" and "Gabon" in r.sentence] \
        == [("FRA", "GAB")]


def test_pipeline_a_deadline_with_a_verb_of_its_own_dates_the_claim(extract_text):
    # "before the year is out" has its own little clause; it is still the withdrawal's time
    records = extract_text("All French troops will leave Gabon before the year is out.\n", "2025-02-20")
    assert [(r.recipient, r.date) for r in records if r.kind == "deployment"] == [("GAB", "2025-12")]


def test_pipeline_the_deal_after_an_order_with_no_agreement_named_is_that_order(extract_text):
    text = ("Vietnam orders Indian guns\n\n"
            "Vietnam has signed for 40 Pinaka rocket launchers from India, industry sources said.\n\n"
            "The deal, worth about $200 million, was concluded in Hanoi in late June.\n")
    records = extract_text(text, "2024-09-02")
    deals = [(r.supplier, r.recipient, r.status, r.date) for r in records
             if r.kind == "agreement" and r.sentence.startswith("The deal")]
    assert deals == [("IND", "VNM", "agreed", "2024-06")]


def test_pipeline_a_purchase_in_the_perfect_beside_a_dated_arrival_is_a_deal_of_its_own(extract_text):
    # "has purchased 36" is the deal (agreed, no date of its own); "received ... last week" the arrival
    text = ("Mongolia takes first Su-30 jets\n\n"
            "ULAANBAATAR - Mongolia's air force showed its new fighters to the press on Thursday.\n\n"
            "The prime minister watched the display with the air force chief.\n\n"
            "Earlier this week, Mongolia received the first four fighter jets and has purchased a total of 36 Su-30s "
            "from its northern neighbour Russia.\n")
    records = extract_text(text, "2024-05-23")
    su30 = sorted((r.status, r.date) for r in records if r.label.startswith("Su-30") and "has purchased" in r.sentence)
    assert ("agreed", "") in su30


@pytest.mark.parametrize("phrase", ["Western tanks", "NATO-standard artillery shells", "allied fighter jets"])
def test_pipeline_a_supplier_named_as_a_group_is_left_unnamed(extract_text, phrase):
    # role=collective in data/verb_cues.csv: the article's supplier does not stand in for "Western"
    text = ("Sweden will send 40 armoured vehicles to Moldova, its defence ministry said on Monday.\n\n"
            f"Officials in Chisinau said {phrase} would arrive in Moldova next year.\n")
    records = [r for r in extract_text(text, "2024-05-08") if "Chisinau" in r.sentence]
    assert records and all(r.supplier == "" and r.recipient == "MDA" for r in records)


@pytest.mark.parametrize("sentence", ["Ghana and Turkey signed three treaties on Tuesday.",
                                      "Ghana and Turkey inked two new defence pacts on Tuesday."])
def test_pipeline_a_sentence_naming_a_deal_noun_of_the_table_is_parsed(extract_text, sentence):
    # the role=deal nouns of data/verb_cues.csv, in any number, send a sentence with no term to the parse
    records = extract_text(sentence, "2024-05-23")
    assert [(r.kind, r.supplier, r.recipient, r.status) for r in records] == [("agreement", "TUR", "GHA", "agreed")]


@pytest.mark.parametrize("phrase", ["The two governments", "Both neighbours", "The two capitals"])
def test_pipeline_the_two_named_as_a_pair_are_the_last_two_countries(extract_text, phrase):
    # role=pair in data/verb_cues.csv: "the two governments" stands for the two countries named last
    text = ("Officials from Kenya and Ethiopia met in Nairobi this week to discuss border security.\n\n"
            f"{phrase} signed a defence cooperation agreement on Friday.\n")
    records = [r for r in extract_text(text, "2024-05-23") if "signed" in r.sentence]
    assert records and {records[0].supplier, records[0].recipient} == {"KEN", "ETH"}


@pytest.mark.parametrize("frame", ["As part of the deal", "Under the deal", "Through the deal"])
def test_pipeline_a_deal_named_again_as_a_frame_is_no_new_agreement(extract_text, frame):
    # role=frame in data/verb_cues.csv: the deal named again only introduces what the sentence claims
    text = ("Kenya signed a contract with Turkey in March to buy six Bayraktar TB2 drones.\n\n"
            f"{frame}, Turkish instructors will train Kenyan operators in Nairobi.\n")
    records = extract_text(text, "2024-05-23")
    assert [r for r in records if r.kind == "agreement" and "instructors" in r.sentence] == []
    assert [r for r in records if r.kind == "agreement" and "March" in r.sentence]


def test_pipeline_older_designations_and_training_deals_are_records(extract_text):
    # lexicon rows: the Kfir, A-4 and Roland rows of equipment.csv; "training agreement", "handover documents"; "a Belgian presence"
    text = ("Peru retires old jets\n\n"
            "LIMA — Peru bought Kfir fighters from Israel in 1981 and Ecuador flew A-4AR Skyhawks, officials said.\n\n"
            "Bolivia acquired Roland missiles from France in 1979.\n\n"
            "About 60 Spanish instructors will stay in Senegal under a training agreement signed on Monday.\n\n"
            "The two ministers signed the handover documents in Dakar on Tuesday, ending a long Belgian presence in the port.\n")
    records = extract_text(text, "2024-05-23")
    labels = {r.label for r in records}
    assert {"IAI Kfir", "A-4AR", "Roland SAM", "training agreement", "handover agreement"} <= labels
    assert [(r.supplier, r.recipient) for r in records if r.label == "Roland SAM"] == [("FRA", "BOL")]
    assert any(r.kind == "deployment" and "Belgian presence" in r.sentence for r in records)


def test_pipeline_equipment_sent_to_an_exercise_is_planned_not_pledged(extract_text):
    # "will send ... to the exercise": taking part in an event ahead; "will send ... to Laos" is a promise
    text = ("Vietnam and Laos drill\n\n"
            "HANOI — The Vietnamese army will send helicopters and armored vehicles to the exercise, which will "
            "focus on disaster relief in Laos.\n\n"
            "Vietnam will also send two patrol boats to Laos next year.\n")
    records = extract_text(text, "2024-05-23")
    assert {r.status for r in records if r.label in ("helicopters", "armored vehicles")} == {"planned"}
    assert [r.status for r in records if "patrol boats" in r.sentence] == ["pledged"]


def test_pipeline_a_lead_deal_takes_the_date_the_next_sentence_gives_the_deal(extract_text):
    # the lead has no time of its own; "The deal ... was concluded in late March" dates it
    text = ("Peru expands Korean armour buy\n\n"
            "Peru has signed for 20 K2 tanks, making it the first Latin American customer for the Korean tank, "
            "according to industry sources.\n\n"
            "The deal, thought to be worth about USD400 million, was concluded in Lima in late March, the sources said.\n")
    records = extract_text(text, "2024-05-23")
    lead = [r.date for r in records if r.label.startswith("K2") and "has signed" in r.sentence]
    assert lead and set(lead) == {"2024-03"}


def test_pipeline_a_contract_that_could_follow_is_planned(extract_text):
    # the deal noun is the claim; "could follow" puts it ahead, like the launchers it would cover
    text = ("India courts Peru\n\n"
            "LIMA — Peru has bought Indian radars. A contract for 12 Akash launchers could follow next year, "
            "a Lima-based analyst said.\n")
    records = extract_text(text, "2024-05-23")
    deal = [r.status for r in records if r.kind == "agreement" and "could follow" in r.sentence]
    assert deal == ["planned"]


def test_pipeline_an_agreement_a_force_stays_under_is_already_made(extract_text):
    # "will remain ... under a new training agreement": the future is the force's, the deal is agreed
    text = ("Spain stays\n\n"
            "DAKAR — About 60 Spanish soldiers will remain in Senegal under a new training agreement, "
            "the Spanish ministry said.\n")
    records = extract_text(text, "2024-05-23")
    assert [r.status for r in records if r.label == "training agreement"] == ["agreed"]


@pytest.mark.parametrize("act", ["placed an order for", "placed orders for"])
def test_pipeline_the_country_placing_an_order_is_the_buyer(extract_text, act):
    # "place" alone gives ("placing missiles in Cuba"); with an order as its object
    # its subject buys
    text = ("Chile expands its navy\n\n"
            f"Brazilian shipyards have grown since 2021, when Chile {act} four Brazilian "
            "frigates worth $2 billion.\n")
    records = extract_text(text, "2024-05-23")
    frigates = {(r.supplier, r.recipient) for r in records if r.kind == "item" and "frigates" in r.sentence}
    assert frigates == {("BRA", "CHL")}


@pytest.mark.parametrize("verb", ["shelved", "scrapped"])
def test_pipeline_a_shelved_purchase_has_ended(extract_text, verb):
    text = ("Peru rethinks fighter plans\n\n"
            f"Peru {verb} its purchase of 12 Gripen fighters from Sweden in 2019, officials said.\n")
    records = extract_text(text, "2024-05-23")
    gripens = {(r.supplier, r.recipient, r.status, r.date) for r in records if r.label.startswith("Gripen")}
    assert gripens == {("SWE", "PER", "ended", "2019")}


def test_pipeline_a_demonym_on_a_designated_system_names_its_holder(extract_text):
    # "the first Colombian aircraft were delivered" (a back-reference to the Gripen): the one country
    # named, by a demonym too, not the maker, holds them, even when the article's story is another buyer's
    text = ("Brazil flies more Swedish jets\n\n"
            "Brazil signed a contract for 36 Gripen fighters from Sweden in 2014.\n\n"
            "Brazil received six more Gripen jets from Sweden in 2023.\n\n"
            "Colombia ordered the fighter in 2022. The first Colombian aircraft were delivered last year, an official said.\n")
    records = extract_text(text, "2025-05-23")
    colombian = {(r.supplier, r.recipient, r.date) for r in records if "Colombian aircraft" in r.sentence}
    assert colombian == {("SWE", "COL", "2024")}


def test_pipeline_a_back_reference_points_back_not_to_a_system_named_later(extract_text):
    # "the first three aircraft" follows the drones; the fighters named a paragraph later are not them
    text = ("Kenya takes delivery of Turkish drones\n\n"
            "Kenya received six Bayraktar TB2 drones from Turkey on Monday, the ministry said.\n\n"
            "An official said the first three aircraft would be handed over to the air force next month.\n\n"
            "Kenya also plans to buy four Su-30 fighters from Russia next year.\n")
    records = extract_text(text, "2024-05-23")
    assert not [r for r in records if r.label.startswith("Su-30") and "three aircraft" in r.sentence]


def test_pipeline_a_participle_of_another_stage_does_not_date_the_claim(extract_text):
    # "ordered in 2021" dates the order; the claim is the delivery planned for next year
    text = ("Croatia awaits more jets\n\n"
            "The defence minister said that deliveries of six Rafale jets ordered in 2021 from France "
            "are scheduled for next year.\n")
    records = extract_text(text, "2024-05-23")
    rafales = {(r.status, r.date) for r in records if r.label.startswith("Rafale")}
    assert rafales == {("planned", "2025")}


@pytest.mark.parametrize("phrase", ["on track", "on course"])
def test_pipeline_a_system_on_track_to_arrive_is_planned(extract_text, phrase):
    text = ("Peru's new tanks\n\n"
            f"Germany's Leopard 2A8 tanks are {phrase} to reach Peru, the ministry said on Monday.\n")
    records = extract_text(text, "2024-05-23")
    assert {(r.supplier, r.recipient, r.status) for r in records if r.label.startswith("Leopard")} == \
        {("DEU", "PER", "planned")}


def test_pipeline_a_reported_past_perfect_purchase_is_a_deal_made(extract_text):
    # "said that Chile had bought" reports "Chile has bought": the deal is made, no arrival is said
    text = ("Chile's fighters\n\n"
            "A Chilean senator said in March that Chile had bought 12 Gripen jets from Sweden.\n")
    records = extract_text(text, "2024-05-23")
    assert {(r.supplier, r.recipient, r.status) for r in records if r.label.startswith("Gripen")} == \
        {("SWE", "CHL", "agreed")}


def test_pipeline_a_system_a_relative_clause_says_was_ordered_is_agreed(extract_text):
    # "the Gripen fighter jets that Peru ordered from Sweden": the clause on the term's noun is its claim,
    # not the verb above it ("raised doubts about")
    text = ("Peru's jets\n\n"
            "New budget cuts have raised doubts about the Gripen fighter jets that Peru ordered from Sweden "
            "in 2023.\n")
    records = extract_text(text, "2024-05-23")
    assert {(r.supplier, r.recipient, r.status, r.date) for r in records if r.label.startswith("Gripen")} == \
        {("SWE", "PER", "agreed", "2023")}


def test_pipeline_a_deal_naming_only_its_buyer_takes_the_seller_of_its_items(extract_text):
    text = ("Hanoi's artillery\n\n"
            "Vietnam signed a $1 billion contract for 40 K9 howitzers in March.\n")
    records = extract_text(text, "2024-05-23")
    deals = {(r.supplier, r.recipient, r.status, r.date) for r in records if r.kind == "agreement"}
    assert deals == {("KOR", "VNM", "agreed", "2024-03")}


def test_pipeline_a_reference_does_not_point_to_the_aircraft_carrying_it(extract_text):
    # "aboard C-17 transport aircraft" names the vehicle; "the batteries" are the article's NASAMS
    text = ("Ukraine receives more air defence\n\n"
            "Ukraine has received a second NASAMS battery from Norway, the ministry said on Tuesday.\n\n"
            "The batteries were flown to Lviv aboard C-17 transport aircraft on Monday, officials said.\n")
    records = extract_text(text, "2024-05-23")
    flown = {(r.label, r.supplier, r.recipient) for r in records if "were flown" in r.sentence}
    assert ("NASAMS", "NOR", "UKR") in flown


@pytest.mark.parametrize("modal", ["should", "must"])
def test_pipeline_a_delivery_that_should_happen_is_planned(extract_text, modal):
    text = ("Warsaw's air defence\n\n"
            f"Officials said the third Patriot battery from the United States {modal} arrive in Poland next year.\n")
    records = extract_text(text, "2024-05-23")
    assert {(r.supplier, r.recipient, r.status, r.date) for r in records if r.label.startswith("Patriot")} == \
        {("USA", "POL", "planned", "2025")}


def test_pipeline_a_country_name_used_as_a_surname_is_that_person(extract_text):
    # "Colonel Peter Jordan" is a spokesman; his later "Jordan said" names no country
    text = ("Kenya gets Turkish armour\n\n"
            "NAIROBI (Reuters) - Kenya received 40 Otokar Cobra armoured vehicles from Turkey on Monday, "
            "army spokesman Colonel Peter Jordan told reporters.\n\n"
            "Jordan said the third batch should arrive next year.\n")
    records = extract_text(text, "2024-05-23")
    later = {(r.supplier, r.recipient, r.status) for r in records if r.sentence.startswith("Jordan said")}
    assert later == {("TUR", "KEN", "planned")}


def test_pipeline_a_given_name_or_a_title_alone_before_a_country_is_no_surname():
    from extract.pipeline import surnames_in
    from extract.places import find_countries
    for text in ("Defence Minister Israel Katz said.", "NATO member Turkey said.", "He visited Mainland China."):
        assert surnames_in(text, find_countries(text)) == set()


def test_pipeline_the_deal_named_again_keeps_its_sides_over_a_guess(extract_text):
    # "Peru, which receives U.S. military aid, shelved the deal": the U.S. is named for the aid; the
    # deal is the Swedish one named before
    text = ("Peru's fighter plans\n\n"
            "Peru signed a contract for 24 Gripen jets with Sweden in 2019.\n\n"
            "Peru, which receives U.S. military aid, shelved the deal in 2022, officials said.\n")
    records = extract_text(text, "2024-05-23")
    shelved = {(r.supplier, r.recipient, r.status, r.date) for r in records
               if r.kind == "agreement" and "shelved" in r.sentence}
    assert shelved == {("SWE", "PER", "ended", "2022")}


def test_pipeline_a_year_a_signed_plan_covers_does_not_date_the_signing(extract_text):
    text = ("Baku and Ankara deepen ties\n\n"
            "In October, Azerbaijan and Turkey signed a military cooperation plan for 2025 in Baku.\n")
    records = extract_text(text, "2025-01-15")
    assert {(r.status, r.date) for r in records if r.kind == "agreement"} == {("agreed", "2024-10")}


def test_pipeline_two_generic_items_of_one_kind_listed_together_are_two_records(extract_text):
    # "mortars" and "rocket launchers" are both artillery: the list names two things bought
    text = ("Chile expands its army\n\n"
            "SANTIAGO (Reuters) - Chile has ordered mortars, helicopters and rocket launchers from Turkey, "
            "the defence ministry said on Tuesday.\n")
    records = extract_text(text, "2024-05-23")
    artillery = [(r.supplier, r.recipient, r.status) for r in records if r.category == "artillery"]
    assert artillery == [("TUR", "CHL", "agreed")] * 2


def test_pipeline_a_list_of_one_kind_that_acts_stays_one_record(extract_text):
    # the listed jets do something themselves: one force, not two things handed over
    text = ("Patrols over the strait\n\n"
            "Russian fighter jets and bombers have flown near Japan almost daily this month, officials said.\n")
    records = extract_text(text, "2024-05-23")
    assert len([r for r in records if r.category == "aircraft" and r.kind == "item"]) <= 1


def test_pipeline_recipients_listed_each_with_its_own_preposition_are_two_records(extract_text):
    # "to Ghana and to Kenya": the tree lists the two countries through their prepositions
    text = ("Ankara widens drone exports\n\n"
            "ANKARA (Reuters) - Turkey will supply Bayraktar TB2 drones to Ghana and to Kenya, officials said.\n")
    records = extract_text(text, "2024-05-23")
    pairs = sorted((r.supplier, r.recipient) for r in records if r.label == "Bayraktar TB2")
    assert pairs == [("TUR", "GHA"), ("TUR", "KEN")]


def test_pipeline_countries_showing_interest_in_a_system_each_ask_for_it(extract_text):
    # "interest" is a request: the ones who show it would receive the missile, each its own record
    text = ("Seoul courts buyers\n\n"
            "Egypt and Morocco have both expressed interest in the Korean Cheongung missile system, "
            "officials said on Tuesday.\n")
    records = extract_text(text, "2024-05-23")
    found = sorted((r.recipient, r.status) for r in records if r.label == "KM-SAM")
    assert found == [("EGY", "requested"), ("MAR", "requested")]


def test_pipeline_the_subject_of_a_light_verb_over_a_request_is_the_one_asking(extract_text):
    text = ("Arms talks\n\n"
            "India is in talks with Indonesia over an Akash sale, and Thailand has expressed interest in "
            "the system, officials said.\n")
    records = extract_text(text, "2024-05-23")
    assert ("THA", "requested") in {(r.recipient, r.status) for r in records if r.label == "Akash"}


def test_pipeline_generic_items_listed_apart_are_named_as_written_and_are_two_facts(extract_text):
    text = ("Athens arms up\n\n"
            "ATHENS (Reuters) - Greece has bought howitzers as well as rocket launchers from Israel, officials said.\n")
    records = [r for r in extract_text(text, "2024-05-23") if r.category == "artillery"]
    assert sorted(r.label for r in records) == ["howitzers", "rocket launchers"]
    assert len({r.fact_id for r in records}) == 2


def test_pipeline_parses_a_sentence_whose_only_claim_is_the_launchers_named_again(extract_text):
    # the pre-parse filter knows "the launchers" as a back-reference, and "according" (no accord) is no
    # deal word: a sentence is parsed for what it names, not for a word that merely begins like one
    from extract.pipeline import _names_a_deal

    text = ("Tallinn's rocket artillery\n\n"
            "Estonia has received HIMARS rocket launchers from the United States, officials said on Monday.\n\n"
            "So far the United States has committed 12 of the launchers, the Pentagon said.\n")
    records = extract_text(text, "2024-05-10")
    assert [(r.label, r.status, r.quantity) for r in records if "So far" in r.sentence] == [("HIMARS", "pledged", 12)]
    assert not _names_a_deal("According to the ministry, the drills went well.")
    assert _names_a_deal("Britain has been training Kenyan marines.")


def test_pipeline_each_system_of_a_long_supply_list_is_a_record(extract_text):
    # Cold War types and a shelter in one list: each is an item the supplier gave, none lost to the first
    text = ("Between 1965 and 1974 China supplied Tanzania with Shenyang F-6 fighters, several Huchuan-class "
            "torpedo boats and hardened aircraft shelters for the base at Ngerengere.\n")
    records = extract_text(text, "2025-03-01")
    items = {(r.category, r.supplier, r.recipient, r.status) for r in records if r.kind == "item"}
    assert items == {("aircraft", "CHN", "TZA", "delivered"), ("naval", "CHN", "TZA", "delivered"),
                     ("facility", "CHN", "TZA", "delivered")}


@pytest.mark.parametrize("sentence, status", [
    ("Japan, which donated two radars to Fiji in 2022, also intends to transfer a decommissioned coast guard cutter "
     "to Fiji next year, an embassy official said.", {"planned", "pledged"}),
    ("The Japanese minister said Tokyo was willing to provide more vessels to Fiji under the loan.", {"pledged"}),
    ("In 2021, Japan gifted an in-service missile corvette to the Fijian navy.", {"delivered"}),
])
def test_pipeline_ships_given_or_offered_are_items_of_the_giver(extract_text, sentence, status):
    # a ship named only as a vessel, a cutter or a missile corvette is still a transfer when a verb of giving governs it
    records = extract_text(sentence + "\n", "2025-04-10")
    naval = [(r.supplier, r.recipient, r.status) for r in records
             if r.kind == "item" and r.category == "naval" and r.status in status]
    assert naval and all(s == "JPN" and rec == "FJI" for s, rec, _ in naval)


@pytest.mark.parametrize("sentence", [
    "A Japanese Navy team of 25 officers and technicians is currently working with Philippine crews in Subic Bay.",
    "Turkish officers have run a training centre for Somali cadets near Mogadishu since 2019, diplomats said.",
])
def test_pipeline_a_force_at_work_abroad_is_a_present_deployment(extract_text, sentence):
    # no verb of arrival: the team or the officers are named by what they do where they are
    records = extract_text(sentence + "\n", "2025-06-02")
    forces = [(r.kind, r.category, r.status) for r in records if r.kind == "deployment"]
    sender, host = ("JPN", "PHL") if "Japanese" in sentence else ("TUR", "SOM")
    assert forces == [("deployment", "advisers", "present")]
    assert [(r.supplier, r.recipient) for r in records if r.kind == "deployment"] == [(sender, host)]


def test_pipeline_officers_who_only_speak_are_no_deployment(extract_text):
    records = extract_text("Egyptian officers told reporters that Sudan had asked for more drones.\n", "2025-06-02")
    assert not [r for r in records if r.kind == "deployment"]


def test_pipeline_fire_control_systems_in_a_requested_package_are_an_item(extract_text):
    text = ("Chile has asked the United States for the purchase of 12 Stinger launchers, tactical data systems "
            "and spare parts, the agency said.\n")
    records = extract_text(text, "2025-02-11")
    aims = [(r.supplier, r.recipient, r.status) for r in records if r.label == "fire-control systems"]
    assert aims == [("USA", "CHL", "requested")]


@pytest.mark.parametrize("sentence, host", [
    ("Britain has deployed 300 soldiers to Nanyuki for a six-week exercise.", "KEN"),
    ("About 40 French instructors arrived in Abeche on Monday.", "TCD"),
])
def test_pipeline_a_force_sent_to_a_small_town_has_that_country_as_host(extract_text, sentence, host):
    # the town alone names the host: without it in the gazetteer the force has nowhere to be
    records = extract_text(sentence + "\n", "2025-05-14")
    assert [r.recipient for r in records if r.kind == "deployment"] == [host]
