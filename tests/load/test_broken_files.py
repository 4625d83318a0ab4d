"""Broken data files: each is reported as FILE:LINE:COL lines with exit status 1, never a traceback.

Every file in tests/data/broken/ has one defect (its first line says which) and an entry in
BROKEN giving every problem ``timeline check`` must report: line, column and a part of the
message.  A file without an entry fails the suite, so the table and the folder stay in step.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

from bench.generate import generate
from tests.support import DATA, drop_file_override
from timeline import cli
from timeline.load import MAX_FILE_BYTES, LoadError, build, document, fastyaml, load, yamlread

BROKEN_DIR = DATA / "broken"
Expected = list[tuple[int, int, str]]

BROKEN: dict[str, Expected] = {
    # YAML syntax
    "syntax-unclosed-bracket": [
        (21, 14, "did not find expected ',' or ']' (the [ list opened at line 20, column 13 is not closed)")
    ],
    "syntax-unclosed-quote": [(27, 12, "this quoted text is never closed")],
    "syntax-bad-indent": [(19, 10, "mapping values are not allowed")],
    "half-written": [(32, 16, "this quoted text is never closed")],
    "tab-indent": [(19, 1, "a tab is not allowed here (YAML indents with spaces)")],
    "second-document": [(33, 1, "only one YAML document is allowed")],
    "complex-key": [(20, 7, "mapping keys must be plain text")],
    # what safe loading refuses
    "duplicate-key-top": [(3, 1, "duplicate key 'title' (first defined on line 2)")],
    "duplicate-key-nested": [(26, 9, "duplicate key 'quote' (first defined on line 25)")],
    "anchor-alias": [
        (15, 16, "anchors (&ussr) are not allowed"),
        (21, 16, "aliases (*ussr) are not allowed"),
    ],
    "merge-key": [(29, 5, "merge keys (<<) are not allowed")],
    "explicit-tag": [(27, 12, "YAML tags such as !!python/object/apply:os.system are not allowed")],
    # bytes
    "empty": [(1, 1, "the file is empty")],
    "only-comments": [(1, 1, "the file is empty")],
    "latin-1": [(27, 14, "the file is not UTF-8 (byte 0xe9)")],
    "nul-byte": [(8, 18, "NUL character in file")],
    "control-character": [(18, 17, "control character U+0007 is not allowed")],
    # structure (the JSON Schema)
    "root-is-a-list": [(2, 1, "the file: expected a mapping (key: value), found a list")],
    "unknown-key": [
        (17, 5, "events.0: 'title' is a required property"),
        (18, 5, "unknown key 'titel' (allowed here: id, title, date"),
    ],
    "missing-citations": [(17, 5, "events.0: 'citations' is a required property")],
    "empty-citations": [(23, 16, "events.0.citations: an event needs at least one citation")],
    "tag-without-label": [(4, 5, "tags.0: 'label' is a required property")],
    "kind-not-allowed": [(14, 11, "actors.0.kind: 'robot' is not one of person | organisation")],
    "title-too-long": [(18, 12, "events.0.title: too long (599 characters; at most 500)")],
    "country-lowercase": [(21, 17, "'no' is not valid here (an ISO 3166-1 alpha-2 code in capitals")],
    # meaning
    "date-feb-30": [(19, 11, "bad date: day 30 does not exist in February 2020")],
    "date-unreadable": [(19, 11, "bad date: cannot read date 'soon after the war'")],
    "date-ambiguous": [(19, 11, "bad date: ambiguous date '03/11/1957'")],
    "time-without-zone": [(19, 11, "needs a UTC offset (such as Z or +06:00) or the event's zone")],
    "end-before-start": [(20, 10, "end '1957-10-04' is before the start '1957-11-03'")],
    "unknown-actor": [(20, 14, "unknown actor 'belka'")],
    "unknown-source": [(24, 17, "unknown source 'tass'")],
    "unknown-tag": [(22, 12, "unknown tag 'landing'")],
    "unknown-country": [(21, 17, "unknown country code 'XX'")],
    "unknown-zone": [(29, 11, "unknown time zone 'Mars/Olympus_Mons'")],
    "blank-quote": [(25, 16, "the quote is empty")],
    "duplicate-event-id": [(26, 9, "duplicate event id 'sputnik-2' (first on line 17)")],
    "outcome-of-itself": [(21, 14, "an event cannot be its own outcome")],
    # languages and translations
    "language-not-a-tag": [(3, 11, "language: 'English' is not valid here (a BCP 47 language tag")],
    "native-language-without-name": [(15, 22, "native_language is the language of native_name")],
    "translation-unknown-language": [(24, 7, "unknown language 'xx'")],
    "translation-into-own-language": [(24, 7, "the file is written in 'en': a translation into it repeats")],
    "translation-unknown-field": [
        (24, 12, "unknown key 'titel' (allowed here: title, summary, place, zone_label)")
    ],
    "translation-of-a-quote": [(27, 16, "unknown key 'quote' (allowed here: note)")],
    "translation-without-original": [(27, 16, "translates note, but the record has no note")],
    # source URLs
    "url-javascript": [(10, 10, "'javascript:alert(1)' is not valid here (a URL must start with http")],
    "url-javascript-mixed-case": [(10, 10, "'JaVaScRiPt:alert(1)' is not valid here")],
    "url-java-tab-script": [(10, 10, "'java\\tscript:alert(1)' is not valid here")],
    "url-data": [(10, 10, "'data:text/html,<script>alert(1)</script>' is not valid here")],
    "url-vbscript": [(10, 10, "'vbscript:msgbox(1)' is not valid here")],
    "url-file": [(10, 10, "'file:///etc/passwd' is not valid here")],
    "url-scheme-relative": [(10, 10, "'//evil.example/report' is not valid here")],
    "url-no-slashes": [(10, 10, "'https:evil.example' is not valid here")],
    "url-credentials": [(10, 10, "URL must not contain a user name or password")],
    "url-control-character": [(10, 10, "URL contains spaces, backslashes, control or invisible characters")],
    "url-bidi-override": [(10, 10, "URL contains spaces, backslashes, control or invisible characters")],
}


def check(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    """Run ``timeline check PATH`` in-process: its exit status and output lines."""
    status = cli.main(["check", os.fspath(path)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return status, out.splitlines()


def test_every_broken_file_has_an_entry() -> None:
    files = {p.stem for p in BROKEN_DIR.glob("*.yaml")}
    assert files == set(BROKEN) | {"alias-bomb"}
    assert len(files) >= 30


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_file_reports_each_problem_where_it_was_written(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = BROKEN_DIR / f"{name}.yaml"
    status, lines = check(path, capsys)
    assert status == 1
    expected = BROKEN[name]
    assert len(lines) == len(expected), lines
    for line, (row, col, fragment) in zip(lines, expected, strict=True):
        assert line.startswith(f"{path}:{row}:{col}: "), line
        assert fragment in line, line


def test_billion_laughs_is_refused_without_expanding_anything(capsys: pytest.CaptureFixture[str]) -> None:
    path = BROKEN_DIR / "alias-bomb.yaml"
    tracemalloc.start()
    status, lines = check(path, capsys)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert status == 1
    assert lines[0] == f"{path}:2:4: anchors (&a) are not allowed; write the value out"
    assert lines[2] == f"{path}:3:8: aliases (*a) are not allowed; write the value out"
    assert all("are not allowed; write the value out" in line for line in lines)
    assert peak < 5 * 2**20  # expanded, the file would be 9**9 strings


def test_yaml_11_values_stay_as_written(tmp_path: Path) -> None:
    text = (BROKEN_DIR.parent / "mini.yaml").read_text(encoding="utf-8")
    text = text.replace("countries: [SU]\n  - id: tom-cruise", "countries: [NO]\n  - id: tom-cruise")
    text = text.replace("title: Mini timeline", "title: 010")
    path = tmp_path / "events.yaml"
    path.write_text(text, encoding="utf-8")
    timeline = load(path)
    assert timeline.title == "010"  # not 8
    assert timeline.actors["laika"].countries == ("NO",)  # Norway, not False
    assert timeline.countries["NO"] == "Norway"
    assert timeline.event("laika") is not None
    assert timeline.sources["agency"].published is not None  # an unquoted date is read as text


def test_a_byte_order_mark_is_allowed() -> None:
    data = b"\xef\xbb\xbf" + (BROKEN_DIR.parent / "mini.yaml").read_bytes()
    assert build(data).title == "Mini timeline"


def deep(depth: int) -> bytes:
    """A document nested ``depth`` brackets deep."""
    return b"title: " + b"[" * depth + b"]" * depth + b"\n"


@pytest.mark.parametrize("text", [deep(50_000), b"a: " + b"{a: " * 50_000, b"- " * 50_000 + b"x\n"])
def test_deep_nesting_is_a_positioned_problem_not_a_crash(tmp_path: Path, text: bytes) -> None:
    # In a child process: PyYAML's own composer overflows the C stack at this depth.
    path = tmp_path / "deep.yaml"
    path.write_bytes(text)
    run = subprocess.run(
        [sys.executable, "-m", "timeline.cli", "check", os.fspath(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    # Our reader or libyaml (PyYAML 6.0.4 and later) may be the one to notice: either way the
    # user sees one positioned problem about nesting, never a crash.
    first = run.stdout.splitlines()[0]
    assert re.match(rf"{re.escape(str(path))}:1:\d+: .*nest", first), first


def test_deep_nesting_in_a_large_file_does_not_reach_the_fast_reader() -> None:
    text = b"[" * 600_000 + b"]" * 600_000  # over the fast path's 1 MiB threshold
    assert not fastyaml.suitable(text)
    with pytest.raises(LoadError) as caught:
        build(text)
    problem = caught.value.problems[0]
    assert problem.line == 1
    assert "nest" in problem.message


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: no disk space used
    status, lines = check(path, capsys)
    assert status == 1
    assert lines == [f"{path}:1:1: the file is larger than 128 MiB"]


def test_too_many_values_stop_the_read_with_a_position(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlread, "MAX_VALUES", 1000)
    with pytest.raises(LoadError) as caught:
        build(b"events:\n" + b"  - x\n" * 2000)
    problem = caught.value.problems[0]
    assert (problem.line, problem.col) == (999, 5)  # keys and lists count too
    assert problem.message == "the file has more than 1,000 values"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: None, "file not found"),
        (lambda p: p.mkdir(), "is a directory, not a file"),
        (lambda p: os.mkfifo(p), "is not a regular file"),
    ],
    ids=["missing", "directory", "fifo"],
)
def test_a_path_that_is_not_a_readable_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make: object, message: str
) -> None:
    path = tmp_path / "events.yaml"
    make(path)  # type: ignore[operator]
    status, lines = check(path, capsys)
    assert status == 1
    assert lines == [f"{path}:1:1: {message}"]


def test_an_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    path.write_text("title: x\n")
    path.chmod(0)
    # A child that obeys file permissions even when the tests run as root.
    run = subprocess.run(
        [sys.executable, "-m", "timeline.cli", "check", os.fspath(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        preexec_fn=drop_file_override,
    )
    assert (run.returncode, run.stdout) == (1, f"{path}:1:1: cannot read the file: permission denied\n")


def test_the_limits_admit_the_100000_event_benchmark_file() -> None:
    data = generate(100_000).encode()  # the file `make bench` loads
    assert len(data) < MAX_FILE_BYTES / 2
    assert fastyaml.suitable(data)  # so it is read on the fast path, within the value budget


def test_the_fast_reader_and_the_precise_reader_build_the_same_snapshot(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = generate(3000).encode()
    assert len(data) >= document.FAST_PATH_BYTES
    fast = build(data)
    monkeypatch.setattr(document, "FAST_PATH_BYTES", len(data) + 1)
    assert build(data) == fast
    assert len(fast.events) == 3000


def test_problems_never_quote_a_huge_value() -> None:
    text = (BROKEN_DIR.parent / "mini.yaml").read_text(encoding="utf-8")
    broken = text.replace("kind: animal", "kind: " + "x" * 100_000).replace(
        "  - id: laika\n", "  - id: laika\n    " + "y" * 1000 + ": 1\n"
    )
    with pytest.raises(LoadError) as caught:
        build(broken.encode())
    assert len(caught.value.problems) >= 2  # the kind, and each unknown key
    assert all(len(p.message) < 300 for p in caught.value.problems)
