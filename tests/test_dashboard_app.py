"""The dashboard page driven by Streamlit's AppTest: filters, shared links, evidence, downloads, uploads."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from conftest import build_article
from markdown_it import MarkdownIt
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from dashboard import data, evidence
from extract import store
from extract.articles import MAX_BYTES

APP = Path(__file__).resolve().parent.parent / "dashboard" / "app.py"
# The first run imports pandas, plotly and pydeck; later runs take well under a second.
RUN_TIMEOUT = 60
BAD_UPLOADS = [
    ("empty.txt", b"", "empty file"),
    ("blank.md", b"  \n\n ", "empty file"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file"),
    ("latin1.txt", "Caf\xe9 militaire à Caracas".encode("latin-1"), "not UTF-8"),
    ("huge.txt", b"a" * (MAX_BYTES + 1), "too large"),
]


@pytest.fixture
def app(dashboard_env) -> AppTest:
    return AppTest.from_file(str(APP), default_timeout=RUN_TIMEOUT)


@pytest.fixture
def downloads(monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    """file name -> bytes of every download button the page offers (AppTest cannot click one)."""
    offered: dict[str, bytes] = {}
    original = MediaFileManager.add

    def add(self, path_or_data, mimetype, coordinates, file_name=None, is_for_static_download=False):
        if is_for_static_download and file_name:
            offered[file_name] = path_or_data
        return original(self, path_or_data, mimetype, coordinates, file_name, is_for_static_download)

    original_deferred = MediaFileManager.add_deferred

    def add_deferred(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        # the page builds files on click: call the generator as a click would
        if file_name:
            content = data_callable()
            offered[file_name] = content.encode("utf-8") if isinstance(content, str) else content
        return original_deferred(self, data_callable, mimetype, coordinates, file_name=file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add", add)
    monkeypatch.setattr(MediaFileManager, "add_deferred", add_deferred)
    return offered


def store_contents(db: Path) -> tuple[list, list, list]:
    """Everything the store holds, to compare before and after."""
    with closing(sqlite3.connect(db)) as conn:
        return tuple(conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall() for table in ("articles", "records", "facts"))


# The page's tables in order: the facts, then all records, items, deployments, agreements.
FACTS_TABLE, RECORDS_TABLE = 0, 1


def table_labels(at: AppTest) -> list[str]:
    """The labels of the All records table."""
    return at.dataframe[RECORDS_TABLE].value["label"].tolist()


def csv_labels(payload: bytes) -> list[str]:
    return [row["label"] for row in csv.DictReader(io.StringIO(payload.decode("utf-8")))]


def html_shown(at: AppTest) -> str:
    return "\n".join(element.proto.body for element in at.html)


def test_app_runs_on_the_fixture_store(app):
    app.run()
    assert not app.exception
    assert not app.error
    assert len(table_labels(app)) == 12
    assert {"Dashboard", "Review", "Add articles", "About the data", "Facts", "Items"} <= {t.label for t in app.tabs}
    titles = set(app.dataframe[RECORDS_TABLE].value["article_title"])
    assert "Russian troops land in Caracas" in titles and "a01_caracas_2019" not in titles


def test_app_counts_a_claim_told_twice_once(app, downloads):
    app.run()
    facts = app.dataframe[FACTS_TABLE].value
    assert len(facts) == 11 and len(table_labels(app)) == 12
    troops = facts[(facts["label"] == "troops") & (facts["recipient"] == "VEN")].iloc[0]
    assert (troops["n_records"], troops["n_articles"]) == (2, 2)
    assert any(c.value.startswith("11 facts (12 of 12 records) from 4 of 4 articles") for c in app.caption)
    rows = list(csv.DictReader(io.StringIO(downloads["facts.csv"].decode("utf-8"))))
    assert len(rows) == 11
    told_twice = next(r for r in rows if r["n_articles"] == "2")
    assert told_twice["article_ids"] == "a01_caracas_2019|a02_caracas_2019_followup"
    assert len(told_twice["record_ids"].split("|")) == 2


def test_app_extracts_the_articles_first_when_the_store_is_missing(dashboard_env, monkeypatch, tmp_path):
    fresh = tmp_path / "fresh" / "store.sqlite"
    monkeypatch.setenv("TRACKER_DB", str(fresh))
    app = AppTest.from_file(str(APP), default_timeout=RUN_TIMEOUT).run()
    assert not app.exception
    assert len(store_contents(fresh)[0]) == len(list(dashboard_env.articles_dir.iterdir()))
    assert app.metric[0].value == "4"


def test_app_runs_on_an_empty_store(monkeypatch, tmp_path):
    (tmp_path / "articles").mkdir()
    monkeypatch.setenv("TRACKER_DB", str(tmp_path / "store.sqlite"))
    monkeypatch.setenv("TRACKER_ARTICLES", str(tmp_path / "articles"))
    app = AppTest.from_file(str(APP), default_timeout=RUN_TIMEOUT).run()
    assert not app.exception
    assert any("no records yet" in info.value for info in app.info)


def test_app_facet_options_show_counts(app):
    app.run()
    kinds = app.multiselect(key="f_kind")
    assert kinds.options == ["item (6)", "deployment (4)", "agreement (2)"]
    app.multiselect(key="f_supplier").select("IRN").run()
    assert app.multiselect(key="f_kind").options == ["item (2)", "deployment (0)", "agreement (0)"]


def test_app_filter_changes_table_download_and_url(app, downloads):
    app.run()
    assert len(csv_labels(downloads["records.csv"])) == 12
    app.multiselect(key="f_supplier").select("IRN").run()
    assert sorted(table_labels(app)) == ["=Fath-360", "Shahed-136"]
    assert sorted(csv_labels(downloads["records_supplier-IRN.csv"])) == ["'=Fath-360", "Shahed-136"]
    assert "records_kind-item_supplier-IRN.geojson" in downloads
    assert app.query_params["supplier"] == "IRN"


def test_app_text_search_and_undated_toggle(app):
    app.run()
    app.text_input(key="f_text").input("troops").run()
    assert table_labels(app) == ["troops", "troops", "troops"]
    app.toggle(key="f_undated").set_value(False)
    app.text_input(key="f_text").input("").run()
    assert "Shahed-136" not in table_labels(app) and len(table_labels(app)) == 10


def test_app_query_params_restore_filters(app):
    app.query_params.update({"supplier": "IRN,ATL", "undated": "0", "kind": "item"})
    app.run()
    assert app.multiselect(key="f_supplier").value == ["IRN"]  # ATL is in no record: dropped
    assert app.toggle(key="f_undated").value is False
    assert table_labels(app) == ["=Fath-360"]


def test_app_query_params_restore_date_range(app):
    app.query_params.update({"from": "2019-01-01", "to": "2019-12-31", "undated": "0"})
    app.run()
    assert sorted(set(table_labels(app))) == ["military cooperation agreement", "troops"]
    assert not any("undated records are kept" in c.value for c in app.caption)


def test_app_date_range_says_that_undated_records_are_kept(app):
    app.query_params.update({"from": "2019-01-01", "to": "2019-12-31"})
    app.run()
    assert "Shahed-136" in table_labels(app)  # undated
    assert any(c.value.startswith("The 2 undated records are kept") for c in app.caption)


def test_app_reset_clears_every_filter(app):
    app.query_params.update({"supplier": "IRN", "q": "Fath"})
    app.run()
    assert len(table_labels(app)) == 1
    app.button(key="reset_filters").click().run()
    assert len(table_labels(app)) == 12
    assert app.multiselect(key="f_supplier").value == []
    assert dict(app.query_params) == {}


def record_id_of(fixture_store, label: str) -> str:
    return next(r.record_id for r in fixture_store.records if r.label == label)


def test_app_selected_record_shows_escaped_evidence(app, dashboard_env):
    app.query_params["record"] = record_id_of(dashboard_env, "T-72")
    app.run()
    shown = html_shown(app)
    assert "<mark>Officials said &lt;script&gt;alert(1)&lt;/script&gt; T-72 tanks" in shown
    assert "<script>" not in shown
    assert "Belarus tanks &lt;script&gt;" in shown and "2024-09-12" in shown


def test_app_selected_record_lists_corroborating_articles(app, dashboard_env):
    app.query_params["record"] = next(r.record_id for r in dashboard_env.records if r.article_id == "a01_caracas_2019"
                                      and r.label == "troops")
    app.run()
    shown = html_shown(app)
    assert "Corroborated by 1 other article" in shown
    assert "Kremlin confirms specialists in Venezuela" in shown
    assert "About 100 Russian troops arrived in Caracas" in shown


def test_app_unknown_record_in_link_is_harmless(app):
    app.query_params["record"] = "no-such-record"
    app.run()
    assert not app.exception
    assert any("not in the store" in info.value for info in app.info)


@pytest.mark.parametrize(("name", "payload", "reason"), BAD_UPLOADS)
def test_app_bad_upload_shows_error_and_changes_nothing(app, dashboard_env, name, payload, reason):
    before = store_contents(dashboard_env.db)
    app.run()
    app.file_uploader(key="upload_files").set_value((name, payload, "text/plain"))
    app.button(key="FormSubmitter:upload_form-Add files").click().run()
    errors = [e.value for e in app.error]
    assert any(name in e and reason in e for e in errors), errors
    assert store_contents(dashboard_env.db) == before


def test_app_empty_paste_shows_error_and_changes_nothing(app, dashboard_env):
    before = store_contents(dashboard_env.db)
    app.run()
    app.text_input(key="paste_title").input("Nothing here")
    app.button(key="FormSubmitter:paste_form-Add pasted article").click().run()
    assert any("empty file" in e.value for e in app.error)
    assert store_contents(dashboard_env.db) == before


def test_app_good_upload_adds_the_article(app, dashboard_env):
    text = b"Russia delivered two Tu-160 bombers to Venezuela on December 10, 2018.\n"
    app.run()
    app.file_uploader(key="upload_files").set_value(("tu160.txt", text, "text/plain"))
    app.button(key="FormSubmitter:upload_form-Add files").click().run()
    assert not app.exception
    assert not app.error
    assert any("tu160.txt: added" in s.value for s in app.success), [s.value for s in app.success]
    articles = store_contents(dashboard_env.db)[0]
    assert len(articles) == 5
    assert app.metric[0].value == "5"


def test_app_new_records_past_the_old_date_range_are_shown(app, dashboard_env):
    app.run()
    article, records = build_article("a05_later", "Later news", "2026-02-01", "", "", [
        ("Russia delivered radars to Venezuela in January 2026.",
         "item", "radars", "radar", "RUS", "VEN", "delivered", "confirmed", None, "2026-01", "Venezuela", 7.12, -66.18),
    ])
    with closing(store.connect(dashboard_env.db)) as conn:
        store.save_articles(conn, [(article.as_row(), records)])
    app.run()
    assert "radars" in table_labels(app)
    assert app.date_input(key="f_dates").value[1].isoformat() == "2026-01-31"


@pytest.mark.parametrize(("name", "payload", "reason"), BAD_UPLOADS)
def test_app_upload_handler_refuses_bad_files(dashboard_env, name, payload, reason):
    before = store_contents(dashboard_env.db)
    [outcome] = data.ingest_uploads([(name, payload)], dashboard_env.db)
    assert not outcome.ok
    assert outcome.message.startswith(f"{name}: ") and reason in outcome.message
    assert store_contents(dashboard_env.db) == before


def write_score(folder: Path, name: str, f1: float, strict: float, **extra) -> None:
    (folder / f"{name}_score.json").write_text(json.dumps({"f1": f1, "strict_f1": strict, "precision": f1,
                                                           "recall": f1, "gold": 40, **extra}))


def test_app_about_shows_real_text_first_when_measured(app, monkeypatch, tmp_path):
    write_score(tmp_path, "seed", 1.0, 1.0)
    write_score(tmp_path, "devset", 0.83, 0.64)
    write_score(tmp_path, "real", 0.41, 0.22, measured="2026-11-30", extractor_version="1.0.0")
    monkeypatch.setattr(data, "SCORES_DIR", tmp_path)
    app.run()
    assert any("On real news text: **strict F1 0.22**, F1 0.41" in m.value for m in app.markdown)
    shown = app.dataframe[-1].value
    assert shown["measured on"].str.split(":").str[0].tolist() == ["Real-text dev set", "Invented dev set",
                                                                     "Seed articles"]
    assert shown.iloc[0][["strict F1", "date", "extractor"]].tolist() == [0.22, "2026-11-30", "1.0.0"]
    assert shown.iloc[2]["extractor"] == "not recorded"


# A name that, rendered as Markdown, fetches an image and shows a link (no "/": a browser sends base names).
CRAFTED_NAME = "![x](https:evil.example%2Fx.png)[click](https:evil.example)`*_<b>"


def visible_text(markdown: str) -> str:
    """What a reader sees of Markdown: the rendered HTML without its tags, entities decoded."""
    rendered = MarkdownIt("commonmark").render(markdown)
    assert "<img" not in rendered and "<a " not in rendered, rendered
    return html.unescape(re.sub(r"<[^>]+>", "", rendered)).strip()


@pytest.mark.parametrize("text", [CRAFTED_NAME, "plain.txt", "`starts and ends`", "a ``` b", "https://evil.example/x"])
def test_app_literal_renders_as_the_text_itself(text):
    assert visible_text(evidence.markdown_literal(text)) == text


@pytest.mark.parametrize(("payload", "ok"), [(b"Russia sent Su-35 jets to Iran in 2024.\n", True), (b"", False)])
def test_app_upload_names_are_shown_as_typed_not_as_markdown(app, dashboard_env, payload, ok):
    name = CRAFTED_NAME + ".txt"
    app.run()
    app.file_uploader(key="upload_files").set_value((name, payload, "text/plain"))
    app.button(key="FormSubmitter:upload_form-Add files").click().run()
    [shown] = [m.value for m in (app.success if ok else app.error)]
    assert name in visible_text(shown)


def test_app_upload_of_a_stored_name_with_other_text_gets_a_new_id(app, dashboard_env):
    app.run()
    for text in (b"Russia sent Su-35 jets to Iran in 2024.\n", b"China sold J-10 jets to Pakistan in 2022.\n",
                 b"Russia sent Su-35 jets to Iran in 2024.\n"):
        app.file_uploader(key="upload_files").set_value(("same.txt", text, "text/plain"))
        app.button(key="FormSubmitter:upload_form-Add files").click().run()
    shown = [m.value for m in app.success]
    assert len(shown) == 1 and "already stored, nothing new" in visible_text(shown[0])
    articles = {row[0] for row in store_contents(dashboard_env.db)[0]}
    assert "same" in articles and any(a.startswith("same-") for a in articles)


def test_app_about_says_real_text_is_not_measured(app, monkeypatch, tmp_path):
    write_score(tmp_path, "seed", 1.0, 1.0)
    (tmp_path / "broken_score.json").write_text("{not json")
    monkeypatch.setattr(data, "SCORES_DIR", tmp_path)
    app.run()
    assert any("Not measured on real news text yet" in w.value for w in app.warning)
    assert app.dataframe[-1].value["measured on"].tolist() == [data.SCORE_SETS["seed"]]


def test_app_read_scores_skips_what_is_not_a_score(tmp_path):
    assert data.read_scores(tmp_path) == []
    (tmp_path / "x_score.json").write_text('{"precision": 1}')
    write_score(tmp_path, "devset", 0.8, 0.5)
    [score] = data.read_scores(tmp_path)
    assert (score.name, score.figures["strict_f1"], score.measured) == ("devset", 0.5, "date not recorded")


# --- reviews ---------------------------------------------------------------------------------------


def review_widget(at: AppTest, prefix: str, field: str):
    """A widget of a review form (``prefix`` evidence or queue); its key ends with the field."""
    matches = [w for w in [*at.selectbox, *at.text_input, *at.number_input]
               if str(w.key).startswith(f"{prefix}_") and str(w.key).endswith(f"_{field}")]
    assert len(matches) == 1, [w.key for w in matches]
    return matches[0]


def review_button(at: AppTest, prefix: str, label: str):
    [button] = [b for b in at.button if b.label == label and f"review_{prefix}_" in str(b.key)]
    return button


def table_rows(at: AppTest):
    return at.dataframe[RECORDS_TABLE].value


def test_app_correction_shows_in_table_and_csv_with_the_extracted_value(app, dashboard_env, downloads):
    t72 = record_id_of(dashboard_env, "T-72")
    app.query_params["record"] = t72
    app.run()
    review_widget(app, "evidence", "status").set_value("delivered")
    review_widget(app, "evidence", "note").input("Seen in port on 2025-01-04")
    review_button(app, "evidence", "Confirm or correct").click().run()
    assert not app.exception
    assert any(s.value == "Saved: corrected (status)." for s in app.success)
    shown = table_rows(app).set_index("record_id")
    assert (shown.loc[t72, "status"], shown.loc[t72, "review"]) == ("delivered", "corrected")
    row = next(r for r in csv.DictReader(io.StringIO(downloads["records.csv"].decode("utf-8"))) if r["record_id"] == t72)
    assert (row["status"], row["status_extracted"], row["review"], row["review_note"]) == (
        "delivered", "planned", "corrected", "Seen in port on 2025-01-04")
    [review] = list(csv.DictReader(io.StringIO(downloads["reviews.csv"].decode("utf-8"))))
    assert (review["target_id"], review["verdict"], review["status"]) == (t72, "corrected", "delivered")


def test_app_rejected_record_disappears_until_the_review_filter_asks(app, dashboard_env):
    shahed = record_id_of(dashboard_env, "Shahed-136")
    app.query_params["record"] = shahed
    app.run()
    review_button(app, "evidence", "Reject").click().run()
    assert shahed not in table_rows(app)["record_id"].tolist()
    assert len(table_rows(app)) == 11
    assert app.session_state["record"] is None  # the rejected record is no longer selected
    assert "rejected (1)" in app.multiselect(key="f_review").options
    app.multiselect(key="f_review").select("rejected").run()
    assert table_rows(app)["record_id"].tolist() == [shahed]
    assert app.query_params["review"] == "rejected"


def test_app_bad_date_in_a_review_is_refused(app, dashboard_env):
    app.query_params["record"] = record_id_of(dashboard_env, "T-72")
    app.run()
    review_widget(app, "evidence", "date").input("next spring")
    review_button(app, "evidence", "Confirm or correct").click().run()
    assert any("Not saved" in e.value and "next spring" in e.value for e in app.error)
    assert data.read_reviews(dashboard_env.db).empty


def test_app_review_queue_walks_unreviewed_records_newest_first(app, dashboard_env):
    app.run()
    queue_record = next(w.key for w in app.selectbox if str(w.key).startswith("queue_record_")).split("_")[2]
    assert dict(zip([r.record_id for r in dashboard_env.records], [r.date for r in dashboard_env.records],
                    strict=True))[queue_record] == "2024-11"  # the newest article's latest claim
    review_button(app, "queue", "Confirm or correct").click().run()
    next_record = next(w.key for w in app.selectbox if str(w.key).startswith("queue_record_")).split("_")[2]
    assert next_record != queue_record
    reviews = data.read_reviews(dashboard_env.db)
    assert reviews[["target_id", "verdict"]].values.tolist() == [[queue_record, "confirmed"]]
    assert any("1 of 12 records in this view are reviewed" in c.value for c in app.caption)


def test_app_selected_record_outside_the_filters_is_named_with_a_way_to_clear_it(app, dashboard_env):
    app.query_params["record"] = record_id_of(dashboard_env, "T-72")
    app.run()
    app.multiselect(key="f_supplier").select("IRN").run()
    assert any("not among the filtered records" in w.value for w in app.warning)
    app.button(key="clear_record").click().run()
    assert app.session_state["record"] is None
    assert "record" not in app.query_params
    assert not any("not among the filtered records" in w.value for w in app.warning)


def test_app_place_from_the_map_filters_every_view_and_the_url_keeps_it(app, downloads):
    app.query_params["place"] = "10.4806,-66.9036"  # what a click on the Caracas marker puts there
    app.run()
    assert not app.exception
    assert sorted(table_labels(app)) == ["S-300VM", "troops", "troops"]
    assert len(app.dataframe[FACTS_TABLE].value) == 2  # the two landings are one fact
    assert sorted(csv_labels(downloads["records_place-10.4806--66.9036.csv"])) == ["S-300VM", "troops", "troops"]
    assert any(c.value.startswith("2 facts (3 of 12 records)") for c in app.caption)
    app.button(key="clear_place").click().run()
    assert len(table_labels(app)) == 12
    assert "place" not in app.query_params


def test_app_malformed_place_in_a_link_is_ignored(app):
    app.query_params["place"] = "Caracas"
    app.run()
    assert not app.exception and len(table_labels(app)) == 12


def review_rows_of(db: Path) -> list:
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute("SELECT * FROM reviews").fetchall()


def test_app_readonly_keeps_uploads_and_reviews_in_the_session(app, dashboard_env, monkeypatch):
    monkeypatch.setenv("TRACKER_READONLY", "1")
    before = store_contents(dashboard_env.db)
    app.query_params["record"] = record_id_of(dashboard_env, "T-72")
    app.run()
    assert any("public demo" in c.value for c in app.caption)
    review_button(app, "evidence", "Reject").click().run()
    app.file_uploader(key="upload_files").set_value(
        ("tu160.txt", b"Russia delivered two Tu-160 bombers to Venezuela on December 10, 2018.\n", "text/plain"))
    app.button(key="FormSubmitter:upload_form-Add files").click().run()
    assert not app.exception
    assert "T-72" not in table_labels(app)  # the visitor sees their rejection ...
    assert app.metric[0].value == "5"  # ... and their article
    assert store_contents(dashboard_env.db) == before  # the shared store has neither
    assert review_rows_of(dashboard_env.db) == []
    private = Path(app.session_state["_session_store"])
    assert private != dashboard_env.db and len(review_rows_of(private)) == 1


def test_app_removing_an_article_removes_its_records_after_a_confirmation(app, dashboard_env):
    app.run()
    app.selectbox(key="article_chosen").select("a04_markup_and_formulas").run()
    assert app.button(key="remove_article").disabled  # not before the analyst confirms
    app.checkbox(key="sure_a04_markup_and_formulas").check().run()
    app.button(key="remove_article").click().run()
    assert not app.exception
    assert not {"T-72", "=Fath-360", "Shahed-136"} & set(table_labels(app))
    assert len(table_labels(app)) == 9 and app.metric[0].value == "3"
    articles, records, facts = store_contents(dashboard_env.db)
    assert "a04_markup_and_formulas" not in {a[0] for a in articles}
    assert len(records) == 9 and not any("Fath" in str(f) for f in facts)
    assert any("its 3 records" in s.value for s in app.success)


def test_app_adding_identical_text_again_changes_nothing(app, dashboard_env):
    text = "Russia delivered two Tu-160 bombers to Venezuela on December 10, 2018.\n"
    app.run()
    app.text_input(key="paste_title").input("Tu-160s land")
    app.text_input(key="paste_source").input("TASS")
    app.text_area(key="paste_text").input(text)
    app.button(key="FormSubmitter:paste_form-Add pasted article").click().run()
    before = store_contents(dashboard_env.db)
    app.text_area(key="paste_text").input(text)
    app.button(key="FormSubmitter:paste_form-Add pasted article").click().run()
    assert any("already stored, nothing new" in s.value and "Tu-160s land" in s.value for s in app.success)
    assert store_contents(dashboard_env.db) == before  # the title and source entered first are kept


def test_app_merges_a_colleagues_reviews_csv(app, dashboard_env):
    t72 = record_id_of(dashboard_env, "T-72")
    colleague = (f"target,target_id,verdict,label,status,note,reviewed_at\n"
                 f"record,{t72},corrected,,delivered,seen in port,2026-11-30T10:00:00+00:00\n").encode()
    app.run()
    app.file_uploader(key="reviews_file").set_value(("reviews.csv", colleague, "text/csv"))
    app.button(key="FormSubmitter:merge_form-Merge reviews").click().run()
    assert any(s.value.startswith("Merged: 1 added") for s in app.success)
    shown = table_rows(app).set_index("record_id")
    assert (shown.loc[t72, "status"], shown.loc[t72, "review"]) == ("delivered", "corrected")
