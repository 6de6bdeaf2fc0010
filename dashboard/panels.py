"""The page's panels: each renders one part of the page from what ``data``, ``filters``, ``figures``
and ``exports`` computed. Text that comes from articles is never given to Markdown (a crafted label
could link or load an image from anywhere): it goes into dataframes, or into HTML after ``html.escape``.
"""

from __future__ import annotations

import html
import re
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

from . import data, exports, figures, filters

RECORD_KEY = "record"
RESTORED_KEY = "_filters_restored"
EXTENT_KEY = "_date_extent"
MAP_GENERATION_KEY = "_map_generation"
UPLOAD_OUTCOMES_KEY = "_upload_outcomes"
FACET_KEYS = {column: f"f_{column}" for column in filters.FACETS}
DATES_KEY, TEXT_KEY, UNDATED_KEY = "f_dates", "f_text", "f_undated"
FACET_TITLES = {
    "kind": "Kind", "category": "Category", "supplier": "Supplier", "recipient": "Recipient",
    "status": "Status", "certainty": "Certainty", "article_id": "Source article",
}
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
}
TABLE_TABS = (("All records", None), ("Items", "item"), ("Deployments", "deployment"), ("Agreements", "agreement"))
TABLE_COLUMNS = ("label", "kind", "category", "supplier", "recipient", "status", "certainty", "date", "quantity",
                 "location", "sentence", "date_inferred", "article_id")
# Characters of article text shown around the evidence sentence; the full text is one click away.
CONTEXT_CHARS = 700


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def literal(text: str) -> str:
    """Text from a user (a file name, a message quoting it) as one Markdown code span, for the
    Markdown bodies of st.success/st.error/st.warning: shown as typed, never as a link, an image or
    formatting. The fence is longer than any run of backticks in the text, as CommonMark requires."""
    text = " ".join(str(text).splitlines())
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    return f"{fence} {text} {fence}"  # CommonMark drops one space each side; the spaces let ` start or end it


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
        st.warning(literal(message), icon=":material/warning:")
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
            st.multiselect(FACET_TITLES[column], options[column], key=FACET_KEYS[column], placeholder="All",
                           format_func=partial(_format_option, counts=counts_by_facet[column], labels=labels))
        if extent:
            st.date_input("Date range", min_value=extent[0], max_value=extent[1], key=DATES_KEY,
                          help="A record dated 2019 or 2019-05 is kept when its year or month overlaps the range.")
        st.toggle("Include undated records", key=UNDATED_KEY)
    return state_from_widgets(extent)


def _format_option(value: str, counts: dict[str, int], labels: dict[str, str]) -> str:
    return filters.format_option(value, counts, labels.get(value))


def sync_query_params(state: filters.FilterState) -> None:
    """Keep the URL in step with the view, so that copying it shares exactly what is on screen."""
    params = filters.state_to_params(state, st.session_state.get(RECORD_KEY))
    if st.query_params.to_dict() != params:
        st.query_params.from_dict(params)


# --- summary, map, charts --------------------------------------------------------------------------


def render_summary(tables: data.Tables, filtered: pd.DataFrame) -> None:
    if tables.records.empty:
        st.info("The store holds no records yet: add articles in the *Add articles* tab.")
        return
    total, shown = len(tables.records), len(filtered)
    articles = filtered["article_id"].nunique()
    st.caption(f"{shown:,} of {total:,} records from {articles:,} of {len(tables.articles):,} articles. "
               "The address bar holds the filters and the selected record: copy it to share this view.")


def render_map(df: pd.DataFrame) -> None:
    """The map; clicking a place or an arc lists its records underneath."""
    generation = st.session_state.get(MAP_GENERATION_KEY, 0)
    deck = figures.build_map_deck(df, data.load_outlines())
    event = st.pydeck_chart(deck, on_select="rerun", selection_mode="single-object", key=f"map_{generation}",
                            height=460)
    chosen = _picked_records(df, event)
    if not chosen.empty:
        st.caption(f"{len(chosen)} record{'s' if len(chosen) != 1 else ''} at the selected point or arc "
                   "(select a row to see its evidence)")
        _record_table(chosen, key="map_records", columns=("label", "kind", "status", "certainty", "date", "sentence"))
        st.button("Clear map selection", on_click=_clear_map_selection)


def _picked_records(df: pd.DataFrame, event) -> pd.DataFrame:
    """The records behind the map objects the reader clicked (points and arcs carry their keys)."""
    objects = (getattr(event, "selection", None) or {}).get("objects", {}) or {}
    picked = [figures.map_object_records(df, obj) for layer in objects.values() for obj in layer]
    return pd.concat(picked).drop_duplicates("record_id") if picked else df.iloc[0:0]


def _clear_map_selection() -> None:
    # A chart's selection cannot be set from Python; a new key draws a fresh, unselected chart.
    st.session_state[MAP_GENERATION_KEY] = st.session_state.get(MAP_GENERATION_KEY, 0) + 1


def render_timeline(df: pd.DataFrame) -> None:
    undated = int(df["date_start"].isna().sum())
    st.plotly_chart(figures.build_timeline_figure(df), key="timeline", width="stretch")
    st.caption("Bars span a year or a month when that is all the article says; points are exact days. "
               "Shape or hatching shows certainty." + (f" {undated} undated records are not drawn." if undated else ""))


def render_alliances(df: pd.DataFrame) -> None:
    st.plotly_chart(figures.build_alliance_figure(df), key="alliances", width="stretch")
    st.caption("Arrows run from supplier to recipient; thicker means more records.")


# --- tables, downloads, evidence -------------------------------------------------------------------


def _column_config() -> dict:
    cc = st.column_config
    text = {c: cc.TextColumn(c.replace("_", " ").capitalize(), help=COLUMN_HELP.get(c)) for c in TABLE_COLUMNS}
    return {
        **text,
        "label": cc.TextColumn("Label", help=COLUMN_HELP["label"]),
        "article_id": cc.TextColumn("Article", help=COLUMN_HELP["article_id"]),
        "quantity": cc.NumberColumn("Quantity", help=COLUMN_HELP["quantity"], format="%d"),
        "date_inferred": cc.CheckboxColumn("Date inferred", help=COLUMN_HELP["date_inferred"]),
        "sentence": cc.TextColumn("Evidence sentence", help=COLUMN_HELP["sentence"], width="large"),
    }


def _select_record(key: str, record_ids: list[str]) -> None:
    """A table's selection callback: the chosen row's record becomes the selected record."""
    rows = st.session_state[key].selection.rows
    st.session_state[RECORD_KEY] = record_ids[rows[0]] if rows else None


def _record_table(df: pd.DataFrame, key: str, columns: tuple[str, ...] = TABLE_COLUMNS) -> None:
    st.dataframe(df, key=key, hide_index=True, column_order=columns, column_config=_column_config(), placeholder="",
                 on_select=partial(_select_record, key, df["record_id"].tolist()), selection_mode="single-row",
                 height=min(420, 38 + 35 * max(len(df), 1)))


def render_tables(df: pd.DataFrame, state: filters.FilterState) -> None:
    """All records and one tab per kind, each with downloads of exactly its rows."""
    tabs = st.tabs([f"{title} ({len(df) if kind is None else int((df['kind'] == kind).sum())})"
                    for title, kind in TABLE_TABS])
    for tab, (_, kind) in zip(tabs, TABLE_TABS, strict=True):
        rows = df if kind is None else df[df["kind"] == kind]
        tab_state = state if kind is None else replace(state, kind=(kind,))
        columns = TABLE_COLUMNS if kind is None else tuple(c for c in TABLE_COLUMNS if c != "kind")
        with tab:
            _record_table(rows, key=f"table_{kind or 'all'}", columns=columns)
            _downloads(rows, tab_state, key=kind or "all")


def _downloads(rows: pd.DataFrame, state: filters.FilterState, key: str) -> None:
    # The files are made when clicked (a callable), not on every rerun: for 100,000 records writing
    # the CSV takes seconds, and a filter change should not pay it.
    left, right, _ = st.columns([1, 1, 3])
    left.download_button(f"CSV ({len(rows)} rows)", partial(exports.records_csv, rows), key=f"csv_{key}", mime="text/csv",
                         file_name=filters.export_filename(state, ext="csv"), icon=":material/download:")
    right.download_button("GeoJSON", partial(exports.records_geojson, rows), key=f"geojson_{key}",
                          mime="application/geo+json", file_name=filters.export_filename(state, ext="geojson"),
                          icon=":material/public:")


def render_evidence(tables: data.Tables) -> None:
    """The selected record's article, with the evidence sentence marked, and what corroborates it."""
    record_id = st.session_state.get(RECORD_KEY)
    if not record_id:
        st.caption("Select a row in a table to read its evidence in the article.")
        return
    match = tables.records[tables.records["record_id"] == record_id]
    if match.empty:
        st.info("The selected record is not in the store any more.")
        return
    row = match.iloc[0]
    article = _article(tables, row["article_id"])
    st.subheader("Evidence")
    st.html(_evidence_header(row, article))
    st.html(_highlighted(article.get("text", ""), int(row["char_start"]), int(row["char_end"]), row["sentence"]))
    with st.expander("Full article text"):
        st.text(article.get("text", ""))
    others = corroborating(tables, row)
    if not others.empty:
        st.html(_corroboration_list(others))
    st.button("Clear selection", on_click=_clear_record, key="clear_record")


def _clear_record() -> None:
    st.session_state[RECORD_KEY] = None


def _article(tables: data.Tables, article_id: str) -> dict:
    found = tables.articles[tables.articles["article_id"] == article_id]
    return found.iloc[0].to_dict() if not found.empty else {"article_id": article_id}


def _evidence_header(row: pd.Series, article: dict) -> str:
    claim = (f"<strong>{_esc(row['label'])}</strong> — {_esc(row['kind'])}, {_esc(row['category'])}; "
             f"{_esc(row['supplier'] or '?')} → {_esc(row['recipient'] or '?')}; {_esc(row['status'])}, "
             f"{_esc(row['certainty'])}; {_esc(row['date'] or 'undated')}")
    parts = [claim]
    source = " · ".join(_esc(v) for v in (article.get("published"), article.get("source")) if v)
    title = _esc(article.get("title") or article.get("article_id", ""))
    url = str(article.get("url") or "")
    if url.startswith(("https://", "http://")):
        title = f'<a href="{_esc(url)}" target="_blank" rel="noopener noreferrer">{title}</a>'
    parts.append(f"<em>{title}</em>" + (f" ({source})" if source else ""))
    return "<div>" + "<br>".join(parts) + "</div>"


def _highlighted(text: str, start: int, end: int, sentence: str) -> str:
    """The article text around the sentence, escaped, with the sentence in <mark>."""
    box = ('<div style="white-space: pre-wrap; line-height: 1.5; padding: 0.75rem 1rem; border-radius: 0.5rem; '
           'border: 1px solid rgba(128,128,128,0.35); max-height: 24rem; overflow-y: auto;">{}</div>')
    if not (0 <= start < end <= len(text)):
        return box.format(f"<mark>{_esc(sentence)}</mark>")  # offsets that do not fit: the sentence alone
    lo, hi = max(0, start - CONTEXT_CHARS), min(len(text), end + CONTEXT_CHARS)
    before = ("…" if lo else "") + _esc(text[lo:start])
    after = _esc(text[end:hi]) + ("…" if hi < len(text) else "")
    return box.format(f"{before}<mark>{_esc(text[start:end])}</mark>{after}")


def corroborating(tables: data.Tables, row: pd.Series) -> pd.DataFrame:
    """Records in other articles that support the same fact as ``row``, with their article's metadata."""
    if not row["fact_id"] or tables.facts.empty:
        return tables.records.iloc[0:0]
    fact = tables.facts[tables.facts["fact_id"] == row["fact_id"]]
    if fact.empty:
        return tables.records.iloc[0:0]
    ids = set(str(fact.iloc[0]["record_ids"] or "").split("|"))
    others = tables.records[tables.records["record_id"].isin(ids) & (tables.records["article_id"] != row["article_id"])]
    return others.merge(tables.articles[["article_id", "title", "published", "source"]], on="article_id", how="left")


def _corroboration_list(others: pd.DataFrame) -> str:
    items = "".join(
        f"<li><em>{_esc(r['title'] or r['article_id'])}</em> ({_esc(r['published'] or 'undated')}"
        f"{', ' + _esc(r['source']) if r['source'] else ''}): “{_esc(r['sentence'])}”</li>"
        for _, r in others.drop_duplicates("article_id").iterrows()
    )
    n = others["article_id"].nunique()
    return f"<div><strong>Corroborated by {n} other article{'s' if n != 1 else ''}</strong><ul>{items}</ul></div>"


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
        (st.success if outcome.ok else st.error)(literal(outcome.message))
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


# --- about -----------------------------------------------------------------------------------------


def render_about(tables: data.Tables, path: Path) -> None:
    """What is in the store, when it was extracted, how well the extractor scores, what columns mean."""
    counts = st.columns(3)
    counts[0].metric("Articles", f"{len(tables.articles):,}")
    counts[1].metric("Records", f"{len(tables.records):,}")
    counts[2].metric("Facts (claims across articles)", f"{len(tables.facts):,}")
    extracted = store.updated_at(path).replace("T", " ").replace("+00:00", " UTC") or "never"
    st.markdown(f"**Extracted:** {extracted} · **Store:** `{path}`")
    score = data.read_seed_score()
    if score and "f1" in score:
        st.markdown(f"**Extractor on the seed gold:** F1 {score['f1']:.3f}, strict F1 {score.get('strict_f1', 0):.3f} "
                    f"(precision {score.get('precision', 0):.3f}, recall {score.get('recall', 0):.3f}). "
                    "Strict counts a record right only when its supplier, recipient, status and date are right too.")
    else:
        st.markdown("**Extractor on the seed gold:** not measured.")
    st.markdown("**What the columns mean**")
    st.table(pd.DataFrame({"meaning": list(COLUMN_HELP.values())}, index=pd.Index(list(COLUMN_HELP), name="column")))
