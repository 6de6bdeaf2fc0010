import pytest

from extract.articles import Article
from extract.pipeline import find_claims


def status_of(sentence, term):
    """The status of the claim on ``term`` read from the parsed passage (the tree, data/verb_cues.csv)."""
    start = sentence.index(term)
    claims = [c for c in find_claims(Article(article_id="t", text=sentence, published="2024-05-02"))
              if c.term.start < start + len(term) and start < c.term.end]
    assert claims, (sentence, term)
    return claims[0].status


@pytest.mark.parametrize(
    "sentence, term, expected",
    [
        ("Caracas asked Beijing for radars.", "radars", "requested"),
        # a motion put to parliament is a proposal; authorization sought is asked for, not yet given
        ("Ghana's president submitted a motion seeking authorisation to deploy Ghanaian troops to Togo to parliament.",
         "troops", "planned"),
        ("Kenya sought authorization to send troops to Haiti.", "troops", "requested"),
        ("Kyiv has requested more Patriot batteries.", "Patriot", "requested"),
        ("Seoul vowed to supply shells.", "shells", "pledged"),
        ("Warsaw signed the contract for tanks.", "tanks", "agreed"),
        ("Ankara is considering buying F-16 jets.", "F-16", "planned"),
        ("Moscow may request a larger troop presence.", "troop presence", "planned"),
        ("A Russian Il-76 plane arrived in Havana.", "Il-76", "delivered"),
        ("The ammunition plant began operating in May.", "ammunition plant", "delivered"),
        ("Syria already has S-300 systems.", "S-300", "present"),
        ("Russia withdrew its troops from Syria.", "troops", "ended"),
        ("The possibility of Russia sending warships to Cuba", "warships", "planned"),
        ("Private military contractors have flown into the country.", "Private military contractors", "delivered"),
    ],
)
def test_status_from_the_governing_word(sentence, term, expected):
    assert status_of(sentence, term) == expected


@pytest.mark.parametrize(
    "sentence, term, expected",
    [
        ("In May the corvettes were handed over to the navy.", "corvettes", "delivered"),
        ("Two Gowind corvettes form part of the package, an official who requested anonymity told reporters.", "Gowind", "present"),
        ("The future of the Russian air base in Libya is unclear.", "air base", "present"),
        ("The ousting of the junta has cast doubt over the French military base.", "military base", "present"),
        ("Washington has put on hold the sale of the rifles.", "rifles", "ended"),
        ("Washington paused the rifles sale.", "rifles", "ended"),
    ],
)
def test_status_words_that_only_look_like_cues(sentence, term, expected):
    assert status_of(sentence, term) == expected



def records_of(extract_text, passage, kind=None):
    return {(r.label, r.supplier, r.recipient, r.status) for r in extract_text(passage, "2024-05-02")
            if kind is None or r.kind == kind}


@pytest.mark.parametrize(
    "passage, expected",
    [
        # a controlling word alone governs the thing: a plan, a need
        pytest.param("Officials in Hanoi and Moscow say they are preparing a defence cooperation agreement.",
                     ("military cooperation", "", "RUS", "planned"), id="control-prepare"),
        pytest.param("Ukraine says it needs 200 Patriot interceptors before the winter.",
                     ("Patriot", "USA", "UKR", "requested"), id="control-need"),
        # the nearest verb of transfer above the term's clause: a participle, a "that" clause
        pytest.param("Bolivia's president sent a letter to Xi Jinping requesting help in upgrading Bolivia's air defence radars.",
                     ("radars", "CHN", "BOL", "requested"), id="climb-participle"),
        pytest.param("In the letter, he also asked that the Chinese government speed up the production of Wing Loong "
                     "drones for La Paz.", ("Wing Loong", "CHN", "BOL", "requested"), id="climb-that-clause"),
        # a verb conjoined to the term's verb, with the term as its subject too
        pytest.param("The 300 M777 howitzers were stored in Texas and will be shipped to Ukraine next month.",
                     ("M777", "USA", "UKR", "planned"), id="conjoined-verb"),
        # a force that says what it does itself
        pytest.param("The Danish battalion said it was withdrawing from Estonia after six years.",
                     ("troops", "DNK", "EST", "ended"), id="said-of-itself"),
        # "is to" with an infinitive: ahead
        pytest.param("Under the contract, a Slovak version of the vehicle, the CV90, is to be assembled in Detva from 2027.",
                     ("CV90", "SWE", "SVK", "planned"), id="is-to"),
        # a future on a cooperation: a commitment
        pytest.param("“Our military cooperation with Egypt will continue,” the French minister said.",
                     ("military cooperation", "FRA", "EGY", "pledged"), id="cooperation-will"),
        pytest.param("“We are going to expand military cooperation with a friend such as India,” the Vietnamese minister said.",
                     ("military cooperation", "IND", "VNM", "pledged"), id="cooperation-going-to"),
        # a headline verb the tagger reads as a noun
        pytest.param("Chinese J-10 fighters land in Islamabad", ("J-10", "CHN", "PAK", "delivered"), id="headline-verb"),
        # the words the tree needed in data/verb_cues.csv: place, end (an agreement), expel, fire
        pytest.param("Washington accused Moscow of placing Iskander missiles in Belarus.",
                     ("Iskander", "RUS", "BLR", "delivered"), id="row-place"),
        pytest.param("Niger last year ended its military cooperation agreement with France.",
                     ("military cooperation", "FRA", "NER", "ended"), id="row-end"),
        pytest.param("The junta in Ouagadougou expelled French special forces in February.",
                     ("troops", "FRA", "BFA", "ended"), id="row-expel"),
        pytest.param("Kyiv said debris showed that Russia had fired Iranian Fateh-110 missiles at Odesa in March.",
                     ("Fateh-110", "IRN", "RUS", "delivered"), id="row-fire"),
        # "the 40 howitzers Seoul promised": the relative clause's missing object is the term
        pytest.param("Poland's defence minister said the first shipment included 12 of the 40 K9 howitzers Seoul promised "
                     "in May.", ("K9 Thunder", "KOR", "", "pledged"), id="relative-object-gap"),
        # a participle on the noun a designation names ("Su-25 attack jets bought from")
        pytest.param("Cairo relies on its Rafale fighter jets bought from France in 2015.",
                     ("Rafale", "FRA", "EGY", "delivered"), id="participle-on-noun"),
    ],
)
def test_status_read_from_the_tree_where_no_word_on_the_path_acts(extract_text, passage, expected):
    assert expected in records_of(extract_text, passage)


def _reading(sentence, term):
    from extract import syntax
    from extract.nlp import load_nlp

    start = sentence.index(term)
    return syntax.read_claim(load_nlp()(sentence), start, start + len(term), "item", [])


def test_status_a_test_firing_is_no_transfer():
    # "test-fired": a word of its own, not the verb "fire" (a user's weapon that came from somewhere)
    assert _reading("The navy fired a Harpoon missile.", "Harpoon").status == "delivered"
    assert _reading("The navy test-fired a Harpoon missile.", "Harpoon").status != "delivered"


def test_status_of_a_list_the_parser_hangs_on_a_verb_of_saying():
    # 'told an official that Quito needed "radars" and "drones"', parsed with "drones" as a conjunct of
    # "told": a verb of saying takes no weapon as its object, the term continues the list before it
    from spacy.tokens import Doc

    from extract import claims, status, syntax
    from extract.nlp import load_nlp
    from extract.sentences import Sentence
    from extract.terms import Term

    words = ["Ana", "told", "an", "official", "that", "Quito", "needed", "radars", "and", "drones", "."]
    heads = [1, 1, 3, 1, 6, 6, 3, 6, 1, 1, 1]
    deps = ["nsubj", "ROOT", "det", "dobj", "mark", "nsubj", "relcl", "dobj", "cc", "conj", "punct"]
    pos = ["PROPN", "VERB", "DET", "NOUN", "SCONJ", "PROPN", "VERB", "NOUN", "CCONJ", "NOUN", "PUNCT"]
    doc = Doc(load_nlp().vocab, words=words, heads=heads, deps=deps, pos=pos,
              lemmas=["Ana", "tell", "an", "official", "that", "Quito", "need", "radar", "and", "drone", "."])
    text = doc.text
    view = claims.SentenceView(Sentence(0, len(text), text, 0), [], [], [], [], doc=doc)
    drones = Term(text.index("drones"), text.index("drones") + 6, "item", "drones", "drone")
    reading = syntax.Reading(path=[doc[1]])
    listed = status.Cue(text.index("needed"), text.index("needed") + 6, "requested", "past")
    cue = claims._listed_after(view, drones, reading, listed)
    assert cue is not None and (cue.status, cue.tense) == ("requested", "past")
    assert claims._listed_after(view, drones, syntax.Reading(path=[doc[6]]), listed) is None


def test_status_without_a_parse_is_the_kinds_default():
    # the pipeline parses every sentence that holds a term; a view read without its Doc has no status
    # to read, and its claims take their kind's default (an item is present) rather than a guess
    from datetime import date

    from extract import claims
    from extract.sentences import Sentence

    text = "Russia delivered S-400 systems to Turkey in 2019."
    view = claims.read_sentence(Sentence(0, len(text), text, 0), date(2024, 5, 2), date(2024, 5, 2))
    assert view.doc is None
    found = claims.claims_of(view, date(2024, 5, 2), False)
    assert [(c.term.label, c.status, c.cued) for c in found] == [("S-400", "present", False)]


@pytest.mark.parametrize("text, term", [
    ("He accused Biden of trying to intimidate Cuba, noting that Cuba has no nuclear weapons.", "nuclear weapons"),
    ("Chile bought F-16 jets from the Netherlands and later ordered tanks from Germany.", "tanks"),
])
def test_status_a_clause_opened_by_a_listed_word_leaves_out_the_one_before(text, term):
    # role=clause-comma and role=clause-and rows of data/verb_cues.csv open a clause of their own:
    # the countries before it (Biden's, the Netherlands) are outside the term's clause
    from extract.status import clause_bounds

    start = text.index(term)
    lo, hi = clause_bounds(text, start, start + len(term))
    assert "Cuba has" in text[lo:hi] or "ordered" in text[lo:hi]
    assert "Biden" not in text[lo:hi] and "Netherlands" not in text[lo:hi]


@pytest.mark.parametrize(
    "sentence, term, expected",
    [
        # what a made deal holds is agreed, though the sentence tells it in the future
        ("Under the deal, Ghana is set to receive six Super Tucano aircraft and spare engines.", "Super Tucano", "agreed"),
        ("Under the contract, Brazil will ship 20 drones in kits for assembly in Ghana.", "drones", "agreed"),
        ("As part of the agreement, Brazil will send instructors to Ghana.", "instructors", "agreed"),
        # a party's intention, a time ahead, or a new deal still only planned
        ("Under that pact, Washington plans to lease Accra three frigates by agreement.", "frigates", "planned"),
        ("Under the contract, the first four Super Tucano aircraft will be delivered in 2027.", "Super Tucano", "planned"),
        ("Under a new accord, Ghana is set to buy C-390 airlifters, the minister said.", "C-390", "planned"),
        # after its verb, the deal is the basis of a step still ahead
        ("Ghana will receive two Super Tucano aircraft under the 2021 agreement.", "Super Tucano", "planned"),
    ],
)
def test_status_what_a_deal_named_again_frames_is_agreed(sentence, term, expected):
    assert status_of(sentence, term) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # ranked first to buy: a purchase made, as "has purchased"
        ("Peru became the first country to buy Chinese J-10C jets.", "agreed"),
        ("Ghana and Brazil signed a deal, making Ghana the first African country to purchase Brazil's Super Tucano aircraft.",
         "agreed"),
        # a rank only hoped for is no purchase
        ("Chile could become the first country to buy Chinese J-10C jets.", "planned"),
    ],
)
def test_status_the_first_country_to_buy_has_bought(sentence, expected):
    term = "J-10C" if "J-10C" in sentence else "Super Tucano"
    assert status_of(sentence, term) == expected


def test_status_as_well_as_joins_a_list_and_opens_no_clause(extract_text):
    # ", as well as" adds to a list; the speaker's day after it still dates the pledge
    from extract.status import clause_bounds

    text = "“The Belarusian contingent will help Lao forces guard the border, as well as train police units,” the Belarus government said on Friday."
    start = text.index("contingent")
    lo, hi = clause_bounds(text, start, start + len("contingent"))
    assert "on Friday" in text[lo:hi]
    records = extract_text(text, "2024-05-11")
    assert [(r.supplier, r.recipient, r.status, r.date) for r in records] == [("BLR", "LAO", "planned", "2024-05-10")]
