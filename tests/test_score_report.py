"""bench/score_report.py on a hand-made article, gold and prediction (needs the scorer in ../shared/eval)."""

import csv
import importlib.util
from pathlib import Path

import pytest

REPO_DIR = Path(__file__).resolve().parent.parent
SCORER = REPO_DIR.parent / "shared" / "eval" / "score.py"
ARTICLE = "Norway sent two radars to Chile in May. Chile signed a deal with Norway."
COLUMNS = ("article_id", "kind", "label", "category", "supplier", "recipient", "status", "certainty", "date",
           "sentence", "optional")
GOLD = [("a1", "item", "radars", "radar", "NOR", "CHL", "delivered", "confirmed", "2024-05",
         "Norway sent two radars to Chile in May.", ""),
        ("a1", "agreement", "arms deal", "arms-deal", "NOR", "CHL", "agreed", "confirmed", "", "Chile signed a deal with Norway.", "")]
# The radars right but for their status; the deal missed; one spurious drone.
PRED = [("a1", "item", "radars", "radar", "NOR", "CHL", "planned", "confirmed", "2024-05",
         "Norway sent two radars to Chile in May.", ""),
        ("a1", "item", "drones", "drone", "NOR", "CHL", "delivered", "confirmed", "", "Chile signed a deal with Norway.", "")]


def load(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_rows(path: Path, rows) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        writer.writerows(rows)
    return path


@pytest.fixture
def scored(tmp_path):
    if not SCORER.exists():
        pytest.skip(f"no scorer at {SCORER}")
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a1.txt").write_text(ARTICLE, encoding="utf-8")
    report, scorer = load(REPO_DIR / "bench" / "score_report.py", "score_report"), load(SCORER, "score")
    gold, pred = write_rows(tmp_path / "gold.csv", GOLD), write_rows(tmp_path / "pred.csv", PRED)
    figures = report.measure(scorer, gold, tmp_path / "articles", pred)
    pairs = report.required(scorer, report.matched_pairs(scorer, gold, tmp_path / "articles", pred))
    return report, scorer, figures, pairs


def test_score_report_error_table_by_class(scored):
    report, scorer, figures, pairs = scored
    table = report.error_table(scorer, figures, pairs)
    assert (table["missed"]["agreement"], table["spurious"]["item"], table["wrong status"]["item"]) == (1, 1, 1)
    assert sum(table["wrong supplier"].values()) == sum(table["wrong date"].values()) == 0
    assert report.status_confusions(scorer, pairs) == {("delivered", "planned"): 1}


def test_score_report_figures_say_when_and_by_what(scored):
    report, scorer, figures, pairs = scored
    assert {"f1", "strict_f1", "measured", "extractor_version", "extractor_digest"} <= set(figures)
    table, confusions = report.error_table(scorer, figures, pairs), report.status_confusions(scorer, pairs)
    text = report.format_report("toy", figures, table, confusions, len(pairs))
    assert text.startswith("== toy: F1") and "delivered -> planned" in text
    assert "Norway" not in text  # counts and vocabulary only, never an article's text
