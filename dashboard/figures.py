"""Chart builders: each takes the filtered records and returns a figure (``pdk.Deck``, ``go.Figure``).
They never call ``st.*``; the page places what they return.
"""

from __future__ import annotations

import html
import math
import textwrap
from collections.abc import Callable
from functools import lru_cache

import pandas as pd
import plotly.graph_objects as go
import pydeck as pdk

from extract import places
from extract.lexicon import load_table, split_values
from extract.records import CERTAINTIES, KINDS

# Okabe–Ito colours: told apart by readers with the common colour-vision deficiencies.
KIND_COLOURS = {"item": (0, 114, 178), "deployment": (213, 94, 0), "agreement": (0, 158, 115)}
OTHER_COLOUR = (120, 120, 120)
# Certainty as marker shape (points) and bar pattern (spans): filled and plain is the firmest claim.
CERTAINTY_SYMBOLS = {"confirmed": "circle", "claimed": "diamond", "speculative": "circle-open", "denied": "x"}
CERTAINTY_PATTERNS = {"confirmed": "", "claimed": "/", "speculative": ".", "denied": "x"}
# The initial view fits the data into this many pixels: the map's width on a 390 px phone. The page
# cannot know the reader's screen, and a wider map then shows a margin around the data, not a crop.
MAP_FIT_PIXELS = 320
# Tilting the map shows arcs as arcs; seen from straight above they collapse into straight lines.
MAP_PITCH = 35
# How many records a map tooltip lists before it says "and N more": a tooltip is not a table.
TOOLTIP_RECORDS = 4
TOOLTIP_SENTENCE_CHARS = 180
HOVER_WRAP_CHARS = 80
# 1:110m outlines need no more than ~1 km of precision; rounding halves what the browser is sent.
OUTLINE_DIGITS = 2
# Records within ~10 m of one another share a map point.
POINT_DIGITS = 4
Centroid = Callable[[str], "tuple[float, float] | None"]


def kind_colour(kind: str, alpha: int = 255) -> list[int]:
    return [*KIND_COLOURS.get(kind, OTHER_COLOUR), alpha]


def kind_hex(kind: str) -> str:
    return "#{:02x}{:02x}{:02x}".format(*KIND_COLOURS.get(kind, OTHER_COLOUR))


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _short(text: str, limit: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# --- map -------------------------------------------------------------------------------------------


def prepare_outlines(outlines: dict, digits: int = OUTLINE_DIGITS) -> dict:
    """The outlines ready for deck.gl: rings that cross the antimeridian unwrapped (else they draw
    a line across the whole map), coordinates rounded, and only a name property kept."""
    features = []
    for feature in outlines.get("features", []):
        geometry = feature.get("geometry") or {}
        if geometry.get("type") not in ("Polygon", "MultiPolygon") or not geometry.get("coordinates"):
            continue
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        rings = [[_round_ring(_unwrap_ring(ring), digits) for ring in polygon] for polygon in polygons]
        props = feature.get("properties") or {}
        features.append({
            "type": "Feature",
            "properties": {"name": props.get("name") or props.get("NAME") or props.get("ADMIN") or ""},
            "geometry": {"type": "MultiPolygon", "coordinates": rings},
        })
    return {"type": "FeatureCollection", "features": features}


def _unwrap_ring(ring: list) -> list:
    """Shift longitudes by 360° so consecutive points never jump across the map (Fiji, Chukotka).

    A ring that still spans the globe circles a pole (Antarctica): it is closed along that pole.
    """
    out = [[float(ring[0][0]), float(ring[0][1])]]
    for lon, lat, *_ in ring[1:]:
        lon = float(lon) + 360 * round((out[-1][0] - float(lon)) / 360)
        out.append([lon, float(lat)])
    if abs(out[-1][0] - out[0][0]) > 180:
        pole = -89.9 if sum(p[1] for p in out) < 0 else 89.9
        out += [[out[-1][0], pole], [out[0][0], pole], list(out[0])]
    return out


def _round_ring(ring: list, digits: int) -> list:
    return [[round(lon, digits), round(lat, digits)] for lon, lat in ring]


def _record_lines(rows: pd.DataFrame) -> pd.Series:
    """One tooltip line per record: label, status and date."""
    when = rows["date"].where(rows["date"] != "", "undated")
    return "• " + rows["label"] + " · " + rows["status"] + " · " + when


def _group_tips(rows: pd.DataFrame, keys: list[str]) -> pd.Series:
    """Per group: its first TOOLTIP_RECORDS records' lines, the first one's sentence, and how many
    more there are. Only one sentence: the tooltips of a large map are most of what the browser is
    sent, and a click lists every record with its sentence. Plain text: the tooltip is shown as
    text, never parsed as HTML, so no markup can run."""
    grouped = rows.groupby(keys, sort=False)
    first = rows[grouped.cumcount() < TOOLTIP_RECORDS]
    lines = _record_lines(first)
    tips: dict[tuple, str] = {}
    # one pass over the few shown rows: a pandas aggregation would call join group by group
    for key, line, sentence in zip(zip(*(first[k] for k in keys), strict=True), lines, first["sentence"], strict=True):
        tips[key] = tips[key] + "\n" + line if key in tips else f"{line}\n  “{_short(sentence, TOOLTIP_SENTENCE_CHARS)}”"
    sizes = grouped.size()
    return pd.Series([tips[key] + (f"\n… and {n - TOOLTIP_RECORDS} more (click to list them)"
                                   if n > TOOLTIP_RECORDS else "")
                      for key, n in sizes.items()], index=sizes.index, dtype=object)


def _located(df: pd.DataFrame) -> pd.DataFrame:
    """Records with coordinates, with the rounded position their map point is keyed by."""
    located = df[df["lat"].notna() & df["lon"].notna()]
    return located.assign(_lat=located["lat"].round(POINT_DIGITS), _lon=located["lon"].round(POINT_DIGITS))


def place_key(lat: float, lon: float) -> str:
    """A place as the URL and the place filter name it: ``10.4806,-66.9036``."""
    return f"{round(float(lat), POINT_DIGITS):g},{round(float(lon), POINT_DIGITS):g}"


def _kind_breakdown(counts: dict[str, int]) -> str:
    """``2 deployments, 1 item``, in the fixed order of kinds."""
    order = [k for k in KINDS if k in counts] + sorted(set(counts) - set(KINDS))
    return ", ".join(_plural(counts[k], k) for k in order if counts[k])


def _dominant_kind(counts: dict[str, int]) -> str:
    """The kind with the most entries (ties: the first in the fixed order), which colours the mark."""
    order = {k: i for i, k in enumerate(KINDS)}
    return min(counts, key=lambda k: (-counts[k], order.get(k, len(order)), k))


def _kind_counts(df: pd.DataFrame, keys: list[str]) -> dict[tuple, dict[str, int]]:
    """Per group of ``keys``: how many of each kind."""
    counts: dict[tuple, dict[str, int]] = {}
    for *key, kind, n in df.groupby([*keys, "kind"]).size().reset_index(name="n").itertuples(index=False):
        counts.setdefault(tuple(key), {})[kind] = int(n)
    return counts


def place_points(df: pd.DataFrame) -> list[dict]:
    """One marker per place, sized by how many entries (facts, on the page) it holds and coloured by
    its most frequent kind; the tooltip breaks it down by kind. Largest first, so smaller ones stay
    visible on top. A point carries its place, not ids: a click looks the entries up again."""
    located = _located(df)
    if located.empty:
        return []
    keys = ["_lat", "_lon"]
    named = located[located["location"] != ""]
    names = (named.groupby(keys + ["location"]).size().reset_index(name="n")
             .sort_values(["n", "location"], ascending=[False, True]).drop_duplicates(keys)
             .set_index(keys)["location"])
    summary = located.groupby(keys, sort=True).size().rename("count").to_frame()
    summary["location"] = names.reindex(summary.index)
    summary["tips"] = _group_tips(located, keys).reindex(summary.index)
    kinds = _kind_counts(located, keys)
    summary = summary.reset_index().sort_values("count", ascending=False, kind="stable")
    fallback = summary["_lat"].map("{:.2f}".format) + ", " + summary["_lon"].map("{:.2f}".format)
    summary["location"] = summary["location"].fillna(fallback)
    points = []
    for lat, lon, n, location, tips in summary[["_lat", "_lon", "count", "location", "tips"]].itertuples(index=False):
        breakdown = kinds[(lat, lon)]
        kind = _dominant_kind(breakdown)
        points.append({"position": [float(lon), float(lat)], "lat": float(lat), "lon": float(lon), "kind": kind,
                       "kinds": breakdown, "count": int(n), "radius": point_radius(int(n)),
                       "color": kind_colour(kind, 200), "location": location, "place": place_key(lat, lon),
                       "tip": f"{location}: {_plural(int(n), 'fact')} ({_kind_breakdown(breakdown)})\n{tips}"})
    return points


def point_radius(count: int) -> float:
    """Marker radius in pixels: its area grows with the count, so 4 facts look four times one."""
    return 4 + 3 * math.sqrt(count)


def _linked(df: pd.DataFrame) -> pd.DataFrame:
    """Records with a supplier and a different recipient: the ones an arc can draw."""
    return df[(df["supplier"] != "") & (df["recipient"] != "") & (df["supplier"] != df["recipient"])]


@lru_cache(maxsize=512)
def capital(iso3: str) -> tuple[float, float] | None:
    """(lat, lon) of a country's capital: its first seat of power in countries.csv that the gazetteer
    places (Moscow, not the centroid in Siberia), else its centroid."""
    for row in load_table("countries"):
        if row["iso3"] == iso3:
            for name in split_values(row.get("metonyms", ""))[:1]:
                place = places.lookup_place(name)
                if place is not None and place.iso3 == iso3:
                    return place.lat, place.lon
    return places.country_centroid(iso3)


# The strongest supplier → recipient pairs drawn on the map; beyond this the arcs are a tangle.
MAP_MAX_ARCS = 30


def pair_counts(df: pd.DataFrame) -> pd.Series:
    """Entries per supplier → recipient pair, strongest first (ties by the pair)."""
    counts = _linked(df).groupby(["supplier", "recipient"]).size().rename("count").reset_index()
    counts = counts.sort_values(["count", "supplier", "recipient"], ascending=[False, True, True], kind="stable")
    return counts.set_index(["supplier", "recipient"])["count"]


def arc_width(count: int) -> float:
    """Arc width in pixels on a log scale: 1 fact 1.5 px, 10 facts ~6.5 px, 100 facts ~11.5 px."""
    return 1.5 + 1.5 * math.log2(count) if count > 1 else 1.5


def flow_arcs(df: pd.DataFrame, anchor: Centroid | None = None, limit: int = MAP_MAX_ARCS) -> list[dict]:
    """One translucent arc per supplier → recipient pair (the ``limit`` strongest), capital to
    capital, width on a log scale, coloured by its most frequent kind; the tooltip breaks it down."""
    anchor = anchor or capital
    linked = _linked(df)
    strongest = pair_counts(linked).head(limit)
    if strongest.empty:
        return []
    keys = ["supplier", "recipient"]
    label_counts = linked.groupby(keys + ["label"]).size().reset_index(name="n").sort_values(
        keys + ["n", "label"], ascending=[True, True, False, True])
    top_labels = label_counts.groupby(keys, sort=True).head(6).groupby(keys, sort=True)["label"].agg(", ".join)
    kinds = _kind_counts(linked, keys)
    arcs = []
    for (supplier, recipient), count in strongest.items():
        source, target = anchor(supplier), anchor(recipient)
        if source is None or target is None:
            continue
        breakdown = kinds[(supplier, recipient)]
        kind = _dominant_kind(breakdown)
        arcs.append({
            "source": [source[1], source[0]], "target": [target[1], target[0]],
            "supplier": supplier, "recipient": recipient, "kind": kind, "kinds": breakdown, "count": int(count),
            "width": arc_width(int(count)), "height": 0.5,
            "source_color": kind_colour(kind, 70), "target_color": kind_colour(kind, 150),
            "tip": f"{supplier} → {recipient}: {_plural(int(count), 'fact')} ({_kind_breakdown(breakdown)})\n"
                   f"{_short(top_labels.get((supplier, recipient), ''), 160)}",
        })
    return arcs


def map_legend_html(max_count: int, hidden_pairs: int) -> str:
    """The map's legend: kind colours, marker sizes and arc widths for a few counts, and how many
    pairs are not drawn. Built from constants and numbers only (no article text)."""
    swatches = "".join(
        f'<span style="display:inline-flex;align-items:center;margin-right:0.9rem">'
        f'<span style="width:0.8rem;height:0.8rem;border-radius:50%;background:{kind_hex(k)};'
        f'margin-right:0.3rem;display:inline-block"></span>{k}</span>' for k in KINDS)
    steps = sorted({1, *(n for n in (5, 25, 100) if n < max_count), max(max_count, 1)})
    sizes = "".join(
        f'<span style="display:inline-flex;align-items:center;margin-right:0.8rem">'
        f'<span style="width:{2 * point_radius(n):.0f}px;height:{2 * point_radius(n):.0f}px;border-radius:50%;'
        f'border:1px solid #666;margin-right:0.3rem;display:inline-block"></span>{n}</span>' for n in steps)
    widths = "".join(
        f'<span style="display:inline-flex;align-items:center;margin-right:0.8rem">'
        f'<span style="width:1.6rem;height:{arc_width(n):.0f}px;background:#777;opacity:0.6;margin-right:0.3rem;'
        f'display:inline-block"></span>{n}</span>' for n in steps)
    hidden = (f"<div>The {MAP_MAX_ARCS} strongest supplier → recipient pairs are drawn; {hidden_pairs} weaker "
              "ones are not (filter to see them).</div>" if hidden_pairs else "")
    return (f'<div style="font-size:0.85rem;line-height:1.9">'
            f"<div>{swatches}</div><div><strong>Facts at a place</strong> {sizes}</div>"
            f"<div><strong>Facts per pair</strong> (capital to capital) {widths}</div>{hidden}</div>")


def _initial_view(points: list[dict], arcs: list[dict]) -> pdk.ViewState:
    """Frame everything drawn; the whole world when there is nothing to frame."""
    lons = [p["position"][0] for p in points] + [a[end][0] for a in arcs for end in ("source", "target")]
    lats = [p["position"][1] for p in points] + [a[end][1] for a in arcs for end in ("source", "target")]
    if not lons:
        return pdk.ViewState(latitude=20, longitude=0, zoom=0.8, pitch=MAP_PITCH)
    span = max(max(lons) - min(lons), (max(lats) - min(lats)) * 2, 1.0)
    # deck.gl draws the world 512 px wide at zoom 0; fit the span into MAP_FIT_PIXELS, a phone's map.
    zoom = max(0.0, min(6.0, math.log2(360 / span * MAP_FIT_PIXELS / 512)))
    return pdk.ViewState(latitude=(max(lats) + min(lats)) / 2, longitude=(max(lons) + min(lons)) / 2, zoom=zoom,
                         pitch=MAP_PITCH)


def build_map_deck(df: pd.DataFrame, outlines: dict, centroid: Centroid | None = None) -> pdk.Deck:
    """Entries at their places and supplier → recipient arcs, over country outlines and no tiles.
    ``centroid`` places a country's end of an arc (default: its capital)."""
    points, arcs = place_points(df), flow_arcs(df, centroid or capital)
    layers = [
        pdk.Layer(
            "SolidPolygonLayer", id="ocean", data=[{"polygon": [[-180, -85], [180, -85], [180, 85], [-180, 85]]}],
            get_polygon="polygon", get_fill_color=[221, 233, 243], pickable=False,
        ),
        pdk.Layer(
            "GeoJsonLayer", id="countries", data=outlines, filled=True, stroked=True,
            get_fill_color=[246, 244, 238], get_line_color=[170, 170, 170], line_width_min_pixels=0.5,
            pickable=False,
        ),
        pdk.Layer(
            "ArcLayer", id="flows", data=arcs, get_source_position="source", get_target_position="target",
            get_source_color="source_color", get_target_color="target_color", get_width="width",
            get_height="height",
            width_units="pixels", pickable=True, auto_highlight=True,
        ),
        pdk.Layer(
            "ScatterplotLayer", id="places", data=points, get_position="position", get_fill_color="color",
            get_radius="radius", radius_units="pixels", stroked=True, get_line_color=[255, 255, 255],
            line_width_min_pixels=1, pickable=True, auto_highlight=True,
        ),
    ]
    return pdk.Deck(
        layers=layers,
        initial_view_state=_initial_view(points, arcs),
        # Repeating the world fills the canvas at low zoom instead of leaving blank space past ±180°.
        views=[pdk.View(type="MapView", controller=True, repeat=True)],
        # No basemap: with map_provider=None pydeck sends its style placeholder, which Streamlit drops
        # instead of fetching a tile style; passing map_style=None too would make Streamlit fetch Carto's.
        map_provider=None,
        tooltip={"text": "{tip}", "style": {"maxWidth": "420px", "whiteSpace": "pre-wrap", "fontSize": "12px"}},
    )


# --- timeline --------------------------------------------------------------------------------------


@lru_cache(maxsize=65_536)
def _hover_lines(text: str) -> str:
    """Escaped text wrapped with <br>: Plotly hover labels read a little HTML, so text must be escaped.
    Cached: many records share one sentence, and wrapping is the costly part of a large timeline."""
    return "<br>".join(html.escape(line) for line in textwrap.wrap(" ".join(str(text).split()), HOVER_WRAP_CHARS))


def _hover_data(rows: pd.DataFrame) -> list[list[str]]:
    """Per record: label, parties, status and certainty, date, wrapped sentence (all escaped)."""
    def esc(series: pd.Series) -> list[str]:
        return [html.escape(str(v)) for v in series]

    parties = rows["supplier"].replace("", "?") + " → " + rows["recipient"].replace("", "?")
    state = rows["status"] + ", " + rows["certainty"]
    when = rows["date"] + rows["date_inferred"].astype(bool).map({True: " (inferred)", False: ""})
    sentences = [_hover_lines(s) for s in rows["sentence"]]
    return [list(row) for row in zip(esc(rows["label"]), esc(parties), esc(state), esc(when), sentences, strict=True)]


HOVER_TEMPLATE = (
    "<b>%{customdata[0]}</b> · %{customdata[1]}<br>%{customdata[2]} · %{customdata[3]}"
    "<br><br>%{customdata[4]}<extra></extra>"
)


def lane_of(df: pd.DataFrame) -> pd.Series:
    """Timeline row of each record: its supplier → recipient pair, HTML-escaped (Plotly reads tick
    labels as HTML, and a reviewed or imported store may hold any party value, not an ISO code)."""
    lanes = df["supplier"].replace("", "?") + " → " + df["recipient"].replace("", "?")
    return lanes.map(lambda lane: html.escape(lane, quote=True))


# Above this many dated records, records drawn at the same place (lane, kind, span, certainty) merge
# into one mark that counts them: a browser draws a few thousand marks briskly, and identical marks
# stacked on each other show nothing more.
TIMELINE_MAX_MARKS = 2_000


def merge_identical_marks(dated: pd.DataFrame) -> pd.DataFrame:
    """One row per distinct mark, its label saying how many records it stands for."""
    keys = ["lane", "kind", "date_start", "date_end", "precision", "certainty"]
    merged = dated.groupby(keys, sort=False, dropna=False).agg(
        first=("label", "first"), n=("label", "size"), **{c: (c, "first") for c in dated.columns if c not in keys + ["label"]}
    ).reset_index()
    merged["label"] = merged["first"].where(merged["n"] == 1, merged["n"].astype(str) + " records, e.g. " + merged["first"])
    return merged.drop(columns=["first", "n"])


# At most this many supplier → recipient lanes, the most active first: more are not read.
TIMELINE_MAX_LANES = 30


def build_timeline_figure(df: pd.DataFrame) -> go.Figure:
    """Every dated record on a time axis: a year or month as a bar over its span, a day as a point."""
    dated = df[df["date_start"].notna()].assign(lane=lambda d: lane_of(d))
    lane_counts = dated["lane"].value_counts(sort=True)
    capped_lanes = len(lane_counts) > TIMELINE_MAX_LANES
    if capped_lanes:
        dated = dated[dated["lane"].isin(lane_counts.index[:TIMELINE_MAX_LANES])]
    if len(dated) > TIMELINE_MAX_MARKS:
        dated = merge_identical_marks(dated)
    fig = go.Figure()
    for kind in [*KINDS, *sorted(set(dated["kind"]) - set(KINDS))]:
        rows = dated[dated["kind"] == kind]
        spans, days = rows[rows["precision"] != "day"], rows[rows["precision"] == "day"]
        if not spans.empty:
            fig.add_trace(go.Bar(
                name=kind, legendgroup=kind, showlegend=False, orientation="h",
                base=spans["date_start"].dt.strftime("%Y-%m-%d").tolist(),
                # Bars on a date axis are measured in milliseconds; the last day is included in the span.
                x=((spans["date_end"] - spans["date_start"]).dt.days + 1).mul(86_400_000).tolist(),
                y=spans["lane"].tolist(), customdata=_hover_data(spans), hovertemplate=HOVER_TEMPLATE,
                marker={"color": kind_hex(kind), "opacity": 0.45, "line": {"color": kind_hex(kind), "width": 1},
                        "pattern": {"shape": [CERTAINTY_PATTERNS.get(c, "") for c in spans["certainty"]]}},
                width=0.5,
            ))
        if not days.empty:
            fig.add_trace(go.Scatter(
                name=kind, legendgroup=kind, showlegend=False, mode="markers",
                x=days["date_start"].dt.strftime("%Y-%m-%d").tolist(),
                y=days["lane"].tolist(), customdata=_hover_data(days), hovertemplate=HOVER_TEMPLATE,
                marker={"color": kind_hex(kind), "size": 11, "line": {"color": "white", "width": 1},
                        "symbol": [CERTAINTY_SYMBOLS.get(c, "circle") for c in days["certainty"]]},
            ))
    _add_kind_legend(fig, set(dated["kind"]))
    _add_certainty_legend(fig)
    lanes = dated.sort_values("date_start")["lane"].drop_duplicates().tolist()
    fig.update_layout(
        barmode="overlay", height=max(300, min(760, 150 + 34 * len(lanes))),
        # the bottom margin holds the certainty legend (two rows on a phone) under the date axis
        margin={"l": 10, "r": 10, "t": 30, "b": 70}, hovermode="closest",
        # kinds above the chart, certainties below it: side by side they ran together on a phone
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0, "title": {"text": "kind "}},
        legend2={"orientation": "h", "yref": "container", "yanchor": "bottom", "y": 0, "x": 0,
                 "title": {"text": "certainty "}},
        xaxis={"type": "date", "title": None},
        yaxis={"title": None, "categoryorder": "array", "categoryarray": lanes[::-1], "automargin": True},
    )
    if capped_lanes:
        fig.update_layout(title={"text": f"The {TIMELINE_MAX_LANES} most active of {len(lane_counts)} supplier → recipient pairs",
                                 "font": {"size": 12}})
    return fig


def _add_kind_legend(fig: go.Figure, kinds: set[str], legend: str = "legend") -> None:
    """Legend-only entries, one per kind present, in a fixed order and drawn solid: the data's own
    markers vary in shape, and the first one drawn would otherwise stand for the whole kind."""
    for kind in [k for k in KINDS if k in kinds] + sorted(kinds - set(KINDS)):
        fig.add_trace(go.Scatter(
            x=[None], y=[None], mode="markers", name=html.escape(kind), legendgroup=kind, legend=legend, hoverinfo="skip",
            marker={"symbol": "square", "color": kind_hex(kind), "size": 11},
        ))


def _add_certainty_legend(fig: go.Figure) -> None:
    """Legend-only entries that explain the marker shapes."""
    for certainty in CERTAINTIES:
        fig.add_trace(go.Scatter(
            x=[None], y=[None], mode="markers", name=certainty, legend="legend2", hoverinfo="skip",
            marker={"symbol": CERTAINTY_SYMBOLS[certainty], "color": "#555", "size": 10},
        ))


# --- alliances -------------------------------------------------------------------------------------


def circle_layout(nodes: list[str]) -> dict[str, tuple[float, float]]:
    """Nodes evenly on a unit circle, in the given order, the first at the top: the same data always
    draws the same picture."""
    n = max(len(nodes), 1)
    return {node: (math.sin(2 * math.pi * i / n), math.cos(2 * math.pi * i / n)) for i, node in enumerate(nodes)}


def _curve(a: tuple[float, float], b: tuple[float, float], bend: float, steps: int = 24) -> tuple[list, list]:
    """A quadratic Bézier from a to b bowed sideways by ``bend``, so parallel relations stay apart."""
    (x0, y0), (x1, y1) = a, b
    mx, my = (x0 + x1) / 2 - bend * (y1 - y0), (y0 + y1) / 2 + bend * (x1 - x0)
    ts = [i / steps for i in range(steps + 1)]
    xs = [(1 - t) ** 2 * x0 + 2 * (1 - t) * t * mx + t**2 * x1 for t in ts]
    ys = [(1 - t) ** 2 * y0 + 2 * (1 - t) * t * my + t**2 * y1 for t in ts]
    return xs, ys


def alliance_edges(df: pd.DataFrame) -> pd.DataFrame:
    """Supplier → recipient relations with their record counts, one row per pair and kind."""
    linked = df[(df["supplier"] != "") & (df["recipient"] != "") & (df["supplier"] != df["recipient"])]
    return linked.groupby(["supplier", "recipient", "kind"]).size().rename("count").reset_index()


# The strongest relations drawn: beyond about a hundred arrows a network is a hairball, and Plotly
# slows with every trace and annotation added.
ALLIANCE_MAX_EDGES = 120


def build_alliance_figure(df: pd.DataFrame, name: Callable[[str], str] | None = None) -> go.Figure:
    """Countries as nodes on a circle, relations as curved arrows weighted by count, coloured by kind."""
    name = name or places.country_name
    all_edges = alliance_edges(df)
    edges = all_edges.sort_values(["count", "supplier", "recipient", "kind"], ascending=[False, True, True, True],
                                  kind="stable").head(ALLIANCE_MAX_EDGES)
    involvement = pd.concat([edges[["supplier", "count"]].rename(columns={"supplier": "iso3"}),
                             edges[["recipient", "count"]].rename(columns={"recipient": "iso3"})])
    totals = involvement.groupby("iso3")["count"].sum().sort_values(ascending=False, kind="stable")
    position = circle_layout(sorted(totals.index, key=lambda c: (-totals[c], c)))
    fig = go.Figure()
    _add_edges(fig, edges, position)
    _add_nodes(fig, edges, totals, position, name)
    _add_kind_legend(fig, set(edges["kind"]))
    if len(all_edges) > len(edges):
        fig.update_layout(title={"text": f"The {len(edges)} strongest of {len(all_edges)} relations", "font": {"size": 12}})
    fig.update_layout(
        height=440, margin={"l": 10, "r": 10, "t": 30, "b": 10}, hovermode="closest", showlegend=True,
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0},
        xaxis={"visible": False, "range": [-1.35, 1.35]},
        yaxis={"visible": False, "range": [-1.3, 1.3], "scaleanchor": "x"},
        plot_bgcolor="rgba(0,0,0,0)",
    )
    return fig


def _add_edges(fig: go.Figure, edges: pd.DataFrame, position: dict) -> None:
    """The relations as curves, one trace per kind and line width (curves joined with gaps), and
    their arrowheads, all added at once."""
    kind_rank = {k: i for i, k in enumerate(KINDS)}
    traces: dict[tuple[str, float], tuple[list, list, list]] = {}
    arrows = []
    for supplier, recipient, kind, count in edges[["supplier", "recipient", "kind", "count"]].itertuples(index=False):
        xs, ys = _curve(position[supplier], position[recipient], bend=0.12 + 0.1 * kind_rank.get(kind, 3))
        # whole pixels: fewer distinct widths, fewer traces; Plotly's cost grows with every trace
        width = round(1 + 2 * math.log2(1 + int(count)))
        label = html.escape(f"{supplier} → {recipient}: {_plural(int(count), kind)}")
        x_all, y_all, text = traces.setdefault((kind, width), ([], [], []))
        x_all += [*xs, None]
        y_all += [*ys, None]
        text += [label] * len(xs) + [""]
        # The arrowhead sits just short of the recipient's marker, pointing along the curve's last stretch.
        arrows.append({"x": xs[-3], "y": ys[-3], "ax": xs[-6], "ay": ys[-6], "xref": "x", "yref": "y", "axref": "x",
                       "ayref": "y", "showarrow": True, "arrowhead": 2, "arrowsize": 1.2, "arrowwidth": 1.5,
                       "arrowcolor": kind_hex(kind), "text": ""})
    for (kind, width), (xs, ys, text) in traces.items():
        fig.add_trace(go.Scatter(
            x=xs, y=ys, mode="lines", name=kind, legendgroup=kind, showlegend=False,
            line={"color": kind_hex(kind), "width": width}, opacity=0.75, hoverinfo="text", text=text,
        ))
    fig.update_layout(annotations=arrows)


def _add_nodes(fig: go.Figure, edges: pd.DataFrame, totals: pd.Series, position: dict, name: Callable) -> None:
    nodes = list(position)
    supplied = edges.groupby("supplier")["count"].sum()
    received = edges.groupby("recipient")["count"].sum()
    fig.add_trace(go.Scatter(
        x=[position[n][0] for n in nodes], y=[position[n][1] for n in nodes], mode="markers+text",
        text=[html.escape(n) for n in nodes], textposition="middle center", textfont={"size": 10, "color": "#222"}, name="country",
        showlegend=False, hoverinfo="text",
        hovertext=[html.escape(f"{name(n)} ({n}): supplies {int(supplied.get(n, 0))}, "
                               f"receives {int(received.get(n, 0))}") for n in nodes],
        marker={"size": [22 + 6 * math.sqrt(int(totals[n])) for n in nodes], "color": "#f4f1e8",
                "line": {"color": "#666", "width": 1}},
    ))
