"""Static text files are sent compressed to clients that accept it, without leaking files."""

from __future__ import annotations

import gzip
import os

import brotli  # type: ignore[import-untyped]
import pytest
from flask.testing import FlaskClient

from tests.support import ROOT

FILES = ["app.css", "app.js", "htmx-2.0.11.min.js", "favicon.svg"]


@pytest.mark.parametrize("name", FILES)
@pytest.mark.parametrize(("accept", "encoding"), [("br, gzip", "br"), ("gzip", "gzip"), ("", None)])
def test_static_text_is_compressed_when_accepted(
    client: FlaskClient, name: str, accept: str, encoding: str | None
) -> None:
    original = (ROOT / "static" / name).read_bytes()
    with client.get(f"/static/{name}", headers={"Accept-Encoding": accept}) as response:
        assert response.status_code == 200
        assert response.headers.get("Content-Encoding") == encoding
        assert "Accept-Encoding" in response.headers["Vary"]
        body, etag = response.data, response.headers["ETag"]
    decoded = {"br": brotli.decompress, "gzip": gzip.decompress, None: bytes}[encoding](body)
    assert decoded == original
    if encoding:
        assert len(body) < len(original) * (0.8 if len(original) < 1000 else 0.4)
    with client.get(f"/static/{name}", headers={"Accept-Encoding": accept, "If-None-Match": etag}) as again:
        assert again.status_code == 304


def test_compressed_static_files_leave_no_file_open(client: FlaskClient) -> None:
    before = len(os.listdir("/proc/self/fd"))
    for _ in range(50):
        client.get("/static/app.css", headers={"Accept-Encoding": "gzip"}).close()
    assert len(os.listdir("/proc/self/fd")) <= before + 2
