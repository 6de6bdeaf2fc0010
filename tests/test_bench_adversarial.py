"""bench/adversarial.py at small sizes: the cost of each hostile input must grow about linearly.

A ratio, not a wall-clock limit: each size is timed as the least CPU time of five runs, and doubling the
input may at most multiply the time by 3.5 (2 is linear, 4 quadratic; the fixed cost of a small
input keeps a linear case under 2, and the margin absorbs a loaded machine). Before issue 10 the
country list and the unpunctuated words grew about 9× per doubling at these sizes.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench" / "adversarial.py"
MAX_RATIO = 3.5
REPEATS = 5
# Units at 1× for each case: a few tens of milliseconds, so that timer noise stays small beside it.
SMALL_UNITS = {
    "country list": 250,
    "unpunctuated words": 400,
    '"U.S. " repeated': 1_000,
    "one long line": 100,
    "nested HTML": 300,
    "unclosed HTML tags": 20_000,
}


def load_bench():
    spec = importlib.util.spec_from_file_location("bench_adversarial", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


adversarial = load_bench()


@pytest.mark.parametrize("case", list(SMALL_UNITS))
def test_bench_adversarial_cost_grows_linearly(case):
    build, _ = adversarial.CASES[case]
    adversarial.extract_once(*build(2))  # lexicons loaded before the first timing
    timings = adversarial.growth(build, SMALL_UNITS[case], (1, 2), REPEATS)
    [ratio] = adversarial.ratios(timings)
    assert ratio < MAX_RATIO, f"{case}: {timings}"


def test_bench_adversarial_cases_cover_the_issue():
    assert set(adversarial.CASES) == set(SMALL_UNITS)
