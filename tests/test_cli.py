import subprocess
import sys

from extract.cli import build_parser, main


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


def test_cli_runs_as_module(seed_copy, tmp_path):
    done = subprocess.run([sys.executable, "-m", "extract", str(seed_copy), "--out", str(tmp_path), "--db",
                           str(tmp_path / "t.sqlite")], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "records.csv").exists() and "records:" in done.stdout
