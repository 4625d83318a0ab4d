"""Drafts as YAML events ready to paste under ``events:``, or as JSON."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import yaml

from timeline.draft import Draft, published_text


def as_json(drafts: list[Draft], article: str, published: date) -> str:
    """``{"article", "published", "drafts": [{"date", "expression", "quote", "note", "actors",
    "countries", "status", "id", "title"}]}``."""
    rows = [
        {
            "date": d.date,
            "expression": d.expression,
            "quote": d.quote,
            "note": d.note,
            "actors": list(d.actors),
            "countries": list(d.countries),
            "status": d.status or "happened",
            "id": d.id,
            "title": d.title,
        }
        for d in drafts
    ]
    document = {"article": article, "published": published.isoformat(), "drafts": rows}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _event(draft: Draft, source: str) -> dict[str, Any]:
    event: dict[str, Any] = {"id": draft.id, "title": draft.title, "date": draft.date}
    if draft.status:
        event["status"] = draft.status
    if draft.actors:
        event["actors"] = list(draft.actors)
    if draft.countries:
        event["countries"] = list(draft.countries)
    event["citations"] = [{"source": source, "quote": draft.quote}]
    return event


def _indented(text: str) -> str:
    return "".join(f"  {line}" if line.strip() else line for line in text.splitlines(keepends=True))


def as_yaml(drafts: list[Draft], article: str, published: date, source: str, origin: str = "") -> str:
    """Events for ``events:``, each headed by comments giving its expression and how it was read;
    ``origin`` says where the publication date came from when it was not given."""
    when = published_text(published) + (f", {origin}" if origin else "")
    lines = [
        f"# Drafted by `timeline draft` from {article} (published {when}):",
        f"# {len(drafts)} dated statements. Check each date, title and quote before keeping it;",
        f"# each cites the source `{source}`, which must be listed under sources:.",
    ]
    for draft in drafts:
        lines.append("")
        lines.append(f"  # from {json.dumps(draft.expression, ensure_ascii=False)}")
        if draft.note:
            lines.append(f"  # {' '.join(draft.note.split())}")
        body = yaml.safe_dump(
            [_event(draft, source)],
            allow_unicode=True,
            sort_keys=False,
            width=10_000,
            default_flow_style=False,
        )
        lines.append(_indented(body).rstrip("\n"))
    return "\n".join(lines) + "\n"
