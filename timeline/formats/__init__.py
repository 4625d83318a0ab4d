"""Flask-free writers (and readers) of the timeline's data, one module per format.

A format is added by writing one module with a ``write(view)`` function (see
:mod:`timeline.formats.view`) and adding one line to :data:`_ALL`; the web layer serves every
registered format at ``/export.<name>`` with the page's filters.  Writers yield text in
pieces, so a large export streams in bounded memory.
"""

from __future__ import annotations

from timeline.formats import atom, bibtex, csl, csvtable, ical, jsonfeed, timelinejs_csv, timelinejs_json
from timeline.formats.view import Format, Links, View

FEED_SIZE = 100  # a feed is not an archive: the newest this many events, unless ``limit`` asks

_ALL: tuple[Format, ...] = (
    Format("ics", "iCalendar (.ics)", "text/calendar", ical.write),
    Format("atom", "Atom", "application/atom+xml", atom.write, newest=FEED_SIZE),
    Format("json", "JSON Feed", "application/feed+json", jsonfeed.write, newest=FEED_SIZE),
    Format("bib", "BibTeX", "application/x-bibtex", bibtex.write),
    Format("csl.json", "CSL-JSON", csl.MEDIA_TYPE, csl.write),
    Format("csv", "CSV (spreadsheet)", "text/csv", csvtable.write),
    Format("timelinejs.csv", "TimelineJS sheet (CSV)", "text/csv", timelinejs_csv.write),
    Format("timelinejs.json", "TimelineJS (JSON)", "application/json", timelinejs_json.write),
)
FORMATS: dict[str, Format] = {f.name: f for f in _ALL}

__all__ = ["FORMATS", "Format", "Links", "View"]
