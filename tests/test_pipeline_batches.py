"""extract_many's groups: articles read alone, their sentences parsed together, each within its budget."""

import time

import pytest

from extract import pipeline
from extract.articles import Article


def _articles_for_a_group() -> list[Article]:
    """Short articles written for these tests, each with a sentence or two the parser must read."""
    texts = ["Norway ordered four K9 howitzers from South Korea in 2022, the ministry said.",
             "Brazil signed a deal with Sweden for 36 Gripen fighters. The first jets arrived in 2020.",
             "Egypt received two Rafale jets from France on Monday, officials said.",
             "Kenya's army held a parade in Nairobi."]
    return [Article(f"a{i}", text, published="2024-03-08", path=f"/articles/a{i}.txt") for i, text in enumerate(texts)]


def test_pipeline_extract_many_parses_articles_together_with_the_records_of_each_alone():
    alone = [pipeline.extract_article(a) for a in _articles_for_a_group()]
    together = pipeline.extract_many(_articles_for_a_group())
    assert [a.article_id for a, _ in together] == ["a0", "a1", "a2", "a3"]
    assert [records for _, records in together] == alone
    assert sum(len(r) for r in alone) >= 4


@pytest.mark.parametrize("budget, seconds_per_sentence", [(1.0, 0.02)])
def test_pipeline_an_article_over_budget_in_a_shared_parse_is_skipped_and_the_others_kept(monkeypatch, budget,
                                                                                          seconds_per_sentence):
    """A parse batch's time is charged to its articles by their share of it: the long article runs out
    of budget while parsing (and is parsed no further), the short ones sharing its batches do not."""
    long_text = "Peru bought T-90 tanks from Russia. " * 300  # 300 sentences, 6 s of (slowed) parsing
    articles = [*_articles_for_a_group()[:2], Article("long", long_text, published="2024-03-08", path="/x/long.txt"),
                *_articles_for_a_group()[2:]]
    expected = [pipeline.extract_article(a) for a in _articles_for_a_group()]
    real, parsed = pipeline.parse_model, []

    def slow_parse(docs):
        time.sleep(seconds_per_sentence * len(docs))
        parsed.extend(docs)
        return real(docs)

    monkeypatch.setattr(pipeline, "parse_model", slow_parse)
    skipped: list[str] = []
    results = pipeline.extract_many(articles, budget=budget, skipped=skipped)
    assert skipped == [f"long.txt: took longer than the {budget:g} s time budget per article; skipped"]
    assert [records for _, records in results] == expected
    assert len(parsed) < 300 / 2  # stopped well before the long article's end
