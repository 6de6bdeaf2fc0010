import threading
import time

import pytest

from extract import limits


def wait_past_deadline(seconds: float) -> None:
    end = time.monotonic() + seconds * 3
    while time.monotonic() < end:
        pass


@pytest.mark.parametrize("seconds", [0.02])
def test_limits_check_raises_once_the_budget_is_spent(seconds):
    with limits.within_budget(seconds):
        limits.check()  # in time
        wait_past_deadline(seconds)
        with pytest.raises(limits.BudgetExceeded, match=f"{seconds:g} s"):
            limits.check()
    limits.check()  # outside a budget there is no deadline


@pytest.mark.parametrize("seconds", [0.02])
def test_limits_budget_works_in_a_thread_other_than_the_main_one(seconds):
    """Streamlit runs the page in a script thread and Dask tasks in worker threads: no signals."""
    outcome = []

    def worker():
        with limits.within_budget(seconds):
            wait_past_deadline(seconds)
            try:
                limits.check()
            except limits.BudgetExceeded:
                outcome.append("stopped")

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    assert outcome == ["stopped"]


@pytest.mark.parametrize("seconds", [0.02])
def test_limits_budget_of_one_thread_does_not_reach_another(seconds):
    other_saw = []
    with limits.within_budget(seconds):
        wait_past_deadline(seconds)
        thread = threading.Thread(target=lambda: other_saw.append(limits.check()))
        thread.start()
        thread.join()
    assert other_saw == [None]


@pytest.mark.parametrize("message", ["a sentence was cut"])
def test_limits_notes_are_kept_once_per_article(message):
    with limits.within_budget(None) as budget:
        limits.note(message)
        limits.note(message)
        limits.check()  # no budget: never raises
    assert budget.notes == [message]
    limits.note(message)  # outside an article: nowhere to keep it, and no error


@pytest.mark.parametrize("seconds", [0.5])
def test_limits_a_budget_spent_in_parts_counts_every_part(seconds):
    budget = limits.Budget(seconds)
    with limits.charged_to(budget):
        limits.check()  # the first part, in time
    budget.charge(seconds)  # a share of a batch parsed with other articles
    assert budget.over() and budget.spent > seconds
    with limits.charged_to(budget), pytest.raises(limits.BudgetExceeded, match=f"{seconds:g} s"):
        limits.check()  # nothing left for the next part
