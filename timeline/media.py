"""Media on events: what kind a URL is, and how a medium is shown under a Content-Security-Policy.

A medium loads in the page only from a host listed in ``TIMELINE_MEDIA_HOSTS`` (the policy's
``img-src``, ``media-src`` and ``frame-src`` name exactly those hosts); from any other host it
is shown as a link with its caption and credit.  Videos and pages are framed (sandboxed
iframes); a YouTube or Vimeo page address is framed through its player's embed address, which
must be on the list too.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from timeline.model import Media

IMAGE_EXTENSIONS = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg")
VIDEO_EXTENSIONS = (".mp4", ".webm", ".ogv", ".m4v", ".mov")
AUDIO_EXTENSIONS = (".mp3", ".ogg", ".oga", ".opus", ".wav", ".m4a", ".aac", ".flac")
VIDEO_HOSTS = ("youtube.com", "youtu.be", "vimeo.com", "dailymotion.com", "twitch.tv")
AUDIO_HOSTS = ("soundcloud.com", "open.spotify.com")
_YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{6,20}")


def host(url: str) -> str:
    """The URL's host name, lower-case."""
    return (urlsplit(url).hostname or "").lower()


def _on(name: str, hosts: tuple[str, ...]) -> bool:
    return any(name == h or name.endswith("." + h) for h in hosts)


def kind_of(url: str) -> str:
    """``image``, ``video``, ``audio`` or ``page``: what a URL most likely shows."""
    path = urlsplit(url).path.lower()
    name = host(url)
    if path.endswith(IMAGE_EXTENSIONS):
        return "image"
    if path.endswith(VIDEO_EXTENSIONS) or _on(name, VIDEO_HOSTS):
        return "video"
    if path.endswith(AUDIO_EXTENSIONS) or _on(name, AUDIO_HOSTS):
        return "audio"
    return "page"


def embed_url(url: str) -> str:
    """The address to frame for a video page: YouTube's and Vimeo's players; others as they are."""
    parts = urlsplit(url)
    name = host(url)
    video = None
    if _on(name, ("youtube.com",)) and parts.path == "/watch":
        video = (parse_qs(parts.query).get("v") or [""])[0]
    elif name == "youtu.be":
        video = parts.path.strip("/")
    if video is not None and _YOUTUBE_ID.fullmatch(video):
        return f"https://www.youtube-nocookie.com/embed/{video}"
    if _on(name, ("vimeo.com",)) and name != "player.vimeo.com" and parts.path.strip("/").isdigit():
        return f"https://player.vimeo.com/video/{parts.path.strip('/')}"
    return url


@dataclass(frozen=True, slots=True)
class Shown:
    """How one medium appears: ``element`` is image, video, audio, frame or link; ``src`` what loads."""

    media: Media
    element: str
    src: str
    host: str  # the host of the original address, for a link's words


def _allowed(url: str, hosts: Collection[str]) -> bool:
    """True when ``url`` may load in a page: HTTPS, from one of ``hosts``."""
    return urlsplit(url).scheme.lower() == "https" and host(url) in hosts


def show(media: Media, hosts: Collection[str]) -> Shown:
    """How ``media`` is shown when media may load from ``hosts`` only (over HTTPS)."""
    original = host(media.url)
    if media.kind == "image" and _allowed(media.url, hosts):
        return Shown(media, "image", media.url, original)
    if media.kind in ("audio", "video") and _allowed(media.url, hosts) and _is_file(media):
        return Shown(media, media.kind, media.url, original)
    if media.kind in ("video", "page"):
        framed = embed_url(media.url) if media.kind == "video" else media.url
        if _allowed(framed, hosts):
            return Shown(media, "frame", framed, original)
    return Shown(media, "link", media.url, original)


def _is_file(media: Media) -> bool:
    path = urlsplit(media.url).path.lower()
    return path.endswith(VIDEO_EXTENSIONS if media.kind == "video" else AUDIO_EXTENSIONS)
