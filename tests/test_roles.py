import pytest

from extract import limits
from extract.places import CountryMention, find_countries
from extract.roles import coordinated, nearest_mentions, score_parties
from extract.terms import Term


def tanks_term(text: str) -> Term:
    start = text.index("tanks")
    return Term(start, start + len("tanks"), "item", "tanks", "armor")


@pytest.mark.parametrize(("text", "iso3", "listed"), [
    ("Tanks went to Poland, Norway, Finland and Egypt.", "POL", ["NOR", "FIN", "EGY"]),
    ("Russia and Iran sent tanks.", "IRN", ["RUS"]),
    ("Tanks came from China or the Philippines.", "CHN", ["PHL"]),
    ("Russia said Iran sent tanks.", "RUS", []),
])
def test_roles_countries_listed_together(text, iso3, listed):
    parties = score_parties(text, find_countries(text), tanks_term(text.lower()), [], (0, len(text)))
    assert coordinated(text, parties, iso3) == listed


@pytest.mark.parametrize("count", [200])
def test_roles_mentions_weighed_are_capped_to_the_nearest(count):
    mentions = [CountryMention(i * 10, i * 10 + 6, f"C{i:02d}", "name", "Xxxxxx") for i in range(count)]
    term = Term(count * 10, count * 10 + 5, "item", "tanks", "armor")
    with limits.within_budget(None) as budget:
        kept = nearest_mentions(mentions, term)
    assert kept == mentions[-limits.MAX_MENTIONS:]  # the nearest, in text order
    assert any(f"naming {count} countries" in note for note in budget.notes)
