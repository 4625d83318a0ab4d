"""Compare every citation the bundled story shows with pandoc's citeproc, the reference.

Run: ``.venv/bin/python scripts/citations_oracle.py [events.yaml]`` (needs the test toolchain:
pypandoc-binary). Each item of the story's CSL-JSON export (every event and every cited source)
and a few filtered views is rendered in APA 7, Chicago author-date and MLA 9 by the app
(citeproc-py, corrected) and by pandoc, one item a run; prints every difference and a count.
Exits 1 when any string differs.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.formats.oracle import normal, pandoc_entries
from timeline import create_app
from timeline.formats import styles

VIEWS = ("", "actor=yulia-peresild&country=KZ", "tag=launch&from=2021", "q=Байконур")


def main() -> int:
    """Render, compare, report."""
    path = sys.argv[1] if len(sys.argv) > 1 else "events.yaml"
    app = create_app({"TESTING": True, "TIMELINE_EVENTS": path, "TIMELINE_CACHE_DIR": "",
                      "TIMELINE_PUBLISHER": "Orbit Film Desk"})  # fmt: skip
    client = app.test_client()
    items = json.loads(client.get("/export.csl.json").data)
    for query in VIEWS:
        items += json.loads(client.get(f"/cite.csl.json?{query}").data)
    differ = 0
    for style in styles.STYLES:
        for item in items:
            ours = normal(str(styles.html(item, style)))
            reference = pandoc_entries([item], style.csl)[item["id"]]
            if ours != reference:
                differ += 1
                print(f"{style.name} {item['id']}\n  ours:   {ours}\n  pandoc: {reference}")
    total = len(items) * len(styles.STYLES)
    print(f"{len(items)} items × {len(styles.STYLES)} styles: {total - differ} identical, {differ} different")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
