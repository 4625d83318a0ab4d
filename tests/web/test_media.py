"""Media on pages: figures from allowed hosts only, links otherwise, the credit always shown, strict CSP."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.support import DATA, Node, parse
from timeline import create_app

HOSTS = "upload.wikimedia.org,www.youtube-nocookie.com,example.org"


def app_with(hosts: str) -> Flask:
    """The app on the export fixture (an event with an image, a video, a sound and a page)."""
    config = {"TESTING": True, "TIMELINE_EVENTS": str(DATA / "exports.yaml"), "TIMELINE_CACHE_DIR": ""}
    return create_app({**config, "TIMELINE_MEDIA_HOSTS": hosts})


def figures(client: FlaskClient, path: str) -> list[Node]:
    response = client.get(path)
    assert response.status_code == 200
    return parse(response.data).find("figure", "media")


def policy(client: FlaskClient) -> dict[str, str]:
    header = client.get("/").headers["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in header.split(";"))


@pytest.mark.parametrize("path", ["/events/launch", "/?tag=launch"])
def test_without_media_hosts_media_are_links_with_captions_and_credits(path: str) -> None:
    client = app_with("").test_client()
    shown = figures(client, path)
    assert len(shown) == 4
    assert not any(f.find("img") or f.find("iframe") or f.find("audio") or f.find("video") for f in shown)
    image = shown[0].one("a", "media-link")
    assert image.text == "Image: A Soyuz rocket standing on its launch pad at dawn"
    assert image.attrs["href"] == "https://upload.wikimedia.org/wikipedia/commons/a/a1/Soyuz_MS-19.jpg"
    assert image.attrs["rel"] == "noopener noreferrer"
    assert shown[0].one("span", "credit").text == "Credit: NASA/Bill Ingalls"
    assert shown[0].one("span", "caption").text == "The Soyuz on the pad"
    assert [f.one("a", "media-link").text for f in shown[1:]] == [
        "Video from www.youtube.com",
        "Audio from example.org",
        "Page from example.org",
    ]
    assert "media-src" not in policy(client)
    assert "frame-src" not in policy(client)
    assert policy(client)["img-src"] == "'self'"


def test_from_allowed_hosts_media_load_lazily_in_reserved_space_with_the_credit() -> None:
    client = app_with(HOSTS).test_client()
    image, video, sound, page = figures(client, "/events/launch")
    img = image.one("img")
    assert img.attrs["alt"] == "A Soyuz rocket standing on its launch pad at dawn"
    assert img.attrs["loading"] == "lazy"
    assert (img.attrs["width"], img.attrs["height"]) == ("1280", "720")
    assert image.one("span", "credit").text == "Credit: NASA/Bill Ingalls"
    assert image.one("a", "media-source").text == "Original at upload.wikimedia.org"
    frame = video.one("iframe")
    assert frame.attrs["src"] == "https://www.youtube-nocookie.com/embed/abcdefghijk"
    assert frame.attrs["sandbox"] == "allow-scripts allow-same-origin allow-presentation allow-popups"
    assert frame.attrs["title"] == "The launch, live"
    assert frame.attrs["loading"] == "lazy"
    assert sound.one("audio").attrs["preload"] == "none"
    assert sound.one("span", "credit").text == "Credit: Radio"
    assert page.one("iframe").attrs["title"] == "Page from example.org"
    hosts = " ".join(f"https://{h}" for h in HOSTS.split(","))
    assert {k: policy(client)[k] for k in ("img-src", "media-src", "frame-src")} == {
        "img-src": f"'self' {hosts}",
        "media-src": hosts,
        "frame-src": hosts,
    }


def test_a_host_not_on_the_list_stays_a_link() -> None:
    client = app_with("upload.wikimedia.org").test_client()
    image, video, _, _ = figures(client, "/events/launch")
    assert image.find("img")
    assert not video.find("iframe")  # its player's host is not on the list
    assert video.one("a", "media-link").attrs["href"] == "https://www.youtube.com/watch?v=abcdefghijk"


def test_the_api_gives_every_medium() -> None:
    client = app_with("").test_client()
    media = client.get("/api/events/launch").json["media"]  # type: ignore[index]
    assert media[0] == {
        "url": "https://upload.wikimedia.org/wikipedia/commons/a/a1/Soyuz_MS-19.jpg",
        "kind": "image",
        "caption": "The Soyuz on the pad",
        "credit": "NASA/Bill Ingalls",
        "alt": "A Soyuz rocket standing on its launch pad at dawn",
        "translations": {},  # of the caption and alt text, by language
    }
    assert [m["kind"] for m in media] == ["image", "video", "audio", "page"]
