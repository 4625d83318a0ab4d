"""Recall against the hand annotations (tests/draft/data): at least 90 % of the dated statements
found with the right date and precision, and no wrong date, on the seed articles (read from
../shared/seeds beside the repository, or $TIMELINE_SEEDS) and on the six held-out sets.
`make bench-draft` prints the per-article table."""

from __future__ import annotations

import importlib.util
import os
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from timeline.draft import draft_article

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "draft" / "data"
SEEDS = Path(os.environ.get("TIMELINE_SEEDS", ROOT.parent / "shared" / "seeds"))


def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("draft_recall", ROOT / "bench" / "draft_recall.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def articles(name: str) -> list[dict[str, Any]]:
    loaded: list[dict[str, Any]] = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))["articles"]
    return loaded


@pytest.mark.parametrize(
    ("annotations", "folder"),
    [
        ("seeds.yaml", SEEDS),
        ("heldout.yaml", DATA / "heldout"),
        ("heldout2.yaml", DATA / "heldout2"),
        ("heldout3.yaml", DATA / "heldout3"),
        ("heldout4.yaml", DATA / "heldout4"),
        ("heldout5.yaml", DATA / "heldout5"),
        ("heldout6.yaml", DATA / "heldout6"),
    ],
)
def test_recall_and_no_wrong_date(annotations: str, folder: Path) -> None:
    if not folder.is_dir():
        pytest.skip(f"{folder} not found: the seed articles live in ../shared/seeds beside the repository")
    score = bench().score
    statements = found = 0
    for article in articles(annotations):
        published = article["published"]
        assert isinstance(published, date)
        text = (folder / article["file"]).read_text(encoding="utf-8")
        result = score(article, draft_article(text, published))
        assert result["wrong"] == [], article["file"]
        statements += result["statements"]
        found += result["found"]
    assert found / statements >= 0.9


def test_annotated_quotes_are_in_the_articles() -> None:
    """The annotation quotes the articles verbatim (whitespace and quote marks aside)."""
    from timeline.load import normalise_quote

    sets = (
        ("heldout.yaml", DATA / "heldout"),
        ("heldout2.yaml", DATA / "heldout2"),
        ("heldout3.yaml", DATA / "heldout3"),
        ("heldout4.yaml", DATA / "heldout4"),
        ("heldout5.yaml", DATA / "heldout5"),
        ("heldout6.yaml", DATA / "heldout6"),
        ("seeds.yaml", SEEDS),
    )
    for annotated, folder in sets:
        if not folder.is_dir():
            continue
        for article in articles(annotated):
            text = normalise_quote((folder / article["file"]).read_text(encoding="utf-8"))
            for statement in article["statements"]:
                assert normalise_quote(statement["quote"]) in text, statement["quote"]
