"""How the article holds a claim, read from the attribution chain above it (extract/certainty.py):
who says it (a side of the claim or a third party), the verb of saying, "according to", hedges,
conditions, denials and negated observations. Passages are written for these tests."""

import pytest
from spacy.tokens import Doc

from extract import certainty, syntax
from extract.nlp import load_nlp
from extract.places import find_countries


def certainty_of(sentence: str, term: str, parties: set[str], kind: str = "item") -> str:
    doc = load_nlp()(sentence)
    mentions = [(m.start, m.end, m.iso3, m.form) for m in find_countries(sentence)]
    start = sentence.index(term)
    end = start + len(term)
    reading = syntax.read_claim(doc, start, end, kind, [m[:3] for m in mentions])
    return certainty.read_certainty(doc, start, end, reading.certainty, parties, mentions)


@pytest.mark.parametrize("sentence, term, parties, expected", [
    # a side of the claim states it: confirmed, even when the press relays it
    ("The frigates were handed over to Egypt in May, the German shipbuilder said, Reuters reported.", "frigates",
     {"DEU", "EGY"}, "confirmed"),
    ("Chilean officials said the F-16 jets had arrived from the Netherlands.", "F-16", {"NLD", "CHL"}, "confirmed"),
    ("Moscow has shipped T-72 tanks to Bamako, three Malian officials told Reuters.", "T-72", {"RUS", "MLI"}, "claimed"),
    ("Ghana has not bought any armoured vehicles from China, its defence ministry said.", "armoured vehicles",
     {"CHN", "GHA"}, "denied"),
    # another country, the press, an analyst, an unnamed source: claimed
    ("Iran has sent Shahed drones to Russia, the British foreign secretary said.", "Shahed", {"IRN", "RUS"}, "claimed"),
    ("Poland has received 40 K2 tanks from South Korea, the news agency said.", "K2", {"KOR", "POL"}, "claimed"),
    ("Russian military sources said Moscow had shipped S-400 launchers to Algeria.", "S-400", {"RUS", "DZA"}, "claimed"),
    ("A senior Algerian officer said the S-400 launchers had reached Algeria.", "S-400", {"RUS", "DZA"}, "claimed"),
    ("An Algerian army official confirmed that the S-400 launchers had reached Algeria.", "S-400", {"RUS", "DZA"},
     "confirmed"),
    ("Kowalczyk said that Russia had shipped T-90 tanks to Serbia.", "T-90", {"RUS", "SRB"}, "claimed"),
    ("The Minister told reporters that Seoul had shipped K9 howitzers to Warsaw.", "K9", {"KOR", "POL"}, "confirmed"),
    ("Defence spokesman Kowalczyk said that Poland had bought K9 howitzers from Seoul.", "K9", {"KOR", "POL"},
     "confirmed"),
    ("The Kommersant daily cited two unnamed executives as saying the Su-35 jets had been delivered to Iran.", "Su-35",
     {"RUS", "IRN"}, "claimed"),
    ("Footage released by the Armenian defence ministry showed Indian Pinaka rocket launchers in Yerevan.", "Pinaka",
     {"IND", "ARM"}, "confirmed"),
    ("Footage posted online showed Indian Pinaka rocket launchers in Yerevan.", "Pinaka", {"IND", "ARM"}, "claimed"),
    # "according to X": X decides
    ("According to Western estimates, Moscow has delivered 40 T-72 tanks to Minsk.", "T-72", {"RUS", "BLR"}, "claimed"),
    ("According to an update of its aid list, Denmark has delivered 19 F-16 jets to Ukraine.", "F-16", {"DNK", "UKR"},
     "confirmed"),
    ("Iran sent drones, according to U.S. officials.", "drones", {"IRN", "RUS"}, "claimed"),
    ("The daily reported, citing two Greek officials, that Athens had ordered six more Rafale jets from Paris.", "Rafale",
     {"FRA", "GRC"}, "claimed"),
    ("According to unconfirmed information, Iran sent drones.", "drones", {"IRN", "RUS"}, "speculative"),
    ("Cairo is looking to buy the K9 howitzer, which is built by Hanwha, the Redback infantry vehicle and the "
     "truck-mounted Chunmoo launcher, as per a trade journal.", "K9", {"KOR", "EGY"}, "claimed"),
    ("Cairo wants the K9 howitzer, the Redback infantry fighting vehicle, and the truck-mounted Chunmoo rocket "
     "launcher, as per Janes.", "K9", {"KOR", "EGY"}, "claimed"),
    # a verb that only alleges, an aside, a trailing source
    ("Russia has delivered the drones, officials reported.", "drones", {"RUS", "IRN"}, "claimed"),
    ("Commercial satellite images identified two Su-35 jets at an air base near Tehran.", "Su-35", {"RUS", "IRN"},
     "claimed"),
    ("Hanoi has ordered 12 Yak-130 jets from Moscow, the business daily Kommersant reported.", "Yak-130", {"RUS", "VNM"},
     "claimed"),
    ("Minsk, Polish officials say, has received Iskander launchers from Moscow.", "Iskander", {"RUS", "BLR"},
     "claimed"),
    ("Lima has asked Seoul for K9 howitzers as tensions with Quito grow, the Gestion daily reports.", "K9",
     {"KOR", "PER"}, "claimed"),
    ("Iran is said to have shipped drones to Russia.", "drones", {"IRN", "RUS"}, "claimed"),
    ("The report that Iran had shipped drones to Russia surprised diplomats.", "drones", {"IRN", "RUS"}, "claimed"),
    ("The head of the Ukrainian navy said Iran had shipped drones to Russia.", "drones", {"IRN", "RUS"}, "claimed"),
    # the speaker of the sentence covers a clause the chain does not reach
    ("The daily reported that the jets were flown to Cairo after Egypt signed the arms deal with Paris.", "arms deal",
     {"FRA", "EGY"}, "claimed"),
])
def test_certainty_who_says_it(sentence, term, parties, expected):
    assert certainty_of(sentence, term, parties) == expected


@pytest.mark.parametrize("sentence, term, expected", [
    ("Russia presumably shipped the S-400 launchers to Algeria.", "S-400", "speculative"),
    ("Iran reportedly sent drones.", "drones", "claimed"),
    ("A second transport jet, apparently an Il-76, landed in Tehran.", "Il-76", "claimed"),
    ("Two Su-35 jets appear to have arrived in Tehran.", "Su-35", "speculative"),
    ("Iran could send drones.", "drones", "speculative"),
    ("A larger Chinese naval presence may be needed in Cambodia.", "naval presence", "speculative"),
    ("If Iran sends ballistic missiles to Russia, Britain will respond.", "ballistic missiles", "speculative"),
    ("Paris would suspend deliveries of Caesar howitzers to Yerevan if the ceasefire collapses.", "Caesar", "speculative"),
    ("The senators discussed talk of a possible sale of F-35 jets to Ankara.", "F-35", "speculative"),
    ("The State Department approved the possible sale of Patriot missiles to Kuwait.", "Patriot", "confirmed"),
    ("Tokyo has not ruled out sending warships to the strait.", "warships", "speculative"),
    ("Iran sent drones in 2022.", "drones", "confirmed"),
    ("Berlin will apparently respond after Iran ships drones to Russia.", "drones", "confirmed"),
    ("Specialists are present, and, no doubt, it may be expanded.", "Specialists", "confirmed"),
])
def test_certainty_hedges_and_conditions(sentence, term, expected):
    assert certainty_of(sentence, term, {"RUS", "IRN"}) == expected


@pytest.mark.parametrize("sentence, term, expected", [
    ("Tehran denied sending drones.", "drones", "denied"),
    ("Russia denied that it had delivered the drones.", "drones", "denied"),
    ("Beijing rejected suggestions that it might supply drones to Russia.", "drones", "denied"),
    ("Venezuela has no nuclear arms.", "nuclear arms", "denied"),
    ("Inspectors did not observe any deliveries of missiles to Minsk.", "missiles", "denied"),
    ("No shipments of artillery shells were observed at the port.", "artillery shells", "denied"),
    ("The convoy did not include any Tor launchers, Minsk says.", "Tor", "denied"),
    ("The arms package does not breach the treaty, the ministry said.", "arms package", "confirmed"),
    ("Officials said reports that Russian instructors had been sent to Niger were false.", "instructors", "denied"),
    ("Bamako denied that Wagner fighters were in the country, saying the Russians were military instructors.",
     "military instructors", "confirmed"),
    # what a verb coordinated with the claim's, or the antecedent of its relative clause, does is not the claim
    ("Tehran rejected the report and shipped more drones to Russia.", "drones", "confirmed"),
    ("Russia, which sent S-400 launchers to Turkey, denied the report.", "S-400", "confirmed"),
])
def test_certainty_denials(sentence, term, expected):
    assert certainty_of(sentence, term, {"RUS", "IRN", "VEN", "BLR", "CUB", "MLI", "NER"}) == expected


def test_certainty_without_a_parse_is_the_articles_own_word():
    assert certainty.read_certainty(None, 0, 5, "", {"RUS"}, []) == "confirmed"
    assert certainty.read_certainty(None, 0, 5, "", {"RUS"}, [], context="claimed") == "claimed"


def test_certainty_a_sentence_that_names_again_what_others_reported(extract_text):
    records = extract_text("The paper reported that Caracas sent Beijing a letter asking for radars. "
                           "The letter also asked for anti-ship missiles. Peru bought ten K2 tanks in 2023.", "2025-01-10")
    by_label = {r.label: r.certainty for r in records}
    assert by_label["missiles"] == "claimed"
    assert by_label["K2 Black Panther"] == "confirmed"


def test_certainty_a_speaker_named_again_is_not_the_report_named_again(extract_text):
    records = extract_text("The paper quoted the defence minister as saying Hanoi had ordered Yak-130 jets from Moscow. "
                           "The minister also said Hanoi would buy K9 howitzers from Seoul.", "2025-01-10")
    assert {r.label: r.certainty for r in records} == {"Yak-130": "claimed", "K9 Thunder": "confirmed"}


def test_certainty_a_denial_set_beside_the_claim():
    # "called reports of troop movements, groundless rumours": the parser may hang the name the
    # speaker gives the reports beside them (an apposition); the tree is given here as it does
    words = ["Havana", "called", "reports", "of", "troop", "movements", ",", "groundless", "rumours", "."]
    doc = Doc(load_nlp().vocab, words=words, spaces=[True] * 5 + [False, True, True, False, False],
              heads=[1, 1, 1, 2, 5, 3, 5, 8, 5, 1],
              deps=["nsubj", "ROOT", "dobj", "prep", "compound", "pobj", "punct", "amod", "appos", "punct"],
              pos=["PROPN", "VERB", "NOUN", "ADP", "NOUN", "NOUN", "PUNCT", "ADJ", "NOUN", "PUNCT"],
              lemmas=["Havana", "call", "report", "of", "troop", "movement", ",", "groundless", "rumour", "."])
    start = doc.text.index("troop")
    assert certainty.read_certainty(doc, start, start + len("troop movements"), "", {"RUS", "CUB"},
                                    [(0, 6, "CUB", "metonym")]) == "denied"



def test_certainty_a_that_clause_hung_on_a_frames_agent_is_still_framed():
    # "Laos rejected claims by Western capitals that Ream would host troops": the parser may hang the
    # that-clause on "capitals" as a relative clause; the tree is given here as it does
    words = ["Laos", "rejected", "claims", "by", "Western", "capitals", "that", "Ream", "would", "host", "Chinese",
             "troops", "."]
    doc = Doc(load_nlp().vocab, words=words, spaces=[True] * 11 + [False, False],
              heads=[1, 1, 1, 2, 5, 3, 9, 9, 9, 5, 11, 9, 1],
              deps=["nsubj", "ROOT", "dobj", "prep", "amod", "pobj", "mark", "nsubj", "aux", "relcl", "amod", "dobj",
                    "punct"],
              pos=["PROPN", "VERB", "NOUN", "ADP", "ADJ", "NOUN", "SCONJ", "PROPN", "AUX", "VERB", "ADJ", "NOUN",
                   "PUNCT"],
              lemmas=["Laos", "reject", "claim", "by", "western", "capital", "that", "Ream", "would", "host",
                      "chinese", "troop", "."])
    start = doc.text.index("troops")
    mentions = [(0, 4, "LAO", "name"), (doc.text.index("Chinese"), doc.text.index("Chinese") + 7, "CHN", "demonym")]
    assert certainty.read_certainty(doc, start, start + len("troops"), "", {"CHN", "LAO"}, mentions) == "denied"
    # a relative clause proper ("jets that Russia sent", "that" its object) still stops the chain
    assert not certainty._content_clause(load_nlp()("the jets that Russia sent")[4])


@pytest.mark.parametrize("sentence, term, expected", [
    # a noun the claim hangs from, determined by "no", says the thing does not exist
    ("There is no plan for a Chinese military presence in Gabon, the minister told reporters.", "presence", "denied"),
    ("No deal for Chinese frigates has been signed with Gabon.", "frigates", "denied"),
    # "no" elsewhere in the sentence denies nothing of the claim
    ("China delivered two frigates to Gabon with no delay, the minister told reporters.", "frigates", "confirmed"),
])
def test_certainty_a_claim_under_a_noun_determined_by_no_is_denied(sentence, term, expected):
    assert certainty_of(sentence, term, {"CHN", "GAB"}) == expected


def test_certainty_an_outlet_the_tagger_reads_as_an_adverb_is_still_the_press():
    # "daily" tagged ADV but the subject of "said": a newspaper of Moscow is no voice of Russia
    assert certainty_of("The minister spoke after a Moscow daily said Russia would sell jets to Mali.",
                        "jets", {"RUS", "MLI"}) == "claimed"
