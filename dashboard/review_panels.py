"""Reviewing: the form that confirms, corrects or rejects a record or its whole fact, and the queue
that walks an analyst through the unreviewed records of the current view, newest first.

What an analyst typed (a note, a corrected label) is user text: it is shown escaped in HTML or as
a widget's value, never given to Markdown.
"""

from __future__ import annotations

import html
from functools import cache
from pathlib import Path

import pandas as pd
import streamlit as st

from extract import store
from extract.lexicon import load_table
from extract.records import CERTAINTIES, STATUSES

from . import data, evidence, exports, reviews
from .filters import date_span

RECORD_KEY = "record"
SKIPPED_KEY = "_queue_skipped"
MESSAGE_KEY = "_review_message"
SCOPE_TITLES = {"record": "This record", "fact": "The whole fact"}
VERDICT_WORDS = {"confirmed": "Confirmed", "corrected": "Corrected", "rejected": "Rejected"}


@cache
def country_codes() -> tuple[str, ...]:
    """Every ISO3 code of the gazetteer, for the supplier and recipient pickers."""
    return tuple(sorted(row["iso3"] for row in load_table("countries")))


def _country_choices(current: str) -> list[str]:
    codes = list(country_codes())
    return ["", *codes] if not current or current in codes else ["", current, *codes]


def _country_text(iso3: str) -> str:
    return "(none)" if not iso3 else data.country_label(iso3)


def _review_of(tables: data.Tables, target: str, target_id: str) -> dict | None:
    found = tables.reviews[(tables.reviews["target"] == target) & (tables.reviews["target_id"] == target_id)]
    return found.iloc[0].to_dict() if not found.empty else None


def _fact_size(tables: data.Tables, fact_id: str) -> tuple[int, int]:
    """(records, articles) that support a fact."""
    rows = tables.records[tables.records["fact_id"] == fact_id] if fact_id else tables.records.iloc[0:0]
    return len(rows), rows["article_id"].nunique()


def review_state_html(review: dict | None, target: str) -> str:
    """One line saying how the target stands: unreviewed, or the verdict, when, the note, and a
    warning when its evidence changed since."""
    if review is None:
        return f"<div>{'This record' if target == 'record' else 'This fact'} is <strong>unreviewed</strong>.</div>"
    parts = [f"<strong>{VERDICT_WORDS[review['verdict']]}</strong> on {html.escape(str(review['reviewed_at']))}"]
    if review.get("note"):
        parts.append(f"note: “{html.escape(str(review['note']))}”")
    if review.get("source") == store.SOURCE_CHANGED:
        parts.append('<span style="color:#b35900"><strong>⚠ source changed</strong>: the sentence reads '
                     "otherwise than when it was reviewed; check it again</span>")
    return "<div>" + " · ".join(parts) + "</div>"


def render_review_form(tables: data.Tables, row: pd.Series, path: Path, prefix: str) -> None:
    """Confirm, correct or reject ``row`` (or its whole fact); saved in the store's reviews table."""
    size, articles = _fact_size(tables, row["fact_id"])
    st.markdown("**Review**")
    scope = "record"
    if size > 1:  # the choice only exists when the claim is told more than once
        scope = st.radio("Review", ["record", "fact"], horizontal=True, key=f"{prefix}_scope_{row['record_id']}",
                         label_visibility="collapsed",
                         format_func=lambda s: SCOPE_TITLES[s] + (f" ({size} records, {articles} articles)"
                                                                  if s == "fact" else ""),
                         help="A fact's review applies to each of its records that has no review of its own.")
    target_id = row["record_id"] if scope == "record" else row["fact_id"]
    existing = _review_of(tables, scope, target_id)
    message = st.session_state.pop(f"{MESSAGE_KEY}_{prefix}", None)
    if message:
        (st.error if message.startswith("Not saved") else st.success)(message)
    st.html(review_state_html(existing, scope))
    key = f"{prefix}_{scope}_{target_id}"
    extracted = {f: row[f"{f}_extracted"] for f in reviews.REVIEW_FIELDS}
    with st.form(f"review_{key}", border=True):
        _correction_widgets(row, key)
        st.text_input("Note", value=(existing or {}).get("note") or "", key=f"{key}_note",
                      placeholder="why, and from which source")
        left, right = st.columns(2)
        args = (path, prefix, scope, target_id, key, extracted)
        left.form_submit_button("Confirm or correct", type="primary", on_click=_submit, args=(*args, False),
                                help="Saves the values shown: confirmed when they are as extracted, corrected when not.")
        right.form_submit_button("Reject", on_click=_submit, args=(*args, True),
                                 help="The record (or every record of the fact) is hidden from the views.")
    if existing:
        st.button("Withdraw this review", key=f"withdraw_{key}", on_click=_withdraw, args=(path, prefix, scope, target_id))


def _correction_widgets(row: pd.Series, key: str) -> None:
    """The correctable fields, filled with the values as they stand (reviewed, else extracted)."""
    top = st.columns(2)
    top[0].text_input("Label", value=row["label"], key=f"{key}_label")
    top[1].text_input("Location", value=row["location"], key=f"{key}_location",
                      help="A place the gazetteer knows is put on the map; another leaves the record off it.")
    parties = st.columns(2)
    for column, field in zip(parties, ("supplier", "recipient"), strict=True):
        choices = _country_choices(row[field])
        column.selectbox(field.capitalize(), choices, index=choices.index(row[field]), key=f"{key}_{field}",
                         format_func=_country_text)
    state = st.columns(4)
    state[0].selectbox("Status", STATUSES, index=_index(STATUSES, row["status"]), key=f"{key}_status")
    state[1].selectbox("Certainty", CERTAINTIES, index=_index(CERTAINTIES, row["certainty"]), key=f"{key}_certainty")
    state[2].text_input("Date", value=row["date"], key=f"{key}_date", help="YYYY, YYYY-MM or YYYY-MM-DD; blank if none.")
    quantity = None if pd.isna(row["quantity"]) else int(row["quantity"])
    state[3].number_input("Quantity", min_value=0, step=1, value=quantity, key=f"{key}_quantity")


def _index(options: tuple[str, ...], value: str) -> int:
    return options.index(value) if value in options else 0


def _submit(path: Path, prefix: str, target: str, target_id: str, key: str, extracted: dict, reject: bool) -> None:
    """The form's callback: save the review, or say why it was not saved."""
    values = {f: st.session_state.get(f"{key}_{f}") for f in reviews.REVIEW_FIELDS}
    if values["date"] and not date_span(values["date"].strip())[2]:
        typed = evidence.markdown_literal(values["date"])  # the message reads Markdown; what was typed must not
        st.session_state[f"{MESSAGE_KEY}_{prefix}"] = f"Not saved: “{typed}” is not a date (YYYY, YYYY-MM or YYYY-MM-DD)."
        return
    corrections = {} if reject else reviews.corrections_from(values, extracted)
    verdict = "rejected" if reject else ("corrected" if corrections else "confirmed")
    note = st.session_state.get(f"{key}_note") or ""
    data.save_review(path, target, target_id, verdict, corrections, note)
    st.session_state[f"{MESSAGE_KEY}_{prefix}"] = f"Saved: {verdict}" + (
        f" ({', '.join(corrections)})" if corrections else "") + "."
    if reject and prefix == "evidence":
        st.session_state[RECORD_KEY] = None  # a rejected record leaves the views; so does its selection


def _withdraw(path: Path, prefix: str, target: str, target_id: str) -> None:
    data.withdraw_review(path, target, target_id)
    st.session_state[f"{MESSAGE_KEY}_{prefix}"] = "Review withdrawn: the values are as extracted again."


def _skip(record_id: str) -> None:
    st.session_state[SKIPPED_KEY] = [*st.session_state.get(SKIPPED_KEY, []), record_id]


def _unskip() -> None:
    st.session_state[SKIPPED_KEY] = []


def render_queue(tables: data.Tables, filtered: pd.DataFrame, path: Path) -> None:
    """The unreviewed records of the current view, newest first, one at a time with its evidence."""
    queue = reviews.review_queue(filtered, tables.articles)
    skipped = set(st.session_state.get(SKIPPED_KEY, []))
    pending = queue[~queue["record_id"].isin(skipped)]
    done = int((filtered["review"] != reviews.UNREVIEWED).sum())
    st.caption(f"{done:,} of {len(filtered):,} records in this view are reviewed; {len(queue):,} wait, newest first. "
               "The sidebar's filters choose what the queue holds (rejected records are hidden unless the "
               "Review filter includes them).")
    if pending.empty:
        st.success("Nothing left to review in this view." if queue.empty
                   else f"Nothing left but the {len(queue)} records you skipped.")
        if skipped:
            st.button("Bring the skipped records back", on_click=_unskip, key="queue_unskip")
    else:
        row = pending.iloc[0]
        article = evidence.article_of(tables, row["article_id"])
        st.html(evidence.evidence_header(row, article))
        st.html(evidence.highlighted(article.get("text", ""), int(row["char_start"]), int(row["char_end"]),
                                     row["sentence"]))
        render_review_form(tables, row, path, prefix="queue")
        st.button("Skip for now", on_click=_skip, args=(row["record_id"],), key="queue_skip")
    render_reviews_download(tables)
    render_reviews_merge(path)


def render_reviews_download(tables: data.Tables) -> None:
    """The reviews alone, as CSV: what a team merges (made with the page: a small table)."""
    found = tables.reviews
    counts = found["verdict"].value_counts()
    changed = int((found["source"] == store.SOURCE_CHANGED).sum())
    summary = ", ".join(f"{int(counts.get(v, 0))} {v}" for v in store.REVIEW_VERDICTS)
    st.caption(f"The store holds {len(found)} reviews ({summary})" + (f"; {changed} whose source changed" if changed
                                                                       else "") + ".")
    st.download_button(f"Reviews CSV ({len(found)} rows)", exports.reviews_csv(found), file_name="reviews.csv",
                       mime="text/csv", key="reviews_csv", on_click="ignore", icon=":material/download:")


def render_reviews_merge(path: Path) -> None:
    """Merge a team-mate's reviews CSV into the store: a target reviewed on both sides keeps the newer."""
    message = st.session_state.pop(f"{MESSAGE_KEY}_merge", None)
    if message:
        (st.error if message.startswith("Not merged") else st.success)(message)
    with st.form("merge_form", clear_on_submit=True):
        st.file_uploader("Merge reviews from a CSV (a Reviews CSV of this dashboard)", type=["csv"],
                         key="reviews_file")
        st.form_submit_button("Merge reviews", on_click=_merge, args=(path,))


def _merge(path: Path) -> None:
    upload = st.session_state.get("reviews_file")
    if upload is None:
        return
    try:
        counts = data.merge_reviews(path, exports.read_reviews_csv(upload.getvalue()))
    except ValueError as err:
        st.session_state[f"{MESSAGE_KEY}_merge"] = f"Not merged: {evidence.markdown_literal(err)}"
        return
    st.session_state[f"{MESSAGE_KEY}_merge"] = (f"Merged: {counts['added']} added, {counts['replaced']} newer ones "
                                                f"replaced ours, {counts['older']} older or equal ones left out.")
