"""Absolute links: an id's link built once per route reads as url_for builds it, for any id."""

from __future__ import annotations

from flask import Flask
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.web.urls import absolute, by_id

IDS = st.from_regex(r"[a-z0-9]+(-[a-z0-9]+)*", fullmatch=True) | st.text(max_size=30)
BASES = st.sampled_from(["http://localhost/", "https://example.org/sub/path/", "http://id.example:8080/id/"])


@settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(idents=st.lists(IDS, min_size=1, max_size=5), base=BASES)
def test_an_id_links_as_url_for_links_it(app: Flask, idents: list[str], base: str) -> None:
    with app.test_request_context(base_url=base):
        for endpoint in ("timeline.event", "timeline.source", "timeline.actor"):
            link = by_id(endpoint)
            assert [link(i) for i in idents] == [absolute(endpoint, ident=i) for i in idents]
