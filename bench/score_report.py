"""The yardstick: score one set of extracted records and print what kinds of error it makes.

Runs the project's scorer (``../shared/eval/score.py``, imported by path: it lives outside the
repository, beside the gold it scores against), writes its figures as JSON (what its ``--json`` writes,
plus when they were measured and by which extractor), and prints the detection F1, the strict F1, an
error table by class (missed, spurious, and each core field wrong on matched pairs) and the commonest
status confusions. Only counts and vocabulary values are printed, never an article's sentences.

    .venv/bin/python bench/score_report.py --name real --scorer ../shared/eval/score.py \\
        --gold ../shared/eval/real/gold.csv --articles ../shared/eval/real/articles \\
        --pred out/score/real/records.csv --json data/real_score.json
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import json
import sys
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType

REPO_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_DIR))  # run as a script: the `extract` package sits beside bench/

from extract.lexicon import data_version  # noqa: E402
from extract.records import EXTRACTOR_VERSION  # noqa: E402

KINDS = ("item", "deployment", "agreement")
# The fields a matched record most often gets wrong and that decide the strict F1 (certainty too: the
# dashboard filters on it).
WRONG_FIELDS = ("supplier", "recipient", "status", "certainty", "date")
TOP_CONFUSIONS = 8  # enough to see the pattern, short enough to read at a glance


def load_scorer(path: Path) -> ModuleType:
    """The scorer module at ``path`` (it is a script outside any package, so it is loaded by path)."""
    spec = importlib.util.spec_from_file_location("score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"error: cannot load the scorer {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def measure(scorer: ModuleType, gold: Path, articles: Path, pred: Path) -> dict:
    """The scorer's figures (as its ``--json`` writes them) with the date and the extractor that made them."""
    figures = scorer.score(str(gold), str(articles), str(pred), out=io.StringIO())
    figures["measured"] = datetime.now(UTC).date().isoformat()
    figures["extractor_version"] = EXTRACTOR_VERSION
    # The version string moves rarely; this digest of the rules and lexicons changes with every edit.
    figures["extractor_digest"] = data_version()
    return figures


def matched_pairs(scorer: ModuleType, gold_path: Path, articles_dir: Path, pred_path: Path) -> list[tuple[dict, dict]]:
    """(gold, predicted) rows the scorer pairs up, read and matched the way its ``score`` does."""
    texts = scorer.read_articles(articles_dir)
    gold = [g for g in scorer.read_csv(gold_path) if g["article_id"] in texts]
    for g in gold:
        g["_span"] = scorer.span_of(g, texts[g["article_id"]], use_offsets=False)
    pred = []
    for p in scorer.read_csv(pred_path):
        p["article_id"] = (p.get("article_id") or "").strip()
        if p["article_id"] in texts:
            p["_span"] = scorer.span_of(p, texts[p["article_id"]], use_offsets=True)
            pred.append(p)
    return [(gold[gi], pred[pi]) for gi, pi in scorer.match(gold, pred, texts)]


def required(scorer: ModuleType, pairs: list[tuple[dict, dict]]) -> list[tuple[dict, dict]]:
    """The pairs whose gold row is not optional: the ones the strict F1 counts, so the errors that cost score."""
    return [(g, p) for g, p in pairs if scorer.norm(g.get("optional")) not in {"1", "true", "yes"}]


def gold_kind(scorer: ModuleType, row: dict) -> str:
    """The kind a gold row counts under: the first it names, as the scorer counts it."""
    return scorer.alternatives(row["kind"])[0]


def error_table(scorer: ModuleType, figures: dict, pairs: list[tuple[dict, dict]]) -> dict[str, Counter]:
    """{error class: Counter by kind}: missed and spurious from the figures, wrong fields from the pairs."""
    table = {"missed": Counter(), "spurious": Counter()}
    for kind in KINDS:
        table["missed"][kind] = figures["kinds"][kind]["fn"]
        table["spurious"][kind] = figures["kinds"][kind]["fp"]
    for field in WRONG_FIELDS:
        table[f"wrong {field}"] = Counter(gold_kind(scorer, g) for g, p in pairs
                                          if not scorer.field_agrees(field, g, p))
    return table


def status_confusions(scorer: ModuleType, pairs: list[tuple[dict, dict]]) -> Counter:
    """(gold status, predicted status) -> count, over matched pairs whose status is wrong."""
    return Counter((g.get("status") or "", p.get("status") or "") for g, p in pairs
                   if not scorer.field_agrees("status", g, p))


def format_table(table: dict[str, Counter]) -> list[str]:
    """The error table as aligned text lines: one row per class, a column per kind and a total."""
    lines = [f"  {'error':<17}" + "".join(f"{k:>11}" for k in KINDS) + f"{'all':>7}"]
    for name, counts in table.items():
        lines.append(f"  {name:<17}" + "".join(f"{counts[k]:>11}" for k in KINDS) + f"{sum(counts.values()):>7}")
    return lines


def format_report(name: str, figures: dict, table: dict[str, Counter], confusions: Counter, pairs: int) -> str:
    """The printed report of one set: its F1s, the error table and the top status confusions."""
    lines = [
        f"== {name}: F1 {figures['f1']:.3f} (P {figures['precision']:.3f} R {figures['recall']:.3f}), "
        f"strict F1 {figures['strict_f1']:.3f}; {figures['gold']} gold, {figures['pred']} predicted, "
        f"{pairs} matched pairs of required gold (wrong fields are counted on these)",
        *format_table(table),
        "  status confusions (gold -> predicted):" if confusions else "  status confusions: none",
    ]
    lines += [f"  {count:>5}  {g or '(empty)'} -> {p or '(empty)'}" for (g, p), count in confusions.most_common(TOP_CONFUSIONS)]
    return "\n".join(lines)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, with help for every option."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--name", required=True, help="name of the set, for the report's heading")
    parser.add_argument("--scorer", type=Path, required=True, help="the project's scorer, ../shared/eval/score.py")
    parser.add_argument("--gold", type=Path, required=True, help="gold records (CSV)")
    parser.add_argument("--articles", type=Path, required=True, help="folder of the articles the gold refers to")
    parser.add_argument("--pred", type=Path, required=True, help="records.csv written by the extractor")
    parser.add_argument("--json", type=Path, help="write the figures as JSON to this path")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Score one set, write its JSON and print its report."""
    args = build_parser().parse_args(argv)
    scorer = load_scorer(args.scorer)
    figures = measure(scorer, args.gold, args.articles, args.pred)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    pairs = required(scorer, matched_pairs(scorer, args.gold, args.articles, args.pred))
    table = error_table(scorer, figures, pairs)
    print(format_report(args.name, figures, table, status_confusions(scorer, pairs), len(pairs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
