"""Filters shared by every view: the filter state, facet counts, applying it to the records, and its
round trip through the URL's query parameters. Pure functions: no Streamlit here.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date

import pandas as pd

# Facet columns, in the order the sidebar shows them.
FACETS = ("kind", "category", "supplier", "recipient", "status", "certainty", "article_id", "review")
# Shorter names for the URL: a shared link stays readable.
PARAM_NAMES = {
    "kind": "kind", "category": "category", "supplier": "supplier", "recipient": "recipient",
    "status": "status", "certainty": "certainty", "article_id": "article", "review": "review",
}
# An analyst's rejection hides a record from every view unless the Review filter asks for rejected ones.
REJECTED = "rejected"
PARAM_FROM, PARAM_TO, PARAM_TEXT, PARAM_UNDATED, PARAM_RECORD = "from", "to", "q", "undated", "record"
PARAM_PLACE = "place"
# A place is named by its coordinates rounded to this many decimals (~10 m), as the map groups them.
PLACE_DIGITS = 4
# Values in a list parameter are joined with a comma: no facet value (vocabulary words, ISO codes,
# article file names) contains one, and `?kind=item,agreement` reads better than repeated keys.
LIST_SEPARATOR = ","
# File systems and browsers cope with names far longer, but a name that fills a dialog helps no one.
MAX_FILENAME_CHARS = 120
_UNSAFE_FILENAME_CHARS = re.compile(r"[^A-Za-z0-9.+-]+|-{2,}")


@dataclass(frozen=True)
class FilterState:
    """What the reader filtered on; the default state keeps every record."""

    kind: tuple[str, ...] = ()
    category: tuple[str, ...] = ()
    supplier: tuple[str, ...] = ()
    recipient: tuple[str, ...] = ()
    status: tuple[str, ...] = ()
    certainty: tuple[str, ...] = ()
    article_id: tuple[str, ...] = ()
    review: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    text: str = ""
    include_undated: bool = True
    place: str = ""  # "lat,lon" of a map marker the reader clicked

    def facet(self, column: str) -> tuple[str, ...]:
        """The values chosen for a facet column (empty: all)."""
        return getattr(self, column)

    def without(self, column: str) -> FilterState:
        """This state with one facet cleared: the base for that facet's own counts."""
        return replace(self, **{column: ()})

    def is_default(self) -> bool:
        return self == FilterState()


def facet_counts(df: pd.DataFrame, column: str) -> dict[str, int]:
    """Value -> number of records, most frequent first (ties by value); empty values are left out."""
    if column not in df.columns:
        return {}  # records read straight from the store have no review column yet
    values = df[column].fillna("").astype(str)
    counts = values[values != ""].value_counts()
    ranked = counts.rename_axis("value").reset_index(name="n").sort_values(["n", "value"], ascending=[False, True])
    return dict(zip(ranked["value"].tolist(), ranked["n"].tolist(), strict=True))


def facet_options(df: pd.DataFrame) -> dict[str, list[str]]:
    """Every value of each facet in the store, most frequent first: the options never vanish as
    other filters narrow the records, only their counts change."""
    return {column: list(facet_counts(df, column)) for column in FACETS}


def counts_under_other_facets(df: pd.DataFrame, state: FilterState) -> dict[str, dict[str, int]]:
    """Each facet's counts among the records that pass every filter but its own, Datasette-style:
    choosing RUS as supplier still shows how many records the other suppliers have."""
    masks = _masks(df, state)
    counts = {}
    for column in (c for c in FACETS if c in df.columns):
        keep = _combine((mask for name, mask in masks.items() if name != column), df.index)
        counts[column] = facet_counts(df.loc[keep, [column]], column)
    return counts


def format_option(value: str, counts: Mapping[str, int], label: str | None = None) -> str:
    """A facet option as the sidebar shows it, Datasette-style: ``RUS (12)``."""
    return f"{label or value} ({counts.get(value, 0)})"


def apply_filters(df: pd.DataFrame, state: FilterState) -> pd.DataFrame:
    """The records that pass every filter in ``state``, in their original order."""
    return df[_combine(_masks(df, state).values(), df.index)]


def _masks(df: pd.DataFrame, state: FilterState) -> dict[str, pd.Series]:
    """One boolean mask per filter in use: each chosen facet (by column name), dates, and search."""
    masks = {column: df[column].isin(state.facet(column)) for column in FACETS
             if state.facet(column) and column in df.columns}
    if "review" in df.columns and REJECTED not in state.review:
        hidden = df["review"] == REJECTED
        masks["review"] = masks["review"] & ~hidden if "review" in masks else ~hidden
    masks["dates"] = _date_mask(df, state)
    if state.place:
        masks["place"] = _place_mask(df, state.place)
    if state.text.strip():
        needle = state.text.strip()
        masks["text"] = df["label"].str.contains(needle, case=False, regex=False, na=False) | df["sentence"].str.contains(
            needle, case=False, regex=False, na=False
        )
    return masks


def parse_place(value: str) -> tuple[float, float] | None:
    """``10.4806,-66.9036`` as (lat, lon), or None when it is not a position."""
    try:
        lat, lon = (float(v) for v in value.split(","))
    except ValueError:
        return None
    return (lat, lon) if -90 <= lat <= 90 and -180 <= lon <= 180 else None


def at_place(df: pd.DataFrame, value: str) -> pd.DataFrame:
    """The rows at a place named ``lat,lon`` (as the map's markers name theirs)."""
    return df[_place_mask(df, value)]


def _place_mask(df: pd.DataFrame, value: str) -> pd.Series:
    position = parse_place(value)
    if position is None:
        return pd.Series(False, index=df.index)
    return ((df["lat"].round(PLACE_DIGITS) - position[0]).abs() < 1e-9) & (
        (df["lon"].round(PLACE_DIGITS) - position[1]).abs() < 1e-9)


def _combine(masks: Iterable[pd.Series], index: pd.Index) -> pd.Series:
    keep = pd.Series(True, index=index)
    for mask in masks:
        keep &= mask
    return keep


def _date_mask(df: pd.DataFrame, state: FilterState) -> pd.Series:
    """Dated records whose span overlaps the chosen range; undated ones only when the toggle says so.

    A record dated `2019` spans the whole year, so it overlaps any range that touches 2019.
    """
    dated = df["date_start"].notna()
    keep = dated.copy()
    if state.date_from is not None:
        keep &= df["date_end"] >= pd.Timestamp(state.date_from)
    if state.date_to is not None:
        keep &= df["date_start"] <= pd.Timestamp(state.date_to)
    return keep | (~dated & state.include_undated)


def date_span(value: str) -> tuple[pd.Timestamp | None, pd.Timestamp | None, str]:
    """(first day, last day, precision) of a contract date: `2019` spans the year, `2019-05` the month.

    >>> date_span("2019-05")
    (Timestamp('2019-05-01 00:00:00'), Timestamp('2019-05-31 00:00:00'), 'month')
    """
    value = (value or "").strip()
    try:
        if re.fullmatch(r"\d{4}", value):
            start = pd.Timestamp(year=int(value), month=1, day=1)
            return start, start + pd.offsets.YearEnd(0), "year"
        if re.fullmatch(r"\d{4}-\d{2}", value):
            start = pd.Timestamp(value + "-01")
            return start, start + pd.offsets.MonthEnd(0), "month"
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            day = pd.Timestamp(value)
            return day, day, "day"
    except ValueError:
        pass  # an impossible date (2019-13) is treated as no date rather than stopping the page
    return None, None, ""


def restrict_to_options(state: FilterState, options: Mapping[str, Iterable[str]]) -> FilterState:
    """Drop facet values the store does not hold (a link shared before the data changed)."""
    changes = {}
    for column in FACETS:
        allowed = set(options.get(column, ()))
        changes[column] = tuple(v for v in state.facet(column) if v in allowed)
    return replace(state, **changes)


def state_to_params(state: FilterState, record_id: str | None = None) -> dict[str, str]:
    """The query parameters that restore ``state`` (defaults are left out, so the URL stays short)."""
    params: dict[str, str] = {}
    for column in FACETS:
        if state.facet(column):
            params[PARAM_NAMES[column]] = LIST_SEPARATOR.join(state.facet(column))
    if state.date_from:
        params[PARAM_FROM] = state.date_from.isoformat()
    if state.date_to:
        params[PARAM_TO] = state.date_to.isoformat()
    if state.text.strip():
        params[PARAM_TEXT] = state.text.strip()
    if not state.include_undated:
        params[PARAM_UNDATED] = "0"
    if state.place:
        params[PARAM_PLACE] = state.place
    if record_id:
        params[PARAM_RECORD] = record_id
    return params


def state_from_params(params: Mapping[str, str]) -> tuple[FilterState, str | None]:
    """The filter state and selected record a URL names; malformed values are ignored, not fatal."""
    values: dict[str, object] = {}
    for column in FACETS:
        raw = params.get(PARAM_NAMES[column], "")
        values[column] = tuple(dict.fromkeys(v.strip() for v in raw.split(LIST_SEPARATOR) if v.strip()))
    values["date_from"] = _parse_day(params.get(PARAM_FROM, ""))
    values["date_to"] = _parse_day(params.get(PARAM_TO, ""))
    values["text"] = params.get(PARAM_TEXT, "").strip()
    values["include_undated"] = params.get(PARAM_UNDATED, "1") not in ("0", "false", "no")
    values["place"] = params.get(PARAM_PLACE, "").strip() if parse_place(params.get(PARAM_PLACE, "")) else ""
    return FilterState(**values), (params.get(PARAM_RECORD) or None)


def _parse_day(value: str) -> date | None:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        return None


def export_filename(state: FilterState, prefix: str = "records", ext: str = "csv") -> str:
    """A file name that says what was filtered: ``records_kind-item_supplier-RUS.csv``.

    Names that would run too long keep their readable start and end in a short hash of the rest,
    so two different filters never share a name.
    """
    parts = [prefix]
    for column in FACETS:
        if state.facet(column):
            parts.append(f"{PARAM_NAMES[column]}-{'+'.join(state.facet(column))}")
    if state.date_from:
        parts.append(f"from-{state.date_from.isoformat()}")
    if state.date_to:
        parts.append(f"to-{state.date_to.isoformat()}")
    if state.text.strip():
        parts.append(f"q-{state.text.strip()}")
    if not state.include_undated:
        parts.append("dated-only")
    if state.place:
        parts.append(f"place-{state.place}")
    stem = "_".join(_UNSAFE_FILENAME_CHARS.sub("-", part).strip("-") for part in parts)
    if len(stem) > MAX_FILENAME_CHARS:
        digest = hashlib.sha1(stem.encode("utf-8")).hexdigest()[:8]
        stem = f"{stem[: MAX_FILENAME_CHARS - 9]}-{digest}"
    return f"{stem}.{ext}"

