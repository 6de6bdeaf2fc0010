import pytest

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
