import sqlite3
import subprocess
import sys

import pytest

from extract import lexicon
from extract.cli import build_console_parser, build_parser, console, main, run


def test_cli_every_option_has_help():
    for action in build_parser()._actions:
        assert action.help, action.dest


def test_cli_summary_line_and_exit_status(seed_copy, tmp_path, capsys):
    assert main([str(seed_copy), "--out", str(tmp_path / "out"), "--db", str(tmp_path / "t.sqlite"), "--quiet"]) == 0
    line = capsys.readouterr().out.strip().splitlines()[-1]
    assert line.startswith("5 articles (5 extracted, 0 unchanged)") and "skipped files: 0" in line
    (seed_copy / "bad.txt").write_bytes(b"")
    assert main([str(seed_copy), "--db", str(tmp_path / "t.sqlite"), "--quiet"]) == 3
    assert "skipped: bad.txt: empty file" in capsys.readouterr().err


def test_cli_missing_folder_is_a_clean_error(tmp_path, capsys):
    assert main([str(tmp_path / "nope")]) == 2
    assert "is not a folder" in capsys.readouterr().err


def test_cli_without_data_folder_says_install_editable(seed_copy, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(lexicon, "DATA_DIR", tmp_path / "site-packages" / "data")
    assert main([str(seed_copy), "--db", str(tmp_path / "t.sqlite"), "--quiet"]) == 2
    assert "pip install -e ." in capsys.readouterr().err


def test_cli_runs_as_module(seed_copy, tmp_path):
    done = subprocess.run([sys.executable, "-m", "extract", str(seed_copy), "--out", str(tmp_path), "--db",
                           str(tmp_path / "t.sqlite")], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "records.csv").exists() and "records:" in done.stdout


def test_cli_console_every_option_has_help():
    parser = build_console_parser()
    commands = next(a for a in parser._actions if a.choices)
    for sub in commands.choices.values():
        for action in sub._actions:
            assert action.help, action.dest


@pytest.mark.parametrize("argv", [
    ["articles", "--out", "out"],
    ["articles", "--out", "out", "--db", "t.sqlite", "--engine", "dask", "--scheduler", "tcp://h:8786", "--workers", "2",
     "--quiet"],
])
def test_cli_console_extract_parses_like_the_module(argv):
    console_args = vars(build_console_parser().parse_args(["extract", *argv]))
    assert console_args.pop("handler") is run
    assert console_args == vars(build_parser().parse_args(argv))


def test_cli_console_extract_runs(seed_copy, tmp_path, capsys):
    argv = ["extract", str(seed_copy), "--out", str(tmp_path / "out"), "--db", str(tmp_path / "t.sqlite"), "--quiet"]
    assert console(argv) == 0
    assert capsys.readouterr().out.strip().startswith("5 articles (5 extracted, 0 unchanged)")
    assert (tmp_path / "out" / "records.csv").exists()


def test_cli_console_needs_a_command(capsys):
    with pytest.raises(SystemExit) as exit_:
        console([])
    assert exit_.value.code == 2 and "COMMAND" in capsys.readouterr().err

def store_rows(db):
    conn = sqlite3.connect(db)
    return {table: conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall() for table in ("articles", "records")}


def add_bad_files(folder):
    """One file of each kind issue 10 found, and what each should be refused for."""
    (folder / "empty.txt").write_bytes(b"")
    (folder / "late-nul.txt").write_bytes(b"Russia sent tanks. " * 400 + b"\x00")
    (folder / "latin1.txt").write_bytes("Caf\xe9 militaire".encode("latin-1"))
    with (folder / "huge.txt").open("wb") as handle:
        handle.truncate(50_000_000)
    (folder / "system.txt").symlink_to("/etc/passwd")
    (folder / "hostile.txt").write_text("Russia delivered T-72 tanks to Venezuela in 2019, officials said. " * 20_000,
                                        encoding="utf-8")  # 1.3 MB on one line: about ten seconds of work, stopped at 1 s
    metadata = folder / "articles.csv"  # the seeds' rows stay; a ragged row and an unclosed quote follow
    lines = metadata.read_text(encoding="utf-8").count("\n")
    metadata.write_bytes(b"\xef\xbb\xbf" + metadata.read_bytes() + b'wide,2024-01-01,,,,extra\nq,"unclosed,,,\n')
    return {"empty.txt": "empty file", "late-nul.txt": "binary file", "latin1.txt": "not UTF-8",
            "huge.txt": "too large", "system.txt": "outside the articles folder", "hostile.txt": "time budget",
            f"articles.csv line {lines + 1}": "6 fields", f"articles.csv line {lines + 2}": "unclosed quote"}


def test_cli_a_folder_of_hostile_files_names_each_and_loses_nothing(seed_copy, tmp_path, capsys):
    db, out = tmp_path / "t.sqlite", tmp_path / "out"
    assert main([str(seed_copy), "--out", str(out), "--db", str(db), "--quiet"]) == 0
    before = store_rows(db)
    (seed_copy / "utf16.txt").write_bytes("Iran shipped Shahed-136 drones to Russia in 2022.".encode("utf-16"))
    reasons = add_bad_files(seed_copy)
    capsys.readouterr()
    assert main([str(seed_copy), "--out", str(out), "--db", str(db), "--quiet", "--budget", "1"]) == 3
    err = capsys.readouterr().err
    for name, reason in reasons.items():
        assert any(line.startswith(f"skipped: {name}:") and reason in line for line in err.splitlines()), (name, err)
    after = store_rows(db)
    assert set(before["articles"]) <= set(after["articles"]) and set(before["records"]) <= set(after["records"])
    assert {row[0] for row in after["articles"]} - {row[0] for row in before["articles"]} == {"utf16"}


def test_cli_unwritable_out_changes_nothing_and_says_so(seed_copy, tmp_path, capsys):
    (tmp_path / "out").write_text("a file, not a folder", encoding="utf-8")
    db = tmp_path / "t.sqlite"
    assert main([str(seed_copy), "--out", str(tmp_path / "out"), "--db", str(db), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert "cannot write to" in err and str(tmp_path / "out") in err and "nothing was changed" in err
    assert not db.exists()


def test_cli_database_error_names_the_store(seed_copy, tmp_path, capsys):
    db = tmp_path / "t.sqlite"
    db.write_bytes(b"not a database" * 100)
    assert main([str(seed_copy), "--db", str(db), "--quiet"]) == 2
    assert f"the store {db}" in capsys.readouterr().err


@pytest.mark.parametrize(("value", "budget"), [("2.5", 2.5), ("0", None)])
def test_cli_budget_option(value, budget):
    assert build_parser().parse_args(["folder", "--budget", value]).budget == budget
