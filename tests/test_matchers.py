"""The lexicon's spaCy matchers (extract/matchers.py): designations with their spellings, plurals,
possessives and family variants; term-table phrases with their context checks."""

import pytest

from extract.equipment import find_items
from extract.matchers import find_designations, find_terms, spelling_variants, tokens


def _designations(text):
    return [(text[m.start:m.end], m.label) for m in find_designations(text)]


def test_matchers_the_tokenizer_keeps_a_designation_and_its_plural_whole():
    assert [t.text for t in tokens("Hanoi flies Su-30s, not F-16s.").doc][2:6] == ["Su-30s", ",", "not", "F-16s"]


@pytest.mark.parametrize("text, expected", [
    ("Jakarta received two Su-35s last year.", [("Su-35s", "Su-35")]),  # plural
    ("Lima's Mi-17's rotor failed.", [("Mi-17's", "Mi-17")]),  # possessive joins the term
    ("Riyadh ordered the Tu 160 and the Tu160 in one week.", [("Tu 160", "Tu-160"), ("Tu160", "Tu-160")]),  # spellings
    ("The Kh–101 struck a depot.", [("Kh–101", "Kh-101")]),  # an en dash
    ("The Kh‑101 struck a depot.", [("Kh‑101", "Kh-101")]),  # a non-breaking hyphen, read as "-"
])
def test_matchers_designations_in_every_spelling(text, expected):
    assert _designations(text) == expected


def test_matchers_a_designation_is_case_sensitive():
    # "Patriot" names the system; the common word does not
    assert _designations("A patriot waved a flag.") == []
    assert [label for _, label in _designations("Warsaw deployed a Patriot battery.")] == ["Patriot"]


def test_matchers_a_name_set_in_capitals_is_the_designation():
    # state media and trade sites write "ANKA", "AKSUNGUR"; codes keep their own case rules
    assert [label for _, label in _designations("The first ANKA drones left the plant.")] == ["Anka"]
    assert [label for _, label in _designations("Two AKSUNGUR aircraft arrived.")] == ["Aksungur"]


@pytest.mark.parametrize("text, label", [
    ("Algiers took delivery of Su-30MKA fighters.", "Su-30MKA"),  # a variant glued to its family, as written
    ("Hanoi operates the S-300PMU-1.", "S-300PMU-1"),
    ("Caracas showed T-72B1s on parade.", "T-72B1"),  # and in the plural
])
def test_matchers_a_family_variant_is_labelled_as_written(text, label):
    assert label in [found for _, found in _designations(text)]


def test_matchers_a_designation_glued_to_a_word_is_not_one():
    assert _designations("The Su-35-based trainer flew.") == []


def test_matchers_an_unknown_designation_the_tokenizer_cuts_is_read_whole():
    # spaCy cuts "FTC-2000G" into "FTC-2000" + "G"; the shape is read on the word as written
    assert [t.label for t in find_items("Dhaka bought four FTC-2000G training jets.")] == ["FTC-2000G"]


def _terms(text, table):
    return [(text[s:e], row.label) for s, e, row in find_terms(text, table)]


def test_matchers_a_term_phrase_ignores_case_and_british_spelling():
    assert ("Armoured Vehicles", "armored vehicles") in _terms("Armoured Vehicles arrived.", "generic_terms")


def test_matchers_a_term_inside_a_hyphenated_word_is_not_one():
    assert ("tank", "tanks") not in _terms("The anti-tank unit left.", "generic_terms")


def test_matchers_qualifier_and_following_words_checks():
    # bare "weapons" needs a transfer verb before it (qualifier); "arms" only before "shipments" (followed_by)
    assert ("weapons", "weapons") in _terms("Quito said Bogota was supplying weapons.", "generic_terms")
    assert ("weapons", "weapons") not in _terms("The weapons looked old.", "generic_terms")
    assert ("arms", "military equipment") in _terms("The arms shipments stopped.", "generic_terms")
    # "drone warfare" is a skill, not drones (not_followed_by)
    assert _terms("Cadets studied drone warfare in Tbilisi.", "generic_terms") == []


def test_matchers_not_preceded_by_check():
    assert _terms("Oslo sold its helicopter fleet.", "deployment_terms") == []
    assert ("fleet", "naval assets") in _terms("A fleet sailed to Tartus.", "deployment_terms")


def test_matchers_a_token_pattern_row_spans_a_varying_number_of_words():
    text = "Baku and Ankara signed an agreement on defence industrial cooperation."
    assert ("agreement on defence industrial cooperation", "military cooperation agreement") in _terms(text, "agreement_terms")


def test_matchers_spelling_variants():
    assert spelling_variants("Tu-160") == ["Tu-160", "Tu-160s", "Tu160", "Tu160s", "Tu 160", "Tu 160s", "Tu–160", "Tu–160s"]


@pytest.mark.parametrize("text, expected", [
    ("The battalion fields U.S.-made rocket launchers.", [("U.S.", "USA", "name")]),  # one token for spaCy: "U.S.-made"
    ("The cabinet signed Romania´s offer.", [("Romania", "ROU", "name")]),  # an accent for the apostrophe
    ("A spokesman for the Kremlin said so.", [("Kremlin", "RUS", "metonym")]),  # the name without its article
    ("He met the Democratic Republic of the Congo’s envoy.", [("Democratic Republic of the Congo", "COD", "name")]),
])
def test_matchers_country_names_however_the_tokenizer_cuts_them(text, expected):
    from extract.places import find_countries
    assert [(m.text, m.iso3, m.form) for m in find_countries(text)] == expected


def test_matchers_a_country_name_is_case_sensitive_and_stands_alone():
    from extract.places import find_countries
    assert find_countries("Tell us about the Iran-backed group.") == []


def test_matchers_a_place_keeps_its_article_and_may_be_spelled_with_a_curly_apostrophe():
    from extract.places import find_places
    found = [(m.place.name, m.start) for m in find_places("Ships sailed into the Caribbean from Côte d’Ivoire.")]
    assert found == [("Caribbean Sea", 18), ("Côte d'Ivoire", 37)]  # "the Caribbean" is the alias, article included


@pytest.mark.parametrize("text", ["Shelling resumed near Nagorno-Karabakh overnight.",
                                  "Shelling resumed near Nagorno Karabakh overnight."])
def test_matchers_a_hyphenated_place_is_found_with_its_dash_or_a_space(text):
    # the gazetteer's names are matched as written, with their dash as a dash or a space
    from extract.places import find_places
    assert [m.place.name for m in find_places(text)] == ["Nagorno-Karabakh"]


def test_matchers_a_sentence_with_unicode_hyphens_is_parsed_as_written(extract_text):
    # the lexicon reads "Su‑35" (a non-breaking hyphen) as "Su-35"; the parser gets the text as written
    from extract.nlp import make_docs
    words = tokens("Cairo received Su‑35 jets.")
    (doc,) = make_docs([(words.doc, [], [], None)])
    assert doc.text == "Cairo received Su‑35 jets." and doc is not words.doc
    records = extract_text("Cairo received Su‑35 jets from Moscow in May 2021.", "2021-06-01")
    assert [(r.label, r.supplier, r.recipient) for r in records if r.kind == "item"] == [("Su-35", "RUS", "EGY")]


def test_matchers_a_pattern_with_an_optional_first_word_still_skips_sentences_it_cannot_match():
    # the Matcher runs only on sentences holding a word a pattern can begin with; an optional first
    # word ("[drone] maintenance centre") adds the word after it instead of making every sentence a candidate
    from extract.matchers import term_table
    assert term_table("generic_terms").pattern_starts is not None
    found = [text[s:e] for text in ("Chad opened a repair depot for its armoured vehicles.",
                                    "Chad opened a drone maintenance centre.")
             for s, e, row in find_terms(text, "generic_terms") if row.category == "facility"]
    assert {"repair depot", "drone maintenance centre"} <= set(found)  # overlaps are resolved later
