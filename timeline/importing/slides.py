"""TimelineJS slides → an events file.

- The title slide gives the title and description; each event slide an event; each era a span
  tagged ``era``; each ``group`` a tag.
- Text is HTML: it becomes plain text.  Each link in it becomes a source (its address, its
  words as the title, its site as the publisher), cited with the sentence that carried the link.
  An event with no link cites a source standing for the imported timeline itself, with a note
  that the claim still needs a source.
- Dates keep their precision (a year is a year); TimelineJS times have no zone: they are read in
  ``--zone`` (the event gets that zone), or as UTC with a warning.
- Media become ``media:`` entries; what cannot be (embed code, relative addresses without
  ``--base-url``, unsafe addresses) is left out with a warning, never a failed import.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from pathlib import PurePath
from urllib.parse import urljoin, urlsplit

from timeline.dates import DateError, parse_date, parse_zone
from timeline.formats.timelinejs_read import DATE_PARTS, Sheet, Slide, Value, When
from timeline.formats.where import WHOLE_FILE, Report, Where
from timeline.importing import html
from timeline.importing.draft import Draft, Path, Record, slug
from timeline.load import check_url
from timeline.media import kind_of

SELF_SOURCE = "imported-timeline"
NEEDS_SOURCE = "This claim still needs a source: the imported timeline gave no link for it."
ERA_TAG = {"id": "era", "label": "Era", "description": "A period marked on the imported timeline."}
MAX_TITLE = 500


@dataclass(frozen=True, slots=True)
class Settings:
    """What the import knows beyond the slides."""

    file: str  # the input file's name
    base_url: str | None = None
    zone: str | None = None


@dataclass(slots=True)
class _Import:
    settings: Settings
    report: Report
    draft: Draft
    urls: dict[str, str] = field(default_factory=dict)  # source URL -> source id
    ids: set[str] = field(default_factory=set)
    groups: dict[str, str] = field(default_factory=dict)  # label -> tag id
    utc_warned: bool = False


def draft(sheet: Sheet, settings: Settings, report: Report) -> Draft:
    """The events file a TimelineJS timeline becomes."""
    job = _Import(settings, report, Draft(root=WHOLE_FILE, tags={}))
    _title(job, sheet.title)
    for slide in sheet.events:
        _event(job, slide)
    for i, era in enumerate(sheet.eras, start=1):
        _era(job, era, i)
    if not sheet.events and not sheet.eras:
        report.problem(WHOLE_FILE, "the timeline has no events")
    if not job.draft.tags:
        job.draft.tags = None
    return job.draft


def _title(job: _Import, slide: Slide | None) -> None:
    name = PurePath(job.settings.file).stem
    headline = html.plain(slide.fields["headline"].text).text if slide and "headline" in slide.fields else ""
    job.draft.title = _short(headline) if headline else name
    if slide is None or not headline:
        job.report.warn(
            slide.where if slide else WHOLE_FILE, f"no title slide headline: the timeline is called {name!r}"
        )
    if slide is not None:
        if "headline" in slide.fields:
            job.draft.origins[("title",)] = slide.fields["headline"].where
        if "text" in slide.fields:
            job.draft.description = html.plain(slide.fields["text"].text).text
            job.draft.origins[("description",)] = slide.fields["text"].where
        if "url" in slide.media:
            job.report.warn(
                slide.media["url"].where,
                "the title slide's media is not kept (a timeline has none of its own)",
            )


def _short(text: str) -> str:
    """A title of at most 500 characters, cut at a word."""
    one_line = " ".join(text.split())
    if len(one_line) <= MAX_TITLE:
        return one_line
    return one_line[: MAX_TITLE - 1].rsplit(" ", 1)[0] + "…"


def _event(job: _Import, slide: Slide) -> None:
    if job.report.troubled(slide.where):
        return  # its problems are reported; what it would become would only repeat them
    if slide.start is None:
        job.report.warn(slide.where, "a slide without a start date is not shown by TimelineJS: left out")
        return
    text = html.plain(slide.fields["text"].text) if "text" in slide.fields else html.Plain("", ())
    title, title_where = _event_title(job, slide, text)
    record: Record = {"id": _id(job, slide, title), "title": title}
    origins: dict[Path, Where] = {
        (): slide.where,
        ("id",): slide.fields.get("unique_id", Value("", slide.where)).where,
    }
    origins[("title",)] = title_where
    _dates(job, slide, record, origins)
    if text.text:
        record["summary"] = text.text
        origins[("summary",)] = slide.fields["text"].where
    if "group" in slide.fields:
        record["tags"] = [_group(job, slide.fields["group"])]
        origins[("tags", 0)] = slide.fields["group"].where
    _cite(job, record, origins, slide, text)
    _display_date(job, slide)
    media = _media(job, slide, title)
    if media is not None:
        record["media"] = [media[0]]
        origins.update({("media", 0, *path): where for path, where in media[1].items()})
    if not job.report.troubled(slide.where):
        job.draft.add_event(record, origins)


def _event_title(job: _Import, slide: Slide, text: html.Plain) -> tuple[str, Where]:
    if "headline" in slide.fields and (headline := html.plain(slide.fields["headline"].text).text):
        return _short(headline), slide.fields["headline"].where
    if text.text:
        first = html.sentence(text.text, 0, 1)
        job.report.warn(slide.where, "no headline: the text's first sentence is the title")
        return _short(first), slide.fields["text"].where
    caption = html.plain(slide.media["caption"].text).text if "caption" in slide.media else ""
    job.report.warn(slide.where, "no headline and no text: the title says so")
    return _short(caption or "Untitled event"), slide.where


def _id(job: _Import, slide: Slide, title: str) -> str:
    given = slide.fields.get("unique_id")
    wanted = slug(given.text if given else title, f"event-{len(job.ids) + 1}")
    ident = job.draft.unique(wanted, job.ids)
    if given is not None and ident != given.text.strip():
        job.report.warn(given.where, f"unique_id {given.text!r} became the id {ident!r}")
    job.ids.add(ident)
    return ident


def _group(job: _Import, group: Value) -> str:
    label = _short(html.plain(group.text).text) or group.text.strip()
    assert job.draft.tags is not None
    if label not in job.groups:
        ident = job.draft.unique(slug(label, f"group-{len(job.draft.tags) + 1}"), job.draft.tags)
        job.draft.add("tags", {"id": ident, "label": label}, group.where)
        job.groups[label] = ident
    return job.groups[label]


# --- dates ---------------------------------------------------------------------------------


def _dates(job: _Import, slide: Slide, record: Record, origins: dict[Path, Where]) -> None:
    assert slide.start is not None
    start = _date(job, slide.start)
    if start is None:
        return
    record["date"] = start
    origins[("date",)] = slide.start.where
    if slide.end is not None and _parts(slide.end) != _parts(slide.start):  # TimelineJS drops an equal end
        end = _date(job, slide.end)
        if end is not None:
            record["end"] = end
            origins[("end",)] = slide.end.where
    if "T" in start and slide.start.offset is None and job.settings.zone:
        record["zone"] = job.settings.zone
        origins[("zone",)] = slide.start.where


def _parts(when: When) -> dict[str, str]:
    return {k: v.text for k, v in when.parts.items() if k in DATE_PARTS}


def _numbers(job: _Import, when: When) -> dict[str, int] | None:
    numbers: dict[str, int] = {}
    for name in DATE_PARTS:
        value = when.parts.get(name)
        if value is None:
            continue
        try:
            numbers[name] = int(value.text)
        except ValueError:
            job.report.problem(value.where, f"{name} {value.text!r} is not a whole number")
            return None
    year = numbers.get("year")
    if year is None:
        job.report.problem(when.where, "a date needs a year")
        return None
    if not 1 <= year <= 9999:
        job.report.problem(
            when.parts["year"].where, f"year {year} is outside 1 to 9999, the years the timeline shows"
        )
        return None
    for part, needs in (("day", "month"), ("hour", "day"), ("minute", "hour"), ("second", "minute")):
        if part in numbers and needs not in numbers:
            job.report.problem(when.parts[part].where, f"a date with a {part} needs a {needs}")
            return None
    return numbers if _in_range(job, when, numbers) else None


def _in_range(job: _Import, when: When, numbers: dict[str, int]) -> bool:
    """Each part within its range, reported at its own place (the month at the Month cell)."""
    month = numbers.get("month")
    last_day = calendar.monthrange(numbers["year"], month)[1] if month and 1 <= month <= 12 else 31
    limits = {"month": (1, 12), "day": (1, last_day), "hour": (0, 23), "minute": (0, 59), "second": (0, 59)}
    for name, (low, high) in limits.items():
        if name in numbers and not low <= numbers[name] <= high:
            job.report.problem(
                when.parts[name].where, f"{name} {numbers[name]} is not between {low} and {high}"
            )
            return False
    return True


def _date(job: _Import, when: When) -> str | None:
    """The date in the timeline's notation, at the precision TimelineJS was given."""
    numbers = _numbers(job, when)
    if numbers is None:
        return None
    text = f"{numbers['year']:04d}"
    text += "".join(f"-{numbers[p]:02d}" for p in ("month", "day") if p in numbers)
    if "hour" in numbers:
        text += f"T{numbers['hour']:02d}:{numbers.get('minute', 0):02d}"
        text += f":{numbers['second']:02d}" if "second" in numbers else ""
        text += _zone_suffix(job, when)
    zone = parse_zone(job.settings.zone) if job.settings.zone else None
    try:
        parse_date(text, zone)
    except DateError as exc:
        job.report.problem(when.where, str(exc))
        return None
    return text


def _zone_suffix(job: _Import, when: When) -> str:
    if when.offset is not None:
        return when.offset
    if job.settings.zone:
        return ""
    if not job.utc_warned:
        job.utc_warned = True
        job.report.warn(
            when.where, "TimelineJS times have no time zone: read as UTC (give --zone for local times)"
        )
    return "Z"


def _display_date(job: _Import, slide: Slide) -> None:
    shown = slide.fields.get("display_date") or (
        slide.start.parts.get("display_date") if slide.start else None
    )
    if shown is not None:
        job.report.warn(
            shown.where, f"display date {shown.text!r} is not kept: dates show at their own precision"
        )


# --- citations -------------------------------------------------------------------------------


def _cite(job: _Import, record: Record, origins: dict[Path, Where], slide: Slide, text: html.Plain) -> None:
    citations: list[Record] = []
    where = slide.fields["text"].where if "text" in slide.fields else slide.where
    for link in text.links:
        ident = _link_source(job, link, where)
        if ident is None:
            continue
        citation = {"source": ident, "quote": html.sentence(text.text, link.start, link.end)}
        if citation not in citations:
            citations.append(citation)
    if not citations:
        _self_source(job)
        citations.append({"source": SELF_SOURCE, "quote": text.text or record["title"], "note": NEEDS_SOURCE})
    record["citations"] = citations
    origins[("citations",)] = where


def _absolute(job: _Import, href: str) -> str | None:
    """``href`` made absolute against ``--base-url`` if it is relative (None: it cannot be)."""
    if href.startswith("//"):
        return "https:" + href
    try:
        if urlsplit(href).scheme:
            return href
    except ValueError:  # malformed ("http://[x"): check_url says why
        return href
    return urljoin(job.settings.base_url, href) if job.settings.base_url else None


def _link_source(job: _Import, link: html.Link, where: Where) -> str | None:
    url = _absolute(job, link.href)
    if url is None or check_url(url) is not None:
        why = "relative (give --base-url)" if url is None else check_url(url)
        job.report.warn(where, f"link {link.href!r} is not a source: {why}; its words stay in the text")
        return None
    if url in job.urls:
        return job.urls[url]
    parts = urlsplit(url)
    site = (parts.hostname or "").removeprefix("www.")
    ident = job.draft.unique(slug(site + parts.path, "source"), job.draft.sources)
    words = (
        _short(link.words)
        if link.words and link.words != link.href
        else _short(site + parts.path.rstrip("/"))
    )
    note = (
        f"Imported from a link in {job.settings.file}: the title is the link's words and the publisher its"
        " site. It is cited with the sentence of the imported timeline that linked to it: check that"
        " the source says so."
    )
    record = {"id": ident, "title": words, "publisher": site, "url": url, "note": note}
    job.draft.add("sources", record, where)
    job.urls[url] = ident
    return ident


def _self_source(job: _Import) -> None:
    if SELF_SOURCE in job.draft.sources:
        return
    record = {
        "id": SELF_SOURCE,
        "title": job.draft.title,
        "publisher": f"Unknown (the TimelineJS timeline in {job.settings.file})",
        "note": f"The timeline imported from {job.settings.file}. Claims that cite it still need a source.",
    }
    job.draft.add("sources", record, WHOLE_FILE)


# --- eras and media ---------------------------------------------------------------------------


def _era(job: _Import, era: Slide, number: int) -> None:
    if job.report.troubled(era.where):
        return
    if era.start is None or era.end is None:
        job.report.problem(era.where, "an era needs a start and an end date")
        return
    headline = html.plain(era.fields["headline"].text).text if "headline" in era.fields else ""
    start, end = _date(job, era.start), _date(job, era.end)
    if start is None or end is None:
        return
    title = _short(headline) or f"Era {number}"
    ident = job.draft.unique(slug(headline, f"era-{number}"), job.ids)
    job.ids.add(ident)
    assert job.draft.tags is not None
    if "era" not in job.draft.tags:
        job.draft.add("tags", dict(ERA_TAG), era.where)
    _self_source(job)
    record = {
        "id": ident, "title": title, "date": f"{start}/{end}", "tags": ["era"],
        "citations": [{"source": SELF_SOURCE, "quote": title, "note": NEEDS_SOURCE}],
    }  # fmt: skip
    job.draft.add_event(record, {(): era.where, ("date",): era.start.where})


def _media(job: _Import, slide: Slide, title: str) -> tuple[Record, dict[Path, Where]] | None:
    given = slide.media.get("url")
    if given is None:
        return None
    href = given.text.strip()
    url = None if href.startswith("<") else _absolute(job, href)
    why = None if url is None else check_url(url)
    if url is None or why is not None:
        reason = "embed code is not imported (give the medium's address)" if href.startswith("<") else why
        reason = reason or "it is relative: give --base-url to resolve it"
        job.report.warn(given.where, f"media {href[:80]!r} left out: {reason}")
        return None
    item: Record = {"url": url, "kind": kind_of(url)}
    origins: dict[Path, Where] = {(): given.where, ("url",): given.where}
    for name in ("caption", "credit", "alt"):
        if name in slide.media and (words := html.plain(slide.media[name].text).text):
            item[name] = _short(words) if name != "caption" else words
            origins[(name,)] = slide.media[name].where
    if item["kind"] == "image" and "alt" not in item:
        stand_in = "caption" if "caption" in item else "headline"
        item["alt"] = _short(item.get("caption", title))
        job.report.warn(given.where, f"the image has no alt text: its {stand_in} stands in")
    return item, origins
