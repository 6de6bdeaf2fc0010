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
