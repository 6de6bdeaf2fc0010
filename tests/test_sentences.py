import pytest

from extract import limits
from extract.sentences import split_sentences


def texts(text):
    return [s.text for s in split_sentences(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("U.S. officials met Gen. Ivanov on Jan. 5. Sen. Smith objected.",
         ["U.S. officials met Gen. Ivanov on Jan. 5.", "Sen. Smith objected."]),
        ("“We will not retreat,” Shoigu said. “The troops stay.”",
         ["“We will not retreat,” Shoigu said.", "“The troops stay.”"]),
        ("MINSK, Belarus (AP) — Belarus received Iskander launchers. More will follow.",
         ["MINSK, Belarus (AP) — Belarus received Iskander launchers.", "More will follow."]),
        ("Title line without a stop\n\n• First bullet about drones\n- Second bullet.",
         ["Title line without a stop", "First bullet about drones", "Second bullet."]),
        ("He cited the U.N. report. It was new.", ["He cited the U.N. report.", "It was new."]),
    ],
)
def test_sentences_split_news_text(text, expected):
    assert texts(text) == expected


@pytest.mark.parametrize("text", ["A caption. AFP PHOTO / JOHN DOE\r\nSecond line… and more. Third!", "  Leading space. x"])
def test_sentences_offsets_index_the_text(text):
    for sentence in split_sentences(text):
        assert text[sentence.start:sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()


def test_sentences_never_start_with_a_formula_character():
    starts = {s.text[0] for s in split_sentences("- dashes\n+ plus\n= equals\n@ at the start")}
    assert not starts & set("-+=@")


@pytest.mark.parametrize(("text", "first"), [
    ("+1 more battalion arrived in Poland.", "+1 more battalion arrived in Poland."),
    ("-5 degrees slowed the convoy.", "-5 degrees slowed the convoy."),
    ("+ Russia sent tanks.", "Russia sent tanks."),  # a sign followed by a space is still a bullet
])
def test_sentences_a_sign_before_a_digit_is_not_a_bullet(text, first):
    assert texts(text)[0] == first


@pytest.mark.parametrize("words", [3000])
def test_sentences_an_overlong_sentence_is_cut_with_a_note(words):
    text = " ".join(["tanks"] * words) + "\n"
    with limits.within_budget(None) as budget:
        sentences = split_sentences(text)
    assert len(sentences) > 1 and all(len(s.text) <= limits.MAX_SENTENCE_CHARS for s in sentences)
    assert all(text[s.start:s.end] == s.text for s in sentences)
    assert " ".join(s.text for s in sentences) == text.strip()  # nothing lost, cut at spaces
    assert any("cut into pieces" in note for note in budget.notes)


@pytest.mark.parametrize("times", [400])
def test_sentences_repeated_abbreviations_stay_one_sentence(times):
    text = "U.S. " * times + "sent tanks to Poland. Then more came."
    assert texts(text)[-1] == "Then more came."
    assert all(len(s) <= limits.MAX_SENTENCE_CHARS for s in texts(text))


@pytest.mark.parametrize("stops", ["!" * 5000, ")" * 5000 + "."])
def test_sentences_long_runs_of_stops_split_normally(stops):
    assert texts(f"Russia sent tanks{stops} Iran sent drones.")[-1] == "Iran sent drones."


def test_sentences_a_stop_that_lost_its_space_still_ends_a_sentence():
    # copies of pages often lose the space after a stop; a site name like "News.Az" stays one word
    text = "The tanks reached Warsaw, the ministry said.The 2022 contract covers 180 tanks, Defence24.Pl said."
    assert [s.text for s in split_sentences(text)] == [
        "The tanks reached Warsaw, the ministry said.", "The 2022 contract covers 180 tanks, Defence24.Pl said."]
