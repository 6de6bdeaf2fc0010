import shutil
from pathlib import Path

import pytest

from extract import engine, pipeline

SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"


def run_on_copy(tmp_path: Path, name: str, **options) -> list[str]:
    """Run the pipeline on a private copy of the seeds; the lines of the records.csv it writes."""
    folder = tmp_path / name
    shutil.copytree(SEEDS_DIR, folder / "seeds")
    pipeline.run(folder / "seeds", folder / "out", folder / "t.sqlite", **options)
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
