"""dashboard/figures.py: the chart builders, as plain functions."""

from __future__ import annotations

import json

import pandas as pd
import plotly.graph_objects as go
import pydeck as pdk
import pytest

from dashboard.figures import (
    arc_width,
    build_alliance_figure,
    build_map_deck,
    build_timeline_figure,
    flow_arcs,
    map_legend_html,
    place_points,
    prepare_outlines,
)
from dashboard.filters import FilterState, apply_filters

CENTROIDS = {"RUS": (61.5, 105.3), "VEN": (7.1, -66.2), "PRK": (40.3, 127.5), "IRN": (32.4, 53.7), "BLR": (53.7, 27.9)}
OUTLINES = {"type": "FeatureCollection", "features": [{
    "type": "Feature", "properties": {"NAME": "Squareland", "POP_EST": 1},
    "geometry": {"type": "Polygon", "coordinates": [[[0.123456, 0.0], [1.0, 0.0], [1.0, 1.987654], [0.123456, 0.0]]]},
}]}


@pytest.fixture
def deck(records_df) -> pdk.Deck:
    return build_map_deck(records_df, OUTLINES, centroid=CENTROIDS.get)


def deck_spec(deck: pdk.Deck) -> dict:
    return json.loads(deck.to_json())


def test_figures_map_is_a_deck_with_outline_flow_and_place_layers(deck):
    assert isinstance(deck, pdk.Deck)
    assert [layer["id"] for layer in deck_spec(deck)["layers"]] == ["ocean", "countries", "flows", "places"]
    assert {layer["@@type"] for layer in deck_spec(deck)["layers"]} >= {"GeoJsonLayer", "ArcLayer", "ScatterplotLayer"}


def test_figures_map_needs_no_tile_server(deck):
    spec = deck_spec(deck)
    # pydeck's placeholder style is dropped by Streamlit; a real style or provider would be fetched.
    assert "mapProvider" not in spec
    assert spec.get("mapStyle") in (None, "__MAP_STYLE__")
    assert "http" not in deck.to_json()


def test_figures_map_tooltip_is_text_not_html(deck):
    assert deck._tooltip["text"] == "{tip}"
    assert "html" not in deck._tooltip


def test_figures_map_has_one_marker_per_place_with_a_breakdown_by_kind(records_df):
    points = place_points(records_df)
    caracas = [p for p in points if p["location"] == "Caracas"]
    assert len(caracas) == 1  # two troop landings (deployments) and S-300VM (an item) at one place
    (caracas,) = caracas
    assert caracas["count"] == 3 and caracas["kinds"] == {"deployment": 2, "item": 1}
    assert caracas["kind"] == "deployment" and caracas["color"][:3] == [213, 94, 0]
    assert caracas["tip"].startswith("Caracas: 3 facts (1 item, 2 deployments)")
    assert caracas["radius"] > next(p for p in points if p["location"] == "Kursk")["radius"]
    assert caracas["position"] == [-66.9036, 10.4806] and caracas["place"] == "10.4806,-66.9036"


def test_figures_map_tooltip_keeps_text_as_text(records_df):
    tips = " ".join(p["tip"] for p in place_points(records_df[records_df["label"] == "T-72"]))
    assert "<script>alert(1)</script>" in tips  # shown as text by the tooltip, never parsed
    assert "undated" in " ".join(p["tip"] for p in place_points(records_df))


def test_figures_map_tooltip_lists_a_few_records_and_quotes_the_first(records_df):
    many = pd.concat([records_df[records_df["label"] == "troops"]] * 3, ignore_index=True)
    (caracas,) = [p for p in place_points(many) if p["location"] == "Caracas"]
    assert caracas["count"] == 6
    assert caracas["tip"].count("• troops · delivered · 2019-03-23") == 4
    assert caracas["tip"].count("“") == 1 and "about 100 troops" in caracas["tip"]
    assert caracas["tip"].endswith("… and 2 more (click to list them)")


def test_figures_map_arcs_one_per_pair_and_skip_unknown_countries(records_df):
    arcs = flow_arcs(records_df, {k: v for k, v in CENTROIDS.items() if k != "BLR"}.get)
    pairs = [(a["supplier"], a["recipient"]) for a in arcs]
    assert len(pairs) == len(set(pairs)) and ("BLR", "VEN") not in pairs
    rus_ven = next(a for a in arcs if (a["supplier"], a["recipient"]) == ("RUS", "VEN"))
    assert rus_ven["count"] == 6 and rus_ven["kinds"] == {"deployment": 3, "item": 2, "agreement": 1}
    assert rus_ven["tip"].startswith("RUS → VEN: 6 facts (2 items, 3 deployments, 1 agreement)")
    assert rus_ven["source"] == [105.3, 61.5] and rus_ven["target"] == [-66.2, 7.1]
    assert rus_ven["source_color"][3] < 255 and rus_ven["target_color"][3] < 255  # translucent


def test_figures_map_arcs_end_at_capitals_and_keep_the_strongest(records_df):
    (rus_prk,) = [a for a in flow_arcs(records_df) if (a["supplier"], a["recipient"]) == ("RUS", "PRK")]
    assert rus_prk["source"] == [37.6178, 55.752]  # Moscow, not the centroid of Russia in Siberia
    assert rus_prk["target"] == [125.7543, 39.0339]  # Pyongyang
    strongest = flow_arcs(records_df, CENTROIDS.get, limit=1)
    assert [(a["supplier"], a["recipient"]) for a in strongest] == [("RUS", "VEN")]


@pytest.mark.parametrize(("count", "wider_than"), [(2, 1), (10, 2), (100, 10)])
def test_figures_map_arc_width_grows_on_a_log_scale(count, wider_than):
    assert arc_width(count) > arc_width(wider_than)
    assert arc_width(100) < 8 * arc_width(1)


def test_figures_map_click_names_a_filter_that_finds_the_same_entries(records_df):
    # what the browser sends back on a click is the object, serialised as JSON; the page turns it
    # into a place filter (a marker) or supplier and recipient filters (an arc)
    caracas = json.loads(json.dumps(next(p for p in place_points(records_df) if p["location"] == "Caracas")))
    found = apply_filters(records_df, FilterState(place=caracas["place"]))
    assert len(found) == caracas["count"] == 3 and set(found["location"]) == {"Caracas"}
    arc = json.loads(json.dumps(next(a for a in flow_arcs(records_df, CENTROIDS.get) if a["supplier"] == "IRN")))
    found = apply_filters(records_df, FilterState(supplier=(arc["supplier"],), recipient=(arc["recipient"],)))
    assert len(found) == arc["count"] == 2


def test_figures_map_legend_names_kinds_sizes_and_hidden_pairs():
    legend = map_legend_html(12, hidden_pairs=7)
    assert all(kind in legend for kind in ("item", "deployment", "agreement"))
    assert "Facts at a place" in legend and "Facts per pair" in legend
    assert "7 weaker" in legend and "The 30 strongest" in legend
    assert "weaker" not in map_legend_html(12, hidden_pairs=0)


def test_figures_map_builds_for_no_records(records_df):
    spec = deck_spec(build_map_deck(records_df.iloc[0:0], OUTLINES, centroid=CENTROIDS.get))
    assert spec["initialViewState"]["zoom"] < 1.5


def test_figures_prepare_outlines_rounds_and_keeps_only_the_name():
    feature = prepare_outlines(OUTLINES)["features"][0]
    assert feature["properties"] == {"name": "Squareland"}
    assert feature["geometry"]["coordinates"][0][0][:2] == [[0.12, 0.0], [1.0, 0.0]]


def outline(ring: list) -> dict:
    return {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "x"},
                                                       "geometry": {"type": "Polygon", "coordinates": [ring]}}]}


def test_figures_prepare_outlines_unwraps_rings_across_the_antimeridian():
    fiji = [[178.0, -17.0], [-179.0, -17.0], [-179.0, -16.0], [178.0, -16.0], [178.0, -17.0]]
    ring = prepare_outlines(outline(fiji))["features"][0]["geometry"]["coordinates"][0][0]
    lons = [lon for lon, _ in ring]
    assert lons == [178.0, 181.0, 181.0, 178.0, 178.0]


def test_figures_prepare_outlines_closes_a_ring_around_a_pole_along_the_pole():
    antarctica = [[-180.0, -80.0], [-90.0, -75.0], [0.0, -70.0], [90.0, -75.0], [180.0, -80.0]]
    ring = prepare_outlines(outline(antarctica))["features"][0]["geometry"]["coordinates"][0][0]
    off_pole = [(a, b) for a, b in zip(ring, ring[1:], strict=False) if not a[1] == b[1] == -89.9]
    assert all(abs(b[0] - a[0]) <= 180 for a, b in off_pole)  # only the edge along the pole spans the map
    assert ring[-3:] == [[180.0, -89.9], [-180.0, -89.9], [-180.0, -80.0]]


def bars(fig: go.Figure) -> list:
    return [t for t in fig.data if t.type == "bar"]


def test_figures_timeline_is_a_figure_with_a_trace_per_kind(records_df):
    fig = build_timeline_figure(records_df)
    assert isinstance(fig, go.Figure)
    assert {t.name for t in fig.data if t.legend != "legend2"} == {"item", "deployment", "agreement"}
    assert fig.layout.xaxis.type == "date"


@pytest.mark.parametrize(("label", "start", "days"), [("Su-30MK2", "2006-01-01", 365), ("S-300VM", "2013-05-01", 31),
                                                      ("troops", "2024-11-01", 30)])
def test_figures_timeline_draws_a_year_or_month_as_a_span(records_df, label, start, days):
    fig = build_timeline_figure(records_df)
    spans = [(base, width) for t in bars(fig) for base, width, data in zip(t.base, t.x, t.customdata, strict=True)
             if data[0] == label]
    assert (start, days * 86_400_000) in spans


def test_figures_timeline_draws_a_day_as_a_point_shaped_by_certainty(records_df):
    fig = build_timeline_figure(records_df)
    points = {(data[0], x, symbol) for t in fig.data if t.type == "scatter" and t.customdata is not None
              for data, x, symbol in zip(t.customdata, t.x, t.marker.symbol, strict=True)}
    assert ("=Fath-360", "2024-09-10", "diamond") in points      # claimed
    assert ("strategic partnership treaty", "2024-06-19", "circle") in points  # confirmed


def test_figures_timeline_leaves_out_undated_and_escapes_hover_text(records_df):
    fig = build_timeline_figure(records_df)
    hovered = [data for t in fig.data if t.customdata is not None for data in t.customdata]
    assert len(hovered) == 10
    text = json.dumps(hovered)
    assert "&lt;script&gt;" in text and "<script>" not in text


def test_figures_timeline_builds_for_no_records(records_df):
    assert isinstance(build_timeline_figure(records_df.iloc[0:0]), go.Figure)


def test_figures_alliance_network_has_a_node_per_country_and_an_edge_per_relation(records_df):
    fig = build_alliance_figure(records_df, name=str)
    nodes = next(t for t in fig.data if t.name == "country")
    edges = [t for t in fig.data if t.mode == "lines"]
    assert set(nodes.text) == {"RUS", "VEN", "PRK", "IRN", "BLR"}
    relations = records_df.groupby(["supplier", "recipient", "kind"]).ngroups
    curves = {label for e in edges for label in e.text if label}  # one labelled curve per relation
    assert len(curves) == relations == len(fig.layout.annotations)
    assert {e.line.color for e in edges} == {"#0072b2", "#d55e00", "#009e73"}


def test_figures_alliance_layout_is_deterministic(records_df):
    first, second = build_alliance_figure(records_df, name=str), build_alliance_figure(records_df, name=str)
    assert first.to_json() == second.to_json()


def test_figures_alliance_edge_width_grows_with_record_count(records_df):
    fig = build_alliance_figure(records_df, name=str)
    width = {t.text[0]: t.line.width for t in fig.data if t.mode == "lines"}
    assert width["RUS → VEN: 3 deployments"] > width["PRK → RUS: 1 deployment"]


def test_figures_alliance_builds_for_no_records(records_df):
    assert isinstance(build_alliance_figure(records_df.iloc[0:0], name=str), go.Figure)


def test_figures_timeline_merges_identical_marks_on_large_tables(records_df):
    import pandas as pd

    from dashboard.figures import TIMELINE_MAX_MARKS, build_timeline_figure, lane_of

    dated = records_df[records_df["date_start"].notna()]
    positions = dated.assign(lane=lane_of(dated))[["lane", "kind", "date_start", "date_end", "certainty"]].drop_duplicates()
    big = pd.concat([dated] * (TIMELINE_MAX_MARKS // len(dated) + 2), ignore_index=True)
    fig = build_timeline_figure(big)
    drawn = sum(len(t.x) for t in fig.data if t.x is not None and t.x[0] is not None)
    assert drawn == len(positions)  # one mark per distinct position, however many records share it
    labels = [row[0] for t in fig.data if t.customdata is not None for row in t.customdata]
    assert all(label.split(" ")[0].isdigit() and "records, e.g." in label for label in labels)


def test_figures_alliance_draws_only_the_strongest_relations(records_df):
    import pandas as pd

    from dashboard.figures import ALLIANCE_MAX_EDGES

    many = pd.concat([records_df.assign(supplier=f"S{i:03d}") for i in range(ALLIANCE_MAX_EDGES)], ignore_index=True)
    fig = build_alliance_figure(many, name=str)
    assert len(fig.layout.annotations) == ALLIANCE_MAX_EDGES
    assert f"strongest of {len(many.groupby(['supplier', 'recipient', 'kind']))}" in fig.layout.title.text


def test_figures_timeline_shows_the_most_active_pairs_only(records_df):
    import pandas as pd

    from dashboard.figures import TIMELINE_MAX_LANES, build_timeline_figure

    dated = records_df[records_df["date_start"].notna()].head(1)
    many = pd.concat([dated.assign(supplier=f"S{i:03d}") for i in range(TIMELINE_MAX_LANES + 5)], ignore_index=True)
    fig = build_timeline_figure(many)
    assert len(fig.layout.yaxis.categoryarray) == TIMELINE_MAX_LANES
    assert f"{TIMELINE_MAX_LANES} most active of {TIMELINE_MAX_LANES + 5}" in fig.layout.title.text


HOSTILE_PARTY = '<a href="https://evil.example">VEN</a>'


@pytest.mark.parametrize("party", [HOSTILE_PARTY])
def test_figures_party_values_are_escaped_in_timeline_rows_and_network_nodes(records_df, party):
    """A reviewed or imported store may hold any party value: Plotly must show it, not render it."""
    df = records_df.assign(recipient=records_df["recipient"].replace("VEN", party))
    timeline, network = build_timeline_figure(df), build_alliance_figure(df, name=str)
    rows = {y for t in timeline.data if t.y is not None for y in t.y if y is not None}
    nodes = next(t for t in network.data if t.name == "country")
    for shown in (json.dumps(sorted(rows)), json.dumps(list(nodes.text)), json.dumps(list(nodes.hovertext))):
        assert "&lt;a href=&quot;https://evil.example&quot;&gt;" in shown and "<a " not in shown
    assert set(timeline.layout.yaxis.categoryarray) == rows  # the axis orders the same escaped labels
