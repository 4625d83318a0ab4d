"""Media on events: the schema, `timeline check` and the snapshot cache carry them through."""

from __future__ import annotations

import pytest

from timeline.load import LoadError, build, snapshot
from timeline.model import Media

FILE = """title: T
sources:
  - {{id: s, title: S, publisher: P}}
actors: []
events:
  - id: e
    title: E
    date: 2021
    citations: [{{source: s, quote: q}}]
    media:
{media}
"""


def loaded(media: str) -> tuple[Media, ...]:
    """The media of the one event of a file whose media list is ``media``."""
    return build(FILE.format(media=media).encode()).events[0].media


def problems(media: str) -> list[str]:
    """``LINE:COL: message`` for each problem of a file whose media list is ``media``."""
    with pytest.raises(LoadError) as caught:
        build(FILE.format(media=media).encode())
    return [f"{p.line}:{p.col}: {p.message}" for p in caught.value.problems]


def test_every_field_of_every_kind_is_kept() -> None:
    media = loaded(
        "      - {url: 'https://upload.wikimedia.org/a.jpg', kind: image, alt: A rocket on the pad,"
        " caption: The launch, credit: NASA}\n"
        "      - {url: 'https://www.youtube-nocookie.com/embed/abc', kind: video}\n"
        "      - {url: 'https://example.org/a.mp3', kind: audio, credit: Radio}\n"
        "      - {url: 'https://example.org/page', kind: page, caption: The press release}"
    )
    assert media == (
        Media("https://upload.wikimedia.org/a.jpg", "image", "The launch", "NASA", "A rocket on the pad"),
        Media("https://www.youtube-nocookie.com/embed/abc", "video"),
        Media("https://example.org/a.mp3", "audio", credit="Radio"),
        Media("https://example.org/page", "page", caption="The press release"),
    )


def test_an_image_without_alt_is_refused_where_it_is_written() -> None:
    assert problems("      - {url: 'https://example.org/a.jpg', kind: image, caption: A rocket}") == [
        "11:9: events.0.media.0: an image needs alt: what it shows, for people who cannot see it"
    ]


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("{url: 'javascript:alert(1)', kind: page}", "a URL must start with http:// or https://"),
        ("{url: 'https://user:pw@example.org/a.mp4', kind: video}", "must not contain a user name"),
        ("{url: 'https://example.org/a b.jpg', kind: image, alt: x}", "contains spaces"),
        ("{url: 'https://example.org/a', kind: gif}", "is not one of image | video | audio | page"),
        ("{url: 'https://example.org/a', kind: page, credit: ''}", "must not be empty"),
        ("{url: 'https://example.org/a', kind: page, width: 3}", "unknown key 'width'"),
        ('{url: "https://example.org/a", kind: page, caption: "a\\u0007b"}', "caption contains a control"),
    ],
)
def test_a_bad_item_is_one_positioned_problem(item: str, expected: str) -> None:
    [problem] = problems(f"      - {item}")
    assert problem.startswith("11:")
    assert expected in problem


def test_the_snapshot_cache_gives_media_back_as_media() -> None:
    item = "      - {url: 'https://example.org/a.jpg', kind: image, alt: A, credit: C}"
    timeline = build(FILE.format(media=item).encode())
    again = snapshot.loads(snapshot.dumps(timeline))
    assert again == timeline
    assert isinstance(again.events[0].media[0], Media)
    assert again.events[0].media[0].alt == "A"
