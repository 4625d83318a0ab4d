"""`timeline check`: exit 0 on a good file; every problem as PATH:LINE:COL, exit 1, no traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from timeline.cli import main

DATA = Path(__file__).parent / "data"


def test_good_file_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(DATA / "mini.yaml"), "--archive", str(DATA / "archive")]) == 0
    assert "OK — 5 events" in capsys.readouterr().err


def test_broken_file_lists_every_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.yaml"
    text = (DATA / "mini.yaml").read_text(encoding="utf-8")
    text = text.replace("date: 1957-11-03", "date: 03/11/1957").replace("countries: [US]", "countries: [XX]")
    text = text.replace("url: https://example.org/report", "url: javascript:alert(1)")
    broken.write_text(text, encoding="utf-8")
    assert main(["check", str(broken)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 4  # [US] occurs twice: Tom Cruise's actor entry and his event
    assert all(line.startswith(f"{broken}:") for line in lines)
    positions = [tuple(int(n) for n in line.split(":")[1:3]) for line in lines]
    assert positions == sorted(positions)
    assert "javascript" in lines[0]
    assert "XX" in lines[1]
    assert "ambiguous" in lines[2]
    assert "XX" in lines[3]


def test_console_script_never_shows_a_traceback(tmp_path: Path) -> None:
    cases = {"binary.yaml": b"\xff\xfe\x00garbage", "tabs.yaml": b"title: x\n\t- y\n", "empty.yaml": b""}
    for name, data in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        done = subprocess.run(
            [sys.executable, "-m", "timeline.cli", "check", str(path)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 1, name
        assert "Traceback" not in done.stdout + done.stderr
        assert done.stdout.startswith(f"{path}:"), done.stdout


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(tmp_path / "nope.yaml")]) == 1
    assert capsys.readouterr().out.strip() == f"{tmp_path / 'nope.yaml'}:1:1: file not found"
