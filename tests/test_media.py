"""What kind a media URL is, which address is framed, and when a medium may load in the page."""

from __future__ import annotations

import pytest

from timeline.media import embed_url, kind_of, show
from timeline.model import Media


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("https://upload.wikimedia.org/a/b/Ada_Lovelace.JPG", "image"),
        ("https://example.org/photo.webp?size=large", "image"),
        ("https://www.youtube.com/watch?v=pi2v1m6gmD8&t=5m21s", "video"),
        ("https://youtu.be/pi2v1m6gmD8", "video"),
        ("https://vimeo.com/12345", "video"),
        ("https://example.org/clip.mp4", "video"),
        ("https://soundcloud.com/innovationhub/grace-hopper", "audio"),
        ("https://example.org/interview.mp3", "audio"),
        ("https://en.wikipedia.org/wiki/Ada_Lovelace", "page"),
        ("https://www.google.com/maps/place/Baikonur", "page"),
    ],
)
def test_the_kind_of_a_url(url: str, kind: str) -> None:
    assert kind_of(url) == kind


@pytest.mark.parametrize(
    ("url", "framed"),
    [
        (
            "https://www.youtube.com/watch?v=pi2v1m6gmD8&t=5m21s",
            "https://www.youtube-nocookie.com/embed/pi2v1m6gmD8",
        ),
        ("https://m.youtube.com/watch?v=pi2v1m6gmD8", "https://www.youtube-nocookie.com/embed/pi2v1m6gmD8"),
        ("https://youtu.be/pi2v1m6gmD8", "https://www.youtube-nocookie.com/embed/pi2v1m6gmD8"),
        ("https://vimeo.com/12345", "https://player.vimeo.com/video/12345"),
        ("https://www.youtube.com/watch?v=<script>", "https://www.youtube.com/watch?v=<script>"),
        ("https://example.org/player/7", "https://example.org/player/7"),
    ],
)
def test_video_pages_are_framed_through_their_players(url: str, framed: str) -> None:
    assert embed_url(url) == framed


def test_only_https_from_a_listed_host_loads_in_the_page() -> None:
    hosts = {"example.org"}
    assert show(Media("https://example.org/a.jpg", "image", alt="A"), hosts).element == "image"
    assert show(Media("http://example.org/a.jpg", "image", alt="A"), hosts).element == "link"
    assert show(Media("https://www.example.org/a.jpg", "image", alt="A"), hosts).element == "link"
    assert show(Media("https://example.org/a.mp4", "video"), hosts).element == "video"
    assert show(Media("https://example.org/a.mp3", "audio"), hosts).element == "audio"
    assert show(Media("https://example.org/page", "page"), hosts).element == "frame"
    assert show(Media("https://example.org/page", "page"), set()).element == "link"
