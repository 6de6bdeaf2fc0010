"""Limits that keep one article's cost bounded: caps on a sentence's length and on the countries a
role decision weighs, and a time budget per article, checked between sentences.

The budget is cooperative: ``within_budget`` sets a deadline for the code that runs inside it, in the
current thread, and ``check()`` (called between sentences) raises ``BudgetExceeded`` once it has
passed. A signal (SIGALRM) would interrupt a stuck regex too, but Python delivers signals only to the
main thread, and the dashboard extracts uploads in Streamlit's script thread and Dask in its worker
threads; a watchdog thread cannot stop another thread; a child process per article would pay a fork
and a lexicon load for each. With the caps below no single sentence costs more than a fraction of a
second, so a deadline checked between sentences is overrun by at most that.

The deadline and the notes about cuts live in a ``ContextVar``: each thread (the main thread, a
Streamlit script thread, a Dask worker thread) sees only the article it is extracting.

An article's work may come in parts: ``pipeline.extract_many`` reads each article alone, has the
model parse the sentences of several articles in shared batches, then reads each article's claims
alone. A ``Budget`` keeps the time it has ``spent``: each part runs ``charged_to`` it (the deadline
is what is left), and an article's share of a shared batch is ``charge``d to it between batches.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

# A news sentence runs to 25-40 words (150-250 characters); the longest real ones in the seeds and the
# dev set stay under 700. 2,000 characters only cut text that has lost its punctuation (a table, a
# dump), whose pieces are still read.
MAX_SENTENCE_CHARS = 2_000
# The countries a role decision weighs for one term: a real sentence names at most a dozen or two;
# the weighing compares mentions pairwise, so a list of hundreds would cost its square.
MAX_MENTIONS = 40
# Seconds one article may take. The longest real article (a ~100 KB feature) takes about 1.5 s on one
# core of the benchmark machine, and a shared machine can be several times slower; a hostile input
# without the caps took minutes.
DEFAULT_BUDGET_SECONDS = 10.0


class BudgetExceeded(Exception):
    """An article took longer than its time budget."""


@dataclass
class Budget:
    """The time budget of the article being extracted, the time it has spent, and notes about what
    the caps cut from it. An article's work may come in several parts (reading, a share of a parse
    batch it has with other articles, its claims): ``spent`` adds them up."""

    seconds: float | None
    deadline: float | None = None
    notes: list[str] = field(default_factory=list)
    spent: float = 0.0

    def charge(self, seconds: float) -> None:
        """Add time spent on the article's behalf outside ``charged_to`` (its share of a batch)."""
        self.spent += seconds

    def over(self) -> bool:
        return bool(self.seconds) and self.spent > self.seconds

    def exceeded(self) -> BudgetExceeded:
        return BudgetExceeded(f"took longer than the {self.seconds:g} s time budget per article")


_current: ContextVar[Budget | None] = ContextVar("extract_budget", default=None)


@contextmanager
def charged_to(budget: Budget) -> Iterator[Budget]:
    """Run the body on ``budget``: its deadline is what the budget has left from now, and the time
    the body takes is added to what it has spent."""
    start = time.monotonic()
    budget.deadline = start + budget.seconds - budget.spent if budget.seconds else None
    token = _current.set(budget)
    try:
        yield budget
    finally:
        budget.spent += time.monotonic() - start
        _current.reset(token)


@contextmanager
def within_budget(seconds: float | None) -> Iterator[Budget]:
    """Run the body with a deadline ``seconds`` from now (None: no deadline, notes still kept)."""
    with charged_to(Budget(seconds)) as budget:
        yield budget


def check() -> None:
    """Raise BudgetExceeded when the current article's deadline has passed (no-op outside a budget)."""
    budget = _current.get()
    if budget is not None and budget.deadline is not None and time.monotonic() > budget.deadline:
        raise budget.exceeded()


def note(message: str) -> None:
    """Record that a cap cut something from the current article (each message once)."""
    budget = _current.get()
    if budget is not None and message not in budget.notes:
        budget.notes.append(message)
