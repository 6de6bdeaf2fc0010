"""The page's panels: each renders one part of the page from what ``data``, ``filters``, ``figures``
and ``exports`` computed. Text that comes from articles is never given to Markdown (a crafted label
could link or load an image from anywhere): it goes into dataframes, or into HTML after ``html.escape``.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from datetime import date
from functools import partial
from pathlib import Path

import pandas as pd
import streamlit as st

from extract import store
from extract.articles import MAX_BYTES
from extract.limits import DEFAULT_BUDGET_SECONDS
from extract.records import CATEGORIES, CERTAINTIES, STATUSES

from . import data, evidence, exports, figures, filters, review_panels

RECORD_KEY = review_panels.RECORD_KEY
TABLES_KEY = "_tables_shown"
PREPARED_KEY = "_download_prepared"
REMOVED_KEY = "_article_removed"
# No Plotly toolbar: on a phone it covered the legends; zoom and pan still work by touch and wheel.
PLOTLY_CONFIG = {"displayModeBar": False}
RESTORED_KEY = "_filters_restored"
EXTENT_KEY = "_date_extent"
MAP_GENERATION_KEY = "_map_generation"
UPLOAD_OUTCOMES_KEY = "_upload_outcomes"
FACET_KEYS = {column: f"f_{column}" for column in filters.FACETS}
DATES_KEY, TEXT_KEY, UNDATED_KEY, PLACE_KEY = "f_dates", "f_text", "f_undated", "f_place"
FACET_TITLES = {
    "kind": "Kind", "category": "Category", "supplier": "Supplier", "recipient": "Recipient",
    "status": "Status", "certainty": "Certainty", "article_id": "Source article", "review": "Review",
}
FACET_HELP = {"review": "What an analyst made of the record. Rejected records are hidden unless you choose "
                        "“rejected” here."}
# What each column means, for the table headers' help and the About panel (after records.md).
COLUMN_HELP = {
    "record_id": "Stable id: the same article text always gives the same ids.",
    "article_id": "The article file's name without its extension.",
    "kind": "item, deployment or agreement.",
    "label": "Canonical name: a designation (Tu-160), a force (troops) or an agreement's short title.",
    "category": "Controlled vocabulary per kind: " + "; ".join(f"{k}: {', '.join(v)}" for k, v in CATEGORIES.items()),
    "supplier": "ISO 3166-1 alpha-3 of the party that provides the item, sends the force or gives the support.",
    "recipient": "ISO 3166-1 alpha-3 of the party that receives the item, hosts the force or gets the support.",
    "status": "Where the claim stands: " + ", ".join(STATUSES) + ".",
    "certainty": "How the article holds the claim: " + ", ".join(CERTAINTIES) + ".",
    "quantity": "How many, when the text gives a number.",
    "date": "YYYY, YYYY-MM or YYYY-MM-DD: when the event happens, at the precision the text gives; empty if none.",
    "location": "The most specific place the claim names, else the recipient country.",
    "lat": "Latitude of the location.",
    "lon": "Longitude of the location.",
    "sentence": "The evidence: the article's sentence that states the claim, verbatim.",
    "char_start": "Offset of the sentence's first character in the article text.",
    "char_end": "Offset just past the sentence's last character.",
    "fact_id": "The consolidated fact this record supports (the same claim across articles).",
    "date_inferred": "The date was not in the sentence but taken from the publication date.",
    "extractor_version": "Version of the extractor that produced the record.",
    "review": "unreviewed, confirmed, corrected or rejected by an analyst (the record's own review, else its fact's).",
    "review_of": "Whether the record's own review or its fact's applies.",
    "review_note": "The analyst's note.",
    "source_changed": "The evidence sentence reads otherwise than when it was reviewed: check the review again.",
}
TABLE_TABS = (("All records", None), ("Items", "item"), ("Deployments", "deployment"), ("Agreements", "agreement"))
FACT_COLUMNS = ("label", "supplier", "recipient", "status", "date", "n_articles", "n_records", "review", "kind",
                "category", "certainty", "quantity", "location", "sentence", "article_title")
# What a reader checks first leads (label, parties, status, date), so a narrow screen shows it.
TABLE_COLUMNS = ("label", "supplier", "recipient", "status", "date", "review", "kind", "category", "certainty",
                 "quantity", "location", "sentence", "date_inferred", "article_title")


# --- extraction ------------------------------------------------------------------------------------


def ensure_extracted(folder: Path, path: Path) -> None:
    """Extract the articles folder into the store first when the store is missing or out of date."""
    if not data.needs_extraction(folder, path):
        return
    with data.extraction_lock():
        if not data.needs_extraction(folder, path):
            return  # another session extracted while this one waited
        bar = st.progress(0.0, text=f"Extracting the articles in {folder.name}/ …")

        def progress(done: int, total: int) -> None:
            bar.progress(done / total if total else 1.0, text=f"Extracting article {done} of {total} …")

        summary = data.extract_articles(folder, path, progress)
        bar.empty()
    for message in summary.skipped:
        st.warning(evidence.markdown_literal(message), icon=":material/warning:")
    if summary.warnings:
        with st.expander(f"{len(summary.warnings)} notes from the extraction"):
            st.text("\n".join(summary.warnings))


# --- filters (sidebar) -----------------------------------------------------------------------------


def date_extent(df: pd.DataFrame) -> tuple[date, date] | None:
    """First and last day any dated record covers."""
    if df["date_start"].notna().any():
        return df["date_start"].min().date(), df["date_end"].max().date()
    return None


def _seed_widgets(state: filters.FilterState, extent: tuple[date, date] | None) -> None:
    """Put a filter state into the sidebar widgets' session keys (before they are drawn)."""
    for column, key in FACET_KEYS.items():
        st.session_state[key] = list(state.facet(column))
    st.session_state[TEXT_KEY] = state.text
    st.session_state[UNDATED_KEY] = state.include_undated
    st.session_state[PLACE_KEY] = state.place
    if extent:
        _seed_dates(state.date_from or extent[0], state.date_to or extent[1], extent)


def restore_from_url(tables: data.Tables) -> None:
    """On a session's first run, restore the filters and selected record that the URL names."""
    if st.session_state.get(RESTORED_KEY):
        return
    state, record_id = filters.state_from_params(st.query_params.to_dict())
    _seed_widgets(filters.restrict_to_options(state, tables.facet_options), date_extent(tables.records))
    st.session_state[RECORD_KEY] = record_id
    st.session_state[RESTORED_KEY] = True


def follow_date_extent(extent: tuple[date, date] | None) -> None:
    """When the data's date extent changes (an article was added), a range bound that sat on the old
    extent moves to the new one: "from the first record" must not turn into a filter by itself."""
    previous = st.session_state.get(EXTENT_KEY)
    st.session_state[EXTENT_KEY] = extent
    if not extent or not previous or previous == extent:
        return
    dates = tuple(st.session_state.get(DATES_KEY) or previous)
    start = extent[0] if len(dates) < 1 or dates[0] == previous[0] else dates[0]
    end = extent[1] if len(dates) < 2 or dates[1] == previous[1] else dates[1]
    _seed_dates(start, end, extent)


def _seed_dates(start: date, end: date, extent: tuple[date, date]) -> None:
    """Set the date widget's range, clamped into the extent (the widget refuses values outside it)."""
    low, high = extent
    start, end = min(max(start, low), high), max(min(end, high), low)
    st.session_state[DATES_KEY] = (start, end) if start <= end else extent


def state_from_widgets(extent: tuple[date, date] | None) -> filters.FilterState:
    """The filter state the sidebar widgets hold now; a date range equal to the data's is no filter."""
    dates = tuple(st.session_state.get(DATES_KEY) or ()) if extent else ()
    date_from = dates[0] if len(dates) > 0 and dates[0] != extent[0] else None
    date_to = dates[1] if len(dates) > 1 and dates[1] != extent[1] else None
    return filters.FilterState(
        **{column: tuple(st.session_state.get(key) or ()) for column, key in FACET_KEYS.items()},
        date_from=date_from, date_to=date_to,
        text=st.session_state.get(TEXT_KEY) or "",
        include_undated=bool(st.session_state.get(UNDATED_KEY, True)),
        place=st.session_state.get(PLACE_KEY) or "",
    )


def reset_filters(extent: tuple[date, date] | None) -> None:
    """The reset button's callback: every filter back to "all", and no record selected."""
    _seed_widgets(filters.FilterState(), extent)
    st.session_state[RECORD_KEY] = None


def _option_labels(column: str, tables: data.Tables, values: list[str]) -> dict[str, str]:
    """Readable names for facet values: a country's name beside its code, an article's title."""
    if column in ("supplier", "recipient"):
        return {iso: data.country_label(iso) for iso in values}
    if column == "article_id":
        titles = dict(zip(tables.articles["article_id"], tables.articles["title"], strict=True))
        return {aid: _short(titles.get(aid) or aid, 48) for aid in values}
    return {}


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def render_filters(tables: data.Tables) -> filters.FilterState:
    """The sidebar: one multiselect per facet with Datasette-style counts, dates, search, reset."""
    df = tables.records
    extent = date_extent(df)
    restore_from_url(tables)
    follow_date_extent(extent)
    current = state_from_widgets(extent)
    options = tables.facet_options
    counts_by_facet = filters.counts_under_other_facets(df, current)
    with st.sidebar:
        st.header("Filters")
        st.button("Reset all filters", on_click=reset_filters, args=(extent,), disabled=current.is_default(),
                  width="stretch", key="reset_filters")
        st.text_input("Search label and sentence", key=TEXT_KEY, placeholder="e.g. S-300, troops, Kursk")
        for column in filters.FACETS:
            if not options[column]:
                continue
            labels = _option_labels(column, tables, options[column])
            st.multiselect(FACET_TITLES[column], options[column], key=FACET_KEYS[column],
                           placeholder="All but rejected" if column == "review" else "All", help=FACET_HELP.get(column),
                           format_func=partial(_format_option, counts=counts_by_facet[column], labels=labels))
        if extent:
            st.date_input("Date range", min_value=extent[0], max_value=extent[1], key=DATES_KEY,
                          help="A record dated 2019 or 2019-05 is kept when its year or month overlaps the range.")
        st.toggle("Include undated records", key=UNDATED_KEY)
        undated = int(df["date_start"].isna().sum())
        if (current.date_from or current.date_to) and current.include_undated and undated:
            # a date range reads as "only these years"; say that the undated ones are still in
            st.caption(f"The {undated:,} undated records are kept: they may be from any year. Switch "
                       "“Include undated records” off to see only records dated in the range.")
        if current.place:
            st.markdown("**Place** (chosen on the map)")
            st.button(f"{_place_name(tables, current.place)} ✕", key="clear_place", on_click=_clear_place,
                      help="Show every place again.", width="stretch")
    return state_from_widgets(extent)


def _format_option(value: str, counts: dict[str, int], labels: dict[str, str]) -> str:
    return filters.format_option(value, counts, labels.get(value))


def sync_query_params(state: filters.FilterState) -> None:
    """Keep the URL in step with the view, so that copying it shares exactly what is on screen."""
    params = filters.state_to_params(state, st.session_state.get(RECORD_KEY))
    if st.query_params.to_dict() != params:
        st.query_params.from_dict(params)


# --- summary, map, charts --------------------------------------------------------------------------


def render_summary(tables: data.Tables, filtered: pd.DataFrame, facts: pd.DataFrame) -> None:
    if tables.records.empty:
        st.info("The store holds no records yet: add articles in the *Add articles* tab.")
        return
    total, shown = len(tables.records), len(filtered)
    articles = filtered["article_id"].nunique()
    st.caption(f"{len(facts):,} facts ({shown:,} of {total:,} records) from {articles:,} of {len(tables.articles):,} "
               "articles. A fact is one claim, however many sentences and articles tell it; every count, arc "
               "and node is by fact. "
               "The address bar holds the filters and the selected record: copy it to share this view.")


def _place_name(tables: data.Tables, key: str) -> str:
    """A place filter's name: the most frequent location at it, else its coordinates."""
    names = filters.at_place(tables.records, key)["location"]
    names = names[names != ""]
    return names.value_counts().index[0] if not names.empty else key


def _clear_place() -> None:
    st.session_state[PLACE_KEY] = ""


def render_map(df: pd.DataFrame) -> None:
    """The map of the facts, with its legend. Clicking a place filters every view to it; clicking
    an arc filters to its supplier → recipient pair (both land in the sidebar and the URL)."""
    generation = st.session_state.get(MAP_GENERATION_KEY, 0)
    key = f"map_{generation}"
    deck = figures.build_map_deck(df, data.load_outlines())
    st.pydeck_chart(deck, on_select=partial(_filter_by_map_click, key), selection_mode="single-object", key=key,
                    height=460)
    hidden = max(0, len(figures.pair_counts(df)) - figures.MAP_MAX_ARCS)
    points = figures.place_points(df)
    st.html(figures.map_legend_html(max((p["count"] for p in points), default=1), hidden))
    st.caption("Click a place to see only its facts, or an arc for its supplier → recipient pair.")


def _filter_by_map_click(key: str) -> None:
    """The map's selection callback: the clicked place or pair becomes a filter of every view. A
    fresh map key then draws the map unselected (a chart's selection cannot be set from Python)."""
    objects = st.session_state[key].selection.get("objects", {}) or {}
    picked = [obj for layer in objects.values() for obj in layer]
    if not picked:
        return
    obj = picked[0]
    if obj.get("supplier") and obj.get("recipient"):
        st.session_state[FACET_KEYS["supplier"]] = [obj["supplier"]]
        st.session_state[FACET_KEYS["recipient"]] = [obj["recipient"]]
    elif obj.get("place"):
        st.session_state[PLACE_KEY] = obj["place"]
    st.session_state[MAP_GENERATION_KEY] = st.session_state.get(MAP_GENERATION_KEY, 0) + 1


def render_timeline(df: pd.DataFrame) -> None:
    undated = int(df["date_start"].isna().sum())
    st.plotly_chart(figures.build_timeline_figure(df), key="timeline", width="stretch", config=PLOTLY_CONFIG)
    st.caption("Bars span a year or a month when that is all the article says; points are exact days. "
               "Shape or hatching shows certainty." + (f" {undated} undated facts are not drawn." if undated else ""))


def render_alliances(df: pd.DataFrame) -> None:
    st.plotly_chart(figures.build_alliance_figure(df), key="alliances", width="stretch", config=PLOTLY_CONFIG)
    st.caption("Arrows run from supplier to recipient; thicker means more facts.")


# --- tables, downloads, evidence -------------------------------------------------------------------


def _column_config() -> dict:
    cc = st.column_config
    text = {c: cc.TextColumn(c.replace("_", " ").capitalize(), help=COLUMN_HELP.get(c)) for c in TABLE_COLUMNS}
    return {
        **text,
        "label": cc.TextColumn("Label", help=COLUMN_HELP["label"]),
        "article_title": cc.TextColumn("Article", help="The title of the article the record comes from."),
        "quantity": cc.NumberColumn("Quantity", help=COLUMN_HELP["quantity"], format="%d"),
        "date_inferred": cc.CheckboxColumn("Date inferred", help=COLUMN_HELP["date_inferred"]),
        "sentence": cc.TextColumn("Evidence sentence", help=COLUMN_HELP["sentence"], width="large"),
        "n_articles": cc.NumberColumn("Sources", help="How many articles tell this fact.", format="%d"),
        "n_records": cc.NumberColumn("Records", help="How many sentences (records) tell this fact.", format="%d"),
    }


def _table_key(name: str, view_key: str) -> str:
    """A table's widget key, new whenever its rows are: a tick kept by row position could
    otherwise land on another record after a filter change."""
    return f"table_{name}_{hashlib.sha1(view_key.encode('utf-8')).hexdigest()[:10]}"


def select_record(record_id: str | None) -> None:
    """Make ``record_id`` the selected record (None: no selection) and tick it, by id, in every table
    on the page, or untick them: the tables, the Evidence panel and the URL hold the same record."""
    st.session_state[RECORD_KEY] = record_id
    for key, record_ids in st.session_state.get(TABLES_KEY, {}).items():
        rows = [record_ids.index(record_id)] if record_id in record_ids else []
        st.session_state[key] = {"selection": {"rows": rows, "columns": [], "cells": []}}


def _on_table_select(key: str, record_ids: list[str]) -> None:
    """A table's selection callback: the ticked row's record becomes the selected record everywhere."""
    rows = st.session_state[key].selection.rows
    select_record(record_ids[rows[0]] if rows else None)


def _record_table(df: pd.DataFrame, key: str, columns: tuple[str, ...] = TABLE_COLUMNS) -> None:
    record_ids = df["record_id"].tolist()
    st.session_state.setdefault(TABLES_KEY, {})[key] = record_ids
    selected = st.session_state.get(RECORD_KEY)
    default = {"selection": {"rows": [record_ids.index(selected)] if selected in record_ids else []}}
    st.dataframe(df, key=key, hide_index=True, column_order=columns, column_config=_column_config(), placeholder="",
                 on_select=partial(_on_table_select, key, record_ids), selection_mode="single-row",
                 selection_default=default, height=min(420, 38 + 35 * max(len(df), 1)))


def forget_tables() -> None:
    """At the start of a run: the tables drawn on it register themselves again (see select_record)."""
    st.session_state[TABLES_KEY] = {}


def render_tables(df: pd.DataFrame, facts: pd.DataFrame, state: filters.FilterState, data_key: str) -> None:
    """The facts first, then all records and one tab per kind, each with downloads of exactly its rows."""
    # Labels without counts: a label that changes with the filters makes Streamlit open the first tab
    # again, so a reader on Items would be thrown back to Facts by every filter change.
    tabs = st.tabs(["Facts"] + [title for title, _ in TABLE_TABS], key="table_tabs")
    with tabs[0]:
        st.caption(f"{len(facts):,} facts; a fact lists how many articles (Sources) and sentences (Records) tell it. "
                   "Select one to read every sentence that tells it.")
        view_key = f"{data_key}|facts|{json.dumps(filters.state_to_params(state), sort_keys=True)}"
        _record_table(facts, key=_table_key("facts", view_key), columns=FACT_COLUMNS)
        _facts_download(facts, df, state, view_key)
    for tab, (_, kind) in zip(tabs[1:], TABLE_TABS, strict=True):
        rows = df if kind is None else df[df["kind"] == kind]
        tab_state = state if kind is None else replace(state, kind=(kind,))
        columns = TABLE_COLUMNS if kind is None else tuple(c for c in TABLE_COLUMNS if c != "kind")
        view_key = f"{data_key}|{json.dumps(filters.state_to_params(tab_state), sort_keys=True)}"
        with tab:
            st.caption(f"{len(rows):,} record{'s' if len(rows) != 1 else ''}: one per sentence that makes a claim.")
            _record_table(rows, key=_table_key(kind or "all", view_key), columns=columns)
            _downloads(rows, tab_state, kind or "all", view_key)


# Up to this many rows the download files are made with the page (and cached per view), so a click
# only fetches bytes that exist: a file made on click could be dropped by a rerun racing the click
# ("Deferred file … not found"). Larger files take a second click to prepare; 2,000 rows cost
# ~0.1 s to write as CSV and GeoJSON.
INLINE_DOWNLOAD_ROWS = 2_000


@st.cache_data(show_spinner=False, max_entries=64)
def _export_bytes(view_key: str, fmt: str, _rows: pd.DataFrame) -> bytes:
    """One view's file; ``view_key`` (store versions and filters) is the cache key."""
    return exports.records_csv(_rows) if fmt == "csv" else exports.records_geojson(_rows)


def _downloads(rows: pd.DataFrame, state: filters.FilterState, name: str, view_key: str) -> None:
    """CSV and GeoJSON of exactly ``rows``: bytes made with the page, or after a "Prepare" click."""
    prepared_key = f"{PREPARED_KEY}_{name}"
    ready = len(rows) <= INLINE_DOWNLOAD_ROWS or st.session_state.get(prepared_key) == view_key
    left, right, _ = st.columns([1, 1, 3])
    if not ready:
        left.button(f"Prepare CSV and GeoJSON ({len(rows):,} rows)", key=f"prepare_{name}", icon=":material/download:",
                    on_click=st.session_state.__setitem__, args=(prepared_key, view_key),
                    help="Large files are written on request: a few seconds for 100,000 rows.")
        return
    left.download_button(f"CSV ({len(rows)} rows)", _export_bytes(view_key, "csv", rows), key=f"csv_{name}",
                         mime="text/csv", file_name=filters.export_filename(state, ext="csv"),
                         icon=":material/download:", on_click="ignore")
    right.download_button("GeoJSON", _export_bytes(view_key, "geojson", rows), key=f"geojson_{name}",
                          mime="application/geo+json", file_name=filters.export_filename(state, ext="geojson"),
                          icon=":material/public:", on_click="ignore")


@st.cache_data(show_spinner=False, max_entries=16)
def _facts_bytes(view_key: str, _facts: pd.DataFrame, _records: pd.DataFrame) -> bytes:
    return exports.facts_csv(_facts, _records)


def _facts_download(facts: pd.DataFrame, records: pd.DataFrame, state: filters.FilterState, view_key: str) -> None:
    """The facts as CSV: made with the page up to INLINE_DOWNLOAD_ROWS, else on a Prepare click."""
    prepared_key = f"{PREPARED_KEY}_facts"
    if len(records) > INLINE_DOWNLOAD_ROWS and st.session_state.get(prepared_key) != view_key:
        st.button(f"Prepare the facts CSV ({len(facts):,} facts)", key="prepare_facts", icon=":material/download:",
                  on_click=st.session_state.__setitem__, args=(prepared_key, view_key))
        return
    st.download_button(f"Facts CSV ({len(facts)} facts)", _facts_bytes(view_key, facts, records), key="csv_facts",
                       mime="text/csv", file_name=filters.export_filename(state, prefix="facts", ext="csv"),
                       icon=":material/download:", on_click="ignore")


def render_evidence(tables: data.Tables, filtered: pd.DataFrame, path: Path) -> None:
    """The selected record's article, with the evidence sentence marked, what corroborates it, and
    the form to review it. A record the filters exclude is named as such, with a way to clear it."""
    record_id = st.session_state.get(RECORD_KEY)
    if not record_id:
        st.caption("Select a row in a table to read its evidence in the article and review it.")
        return
    match = tables.records[tables.records["record_id"] == record_id]
    if match.empty:
        st.info("The selected record is not in the store any more.")
        st.button("Clear selection", on_click=select_record, args=(None,), key="clear_record")
        return
    row = match.iloc[0]
    st.subheader("Evidence")
    if not filtered["record_id"].eq(record_id).any():
        st.warning(f"The selected record ({evidence.markdown_literal(row['label'])}, {row['review']}) is not among "
                   "the filtered records: "
                   "the filters changed since it was selected, or the link names a record they exclude.",
                   icon=":material/filter_alt_off:")
        st.button("Clear selection", on_click=select_record, args=(None,), key="clear_record", type="primary")
        with st.expander("Show its evidence anyway"):
            _evidence_body(tables, row, path)
        return
    _evidence_body(tables, row, path)
    st.button("Clear selection", on_click=select_record, args=(None,), key="clear_record")


def _evidence_body(tables: data.Tables, row: pd.Series, path: Path) -> None:
    article = evidence.article_of(tables, row["article_id"])
    st.html(evidence.evidence_header(row, article))
    st.html(evidence.highlighted(article.get("text", ""), int(row["char_start"]), int(row["char_end"]), row["sentence"]))
    with st.expander("Full article text"):
        st.text(article.get("text", ""))
    others = evidence.corroborating(tables, row)
    if not others.empty:
        st.html(evidence.corroboration_list(row, others))
    review_panels.render_review_form(tables, row, path, prefix="evidence")


# --- adding articles -------------------------------------------------------------------------------


def _ingest_uploaded_files(path: Path) -> None:
    """The upload form's callback (callbacks run before the page, so the page shows the new records)."""
    files = st.session_state.get("upload_files") or []
    st.session_state[UPLOAD_OUTCOMES_KEY] = data.ingest_uploads([(f.name, f.getvalue()) for f in files], path)


def _ingest_pasted_text(path: Path) -> None:
    text = st.session_state.get("paste_text") or ""
    published = st.session_state.get("paste_published")
    meta = {
        "title": (st.session_state.get("paste_title") or "").strip(),
        "published": published.isoformat() if published else "",
        "source": (st.session_state.get("paste_source") or "").strip(),
        "url": (st.session_state.get("paste_url") or "").strip(),
    }
    if not text.strip():  # refused here: a name made from the digest of nothing means nothing to the reader
        st.session_state[UPLOAD_OUTCOMES_KEY] = [data.UploadOutcome("pasted text", False, "pasted text: empty file, nothing added")]
        return
    name = data.pasted_name(text)
    st.session_state[UPLOAD_OUTCOMES_KEY] = data.ingest_uploads([(name, text.encode("utf-8"))], path, meta)


def render_add_articles(path: Path) -> None:
    """Upload files or paste text; each goes through the extractor, and a refused one changes nothing."""
    st.caption(f"Each article goes through the extractor into the store. A file that is empty, binary, not UTF-8, "
               f"over {MAX_BYTES / 1_000_000:g} MB or longer than {DEFAULT_BUDGET_SECONDS:g} s to extract is refused "
               f"with the reason, and the store is left as it was. A name already stored with other text gets a new id.")
    for outcome in st.session_state.pop(UPLOAD_OUTCOMES_KEY, []):
        (st.success if outcome.ok else st.error)(evidence.markdown_literal(outcome.message))
    with st.form("upload_form", clear_on_submit=True):
        st.file_uploader("Article files (.txt, .md, .html)", type=["txt", "md", "html"], accept_multiple_files=True,
                         key="upload_files")
        st.form_submit_button("Add files", on_click=_ingest_uploaded_files, args=(path,), type="primary")
    with st.form("paste_form", clear_on_submit=True):
        st.text_input("Title", key="paste_title")
        left, mid, right = st.columns(3)
        left.date_input("Published", value=None, key="paste_published", format="YYYY-MM-DD",
                        help="Relative dates in the text (last month, on Wednesday) are resolved against it.")
        mid.text_input("Source", key="paste_source", placeholder="e.g. Reuters")
        right.text_input("URL", key="paste_url")
        st.text_area("Article text", key="paste_text", height=220)
        st.form_submit_button("Add pasted article", on_click=_ingest_pasted_text, args=(path,), type="primary")


def render_articles(tables: data.Tables, path: Path) -> None:
    """The stored articles, newest first, each with its records; one can be removed after a confirmation."""
    st.subheader("Stored articles")
    if tables.articles.empty:
        st.caption("No articles yet.")
        return
    counts = tables.records.groupby("article_id").size()
    listing = tables.articles.assign(records=tables.articles["article_id"].map(counts).fillna(0).astype(int))
    listing = listing.sort_values(["extracted_at", "article_id"], ascending=[False, True], kind="stable")
    st.dataframe(listing, hide_index=True, key="articles_list",
                 column_order=("title", "source", "published", "records", "extracted_at", "article_id"),
                 column_config={"extracted_at": st.column_config.TextColumn("Added"),
                                "article_id": st.column_config.TextColumn("Article id"),
                                "records": st.column_config.NumberColumn("Records", format="%d")})
    titles = dict(zip(listing["article_id"], listing["title"], strict=True))
    chosen = st.selectbox("Article", listing["article_id"].tolist(), index=None, key="article_chosen",
                          placeholder="Choose an article to see its records or remove it",
                          format_func=lambda a: _short(titles.get(a) or a, 90))
    message = st.session_state.pop(REMOVED_KEY, None)
    if message:
        st.success(evidence.markdown_literal(message))
    if chosen:
        _render_article(tables, path, chosen, titles.get(chosen) or chosen)


def _render_article(tables: data.Tables, path: Path, article_id: str, title: str) -> None:
    rows = tables.records[tables.records["article_id"] == article_id]
    st.dataframe(rows, hide_index=True, column_order=("label", "supplier", "recipient", "status", "date", "review",
                                                      "sentence"), column_config=_column_config())
    sure = st.checkbox(f"Yes, remove this article and its {len(rows)} records from the store", key=f"sure_{article_id}",
                       help="Its reviews are kept (flagged as missing), in case it comes back. An article of the "
                            "articles folder comes back the next time the folder is extracted: remove its file too.")
    st.button("Remove the article", key="remove_article", disabled=not sure, type="primary",
              on_click=_remove_article, args=(path, article_id, title))


def _remove_article(path: Path, article_id: str, title: str) -> None:
    removed = data.remove_article(path, article_id)
    st.session_state["article_chosen"] = None
    st.session_state[REMOVED_KEY] = f"Removed “{title}” and its {removed} records."


# --- about -----------------------------------------------------------------------------------------


def score_table(scores: list[data.Score]) -> pd.DataFrame:
    """One row per measured set, strict F1 first: the figure that counts a record right only with its
    parties, status and date right."""
    return pd.DataFrame({
        "measured on": [s.title for s in scores],
        "strict F1": [s.figures.get("strict_f1") for s in scores],
        "F1": [s.figures.get("f1") for s in scores],
        "precision": [s.figures.get("precision") for s in scores],
        "recall": [s.figures.get("recall") for s in scores],
        "gold records": [s.figures.get("gold") for s in scores],
        "date": [s.measured for s in scores],
        "extractor": [s.extractor_version for s in scores],
    })


def render_scores(scores: list[data.Score]) -> None:
    """How well the extractor does, real text first; says plainly when real text was not measured."""
    st.markdown("**How well the extractor does**")
    real = next((s for s in scores if s.name == "real"), None)
    if real:
        st.markdown(f"On real news text: **strict F1 {real.figures.get('strict_f1', 0):.2f}**, "
                    f"F1 {real.figures['f1']:.2f} ({real.figures.get('gold', '?')} hand-coded records; {real.measured}).")
    else:
        st.warning("Not measured on real news text yet (no data/real_score.json): the figures below come from "
                   "text written for the project and from the seeds, and say little about real articles.",
                   icon=":material/info:")
    if not scores:
        st.markdown("No score files in data/: not measured.")
        return
    st.dataframe(score_table(scores), hide_index=True, column_config={
        c: st.column_config.NumberColumn(c, format="%.2f") for c in ("strict F1", "F1", "precision", "recall")})
    st.caption("Scored by the project's scorer (make score): a record counts when a hand-coded one of the same "
               "kind and category stands in the same sentence; strict F1 also needs its supplier, recipient, status "
               "and date right. The seeds score highest because the rules were written on them. The date and "
               "extractor version are the score file's own; a file without them shows the day it was committed.")


def render_about(tables: data.Tables, path: Path) -> None:
    """What is in the store, when it was extracted, how well the extractor scores, what columns mean."""
    counts = st.columns(3)
    counts[0].metric("Articles", f"{len(tables.articles):,}")
    counts[1].metric("Records", f"{len(tables.records):,}")
    counts[2].metric("Facts (claims across articles)", f"{len(tables.facts):,}")
    extracted = store.updated_at(path).replace("T", " ").replace("+00:00", " UTC") or "never"
    st.markdown(f"**Extracted:** {extracted} · **Store:** `{path}`")
    render_scores(data.load_scores(str(data.SCORES_DIR)))
    st.markdown("**What the columns mean**")
    st.table(pd.DataFrame({"meaning": list(COLUMN_HELP.values())}, index=pd.Index(list(COLUMN_HELP), name="column")))
