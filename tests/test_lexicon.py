import re

import pytest

from extract.lexicon import DATA_DIR, load_table
from extract.records import AGREEMENT_CATEGORIES, CERTAINTIES, DEPLOYMENT_CATEGORIES, ITEM_CATEGORIES

# Each pattern table with the regex columns and the column whose values are a closed vocabulary.
PATTERN_TABLES = {
    "generic_terms": (("term", "qualifier"), "category", ITEM_CATEGORIES + DEPLOYMENT_CATEGORIES),
    "deployment_terms": (("term",), "category", DEPLOYMENT_CATEGORIES),
    "agreement_terms": (("term", "qualifier"), "category", AGREEMENT_CATEGORIES),
}


@pytest.mark.parametrize("table", sorted(PATTERN_TABLES))
def test_lexicon_pattern_tables_compile_and_use_the_vocabulary(table):
    # a comma inside a regex that is not quoted splits the row: the vocabulary check catches it
    columns, vocabulary_column, vocabulary = PATTERN_TABLES[table]
    rows = load_table(table)
    assert rows
    for row in rows:
        assert row[vocabulary_column] in vocabulary, (table, row)
        for column in columns:
            if row.get(column):
                re.compile(row[column])


def test_lexicon_attribution_cues_use_the_vocabulary():
    rows = load_table("attribution_cues")
    roles = {"source", "outlet", "anonymous", "official", "office", "press", "frame", "hedge", "denial", "observe", "condition"}
    assert rows
    for row in rows:
        assert row["role"] in roles and row["certainty"] in (*CERTAINTIES, ""), row
        assert row["word"] == row["word"].lower() and " " not in row["word"], row  # one word, matched on its lemma


@pytest.mark.parametrize("table", ["countries", "places", "people", "armed_groups", "equipment", "exporters"])
def test_lexicon_data_tables_load(table):
    assert load_table(table)
    assert (DATA_DIR / f"{table}.csv").exists()


def test_lexicon_role_words_use_the_vocabulary():
    # one word per row: a link the reader knows, a role, a direction of data/verb_cues.csv
    for row in load_table("role_words"):
        assert row["link"] in ("prep", "subject", "passive", "object", "dative", "possessor", "attribute", "actor"), row
        assert row["role"] in ("supplier", "recipient", "none"), row
        assert row.get("direction", "") in ("", "give", "receive", "move", "end"), row
        assert "|" not in row.get("word", "") and "(" not in row.get("word", ""), row  # a word, not a regex


def test_every_context_cue_row_is_a_whole_regex():
    # a regex with commas must be quoted: split over rows, each part alone does not compile
    for row in load_table("context_cues"):
        re.compile(row["pattern"])
