"""dashboard/consolidate.py: one claim told by several sentences or articles counts once."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.consolidate import consolidate, fact_records, with_supporting_ids
from dashboard.figures import alliance_edges


@pytest.fixture
def repeated(records_df) -> pd.DataFrame:
    """The fixture records plus the T-72 claim told twice more in its article (title and headline)."""
    t72 = records_df[records_df["label"] == "T-72"].iloc[0]
    copies = pd.DataFrame([t72.to_dict() | {"record_id": f"t72-copy-{i}", "char_start": i, "char_end": i + 10,
                                            "sentence": f"T-72 tanks for Venezuela {i}", "date": "2025-01"}
                           for i in (1, 2)])
    return pd.concat([records_df, copies], ignore_index=True)


def test_consolidate_a_claim_repeated_in_one_article_is_one_fact(repeated):
    facts = consolidate(repeated)
    t72 = facts[facts["label"] == "T-72"]
    assert len(t72) == 1
    assert (t72.iloc[0]["n_records"], t72.iloc[0]["n_articles"]) == (3, 1)
    assert t72.iloc[0]["date"] == "2025-01"  # the most precise report stands for the fact
    assert len(facts) == len(repeated) - 3  # three T-72 reports and two troop landings: two facts


def test_consolidate_counts_arcs_by_fact_not_by_sentence(repeated):
    edges = alliance_edges(consolidate(repeated)).set_index(["supplier", "recipient", "kind"])["count"]
    assert edges[("BLR", "VEN", "item")] == 1
    assert alliance_edges(repeated).set_index(["supplier", "recipient", "kind"])["count"][("BLR", "VEN", "item")] == 3


def test_consolidate_lists_the_records_and_articles_of_each_fact(records_df):
    facts = with_supporting_ids(consolidate(records_df), records_df)
    troops = facts[facts["n_articles"] == 2].iloc[0]
    assert troops["article_ids"] == "a01_caracas_2019|a02_caracas_2019_followup"
    first = troops["record_ids"].split("|")[0]
    assert fact_records(records_df, first)["record_id"].tolist() == troops["record_ids"].split("|")


def test_consolidate_nothing_gives_no_facts(records_df):
    assert consolidate(records_df.iloc[0:0]).empty
