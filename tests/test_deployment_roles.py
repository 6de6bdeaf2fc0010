"""Roles of a deployment its sentence leaves half open, from the article's story (extract/pipeline.py)."""

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
