"""Golden imports: TimelineJS's own example files and our fixtures, each to a committed events file.

The expected files are in tests/data/timelinejs/golden/: ``NAME.yaml`` (what is written) and
``NAME.txt`` (the warnings, or the problems when nothing is written).  After a deliberate change,
``UPDATE_GOLDEN=1 pytest tests/importing`` rewrites them; review the diff before committing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.support import DATA, ROOT
from timeline import importing
from timeline.load import build

SAMPLES = DATA / "timelinejs"
GOLDEN = SAMPLES / "golden"
PACKAGE = ROOT / "node_modules" / "@knight-lab" / "timelinejs" / "src" / "template"
THEIRS = ("my-own-timeline.csv", "eras.json", "all-media-types.json", "cosmo.json")
NEWSROOM = importing.Options(base_url="https://news.example/timeline/", zone="Asia/Qyzylorda")
CASES = {
    "my-own-timeline": ("my-own-timeline.csv", importing.Options()),
    "eras": ("eras.json", importing.Options()),
    "all-media-types": ("all-media-types.json", importing.Options()),
    "cosmo": ("cosmo.json", importing.Options()),
    "newsroom": ("newsroom.json", NEWSROOM),
    "newsroom-no-options": ("newsroom.json", importing.Options()),
    "newsroom-v1": ("newsroom-v1.csv", NEWSROOM),
    "broken": ("broken.json", importing.Options()),
    "broken-sheet": ("broken-sheet.csv", importing.Options()),
}


def imported(name: str) -> tuple[str | None, str]:
    """The events file (None: refused) and the messages, with the input named by its file name."""
    file, options = CASES[name]
    path = SAMPLES / file
    try:
        text, lines = importing.run(path, options)
    except importing.ImportFailed as exc:
        text, lines = None, exc.lines
    return text, "".join(line.replace(os.fspath(path), file) + "\n" for line in lines)


def compare(path: Path, actual: str) -> None:
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"no golden file {path.name}: run with UPDATE_GOLDEN=1 and review it"
    assert actual == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", list(CASES))
def test_import_matches_its_golden_file(name: str) -> None:
    text, messages = imported(name)
    compare(GOLDEN / f"{name}.txt", messages)
    if text is not None:
        compare(GOLDEN / f"{name}.yaml", text)
        build(text.encode())  # what is written loads, as `timeline check` would load it
    else:
        assert not (GOLDEN / f"{name}.yaml").exists()


@pytest.mark.parametrize("file", THEIRS)
def test_the_examples_are_timelinejs_own_files(file: str) -> None:
    if not PACKAGE.exists():
        pytest.fail("TimelineJS is not installed: run `make browser` (npm ci)")
    assert (SAMPLES / file).read_bytes() == (PACKAGE / file).read_bytes()
