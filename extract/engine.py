"""The Dask engine: ``pipeline.extract_many`` spread over the workers of a Dask cluster, in batches.

Each worker process extracts whole batches with ``pipeline.extract_many``, as the local engine does
(the sentences of several articles parsed together, each article within its own budget). The
lexicons and the matchers compiled from them are module-level caches (``lexicon.load_table`` and the ``lru_cache``
builders in equipment, places, terms...), so they load once per worker process, not once per task:
a worker keeps its imported modules between tasks. ``_warm_up`` pays that cost on every worker
before the first batch, so no batch carries it.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager

from distributed import Client, LocalCluster, as_completed

from . import limits
from .articles import Article
from .pipeline import Progress, extract_article, extract_many
from .records import Record

# A few batches per worker: a worker that finishes early takes another (articles differ in length),
# while the per-task cost (scheduling, pickling: milliseconds) stays small beside a batch's work.
BATCHES_PER_WORKER = 4
# An upper bound on a batch, so that a large corpus still reports progress every few seconds.
MAX_BATCH = 250
# Workers of the LocalCluster when the caller names none.
DEFAULT_WORKERS = 2
# A sentence that touches every finder (countries, places, items, deployments, agreements, cues, dates).
WARM_UP_TEXT = "Russia delivered two Su-35 fighter jets and sent troops to Tehran under a 2024 defense agreement."

Results = list[tuple[Article, list[Record]]]


def extract_batch(batch: list[Article], budget: float | None = limits.DEFAULT_BUDGET_SECONDS
                  ) -> tuple[Results, list[str]]:
    """Extract a batch of articles on a worker, each within its time budget (checked in the worker's
    own thread, see extract/limits.py); each article comes back as the worker left it (an inferred
    publication date and notes set on it, as the local engine does), and a message for each article
    over its budget."""
    skipped: list[str] = []
    return extract_many(batch, budget=budget, skipped=skipped), skipped


def _warm_up() -> None:
    extract_article(Article(article_id="warm-up", text=WARM_UP_TEXT, published="2024-01-01"))


def batch_size(n_articles: int, n_workers: int) -> int:
    """Articles per task: a few tasks per worker, at most MAX_BATCH.

    >>> batch_size(1000, 2), batch_size(10, 2), batch_size(100_000, 2)
    (125, 2, 250)
    """
    return max(1, min(MAX_BATCH, math.ceil(n_articles / (max(n_workers, 1) * BATCHES_PER_WORKER))))


@contextmanager
def open_client(scheduler: str | None, workers: int | None) -> Iterator[Client]:
    """A client of the cluster at ``scheduler``, else of a LocalCluster of ``workers`` single-threaded
    processes (the extractor is pure Python: threads would share one GIL). Only a cluster started
    here is shut down on exit."""
    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with LocalCluster(n_workers=workers or DEFAULT_WORKERS, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        yield client


def extract_with_dask(articles: list[Article], scheduler: str | None = None, workers: int | None = None,
                      progress: Progress | None = None, budget: float | None = limits.DEFAULT_BUDGET_SECONDS,
                      skipped: list[str] | None = None) -> Results:
    """Extract articles across a Dask cluster; results in input order, progress as batches finish; an
    article over its time budget is left out and the reason added to ``skipped``."""
    if not articles:
        return []
    with open_client(scheduler, workers) as client:
        client.run(_warm_up)
        slots = sum(client.nthreads().values()) or workers or DEFAULT_WORKERS
        size = batch_size(len(articles), slots)
        batches = [articles[i:i + size] for i in range(0, len(articles), size)]
        # Scattered, not embedded in the task graph: a large corpus would otherwise go to the
        # scheduler as one oversized graph message.
        data = client.scatter(batches, hash=False)
        futures = client.map(extract_batch, data, budget=budget, pure=False)
        position = {future.key: i for i, future in enumerate(futures)}
        done: dict[int, tuple[Results, list[str]]] = {}
        finished = 0
        for future, (results, over_budget) in as_completed(futures, with_results=True):
            done[position[future.key]] = results, over_budget
            finished += len(results) + len(over_budget)
            if progress:
                progress(finished, len(articles))
    if skipped is not None:
        skipped.extend(message for i in range(len(batches)) for message in done[i][1])
    return [pair for i in range(len(batches)) for pair in done[i][0]]
