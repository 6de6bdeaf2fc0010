"""The arms-and-alliances tracker's dashboard: ``streamlit run dashboard/app.py``.

Page layout only; the panels, figures, filters and exports live in their own modules.
"""

import sys
from pathlib import Path

# `streamlit run dashboard/app.py` puts dashboard/ on the import path, not the repository root that
# holds the `dashboard` and `extract` packages (Streamlit Community Cloud runs it the same way).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import streamlit as st

from dashboard import consolidate, data, filters, panels, review_panels

st.set_page_config(page_title="Arms & alliances tracker", page_icon="🌐", layout="wide")

shared, folder = data.db_path(), data.articles_dir()
panels.ensure_extracted(folder, shared)
db = data.current_store(shared)  # in read-only mode, the session's own copy once it has written
versions = data.store_version(db), data.reviews_version(db)
tables = data.reviewed_tables(str(db), *versions)
state = panels.render_filters(tables)
filtered = filters.apply_filters(tables.records, state)
facts = consolidate.consolidate(filtered)
panels.sync_query_params(state)

st.title("Arms & alliances tracker")
if data.readonly():
    st.caption("A public demo: what you add or review stays in your session only and is gone when you leave.")
panels.render_summary(tables, filtered, facts)
panels.forget_tables()
dashboard_tab, review_tab, add_tab, about_tab = st.tabs(["Dashboard", "Review", "Add articles", "About the data"])
with dashboard_tab:
    map_column, network_column = st.columns([3, 2])
    with map_column:
        st.subheader("Where")
        panels.render_map(facts)
    with network_column:
        st.subheader("Who supplies whom")
        panels.render_alliances(facts)
    st.subheader("When")
    panels.render_timeline(facts)
    st.subheader("Facts and records")
    panels.render_tables(filtered, facts, state, "|".join(versions))
    panels.render_evidence(tables, filtered, db)
with review_tab:
    review_panels.render_queue(tables, filtered, db)
with add_tab:
    panels.render_add_articles(db)
    panels.render_articles(tables, db)
with about_tab:
    panels.render_about(tables, db)
