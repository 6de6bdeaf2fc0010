import shutil
from pathlib import Path

import pytest

from extract import engine, limits, pipeline, runner
from extract.articles import Article

SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"


def run_on_copy(tmp_path: Path, name: str, **options) -> list[str]:
    """Run the pipeline on a private copy of the seeds; the lines of the records.csv it writes."""
    folder = tmp_path / name
    shutil.copytree(SEEDS_DIR, folder / "seeds")
    runner.run(folder / "seeds", folder / "out", folder / "t.sqlite", **options)
    return (folder / "out" / "records.csv").read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("workers", [2])
def test_engine_dask_matches_local_row_for_row(tmp_path, workers):
    local = run_on_copy(tmp_path, "local")
    seen = []
    dask = run_on_copy(tmp_path, "dask", engine="dask", workers=workers, progress=lambda d, n: seen.append((d, n)))
    assert len(local) > 1
    assert dask == local
    assert seen and seen[-1] == (5, 5)


@pytest.mark.parametrize("n_articles, n_workers, expected", [(1000, 2, 125), (10, 2, 2), (1, 4, 1), (10**6, 2, 250)])
def test_engine_batch_size_gives_a_few_batches_per_worker(n_articles, n_workers, expected):
    assert engine.batch_size(n_articles, n_workers) == expected


def test_engine_no_articles_starts_no_cluster():
    assert engine.extract_with_dask([], workers=2) == []


@pytest.mark.parametrize("budget", [1.0])
def test_engine_dask_workers_keep_the_time_budget(tmp_path, budget):
    """The budget is checked in the worker's own thread, where no signal could reach."""
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, folder)
    (folder / "hostile.txt").write_text("Russia delivered T-72 tanks to Venezuela in 2019, officials said. " * 20_000,
                                        encoding="utf-8")  # about ten seconds of work on one line
    summary = runner.run(folder, None, tmp_path / "t.sqlite", engine="dask", workers=1, budget=budget)
    assert summary.extracted == 5
    assert summary.skipped == [f"hostile.txt: took longer than the {budget:g} s time budget per article; skipped"]


def test_engine_batch_reports_articles_over_budget(monkeypatch):
    def stall(article):
        while True:
            limits.check()

    monkeypatch.setattr(pipeline, "read_article", stall)
    results, skipped = engine.extract_batch([Article("slow", "Text.", path="/a/slow.txt")], budget=0.05)
    assert results == [] and skipped == ["slow.txt: took longer than the 0.05 s time budget per article; skipped"]
