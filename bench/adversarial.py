"""Adversarial inputs: does the cost of one article grow linearly with its size?

Builds the hostile and unlucky inputs of issue 10 — a long comma list of countries, unpunctuated
words, "U.S. " repeated, one very long line, deeply nested HTML, tags that never close — at 1×, 2×, 4× and 8× a base size,
times reading and extracting each (the least CPU time of a few repeats, so a busy machine adds less
noise) and prints the growth ratio per doubling: about 2 means linear, 4 quadratic.

    .venv/bin/python bench/adversarial.py            # the sizes of bench/README.md
    .venv/bin/python bench/adversarial.py --scale 0.25 --repeats 1
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

REPO_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_DIR))  # run as a script: the `extract` package sits beside bench/

from extract import pipeline  # noqa: E402
from extract.articles import article_from_bytes, decode_article_bytes  # noqa: E402
from extract.lexicon import load_table  # noqa: E402

# Words of news copy, with no full stop: a pasted table column or a text stripped of punctuation.
FILLER_WORDS = ("the army said Russia delivered tanks and drones to Iran while officials in Caracas "
                "signed a defence agreement with China under which troops would deploy").split()
# Block tags the issue found nested without end in a hostile page.
NESTED_TAGS = ("p", "li", "blockquote")


def country_names() -> list[str]:
    """Every country name of the gazetteer, in file order (the list the comma-list case cycles through)."""
    return [row["name"] for row in load_table("countries") if row.get("name")]


def build_country_list(units: int) -> tuple[str, bytes]:
    """``units`` country names in one comma list, then "and Russia delivered tanks.\""""
    names = country_names()
    listed = ", ".join(names[i % len(names)] for i in range(units))
    return "countries.txt", f"Arms list\n\n{listed} and Russia delivered tanks.\n".encode()


def build_unpunctuated(units: int) -> tuple[str, bytes]:
    """``units`` words of news vocabulary with no punctuation and no line break."""
    words = [FILLER_WORDS[i % len(FILLER_WORDS)] for i in range(units)]
    return "unpunctuated.txt", (" ".join(words) + "\n").encode()


def build_abbreviations(units: int) -> tuple[str, bytes]:
    """"U.S. " repeated ``units`` times: every full stop follows an abbreviation."""
    return "abbreviations.txt", ("U.S. " * units + "sent tanks to Poland.\n").encode()


def build_single_line(units: int) -> tuple[str, bytes]:
    """``units`` ordinary sentences on one line (a file that lost its line breaks)."""
    sentence = "Russia delivered {n} T-72 tanks to Venezuela in 2019, officials said. "
    return "single-line.txt", "".join(sentence.format(n=i % 90 + 2) for i in range(units)).encode()


def build_nested_html(units: int) -> tuple[str, bytes]:
    """``units`` levels of <p><li><blockquote>, never closed, each with a little text."""
    opening = "".join(f"<{NESTED_TAGS[i % 3]}>Iran sent drones {i}. " for i in range(units))
    return "nested.html", f"<html><body>{opening}</body></html>".encode()


def build_unclosed_tags(units: int) -> tuple[str, bytes]:
    """"<a " repeated ``units`` times after a paragraph: tags that never close."""
    return "unclosed.html", ("<p>Iran sent drones to Russia.</p><p>" + "<a " * units).encode()


# name -> (builder, units at 1× for the benchmark's README figures)
CASES: dict[str, tuple[Callable[[int], tuple[str, bytes]], int]] = {
    "country list": (build_country_list, 250),
    "unpunctuated words": (build_unpunctuated, 1_500),
    '"U.S. " repeated': (build_abbreviations, 2_000),
    "one long line": (build_single_line, 400),
    "nested HTML": (build_nested_html, 1_000),
    "unclosed HTML tags": (build_unclosed_tags, 20_000),
}


def extract_once(name: str, data: bytes) -> int:
    """Read and extract one article from its bytes, as an upload is, with no time budget (the
    budget would hide the growth this measures); the number of records."""
    article = article_from_bytes(name, data, "bench")
    return len(pipeline.extract_within_budget(article, None))


def growth(build: Callable[[int], tuple[str, bytes]], units: int, factors: tuple[int, ...],
           repeats: int) -> list[tuple[int, int, float]]:
    """(factor, bytes, seconds) at each factor of ``units``: the least CPU time of ``repeats`` runs.

    CPU time of this process, not wall time: other jobs on a shared machine delay a run without
    adding to its CPU time. The sizes take turns in each repeat, so a busy spell hits them alike."""
    inputs = [(factor, *build(units * factor)) for factor in factors]
    for _, name, data in inputs:
        decode_article_bytes(data, name)  # fail early on a builder that makes an unreadable input
    best = dict.fromkeys(factors, float("inf"))
    for _ in range(repeats):
        for factor, name, data in inputs:
            start = time.process_time()
            extract_once(name, data)
            best[factor] = min(best[factor], time.process_time() - start)
    return [(factor, len(data), best[factor]) for factor, _, data in inputs]


def ratios(timings: list[tuple[int, int, float]]) -> list[float]:
    """Time ratio from each size to the next (the factors double): 2 is linear."""
    return [b[2] / max(a[2], 1e-9) for a, b in pairwise(timings)]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every base size by this")
    parser.add_argument("--repeats", type=int, default=3, help="best of this many runs per size")
    args = parser.parse_args(argv)
    extract_once(*build_single_line(2))  # load the lexicons before the first timing
    print("| case | 1× | 2× | 4× | 8× | ratio per doubling |")
    print("| --- | --- | --- | --- | --- | --- |")
    for label, (build, units) in CASES.items():
        timings = growth(build, max(1, round(units * args.scale)), (1, 2, 4, 8), args.repeats)
        cells = [f"{size / 1000:.1f} KB: {seconds:.3f} s" for _, size, seconds in timings]
        print(f"| {label} | {' | '.join(cells)} | {', '.join(f'{r:.2f}' for r in ratios(timings))} |", flush=True)


if __name__ == "__main__":
    main()
