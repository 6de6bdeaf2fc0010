"""Shared fixtures. The dashboard's fixture store is built by hand from ``Record`` objects, so its tests
do not depend on what the extractor finds."""

from __future__ import annotations

from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest

from extract import store
from extract.articles import Article
from extract.facts import fact_id
from extract.lexicon import data_version
from extract.records import Record, make_record_id

CLAIM_FIELDS = ("kind", "label", "category", "supplier", "recipient", "status", "certainty", "quantity", "date",
                "location", "lat", "lon")
CARACAS, VENEZUELA, RUSSIA = ("Caracas", 10.4806, -66.9036), ("Venezuela", 7.12, -66.18), ("Russia", 61.52, 105.32)
# (article_id, title, published, source, url, [(sentence, *CLAIM_FIELDS), ...]). Each sentence appears
# verbatim in its article and its record's offsets point at it. Dates come at day, month and year
# precision and empty; one sentence and one title carry markup, one sentence and a label a formula.
DASHBOARD_ARTICLES = [
    ("a01_caracas_2019", "Russian troops land in Caracas", "2019-03-25", "Reuters", "https://example.org/a01", [
        ("Two Russian air force planes landed in Caracas on Saturday carrying about 100 troops.",
         "deployment", "troops", "troops", "RUS", "VEN", "delivered", "confirmed", 100, "2019-03-23", *CARACAS),
        ("Venezuela bought 24 Su-30MK2 fighter jets from Russia in 2006.",
         "item", "Su-30MK2", "aircraft", "RUS", "VEN", "delivered", "confirmed", 24, "2006", *VENEZUELA),
        ("Russian military specialists have long serviced the equipment, officials said.",
         "deployment", "military specialists", "advisers", "RUS", "VEN", "present", "claimed", None, "", *VENEZUELA),
    ]),
    ("a02_caracas_2019_followup", "Kremlin confirms specialists in Venezuela", "2019-03-28", "AP", "", [
        ("About 100 Russian troops arrived in Caracas on March 23, the Kremlin confirmed.",
         "deployment", "troops", "troops", "RUS", "VEN", "delivered", "confirmed", 100, "2019-03-23", *CARACAS),
        ("S-300VM air-defense systems were reportedly deployed near Caracas in May 2013.",
         "item", "S-300VM", "air-defense", "RUS", "VEN", "delivered", "claimed", None, "2013-05", *CARACAS),
        ("Venezuela and Russia signed a military cooperation agreement on Thursday.",
         "agreement", "military cooperation agreement", "cooperation", "RUS", "VEN", "agreed", "confirmed", None,
         "2019-03-28", *VENEZUELA),
    ]),
    ("a03_kursk_2024", "North Korean troops in Kursk", "2024-11-05", "BBC", "https://example.org/a03", [
        ("Thousands of North Korean troops are present in the Kursk region, according to Kyiv.",
         "deployment", "troops", "troops", "PRK", "RUS", "present", "claimed", None, "2024-11", "Kursk", 51.73, 36.19),
        ("Pyongyang denied sending artillery shells to Russia in 2023.",
         "item", "artillery shells", "ammunition", "PRK", "RUS", "delivered", "denied", None, "2023", *RUSSIA),
        ("Russia and North Korea signed a strategic partnership treaty on June 19, 2024.",
         "agreement", "strategic partnership treaty", "strategic", "RUS", "PRK", "agreed", "confirmed", None,
         "2024-06-19", "North Korea", 40.34, 127.51),
    ]),
    ("a04_markup_and_formulas", "Belarus tanks <script>alert(1)</script>", "2024-09-12", '=HYPERLINK("x")', "", [
        ("Officials said <script>alert(1)</script> T-72 tanks could be shipped to Venezuela next year.",
         "item", "T-72", "armor", "BLR", "VEN", "planned", "speculative", None, "2025", *VENEZUELA),
        ("=cmd|' /C calc'!A0 Iran pledged Fath-360 missiles to Russia on September 10, 2024.",
         "item", "=Fath-360", "missile", "IRN", "RUS", "pledged", "claimed", None, "2024-09-10", *RUSSIA),
        ("Iran has previously supplied Shahed drones to Russia.",
         "item", "Shahed-136", "drone", "IRN", "RUS", "delivered", "confirmed", None, "", *RUSSIA),
    ]),
]
FILLER = "\n\nThe report could not be independently verified.\n\n"
# The two troop landings in Caracas are one fact told by two articles.
CORROBORATED = ("a01_caracas_2019", "a02_caracas_2019_followup")


@dataclass
class FixtureStore:
    """A store built by hand, and the folder of the articles it was built from."""

    db: Path
    articles_dir: Path
    records: list[Record]


def build_article(article_id: str, title: str, published: str, source: str, url: str, claims: list):
    """An article whose text holds each claim's sentence, and the records pointing at it."""
    text = title + FILLER
    records = []
    for sentence, *values in claims:
        fields = dict(zip(CLAIM_FIELDS, values, strict=True))
        start = len(text)
        text += sentence + FILLER
        records.append(Record(
            record_id=make_record_id(article_id, fields["kind"], fields["label"], start, fields["supplier"],
                                     fields["recipient"]),
            article_id=article_id, sentence=sentence, char_start=start, char_end=start + len(sentence),
            date_inferred=False, **fields,
        ))
    article = Article(article_id=article_id, text=text, path=f"{article_id}.txt", title=title,
                      published=published, source=source, url=url)
    return article, records


def build_fixture_store(folder: Path) -> FixtureStore:
    """Write the articles to ``folder/articles`` and save them and their records to ``folder/store.sqlite``."""
    articles_dir = folder / "articles"
    articles_dir.mkdir(parents=True, exist_ok=True)
    results = [build_article(*spec) for spec in DASHBOARD_ARTICLES]
    for article, _ in results:
        (articles_dir / article.path).write_text(article.text, encoding="utf-8")
    db = folder / "store.sqlite"
    for _, records in results:
        for record in records:  # the 2019 troop landing in Caracas is reported by both CORROBORATED articles
            record.fact_id = fact_id(record)
    with closing(store.connect(db)) as conn:
        store.save_articles(conn, [(article.as_row(), records) for article, records in results])
        store.set_extractor_digest(conn, data_version())  # hand-made records stand for this extractor's
        store.rebuild_facts(conn)
        records = store.load_records(conn)
    return FixtureStore(db, articles_dir, records)


@pytest.fixture
def fixture_store(tmp_path: Path) -> FixtureStore:
    """A fresh hand-built store per test (tests that upload change it)."""
    return build_fixture_store(tmp_path)


@pytest.fixture
def records_df(fixture_store: FixtureStore):
    """The fixture store's records as the dashboard's DataFrame."""
    from dashboard.data import read_tables

    return read_tables(fixture_store.db).records


@pytest.fixture
def dashboard_env(fixture_store: FixtureStore, monkeypatch: pytest.MonkeyPatch) -> FixtureStore:
    """Point the app at the fixture store and its articles."""
    monkeypatch.setenv("TRACKER_DB", str(fixture_store.db))
    monkeypatch.setenv("TRACKER_ARTICLES", str(fixture_store.articles_dir))
    return fixture_store


# --- extraction fixtures -------------------------------------------------------------------------

SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    """A private copy of the seed corpus that a test may add to or damage."""
    import shutil

    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, folder)
    return folder


@pytest.fixture
def extract_text():
    """Extract the records of one article given as text and its publication date (YYYY-MM-DD)."""
    from extract.pipeline import extract_article

    def run(text: str, published: str = "") -> list[Record]:
        return extract_article(Article(article_id="test", text=text, published=published))

    return run
