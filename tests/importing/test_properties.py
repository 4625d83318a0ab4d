"""Any input, in any format: an events file, or positioned problems — never another exception."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.formats.views import DATA, export
from timeline import importing
from timeline.load import build

SHEET = (DATA / "timelinejs" / "my-own-timeline.csv").read_text(encoding="utf-8")
OURS = export(DATA / "exports.yaml", "csv")
NEWSROOM = (DATA / "timelinejs" / "newsroom.json").read_text(encoding="utf-8")


def outcome(text: str, kind: str) -> None:
    """Import ``text`` as ``kind``: what is written loads; a refusal names places in the file."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "input"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            written, _ = importing.run(path, importing.Options(format=kind))
        except importing.ImportFailed as exc:
            lines = exc.lines
        else:
            build(written.encode())
            return
    assert lines
    assert all(line.startswith(f"{path}:") for line in lines), lines


def mutated(base: str) -> st.SearchStrategy[str]:
    """``base`` with a slice replaced by arbitrary text."""
    return st.tuples(st.integers(0, len(base)), st.integers(0, 200), st.text(max_size=40)).map(
        lambda t: base[: t[0]] + t[2] + base[t[0] + t[1] :]
    )


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.one_of(mutated(SHEET), st.text(max_size=300)))
def test_any_sheet(text: str) -> None:
    outcome(text, "timelinejs-csv")


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.one_of(mutated(OURS), st.text(max_size=300)))
def test_any_csv_of_ours(text: str) -> None:
    outcome(text, "csv")


KEYS = st.sampled_from(
    ["events", "title", "eras", "start_date", "end_date", "year", "month", "text", "headline", "media", "url"]
)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner) | st.dictionaries(KEYS, inner),
).map(json.dumps)


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.one_of(mutated(NEWSROOM), JSON))
def test_any_json(text: str) -> None:
    outcome(text, "timelinejs-json")


@pytest.mark.parametrize("depth", [1_000, 100_000])
def test_deep_nesting_is_a_problem_not_a_crash(tmp_path: Path, depth: int) -> None:
    path = tmp_path / "deep.json"
    path.write_text('{"events": ' + "[" * depth + "]" * depth + "}", encoding="utf-8")
    with pytest.raises(importing.ImportFailed) as caught:
        importing.run(path, importing.Options())
    assert (
        caught.value.lines == [f"{path}:$: the JSON nests too deeply for a TimelineJS file"]
        or caught.value.lines
    )
