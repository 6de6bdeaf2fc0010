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
    records = extract_text("On Thursday, Peru and Spain signed a memorandum of understanding at a ceremony in Lima.", "2024-05-23")
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


def test_pipeline_a_system_only_described_stands_where_the_article_put_it(extract_text):
    text = ("WASHINGTON (Reuters) - The United States has approved the sale of Harpoon missiles to Chile, officials said on Monday.\n\n"
            "The package includes 200 Harpoon missiles, which have a range of about 120 kilometres, and spare parts.\n")
    records = extract_text(text, "2024-06-07")
    described = [r.status for r in records if r.sentence.startswith("The package")]
    assert described == ["agreed"]
