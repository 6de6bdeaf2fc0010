"""Extractor benchmark: throughput, memory and scaling of the full pipeline on a synthetic corpus.

The corpus recombines real sentences (the seed articles' and the wire-style passages in
bench/passages.txt) and varies their countries, demonyms, capitals, office holders, designations,
years and weekdays, so that every article is distinct. At each size it times a full run into a
fresh store, two baselines on the same texts — spaCy ``blank("en")`` + ``sentencizer`` +
``entity_ruler`` with the equipment lexicon's labels and aliases, and spaCy's ``en_core_web_sm``
as it ships, over every article's whole text — a re-run on the unchanged corpus, and a run after
adding new articles; with ``--engine dask`` also one against several Dask workers.

    .venv/bin/python bench/extract.py --quick
    .venv/bin/python bench/extract.py --sizes 1000,10000 --engine dask --workers 2
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import random
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path

REPO_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_DIR))  # run as a script: the `extract` package sits beside bench/

from peak_memory import peak_mb, peak_memory_method, reset_peak  # noqa: E402  (bench/ is the script's folder)

from extract import runner  # noqa: E402
from extract.lexicon import load_table, split_values  # noqa: E402
from extract.sentences import split_sentences  # noqa: E402

SEEDS_DIR = REPO_DIR / "seeds"
PASSAGES = Path(__file__).resolve().parent / "passages.txt"
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Article lengths span the seeds' (396 to 963 words), so the corpus reads like the real one.
ARTICLE_WORDS = (350, 950)
# Sentences per paragraph, as in wire copy.
PARAGRAPH_SENTENCES = (1, 3)
# Publication dates and year shifts keep the dates in the years the lexicons' systems exist.
PUBLISHED_RANGE = (date(2016, 1, 1), date(2025, 12, 31))
YEAR_SHIFT = (-6, 1)
SOURCES = ("Reuters", "AP", "AFP", "Bloomberg", "")
QUICK_SIZES, QUICK_NEW = [250], 25
YEAR = re.compile(r"(?<![\d$.,])\b((?:19[89]|20[0-2])\d)\b(?!,\d)")
# Country names read with "the": the United States, the Philippines, the Central African Republic.
TAKES_THE = re.compile(r"^United |s$|Republic|Islands|Emirates|Kingdom")
WEEKDAY = re.compile(r"\b(?:" + "|".join(WEEKDAYS) + r")\b")


# --- the corpus ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Slot:
    """A varied span of a sentence: a country form, a person, a designation, a year or a weekday."""

    kind: str  # country | person | item | year | weekday
    key: str  # iso3 (country, person) | category (item) | year | weekday
    form: str = ""  # country: name | the | The | demonym | plural | metonym; person: their name; item: its label


Template = tuple  # of str and Slot, in text order


@dataclass
class Vocabulary:
    """What the swaps draw from: the project's own gazetteer and equipment lexicon."""

    countries: dict[str, dict]
    people: dict[str, list[str]]
    items: dict[str, list[str]]
    targets: list[str] = field(default_factory=list)
    forms: dict[str, Slot] = field(default_factory=dict)
    matcher: re.Pattern | None = None


def load_vocabulary() -> Vocabulary:
    """Country forms, office holders and designations from data/, with one matcher over all of them."""
    countries = {row["iso3"]: row for row in load_table("countries")}
    people: dict[str, list[str]] = {}
    items: dict[str, list[str]] = {}
    vocab = Vocabulary(countries, people, items)
    for row in load_table("people"):
        people.setdefault(row["iso3"], []).append(row["name"])
        for name in [row["name"], *split_values(row["aliases"])]:
            vocab.forms.setdefault(name, Slot("person", row["iso3"], row["name"]))
    for row in load_table("equipment"):
        items.setdefault(row["category"], []).append(row["label"])
        for form in [row["label"], *split_values(row["aliases"])]:
            if len(form) > 2:
                vocab.forms.setdefault(form, Slot("item", row["category"], row["label"]))
    for iso3, row in countries.items():
        for form, slot in country_forms(iso3, row).items():
            vocab.forms[form] = slot  # a country outranks a person or a system of the same name
    # A country stands in for another only when it has a demonym and office holders to swap in, so
    # that "Maduro" follows Venezuela to wherever it goes.
    vocab.targets = sorted(iso3 for iso3, row in countries.items() if split_values(row["demonyms"]) and iso3 in people)
    alternation = "|".join(re.escape(f) for f in sorted(vocab.forms, key=lambda f: (-len(f), f)))
    vocab.matcher = re.compile(r"(?<![\w-])(" + alternation + r")(?![\w-])")
    return vocab


def country_forms(iso3: str, row: dict) -> dict[str, Slot]:
    """A country's surface forms and how each is used: as a name, a demonym, a plural or a capital."""
    forms = {}
    for name in [row["name"], *split_values(row["aliases"])]:
        forms[name] = Slot("country", iso3, "name")
        for article in ("the", "The"):  # "the United States" becomes "France", not "the France"
            forms[f"{article} {name}"] = Slot("country", iso3, article)
    demonyms = split_values(row["demonyms"])
    for i, demonym in enumerate(demonyms):
        forms[demonym] = Slot("country", iso3, "plural" if i and demonym.endswith("s") else "demonym")
    for metonym in split_values(row["metonyms"]):
        forms[metonym] = Slot("country", iso3, "metonym")
    return forms


def template_of(sentence: str, vocab: Vocabulary) -> Template:
    """A sentence as literal text and slots to vary."""
    spans = [(m.start(), m.end(), vocab.forms[m.group(1)]) for m in vocab.matcher.finditer(sentence)]
    spans += [(m.start(), m.end(), Slot("year", m.group(1))) for m in YEAR.finditer(sentence)]
    spans += [(m.start(), m.end(), Slot("weekday", m.group(0))) for m in WEEKDAY.finditer(sentence)]
    parts: list = []
    cursor = 0
    for start, end, slot in sorted(spans, key=lambda s: s[0]):
        if start < cursor:
            continue  # a year inside a designation's alias, say: the longer, earlier span wins
        parts += [sentence[cursor:start], slot]
        cursor = end
    parts.append(sentence[cursor:])
    return tuple(p for p in parts if p != "")


def load_templates(vocab: Vocabulary) -> list[Template]:
    """Every sentence of the seed articles and of bench/passages.txt, as templates."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS_DIR.glob("*.txt"))]
    texts += [line for line in PASSAGES.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return [template_of(s.text.strip(), vocab) for text in texts for s in split_sentences(text) if s.text.strip()]


class Variation:
    """One article's consistent swaps: each original country, person or system maps to one other."""

    def __init__(self, rng: random.Random, vocab: Vocabulary):
        self.rng, self.vocab = rng, vocab
        self.countries: dict[str, str] = {}
        self.names: dict[str, str] = {}
        self.year_shift = rng.randint(*YEAR_SHIFT)
        self.weekdays = dict(zip(WEEKDAYS, rng.sample(WEEKDAYS, len(WEEKDAYS)), strict=True))

    def country(self, iso3: str) -> dict:
        if iso3 not in self.countries:
            taken = set(self.countries.values())
            self.countries[iso3] = self.rng.choice([c for c in self.vocab.targets if c not in taken])
        return self.vocab.countries[self.countries[iso3]]

    def render(self, part: str | Slot) -> str:
        if isinstance(part, str):
            return part
        if part.kind == "country":
            return country_text(self.country(part.key), part.form)
        if part.kind == "year":
            return str(int(part.key) + self.year_shift)
        if part.kind == "weekday":
            return self.weekdays[part.key]
        if part.kind == "item":
            pool = self.vocab.items[part.key]
        else:  # an office holder of the country theirs now stands for
            pool = self.vocab.people.get(self.country(part.key)["iso3"]) or [part.form]
        return self.names.setdefault(f"{part.kind}|{part.form}", self.rng.choice(pool))


def country_text(row: dict, form: str) -> str:
    """A country's name, demonym, plural demonym or capital (its name when it has no such form)."""
    demonyms = split_values(row["demonyms"])
    if form == "demonym":
        return demonyms[0]
    if form == "plural":
        return next((d for d in demonyms[1:] if d.endswith("s")), demonyms[0])
    if form == "metonym":
        return next((m for m in split_values(row["metonyms"]) if not m.startswith("the ")), row["name"])
    if form in ("the", "The") and TAKES_THE.search(row["name"]):
        return f"{form} {row['name']}"
    return row["name"]


def render_template(template: Template, variation: Variation) -> str:
    return "".join(variation.render(part) for part in template)


def build_article(index: int, seed: int, templates: list[Template], vocab: Vocabulary) -> tuple[str, dict]:
    """One article's text (paragraphs of recombined, varied sentences) and its articles.csv row."""
    rng = random.Random(f"{seed}:{index}")
    variation = Variation(rng, vocab)
    target, words, paragraphs = rng.randint(*ARTICLE_WORDS), 0, []
    while words < target:
        sentences = [render_template(rng.choice(templates), variation) for _ in range(rng.randint(*PARAGRAPH_SENTENCES))]
        paragraphs.append(" ".join(sentences))
        words += sum(len(s.split()) for s in sentences)
    span = (PUBLISHED_RANGE[1] - PUBLISHED_RANGE[0]).days
    meta = {"article_id": f"bench_{index:06d}", "published": (PUBLISHED_RANGE[0] + timedelta(rng.randint(0, span))).isoformat(),
            "source": rng.choice(SOURCES), "url": "", "title": " ".join(paragraphs[0].split()[:12]).rstrip(".,;:")}
    return "\n\n".join(paragraphs) + "\n", meta


def build_corpus(n: int, seed: int) -> list[tuple[str, dict]]:
    """``n`` articles with distinct texts (checked by content hash; a repeat is drawn again)."""
    vocab = load_vocabulary()
    templates = load_templates(vocab)
    seen: set[str] = set()
    corpus = []
    attempt = 0
    while len(corpus) < n:
        text, meta = build_article(len(corpus), seed + attempt, templates, vocab)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if digest in seen:
            attempt += 1
            continue
        seen.add(digest)
        corpus.append((text, meta))
    return corpus


def write_articles(folder: Path, articles: list[tuple[str, dict]]) -> None:
    """Write article files and (re)write articles.csv to hold every article in the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for text, meta in articles:
        (folder / f"{meta['article_id']}.txt").write_text(text, encoding="utf-8")
    meta_path = folder / "articles.csv"
    rows = list(csv.DictReader(meta_path.open(encoding="utf-8"))) if meta_path.exists() else []
    with meta_path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["article_id", "published", "source", "url", "title"])
        writer.writeheader()
        writer.writerows(rows + [meta for _, meta in articles])


# --- measuring -------------------------------------------------------------------------------------


@dataclass
class Step:
    seconds: float
    peak_mb: float
    # The process's CPU time: on a shared machine it moves less than the wall clock when other
    # processes take turns on the cores (it excludes the waiting, not cache contention).
    cpu_seconds: float = 0.0


def measure(method: str, fn: Callable, *args, **kwargs) -> tuple[Step, object]:
    reset_peak(method)
    start, cpu = time.perf_counter(), time.process_time()
    result = fn(*args, **kwargs)
    return Step(time.perf_counter() - start, peak_mb(method), time.process_time() - cpu), result


def build_ruler_baseline():
    """spaCy's rule-based NER: a blank English tokenizer, the sentencizer and an EntityRuler whose
    phrase patterns are the equipment lexicon's labels and aliases (case-sensitive, like ours)."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "ORTH"})
    ruler.add_patterns([{"label": row["category"], "pattern": form, "id": row["label"]}
                        for row in load_table("equipment") for form in [row["label"], *split_values(row["aliases"])]])
    return nlp


def build_model_baseline():
    """What a user would write first: spaCy's small English pipeline as it ships (tok2vec, tagger,
    parser, attribute_ruler, lemmatizer, ner), loaded as ``spacy.load("en_core_web_sm")`` would.
    The same 3.8 files the extractor parses with, found by ``extract.nlp`` under either package name."""
    from extract.nlp import find_model_package

    return find_model_package().load()


# Label, builder and what its entities are, in the order they run; the loading or building of each
# pipeline is timed with it, as ours includes loading its model.
BASELINES = {
    "ruler": ("baseline: spaCy blank + sentencizer + entity_ruler", build_ruler_baseline, "equipment mentions"),
    "sm": ("baseline: spaCy en_core_web_sm, full pipeline, whole texts", build_model_baseline, "named entities"),
}


def run_baseline(folder: Path, build: Callable) -> int:
    """Read every article of the folder and run a baseline on it, on one process; the number of
    entities found."""
    nlp = build()
    texts = (p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt")))
    return sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=64))


def progress_printer(label: str) -> Callable[[int, int], None]:
    """Progress to stderr every tenth of a run, so that a long run in the background shows life."""
    marks: set[int] = set()

    def report(done: int, total: int) -> None:
        tenth = done * 10 // max(total, 1)
        if tenth not in marks:
            marks.add(tenth)
            print(f"  {label}: {done}/{total} articles", file=sys.stderr, flush=True)

    return report


def records_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass
class SizeResult:
    articles: int
    words: int
    full: Step
    records: int
    baselines: dict[str, Step]
    baseline_entities: dict[str, int]
    unchanged: Step
    new_articles: int
    with_new: Step
    dask: dict[int, float] = field(default_factory=dict)
    dask_identical: bool | None = None

    def per_1000(self) -> float:
        return self.full.seconds / self.articles * 1000


def bench_size(n: int, args: argparse.Namespace, work: Path, method: str) -> SizeResult:
    """Every measurement at one corpus size, printed as it is taken."""
    corpus = build_corpus(n + args.new, args.seed)
    folder = work / f"corpus_{n}"
    write_articles(folder, corpus[:n])
    words = sum(len(text.split()) for text, _ in corpus[:n])
    print(f"\n== {n:,} articles, {words:,} words (whitespace-separated), all distinct by content hash")
    db, out = work / f"store_{n}.sqlite", work / f"out_{n}"
    full, summary = measure(method, runner.run, folder, out, db, progress=progress_printer(f"full run {n}"))
    records = sum(summary.records_by_kind.values())
    show("full run (local engine, one core)", full, n, words)
    baselines, entities = bench_baselines(folder, method, n, words, full)
    print(f"  ({records:,} records)")
    unchanged, _ = measure(method, runner.run, folder, out, db)
    print(f"  re-run, unchanged corpus: {unchanged.seconds:.2f} s = {unchanged.seconds / full.seconds:.1%} of the full run")
    write_articles(folder, corpus[n:])
    with_new, _ = measure(method, runner.run, folder, out, db)
    worth = full.seconds / n * args.new
    print(f"  re-run, {args.new} new articles: {with_new.seconds:.2f} s vs {worth:.2f} s for {args.new} articles' worth "
          f"of the full run ({with_new.seconds / worth:.2f}x)")
    result = SizeResult(n, words, full, records, baselines, entities, unchanged, args.new, with_new)
    if args.engine == "dask":
        bench_dask(result, folder, work, out / "records.csv", args.workers)
    return result


def bench_baselines(folder: Path, method: str, n: int, words: int, full: Step) -> tuple[dict[str, Step], dict[str, int]]:
    """Each baseline on the corpus, timed and printed with the ratio of our full run's time to its."""
    steps, entities = {}, {}
    for name, (label, build, found) in BASELINES.items():
        steps[name], entities[name] = measure(method, run_baseline, folder, build)
        show(label, steps[name], n, words)
        print(f"    ours / {name}: {full.seconds / steps[name].seconds:.2f}x the wall time, "
              f"{full.cpu_seconds / steps[name].cpu_seconds:.2f}x the CPU time (it found {entities[name]:,} {found})")
    return steps, entities


def bench_dask(result: SizeResult, folder: Path, work: Path, local_csv: Path, workers: int) -> None:
    """The same corpus (new articles included) through the Dask engine with one and with ``workers``
    workers, each into a fresh store; each run's records.csv is compared with the local engine's."""
    identical = True
    for n_workers in sorted({1, workers}):
        out = work / f"dask_{result.articles}_{n_workers}"
        start = time.perf_counter()
        runner.run(folder, out, out / "t.sqlite", engine="dask", workers=n_workers,
                     progress=progress_printer(f"dask {n_workers} worker(s)"))
        result.dask[n_workers] = time.perf_counter() - start
        identical &= records_digest(out / "records.csv") == records_digest(local_csv)
        print(f"  dask, {n_workers} worker(s): {result.dask[n_workers]:.1f} s")
    result.dask_identical = identical
    if workers in result.dask and 1 in result.dask and workers != 1:
        print(f"  dask speed-up, {workers} workers vs 1: {result.dask[1] / result.dask[workers]:.2f}x "
              f"(records.csv identical to the local engine's: {'yes' if identical else 'NO'})")


def show(label: str, step: Step, n: int, words: int) -> None:
    print(f"  {label}: {step.seconds:.2f} s (CPU {step.cpu_seconds:.2f} s), {n / step.seconds:,.1f} articles/s, "
          f"{words / step.seconds:,.0f} words/s, {step.seconds / n * 1000:.1f} s per 1,000 articles, peak RSS {step.peak_mb:,.0f} MB")


def print_summary(results: list[SizeResult], method: str) -> None:
    print(f"\nsummary (peak memory: {'VmHWM, reset before each step' if method == 'VmHWM' else 'ru_maxrss, process lifetime'}; "
          "ours/x: our full run's time over baseline x's, wall clock and CPU)")
    base_heads = "".join(f" {name + ' w/s':>11} {'ours/' + name:>9} {'(CPU)':>6}" for name in BASELINES)
    print(f"{'articles':>9} {'words/s':>9} {'s/1k art':>9} {'CPU/1k':>7} {'peak MB':>8}{base_heads} "
          f"{'unchanged':>9} {'new/worth':>9} {'dask x':>7}")
    for r in results:
        worth = r.full.seconds / r.articles * r.new_articles
        speed = f"{r.dask[1] / r.dask[max(r.dask)]:.2f}" if len(r.dask) > 1 else "-"
        bases = "".join(f" {r.words / b.seconds:>11,.0f} {r.full.seconds / b.seconds:>9.2f} {r.full.cpu_seconds / b.cpu_seconds:>6.2f}"
                        for b in r.baselines.values())
        print(f"{r.articles:>9,} {r.words / r.full.seconds:>9,.0f} {r.per_1000():>9.1f} "
              f"{r.full.cpu_seconds / r.articles * 1000:>7.1f} {r.full.peak_mb:>8,.0f}{bases} "
              f"{r.unchanged.seconds / r.full.seconds:>9.1%} {r.with_new.seconds / worth:>9.2f} {speed:>7}")


# --- command line ----------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000", help="comma-separated corpus sizes in articles (default 10000), e.g. 1000,10000,100000")
    parser.add_argument("--quick", action="store_true", help=f"a small run: {QUICK_SIZES[0]} articles and {QUICK_NEW} new ones (overrides --sizes and --new)")
    parser.add_argument("--new", type=int, default=100, help="articles added for the incremental run (default 100)")
    parser.add_argument("--engine", choices=("local", "dask"), default="local", help="dask: also time the Dask engine with 1 and --workers workers")
    parser.add_argument("--workers", type=int, default=2, help="Dask workers to compare with one (default 2)")
    parser.add_argument("--seed", type=int, default=2024, help="random seed of the corpus (the same seed gives the same corpus)")
    parser.add_argument("--workdir", type=Path, help="keep the corpus, stores and outputs here (default: a temporary folder, removed)")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    return parser


def main(argv: list[str] | None = None) -> None:
    args = build_parser().parse_args(argv)
    sizes = QUICK_SIZES if args.quick else [int(s) for s in args.sizes.split(",") if s.strip()]
    args.new = QUICK_NEW if args.quick else args.new
    method = peak_memory_method()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="bench_extract_"))
    print(f"extract benchmark: sizes {sizes}, Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, work in {work}")
    try:
        results = [bench_size(n, args, work, method) for n in sizes]
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)
    print_summary(results, method)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps([asdict(r) for r in results], indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
