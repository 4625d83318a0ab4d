"""TimelineJS's JSON format (``timelinejs.json``): a title slide for the view, a slide per event.

Load it with ``new TL.Timeline(element, url_or_object)``; see :mod:`timeline.formats.timelinejs`
for what each slide carries.  Written one slide at a time.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from timeline.formats import timelinejs
from timeline.formats.view import View


def write(view: View) -> Iterator[str]:
    """The view as a TimelineJS JSON document."""
    title = {
        "unique_id": timelinejs.TITLE_ID,
        "text": {"headline": timelinejs.words(view.title), "text": timelinejs.title_text(view)},
    }
    yield '{"title": ' + json.dumps(title, ensure_ascii=False) + ',\n"events": ['
    separator = "\n"
    slides = timelinejs.Slides(view)
    for event in view.events:
        yield separator + json.dumps(slides.slide(event), ensure_ascii=False)
        separator = ",\n"
    yield "\n]}\n"
