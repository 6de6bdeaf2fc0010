"""dashboard/filters.py: facet counts, applying filters, the URL round trip, export file names."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from dashboard.filters import (
    FilterState,
    apply_filters,
    counts_under_other_facets,
    date_span,
    export_filename,
    facet_counts,
    format_option,
    restrict_to_options,
    state_from_params,
    state_to_params,
)


def labels(df: pd.DataFrame) -> set[str]:
    return set(df["label"])


def test_filters_facet_counts_most_frequent_first(records_df):
    assert facet_counts(records_df, "supplier") == {"RUS": 7, "IRN": 2, "PRK": 2, "BLR": 1}


def test_filters_facet_counts_leave_out_empty_values(records_df):
    records_df.loc[0, "supplier"] = ""
    assert "" not in facet_counts(records_df, "supplier")


def test_filters_facet_counts_ignore_the_facets_own_choice(records_df):
    counts = counts_under_other_facets(records_df, FilterState(supplier=("RUS",), kind=("item",)))
    assert counts["supplier"] == {"IRN": 2, "RUS": 2, "BLR": 1, "PRK": 1}  # items of every supplier
    assert counts["kind"] == {"deployment": 3, "agreement": 2, "item": 2}  # everything Russia supplies
    assert counts["status"] == {"delivered": 2}  # both filters apply to the other facets


def test_filters_facet_counts_follow_dates_and_search(records_df):
    state = FilterState(date_from=date(2019, 1, 1), date_to=date(2019, 12, 31), include_undated=False, text="caracas")
    assert counts_under_other_facets(records_df, state)["kind"] == {"deployment": 2}


@pytest.mark.parametrize(("value", "label", "expected"), [("RUS", None, "RUS (7)"), ("RUS", "RUS · Russia", "RUS · Russia (7)"),
                                                          ("XXX", None, "XXX (0)")])
def test_filters_format_option_datasette_style(value, label, expected):
    assert format_option(value, {"RUS": 7}, label) == expected


def test_filters_default_state_keeps_everything(records_df):
    assert len(apply_filters(records_df, FilterState())) == len(records_df)


@pytest.mark.parametrize(("state", "expected"), [
    (FilterState(supplier=("IRN",)), {"=Fath-360", "Shahed-136"}),
    (FilterState(kind=("agreement",)), {"military cooperation agreement", "strategic partnership treaty"}),
    (FilterState(kind=("item",), supplier=("PRK", "BLR")), {"artillery shells", "T-72"}),
    (FilterState(certainty=("denied",)), {"artillery shells"}),
    (FilterState(article_id=("a02_caracas_2019_followup",), status=("agreed",)), {"military cooperation agreement"}),
])
def test_filters_facets_combine(records_df, state, expected):
    assert labels(apply_filters(records_df, state)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("s-300", {"S-300VM"}),                  # label, any case
    ("KURSK", {"troops"}),                   # sentence
    ("<script>", {"T-72"}),                  # taken literally, never as markup or a pattern
    ("shells (", set()),                     # a regex metacharacter is just a character
])
def test_filters_text_search_over_label_and_sentence(records_df, text, expected):
    assert labels(apply_filters(records_df, FilterState(text=text))) == expected


@pytest.mark.parametrize(("start", "end", "kept"), [
    (date(2006, 6, 1), date(2006, 6, 30), "Su-30MK2"),            # "2006" spans the year
    (date(2013, 5, 31), date(2013, 7, 1), "S-300VM"),             # "2013-05" spans the month
    (date(2019, 3, 23), date(2019, 3, 23), "troops"),             # a day is a day
])
def test_filters_date_range_keeps_overlapping_spans(records_df, start, end, kept):
    state = FilterState(date_from=start, date_to=end, include_undated=False)
    assert kept in labels(apply_filters(records_df, state))


def test_filters_date_range_drops_spans_outside(records_df):
    state = FilterState(date_from=date(2013, 6, 1), date_to=date(2018, 12, 31), include_undated=False)
    assert apply_filters(records_df, state).empty


@pytest.mark.parametrize(("include", "expected"), [(True, 12), (False, 10)])
def test_filters_undated_toggle(records_df, include, expected):
    assert len(apply_filters(records_df, FilterState(include_undated=include))) == expected


def test_filters_undated_records_survive_a_date_range_when_included(records_df):
    state = FilterState(date_from=date(2024, 1, 1), include_undated=True)
    assert {"military specialists", "Shahed-136"} <= labels(apply_filters(records_df, state))


@pytest.mark.parametrize(("value", "expected"), [
    ("2019", ("2019-01-01", "2019-12-31", "year")),
    ("2020-02", ("2020-02-01", "2020-02-29", "month")),
    ("2019-03-23", ("2019-03-23", "2019-03-23", "day")),
    ("", (None, None, "")),
    ("2019-13", (None, None, "")),
    ("circa 2019", (None, None, "")),
])
def test_filters_date_span(value, expected):
    start, end, precision = date_span(value)
    as_text = (start.strftime("%Y-%m-%d") if start is not None else None,
               end.strftime("%Y-%m-%d") if end is not None else None, precision)
    assert as_text == expected


@pytest.mark.parametrize(("state", "record", "params"), [
    (FilterState(), None, {}),
    (FilterState(kind=("item", "agreement"), supplier=("RUS",)), None, {"kind": "item,agreement", "supplier": "RUS"}),
    (FilterState(article_id=("a01_caracas_2019",), text="S-300", include_undated=False), "abc123",
     {"article": "a01_caracas_2019", "q": "S-300", "undated": "0", "record": "abc123"}),
    (FilterState(date_from=date(2019, 1, 1), date_to=date(2019, 12, 31)), None, {"from": "2019-01-01", "to": "2019-12-31"}),
])
def test_filters_query_params_round_trip(state, record, params):
    assert state_to_params(state, record) == params
    assert state_from_params(params) == (state, record)


@pytest.mark.parametrize("params", [{"from": "yesterday"}, {"to": "2019-02-30"}, {"kind": ",,"}])
def test_filters_malformed_params_are_ignored(params):
    assert state_from_params(params) == (FilterState(), None)


def test_filters_restrict_to_options_drops_unknown_values():
    state = FilterState(supplier=("RUS", "ATL"), kind=("item",))
    restricted = restrict_to_options(state, {"supplier": ["RUS", "IRN"], "kind": ["item"]})
    assert (restricted.supplier, restricted.kind) == (("RUS",), ("item",))


@pytest.mark.parametrize(("state", "name"), [
    (FilterState(), "records.csv"),
    (FilterState(kind=("item",), supplier=("RUS",)), "records_kind-item_supplier-RUS.csv"),
    (FilterState(supplier=("IRN", "RUS")), "records_supplier-IRN+RUS.csv"),
    (FilterState(text="S-300 / <x>", include_undated=False), "records_q-S-300-x_dated-only.csv"),
    (FilterState(date_from=date(2019, 1, 1)), "records_from-2019-01-01.csv"),
])
def test_filters_export_filename_says_what_was_filtered(state, name):
    assert export_filename(state) == name


def test_filters_export_filename_stays_short_and_distinct():
    many = tuple(f"a{i:02d}_some_long_article_name" for i in range(20))
    first, second = export_filename(FilterState(article_id=many)), export_filename(FilterState(article_id=many[:-1]))
    assert len(first) <= 130 and len(second) <= 130
    assert first != second


@pytest.mark.parametrize(("place", "expected"), [("10.4806,-66.9036", {"troops", "S-300VM"}), ("0,0", set()),
                                                 ("51.73,36.19", {"troops"})])
def test_filters_place_keeps_the_records_at_that_place(records_df, place, expected):
    assert set(apply_filters(records_df, FilterState(place=place))["label"]) == expected


def test_filters_place_round_trips_through_the_url():
    state = FilterState(place="10.4806,-66.9036", supplier=("RUS",))
    assert state_from_params(state_to_params(state))[0] == state
    assert state_from_params({"place": "north,east"})[0].place == ""
