import pytest

from extract.quantities import find_quantity


def quantity(sentence, term, allow_article=True):
    start = sentence.index(term)
    return find_quantity(sentence, start, start + len(term), allow_article)


@pytest.mark.parametrize(
    "sentence, term, expected",
    [
        ("Moscow sent a pair of its Tu-22M3 bombers", "Tu-22M3 bombers", 2),
        ("About 1,500 North Korean soldiers arrived", "soldiers", 1500),
        ("Seoul will deliver 180 K2 tanks", "K2 tanks", 180),
        ("Tehran shipped two dozen Shahed drones", "Shahed drones", 24),
        ("Pyongyang supplied 6 million artillery shells", "artillery shells", 6_000_000),
        ("Ankara sold twenty-five Bayraktar TB2 drones", "Bayraktar TB2 drones", 25),
        ("a Russian Il-76 landed", "Il-76", 1),
        ("thousands of shells", "shells", None),
        ("10 percent of our naval assets", "naval assets", None),
        ("a request for missile deliveries", "missile", None),
        ("drones with a 1,000 km range", "range", None),
    ],
)
def test_quantities_numbers_before_the_term(sentence, term, expected):
    assert quantity(sentence, term) == expected


def test_quantities_article_counts_only_when_allowed():
    assert quantity("a Turkish military presence", "military presence", allow_article=False) is None
