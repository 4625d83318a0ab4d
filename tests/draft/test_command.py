"""`timeline draft` end to end: YAML that pastes under `events:` and passes `timeline check`
(quotes included, against the article), JSON of the documented shape, and one-line errors."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from timeline.cli import main

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = ROOT / "tests" / "draft" / "data" / "heldout" / "h1_soyuz_landing.txt"
SOURCE = """  - id: soyuz-landing-article
    title: "Soyuz crew lands in Kazakhstan after record stay"
    publisher: Test wire
    published: 2022-03-30
    archive: h1_soyuz_landing.txt
"""


def draft(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["draft", *args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_yaml_pastes_under_events_and_passes_check_with_its_quotes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    events, archive = tmp_path / "events.yaml", tmp_path / "archive"
    shutil.copy(ROOT / "tests" / "data" / "mini.yaml", events)
    shutil.copytree(ROOT / "tests" / "data" / "archive", archive)
    shutil.copy(ARTICLE, archive)
    status, out, err = draft(
        capsys,
        str(ARTICLE),
        "--published",
        "2022-03-30",
        "--source",
        "soyuz-landing-article",
        "--events",
        str(events),
    )
    assert status == 0
    assert "add the source 'soyuz-landing-article'" in err
    drafted = yaml.safe_load(out)
    assert len(drafted) >= 6
    assert {"id", "title", "date", "citations"} <= set(drafted[0])
    text = events.read_text(encoding="utf-8").replace("\nsources:\n", "\nsources:\n" + SOURCE, 1)
    events.write_text(text.rstrip("\n") + "\n" + out, encoding="utf-8")
    assert main(["check", str(events), "--archive", str(archive)]) == 0
    assert "quotes checked against the archive" in capsys.readouterr().err


def test_yaml_names_actors_countries_and_plans(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = draft(
        capsys, str(ARTICLE), "--published", "2022-03-30", "--events", str(ROOT / "events.yaml")
    )
    assert status == 0
    drafted = {e["date"]: e for e in yaml.safe_load(out)}
    assert drafted["2021-04-09"]["actors"][:2] == ["mark-vande-hei", "soyuz-ms-18"]
    assert "KZ" in drafted["2022-03-30"]["countries"]
    assert drafted["2022-09"]["status"] == "planned"
    assert "status" not in drafted["2021-04"]
    assert '# "on Tuesday" in an article published Wed 30 Mar 2022' in out


def test_json_has_the_documented_shape_sorted_by_date(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = draft(capsys, str(ARTICLE), "--published", "2022-03-30", "--format", "json")
    assert status == 0
    document = json.loads(out)
    assert set(document) == {"article", "published", "drafts"}
    assert document["published"] == "2022-03-30"
    keys = {"date", "expression", "quote", "note", "actors", "countries", "status", "id", "title"}
    assert all(set(d) == keys for d in document["drafts"])
    dates = [d["date"] for d in document["drafts"]]
    assert dates[0] == "2015/2016"
    assert dates.index("2021-04") < dates.index("2021-04-09") < dates.index("2022-09")
    assert len({d["id"] for d in document["drafts"]}) == len(dates)


def test_the_publication_date_can_come_from_the_cited_source(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "paper.txt"
    article.write_text("The crew launched on Tuesday.\n", encoding="utf-8")
    events = ROOT / "tests" / "data" / "mini.yaml"
    status, out, _ = draft(capsys, str(article), "--source", "paper", "--events", str(events))
    assert status == 0
    assert f"(published Tue 5 Oct 2021, the published date of source `paper` in {events}):" in out
    assert yaml.safe_load(out)[0]["date"] == "2021-10-05"
    status, out, _ = draft(
        capsys, str(article), "--source", "paper", "--events", str(events), "--published", "2021-10-17"
    )
    assert status == 0
    assert yaml.safe_load(out)[0]["date"] == "2021-10-12"  # --published wins
    assert "the published date of source" not in out


@pytest.mark.parametrize(
    ("published", "message"),
    [("2021", "was published 2021, not on a day"), (None, "has no published date")],
)
def test_a_source_without_a_publication_day_is_a_clear_error(
    published: str | None, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    events = tmp_path / "events.yaml"
    line = f"    published: {published}\n" if published else ""
    text = (ROOT / "tests" / "data" / "mini.yaml").read_text(encoding="utf-8")
    events.write_text(text.replace("    published: 2021-10-17\n", line, 1), encoding="utf-8")
    code, out, err = draft(capsys, str(ARTICLE), "--source", "agency", "--events", str(events))
    assert (code, out) == (2, "")
    assert message in err
    assert "give --published YYYY-MM-DD" in err
    assert err.count("\n") == 1


def test_html_article(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>The crew launched on <b>Tuesday</b>.</p></body></html>", encoding="utf-8")
    status, out, _ = draft(capsys, str(page), "--published", "2021-10-05", "--format", "json")
    assert status == 0
    (only,) = json.loads(out)["drafts"]
    assert (only["date"], only["quote"]) == ("2021-10-05", "The crew launched on Tuesday.")


@pytest.mark.parametrize(
    ("args", "status", "message"),
    [
        (["missing.txt", "--published", "2021-10-05"], 1, "timeline draft: missing.txt: no such file"),
        (
            [str(ARTICLE), "--published", "2021-13-01"],
            2,
            "timeline draft: --published '2021-13-01' is not a date",
        ),
        ([str(ARTICLE), "--published", "5 Oct"], 2, "is not a date: write YYYY-MM-DD"),
        ([str(ARTICLE), "--published", "2021-10-05", "--source", "Bad Id"], 2, "is not an id"),
        (
            [str(ARTICLE), "--published", "2021-10-05", "--events", "nope.yaml"],
            1,
            "--events nope.yaml: no such file",
        ),
        ([str(ARTICLE)], 2, "no publication date: give --published YYYY-MM-DD, or --source ID with --events"),
        ([str(ARTICLE), "--source", "paper"], 2, "--source paper is looked up in --events FILE"),
        (
            [str(ARTICLE), "--source", "nope", "--events", str(ROOT / "tests" / "data" / "mini.yaml")],
            2,
            "has no source 'nope'; give --published YYYY-MM-DD",
        ),
    ],
)
def test_errors_are_one_line(
    args: list[str], status: int, message: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = draft(capsys, *args)
    assert code == status
    assert out == ""
    assert err.count("\n") == 1
    assert message in err


def test_undecodable_article_through_the_console_script(tmp_path: Path) -> None:
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    run = subprocess.run(
        [sys.executable, "-m", "timeline.cli", "draft", str(binary), "--published", "2021-10-05"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert run.returncode == 1
    assert run.stderr == f"timeline draft: {binary}: not UTF-8 text (byte 0)\n"
    assert "Traceback" not in run.stderr
