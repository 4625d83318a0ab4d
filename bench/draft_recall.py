"""Recall and wrong dates of ``timeline draft`` against hand annotations.

Run: ``make bench-draft`` (or ``.venv/bin/python bench/draft_recall.py [--show]``).

Sets reported apart: the five seed articles (read from ``../shared/seeds`` beside the repository,
or ``$TIMELINE_SEEDS``; skipped with a message when absent) and the held-out texts of
``tests/draft/data/heldout*/``, each written and annotated before the drafts were run on it (and
the rules then generalised, so only each set's first run measured unseen text). A statement is
*found* when a draft quotes its sentence with the annotated date at the annotated precision; a
draft is *wrong* when its sentence has annotated dates and its date is none of them, and *extra*
when it dates a sentence the annotation does not. Target: recall >= 90 % and no wrong date.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline.dates import parse_date  # noqa: E402
from timeline.draft import Draft, draft_article  # noqa: E402
from timeline.load import normalise_quote  # noqa: E402

DATA = ROOT / "tests" / "draft" / "data"
SEEDS = Path(os.environ.get("TIMELINE_SEEDS", ROOT.parent / "shared" / "seeds"))
SETS = (
    ("seeds", DATA / "seeds.yaml", SEEDS),
    ("held-out (annotated before the rules were written)", DATA / "heldout.yaml", DATA / "heldout"),
    ("held-out 2 (written after the first tuning)", DATA / "heldout2.yaml", DATA / "heldout2"),
    ("held-out 3 (written after the second tuning)", DATA / "heldout3.yaml", DATA / "heldout3"),
    ("held-out 4 (written after the third tuning)", DATA / "heldout4.yaml", DATA / "heldout4"),
    ("held-out 5 (written after the fourth tuning)", DATA / "heldout5.yaml", DATA / "heldout5"),
    ("held-out 6 (written blind, in the style of real news)", DATA / "heldout6.yaml", DATA / "heldout6"),
    ("held-out 7 (written blind, first run after set 6's fixes)", DATA / "heldout7.yaml", DATA / "heldout7"),
)


def same_date(left: str, right: str) -> bool:
    """The same date at the same precision (instants compared in UTC)."""
    return parse_date(left).iso() == parse_date(right).iso()


def score(article: dict[str, Any], drafts: list[Draft]) -> dict[str, Any]:
    """Found statements, wrong and extra drafts of one article."""
    statements = [(normalise_quote(s["quote"]), str(s["date"]), s) for s in article["statements"]]
    quotes = [normalise_quote(d.quote) for d in drafts]
    pairs = list(zip(drafts, quotes, strict=True))
    missed = [
        s for q, when, s in statements
        if not any((q in dq or dq in q) and same_date(d.date, when) for d, dq in pairs)
    ]  # fmt: skip
    wrong, extra = [], []
    for draft, dq in zip(drafts, quotes, strict=True):
        dates = [when for q, when, _ in statements if q in dq or dq in q]
        if not dates:
            extra.append(draft)
        elif not any(same_date(draft.date, when) for when in dates):
            wrong.append(draft)
    return {"statements": len(statements), "found": len(statements) - len(missed), "missed": missed,
            "wrong": wrong, "extra": extra}  # fmt: skip


def run_set(name: str, annotations: Path, folder: Path, show: bool) -> tuple[int, int, int, int] | None:
    if not folder.is_dir():
        print(f"{name}: skipped — {folder} not found (the seed articles live beside the repository)")
        return None
    totals = [0, 0, 0, 0]
    print(
        f"\n{name}\n{'article':<28} {'statements':>10} {'found':>6} {'recall':>7} {'wrong':>6} {'extra':>6}"
    )
    for article in yaml.safe_load(annotations.read_text(encoding="utf-8"))["articles"]:
        published = article["published"]
        published = published if isinstance(published, date) else date.fromisoformat(str(published))
        text = (folder / article["file"]).read_text(encoding="utf-8")
        result = score(article, draft_article(text, published))
        row = (result["statements"], result["found"], len(result["wrong"]), len(result["extra"]))
        totals = [a + b for a, b in zip(totals, row, strict=True)]
        recall = 100 * row[1] / row[0] if row[0] else 100.0
        print(f"{article['file']:<28} {row[0]:>10} {row[1]:>6} {recall:>6.0f}% {row[2]:>6} {row[3]:>6}")
        if show:
            for s in result["missed"]:
                print(f"    missed  {s['date']:<24} {s['expression']!r}: {s['quote'][:80]}")
            for d in result["wrong"]:
                print(f"    wrong   {d.date:<24} {d.expression!r}: {d.quote[:80]}")
            for d in result["extra"]:
                print(f"    extra   {d.date:<24} {d.expression!r}: {d.quote[:80]}")
    recall = 100 * totals[1] / totals[0] if totals[0] else 100.0
    print(f"{'total':<28} {totals[0]:>10} {totals[1]:>6} {recall:>6.1f}% {totals[2]:>6} {totals[3]:>6}")
    return totals[0], totals[1], totals[2], totals[3]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="list missed statements, wrong and extra drafts")
    args = parser.parse_args()
    for name, annotated, folder in SETS:
        run_set(name, annotated, folder, args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
