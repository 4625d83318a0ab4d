"""`timeline import FILE [--format …] [-o events.yaml] [--base-url URL] [--events FILE] [--zone ZONE]`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.formats.views import DATA, export
from timeline.cli import main

SAMPLES = DATA / "timelinejs"


def test_writes_the_file_and_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "events.yaml"
    assert main(["import", str(SAMPLES / "newsroom.json"), "-o", str(target), "--base-url",
                 "https://news.example/timeline/", "--zone", "Asia/Qyzylorda"]) == 0  # fmt: skip
    err = capsys.readouterr().err
    assert f"{target}: written from {SAMPLES / 'newsroom.json'}" in err
    assert "warning: display date 'Tuesday morning, Baikonur time' is not kept" in err
    assert main(["check", str(target)]) == 0
    assert oct(target.stat().st_mode & 0o777) == oct(0o666 & ~_umask())
    assert list(tmp_path.iterdir()) == [target]  # no temporary file left behind


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_without_output_prints_the_events_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(SAMPLES / "eras.json")]) == 0
    out = capsys.readouterr().out
    assert out.startswith(
        "# Imported from eras.json (TimelineJS JSON) by timeline import.\ntitle: Eras Test\n"
    )


def test_a_broken_input_writes_nothing_and_keeps_the_old_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "events.yaml"
    target.write_text("the old file\n", encoding="utf-8")
    assert main(["import", str(SAMPLES / "cosmo.json"), "-o", str(target)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[-1] == "timeline import: nothing written (7 problem(s))"
    assert f"{SAMPLES / 'cosmo.json'}:$.events[0].start_date.year: year -13800000000 is outside" in err[3]
    assert target.read_text(encoding="utf-8") == "the old file\n"
    assert list(tmp_path.iterdir()) == [target]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("garbage.json", b"\xff\xfe\x00garbage", ":1:1: the file is not UTF-8"),
        ("truncated.json", b'{"events": [', ":1:13: not JSON: Expecting value"),
        ("empty.csv", b"", "cannot tell the format"),
        ("nul.csv", b"Year,Headline\n2021,a\x00b\n", ":2:7: NUL character in file"),
        ("list.json", b"[1, 2]", ":$: a TimelineJS file is an object with an events list"),
    ],
)
def test_never_a_traceback(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    done = subprocess.run(
        [sys.executable, "-m", "timeline.cli", "import", str(path), "-o", str(tmp_path / "out.yaml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert message in done.stderr, done.stderr
    assert not (tmp_path / "out.yaml").exists()


def test_the_format_is_guessed_or_given(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ours = tmp_path / "view.txt"
    ours.write_text(export(DATA / "mini.yaml", "csv"), encoding="utf-8", newline="")
    assert main(["import", str(ours)]) == 0
    assert "(timeline CSV)" in capsys.readouterr().out
    sheet = tmp_path / "sheet.txt"
    sheet.write_text(export(DATA / "mini.yaml", "timelinejs.csv"), encoding="utf-8", newline="")
    assert main(["import", str(sheet)]) == 0
    assert "(TimelineJS CSV)" in capsys.readouterr().out
    assert main(["import", str(sheet), "--format", "csv"]) == 1
    assert "missing column 'id'" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--zone", "Mars/Olympus"], "--zone: unknown time zone 'Mars/Olympus'"),
        (["--base-url", "javascript:alert(1)"], "--base-url: URL scheme must be http or https"),
        (["--events", str(DATA / "mini.yaml")], "--events: only a CSV import"),
    ],
)
def test_bad_options_are_named(options: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(SAMPLES / "eras.json"), *options]) == 1
    assert message in capsys.readouterr().err


def test_events_must_be_a_valid_data_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("title: [\n", encoding="utf-8")
    exported = tmp_path / "view.csv"
    exported.write_text(export(DATA / "mini.yaml", "csv"), encoding="utf-8", newline="")
    assert main(["import", str(exported), "--events", str(broken)]) == 1
    err = capsys.readouterr().err
    assert f"{broken}:2:1:" in err
    assert f"--events {broken}: fix the data file first" in err
